import { requireLevel } from './checks.js';
import { requireNonNegativeInteger } from '../core/validate.js';
import { countCdf } from './countInterval.js';

/** P(X <= k) for X ~ Poisson(mu): the count distribution with no extra variation. */
const poissonCdf = (k: number, mu: number): number => countCdf(k, mu, 0);

/** Bisection in log(mu) for the mu where `f(mu)` crosses `target` (f decreasing in mu). */
function solveDecreasing(f: (mu: number) => number, target: number, guess: number): number {
  let lo = Math.log(Math.max(guess, 1e-3)) - 1;
  let hi = lo + 2;
  while (f(Math.exp(lo)) < target) lo -= 2;
  while (f(Math.exp(hi)) > target) hi += 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (f(Math.exp(mid)) > target) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * Exact (Garwood) two-sided confidence interval for a Poisson rate: `events`
 * counted over `exposure` (seconds, caller-seconds...). The ends solve
 * P(X >= events; lower x exposure) = (1 - level)/2 and
 * P(X <= events; upper x exposure) = (1 - level)/2; with no event the lower end is 0.
 * Used for the hazard of each piece of a patience estimate.
 *
 * Reference: F. Garwood (1936), Fiducial limits for the Poisson distribution,
 * Biometrika 28, 437-442.
 *
 * @param events number of events, a non-negative integer
 * @param exposure time at risk, > 0 (any unit; the rate is per that unit)
 * @param level confidence level in (0, 1), 0.95 by default
 * @returns the rate (events / exposure) and the interval's ends, per unit of exposure
 * @throws {RangeError} for a bad count, exposure or level
 * @example
 * poissonRateInterval(10, 1, 0.95); // => { rate: 10, lower: 4.795389, upper: 18.390356 } (chi-square tables)
 */
export function poissonRateInterval(
  events: number,
  exposure: number,
  level = 0.95,
): { rate: number; lower: number; upper: number } {
  const fn = 'poissonRateInterval';
  requireNonNegativeInteger(fn, 'events', events);
  if (!(exposure > 0) || !Number.isFinite(exposure)) {
    throw new RangeError(`${fn}: exposure must be a finite number > 0 (got ${exposure})`);
  }
  requireLevel(fn, level);
  const tail = (1 - level) / 2;
  // P(X >= events; mu) = 1 - P(X <= events - 1; mu) grows with mu.
  const lower = events === 0 ? 0 : solveDecreasing((mu) => poissonCdf(events - 1, mu), 1 - tail, events);
  const upper = solveDecreasing((mu) => poissonCdf(events, mu), tail, events + 1);
  return { rate: events / exposure, lower: lower / exposure, upper: upper / exposure };
}
