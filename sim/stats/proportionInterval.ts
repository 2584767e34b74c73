import { mean as sampleMean, sampleStandardDeviation } from 'simple-statistics';
import { requireFiniteValues, requireLevel } from './checks.js';
import { normalQuantile } from './normalQuantile.js';
import { studentTQuantile } from './studentT.js';

/**
 * The Wilson score interval of a probability seen `successes` times in
 * `trials` independent trials: unlike the normal approximation, it stays
 * inside [0, 1] and is not empty at 0 or `trials` successes.
 *
 * Reference: E. B. Wilson (1927), JASA 22(158), 209-212.
 *
 * @param successes trials in which the event happened, an integer from 0 to `trials`
 * @param trials a non-negative integer (0 gives [0, 1]: nothing is known)
 * @param level confidence level, in (0, 1); 0.95 by default
 * @returns the interval's ends, in [0, 1]
 * @throws {RangeError} when the counts are not integers with 0 <= successes <= trials, or level is outside (0, 1)
 * @example
 * wilsonBounds(9, 10, 0.95); // => { low: 0.5958499732, high: 0.9821237869 }
 */
export function wilsonBounds(successes: number, trials: number, level = 0.95): { low: number; high: number } {
  const fn = 'wilsonBounds';
  if (!Number.isInteger(trials) || trials < 0) {
    throw new RangeError(`${fn}: trials must be a non-negative integer (got ${trials})`);
  }
  if (!Number.isInteger(successes) || successes < 0) {
    throw new RangeError(`${fn}: successes must be a non-negative integer (got ${successes})`);
  }
  if (successes > trials) {
    throw new RangeError(`${fn}: successes must be at most trials (got ${successes} > ${trials})`);
  }
  requireLevel(fn, level);
  if (trials === 0) return { low: 0, high: 1 };
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials));
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half),
  };
}

/** How `proportionInterval` built its interval. */
export type ProportionIntervalMethod = 'logit-t' | 'wilson' | 'none';

/** A confidence interval for the mean of proportions, inside [0, 1]. */
export interface ProportionInterval {
  /** The mean of the values, in [0, 1]. */
  mean: number;
  /** Lower end, in [0, 1], at most `mean`. */
  lower: number;
  /** Upper end, in [0, 1], at least `mean`. */
  upper: number;
  /** The confidence level, in (0, 1). */
  level: number;
  /** The number of values. */
  n: number;
  /**
   * `logit-t`: the Student t interval on the logit scale; `wilson`: every value
   * was 0 or 1; `none`: a single value that is neither, so [0, 1].
   */
  method: ProportionIntervalMethod;
}

/**
 * Confidence interval for the mean of proportions (one answer rate, service
 * level, occupancy... from each of n independent replications) that never
 * leaves [0, 1], as the plain Student t interval does near 0 and 1
 * (`mean ± t·s/√n` gave an answer rate's upper end of 1.0028).
 *
 * - **logit-t** (the usual case): with m the mean and s the standard
 *   deviation of the values, the t interval is built for logit(m), whose
 *   standard error is, by the delta method, s / (√n · m (1 − m)):
 *   `expit(logit(m) ± t(1 − (1 − level)/2, n − 1) · s / (√n · m (1 − m)))`.
 *   It is centred on m on the logit scale, so it is asymmetric near 0 and 1,
 *   and it is the plain t interval to first order when m is away from them.
 *   Equal values give a zero-width interval.
 * - **Wilson** when every value is 0 or 1 (a period in which each
 *   replication answered all or none of its calls, or a single call): the
 *   Wilson score interval of k ones in n replications (`wilsonBounds`), which
 *   the logit, infinite at 0 and 1, cannot give.
 * - **none**: a single value that is neither 0 nor 1 says nothing about the
 *   spread: [0, 1].
 *
 * Reference: the logit transform with the delta method for proportions, as
 * in A. Agresti, Categorical Data Analysis (3rd ed., 2013), section 16.1.
 *
 * @param values the sample, at least one number in [0, 1]
 * @param level confidence level in (0, 1); 0.95 by default
 * @returns the interval, with the method that built it
 * @throws {RangeError} when `values` is empty or holds a number outside [0, 1], or `level` is outside (0, 1)
 * @example
 * proportionInterval([0.8, 0.85, 0.9, 0.95], 0.95);
 * // => { mean: 0.875, lower: 0.7323973074, upper: 0.9470999603, level: 0.95, n: 4, method: 'logit-t' }
 * proportionInterval([1, 1, 1, 0], 0.95); // Wilson for 3 of 4: lower 0.3006418426, upper 0.9544127392
 */
export function proportionInterval(values: readonly number[], level = 0.95): ProportionInterval {
  const fn = 'proportionInterval';
  requireFiniteValues(fn, values);
  requireLevel(fn, level);
  let ones = 0;
  let binary = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (!(value >= 0 && value <= 1)) {
      throw new RangeError(`${fn}: values[${i}] must be a proportion in [0, 1] (got ${value})`);
    }
    if (value === 1) ones++;
    else if (value !== 0) binary = false;
  }
  const n = values.length;
  const mean = sampleMean(values as number[]);
  if (binary) {
    const { low, high } = wilsonBounds(ones, n, level);
    return { mean, lower: low, upper: high, level, n, method: 'wilson' };
  }
  if (n === 1) return { mean, lower: 0, upper: 1, level, n, method: 'none' };
  const sd = sampleStandardDeviation(values as number[]);
  if (sd === 0) return { mean, lower: mean, upper: mean, level, n, method: 'logit-t' };
  // Not every value is 0 or 1, so 0 < mean < 1 and the logit is finite.
  const halfWidth = (studentTQuantile(1 - (1 - level) / 2, n - 1) * sd) / (Math.sqrt(n) * mean * (1 - mean));
  const centre = Math.log(mean / (1 - mean));
  const expit = (x: number): number => 1 / (1 + Math.exp(-x));
  return {
    mean,
    lower: Math.min(mean, expit(centre - halfWidth)),
    upper: Math.max(mean, expit(centre + halfWidth)),
    level,
    n,
    method: 'logit-t',
  };
}
