import { requireNonNegativeFinite, requireNonNegativeInteger } from '../core/validate.js';

/**
 * Erlang B blocking probability: the chance that a call offered to a pool of
 * `agents`, with no waiting room, finds every agent busy and is lost
 * (the M/M/c/c model; by insensitivity it holds for any handle-time law).
 *
 * Computed with the recurrence B(0) = 1, B(k) = A*B(k-1) / (k + A*B(k-1)),
 * which never forms A^c or c! and stays accurate for thousands of agents
 * (each step is a convex combination, so rounding errors do not grow).
 * Runs in O(agents) time and O(1) memory.
 *
 * Reference: https://en.wikipedia.org/wiki/Erlang_(unit)#Erlang_B_formula
 *
 * @param agents number of agents (servers), a non-negative integer
 * @param trafficErlangs offered load: arrivals per second times mean handle seconds, in erlangs, >= 0
 * @returns blocking probability, in [0, 1]
 * @throws {RangeError} if `agents` is not a non-negative integer, or if
 *   `trafficErlangs` is negative, NaN or infinite
 * @example
 * erlangB(5, 2); // => 0.0366972477 (exactly 4/109)
 * erlangB(0, 3); // => 1
 */
export function erlangB(agents: number, trafficErlangs: number): number {
  requireNonNegativeInteger('erlangB', 'agents', agents);
  requireNonNegativeFinite('erlangB', 'trafficErlangs', trafficErlangs);
  return erlangBUnchecked(agents, trafficErlangs);
}

/** `erlangB` without argument checks, for callers that have checked already. */
export function erlangBUnchecked(agents: number, trafficErlangs: number): number {
  let blocking = 1; // B(0): with no agents, every call is lost
  for (let k = 1; k <= agents; k++) {
    const x = trafficErlangs * blocking;
    blocking = x / (k + x);
  }
  return blocking;
}
