import { requirePositiveInteger } from './validate.js';

/**
 * The quick-run switch. When the test suite executes the notebooks it sets the
 * environment variable `HOTLINE_QUICK=1`, and notebooks ask for fewer
 * replications (or a coarser sweep) so that `npm test` stays within its time.
 * The code path is the same either way: only the counts change.
 */

/** Name of the environment variable that asks for a quick run. */
export const QUICK_ENV_VAR = 'HOTLINE_QUICK';

/**
 * Whether this process was asked for a quick run: `HOTLINE_QUICK` is exactly
 * `1`. Any other value, or none, means a full run.
 *
 * @param env the environment to read
 *
 *   __Default value:__ `process.env`
 * @returns `true` when `HOTLINE_QUICK=1`
 * @example
 * isQuickRun({ HOTLINE_QUICK: '1' }); // => true
 * isQuickRun({}); // => false
 */
export function isQuickRun(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env[QUICK_ENV_VAR] === '1';
}

/**
 * Pick a count for this run: `full` normally, `quick` under `HOTLINE_QUICK=1`.
 * Use it for replications, sweep points or simulated days in notebooks.
 *
 * @param full the count for a normal run, a positive integer
 * @param quick the count for a quick run, a positive integer no larger than `full`
 * @param env the environment to read
 *
 *   __Default value:__ `process.env`
 * @returns `quick` when `HOTLINE_QUICK=1`, otherwise `full`
 * @throws {RangeError} when `full` or `quick` is not a positive integer, or `quick > full`
 * @example
 * const replications = replicationsFor(200, 10); // 200, or 10 when the suite runs the notebook
 */
export function replicationsFor(
  full: number,
  quick: number,
  env: Readonly<Record<string, string | undefined>> = process.env,
): number {
  requirePositiveInteger('replicationsFor', 'full', full);
  requirePositiveInteger('replicationsFor', 'quick', quick);
  if (quick > full) {
    throw new RangeError(`replicationsFor: quick must be <= full (got ${quick} > ${full})`);
  }
  return isQuickRun(env) ? quick : full;
}
