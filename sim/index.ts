/**
 * hotline-planner's public API. Notebooks, the CLI and users import from here
 * only; this file re-exports and holds no logic.
 */
export * from './core/errors.js';
export * from './core/validate.js';
export type { QueueParams, QueueMetrics } from './analytic/types.js';
