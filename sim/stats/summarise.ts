import { confidenceInterval } from './confidenceInterval.js';
import { percentile } from './percentile.js';
import { proportionInterval } from './proportionInterval.js';
import { requireFiniteValues, requireLevel } from './checks.js';
import { sampleStandardDeviation } from 'simple-statistics';

/** How one KPI varied across replications. */
export interface Summary {
  /** Number of values (replications). */
  n: number;
  /** Mean of the values. */
  mean: number;
  /** Sample standard deviation (n - 1 in the denominator); 0 for a single value. */
  sd: number;
  /**
   * Lower end of the confidence interval of the mean: Student t, `-Infinity` for a
   * single value (`summarise`); within [0, 1] for proportions (`summariseProportion`).
   */
  ciLow: number;
  /** Upper end of the confidence interval of the mean; `Infinity` for a single value. */
  ciHigh: number;
  /** 5th percentile of the values (`percentile`, Hyndman-Fan definition 7). */
  p05: number;
  /** 95th percentile of the values. */
  p95: number;
}

/**
 * Summarise a sample, typically one KPI across replications: mean, standard
 * deviation, the confidence interval of the mean and the 5th and 95th
 * percentiles. The interval says where the long-run mean is; the percentiles
 * say how much one year (one replication) may differ from it, which is the
 * planner's risk.
 *
 * @param values the sample, at least one finite number
 * @param level confidence level of the interval, in (0, 1); 0.95 by default
 * @returns `{ n, mean, sd, ciLow, ciHigh, p05, p95 }`
 * @throws {RangeError} when `values` is empty or holds a non-finite number, or `level` is outside (0, 1)
 * @example
 * summarise([1, 2, 3, 4, 5]);
 * // => { n: 5, mean: 3, sd: 1.5811388300841898, ciLow: 1.0367568385224, ciHigh: 4.9632431614776,
 * //      p05: 1.2, p95: 4.8 }
 */
export function summarise(values: readonly number[], level = 0.95): Summary {
  requireFiniteValues('summarise', values);
  requireLevel('summarise', level);
  return withInterval(values, confidenceInterval(values, level));
}

/** The summary of checked values with the interval of their mean. */
function withInterval(
  values: readonly number[],
  interval: { mean: number; lower: number; upper: number },
): Summary {
  return {
    n: values.length,
    mean: interval.mean,
    sd: values.length > 1 ? sampleStandardDeviation(values as number[]) : 0,
    ciLow: interval.lower,
    ciHigh: interval.upper,
    p05: percentile(values, 0.05),
    p95: percentile(values, 0.95),
  };
}

/**
 * `summarise` for proportions (an answer rate, a service level, occupancy,
 * P(wait)... one from each replication): the same mean, standard deviation
 * and percentiles, with the confidence interval of the mean from
 * `proportionInterval`, so it stays within [0, 1]: logit-t on the
 * replication values, or the Wilson interval of the count of ones when every
 * replication gave 0 or 1, or [0, 1] for a single value that is neither.
 *
 * @param values the sample, at least one number in [0, 1]
 * @param level confidence level of the interval, in (0, 1); 0.95 by default
 * @returns `{ n, mean, sd, ciLow, ciHigh, p05, p95 }`, every field in [0, 1]
 * @throws {RangeError} when `values` is empty or holds a number outside [0, 1], or `level` is outside (0, 1)
 * @example
 * summariseProportion([0.8, 0.85, 0.9, 0.95]);
 * // => { n: 4, mean: 0.875, sd: 0.0645497224, ciLow: 0.7323973074, ciHigh: 0.9470999603,
 * //      p05: 0.8075, p95: 0.9425 }
 */
export function summariseProportion(values: readonly number[], level = 0.95): Summary {
  return withInterval(values, proportionInterval(values, level));
}
