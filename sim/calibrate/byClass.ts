import { requireNonNegativeFinite } from '../core/validate.js';
import type { ObservedCall } from './types.js';

/** Waits and abandonment of one class of calls, as measured in the records. */
export interface ClassOutcomes {
  /** The class (by default the priority, or `none`). */
  readonly callClass: string;
  /** Calls that asked for an agent: answered + abandoned + blocked. */
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  readonly blocked: number;
  /** abandoned / offered. */
  readonly abandonmentFraction: number;
  /** Answered within `answerWithinSeconds`, over offered (a blocked or abandoned call fails). */
  readonly serviceLevel: number;
  /** Mean wait of every queued call (answered or abandoned), in seconds. */
  readonly meanWaitSeconds: number;
  /** Mean wait of answered calls (the ASA), in seconds. */
  readonly meanWaitAnsweredSeconds: number;
  /** abandoned / Σ waits of queued calls: the exponential patience mean, in seconds (Infinity when none abandoned). */
  readonly meanPatienceSeconds: number;
}

/** Options of {@link outcomesByClass}. */
export interface OutcomesByClassOptions {
  /**
   * The class of a call.
   *
   * __Default value:__ its priority as text, or `none`
   */
  classOf?: (record: ObservedCall) => string;
  /**
   * The service-level threshold, in seconds.
   *
   * __Default value:__ `20`
   */
  answerWithinSeconds?: number;
}

/**
 * Waits and abandonment per class of calls (by default per priority), measured
 * in the records, so that what a priority discipline did can be reported: in the
 * Anonymous Bank data high-priority customers (priority 2) were served ahead of
 * the others. Classes are sorted by name. A class with no offered call does not appear.
 *
 * @param records call records
 * @param options how to classify, and the service-level threshold
 * @returns one row per class
 * @throws {RangeError} when `answerWithinSeconds` is negative or not finite
 * @example
 * const at = (second: number) => Date.UTC(2020, 0, 6, 9, 0, second) / 1000;
 * const records = [
 *   { arrivalSeconds: at(0), waitSeconds: 30, outcome: 'answered', handleSeconds: 100, priority: 2 },
 *   { arrivalSeconds: at(1), waitSeconds: 90, outcome: 'abandoned', priority: 1 },
 *   { arrivalSeconds: at(2), waitSeconds: 10, outcome: 'answered', handleSeconds: 100, priority: 1 },
 * ] as const;
 * outcomesByClass(records).map((c) => [c.callClass, c.meanWaitSeconds]); // => [['1', 50], ['2', 30]]
 */
export function outcomesByClass(
  records: readonly ObservedCall[],
  options: OutcomesByClassOptions = {},
): ClassOutcomes[] {
  const threshold = options.answerWithinSeconds ?? 20;
  requireNonNegativeFinite('outcomesByClass', 'answerWithinSeconds', threshold);
  const classOf =
    options.classOf ?? ((r: ObservedCall) => (r.priority === undefined ? 'none' : String(r.priority)));
  interface Sums {
    answered: number;
    abandoned: number;
    blocked: number;
    withinThreshold: number;
    waitQueued: number;
    waitAnswered: number;
  }
  const sums = new Map<string, Sums>();
  for (const r of records) {
    const key = classOf(r);
    let s = sums.get(key);
    if (s === undefined) {
      s = { answered: 0, abandoned: 0, blocked: 0, withinThreshold: 0, waitQueued: 0, waitAnswered: 0 };
      sums.set(key, s);
    }
    if (r.outcome === 'blocked') {
      s.blocked++;
      continue;
    }
    s.waitQueued += r.waitSeconds;
    if (r.outcome === 'abandoned') s.abandoned++;
    else {
      s.answered++;
      s.waitAnswered += r.waitSeconds;
      if (r.waitSeconds <= threshold) s.withinThreshold++;
    }
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([callClass, s]) => {
      const offered = s.answered + s.abandoned + s.blocked;
      return {
        callClass,
        offered,
        answered: s.answered,
        abandoned: s.abandoned,
        blocked: s.blocked,
        abandonmentFraction: s.abandoned / offered,
        serviceLevel: s.withinThreshold / offered,
        meanWaitSeconds: s.answered + s.abandoned > 0 ? s.waitQueued / (s.answered + s.abandoned) : 0,
        meanWaitAnsweredSeconds: s.answered > 0 ? s.waitAnswered / s.answered : 0,
        meanPatienceSeconds: s.abandoned > 0 ? s.waitQueued / s.abandoned : Infinity,
      };
    });
}
