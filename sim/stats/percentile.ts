import { quantileSorted } from 'simple-statistics';
import { requireFiniteValues } from './checks.js';

/**
 * The p-quantile of a sample by linear interpolation between order
 * statistics: Hyndman and Fan's definition 7, the default of R's `quantile`,
 * NumPy's `percentile` and simple-statistics' `quantile`. With the values
 * sorted as x[0] <= ... <= x[n-1], h = (n - 1) p and the result is
 * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). So the 5th
 * percentile of 20 replications lies between the lowest and the second
 * lowest value, and p = 0 and p = 1 give the minimum and maximum.
 *
 * @param values the sample, at least one finite number (not changed)
 * @param p the probability, in [0, 1] (0.05 for the 5th percentile)
 * @returns the interpolated quantile
 * @throws {RangeError} when `values` is empty or holds a non-finite number, or `p` is outside [0, 1]
 * @example
 * percentile([1, 2, 3, 4, 5], 0.5); // => 3
 * percentile([10, 20], 0.05); // => 10.5 (h = 0.05, a twentieth of the way)
 */
export function percentile(values: readonly number[], p: number): number {
  requireFiniteValues('percentile', values);
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new RangeError(`percentile: p must be a probability in [0, 1] (got ${String(p)})`);
  }
  const sorted = Float64Array.from(values).sort();
  return quantileSorted(Array.from(sorted), p);
}
