import { requireInRange, requirePositiveInteger, requireProbability } from '../core/validate.js';

/** A sequential test of whether a success probability reaches p, with an indifference zone p ± delta. */
export interface IndifferenceZoneTest {
  /** The probability to reach, in (0, 1). */
  readonly p: number;
  /**
   * Half-width of the indifference zone: a true probability of p - delta or less
   * should be judged short, p + delta or more judged to reach p; in between,
   * either verdict is acceptable.
   *
   * __Default value:__ `0.05`, or less when p is within 0.1 of 0 or 1 (`defaultDelta`)
   */
  readonly delta: number;
  /** Nominal error rate of judging p - delta to reach p (Wald's boundary), in (0, 0.5). */
  readonly alpha: number;
  /** Nominal error rate of judging p + delta short (Wald's boundary), in (0, 0.5). */
  readonly beta: number;
  /** Most trials; at this cap an undecided test is judged by the sign of its log-likelihood ratio. */
  readonly maxTrials: number;
}

/** Distance of the log-likelihood ratio from a boundary that counts as on it. */
const TIE = 1e-9;

/** A verdict of the test after some trials. */
export type SequentialVerdict = 'reaches' | 'short' | 'continue';

/**
 * The default half-width of the indifference zone for a probability p:
 * 0.05, or half the distance to 0 or to 1 when that is smaller (so that p ±
 * delta stays inside (0, 1)).
 *
 * @param p the probability to reach, in (0, 1)
 * @returns the half-width
 * @example
 * defaultDelta(0.9); // => 0.05
 * defaultDelta(0.95); // => 0.025
 */
export function defaultDelta(p: number): number {
  const half = Math.min(p, 1 - p) / 2;
  return half < 0.05 - 1e-12 ? half : 0.05; // (1 - 0.9) / 2 is 0.04999... in doubles
}

/**
 * Check a test's parameters, naming the function and the field.
 *
 * @param fn the calling function, for messages
 * @param test the test
 * @throws {RangeError} when a parameter is out of range
 */
export function checkIndifferenceZoneTest(fn: string, test: IndifferenceZoneTest): void {
  requireInRange(fn, 'p', test.p, 1e-9, 1 - 1e-9);
  if (!(test.delta > 0 && test.delta < test.p && test.p + test.delta < 1)) {
    throw new RangeError(
      `${fn}: delta must be above 0 and keep p - delta and p + delta inside (0, 1): below ${Math.min(test.p, 1 - test.p)} for p = ${test.p} (got ${test.delta})`,
    );
  }
  requireInRange(fn, 'alpha', test.alpha, 1e-9, 0.5);
  requireInRange(fn, 'beta', test.beta, 1e-9, 0.5);
  requirePositiveInteger(fn, 'maxTrials', test.maxTrials);
}

/**
 * Wald's sequential probability ratio test of H0: P = p - delta against H1: P =
 * p + delta on Bernoulli trials (Wald 1945; the indifference-zone formulation
 * of Bechhofer, Kiefer and Sobel 1968), truncated at `maxTrials`. After each
 * trial the log-likelihood ratio of the successes and failures so far,
 * successes x ln(p1/p0) + failures x ln((1 - p1)/(1 - p0)), is compared with
 * ln((1 - beta)/alpha) (the test stops: P reaches p) and ln(beta/(1 - alpha))
 * (it stops: P is short), a ratio on a boundary (within 1e-9) crossing it; at
 * the cap an undecided test is judged by the sign of the ratio (reaches when it
 * is at least 0). Its actual error rates, with the
 * truncation, come from `sequentialOperatingCharacteristic`.
 *
 * @example
 * const test = new SequentialTest({ p: 0.9, delta: 0.05, alpha: 0.1, beta: 0.1, maxTrials: 60 });
 * test.verdict(20, 20); // => 'reaches' (20 successes in a row cross ln 9)
 * test.verdict(0, 2); // => 'short' (2 failures cross ln(1/9))
 * test.verdict(9, 10); // => 'continue'
 */
export class SequentialTest {
  /** The log-likelihood ratio a success adds, ln(p1/p0) (> 0). */
  readonly successStep: number;
  /** What a failure adds, ln((1 - p1)/(1 - p0)) (< 0). */
  readonly failureStep: number;
  /** The upper boundary ln((1 - beta)/alpha): at or above it, P reaches p. */
  readonly upper: number;
  /** The lower boundary ln(beta/(1 - alpha)): at or below it, P is short. */
  readonly lower: number;

  /**
   * @param test the test's parameters
   * @throws {RangeError} when a parameter is out of range
   */
  constructor(readonly test: IndifferenceZoneTest) {
    checkIndifferenceZoneTest('SequentialTest', test);
    const p0 = test.p - test.delta;
    const p1 = test.p + test.delta;
    this.successStep = Math.log(p1 / p0);
    this.failureStep = Math.log((1 - p1) / (1 - p0));
    this.upper = Math.log((1 - test.beta) / test.alpha);
    this.lower = Math.log(test.beta / (1 - test.alpha));
  }

  /**
   * The log-likelihood ratio after `trials` trials with `successes` successes.
   *
   * @example
   * new SequentialTest({ p: 0.9, delta: 0.05, alpha: 0.1, beta: 0.1, maxTrials: 60 }).logLikelihoodRatio(9, 10); // => 9 ln(0.95/0.85) + ln(0.05/0.15)
   */
  logLikelihoodRatio(successes: number, trials: number): number {
    return successes * this.successStep + (trials - successes) * this.failureStep;
  }

  /**
   * The verdict after `trials` trials of which `successes` succeeded, when the
   * test has not stopped before (check after every trial, in order).
   *
   * @param successes successes so far, an integer in [0, trials]
   * @param trials trials so far, an integer in [0, maxTrials]
   * @returns `'reaches'`, `'short'`, or `'continue'` (only below the cap)
   * @throws {RangeError} when the counts are not such integers
   */
  verdict(successes: number, trials: number): SequentialVerdict {
    if (!Number.isInteger(trials) || trials < 0 || trials > this.test.maxTrials) {
      throw new RangeError(
        `SequentialTest.verdict: trials must be an integer in [0, ${this.test.maxTrials}] (got ${trials})`,
      );
    }
    if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
      throw new RangeError(
        `SequentialTest.verdict: successes must be an integer in [0, ${trials}] (got ${successes})`,
      );
    }
    // A ratio on a boundary crosses it; within TIE of it counts as on it, so that exact
    // ties (two failures are exactly ln(1/9) for p 0.9 ± 0.05, alpha = beta = 0.1) do not
    // depend on the rounding of the logarithms.
    const llr = this.logLikelihoodRatio(successes, trials);
    if (llr >= this.upper - TIE) return 'reaches';
    if (llr <= this.lower + TIE) return 'short';
    if (trials === this.test.maxTrials) return llr >= -TIE ? 'reaches' : 'short';
    return 'continue';
  }

  /**
   * Run the test along a sequence of outcomes, in order, stopping at the first verdict.
   *
   * @param outcomeAt the outcome of trial i (0-based): true for a success; called for i = 0, 1, ... until the verdict
   * @returns the verdict, the trials used and the successes among them
   * @example
   * test.run((i) => i !== 3); // => { verdict: 'reaches', trials: 30, successes: 29 } for p 0.9 ± 0.05, alpha = beta = 0.1
   */
  run(outcomeAt: (trial: number) => boolean): {
    verdict: 'reaches' | 'short';
    trials: number;
    successes: number;
  } {
    let successes = 0;
    for (let trials = 1; ; trials++) {
      if (outcomeAt(trials - 1)) successes++;
      const verdict = this.verdict(successes, trials);
      if (verdict !== 'continue') return { verdict, trials, successes };
    }
  }
}

/** How a truncated sequential test behaves when the true probability is `trueP`. */
export interface OperatingCharacteristic {
  /** The true probability of success. */
  trueP: number;
  /** Probability that the test judges that P reaches p. */
  reaches: number;
  /** Probability that it judges P short (1 - `reaches`). */
  short: number;
  /** Expected number of trials. */
  expectedTrials: number;
}

/**
 * The exact operating characteristic of the truncated test at a true
 * probability: the distribution of its random walk by dynamic programming over
 * (trials, successes), absorbed at the boundaries and judged at the cap as
 * `SequentialTest.verdict` judges. O(maxTrials^2).
 *
 * @param test the test's parameters
 * @param trueP the true success probability, in [0, 1]
 * @returns the probabilities of each verdict and the expected number of trials
 * @throws {RangeError} when a parameter is out of range
 * @example
 * const test = { p: 0.9, delta: 0.05, alpha: 0.1, beta: 0.1, maxTrials: 60 };
 * sequentialOperatingCharacteristic(test, 0.85).reaches; // => 0.126 (judging p - delta to reach p)
 * sequentialOperatingCharacteristic(test, 0.95).short; // => 0.088 (judging p + delta short)
 */
export function sequentialOperatingCharacteristic(
  test: IndifferenceZoneTest,
  trueP: number,
): OperatingCharacteristic {
  requireProbability('sequentialOperatingCharacteristic', 'trueP', trueP);
  const sprt = new SequentialTest(test);
  const n = test.maxTrials;
  // mass[k]: probability of k successes after the trials so far, the test still running.
  let mass = new Float64Array(n + 2);
  mass[0] = 1;
  let reaches = 0;
  let short = 0;
  let expectedTrials = 0;
  for (let trials = 1; trials <= n; trials++) {
    const next = new Float64Array(n + 2);
    for (let k = 0; k < trials; k++) {
      const m = mass[k] as number;
      if (m === 0) continue;
      next[k + 1] = (next[k + 1] as number) + m * trueP;
      next[k] = (next[k] as number) + m * (1 - trueP);
    }
    for (let k = 0; k <= trials; k++) {
      const m = next[k] as number;
      if (m === 0) continue;
      const verdict = sprt.verdict(k, trials);
      if (verdict === 'continue') continue;
      if (verdict === 'reaches') reaches += m;
      else short += m;
      expectedTrials += m * trials;
      next[k] = 0;
    }
    mass = next;
  }
  return { trueP, reaches, short, expectedTrials };
}
