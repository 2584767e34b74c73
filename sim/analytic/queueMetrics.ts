import {
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requireNonNegativeIntegerOrInfinite,
  requirePositiveFinite,
  requirePositiveOrInfinite,
} from '../core/validate.js';
import { erlangBUnchecked } from './erlangB.js';
import { erlangCUnchecked } from './erlangC.js';
import type { QueueMetrics, QueueParams } from './types.js';

/**
 * Exact steady-state metrics of the M/M/c queue (Erlang C), the M/M/c+M queue
 * with exponential patience (Erlang A), and either with a finite waiting room
 * (M/M/c/K+M; `waitingRoom: 0` is Erlang B).
 *
 * Method (all exact, no heuristic):
 * - State probabilities from the birth-death chain on the number of callers n
 *   (birth rate lambda while a place is free; death rate min(n, c) mu +
 *   max(n - c, 0) theta), built by ratio recurrences outward from the modal
 *   state, so that A^c and c! are never formed and nothing overflows. With
 *   unlimited room and abandonment the chain is cut where the omitted tail,
 *   bounded by a geometric series (the ratios lambda / (c mu + m theta) fall),
 *   is below 1e-300 of the modal weight: every probability that a double can
 *   hold relative to 1 is kept. The same bound ends the lower tail, and a
 *   finite room's upper tail (whose blocking is then below 1e-300: 0).
 *   Arrivals see these probabilities (PASTA).
 * - Waiting times of a tagged FIFO caller who finds m callers queued: he is
 *   answered after m + 1 phases at rates c mu + j theta (j = m, ..., 0) unless
 *   his own patience (rate theta) runs out first. Given that he is answered,
 *   his wait is hypoexponential with rates c mu + j theta, j = 1..m+1 (patience
 *   adds theta to every phase); its distribution is an incomplete beta
 *   function, that is a negative-binomial count: P(wait <= t | answered, m) =
 *   P(N_t > m) =: T_m with N_t ~ NegBin(c mu / theta + 1, 1 - e^(-theta t)),
 *   the phases such a caller would complete by t (Poisson(c mu t) when
 *   theta = 0). So:
 *   P(answered | m) = c mu / (c mu + (m+1) theta),
 *   P(answered within t | m) = P(answered | m) T_m,
 *   P(abandoned within t | m) = sum_{k<=m} c mu theta T_k / ((c mu + k theta)(c mu + (k+1) theta)),
 *   E[wait; answered | m] = P(answered | m) sum_{j=1..m+1} 1 / (c mu + j theta),
 *   E[min(wait, patience) | m] = (m + 1) / (c mu + (m + 1) theta).
 *   Every sum has positive terms (no cancellation); T_m is taken as 1 - CDF
 *   when the CDF is below 1/2 and as a summed upper tail otherwise, and the
 *   pmf is walked in logarithms while e^(-(c mu + theta) t) underflows. Erlang C
 *   (no patience, unlimited room) uses the closed forms P(W > t) = C e^(-(c mu
 *   - lambda) t) and Wq = C / (c mu - lambda).
 * Cost: O(number of states carrying probability above 1e-300), about
 * c + 40 sqrt(c) for a loaded queue; 1,000 agents take about 60 µs of CPU.
 *
 * Limits and conventions (never NaN):
 * - Unstable Erlang C (no patience, unlimited room, load >= agents, where a load
 *   within 4 units in the last place of the agent count counts as equal to it):
 *   `stable: false`, `answerRate` = agents / load (the long-run share of offered
 *   calls the agents can carry; 0 with no agents), `abandonRate` = `blockRate` =
 *   0 (so the three do not sum to 1 below capacity: the rest wait for ever),
 *   `probWait` = 1, service levels 0, `asaSeconds` = `meanWaitSeconds` =
 *   `meanQueueLength` = `Infinity`, `occupancy` = 1 (0 with no agents).
 * - No agents: nothing is answered; `asaSeconds` is `Infinity`, service levels
 *   are 0, `occupancy` is 0. Without patience as well, admitted callers never
 *   leave: `stable: false`, `meanWaitSeconds` is `Infinity`, and a finite room
 *   fills up so that every call is blocked.
 * - A share over an empty set of calls (nothing answered, everything blocked)
 *   is 0. With no arrivals, the metrics are those seen by a single arriving
 *   call (PASTA's limit): with agents, `answerRate` 1 and no wait.
 *
 * @param q the queue: `agents`, `arrivalsPerHour`, `meanHandleSeconds`,
 *   `meanPatienceSeconds` (default `Infinity`), `waitingRoom` (default
 *   `Infinity`), `answerWithinSeconds` (the service-level threshold t)
 * @returns every field of `QueueMetrics`: `offeredErlangs`, `answerRate`,
 *   `abandonRate`, `blockRate`, `probWait`, `serviceLevel`,
 *   `serviceLevelOfAnswered`, `serviceLevelExcludingShortAbandons`,
 *   `asaSeconds`, `meanWaitSeconds`, `occupancy`, `meanQueueLength`, `stable`
 * @throws {RangeError} naming the argument and value when `agents` or
 *   `waitingRoom` is not a non-negative integer (`waitingRoom` may be
 *   `Infinity`), `arrivalsPerHour` or `answerWithinSeconds` is negative or not
 *   finite, `meanHandleSeconds` is not a positive finite number, or
 *   `meanPatienceSeconds` is not positive; also when the chain would need more
 *   than 5 million states (an overloaded queue whose mean patience or waiting
 *   room is so large that millions of callers queue: use the Erlang C limits)
 * @example
 * // 100 calls per 30 min, 3-min handle, 14 agents, 20 s threshold (Erlang C)
 * queueMetrics({ agents: 14, arrivalsPerHour: 200, meanHandleSeconds: 180, answerWithinSeconds: 20 });
 * // => { probWait: 0.17413, serviceLevel: 0.88835, asaSeconds: 7.8359, stable: true }
 * // the same with 90 s mean patience (Erlang A)
 * queueMetrics({ agents: 14, arrivalsPerHour: 200, meanHandleSeconds: 180, meanPatienceSeconds: 90, answerWithinSeconds: 20 });
 * // => { answerRate: 0.97408, abandonRate: 0.025916, serviceLevel: 0.93762, asaSeconds: 1.9253 }
 */
export function queueMetrics(q: QueueParams): QueueMetrics {
  if (typeof q !== 'object' || q === null) {
    throw new TypeError(`queueMetrics: q must be an object (got ${String(q)})`);
  }
  checkQueueParams('queueMetrics', q, true);
  return queueMetricsUnchecked(
    q.agents,
    q.arrivalsPerHour / 3600,
    1 / q.meanHandleSeconds,
    patienceRate(q.meanPatienceSeconds),
    q.waitingRoom ?? Infinity,
    q.answerWithinSeconds,
  );
}

/**
 * Check the fields of a `QueueParams` (all but `agents` when `withAgents` is
 * false, all but `arrivalsPerHour` when `withArrivals` is false), naming `fn`
 * and each field with `prefix` before it (for example `intervals[3].`).
 */
export function checkQueueParams(
  fn: string,
  q: Partial<QueueParams>,
  withAgents: boolean,
  withArrivals = true,
  prefix = '',
): void {
  if (withAgents) requireNonNegativeInteger(fn, `${prefix}agents`, q.agents as number);
  if (withArrivals) requireNonNegativeFinite(fn, `${prefix}arrivalsPerHour`, q.arrivalsPerHour as number);
  requirePositiveFinite(fn, `${prefix}meanHandleSeconds`, q.meanHandleSeconds as number);
  if (q.meanPatienceSeconds !== undefined) {
    requirePositiveOrInfinite(fn, `${prefix}meanPatienceSeconds`, q.meanPatienceSeconds);
  }
  if (q.waitingRoom !== undefined) {
    requireNonNegativeIntegerOrInfinite(fn, `${prefix}waitingRoom`, q.waitingRoom);
  }
  requireNonNegativeFinite(fn, `${prefix}answerWithinSeconds`, q.answerWithinSeconds as number);
}

/** Abandonment rate per second of a waiting caller: 1 / mean patience, 0 when patience is infinite. */
export function patienceRate(meanPatienceSeconds: number | undefined): number {
  return meanPatienceSeconds === undefined || meanPatienceSeconds === Infinity ? 0 : 1 / meanPatienceSeconds;
}

// Scratch buffers, grown on demand and reused (the module is single-threaded).
let weights = new Float64Array(4096);
let lowerWeights = new Float64Array(4096);
let tails = new Float64Array(4096);
let pmf = new Float64Array(4096);

function grow(buffer: Float64Array, size: number): Float64Array {
  if (buffer.length >= size) return buffer;
  let length = buffer.length;
  while (length < size) length *= 2;
  const larger = new Float64Array(length);
  larger.set(buffer);
  return larger;
}

/** Omitted tails of the chain are bounded below this weight (the modal state weighs 1). */
const TAIL_WEIGHT = 1e-300;

/** Most states of the chain handled (memory: 16 bytes each). */
const MAX_STATES = 5_000_000;

/** The least positive normal double, 2^-1022. */
const MIN_NORMAL = 2.2250738585072014e-308;

function tooManyStates(callers: number): RangeError {
  return new RangeError(
    `queueMetrics: the queue would hold about ${callers} callers, beyond the ${MAX_STATES} states ` +
      'this exact method handles (patience too long or waiting room too large for an overloaded queue)',
  );
}

/**
 * `queueMetrics` in internal units, without argument checks: `agents` c,
 * arrival rate `lambda` per second, service rate `mu` per second, abandonment
 * rate `theta` per second (0: no abandonment), `room` places (`Infinity`:
 * unlimited) and threshold `t` seconds. `tailWeight` bounds the omitted tails
 * of the chain relative to the modal weight (1e-300 by default; the staffing
 * search passes a larger bound, which changes no comparison with a target).
 */
export function queueMetricsUnchecked(
  agents: number,
  lambda: number,
  mu: number,
  theta: number,
  room: number,
  t: number,
  tailWeight = TAIL_WEIGHT,
): QueueMetrics {
  const c = agents;
  const offeredErlangs = lambda / mu;
  if (theta === 0 && room === Infinity) return erlangCMetrics(c, lambda, mu, t);

  const cmu = c * mu;
  const nMax = c + room; // Infinity when the room is unlimited
  // Modal state: the last n whose death rate is at most lambda.
  let mode: number;
  if (lambda === 0) mode = 0;
  else if (offeredErlangs < c) mode = Math.floor(offeredErlangs);
  else if (theta > 0) mode = c + Math.floor((lambda - cmu) / theta);
  else mode = nMax;
  if (mode > nMax) mode = nMax;
  if (mode > MAX_STATES) throw tooManyStates(mode);

  // Downward from the mode: u(n-1) = u(n) death(n) / lambda, until 0 or underflow.
  lowerWeights = grow(lowerWeights, mode + 1);
  let lowCount = 0;
  let u = 1;
  for (let n = mode; n > 0; n--) {
    const ratio = (n <= c ? n * mu : cmu + (n - c) * theta) / lambda;
    u *= ratio;
    if (u === 0) break;
    lowerWeights[lowCount++] = u;
    // Ratios fall further down, so the states below weigh at most u r / (1 - r).
    if (ratio < 1 && (u * ratio) / (1 - ratio) < tailWeight) break;
  }
  const lo = mode - lowCount;
  weights = grow(weights, lowCount + 1);
  for (let i = 0; i < lowCount; i++) weights[i] = lowerWeights[lowCount - 1 - i] as number;
  weights[lowCount] = 1;

  // Upward from the mode: u(n+1) = u(n) lambda / death(n+1), until nMax or a negligible tail.
  let hi = mode;
  u = 1;
  while (hi < nMax && lambda > 0) {
    const next = hi + 1;
    const ratio = lambda / (next <= c ? next * mu : cmu + (next - c) * theta);
    u *= ratio;
    if (u === 0) break;
    hi = next;
    if (hi - lo >= weights.length) {
      if (hi - lo > MAX_STATES) throw tooManyStates(hi);
      weights = grow(weights, hi - lo + 1);
    }
    weights[hi - lo] = u;
    // Later ratios are no larger, so the rest weighs at most u r / (1 - r). With a
    // finite room the last state (blocking) is then below the bound too: 0.
    if (ratio < 1 && (u * ratio) / (1 - ratio) < tailWeight) break;
  }

  let total = 0;
  for (let i = 0; i <= hi - lo; i++) total += weights[i] as number;
  const scale = 1 / total;

  let below = 0; // arrivals finding a free agent
  let busy = 0; // mean busy agents
  let queueLength = 0;
  for (let n = lo; n <= hi; n++) {
    const p = (weights[n - lo] as number) * scale;
    if (n < c) {
      below += p;
      busy += n * p;
    } else {
      busy += c * p;
      queueLength += (n - c) * p;
    }
  }
  const blockRate = room !== Infinity && hi === nMax ? (weights[hi - lo] as number) / total : 0;

  // Waiting arrivals find m = n - c callers queued, m = 0..mLast.
  const mLast = Math.min(hi, nMax - 1) - c;
  let probWait = 0;
  let answeredFromQueue = 0;
  let abandonRate = 0;
  let answeredWithinFromQueue = 0;
  let notAbandonedWithin = 0;
  let answeredWaitSum = 0;
  let waitSum = 0;

  if (c === 0) {
    // Nobody is answered; each admitted caller leaves when his patience runs out.
    const leaveWithin = theta > 0 ? -Math.expm1(-theta * t) : 0;
    for (let m = Math.max(0, lo - c); m <= mLast; m++) {
      const p = (weights[c + m - lo] as number) * scale;
      probWait += p;
      notAbandonedWithin += p * (1 - leaveWithin);
    }
    abandonRate = theta > 0 ? probWait : 0;
    waitSum = theta > 0 ? probWait / theta : Infinity;
  } else if (mLast >= 0) {
    const sums = queuedCallerSums(cmu, theta, t, mLast, weights, c - lo, scale, Math.max(0, lo - c));
    probWait = sums.probWait;
    answeredFromQueue = sums.answeredFromQueue;
    abandonRate = sums.abandonRate;
    answeredWithinFromQueue = sums.answeredWithinFromQueue;
    notAbandonedWithin = sums.notAbandonedWithin;
    answeredWaitSum = sums.answeredWaitSum;
    waitSum = sums.waitSum;
  }

  // Shares are sums of probabilities that add to 1 up to rounding: keep them in [0, 1].
  const answerRate = Math.min(1, below + answeredFromQueue);
  const serviceLevel = Math.min(answerRate, below + answeredWithinFromQueue);
  const admitted = below + probWait;
  const excludingShort = below + notAbandonedWithin;
  return {
    offeredErlangs,
    answerRate,
    abandonRate: Math.min(1, abandonRate),
    blockRate: Math.min(1, blockRate),
    probWait: Math.min(1, probWait),
    serviceLevel,
    serviceLevelOfAnswered: answerRate > 0 ? serviceLevel / answerRate : 0,
    serviceLevelExcludingShortAbandons: excludingShort > 0 ? Math.min(1, serviceLevel / excludingShort) : 0,
    asaSeconds: c === 0 ? Infinity : answerRate > 0 ? answeredWaitSum / answerRate : 0,
    meanWaitSeconds: c === 0 && theta === 0 ? Infinity : admitted > 0 ? waitSum / admitted : 0,
    occupancy: c > 0 ? Math.min(1, busy / c) : 0,
    meanQueueLength: queueLength,
    stable: c > 0 || theta > 0,
  };
}

/** Sums over the callers who queue (`queuedCallerSums`), each weighted by the probability of its state. */
export interface QueuedSums {
  /** P(wait). */
  probWait: number;
  /** P(wait and answered). */
  answeredFromQueue: number;
  /** P(wait and abandon). */
  abandonRate: number;
  /** P(wait and answered within t). */
  answeredWithinFromQueue: number;
  /** P(wait and not abandoned within t). */
  notAbandonedWithin: number;
  /** E[wait; answered after waiting], seconds. */
  answeredWaitSum: number;
  /** E[time in queue; waited], seconds. */
  waitSum: number;
}

/**
 * The sums over arrivals who queue behind m = firstM..mLast others, in a queue
 * that serves them at the constant total rate `cmu` (every server busy) and
 * loses each to patience at rate `theta`: a tagged FIFO caller is answered
 * after m + 1 phases at rates cmu + j theta unless its own patience runs out
 * first (the formulas of `queueMetrics`). The probability that an arrival finds
 * m queued is `weights[offset + m] * scale`. Shared by `queueMetrics` and
 * `chatQueueMetrics` (a chat pool whose places are all taken completes chats at
 * a constant rate too).
 *
 * @returns the sums
 */
export function queuedCallerSums(
  cmu: number,
  theta: number,
  t: number,
  mLast: number,
  weights: Float64Array,
  offset: number,
  scale: number,
  firstM: number,
): QueuedSums {
  const out: QueuedSums = {
    probWait: 0,
    answeredFromQueue: 0,
    abandonRate: 0,
    answeredWithinFromQueue: 0,
    notAbandonedWithin: 0,
    answeredWaitSum: 0,
    waitSum: 0,
  };
  tails = grow(tails, mLast + 1);
  phaseCountTails(cmu, theta, t, mLast, tails);
  let sumInverse = 0; // sum_{j=1..m+1} 1 / (c mu + j theta)
  let abandonWithinGivenM = 0; // P(abandoned within t | m)
  let previousInverse = 1 / cmu; // 1 / (c mu + m theta)
  for (let m = 0; m <= mLast; m++) {
    const inverse = 1 / (cmu + (m + 1) * theta);
    const tail = tails[m] as number;
    sumInverse += inverse;
    abandonWithinGivenM += cmu * theta * tail * previousInverse * inverse;
    previousInverse = inverse;
    if (m < firstM) continue;
    const p = (weights[offset + m] as number) * scale;
    const answered = cmu * inverse;
    out.probWait += p;
    out.answeredFromQueue += p * answered;
    out.abandonRate += p * (m + 1) * theta * inverse;
    out.answeredWithinFromQueue += p * answered * tail;
    out.notAbandonedWithin += p * (1 - abandonWithinGivenM);
    out.answeredWaitSum += p * answered * sumInverse;
    out.waitSum += p * (m + 1) * inverse;
  }
  return out;
}

/** Erlang C: closed forms when stable, documented limits when not. */
function erlangCMetrics(c: number, lambda: number, mu: number, t: number): QueueMetrics {
  const offeredErlangs = lambda / mu;
  // A load within a few units in the last place of the agent count is the agent count: lambda / mu
  // rounds 200 calls/h x 180 s to 9.999999999999998 erlangs, which must not read as a stable
  // queue with an ASA of 1e17 s.
  if (offeredErlangs >= c * (1 - 4 * Number.EPSILON)) {
    return {
      offeredErlangs,
      answerRate: offeredErlangs > 0 ? c / offeredErlangs : 0,
      abandonRate: 0,
      blockRate: 0,
      probWait: 1,
      serviceLevel: 0,
      serviceLevelOfAnswered: 0,
      serviceLevelExcludingShortAbandons: 0,
      asaSeconds: Infinity,
      meanWaitSeconds: Infinity,
      occupancy: c > 0 ? 1 : 0,
      meanQueueLength: Infinity,
      stable: false,
    };
  }
  const rho = offeredErlangs / c;
  const blocking = erlangBUnchecked(c, offeredErlangs);
  const probWait = erlangCUnchecked(c, offeredErlangs);
  // 1 - C written without cancellation: (1 - B)(1 - rho) / (1 - rho (1 - B)).
  const noWait = ((1 - blocking) * (1 - rho)) / (1 - rho * (1 - blocking));
  const drain = c * mu - lambda;
  const serviceLevel = Math.min(1, noWait + probWait * -Math.expm1(-drain * t));
  const waitSeconds = probWait / drain;
  return {
    offeredErlangs,
    answerRate: 1,
    abandonRate: 0,
    blockRate: 0,
    probWait,
    serviceLevel,
    serviceLevelOfAnswered: serviceLevel,
    serviceLevelExcludingShortAbandons: serviceLevel,
    asaSeconds: waitSeconds,
    meanWaitSeconds: waitSeconds,
    occupancy: rho,
    meanQueueLength: (probWait * rho) / (1 - rho),
    stable: true,
  };
}

/**
 * T_k = P(N > k) for k = 0..kMax, where N counts the phases a waiting caller
 * would complete by time t: N ~ NegBin(c mu / theta + 1, 1 - e^(-theta t)),
 * or Poisson(c mu t) when theta = 0. pmf: P(N = 0) = e^(-(c mu + theta) t),
 * P(N = k) / P(N = k-1) = g (c mu + k theta) / k with g = (1 - e^(-theta t)) / theta.
 * Written into `out`; accurate to a few ulps relative for every k.
 */
function phaseCountTails(cmu: number, theta: number, t: number, kMax: number, out: Float64Array): void {
  pmf = grow(pmf, kMax + 1);
  const g = theta > 0 ? -Math.expm1(-theta * t) / theta : t;
  let logTerm = -(cmu + theta) * t;
  let inLog = logTerm < -700; // P(N = 0) underflows: walk in logs until the terms are representable
  let term = inLog ? 0 : Math.exp(logTerm);
  let cdf = 0;
  for (let k = 0; k <= kMax; k++) {
    if (k > 0) {
      const ratio = (g * (cmu + k * theta)) / k;
      if (inLog) {
        logTerm += Math.log(ratio);
        term = logTerm < -745 ? 0 : Math.exp(logTerm);
        if (logTerm >= -700) inLog = false;
      } else {
        term *= ratio;
      }
    }
    pmf[k] = term;
    cdf += term;
    out[k] = cdf;
  }
  if (cdf < 0.5) {
    for (let k = 0; k <= kMax; k++) out[k] = 1 - (out[k] as number);
    return;
  }
  // The median is at or below kMax: sum the upper tail directly, then downward.
  let tail = 0;
  for (let k = kMax + 1; k < kMax + 10_000_000; k++) {
    const ratio = (g * (cmu + k * theta)) / k;
    term *= ratio;
    tail += term;
    // A subnormal term can round back to itself when multiplied by a ratio above 1/2
    // (5e-324 * 0.6 is 5e-324), so the loop stops below the least normal double: the
    // terms left then add less than 1e-307, which no probability here can show.
    if (term < MIN_NORMAL || (ratio < 1 && (term * ratio) / (1 - ratio) <= 1e-18 * tail)) break;
  }
  out[kMax] = tail;
  for (let k = kMax - 1; k >= 0; k--) out[k] = (out[k + 1] as number) + (pmf[k + 1] as number);
}
