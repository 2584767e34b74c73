import { requireNonNegativeFinite, requireProbability } from '../core/validate.js';
import { checkQueueParams, patienceRate, queueMetricsUnchecked } from './queueMetrics.js';
import type { QueueMetrics, QueueParams } from './types.js';

/** Input of `retrialEquilibrium`: a queue fed by fresh calls and their redials. */
export interface RetrialParams extends Omit<QueueParams, 'arrivalsPerHour'> {
  /** First attempts per hour (fresh callers), >= 0. */
  freshCallsPerHour: number;
  /** Chance that a caller whose attempt failed (abandoned or blocked) tries again, in [0, 1]. */
  redialProbability: number;
  /**
   * Most attempts a caller makes, the first included: a positive integer or
   * `Infinity` (then `redialProbability` must be below 1).
   */
  maxAttempts: number;
}

/** The fixed point found by `retrialEquilibrium`. */
export interface RetrialEquilibrium {
  /** Attempts offered per hour at equilibrium: fresh calls plus redials. */
  offeredAttemptsPerHour: number;
  /** Redials per hour (`offeredAttemptsPerHour - freshCallsPerHour`). */
  redialsPerHour: number;
  /** Mean attempts per fresh caller (offered attempts / fresh calls; its limit with no calls). */
  attemptsPerCaller: number;
  /** Answered / offered attempts: the answer rate a switch reports (redials count again). */
  answerRatePerAttempt: number;
  /** Callers answered at some attempt / fresh callers. */
  answerRatePerCaller: number;
  /** Exact metrics of the queue at the equilibrium load (`queueMetrics`). */
  metrics: QueueMetrics;
  /** Metric evaluations used by the bisection. */
  iterations: number;
}

/**
 * Fresh calls plus redials feeding an Erlang A queue (optionally with a finite
 * waiting room), solved as a fixed point. A caller whose attempt fails
 * (abandoned or blocked) tries again with probability `redialProbability`, up to
 * `maxAttempts` attempts in all, the first included. With failure probability
 * f(lambda) per attempt at an offered load of lambda attempts per hour, the
 * attempts per fresh call are S(f) = sum_{i=1..M} (r f)^(i-1), and the
 * equilibrium solves lambda = fresh x S(f(lambda)).
 *
 * Assumption: redials join the offered stream as Poisson arrivals at the
 * equilibrium rate (each redial after an independent, long enough delay); the
 * simulator models redial delays explicitly and validates this.
 *
 * Solution: f grows with the load, so the map lambda -> fresh x S(f(lambda)) is
 * increasing and bounded by [fresh, fresh x S(1)]; g(lambda) = map(lambda) -
 * lambda is >= 0 at the lower end and <= 0 at the upper end, so bisection
 * always converges (here to 1e-12 relative, about 45 evaluations; the load
 * returned is the lower end of the last bracket). Were there several fixed
 * points (not seen with Erlang A), it would return one of them. Without patience and with unlimited room no
 * attempt fails: the fixed point is the fresh load itself (and the queue may be
 * unstable; see `queueMetrics`).
 *
 * @param params the queue (`agents`, `meanHandleSeconds`, `meanPatienceSeconds?`,
 *   `waitingRoom?`, `answerWithinSeconds`) and `freshCallsPerHour`,
 *   `redialProbability`, `maxAttempts`
 * @returns `offeredAttemptsPerHour`, `redialsPerHour`, `attemptsPerCaller`,
 *   `answerRatePerAttempt`, `answerRatePerCaller`, `metrics`, `iterations`
 * @throws {RangeError} naming the argument on a bad queue parameter, a
 *   negative or infinite `freshCallsPerHour`, a `redialProbability` outside
 *   [0, 1], a `maxAttempts` that is not a positive integer or `Infinity`, or
 *   `maxAttempts: Infinity` with `redialProbability: 1`
 * @example
 * // 12333-like half hour: 1,000 fresh calls per hour, 60 agents, 220 s handle,
 * // 90 s patience, half of failed callers redial, at most 3 attempts
 * retrialEquilibrium({ freshCallsPerHour: 1000, agents: 60, meanHandleSeconds: 220,
 *   meanPatienceSeconds: 90, answerWithinSeconds: 20, redialProbability: 0.5, maxAttempts: 3 });
 * // => { offeredAttemptsPerHour: 1053.44, answerRatePerAttempt: 0.8983, answerRatePerCaller: 0.9463 }
 */
export function retrialEquilibrium(params: RetrialParams): RetrialEquilibrium {
  const fn = 'retrialEquilibrium';
  if (typeof params !== 'object' || params === null) {
    throw new TypeError(`${fn}: params must be an object (got ${String(params)})`);
  }
  checkQueueParams(fn, params, true, false);
  requireNonNegativeFinite(fn, 'freshCallsPerHour', params.freshCallsPerHour);
  requireProbability(fn, 'redialProbability', params.redialProbability);
  const maxAttempts = params.maxAttempts;
  if (
    typeof maxAttempts !== 'number' ||
    !(maxAttempts === Infinity || (Number.isInteger(maxAttempts) && maxAttempts >= 1))
  ) {
    throw new RangeError(
      `${fn}: maxAttempts must be a positive integer or Infinity (got ${String(maxAttempts)})`,
    );
  }
  const r = params.redialProbability;
  if (maxAttempts === Infinity && r === 1) {
    throw new RangeError(`${fn}: maxAttempts must be finite when redialProbability is 1 (got Infinity)`);
  }

  const c = params.agents;
  const mu = 1 / params.meanHandleSeconds;
  const theta = patienceRate(params.meanPatienceSeconds);
  const room = params.waitingRoom ?? Infinity;
  const t = params.answerWithinSeconds;
  const fresh = params.freshCallsPerHour;

  /** sum_{i=1..M} x^(i-1) for x = r f in [0, 1]. */
  const attemptsPerFresh = (failure: number): number => {
    const x = r * failure;
    if (maxAttempts === Infinity) return 1 / (1 - x);
    if (x === 1) return maxAttempts;
    // (1 - x^M) / (1 - x), written with expm1/log1p for x near 1
    return -Math.expm1(maxAttempts * Math.log(x)) / (1 - x);
  };
  const metricsAt = (perHour: number): QueueMetrics =>
    queueMetricsUnchecked(c, perHour / 3600, mu, theta, room, t);
  const failureOf = (m: QueueMetrics): number => Math.min(1, m.abandonRate + m.blockRate);

  let iterations = 0;
  let lo = fresh;
  let hi = fresh * attemptsPerFresh(1);
  let at = metricsAt(lo);
  iterations++;
  if (fresh > 0 && r > 0 && lo * attemptsPerFresh(failureOf(at)) > lo) {
    while (hi - lo > 1e-12 * hi) {
      const mid = (lo + hi) / 2;
      const m = metricsAt(mid);
      iterations++;
      if (fresh * attemptsPerFresh(failureOf(m)) >= mid) lo = mid;
      else hi = mid;
    }
    at = metricsAt(lo);
    iterations++;
  }
  const perFresh = attemptsPerFresh(failureOf(at));
  return {
    offeredAttemptsPerHour: lo,
    redialsPerHour: lo - fresh,
    attemptsPerCaller: fresh > 0 ? lo / fresh : perFresh,
    answerRatePerAttempt: at.answerRate,
    answerRatePerCaller: Math.min(1, at.answerRate * perFresh),
    metrics: at,
    iterations,
  };
}
