import { gammaln, probit } from 'simple-statistics';
import { requireNonNegativeFinite, requireProbability } from '../core/validate.js';
import { incompleteBetaWithComplement } from './incompleteBeta.js';

/**
 * Calls counted in an interval whose expected number is itself uncertain: a
 * Poisson count whose mean is `mean` times a gamma multiplier of mean 1 and
 * coefficient of variation `cv` (the negative binomial, or Poisson-gamma,
 * distribution). With `cv` = 0 it is the Poisson distribution.
 *
 * Variance: mean + cv² mean². This is the count a forecast's prediction
 * interval describes: Poisson arrivals around a rate that the forecast knows
 * only up to a multiplicative error of CV `cv`. With shape r = 1 / cv² and
 * p = r / (r + mean), P(Y <= k) = I_p(r, k + 1), the regularized incomplete
 * beta function; the Poisson CDF is summed term by term from the mode side.
 */

/**
 * P(Y <= k) for a Poisson count of mean `mean`: the pmf summed in log space,
 * outwards from k, stopping once the terms no longer change the sum.
 */
function poissonCdf(k: number, mean: number): number {
  if (mean === 0) return 1;
  const logTerm = (j: number): number => -mean + j * Math.log(mean) - gammaln(j + 1);
  if (k < mean) {
    // Lower tail: terms fall going down from k (k is below the mode).
    let term = Math.exp(logTerm(k));
    let sum = term;
    for (let j = k; j > 0 && term > sum * 1e-17; j--) {
      term *= j / mean;
      sum += term;
    }
    return Math.min(1, sum);
  }
  // Upper tail from k + 1: terms fall going up (k + 1 is above the mode).
  let term = Math.exp(logTerm(k + 1));
  let sum = term;
  for (let j = k + 2; term > sum * 1e-17; j++) {
    term *= mean / j;
    sum += term;
  }
  return Math.max(0, 1 - sum);
}

function checkArguments(fn: string, mean: number, cv: number): void {
  requireNonNegativeFinite(fn, 'mean', mean);
  requireNonNegativeFinite(fn, 'cv', cv);
}

/**
 * Cumulative distribution of a Poisson count whose mean carries a gamma
 * multiplier (mean 1, coefficient of variation `cv`): P(Y <= k).
 *
 * @param k a count; non-integers are floored, negatives give 0
 * @param mean expected count, >= 0
 * @param cv coefficient of variation of the gamma multiplier of the mean, >= 0 (0: Poisson)
 * @returns P(Y <= k), in [0, 1]
 * @throws {RangeError} when `mean` or `cv` is negative or not finite
 * @example
 * countCdf(0, 2, 0); // => 0.1353352832366127 (Poisson: e^-2)
 * countCdf(0, 2, 1); // => 0.3333333333333333 (geometric: 1 / (1 + 2))
 */
export function countCdf(k: number, mean: number, cv: number): number {
  checkArguments('countCdf', mean, cv);
  if (Number.isNaN(k)) throw new RangeError('countCdf: k must be a number (got NaN)');
  if (k < 0) return 0;
  if (k === Infinity || mean === 0) return 1;
  const whole = Math.floor(k);
  if (cv === 0) return poissonCdf(whole, mean);
  const r = 1 / (cv * cv);
  // p = r / (r + mean) and its complement, each computed without cancellation.
  return incompleteBetaWithComplement(r / (r + mean), mean / (r + mean), r, whole + 1);
}

/**
 * The `q`-quantile of a Poisson count whose mean carries a gamma multiplier
 * (mean 1, coefficient of variation `cv`): the least whole k with
 * P(Y <= k) >= q. A prediction interval at level L is [quantile((1 - L) / 2),
 * quantile((1 + L) / 2)].
 *
 * Found from the normal approximation, then by steps of one until the
 * definition holds (a few steps at any mean).
 *
 * @param q probability, in [0, 1)
 * @param mean expected count, >= 0
 * @param cv coefficient of variation of the gamma multiplier, >= 0 (0: Poisson)
 * @returns the quantile, a non-negative integer
 * @throws {RangeError} when `q` is not in [0, 1) or `mean`, `cv` are negative or not finite
 * @example
 * countQuantile(0.5, 2, 0); // => 2 (Poisson median)
 * countQuantile(0.9, 100, 0.1); // => 118
 */
export function countQuantile(q: number, mean: number, cv: number): number {
  requireProbability('countQuantile', 'q', q);
  if (q === 1) throw new RangeError('countQuantile: q must be below 1 (got 1)');
  checkArguments('countQuantile', mean, cv);
  if (mean === 0 || q === 0) return 0;
  const sd = Math.sqrt(mean + cv * cv * mean * mean);
  // Start near the answer: the normal approximation; the steps below settle it.
  const z = probit(q);
  let k = Math.max(0, Math.floor(mean + z * sd));
  if (countCdf(k, mean, cv) >= q) {
    while (k > 0 && countCdf(k - 1, mean, cv) >= q) k--;
  } else {
    while (countCdf(k, mean, cv) < q) k++;
  }
  return k;
}
