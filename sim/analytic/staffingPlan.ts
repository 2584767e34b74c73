import { requireInRange } from '../core/validate.js';
import { checkQueueParams, patienceRate, queueMetricsUnchecked } from './queueMetrics.js';
import type { StaffingTarget } from './requiredAgents.js';
import { checkTarget, requiredAgentsUnchecked } from './requiredAgents.js';
import type { QueueMetrics, QueueParams } from './types.js';

/**
 * One planning interval: its start (passed through untouched) and the queue
 * parameters of `QueueParams` without `agents`. The load is given as a rate,
 * `arrivalsPerHour`, so intervals of any length (15 min, 30 min, 1 h) are
 * described alike: for N calls in a half hour, pass `arrivalsPerHour: 2 * N`.
 */
export interface StaffingPlanInterval extends Omit<QueueParams, 'agents'> {
  /** The interval's start, as the caller labels it (ISO string, slot number...). */
  start: string | number;
}

/** Options of `staffingPlan`. */
export interface StaffingPlanOptions {
  /**
   * Share of paid staff time not available for calls (breaks, leave, training),
   * in [0, 0.99].
   *
   * __Default value:__ `0`
   */
  shrinkage?: number;
}

/** One row of a staffing plan. */
export interface StaffingPlanRow {
  /** The interval's `start`, unchanged. */
  start: string | number;
  /** Least agents on the phones meeting every target (`requiredAgents`). */
  requiredAgents: number;
  /** Staff to schedule: ceil(requiredAgents / (1 - shrinkage)), rounded up. */
  scheduledStaff: number;
  /**
   * Exact metrics with `requiredAgents` agents, as `queueMetrics` gives them
   * except that the chain's tails are cut at 1e-40 instead of 1e-300 of the
   * modal weight (the staffing search's bound): fields agree to 1e-40 absolute.
   */
  metrics: QueueMetrics;
}

interface Solved {
  mu: number;
  theta: number;
  room: number;
  t: number;
  agents: number;
  metrics: QueueMetrics;
}

/** Fast check of a row's fields; a failing row is re-checked to throw with its name. */
function isPlainValid(row: StaffingPlanInterval): boolean {
  const patience = row.meanPatienceSeconds;
  const room = row.waitingRoom;
  return (
    typeof row.arrivalsPerHour === 'number' &&
    row.arrivalsPerHour >= 0 &&
    row.arrivalsPerHour < Infinity &&
    typeof row.meanHandleSeconds === 'number' &&
    row.meanHandleSeconds > 0 &&
    row.meanHandleSeconds < Infinity &&
    typeof row.answerWithinSeconds === 'number' &&
    row.answerWithinSeconds >= 0 &&
    row.answerWithinSeconds < Infinity &&
    (patience === undefined || (typeof patience === 'number' && patience > 0)) &&
    (room === undefined || room === Infinity || (Number.isInteger(room) && room >= 0))
  );
}

/**
 * Per-interval staffing: for each interval, the least agents meeting every
 * target given (as `requiredAgents`), the staff to schedule once shrinkage is
 * allowed for, and the exact metrics at that staffing.
 *
 * `scheduledStaff` = ceil(requiredAgents / (1 - shrinkage)), rounded UP (a
 * quotient within 1e-9 of an integer counts as that integer, so that 14 / 0.7
 * gives 20, not 21).
 *
 * Speed: intervals with identical parameters are solved once (cached by value),
 * and each search starts from a warm guess: the square-root-staffing margin
 * beta = (c - A) / sqrt(A) found for a similar load (within about 3%), else
 * the previous interval's. The guess is usually exact or one short, so most
 * intervals cost 2 evaluations of the chain. A year
 * of half hours (17,520 rows) with Erlang A targets takes well under 200 ms.
 *
 * @param intervals rows of `start`, `arrivalsPerHour`, `meanHandleSeconds`,
 *   `meanPatienceSeconds?`, `waitingRoom?`, `answerWithinSeconds`
 * @param target the `StaffingTarget` every interval must meet
 * @param options `shrinkage` (default 0)
 * @returns one `StaffingPlanRow` per interval, in order: `start`,
 *   `requiredAgents`, `scheduledStaff`, `metrics`
 * @throws {RangeError} naming the interval and field (`intervals[3].arrivalsPerHour`)
 *   on a bad value, on a bad target or shrinkage, or when an interval's target
 *   cannot be met (see `requiredAgents`)
 * @example
 * staffingPlan(
 *   [{ start: '09:00', arrivalsPerHour: 200, meanHandleSeconds: 180, answerWithinSeconds: 20 }],
 *   { serviceLevel: 0.8 },
 *   { shrinkage: 0.3 },
 * ); // => [{ start: '09:00', requiredAgents: 14, scheduledStaff: 20, metrics: { serviceLevel: 0.8884 } }]
 */
export function staffingPlan(
  intervals: readonly StaffingPlanInterval[],
  target: StaffingTarget,
  options: StaffingPlanOptions = {},
): StaffingPlanRow[] {
  const fn = 'staffingPlan';
  if (!Array.isArray(intervals)) {
    throw new TypeError(`${fn}: intervals must be an array (got ${String(intervals)})`);
  }
  checkTarget(fn, target);
  const shrinkage = options.shrinkage ?? 0;
  requireInRange(fn, 'shrinkage', shrinkage, 0, 0.99);
  intervals.forEach((row, i) => {
    if (typeof row !== 'object' || row === null) {
      throw new TypeError(`${fn}: intervals[${i}] must be an object (got ${String(row)})`);
    }
    if (!isPlainValid(row)) checkQueueParams(fn, row, false, true, `intervals[${i}].`);
  });

  // Cache by value: arrivals per hour first, then the other parameters.
  const cache = new Map<number, Solved[]>();
  const betaByLoad = new Map<number, number>();
  let previousLoad = -1;
  let previousAgents = 0;
  return intervals.map((row) => {
    const lambda = row.arrivalsPerHour / 3600;
    const mu = 1 / row.meanHandleSeconds;
    const theta = patienceRate(row.meanPatienceSeconds);
    const room = row.waitingRoom ?? Infinity;
    const t = row.answerWithinSeconds;
    let sameLoad = cache.get(lambda);
    if (sameLoad === undefined) {
      sameLoad = [];
      cache.set(lambda, sameLoad);
    }
    let solved = sameLoad.find((s) => s.mu === mu && s.theta === theta && s.room === room && s.t === t);
    if (solved === undefined) {
      const load = lambda / mu;
      // Warm start: the margin beta = (c - A) / sqrt(A) found for a load within
      // about 3% (log-load bucket), else the previous interval's; biased down by
      // half an agent, because a guess one short costs 2 evaluations and one
      // over costs 4.
      const loadBucket = load > 0 ? Math.round(Math.log(load) * 32) : 0;
      let beta = betaByLoad.get(loadBucket);
      if (beta === undefined && previousLoad > 0)
        beta = (previousAgents - previousLoad) / Math.sqrt(previousLoad);
      const guess =
        beta === undefined || load === 0
          ? undefined
          : Math.max(0, Math.ceil(load + beta * Math.sqrt(load) - 0.5));
      const found: { metrics?: QueueMetrics } = {};
      const agents = requiredAgentsUnchecked(lambda, mu, theta, room, t, target, guess, fn, found);
      const metrics = found.metrics ?? queueMetricsUnchecked(agents, lambda, mu, theta, room, t);
      solved = { mu, theta, room, t, agents, metrics };
      sameLoad.push(solved);
      previousLoad = load;
      previousAgents = agents;
      if (load > 0) betaByLoad.set(loadBucket, (agents - load) / Math.sqrt(load));
    }
    const staff = solved.agents / (1 - shrinkage);
    const nearest = Math.round(staff);
    const scheduledStaff =
      Math.abs(staff - nearest) <= 1e-9 * Math.max(1, staff) ? nearest : Math.ceil(staff);
    return {
      start: row.start,
      requiredAgents: solved.agents,
      scheduledStaff,
      metrics: { ...solved.metrics },
    };
  });
}
