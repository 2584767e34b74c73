import {
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requirePositiveFinite,
  requirePositiveInteger,
  requirePositiveOrInfinite,
} from '../core/validate.js';
import { patienceRate, queuedCallerSums } from './queueMetrics.js';
import { checkTarget, meetsTarget, type StaffingTarget } from './requiredAgents.js';
import type { QueueMetrics } from './types.js';

/**
 * An online-chat queue: a pool of agents each serving up to `concurrency`
 * chats at once, chats queueing first-in first-out for a free place.
 */
export interface ChatQueueParams {
  /** Agents serving chats, a non-negative integer. */
  agents: number;
  /** Chats an agent serves at once at most (k), a positive integer. */
  concurrency: number;
  /** Chats offered per hour (Poisson arrivals), >= 0. */
  arrivalsPerHour: number;
  /**
   * Mean handle time of a chat an agent serves alone, seconds, > 0
   * (exponential in the formula).
   */
  meanHandleSeconds: number;
  /**
   * How much longer a chat takes when its agent serves m chats at once: one
   * factor per level m = 1..k, the first 1, each >= 1. With m chats, each
   * proceeds at 1 / handleStretch[m-1] of its pace alone, so the agent
   * completes chats at m / (handleStretch[m-1] x meanHandleSeconds) per second.
   *
   * __Default value:__ all 1 (an agent with k chats is k times as fast as one with one chat)
   */
  handleStretch?: readonly number[];
  /**
   * Mean patience of a chat waiting for an agent, seconds, exponential.
   *
   * __Default value:__ `Infinity` (nobody abandons)
   */
  meanPatienceSeconds?: number;
  /** The service-level threshold t, seconds (picked up within t). */
  answerWithinSeconds: number;
}

/**
 * Steady-state metrics of a chat queue. Shares are over offered chats; no chat
 * is ever blocked. `occupancy` is the share of agents serving at least one chat.
 */
export interface ChatQueueMetrics extends QueueMetrics {
  /** Chats in service / (agents x concurrency): the share of chat places taken. */
  slotUtilisation: number;
  /** Mean chats per agent serving any (the concurrency agents actually run), or 0 with none. */
  meanConcurrency: number;
}

/** Most states of the chain handled. */
const MAX_STATES = 5_000_000;

// Scratch buffers, grown on demand and reused (the module is single-threaded).
let logWeights = new Float64Array(4096);
let queued = new Float64Array(4096);

function grow(buffer: Float64Array, size: number): Float64Array {
  if (buffer.length >= size) return buffer;
  let length = buffer.length;
  while (length < size) length *= 2;
  const larger = new Float64Array(length);
  larger.set(buffer);
  return larger;
}

/**
 * Check the fields of a `ChatQueueParams` (all but `agents` when `withAgents`
 * is false), naming `fn` and each field.
 */
export function checkChatQueueParams(fn: string, q: Partial<ChatQueueParams>, withAgents: boolean): void {
  if (typeof q !== 'object' || q === null) {
    throw new TypeError(`${fn}: q must be an object (got ${String(q)})`);
  }
  if (withAgents) requireNonNegativeInteger(fn, 'agents', q.agents as number);
  requirePositiveInteger(fn, 'concurrency', q.concurrency as number);
  requireNonNegativeFinite(fn, 'arrivalsPerHour', q.arrivalsPerHour as number);
  requirePositiveFinite(fn, 'meanHandleSeconds', q.meanHandleSeconds as number);
  if (q.meanPatienceSeconds !== undefined) {
    requirePositiveOrInfinite(fn, 'meanPatienceSeconds', q.meanPatienceSeconds);
  }
  requireNonNegativeFinite(fn, 'answerWithinSeconds', q.answerWithinSeconds as number);
  const stretch = q.handleStretch;
  if (stretch !== undefined) {
    if (!Array.isArray(stretch) || stretch.length !== q.concurrency) {
      throw new RangeError(
        `${fn}: handleStretch must hold one factor per level 1..concurrency, ${String(q.concurrency)} (got ${Array.isArray(stretch) ? stretch.length : String(stretch)})`,
      );
    }
    stretch.forEach((s, i) => {
      if (!(Number.isFinite(s) && s >= 1)) {
        throw new RangeError(`${fn}: handleStretch[${i}] must be a finite number >= 1 (got ${s})`);
      }
    });
    if (stretch[0] !== 1) {
      throw new RangeError(`${fn}: handleStretch[0] must be 1, a chat served alone (got ${stretch[0]})`);
    }
  }
}

/**
 * Steady-state metrics of an online-chat queue where each agent serves up to
 * `concurrency` (k) chats at once and a chat's pace depends on how many its
 * agent serves: the model of Tezcan and Zhang (2014), an agent as a limited
 * processor-sharing server (Luo and Zhang 2013) whose chats each receive
 * service at rate mu_m = 1 / (handleStretch[m-1] x meanHandleSeconds) when it
 * serves m of them. Arrivals are Poisson, work exponential, patience
 * exponential; a chat waits only when every agent serves k chats.
 *
 * The approximation: the chats in service are taken as spread as evenly as
 * possible over the agents (j chats on N agents: j mod N agents at level
 * floor(j/N) + 1, the others at floor(j/N)), which is what routing each new
 * chat to the least-loaded agent aims at. Then the number of chats in the
 * system is a birth-death chain: birth lambda; death r(j) = sum over agents of
 * m mu_m below N k, and N k mu_k + (n - N k) theta above. Its state
 * probabilities are exact for the chain (log-space products from state 0, the
 * upper tail cut where it weighs below 1e-300 of the largest state, or summed
 * as a geometric series without patience). Once every place is taken, chats
 * leave service at the constant rate N k mu_k, so the wait of a chat that
 * queues behaves exactly as in Erlang A with c mu replaced by that rate: the
 * waiting-time formulas of `queueMetrics` apply unchanged. Where routing
 * leaves some agents fuller than others, the real pool completes chats at a
 * different rate below N k than the chain assumes; the simulator measures that
 * error (test/validation/chatApproximation.validation.test.ts and the README
 * give it across a grid). With k = 1 the chain is Erlang A (C without
 * patience) with N agents exactly.
 *
 * References: T. Tezcan and J. Zhang, "Routing and staffing in customer service
 * chat systems with impatient customers", Operations Research 62(4):943-956,
 * 2014; J. Luo and J. Zhang, "Staffing and control of instant messaging contact
 * centers", Operations Research 61(2):328-343, 2013.
 *
 * Unstable without patience (lambda >= N k mu_k): `stable: false` with the
 * limits `queueMetrics` reports for Erlang C (answer rate = capacity / load,
 * waits `Infinity`).
 *
 * @param q `agents`, `concurrency`, `arrivalsPerHour`, `meanHandleSeconds`,
 *   `handleStretch?`, `meanPatienceSeconds?`, `answerWithinSeconds`
 * @returns every `QueueMetrics` field (`blockRate` 0; `occupancy` the share of
 *   agents serving any chat; `offeredErlangs` the load at the pace of one chat
 *   alone, lambda x meanHandleSeconds), `slotUtilisation` and `meanConcurrency`
 * @throws {RangeError} naming the field when a parameter is out of range, or
 *   when the chain would need more than 5 million states
 * @example
 * // 120 chats an hour, 6 minutes each alone, 3 at once at 1, 1.2 and 1.5 times as long, 5 agents
 * chatQueueMetrics({ agents: 5, concurrency: 3, arrivalsPerHour: 120, meanHandleSeconds: 360,
 *   handleStretch: [1, 1.2, 1.5], meanPatienceSeconds: 300, answerWithinSeconds: 30 });
 * // => { answerRate: 0.8010, serviceLevel: 0.4237, asaSeconds: 56.33, meanConcurrency: 2.789 }
 */
export function chatQueueMetrics(q: ChatQueueParams): ChatQueueMetrics {
  checkChatQueueParams('chatQueueMetrics', q, true);
  return chatQueueMetricsUnchecked(
    q.agents,
    q.concurrency,
    q.arrivalsPerHour / 3600,
    1 / q.meanHandleSeconds,
    q.handleStretch,
    patienceRate(q.meanPatienceSeconds),
    q.answerWithinSeconds,
  );
}

/**
 * The total rate, per second, at which N agents complete chats when j chats
 * (at most N k) are spread as evenly as possible over them.
 */
function balancedRate(j: number, agents: number, mu: number, stretch: readonly number[] | undefined): number {
  if (j === 0 || agents === 0) return 0;
  const level = Math.floor(j / agents);
  const fuller = j - level * agents;
  const perAgent = (m: number): number => (m === 0 ? 0 : (m * mu) / (stretch?.[m - 1] ?? 1));
  return fuller * perAgent(level + 1) + (agents - fuller) * perAgent(level);
}

/**
 * `chatQueueMetrics` in internal units (rates per second), without checks:
 * `agents` N, `k` chats at once, arrival rate `lambda`, `mu` = 1 / mean handle
 * alone, `stretch` (or undefined for all 1), abandonment rate `theta` (0: none),
 * threshold `t` seconds.
 */
export function chatQueueMetricsUnchecked(
  agents: number,
  k: number,
  lambda: number,
  mu: number,
  stretch: readonly number[] | undefined,
  theta: number,
  t: number,
): ChatQueueMetrics {
  const places = agents * k;
  const full = balancedRate(places, agents, mu, stretch); // R: the rate once every place is taken
  const offeredErlangs = lambda / mu;
  const death = (n: number): number =>
    n <= places ? balancedRate(n, agents, mu, stretch) : full + (n - places) * theta;

  if (lambda === 0) {
    // PASTA's limit: a lone chat finds the pool empty.
    const any = places > 0;
    return {
      offeredErlangs: 0,
      answerRate: any ? 1 : 0,
      abandonRate: any || theta === 0 ? 0 : 1,
      blockRate: 0,
      probWait: any ? 0 : 1,
      serviceLevel: any ? 1 : 0,
      serviceLevelOfAnswered: any ? 1 : 0,
      serviceLevelExcludingShortAbandons: any ? 1 : 0,
      asaSeconds: any ? 0 : Infinity,
      meanWaitSeconds: any ? 0 : theta > 0 ? 1 / theta : Infinity,
      occupancy: 0,
      meanQueueLength: 0,
      stable: any || theta > 0,
      slotUtilisation: 0,
      meanConcurrency: 0,
    };
  }
  if (theta === 0 && !(lambda < full * (1 - 4 * Number.EPSILON))) {
    return {
      offeredErlangs,
      answerRate: full / lambda,
      abandonRate: 0,
      blockRate: 0,
      probWait: 1,
      serviceLevel: 0,
      serviceLevelOfAnswered: 0,
      serviceLevelExcludingShortAbandons: 0,
      asaSeconds: Infinity,
      meanWaitSeconds: Infinity,
      occupancy: agents > 0 ? 1 : 0,
      meanQueueLength: Infinity,
      stable: false,
      slotUtilisation: places > 0 ? 1 : 0,
      meanConcurrency: agents > 0 ? k : 0,
    };
  }

  // Log weights of states 0..hi: w(n) = prod lambda / death(m), m = 1..n.
  logWeights = grow(logWeights, places + 2);
  logWeights[0] = 0;
  let maxLog = 0;
  const logLambda = Math.log(lambda);
  for (let n = 1; n <= places; n++) {
    const lw = (logWeights[n - 1] as number) + logLambda - Math.log(death(n));
    logWeights[n] = lw;
    if (lw > maxLog) maxLog = lw;
  }
  let hi = places;
  // Geometric tail without patience: w(places + i) = w(places) rho^i.
  const rho = theta === 0 ? lambda / full : 0;
  if (theta > 0) {
    for (;;) {
      const next = hi + 1;
      const ratio = lambda / death(next);
      const lw = (logWeights[hi] as number) + Math.log(ratio);
      if (next >= logWeights.length) {
        if (next > MAX_STATES) {
          throw new RangeError(
            `chatQueueMetrics: the queue would hold about ${next - places} chats, beyond the ${MAX_STATES} states this method handles (patience too long for an overloaded queue)`,
          );
        }
        logWeights = grow(logWeights, next + 1);
      }
      logWeights[next] = lw;
      hi = next;
      if (lw > maxLog) maxLog = lw;
      // Later ratios are smaller, so the rest weighs at most w ratio / (1 - ratio).
      if (ratio < 1 && lw + Math.log(ratio / (1 - ratio)) < maxLog - 700) break;
    }
  }

  // Normalise; sums over the finite part, the geometric tail in closed form.
  let total = 0;
  for (let n = 0; n <= hi; n++) total += Math.exp((logWeights[n] as number) - maxLog);
  const wFull = Math.exp((logWeights[places] as number) - maxLog);
  if (theta === 0) total += (wFull * rho) / (1 - rho);
  const p = (n: number): number => Math.exp((logWeights[n] as number) - maxLog) / total;

  let below = 0;
  let chats = 0; // mean chats in service
  let busyAgents = 0; // mean agents with a chat (levels balanced)
  let queueLength = 0;
  for (let n = 0; n <= hi; n++) {
    const pn = p(n);
    if (n < places) below += pn;
    const inService = Math.min(n, places);
    chats += inService * pn;
    busyAgents += Math.min(inService, agents) * pn;
    if (n > places) queueLength += (n - places) * pn;
  }
  if (theta === 0) {
    const pFull = wFull / total;
    const tail = (pFull * rho) / (1 - rho); // states above `places`
    chats += places * tail;
    busyAgents += agents * tail;
    queueLength += (pFull * rho) / ((1 - rho) * (1 - rho));
  }

  let probWait = 0;
  let answeredFromQueue = 0;
  let abandonRate = 0;
  let answeredWithinFromQueue = 0;
  let notAbandonedWithin = 0;
  let answeredWaitSum = 0;
  let waitSum = 0;
  if (places === 0) {
    // Nobody is served; each chat leaves when its patience runs out (theta > 0 here).
    const leaveWithin = -Math.expm1(-theta * t);
    probWait = 1;
    abandonRate = 1;
    notAbandonedWithin = 1 - leaveWithin;
    waitSum = 1 / theta;
  } else if (theta === 0) {
    // As Erlang C: P(W > t | wait) = e^(-(R - lambda) t).
    probWait = 1 - below;
    answeredFromQueue = probWait;
    answeredWithinFromQueue = probWait * -Math.expm1(-(full - lambda) * t);
    notAbandonedWithin = probWait;
    answeredWaitSum = probWait / (full - lambda);
    waitSum = answeredWaitSum;
  } else {
    // A chat that queues behind m others: phases at rates R + j theta, as in Erlang A.
    const mLast = hi - places;
    queued = grow(queued, mLast + 1);
    for (let m = 0; m <= mLast; m++) queued[m] = p(places + m);
    const sums = queuedCallerSums(full, theta, t, mLast, queued, 0, 1, 0);
    probWait = sums.probWait;
    answeredFromQueue = sums.answeredFromQueue;
    abandonRate = sums.abandonRate;
    answeredWithinFromQueue = sums.answeredWithinFromQueue;
    notAbandonedWithin = sums.notAbandonedWithin;
    answeredWaitSum = sums.answeredWaitSum;
    waitSum = sums.waitSum;
  }

  const answerRate = Math.min(1, below + answeredFromQueue);
  const serviceLevel = Math.min(answerRate, below + answeredWithinFromQueue);
  const excludingShort = below + notAbandonedWithin;
  return {
    offeredErlangs,
    answerRate,
    abandonRate: Math.min(1, abandonRate),
    blockRate: 0,
    probWait: Math.min(1, probWait),
    serviceLevel,
    serviceLevelOfAnswered: answerRate > 0 ? serviceLevel / answerRate : 0,
    serviceLevelExcludingShortAbandons: excludingShort > 0 ? Math.min(1, serviceLevel / excludingShort) : 0,
    asaSeconds: places === 0 ? Infinity : answerRate > 0 ? answeredWaitSum / answerRate : 0,
    meanWaitSeconds: waitSum,
    occupancy: agents > 0 ? Math.min(1, busyAgents / agents) : 0,
    meanQueueLength: queueLength,
    stable: true,
    slotUtilisation: places > 0 ? Math.min(1, chats / places) : 0,
    meanConcurrency: busyAgents > 0 ? chats / busyAgents : 0,
  };
}

/**
 * Least agents that meet every target given for an online-chat queue
 * (`chatQueueMetrics`; targets as in `requiredAgents`: levels at or above,
 * waits, abandonment and occupancy at or below). Each metric improves as agents
 * are added, so the search gallops up from one agent by 1, 2, 4, ... and
 * bisects.
 *
 * @param q the chat queue without `agents`
 * @param target the `StaffingTarget` to meet (at least one field)
 * @returns the least agents, a non-negative integer
 * @throws {RangeError} on a bad parameter or target, or when no number of agents up to 10^6 meets it
 * @example
 * chatAgentsRequired({ concurrency: 3, arrivalsPerHour: 120, meanHandleSeconds: 360,
 *   handleStretch: [1, 1.2, 1.5], meanPatienceSeconds: 300, answerWithinSeconds: 30 }, { serviceLevel: 0.8 });
 * // => 7
 */
export function chatAgentsRequired(q: Omit<ChatQueueParams, 'agents'>, target: StaffingTarget): number {
  const fn = 'chatAgentsRequired';
  checkChatQueueParams(fn, q, false);
  checkTarget(fn, target);
  const lambda = q.arrivalsPerHour / 3600;
  const mu = 1 / q.meanHandleSeconds;
  const theta = patienceRate(q.meanPatienceSeconds);
  const met = (n: number): boolean =>
    meetsTarget(
      chatQueueMetricsUnchecked(n, q.concurrency, lambda, mu, q.handleStretch, theta, q.answerWithinSeconds),
      target,
    );
  if (met(0)) return 0;
  let low = 0; // fails
  let high = 1;
  while (!met(high)) {
    low = high;
    high *= 2;
    if (high > 1_000_000) {
      throw new RangeError(
        `${fn}: target ${JSON.stringify(target)} cannot be met by up to 1000000 agents (some chats always wait or abandon)`,
      );
    }
  }
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (met(mid)) high = mid;
    else low = mid;
  }
  return high;
}
