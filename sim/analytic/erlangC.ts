import { requireNonNegativeFinite, requireNonNegativeInteger } from '../core/validate.js';
import { erlangBUnchecked } from './erlangB.js';

/**
 * Erlang C probability of waiting: the chance that a call offered to `agents`
 * agents with an unlimited queue and callers who never hang up finds every
 * agent busy (the M/M/c model).
 *
 * Computed from Erlang B as C = B / (1 - rho (1 - B)) with rho = A / c, so it
 * never forms A^c or c!. When the load is at or above the agents (A >= c) the
 * queue is unstable and every call waits: the function returns 1. With no load
 * and at least one agent it returns 0.
 *
 * Reference: https://en.wikipedia.org/wiki/Erlang_(unit)#Erlang_C_formula
 *
 * @param agents number of agents, a non-negative integer
 * @param trafficErlangs offered load in erlangs (arrivals per second x mean handle seconds), >= 0
 * @returns probability that a call waits, in [0, 1]
 * @throws {RangeError} if `agents` is not a non-negative integer, or if
 *   `trafficErlangs` is negative, NaN or infinite
 * @example
 * erlangC(2, 1); // => 1 / 3
 * erlangC(14, 10); // => 0.17413 (100 calls per 30 min, 3-min handle)
 * erlangC(3, 3); // => 1 (at capacity)
 */
export function erlangC(agents: number, trafficErlangs: number): number {
  requireNonNegativeInteger('erlangC', 'agents', agents);
  requireNonNegativeFinite('erlangC', 'trafficErlangs', trafficErlangs);
  return erlangCUnchecked(agents, trafficErlangs);
}

/** `erlangC` without argument checks, for callers that have checked already. */
export function erlangCUnchecked(agents: number, trafficErlangs: number): number {
  if (trafficErlangs >= agents) return 1;
  const blocking = erlangBUnchecked(agents, trafficErlangs);
  const rho = trafficErlangs / agents;
  return blocking / (1 - rho * (1 - blocking));
}
