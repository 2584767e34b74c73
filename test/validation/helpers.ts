import { expect } from 'vitest';
import type { QueueMetrics, QueueParams } from '../../sim/analytic/types.js';
import { simulateQueue, type SimulatedQueueMetrics } from '../../sim/model/simulateQueue.js';
import { confidenceInterval } from '../../sim/stats/confidenceInterval.js';

/**
 * Longer validation runs (more replications and calls, tighter intervals) are
 * behind `HOTLINE_LONG_VALIDATION=1`; the default keeps `npm test` short.
 */
export const LONG = process.env.HOTLINE_LONG_VALIDATION === '1';

/** The seed of every validation run. Fixed, so the tests are deterministic. */
export const VALIDATION_SEED = 2026;

/** Replications 0..n-1 of `simulateQueue(q)`, each with `calls` measured callers. */
export function replicateQueue(q: QueueParams, replications: number, calls: number): SimulatedQueueMetrics[] {
  return Array.from({ length: replications }, (_, replication) =>
    simulateQueue(q, { calls, seed: VALIDATION_SEED, replication }),
  );
}

/** The `QueueMetrics` fields that are estimates (not `offeredErlangs` or `stable`). */
export type MetricName = Exclude<keyof QueueMetrics, 'offeredErlangs' | 'stable'>;

/**
 * Expect the exact value of a metric inside the 99% Student t interval of the
 * replications' values. Never widen the interval to make this pass: if it
 * fails, add replications and investigate (bias, warm-up, a wrong formula).
 */
export function expectInside99(
  runs: readonly SimulatedQueueMetrics[],
  name: MetricName,
  exact: number,
): void {
  const values = runs.map((run) => run[name]);
  const { lower, upper, mean } = confidenceInterval(values, 0.99);
  const message = `${name}: exact ${exact} outside the 99% interval [${lower}, ${upper}] (mean ${mean}, n ${values.length})`;
  expect(exact, message).toBeGreaterThanOrEqual(lower);
  expect(exact, message).toBeLessThanOrEqual(upper);
}
