import { requireNonNegativeFinite } from '../core/validate.js';

/**
 * Square-root staffing: c = ceil(A + beta sqrt(A)) agents for an offered load
 * of A erlangs and a quality margin beta (the Halfin-Whitt regime; beta about
 * 0.5 to 2 for most call centers; negative beta is allowed for Erlang A, where
 * abandonment keeps an overloaded queue stable). The result is a first guess:
 * `requiredAgents` gives the exact least count for a target.
 *
 * Reference: Halfin & Whitt (1981), "Heavy-traffic limits for queues with
 * many exponential servers", Operations Research 29(3).
 *
 * @param trafficErlangs offered load A in erlangs, >= 0
 * @param beta quality margin, a finite number (see `halfinWhittBeta`)
 * @returns agents, a non-negative integer (rounded up)
 * @throws {RangeError} if `trafficErlangs` is negative or not finite, or `beta` is not finite
 * @example
 * squareRootStaffing(100, 1); // => 110
 * squareRootStaffing(10, halfinWhittBeta(0.2)); // => 14
 */
export function squareRootStaffing(trafficErlangs: number, beta: number): number {
  requireNonNegativeFinite('squareRootStaffing', 'trafficErlangs', trafficErlangs);
  if (typeof beta !== 'number' || !Number.isFinite(beta)) {
    throw new RangeError(`squareRootStaffing: beta must be a finite number (got ${String(beta)})`);
  }
  // Subtract a few ulps so that an exact integer (100 + 1 x 10) is not pushed up by rounding.
  const agents = trafficErlangs + beta * Math.sqrt(trafficErlangs);
  return Math.max(0, Math.ceil(agents - 4 * Number.EPSILON * Math.max(1, agents)));
}

/**
 * The Halfin-Whitt beta for a target chance of waiting: the beta > 0 solving
 * alpha = [1 + beta Phi(beta) / phi(beta)]^-1, the limit of Erlang C's P(wait)
 * when agents = A + beta sqrt(A) and A grows (Phi, phi: standard normal cdf
 * and density). Use with `squareRootStaffing`.
 *
 * Solved by bisection on (0, 40) to 1e-14 absolute; Phi / phi is summed as
 * sqrt(pi/2) e^(b^2/2) + sum_k b^(2k+1) / (2k+1)!!, all positive terms, so
 * there is no cancellation.
 *
 * Reference: Halfin & Whitt (1981), Operations Research 29(3), Proposition 1.
 *
 * @param probWait target chance of waiting alpha, in (0, 1]
 * @returns beta >= 0 (0 for alpha = 1)
 * @throws {RangeError} if `probWait` is not in (0, 1]
 * @example
 * halfinWhittBeta(0.5); // => 0.5061
 * halfinWhittBeta(0.2); // => 1.0615
 */
export function halfinWhittBeta(probWait: number): number {
  if (typeof probWait !== 'number' || !(probWait > 0 && probWait <= 1)) {
    throw new RangeError(`halfinWhittBeta: probWait must be in (0, 1] (got ${String(probWait)})`);
  }
  let lo = 0;
  let hi = 40;
  while (hi - lo > 1e-14) {
    const mid = (lo + hi) / 2;
    if (halfinWhittProbWait(mid) > probWait) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * alpha(beta) = [1 + beta Phi(beta) / phi(beta)]^-1 for beta >= 0, the
 * Halfin-Whitt limit of the chance of waiting; decreasing from 1 to 0.
 *
 * @example
 * halfinWhittProbWait(0); // => 1
 */
export function halfinWhittProbWait(beta: number): number {
  // Phi(b) / phi(b) = (1/2) / phi(b) + sum_{k>=0} b^(2k+1) / (1 3 5 ... (2k+1))  (b >= 0)
  let term = beta;
  let sum = beta;
  for (let k = 1; term > 1e-17 * sum; k++) {
    term *= (beta * beta) / (2 * k + 1);
    sum += term;
    if (!Number.isFinite(sum)) break;
  }
  const ratio = Math.sqrt(Math.PI / 2) * Math.exp((beta * beta) / 2) + sum;
  return 1 / (1 + beta * ratio);
}
