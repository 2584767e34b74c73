import { mean as sampleMean, sampleStandardDeviation } from 'simple-statistics';
import { requireFiniteValues, requireLevel } from './checks.js';
import { studentTQuantile } from './studentT.js';

/** A two-sided confidence interval for a mean. */
export interface ConfidenceInterval {
  /** The sample mean, the centre of the interval. */
  mean: number;
  /** Lower end: mean - halfWidth. */
  lower: number;
  /** Upper end: mean + halfWidth. */
  upper: number;
  /** t quantile x standard error; `Infinity` with a single value. */
  halfWidth: number;
  /** The confidence level, in (0, 1). */
  level: number;
  /** The number of values. */
  n: number;
}

/**
 * Two-sided Student t confidence interval for the mean of independent,
 * roughly normal values (for example one KPI from each of n independent
 * replications): mean +/- t(1 - (1 - level)/2, n - 1) x s / sqrt(n), with s
 * the sample standard deviation (n - 1 in the denominator).
 *
 * The mean and s come from simple-statistics; the t quantile from
 * `studentTQuantile`, which simple-statistics lacks. With one value the
 * interval is (-Infinity, Infinity): one replication says nothing about the
 * spread. Equal values give a zero-width interval.
 *
 * @param values the sample, at least one finite number
 * @param level confidence level in (0, 1); 0.95 by default
 * @returns the interval with its mean, half-width, level and n
 * @throws {RangeError} when `values` is empty or holds a non-finite number, or `level` is outside (0, 1)
 * @example
 * confidenceInterval([1, 2, 3, 4, 5], 0.95);
 * // => { mean: 3, halfWidth: 1.963243161, lower: 1.036756839, upper: 4.963243161, level: 0.95, n: 5 }
 * // (t(0.975, 4) = 2.776445105 x sqrt(2.5) / sqrt(5))
 */
export function confidenceInterval(values: readonly number[], level = 0.95): ConfidenceInterval {
  requireFiniteValues('confidenceInterval', values);
  requireLevel('confidenceInterval', level);
  const n = values.length;
  const mean = sampleMean(values as number[]);
  if (n === 1) return { mean, lower: -Infinity, upper: Infinity, halfWidth: Infinity, level, n };
  const standardError = sampleStandardDeviation(values as number[]) / Math.sqrt(n);
  const halfWidth = studentTQuantile(1 - (1 - level) / 2, n - 1) * standardError;
  return { mean, lower: mean - halfWidth, upper: mean + halfWidth, halfWidth, level, n };
}
