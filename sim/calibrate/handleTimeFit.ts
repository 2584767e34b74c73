import { requireNonNegativeFinite } from '../core/validate.js';
import type { ObservedCall } from './types.js';

const LOG_SQRT_2PI = 0.9189385332046727; // ln(sqrt(2*pi))

/**
 * Standard normal distribution function Φ(x), by Marsaglia's Taylor series
 * (J. Stat. Software 11(4), 2004), absolute error about 1e-15.
 *
 * @param x any number; NaN gives NaN
 * @returns P(Z <= x) for a standard normal Z
 * @example
 * standardNormalCdf(0); // => 0.5
 * standardNormalCdf(1.96); // => 0.9750021048517795
 */
export function standardNormalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  // Beyond 8.3 standard deviations Φ is within 6e-17 of 0 or 1; the series would need
  // thousands of terms there.
  if (x < -8.3) return 0;
  if (x > 8.3) return 1;
  let sum = x;
  let previous = 0;
  let term = x;
  const q = x * x;
  for (let i = 1; sum !== previous;) {
    previous = sum;
    i += 2;
    term *= q / i;
    sum += term;
  }
  return Math.min(1, Math.max(0, 0.5 + sum * Math.exp(-0.5 * q - LOG_SQRT_2PI)));
}

/**
 * Kolmogorov-Smirnov distance between the empirical distribution of `samples`
 * and a continuous distribution function: sup |F_n(x) - F(x)|. Ties (data in
 * whole seconds) are handled exactly: the empirical function jumps by the whole
 * tie at once. Against a continuous F, rounded data always show some distance.
 *
 * @param samples observations (any order; not modified)
 * @param cdf the distribution function
 * @returns the distance, in [0, 1]
 * @throws {RangeError} when there are no samples
 * @example
 * ksDistance([0.5], (x) => x); // => 0.5 (uniform on [0, 1])
 */
export function ksDistance(samples: readonly number[], cdf: (x: number) => number): number {
  if (samples.length === 0) throw new RangeError('ksDistance: samples must not be empty (got 0)');
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/** A fitted exponential distribution of handle times. */
export interface ExponentialFit {
  /** Maximum-likelihood mean, the sample mean, in seconds. */
  readonly meanSeconds: number;
  readonly logLikelihood: number;
  /** Akaike information criterion, 2k - 2 log L with k = 1. */
  readonly aic: number;
  /** Kolmogorov-Smirnov distance between the data and the fit. */
  readonly ksDistance: number;
}

/** A fitted lognormal distribution of handle times: log(handle seconds) ~ Normal(mu, sigma²). */
export interface LognormalFit {
  /** Mean of the log of the handle time (log seconds). */
  readonly mu: number;
  /** Standard deviation of the log of the handle time (maximum likelihood, divides by n). */
  readonly sigma: number;
  /** Mean of the fitted distribution, exp(mu + sigma²/2), in seconds. */
  readonly meanSeconds: number;
  /** Coefficient of variation of the fitted distribution, sqrt(exp(sigma²) - 1). */
  readonly cv: number;
  readonly logLikelihood: number;
  /** Akaike information criterion, 2k - 2 log L with k = 2. */
  readonly aic: number;
  readonly ksDistance: number;
}

/** Exponential and lognormal fits of the same handle times, side by side. */
export interface HandleTimeFit {
  /** Number of samples fitted. */
  readonly samples: number;
  readonly sampleMeanSeconds: number;
  /** Sample coefficient of variation (standard deviation with n - 1, over the mean). */
  readonly sampleCv: number;
  readonly exponential: ExponentialFit;
  readonly lognormal: LognormalFit;
  /** The fit with the lower AIC. */
  readonly better: 'exponential' | 'lognormal';
}

/**
 * Fit handle times by maximum likelihood with an exponential and a lognormal
 * distribution, and compare them by log-likelihood, AIC and Kolmogorov-Smirnov
 * distance. Exponential: mean = sample mean. Lognormal: mu and sigma are the mean
 * and the standard deviation (divided by n) of the logs.
 *
 * Brown et al. (2005, JASA 100:36-50) found the bank's service times close to
 * lognormal, not exponential; `fitHandleTimes` lets a planner check a center's own.
 *
 * @param seconds handle times, each a finite number > 0 (drop zero-length calls
 *   first: a lognormal has no mass at 0; see {@link handleTimeSamples})
 * @returns both fits and the better one by AIC
 * @throws {RangeError} when there are fewer than 2 samples or one is not a finite number > 0
 * @example
 * fitHandleTimes([60, 120, 240]).lognormal.mu; // => 4.787491742782046 (ln 120)
 */
export function fitHandleTimes(seconds: readonly number[]): HandleTimeFit {
  const fn = 'fitHandleTimes';
  const n = seconds.length;
  if (n < 2) throw new RangeError(`${fn}: seconds must hold at least 2 samples (got ${n})`);
  let sum = 0;
  let sumLog = 0;
  seconds.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0) {
      throw new RangeError(`${fn}: seconds[${i}] must be a finite number > 0 (got ${String(x)})`);
    }
    sum += x;
    sumLog += Math.log(x);
  });
  const mean = sum / n;
  const mu = sumLog / n;
  let ss = 0;
  let ssLog = 0;
  for (const x of seconds) {
    ss += (x - mean) ** 2;
    ssLog += (Math.log(x) - mu) ** 2;
  }
  const sigma2 = ssLog / n;
  const sigma = Math.sqrt(sigma2);

  const expLogL = -n * Math.log(mean) - n;
  const exponential: ExponentialFit = {
    meanSeconds: mean,
    logLikelihood: expLogL,
    aic: 2 - 2 * expLogL,
    ksDistance: ksDistance(seconds, (x) => 1 - Math.exp(-x / mean)),
  };
  const lnLogL = -sumLog - n * (0.5 * Math.log(sigma2) + LOG_SQRT_2PI) - n / 2;
  const lognormal: LognormalFit = {
    mu,
    sigma,
    meanSeconds: Math.exp(mu + sigma2 / 2),
    cv: Math.sqrt(Math.expm1(sigma2)),
    logLikelihood: lnLogL,
    aic: 4 - 2 * lnLogL,
    ksDistance: sigma > 0 ? ksDistance(seconds, (x) => standardNormalCdf((Math.log(x) - mu) / sigma)) : 0,
  };
  return {
    samples: n,
    sampleMeanSeconds: mean,
    sampleCv: Math.sqrt(ss / (n - 1)) / mean,
    exponential,
    lognormal,
    better: lognormal.aic < exponential.aic ? 'lognormal' : 'exponential',
  };
}

/**
 * The handle times of answered calls, ready for {@link fitHandleTimes}: values of
 * at least `minSeconds` (and above 0), with the number left out. Raising
 * `minSeconds` is data cleaning, not fitting: say so when you use it. (The bank's
 * February 1999 records hold a bump of 1-9 s services, about 6% of answered calls;
 * see data/README.md.)
 *
 * @param records call records (only answered ones are used)
 * @param minSeconds the shortest handle time kept, in seconds (default: any positive time)
 * @returns the kept handle times in record order, and how many were left out
 * @throws {RangeError} when `minSeconds` is negative or not finite
 * @example
 * handleTimeSamples([{ arrivalSeconds: 0, waitSeconds: 0, outcome: 'answered', handleSeconds: 0 }]);
 * // => { seconds: [], leftOut: 1 }
 */
export function handleTimeSamples(
  records: readonly ObservedCall[],
  minSeconds = 0,
): { seconds: number[]; leftOut: number } {
  requireNonNegativeFinite('handleTimeSamples', 'minSeconds', minSeconds);
  const seconds: number[] = [];
  let leftOut = 0;
  for (const r of records) {
    if (r.outcome !== 'answered') continue;
    if (r.handleSeconds !== undefined && r.handleSeconds > 0 && r.handleSeconds >= minSeconds) {
      seconds.push(r.handleSeconds);
    } else leftOut++;
  }
  return { seconds, leftOut };
}
