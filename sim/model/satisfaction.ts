import { requireNonNegativeFinite, requireProbability } from '../core/validate.js';
import type { SurveySpec } from './types.js';

/**
 * The post-call survey (SEED: 综合满意度 > 97%, satisfied + basically satisfied
 * over respondents). The chance that a caller rates the call satisfied or
 * basically satisfied falls with the wait, with each extra attempt it took to
 * get through, and on calls answered by agents still learning.
 */

/** A point of the satisfaction curve. */
export interface SatisfactionKnot {
  /** Wait before the answer, seconds. */
  readonly waitSeconds: number;
  /** P(satisfied or basically satisfied) for this wait, in [0, 1]. */
  readonly satisfied: number;
}

/** How callers rate answered calls. */
export interface SatisfactionModel {
  /**
   * P(satisfied or basically satisfied) against wait: linear between knots
   * (sorted by wait), flat before the first and after the last.
   */
  readonly curve: readonly SatisfactionKnot[];
  /** Points lost for each attempt beyond the first (0.01 = 1 point), in [0, 1]. */
  readonly penaltyPerExtraAttempt: number;
  /** Of those satisfied or basically satisfied, the share who say "satisfied", in [0, 1]. */
  readonly satisfiedShareOfPositive: number;
  /** Probability that a caller answers the survey, in [0, 1]. */
  readonly responseProbability: number;
  /** Complaints about the hotline's own service per answered call (公众投诉率's numerator), >= 0. */
  readonly complaintsPerAnsweredCall: number;
}

/**
 * Default survey model for 12333 (FACTS.md §7.1): P(satisfied or basically
 * satisfied) = 0.995 for waits under 30 s, falling linearly to 0.95 at a
 * 5-minute wait, flat after (2019 actual 99% [S]; shape [A]); 1 point lost per
 * extra attempt [A]; 85% of positive ratings "satisfied" [A]; 35% of callers
 * answer the survey [A]; 0.5 complaints per 100,000 answered calls (2019: below
 * 1 in 100,000 [S]). The agent's learning-curve penalty (`LearningCurveStep`)
 * comes on top.
 */
export const DEFAULT_SATISFACTION: SatisfactionModel = {
  curve: [
    { waitSeconds: 30, satisfied: 0.995 },
    { waitSeconds: 300, satisfied: 0.95 },
  ],
  penaltyPerExtraAttempt: 0.01,
  satisfiedShareOfPositive: 0.85,
  responseProbability: 0.35,
  complaintsPerAnsweredCall: 0.5e-5,
};

/**
 * Check a satisfaction model, naming the field: `simulate:
 * scenario.survey.satisfaction.curve[1].satisfied must be a probability in [0, 1] (got 1.2)`.
 * Knots must have non-decreasing waits.
 *
 * @param fn name of the calling function, for the message
 * @param model the model to check
 * @param name the model's path in the caller's input
 * @throws {RangeError} at the first invalid field
 * @example
 * checkSatisfactionModel('simulate', DEFAULT_SATISFACTION, 'scenario.survey.satisfaction'); // passes
 */
export function checkSatisfactionModel(fn: string, model: SatisfactionModel, name = 'model'): void {
  if (typeof model !== 'object' || model === null) {
    throw new RangeError(`${fn}: ${name} must be an object (got ${String(model)})`);
  }
  if (!Array.isArray(model.curve)) throw new RangeError(`${fn}: ${name}.curve must be an array of knots`);
  let previous = 0;
  model.curve.forEach((knot: SatisfactionKnot, i) => {
    requireNonNegativeFinite(fn, `${name}.curve[${i}].waitSeconds`, knot.waitSeconds);
    if (knot.waitSeconds < previous) {
      throw new RangeError(
        `${fn}: ${name}.curve[${i}].waitSeconds must not be below the knot before (got ${knot.waitSeconds})`,
      );
    }
    previous = knot.waitSeconds;
    requireProbability(fn, `${name}.curve[${i}].satisfied`, knot.satisfied);
  });
  requireProbability(fn, `${name}.penaltyPerExtraAttempt`, model.penaltyPerExtraAttempt);
  requireProbability(fn, `${name}.satisfiedShareOfPositive`, model.satisfiedShareOfPositive);
  requireProbability(fn, `${name}.responseProbability`, model.responseProbability);
  requireProbability(fn, `${name}.complaintsPerAnsweredCall`, model.complaintsPerAnsweredCall);
}

/**
 * Default survey of a scenario (`Scenario.survey`): `DEFAULT_SATISFACTION`, 2%
 * of answered calls sampled for the quality check [A: the source gives the pass
 * rate, 98% in 2019, not the sample], 15 minutes to review each dissatisfied
 * rating [A].
 */
export const DEFAULT_SURVEY: SurveySpec = {
  satisfaction: DEFAULT_SATISFACTION,
  qaSampleShare: 0.02,
  reviewMinutesPerDissatisfied: 15,
};

/**
 * P(satisfied or basically satisfied) for one answered call, without checking
 * the arguments (the simulator's hot path; the model is checked once).
 *
 * @param model the survey model (checked)
 * @param waitSeconds the wait before the answer, seconds (>= 0)
 * @param attempt which attempt got through (1 = the first)
 * @param agentPenalty points lost for the agent's inexperience, a fraction
 * @returns a probability in [0, 1]
 * @example
 * satisfactionProbabilityUnchecked(DEFAULT_SATISFACTION, 165, 1, 0); // => 0.9725
 */
export function satisfactionProbabilityUnchecked(
  model: SatisfactionModel,
  waitSeconds: number,
  attempt: number,
  agentPenalty: number,
): number {
  const p =
    curveAt(model.curve, waitSeconds) -
    model.penaltyPerExtraAttempt * Math.max(0, attempt - 1) -
    agentPenalty;
  return Math.min(1, Math.max(0, p));
}

/**
 * P(satisfied or basically satisfied) for one answered call.
 *
 * @param model the survey model
 * @param waitSeconds the wait before the answer, seconds (>= 0)
 * @param attempt which attempt got through (1 = the first)
 * @param agentPenalty points lost for the agent's inexperience, a fraction (0 for an experienced agent)
 * @returns a probability in [0, 1]
 * @throws {RangeError} when the wait is negative or the penalty is outside [0, 1]
 * @example
 * satisfactionProbability(DEFAULT_SATISFACTION, 165, 1, 0); // => 0.972500 (halfway from 30 s to 300 s)
 * satisfactionProbability(DEFAULT_SATISFACTION, 10, 3, 0.02); // => 0.955000 (0.995 - 0.02 for the extra attempts - 0.02 for a learner)
 */
export function satisfactionProbability(
  model: SatisfactionModel,
  waitSeconds: number,
  attempt = 1,
  agentPenalty = 0,
): number {
  requireNonNegativeFinite('satisfactionProbability', 'waitSeconds', waitSeconds);
  requireProbability('satisfactionProbability', 'agentPenalty', agentPenalty);
  return satisfactionProbabilityUnchecked(model, waitSeconds, attempt, agentPenalty);
}

function curveAt(curve: readonly SatisfactionKnot[], wait: number): number {
  const first = curve[0];
  if (!first) return 1;
  if (wait <= first.waitSeconds) return first.satisfied;
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1] as SatisfactionKnot;
    const b = curve[i] as SatisfactionKnot;
    if (wait <= b.waitSeconds) {
      return (
        a.satisfied + ((b.satisfied - a.satisfied) * (wait - a.waitSeconds)) / (b.waitSeconds - a.waitSeconds)
      );
    }
  }
  return (curve[curve.length - 1] as SatisfactionKnot).satisfied;
}

/** One row of observed satisfaction by wait band. */
export interface SatisfactionObservation {
  /** Start of the wait band, seconds (inclusive). */
  readonly waitFromSeconds: number;
  /** End of the wait band, seconds (exclusive); must be above the start. */
  readonly waitToSeconds: number;
  /** Survey respondents in the band, > 0. */
  readonly respondents: number;
  /** Of them, satisfied or basically satisfied. */
  readonly satisfied: number;
}

/**
 * Fit the satisfaction curve to observations by wait band: the weighted
 * least-squares fit that never rises with the wait (isotonic regression by
 * pool-adjacent-violators, weights = respondents), with a knot at the middle of
 * each band. Bands whose observed shares already fall with the wait are kept as
 * observed; a band that rises above the one before is pooled with it.
 *
 * @param observations bands with respondents and satisfied counts
 * @returns knots for `SatisfactionModel.curve`, sorted by wait, non-increasing
 * @throws {RangeError} when a band is empty, inverted, or has more satisfied than respondents
 * @example
 * fitSatisfactionCurve([
 *   { waitFromSeconds: 0, waitToSeconds: 30, respondents: 1000, satisfied: 994 },
 *   { waitFromSeconds: 30, waitToSeconds: 120, respondents: 500, satisfied: 490 },
 *   { waitFromSeconds: 120, waitToSeconds: 600, respondents: 200, satisfied: 191 },
 * ]);
 * // => [{ waitSeconds: 15, satisfied: 0.994 }, { waitSeconds: 75, satisfied: 0.98 }, { waitSeconds: 360, satisfied: 0.955 }]
 */
export function fitSatisfactionCurve(observations: readonly SatisfactionObservation[]): SatisfactionKnot[] {
  const fn = 'fitSatisfactionCurve';
  if (observations.length === 0) throw new RangeError(`${fn}: observations must not be empty (got 0)`);
  observations.forEach((o, i) => {
    requireNonNegativeFinite(fn, `observations[${i}].waitFromSeconds`, o.waitFromSeconds);
    if (!(o.waitToSeconds > o.waitFromSeconds)) {
      throw new RangeError(
        `${fn}: observations[${i}].waitToSeconds must be above waitFromSeconds (got ${o.waitToSeconds})`,
      );
    }
    if (!(o.respondents > 0))
      throw new RangeError(`${fn}: observations[${i}].respondents must be > 0 (got ${o.respondents})`);
    if (!(o.satisfied >= 0 && o.satisfied <= o.respondents)) {
      throw new RangeError(
        `${fn}: observations[${i}].satisfied must be in [0, respondents] (got ${o.satisfied})`,
      );
    }
  });
  const sorted = [...observations].sort((a, b) => a.waitFromSeconds - b.waitFromSeconds);
  // Pool adjacent violators (non-increasing).
  const blocks: { weight: number; value: number; count: number }[] = [];
  for (const o of sorted) {
    blocks.push({ weight: o.respondents, value: o.satisfied / o.respondents, count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as { weight: number; value: number; count: number };
      const before = blocks[blocks.length - 2] as { weight: number; value: number; count: number };
      if (last.value <= before.value) break;
      blocks.pop();
      const weight = before.weight + last.weight;
      before.value = (before.value * before.weight + last.value * last.weight) / weight;
      before.weight = weight;
      before.count += last.count;
    }
  }
  const values = blocks.flatMap((b) => Array<number>(b.count).fill(b.value));
  return sorted.map((o, i) => ({
    waitSeconds: (o.waitFromSeconds + o.waitToSeconds) / 2,
    satisfied: values[i] as number,
  }));
}
