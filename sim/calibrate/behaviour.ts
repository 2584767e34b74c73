import { requireNonNegativeFinite, requirePositiveInteger, requireProbability } from '../core/validate.js';
import { distributionMean, empirical, exponential, lognormal, mixture, sum } from '../model/distributions.js';
import type { Distribution } from '../model/types.js';
import { afterCallUnavailability, type AfterCallEstimate } from './afterCall.js';
import { fitHandleTimes, type HandleTimeFit } from './handleTimeFit.js';
import { patienceObservations } from './patience.js';
import { patienceHazard, type PatienceHazardEstimate, type PatienceHazardOptions } from './patienceHazard.js';
import type { ObservedCall } from './types.js';

/** Options of {@link calibrateBehaviour}. */
export interface BehaviourOptions {
  /**
   * Services shorter than this, seconds, form their own component of the talk
   * time (the bank's 1-9 s services: agents hanging up, calls answered by no one).
   *
   * __Default value:__ `10`
   */
  readonly shortServiceSeconds?: number;
  /**
   * The longest idle gap inside an agent's stretch of work, seconds.
   *
   * __Default value:__ `3600`
   */
  readonly maxIdleGapSeconds?: number;
  /**
   * Patience model: one hazard for every caller (`pooled`), or a mixture of one
   * hazard per priority class weighted by its share of callers (`byPriority`).
   *
   * __Default value:__ `'pooled'`
   */
  readonly patience?: 'pooled' | 'byPriority';
  /** Breakpoints of the patience hazard (see `patienceHazard`). */
  readonly patienceBreakpointsSeconds?: PatienceHazardOptions['breakpointsSeconds'];
  /**
   * Quantiles kept of the after-call unavailability, the empirical distribution
   * the simulator resamples (at probabilities (i + 0.5) / n).
   *
   * __Default value:__ `200`
   */
  readonly afterCallQuantiles?: number;
  /**
   * An hour needs at least this many talk times and after-call samples for a
   * time-of-day factor of its own (otherwise 1).
   *
   * __Default value:__ `50`
   */
  readonly minSamplesPerHour?: number;
  /**
   * What of the gap after a call that ended with callers waiting counts as lost to
   * the queue: 0 takes only the time callers were still waiting, 1 the whole gap
   * to the agent's next call; in between, a mixture of the two with this weight on
   * the whole gap. 0.5 was chosen by two-fold cross-validation on 1-14 February
   * 1999 of the bank's records (fit on one week, predict the other; see data/README.md).
   *
   * __Default value:__ `0.5`
   */
  readonly afterCallGapWeight?: number;
}

/** What records say about how callers and agents behave, ready for a scenario. */
export interface CalibratedBehaviour {
  /** Talk time: a mixture of short services (exponential) and the lognormal of the rest. */
  readonly talk: Distribution;
  readonly talkFit: {
    /** Answered calls with a handle time. */
    readonly services: number;
    /** Share of services shorter than `shortServiceSeconds`, and their mean, seconds. */
    readonly shortShare: number;
    readonly shortMeanSeconds: number;
    readonly shortServiceSeconds: number;
    /** Exponential and lognormal fits of the other services. */
    readonly fit: HandleTimeFit;
  };
  /** After-call unavailability: `afterCallQuantiles` quantiles of the samples, resampled. */
  readonly afterCall: Distribution;
  readonly afterCallFit: Omit<AfterCallEstimate, 'samplesSeconds' | 'gapsSeconds' | 'hours'> & {
    readonly samples: number;
  };
  /** Handle time per answered call = talk + after-call unavailability. */
  readonly handle: Distribution;
  /**
   * Handle-time factor per hour of the day (24 values, midnight first): mean talk
   * plus mean after-call time in that hour over the whole mean.
   */
  readonly handleFactorsByHour: readonly number[];
  /** Mean talk and after-call time per hour of the day, seconds (NaN-free: 0 when no data). */
  readonly byHour: readonly {
    hour: number;
    talkCalls: number;
    talkMeanSeconds: number;
    afterCallSamples: number;
    afterCallMeanSeconds: number;
  }[];
  /** The patience used (pooled hazard, or the mixture by priority). */
  readonly patience: Distribution;
  readonly patienceModel: 'pooled' | 'byPriority';
  /** The pooled hazard estimate. */
  readonly patienceFit: PatienceHazardEstimate;
  /** One hazard estimate per priority class with at least one abandonment, with the class's share of callers. */
  readonly patienceByPriority: readonly { priority: number; share: number; fit: PatienceHazardEstimate }[];
}

function quantiles(values: readonly number[], n: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return Array.from({ length: n }, (_, i) => {
    const position = ((i + 0.5) / n) * sorted.length - 0.5;
    const lo = Math.max(0, Math.floor(position));
    const hi = Math.min(sorted.length - 1, lo + 1);
    const t = Math.min(1, Math.max(0, position - lo));
    return sorted[lo]! + t * (sorted[hi]! - sorted[lo]!);
  });
}

const hourOf = (localSeconds: number): number =>
  Math.floor((((localSeconds % 86_400) + 86_400) % 86_400) / 3600);

/**
 * How callers and agents behave, from call records (the training days of a
 * hold-out): talk time (short services, and a lognormal for the rest, the shape
 * Brown et al. found on these records), the after-call time agents left callers
 * waiting (`afterCallUnavailability`), their sum as the handle time the
 * simulator needs, its factor by hour of the day, and the callers' patience as a
 * piecewise hazard from censored waits (`patienceHazard`), pooled or by priority.
 * What is planned in advance (arrivals per interval, agents scheduled) is not
 * here: see `periodInputs`.
 *
 * Reference: Brown, Gans, Mandelbaum, Sakov, Shen, Zeltyn and Zhao (2005),
 * Statistical Analysis of a Telephone Call Center: A Queueing-Science
 * Perspective, JASA 100(469), 36-50.
 *
 * @param records call records of the training days
 * @param options short-service threshold, idle gap, patience model, quantiles kept, samples per hour
 * @returns the distributions and factors, each with the figures of its fit
 * @throws {RangeError} when the records hold fewer than 2 services of at least
 *   `shortServiceSeconds`, no abandonment, or a bad option
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const training = bank.records.filter((call) => call.arrivalSeconds < Date.UTC(1999, 1, 15) / 1000);
 * const behaviour = calibrateBehaviour(training);
 * behaviour.handle.kind; // => 'sum' (talk, then the after-call time)
 */
export function calibrateBehaviour(
  records: readonly ObservedCall[],
  options: BehaviourOptions = {},
): CalibratedBehaviour {
  const fn = 'calibrateBehaviour';
  const shortSeconds = options.shortServiceSeconds ?? 10;
  const maxIdleGapSeconds = options.maxIdleGapSeconds ?? 3600;
  const keep = options.afterCallQuantiles ?? 200;
  const minPerHour = options.minSamplesPerHour ?? 50;
  requireNonNegativeFinite(fn, 'shortServiceSeconds', shortSeconds);
  requirePositiveInteger(fn, 'afterCallQuantiles', keep);
  requirePositiveInteger(fn, 'minSamplesPerHour', minPerHour);

  // Talk time.
  const services: number[] = [];
  const talkHour = new Float64Array(24);
  const talkHourCount = new Float64Array(24);
  for (const r of records) {
    if (r.outcome !== 'answered' || r.handleSeconds === undefined) continue;
    services.push(r.handleSeconds);
    const h = hourOf(r.arrivalSeconds + r.waitSeconds);
    talkHour[h]! += r.handleSeconds;
    talkHourCount[h]!++;
  }
  const long = services.filter((s) => s >= shortSeconds && s > 0);
  const short = services.filter((s) => !(s >= shortSeconds && s > 0));
  const fit = fitHandleTimes(long);
  const shortMean = short.length > 0 ? short.reduce((a, b) => a + b, 0) / short.length : 0;
  // The lognormal's shape (sigma of the logs) by maximum likelihood, its scale set so that
  // its mean is the sample mean: the load the queue sees is the mean talk time (on the
  // bank's 1-14 February the likelihood fit's mean is 0.4% below it, 177.7 s against 178.5 s).
  const longPart = lognormal(fit.sampleMeanSeconds, fit.lognormal.cv);
  const talk =
    short.length > 0 && shortMean > 0
      ? mixture([
          { weight: short.length, distribution: exponential(shortMean) },
          { weight: long.length, distribution: longPart },
        ])
      : longPart;

  // After-call unavailability.
  const after = afterCallUnavailability(records, { maxIdleGapSeconds });
  const gapWeight = options.afterCallGapWeight ?? 0.5;
  requireProbability(fn, 'afterCallGapWeight', gapWeight);
  const n = after.samplesSeconds.length;
  const waitingPart = n > 0 ? empirical(quantiles(after.samplesSeconds, keep)) : empirical([0]);
  const wholeGap = n > 0 ? empirical(quantiles(after.gapsSeconds, keep)) : empirical([0]);
  const afterCall =
    gapWeight === 0
      ? waitingPart
      : gapWeight === 1
        ? wholeGap
        : mixture([
            { weight: gapWeight, distribution: wholeGap },
            { weight: 1 - gapWeight, distribution: waitingPart },
          ]);
  const blend = (i: number): number =>
    gapWeight * after.gapsSeconds[i]! + (1 - gapWeight) * after.samplesSeconds[i]!;
  let afterMean = 0;
  const afterHour = new Float64Array(24);
  const afterHourCount = new Float64Array(24);
  for (let i = 0; i < n; i++) {
    const h = after.hours[i]!;
    afterMean += blend(i) / n;
    afterHour[h]! += blend(i);
    afterHourCount[h]!++;
  }
  const handle = sum([talk, afterCall]);

  // Time-of-day factors: (mean talk + mean after-call) in the hour over the whole.
  const talkMean = services.reduce((a, b) => a + b, 0) / services.length;
  const whole = talkMean + afterMean;
  const byHour = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    talkCalls: talkHourCount[hour]!,
    talkMeanSeconds: talkHourCount[hour]! > 0 ? talkHour[hour]! / talkHourCount[hour]! : 0,
    afterCallSamples: afterHourCount[hour]!,
    afterCallMeanSeconds: afterHourCount[hour]! > 0 ? afterHour[hour]! / afterHourCount[hour]! : 0,
  }));
  const handleFactorsByHour = byHour.map((h) =>
    h.talkCalls >= minPerHour && h.afterCallSamples >= minPerHour && whole > 0
      ? (h.talkMeanSeconds + h.afterCallMeanSeconds) / whole
      : 1,
  );

  // Patience.
  const breakpoints = options.patienceBreakpointsSeconds;
  const hazardOptions = breakpoints === undefined ? {} : { breakpointsSeconds: breakpoints };
  const patienceFit = patienceHazard(patienceObservations(records), hazardOptions);
  const priorities = [
    ...new Set(records.filter((r) => r.outcome !== 'blocked').map((r) => r.priority ?? 0)),
  ].sort((a, b) => a - b);
  const queued = records.filter((r) => r.outcome !== 'blocked');
  const patienceByPriority = priorities.flatMap((priority) => {
    const own = queued.filter((r) => (r.priority ?? 0) === priority);
    if (!own.some((r) => r.outcome === 'abandoned')) return [];
    return [
      {
        priority,
        share: own.length / queued.length,
        fit: patienceHazard(patienceObservations(own), hazardOptions),
      },
    ];
  });
  const model = options.patience ?? 'pooled';
  const patience =
    model === 'byPriority' && patienceByPriority.length > 1
      ? mixture(patienceByPriority.map((p) => ({ weight: p.share, distribution: p.fit.distribution })))
      : patienceFit.distribution;

  const { samplesSeconds, gapsSeconds, hours, ...afterFigures } = after;
  void hours;
  void gapsSeconds;
  return {
    talk,
    talkFit: {
      services: services.length,
      shortShare: short.length / services.length,
      shortMeanSeconds: shortMean,
      shortServiceSeconds: shortSeconds,
      fit,
    },
    afterCall,
    afterCallFit: { ...afterFigures, samples: samplesSeconds.length },
    handle,
    handleFactorsByHour,
    byHour,
    patience,
    patienceModel: model,
    patienceFit,
    patienceByPriority,
  };
}

/** Mean handle time of a calibrated behaviour at a given hour of the day, seconds. */
export function meanHandleAtHour(behaviour: CalibratedBehaviour, hour: number): number {
  return distributionMean(behaviour.handle) * (behaviour.handleFactorsByHour[hour] ?? 1);
}
