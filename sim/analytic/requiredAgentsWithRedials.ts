import { requireNonNegativeFinite } from '../core/validate.js';
import { meetsTarget, requiredAgents, type StaffingTarget } from './requiredAgents.js';
import { retrialEquilibrium } from './retrialEquilibrium.js';
import type { QueueParams } from './types.js';

/** How failed callers try again (see `retrialEquilibrium`). */
export interface RedialBehaviour {
  /** Chance that a caller whose attempt failed (abandoned or blocked) tries again, in [0, 1]. */
  redialProbability: number;
  /** Most attempts a caller makes, the first included: a positive integer or `Infinity`. */
  maxAttempts: number;
}

/**
 * The least agents meeting every target when failed callers redial: the
 * queue is judged at the `retrialEquilibrium` of its fresh calls and their
 * redials (answer rate per attempt, as a switch counts it). Without `redial`
 * it is `requiredAgents` of the fresh load.
 *
 * Search: `requiredAgents` of the fresh calls alone is a lower bound (redials
 * only add load); `requiredAgents` at the most attempts a caller can make,
 * (1 - r^m) / (1 - r) per fresh call, is an upper bound (every attempt failing);
 * bisection between the two, where the metrics at the equilibrium improve
 * with every agent added.
 *
 * @param queue the queue without agents: `arrivalsPerHour` is the fresh calls per hour
 * @param target at least one target (`StaffingTarget`)
 * @param redial the redial behaviour, or undefined for none
 * @returns the least agents, a non-negative integer
 * @throws {RangeError} when a value is bad or the target cannot be met (from `requiredAgents`)
 * @example
 * requiredAgentsWithRedials(
 *   { arrivalsPerHour: 1000, meanHandleSeconds: 220, meanPatienceSeconds: 90, answerWithinSeconds: 20 },
 *   { answerRate: 0.8 },
 *   { redialProbability: 0.5, maxAttempts: 4 },
 * ); // => 55
 * requiredAgentsWithRedials({ arrivalsPerHour: 200, meanHandleSeconds: 180, answerWithinSeconds: 20 }, { serviceLevel: 0.8 }); // => 14
 */
export function requiredAgentsWithRedials(
  queue: Omit<QueueParams, 'agents'>,
  target: StaffingTarget,
  redial?: RedialBehaviour,
): number {
  const lower = requiredAgents(queue, target);
  if (redial === undefined) return lower;
  requireNonNegativeFinite('requiredAgentsWithRedials', 'queue.arrivalsPerHour', queue.arrivalsPerHour);
  const { redialProbability: r, maxAttempts: m } = redial;
  const meets = (agents: number): boolean => {
    const { arrivalsPerHour, ...rest } = queue;
    const eq = retrialEquilibrium({
      ...rest,
      agents,
      freshCallsPerHour: arrivalsPerHour,
      redialProbability: r,
      maxAttempts: m,
    });
    return meetsTarget(eq.metrics, target);
  };
  if (meets(lower)) return lower;
  const worstAttemptsPerCaller = m === Infinity ? 1 / (1 - r) : r === 1 ? m : (1 - r ** m) / (1 - r);
  let lo = lower; // misses the target
  let hi = requiredAgents(
    { ...queue, arrivalsPerHour: queue.arrivalsPerHour * worstAttemptsPerCaller },
    target,
  );
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (meets(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
