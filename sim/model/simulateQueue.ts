import type { QueueMetrics, QueueParams } from '../analytic/types.js';
import {
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requirePositiveFinite,
  requirePositiveInteger,
  requirePositiveOrInfinite,
} from '../core/validate.js';
import { checkDistribution, distributionMean, exponential } from './distributions.js';
import { simulate } from './simulate.js';
import type { Distribution, Scenario } from './types.js';

/** Options of `simulateQueue`. */
export interface SimulateQueueOptions {
  /** Measured fresh arrivals (after the warm-up), a positive integer. */
  readonly calls: number;
  /** The run's seed, a non-negative integer. */
  readonly seed: number;
  /**
   * Replication number, a non-negative integer.
   *
   * __Default value:__ `0`
   */
  readonly replication?: number;
  /**
   * Arrivals simulated and discarded before measuring, so that the queue starts
   * measurement in its steady state rather than empty.
   *
   * __Default value:__ `min(10% of calls, 10,000)`, rounded up
   */
  readonly warmupCalls?: number;
  /**
   * Handle-time distribution, replacing the exponential with mean
   * `q.meanHandleSeconds`. Its mean should equal `q.meanHandleSeconds` for
   * `offeredErlangs` to describe it.
   *
   * __Default value:__ `exponential(q.meanHandleSeconds)`
   */
  readonly handle?: Distribution;
  /**
   * Patience distribution, replacing the exponential with mean `q.meanPatienceSeconds`.
   *
   * __Default value:__ `exponential(q.meanPatienceSeconds)`, or none when it is absent or `Infinity`
   */
  readonly patience?: Distribution;
}

/** What `simulateQueue` returns: the `QueueMetrics` fields, the counts behind them and the run time. */
export interface SimulatedQueueMetrics extends QueueMetrics {
  /** Measured attempts offered (= `calls`). */
  offered: number;
  answered: number;
  abandoned: number;
  blocked: number;
  /** Measured attempts still waiting when the horizon ended (0 unless the queue is unstable). */
  stillWaiting: number;
  /** Wall-clock time of the run, seconds (differs between identical runs). */
  runSeconds: number;
  /** Calendar events processed (including the warm-up). */
  events: number;
  /** Modelling concerns from `simulate`. */
  warnings: string[];
}

/**
 * Default number of warm-up calls for `calls` measured ones: 10% of them, at most 10,000.
 *
 * @param calls measured calls
 * @returns warm-up calls
 * @example
 * defaultWarmupCalls(20_000); // => 2000
 * defaultWarmupCalls(1_000_000); // => 10000
 */
export function defaultWarmupCalls(calls: number): number {
  return Math.min(Math.ceil(calls / 10), 10_000);
}

/**
 * Simulate one stationary queue with the same parameters as `queueMetrics`, so
 * that simulation and formula can be put side by side. A thin wrapper: it
 * builds a scenario of one stationary interval (Poisson arrivals at
 * `arrivalsPerHour`, `agents` constant, exponential handle and patience unless
 * replaced) long enough for the warm-up and the measured calls, and runs the
 * general `simulate` with `measurement: { warmupArrivals, arrivals: calls }`.
 * The `calls` measured callers are followed until each is answered, abandons or
 * is blocked (arrivals go on meanwhile), so no measured call is cut short by the
 * end of the run unless the queue is unstable.
 *
 * The fields have the definitions of `QueueMetrics`; `offeredErlangs` is the
 * input load, `stable` is false for an unstable Erlang C queue (load >= agents,
 * nobody abandons, unlimited room). A ratio with nothing to count (e.g. ASA with
 * no answered call) is 0.
 *
 * @param q the queue: agents, arrivalsPerHour, meanHandleSeconds, meanPatienceSeconds?, waitingRoom?, answerWithinSeconds
 * @param options calls (measured), seed, replication?, warmupCalls?, handle?, patience?
 * @returns the `QueueMetrics` fields plus offered, answered, abandoned, blocked, stillWaiting, runSeconds, events, warnings
 * @throws {RangeError} when a parameter or option is invalid, naming it
 * @example
 * const sim = simulateQueue(
 *   { agents: 100, arrivalsPerHour: 1_500, meanHandleSeconds: 240, meanPatienceSeconds: 120, answerWithinSeconds: 20 },
 *   { calls: 1_000_000, seed: 1 },
 * );
 * sim.answerRate; // close to queueMetrics(q).answerRate
 */
export function simulateQueue(q: QueueParams, options: SimulateQueueOptions): SimulatedQueueMetrics {
  const fn = 'simulateQueue';
  requireNonNegativeInteger(fn, 'agents', q.agents);
  requirePositiveFinite(fn, 'arrivalsPerHour', q.arrivalsPerHour);
  requirePositiveFinite(fn, 'meanHandleSeconds', q.meanHandleSeconds);
  if (q.meanPatienceSeconds !== undefined)
    requirePositiveOrInfinite(fn, 'meanPatienceSeconds', q.meanPatienceSeconds);
  if (q.waitingRoom !== undefined && q.waitingRoom !== Infinity) {
    requireNonNegativeInteger(fn, 'waitingRoom', q.waitingRoom);
  }
  requireNonNegativeFinite(fn, 'answerWithinSeconds', q.answerWithinSeconds);
  requirePositiveInteger(fn, 'calls', options.calls);
  const warmupCalls = options.warmupCalls ?? defaultWarmupCalls(options.calls);
  requireNonNegativeInteger(fn, 'warmupCalls', warmupCalls);
  if (options.handle !== undefined) checkDistribution(fn, 'handle', options.handle);
  if (options.patience !== undefined) checkDistribution(fn, 'patience', options.patience);

  const handle = options.handle ?? exponential(q.meanHandleSeconds);
  const patienceMean = q.meanPatienceSeconds ?? Infinity;
  const patience = options.patience ?? (patienceMean === Infinity ? undefined : exponential(patienceMean));
  const arrivalsPerSecond = q.arrivalsPerHour / 3600;

  // Horizon: the expected time for every arrival with 10 standard deviations to
  // spare, plus time for the last measured callers to be served or give up,
  // rounded up to whole days (one interval covers it all).
  const total = warmupCalls + options.calls;
  const arrivalSeconds = (total + 10 * Math.sqrt(total) + 10) / arrivalsPerSecond;
  const drainSeconds = 100 * (distributionMean(handle) + (patience ? distributionMean(patience) : 0));
  const days = Math.ceil((arrivalSeconds + drainSeconds) / 86_400);

  const scenario: Scenario = {
    startDate: '2020-01-01',
    days,
    intervalMinutes: days * 1440,
    arrivals: { kind: 'table', callsPerInterval: [arrivalsPerSecond * days * 86_400] },
    handle,
    ...(patience ? { patience } : {}),
    ...(q.waitingRoom !== undefined ? { waitingRoom: q.waitingRoom } : {}),
    agents: { kind: 'constant', count: q.agents },
    answerWithinSeconds: q.answerWithinSeconds,
    measurement: { warmupArrivals: warmupCalls, arrivals: options.calls },
  };
  const run = simulate(scenario, { seed: options.seed, replication: options.replication ?? 0 });
  const h = run.horizon;
  const k = run.kpis;
  const offeredErlangs = arrivalsPerSecond * distributionMean(handle);
  return {
    offeredErlangs,
    answerRate: k.answerRate ?? 0,
    abandonRate: k.abandonRate ?? 0,
    blockRate: k.blockRate ?? 0,
    probWait: k.probWait ?? 0,
    serviceLevel: k.serviceLevel ?? 0,
    serviceLevelOfAnswered: k.serviceLevelOfAnswered ?? 0,
    serviceLevelExcludingShortAbandons: k.serviceLevelExcludingShortAbandons ?? 0,
    asaSeconds: k.asaSeconds ?? 0,
    meanWaitSeconds: k.meanWaitSeconds ?? 0,
    occupancy: k.occupancy ?? 0,
    meanQueueLength: k.meanQueueLength ?? 0,
    stable: patience !== undefined || (q.waitingRoom ?? Infinity) !== Infinity || offeredErlangs < q.agents,
    offered: h.offered,
    answered: h.answered,
    abandoned: h.abandoned,
    blocked: h.blocked,
    stillWaiting: h.stillWaiting,
    runSeconds: run.timing.runSeconds,
    events: run.timing.events,
    warnings: run.warnings,
  };
}
