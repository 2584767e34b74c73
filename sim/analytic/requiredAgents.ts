import { requireInRange, requireNonNegativeFinite, requireNonNegativeInteger } from '../core/validate.js';
import { checkQueueParams, patienceRate, queueMetricsUnchecked } from './queueMetrics.js';
import type { QueueMetrics, QueueParams } from './types.js';

/**
 * Service targets for `requiredAgents`, `maxArrivalsPerHour` and
 * `staffingPlan`. Every field is optional; at least one must be given, and all
 * those given must be met. Rates and levels are met when at or above the
 * target; waits, abandonment, blocking and occupancy when at or below it.
 * Definitions are those of `QueueMetrics`.
 */
export interface StaffingTarget {
  /** Least answered / offered, in [0, 1]. */
  answerRate?: number;
  /** Least answered within t / offered, in [0, 1]. */
  serviceLevel?: number;
  /** Least answered within t / answered, in [0, 1]. */
  serviceLevelOfAnswered?: number;
  /** Least answered within t / (offered - blocked - abandoned within t), in [0, 1]. */
  serviceLevelExcludingShortAbandons?: number;
  /** Greatest mean wait of answered calls, seconds, >= 0. */
  asaSeconds?: number;
  /** Greatest abandoned / offered, in [0, 1]. */
  abandonRate?: number;
  /** Greatest blocked / offered, in [0, 1]. */
  blockRate?: number;
  /** Greatest occupancy (carried load / agents), in [0, 1]. */
  maxOccupancy?: number;
}

const LEVELS = [
  'answerRate',
  'serviceLevel',
  'serviceLevelOfAnswered',
  'serviceLevelExcludingShortAbandons',
] as const;
const CEILINGS = ['abandonRate', 'blockRate', 'maxOccupancy'] as const;

/** Check a target object, naming `fn` and the field. */
export function checkTarget(fn: string, target: StaffingTarget): void {
  if (typeof target !== 'object' || target === null) {
    throw new TypeError(`${fn}: target must be an object (got ${String(target)})`);
  }
  let count = 0;
  for (const key of [...LEVELS, ...CEILINGS]) {
    const value = target[key];
    if (value === undefined) continue;
    requireInRange(fn, `target.${key}`, value, 0, 1);
    count++;
  }
  if (target.asaSeconds !== undefined) {
    requireNonNegativeFinite(fn, 'target.asaSeconds', target.asaSeconds);
    count++;
  }
  if (count === 0) {
    throw new RangeError(
      `${fn}: target must give at least one of answerRate, serviceLevel, serviceLevelOfAnswered, serviceLevelExcludingShortAbandons, asaSeconds, abandonRate, blockRate, maxOccupancy (got {})`,
    );
  }
}

/**
 * Whether metrics meet every target given. An unstable queue meets none.
 *
 * @param m the metrics of one queue (`queueMetrics`)
 * @param target the targets (fractions; ASA in seconds)
 * @returns true when every target given is met
 * @example
 * const m = queueMetrics({ arrivalsPerHour: 360, meanHandleSeconds: 180, agents: 22, answerWithinSeconds: 15 });
 * meetsTarget(m, { serviceLevel: 0.8 }); // => true (service level 0.8007)
 */
export function meetsTarget(m: QueueMetrics, target: StaffingTarget): boolean {
  if (!m.stable) return false;
  if (target.answerRate !== undefined && !(m.answerRate >= target.answerRate)) return false;
  if (target.serviceLevel !== undefined && !(m.serviceLevel >= target.serviceLevel)) return false;
  if (
    target.serviceLevelOfAnswered !== undefined &&
    !(m.serviceLevelOfAnswered >= target.serviceLevelOfAnswered)
  ) {
    return false;
  }
  if (
    target.serviceLevelExcludingShortAbandons !== undefined &&
    !(m.serviceLevelExcludingShortAbandons >= target.serviceLevelExcludingShortAbandons)
  ) {
    return false;
  }
  if (target.asaSeconds !== undefined && !(m.asaSeconds <= target.asaSeconds)) return false;
  if (target.abandonRate !== undefined && !(m.abandonRate <= target.abandonRate)) return false;
  if (target.blockRate !== undefined && !(m.blockRate <= target.blockRate)) return false;
  if (target.maxOccupancy !== undefined && !(m.occupancy <= target.maxOccupancy)) return false;
  return true;
}

/** Tail bound used while searching: far below any difference a target can see. */
export const SEARCH_TAIL_WEIGHT = 1e-40;

/**
 * Least number of agents meeting every target given, for a queue described
 * by `q` (a `QueueParams` without `agents`).
 *
 * Targets: `answerRate`, `serviceLevel`, `serviceLevelOfAnswered`,
 * `serviceLevelExcludingShortAbandons` are met at or above their value;
 * `asaSeconds`, `abandonRate`, `blockRate`, `maxOccupancy` at or below it.
 * Every metric is exact (`queueMetrics`); each improves as agents are added,
 * so the search starts from a square-root-staffing guess (A + sqrt(A), or a
 * caller's warm start), gallops up or down by 1, 2, 4, ... agents and bisects:
 * typically 2 to 4 evaluations when the guess is close. Without patience and
 * with unlimited room only stable counts (agents > load) are considered.
 * With no calls offered, the answer is what a lone arriving caller needs
 * (`queueMetrics` judges an empty load that way): usually 1 agent, 0 when the
 * targets allow nobody to be answered.
 *
 * Unreachable targets throw: a service level (any kind) of 1 with calls
 * offered (some callers always wait; with t = 0 none waits only if none
 * arrives), an `asaSeconds` of 0, an `abandonRate` of 0 with patience, a
 * `blockRate` of 0 with a finite room, a `maxOccupancy` of 0, or any target
 * still missed when the chance of waiting has underflowed to 0 (about
 * A + 40 sqrt(A) agents) or occupancy is below target.
 *
 * @param q `arrivalsPerHour`, `meanHandleSeconds`, `meanPatienceSeconds?`,
 *   `waitingRoom?`, `answerWithinSeconds`, as in `QueueParams`
 * @param target the `StaffingTarget` to meet (at least one field)
 * @returns the least agents (a non-negative integer) meeting every target
 * @throws {RangeError} on a bad parameter or target (naming it), or when the
 *   target cannot be met by any number of agents
 * @example
 * // 100 calls per 30 min, 3-min handle: 80% answered within 20 s
 * requiredAgents({ arrivalsPerHour: 200, meanHandleSeconds: 180, answerWithinSeconds: 20 }, { serviceLevel: 0.8 }); // => 14
 */
export function requiredAgents(q: Omit<QueueParams, 'agents'>, target: StaffingTarget): number {
  if (typeof q !== 'object' || q === null) {
    throw new TypeError(`requiredAgents: q must be an object (got ${String(q)})`);
  }
  checkQueueParams('requiredAgents', q, false);
  checkTarget('requiredAgents', target);
  return requiredAgentsUnchecked(
    q.arrivalsPerHour / 3600,
    1 / q.meanHandleSeconds,
    patienceRate(q.meanPatienceSeconds),
    q.waitingRoom ?? Infinity,
    q.answerWithinSeconds,
    target,
  );
}

/**
 * `requiredAgents` in internal units (rates per second), without checks;
 * `guess` is an optional warm start (for example the previous interval's answer
 * scaled to this load). `fn` names the caller in errors. When `found` is
 * given, `found.metrics` receives the metrics at the answer, computed with the
 * search's tail bound (`SEARCH_TAIL_WEIGHT`).
 */
export function requiredAgentsUnchecked(
  lambda: number,
  mu: number,
  theta: number,
  room: number,
  t: number,
  target: StaffingTarget,
  guess?: number,
  fn = 'requiredAgents',
  found?: { metrics?: QueueMetrics },
): number {
  const load = lambda / mu;
  const erlangC = theta === 0 && room === Infinity;
  const unreachable = (why: string): RangeError =>
    new RangeError(`${fn}: target ${JSON.stringify(target)} cannot be met by any number of agents (${why})`);
  if (lambda > 0) {
    for (const key of LEVELS) {
      if (key === 'answerRate') {
        if (target.answerRate === 1 && !erlangC) throw unreachable('some callers abandon or are blocked');
      } else if (target[key] === 1) {
        throw unreachable(`${key} 1: some callers always wait`);
      }
    }
    if (target.asaSeconds === 0) throw unreachable('asaSeconds 0: some callers always wait');
    if (target.abandonRate === 0 && theta > 0) throw unreachable('abandonRate 0 with patience');
    if (target.blockRate === 0 && room !== Infinity) throw unreachable('blockRate 0 with a finite room');
    if (target.maxOccupancy === 0) throw unreachable('maxOccupancy 0 with calls offered');
  }

  const least = erlangC ? Math.floor(load) + 1 : 0;
  let cap = Math.ceil(load + 40 * Math.sqrt(load) + 40);
  if (target.maxOccupancy !== undefined && target.maxOccupancy > 0) {
    cap = Math.max(cap, Math.ceil(load / target.maxOccupancy) + 1);
  }
  let metAt = -1;
  let metMetrics: QueueMetrics | undefined;
  const met = (c: number): boolean => {
    const m = queueMetricsUnchecked(c, lambda, mu, theta, room, t, SEARCH_TAIL_WEIGHT);
    const ok = meetsTarget(m, target);
    if (ok) {
      metAt = c;
      metMetrics = m;
    }
    return ok;
  };

  let start = guess ?? Math.ceil(load + Math.sqrt(load));
  start = Math.min(cap, Math.max(least, start));
  let lo: number; // not met (or below the least candidate)
  let hi: number; // met
  if (met(start)) {
    hi = start;
    lo = least - 1;
    for (let step = 1; hi > least; step *= 2) {
      const candidate = Math.max(least, hi - step);
      if (met(candidate)) {
        hi = candidate;
      } else {
        lo = candidate;
        break;
      }
    }
  } else {
    lo = start;
    hi = -1;
    for (let step = 1; ; step *= 2) {
      const candidate = Math.min(cap, lo + step);
      if (met(candidate)) {
        hi = candidate;
        break;
      }
      if (candidate === cap) throw unreachable(`not met at ${cap} agents, where waiting has vanished`);
      lo = candidate;
    }
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (met(mid)) hi = mid;
    else lo = mid;
  }
  if (found !== undefined) {
    found.metrics =
      metAt === hi ? metMetrics : queueMetricsUnchecked(hi, lambda, mu, theta, room, t, SEARCH_TAIL_WEIGHT);
  }
  return hi;
}

/**
 * Most arrivals per hour that `agents` agents carry while meeting every target
 * given, for a queue described by `q` (a `QueueParams` without
 * `arrivalsPerHour`). Every metric worsens as the load grows, so the answer is
 * found by doubling and bisection to 1e-10 relative, rounded down (the load
 * returned meets the target).
 *
 * @param q `agents`, `meanHandleSeconds`, `meanPatienceSeconds?`,
 *   `waitingRoom?`, `answerWithinSeconds`, as in `QueueParams`
 * @param target the `StaffingTarget` to meet (at least one field)
 * @returns arrivals per hour, >= 0; `Infinity` when every target given holds
 *   at any load (levels of 0, ceilings of 1)
 * @throws {RangeError} on a bad parameter or target, when even a vanishing
 *   load misses the target (for example no agents and a service level above 0),
 *   or when the target still holds beyond 1e12 calls per hour (with patience and
 *   unlimited room: beyond 5e6 x 3600 / mean patience, where the chain would
 *   exceed 5 million states; a loose `asaSeconds` with short patience can do this)
 * @example
 * // 14 agents, 3-min handle: the most calls per hour with 80% answered within 20 s
 * maxArrivalsPerHour({ agents: 14, meanHandleSeconds: 180, answerWithinSeconds: 20 }, { serviceLevel: 0.8 }); // => 217.37
 */
export function maxArrivalsPerHour(q: Omit<QueueParams, 'arrivalsPerHour'>, target: StaffingTarget): number {
  if (typeof q !== 'object' || q === null) {
    throw new TypeError(`maxArrivalsPerHour: q must be an object (got ${String(q)})`);
  }
  requireNonNegativeInteger('maxArrivalsPerHour', 'agents', q.agents);
  checkQueueParams('maxArrivalsPerHour', q, false, false);
  checkTarget('maxArrivalsPerHour', target);
  const c = q.agents;
  const mu = 1 / q.meanHandleSeconds;
  const theta = patienceRate(q.meanPatienceSeconds);
  const room = q.waitingRoom ?? Infinity;
  const t = q.answerWithinSeconds;
  const met = (perHour: number): boolean =>
    meetsTarget(queueMetricsUnchecked(c, perHour / 3600, mu, theta, room, t, SEARCH_TAIL_WEIGHT), target);

  // Targets that every load meets (a level of 0, a ceiling of 1) say nothing.
  const binding = Object.entries(target).some(([key, value]) =>
    key === 'asaSeconds' ? true : (LEVELS as readonly string[]).includes(key) ? value > 0 : value < 1,
  );
  if (!binding) return Infinity;

  // A vanishing load: the limit as arrivals tend to 0 (tiny, not 0, so that a
  // target with an empty set of calls is judged as a lone caller sees it).
  const tiny = 1e-9 * Math.max(1, c) * mu * 3600;
  if (!met(tiny)) {
    throw new RangeError(
      `maxArrivalsPerHour: target ${JSON.stringify(target)} is missed at any load with ${c} agents`,
    );
  }
  // With patience and unlimited room the chain holds about lambda / theta states: stay below 5e6.
  const largest = theta > 0 && room === Infinity ? 5e6 * theta * 3600 : 1e12;
  let lo = tiny;
  let hi = Math.max(1, c) * mu * 3600; // the agents' capacity, calls per hour
  while (met(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > largest) {
      throw new RangeError(
        `maxArrivalsPerHour: target ${JSON.stringify(target)} is still met at ${lo} calls per hour, beyond the supported range`,
      );
    }
  }
  while (hi - lo > 1e-10 * hi) {
    const mid = (lo + hi) / 2;
    if (met(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
