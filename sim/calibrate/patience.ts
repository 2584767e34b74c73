import type { ObservedCall } from './types.js';

/** One caller's time in the queue: patience observed (abandoned) or censored (answered first). */
export interface PatienceObservation {
  /** Seconds waited. */
  readonly seconds: number;
  /** True when the caller abandoned at `seconds` (the patience itself); false when answered (patience was longer). */
  readonly abandoned: boolean;
}

/**
 * The patience observations in call records: every answered or abandoned call,
 * its wait, and whether it ended by abandonment. A served caller's wait is a
 * right-censored patience: the caller would have waited at least that long.
 * Blocked calls never queued and are left out.
 *
 * @param records call records
 * @returns one observation per answered or abandoned call
 * @example
 * patienceObservations([{ arrivalSeconds: 0, waitSeconds: 30, outcome: 'answered', handleSeconds: 90 }]);
 * // => [{ seconds: 30, abandoned: false }]
 */
export function patienceObservations(records: readonly ObservedCall[]): PatienceObservation[] {
  const out: PatienceObservation[] = [];
  for (const r of records) {
    if (r.outcome === 'blocked') continue;
    out.push({ seconds: r.waitSeconds, abandoned: r.outcome === 'abandoned' });
  }
  return out;
}

/** One step of a Kaplan-Meier curve, at a time when at least one caller abandoned. */
export interface KaplanMeierStep {
  /** The time, in seconds of waiting. */
  readonly seconds: number;
  /** Callers still waiting just before this time (waits >= seconds). */
  readonly atRisk: number;
  /** Callers who abandoned at exactly this time. */
  readonly abandoned: number;
  /** Estimated P(patience > seconds) just after this time. */
  readonly survival: number;
  /** Greenwood standard error of `survival`. */
  readonly standardError: number;
}

/** The Kaplan-Meier estimate of the patience distribution. */
export interface KaplanMeierEstimate {
  readonly observations: number;
  readonly abandoned: number;
  readonly censored: number;
  /** The curve's steps, by increasing time. Survival is 1 before the first step. */
  readonly steps: readonly KaplanMeierStep[];
  /**
   * Median patience: the first step time where survival <= 0.5, in seconds;
   * `null` when the curve never falls that low (too few long waits to tell).
   */
  readonly medianSeconds: number | null;
  /** The longest wait observed (the curve says nothing beyond it). */
  readonly maxObservedSeconds: number;
}

/**
 * Kaplan-Meier (product-limit) estimate of the patience distribution, with
 * answered callers' waits as right-censored patience times:
 * S(t) = Π over abandonment times s <= t of (1 - d_s / n_s), where d_s callers
 * abandoned at s and n_s were still waiting just before s. At equal times,
 * abandonments count before censorings (the usual convention). Greenwood's
 * formula gives the standard errors.
 *
 * @param observations waits and whether each ended by abandonment
 *   (see {@link patienceObservations}); each wait a finite number >= 0
 * @returns the curve, the counts and the median patience
 * @throws {RangeError} when there are no observations or a wait is negative or not finite
 * @example
 * kaplanMeier([{ seconds: 10, abandoned: true }, { seconds: 20, abandoned: false }, { seconds: 30, abandoned: true }])
 *   .steps.map((s) => s.survival); // => [2/3, 0]
 */
export function kaplanMeier(observations: readonly PatienceObservation[]): KaplanMeierEstimate {
  const fn = 'kaplanMeier';
  if (observations.length === 0) throw new RangeError(`${fn}: observations must not be empty (got 0)`);
  observations.forEach((o, i) => {
    if (typeof o.seconds !== 'number' || !Number.isFinite(o.seconds) || o.seconds < 0) {
      throw new RangeError(
        `${fn}: observations[${i}].seconds must be a finite number >= 0 (got ${String(o.seconds)})`,
      );
    }
  });
  const sorted = [...observations].sort(
    (a, b) => a.seconds - b.seconds || Number(b.abandoned) - Number(a.abandoned),
  );
  const n = sorted.length;
  const steps: KaplanMeierStep[] = [];
  let survival = 1;
  let greenwood = 0;
  let abandonedTotal = 0;
  let i = 0;
  while (i < n) {
    const t = sorted[i]!.seconds;
    const atRisk = n - i;
    let d = 0;
    let j = i;
    while (j < n && sorted[j]!.seconds === t) {
      if (sorted[j]!.abandoned) d++;
      j++;
    }
    if (d > 0) {
      survival *= 1 - d / atRisk;
      greenwood += atRisk > d ? d / (atRisk * (atRisk - d)) : 0;
      abandonedTotal += d;
      steps.push({
        seconds: t,
        atRisk,
        abandoned: d,
        survival,
        standardError: survival * Math.sqrt(greenwood),
      });
    }
    i = j;
  }
  const median = steps.find((s) => s.survival <= 0.5);
  return {
    observations: n,
    abandoned: abandonedTotal,
    censored: n - abandonedTotal,
    steps,
    medianSeconds: median === undefined ? null : median.seconds,
    maxObservedSeconds: sorted[n - 1]!.seconds,
  };
}

/**
 * The Kaplan-Meier survival S(t) = P(patience > t) read from an estimate
 * (a right-continuous step function).
 *
 * @param estimate from {@link kaplanMeier}
 * @param seconds the time
 * @returns the survival probability, in [0, 1]
 * @example
 * // 2 abandoned after 30 s and 90 s, 2 answered after 40 s and 40 s: S(60) = 1 - 1/4 (one in four gave up by 60 s)
 * const observations = [
 *   { seconds: 30, abandoned: true }, { seconds: 90, abandoned: true },
 *   { seconds: 40, abandoned: false }, { seconds: 40, abandoned: false },
 * ];
 * survivalAt(kaplanMeier(observations), 60); // => 0.75
 */
export function survivalAt(estimate: KaplanMeierEstimate, seconds: number): number {
  let survival = 1;
  for (const step of estimate.steps) {
    if (step.seconds > seconds) break;
    survival = step.survival;
  }
  return survival;
}

/** The exponential-patience estimate from abandonments over total waiting time. */
export interface ExponentialPatienceEstimate {
  readonly abandoned: number;
  /** Callers who queued (answered or abandoned). */
  readonly queued: number;
  /** Sum of the waits of every queued caller, in seconds. */
  readonly totalWaitSeconds: number;
  /** θ̂ = abandoned / totalWaitSeconds, abandonments per second of waiting. */
  readonly ratePerSecond: number;
  /** 1 / θ̂, in seconds (`Infinity` when nobody abandoned). */
  readonly meanPatienceSeconds: number;
  /** Approximate 95% interval for the mean patience, from SE(θ̂) = θ̂ / sqrt(abandoned). */
  readonly meanPatience95: { readonly lower: number; readonly upper: number };
}

/**
 * The maximum-likelihood rate of an exponential patience from censored waits:
 * θ̂ = (number of abandonments) / (sum of the waits of every queued caller,
 * answered or not). It is exact for exponential patience whatever the waits,
 * because each caller contributes exp(-θ w) (censored) or θ exp(-θ w) (abandoned)
 * to the likelihood. Standard error θ̂ / sqrt(abandonments) (Fisher information).
 *
 * @param observations waits and whether each ended by abandonment
 * @returns θ̂, the mean patience 1/θ̂ and an approximate 95% interval
 * @throws {RangeError} when there are no observations, or abandonments but no waiting time
 * @example
 * // 2 abandoned after 30 s and 90 s, 2 answered after 40 s and 40 s: θ̂ = 2 / 200
 * const observations = [
 *   { seconds: 30, abandoned: true }, { seconds: 90, abandoned: true },
 *   { seconds: 40, abandoned: false }, { seconds: 40, abandoned: false },
 * ];
 * exponentialPatience(observations).meanPatienceSeconds; // => 100
 */
export function exponentialPatience(
  observations: readonly PatienceObservation[],
): ExponentialPatienceEstimate {
  const fn = 'exponentialPatience';
  if (observations.length === 0) throw new RangeError(`${fn}: observations must not be empty (got 0)`);
  let abandoned = 0;
  let total = 0;
  observations.forEach((o, i) => {
    if (typeof o.seconds !== 'number' || !Number.isFinite(o.seconds) || o.seconds < 0) {
      throw new RangeError(
        `${fn}: observations[${i}].seconds must be a finite number >= 0 (got ${String(o.seconds)})`,
      );
    }
    total += o.seconds;
    if (o.abandoned) abandoned++;
  });
  if (abandoned > 0 && total === 0) {
    throw new RangeError(
      `${fn}: abandonments with no waiting time give no rate (got ${abandoned} abandonments, 0 s waited)`,
    );
  }
  const rate = abandoned / total || 0;
  const z = 1.959963984540054;
  const relative = abandoned > 0 ? z / Math.sqrt(abandoned) : Infinity;
  return {
    abandoned,
    queued: observations.length,
    totalWaitSeconds: total,
    ratePerSecond: rate,
    meanPatienceSeconds: abandoned > 0 ? total / abandoned : Infinity,
    meanPatience95:
      abandoned > 0
        ? { lower: 1 / (rate * (1 + relative)), upper: relative < 1 ? 1 / (rate * (1 - relative)) : Infinity }
        : { lower: 0, upper: Infinity },
  };
}
