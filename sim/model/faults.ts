import { randomStreams } from '../core/rng.js';
import {
  requireNonNegativeFinite,
  requirePositiveFinite,
  requirePositiveInteger,
  requireProbability,
} from '../core/validate.js';
import {
  checkDistribution,
  compileSampler,
  distributionMean,
  exponential,
  lognormal,
} from './distributions.js';
import type { Distribution } from './types.js';

/**
 * Platform faults (SEED, "timeliness" targets): three levels of severity, each
 * with its response and repair deadlines. A fault starts at a random instant
 * (a Poisson process at the level's yearly rate), is responded to after a
 * response time and repaired after a repair time, both counted from its
 * start. While it lasts, a share of the seats is lost (1 = the whole platform
 * down): callers on those lines and in the queue are dropped and may redial.
 */

/** One level of fault severity. */
export interface FaultLevelSpec {
  /** Level number as in the source document: 1 (most severe) to 3. */
  readonly level: number;
  /** Faults per year (365 days), >= 0. */
  readonly ratePerYear: number;
  /** Time from the fault's start to the first response, seconds. */
  readonly response: Distribution;
  /** Time from the fault's start to its repair (end of its effect), seconds. Never shorter than the response. */
  readonly repair: Distribution;
  /** Share of seats lost while the fault lasts, in [0, 1]; 1 = the whole platform down. */
  readonly capacityLost: number;
  /** Response deadline, seconds (SEED: 10 minutes at every level). */
  readonly responseDeadlineSeconds: number;
  /** Repair deadline, seconds (SEED: 90 min for level 1, 180 min for level 2, 24 h for level 3). */
  readonly repairDeadlineSeconds: number;
}

/** One fault as it happened in a run. */
export interface FaultEpisode {
  readonly level: number;
  /** Start, seconds from the start of the horizon. */
  readonly startSeconds: number;
  /** Response instant, seconds from the start of the horizon. */
  readonly respondedSeconds: number;
  /** Repair instant, seconds from the start of the horizon (may fall after the horizon). */
  readonly repairedSeconds: number;
  /** Share of seats lost while it lasts. */
  readonly capacityLost: number;
}

/** Per-level results, as the source document's timeliness rows ask for them. */
export interface FaultLevelSummary {
  readonly level: number;
  readonly faults: number;
  /** Share of faults responded to within the deadline (`null` when there was no fault). */
  readonly respondedWithinDeadline: number | null;
  /** Share of faults repaired within the level's deadline (`null` when there was no fault). */
  readonly repairedWithinDeadline: number | null;
  /** Sum over faults of duration x capacity lost, minutes: seat-capacity minutes lost (full-outage equivalent). */
  readonly outageMinutes: number;
}

/**
 * Default fault levels for the 12333 platform. SEED gives only the deadlines
 * [S]: respond within 10 minutes at every level, repair within 90 minutes
 * (level 1), 180 minutes (level 2) and 24 hours (level 3). Rates, durations and
 * effects are assumptions [A, FACTS.md §7.1]: level 1, once a year, about an
 * hour with the whole platform down; level 2, four a year, about two hours with
 * half the seats lost; level 3, twelve a year, about eight hours with a tenth
 * of the seats lost. Response times exponential with mean 4 minutes [A];
 * repair times lognormal with CV 0.5 [A].
 */
export const DEFAULT_FAULT_LEVELS: readonly FaultLevelSpec[] = [
  {
    level: 1,
    ratePerYear: 1,
    response: exponential(240),
    repair: lognormal(3_600, 0.5),
    capacityLost: 1,
    responseDeadlineSeconds: 600,
    repairDeadlineSeconds: 90 * 60,
  },
  {
    level: 2,
    ratePerYear: 4,
    response: exponential(240),
    repair: lognormal(7_200, 0.5),
    capacityLost: 0.5,
    responseDeadlineSeconds: 600,
    repairDeadlineSeconds: 180 * 60,
  },
  {
    level: 3,
    ratePerYear: 12,
    response: exponential(240),
    repair: lognormal(8 * 3_600, 0.5),
    capacityLost: 0.1,
    responseDeadlineSeconds: 600,
    repairDeadlineSeconds: 24 * 3_600,
  },
];

const YEAR_SECONDS = 365 * 86_400;

/**
 * Check fault levels, naming the field: `simulate: scenario.faults.levels[1].capacityLost
 * must be a probability in [0, 1] (got 2)`. Level numbers must be positive integers,
 * each used once.
 *
 * @param fn name of the calling function, for the message
 * @param levels the levels to check
 * @param name the levels' path in the caller's input
 * @throws {RangeError} at the first invalid field
 * @example
 * checkFaultLevels('simulate', DEFAULT_FAULT_LEVELS, 'scenario.faults.levels'); // passes
 */
export function checkFaultLevels(fn: string, levels: readonly FaultLevelSpec[], name = 'levels'): void {
  if (!Array.isArray(levels)) throw new RangeError(`${fn}: ${name} must be an array of fault levels`);
  const seen = new Set<number>();
  levels.forEach((l: FaultLevelSpec, i) => {
    requirePositiveInteger(fn, `${name}[${i}].level`, l.level);
    if (seen.has(l.level)) {
      throw new RangeError(`${fn}: ${name}[${i}].level must be unique (got ${l.level} twice)`);
    }
    seen.add(l.level);
    requireNonNegativeFinite(fn, `${name}[${i}].ratePerYear`, l.ratePerYear);
    requireProbability(fn, `${name}[${i}].capacityLost`, l.capacityLost);
    requirePositiveFinite(fn, `${name}[${i}].responseDeadlineSeconds`, l.responseDeadlineSeconds);
    requirePositiveFinite(fn, `${name}[${i}].repairDeadlineSeconds`, l.repairDeadlineSeconds);
    checkDistribution(fn, `${name}[${i}].response`, l.response);
    checkDistribution(fn, `${name}[${i}].repair`, l.repair);
  });
}

/**
 * Draw the faults of one run: for each level, a Poisson process of starts
 * over the horizon at `ratePerYear / 365` a day, each with its response and
 * repair times (the repair is never before the response). Draws come from the
 * `outages` stream only, so faults do not change the calls' random numbers.
 *
 * @param levels the fault levels
 * @param horizonSeconds length of the run, seconds
 * @param seed the run's seed
 * @param replication the replication number
 * @returns every fault, sorted by start
 * @throws {RangeError} naming the field when a level is invalid
 * @example
 * const faults = drawFaults(DEFAULT_FAULT_LEVELS, 366 * 86_400, 42, 0);
 * faults.filter((f) => f.level === 3).length; // => 11 (12 expected a year; this seed draws 11)
 */
export function drawFaults(
  levels: readonly FaultLevelSpec[],
  horizonSeconds: number,
  seed: number,
  replication: number,
): FaultEpisode[] {
  const fn = 'drawFaults';
  requireNonNegativeFinite(fn, 'horizonSeconds', horizonSeconds);
  checkFaultLevels(fn, levels);
  const u = randomStreams(seed, replication).stream('outages');
  const episodes: FaultEpisode[] = [];
  for (const l of levels) {
    if (l.ratePerYear === 0) continue;
    const response = compileSampler(l.response, u);
    const repair = compileSampler(l.repair, u);
    const meanGap = YEAR_SECONDS / l.ratePerYear;
    for (let t = -Math.log(u()) * meanGap; t < horizonSeconds; t += -Math.log(u()) * meanGap) {
      const respondedAfter = response();
      const repairedAfter = Math.max(respondedAfter, repair());
      episodes.push({
        level: l.level,
        startSeconds: t,
        respondedSeconds: t + respondedAfter,
        repairedSeconds: t + repairedAfter,
        capacityLost: l.capacityLost,
      });
    }
  }
  return episodes.sort((a, b) => a.startSeconds - b.startSeconds || a.level - b.level);
}

/**
 * Summarise faults by level: how many, the share responded to and repaired
 * within the deadlines, and the capacity lost in full-outage minutes.
 *
 * @param levels the levels (for their deadlines)
 * @param episodes faults from `drawFaults`
 * @returns one summary per level, in the order of `levels`
 * @example
 * summariseFaults(DEFAULT_FAULT_LEVELS, drawFaults(DEFAULT_FAULT_LEVELS, 366 * 86_400, 1, 0));
 * // => [
 * //   { level: 1, faults: 1, respondedWithinDeadline: 1, repairedWithinDeadline: 1, outageMinutes: 73.06 },
 * //   { level: 2, faults: 3, respondedWithinDeadline: 1, repairedWithinDeadline: 1, outageMinutes: 95.71 },
 * //   { level: 3, faults: 10, respondedWithinDeadline: 1, repairedWithinDeadline: 1, outageMinutes: 469.14 },
 * // ]
 */
export function summariseFaults(
  levels: readonly FaultLevelSpec[],
  episodes: readonly FaultEpisode[],
): FaultLevelSummary[] {
  return levels.map((l) => {
    const mine = episodes.filter((e) => e.level === l.level);
    const share = (ok: (e: FaultEpisode) => boolean): number | null =>
      mine.length === 0 ? null : mine.filter(ok).length / mine.length;
    return {
      level: l.level,
      faults: mine.length,
      respondedWithinDeadline: share((e) => e.respondedSeconds - e.startSeconds <= l.responseDeadlineSeconds),
      repairedWithinDeadline: share((e) => e.repairedSeconds - e.startSeconds <= l.repairDeadlineSeconds),
      outageMinutes: mine.reduce(
        (a, e) => a + ((e.repairedSeconds - e.startSeconds) * e.capacityLost) / 60,
        0,
      ),
    };
  });
}

/**
 * Expected full-outage minutes a year of the given levels: rate x mean
 * duration x capacity lost, summed (the repair time's mean, ignoring the rare
 * case where the response outlasts it).
 *
 * @example
 * expectedOutageMinutesPerYear(DEFAULT_FAULT_LEVELS); // => 876 (60 + 4 x 120 x 0.5 + 12 x 480 x 0.1)
 */
export function expectedOutageMinutesPerYear(levels: readonly FaultLevelSpec[]): number {
  return levels.reduce((a, l) => a + (l.ratePerYear * distributionMean(l.repair) * l.capacityLost) / 60, 0);
}

/**
 * Share of seats available at each interval: 1 minus the time-weighted
 * capacity lost to the faults that overlap it (overlapping faults add up, to at
 * most all seats).
 *
 * @param episodes faults from `drawFaults`
 * @param intervalSeconds interval length, seconds
 * @param intervals number of intervals in the horizon
 * @returns one factor in [0, 1] per interval
 * @example
 * capacityByInterval([{ level: 1, startSeconds: 900, respondedSeconds: 1000, repairedSeconds: 2700, capacityLost: 1 }], 1800, 2);
 * // => [0.5, 0.5]
 */
export function capacityByInterval(
  episodes: readonly FaultEpisode[],
  intervalSeconds: number,
  intervals: number,
): number[] {
  const lost = new Float64Array(intervals);
  for (const e of episodes) {
    const first = Math.max(0, Math.floor(e.startSeconds / intervalSeconds));
    const last = Math.min(intervals - 1, Math.floor(e.repairedSeconds / intervalSeconds));
    for (let i = first; i <= last; i++) {
      const from = Math.max(e.startSeconds, i * intervalSeconds);
      const to = Math.min(e.repairedSeconds, (i + 1) * intervalSeconds);
      if (to > from) lost[i] = (lost[i] ?? 0) + ((to - from) / intervalSeconds) * e.capacityLost;
    }
  }
  return Array.from(lost, (l) => Math.max(0, 1 - l));
}
