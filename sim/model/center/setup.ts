import { AleaStream } from '../../core/aleaStream.js';
import { randomStreams, type StreamName } from '../../core/rng.js';
import { requireNonNegativeInteger } from '../../core/validate.js';
import { BufferedSampler, compileSampler, exponential, gamma } from '../distributions.js';
import { drawFaults, type FaultEpisode } from '../faults.js';
import { PERIOD_COUNT_FIELDS } from '../kpis.js';
import {
  agentsPerInterval,
  checkScenario,
  expectedArrivalsPerInterval,
  scenarioCalendar,
} from '../scenario.js';
import type { Scenario, SimulateOptions } from '../types.js';
import { DEFAULT_LEARNING_CURVE, simulateWorkforce, type WorkforceResult } from '../workforce.js';
import type { CallCenterInput, CountColumns } from './callCenter.js';
import { FaultEvents } from './fault.js';
import { Recorder } from './recorder.js';
import { surveyDrawsOf } from './survey.js';

/** Records kept when `recordCalls` is `true`. */
export const DEFAULT_RECORD_CAP = 100_000;

/** A run prepared from a scenario: the kernel's input, and what the results need besides. */
export interface PreparedRun {
  input: CallCenterInput;
  seed: number;
  replication: number;
  /** Most call records kept (0: none). */
  recordCap: number;
  /** First instant of the horizon, milliseconds since the epoch (local calendar time as UTC). */
  startMs: number;
  /** Expected calls entering in each interval, before busyness and self-service. */
  expected: number[];
  /** Agents in each interval as planned (before the workforce thins them). */
  plannedAgents: Int32Array;
  workforce: WorkforceResult | undefined;
  episodes: FaultEpisode[] | null;
}

/**
 * The seed and replication of `simulate`'s options, checked (the voice model's and
 * the all-media model's).
 *
 * @param options the options of one run
 * @returns the seed and the replication (0 unless given)
 * @throws {RangeError} when the options are not an object or the seed or replication is not an integer >= 0
 * @example
 * runSeed({ seed: 7 }); // => { seed: 7, replication: 0 }
 */
export function runSeed(options: SimulateOptions): { seed: number; replication: number } {
  if (typeof options !== 'object' || options === null) {
    throw new RangeError(`simulate: options must be an object with a seed (got ${String(options)})`);
  }
  const seed = options.seed;
  const replication = options.replication ?? 0;
  requireNonNegativeInteger('simulate', 'options.seed', seed);
  requireNonNegativeInteger('simulate', 'options.replication', replication);
  return { seed, replication };
}

/**
 * Check a scenario and the options, and prepare everything a run of the call
 * center needs, once: the calendar, the rate of each interval (expected calls
 * x the day's busyness x the forecast error), the staffing thinned by the
 * workforce year and its learning curve, the fault episodes, the random streams
 * and samplers, the count columns.
 *
 * @param scenario the scenario (checked first)
 * @param options seed, replication and call records
 * @param scheme `'hybrid'` or `'eager'` abandonment (see `simulateWithScheme`)
 * @returns the run's input and what the results need
 * @throws {RangeError} when the scenario or an option is invalid, naming the field
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const { input } = prepareRun(scenario, { seed: 1 }, 'hybrid');
 * input.n; // => 96 (two days of 30-minute intervals)
 * prepareRun({ ...scenario, days: 0 }, { seed: 1 }, 'hybrid'); // throws RangeError
 */
export function prepareRun(
  scenario: Scenario,
  options: SimulateOptions,
  scheme: 'eager' | 'hybrid',
): PreparedRun {
  checkScenario('simulate', scenario);
  const { seed, replication } = runSeed(options);
  const recordOption = options.recordCalls ?? false;
  if (typeof recordOption === 'number') {
    requireNonNegativeInteger('simulate', 'options.recordCalls', recordOption);
  }
  const recordCap = recordOption === true ? DEFAULT_RECORD_CAP : recordOption === false ? 0 : recordOption;

  const { intervalSeconds: L, intervals: n, horizonSeconds: H, startMs } = scenarioCalendar(scenario);
  const expected = expectedArrivalsPerInterval(scenario);
  const plannedAgents = Int32Array.from(agentsPerInterval(scenario));
  const explicitTimes = scenario.arrivals.kind === 'at' ? Float64Array.from(scenario.arrivals.seconds) : null;
  const rate =
    explicitTimes === null
      ? arrivalRates(expected, volumeMultipliers(scenario, seed, replication), L)
      : new Float64Array(n);
  const year = workforceYear(scenario, plannedAgents, L, seed, replication);

  // Faults, drawn on their own stream.
  const faultLevels = scenario.faults?.levels;
  const episodes = faultLevels !== undefined ? drawFaults(faultLevels, H, seed, replication) : null;
  const stream = (name: StreamName): AleaStream => new AleaStream(seed, replication, name);
  const redial = scenario.redial;
  const redials = redial !== undefined && redial.maxAttempts > 1 && redial.redialProbability > 0;
  // Built in one go (a property added at a time by name would turn the object into a
  // dictionary, and every count in the event loop into a hash lookup).
  const columns = Object.fromEntries(
    PERIOD_COUNT_FIELDS.map((field) => [field, new Float64Array(n + 1)]),
  ) as CountColumns;
  const input: CallCenterInput = {
    n,
    L,
    H,
    rate,
    explicitTimes,
    agents: year.agents,
    selfShare: scenario.selfServiceShare ?? 0,
    waitingRoom: scenario.waitingRoom ?? Infinity,
    threshold: scenario.answerWithinSeconds,
    maxAttempts: redial?.maxAttempts ?? 1,
    redialProbability: redial?.redialProbability ?? 0,
    redials,
    unitArrivals: new BufferedSampler(exponential(1), stream('arrivals')),
    uSelf: stream('selfService'),
    handle: new BufferedSampler(scenario.handle, stream('handleTime')),
    patience: scenario.patience ? new BufferedSampler(scenario.patience, stream('patience')) : null,
    uRedial: stream('redial'),
    redialDelay: redials ? new BufferedSampler(redial.delay, stream('redialDelay')) : null,
    warmupSeconds: scenario.measurement?.warmupSeconds ?? 0,
    warmupArrivals: scenario.measurement?.warmupArrivals ?? 0,
    cohortLimit: scenario.measurement?.arrivals ?? Infinity,
    lazyAbandonment: scheme === 'hybrid',
    recorder: recordCap > 0 ? new Recorder(recordCap) : null,
    columns,
    handleMultiplier: intervalHandleMultiplier(scenario, year.handleMultiplier, L, n),
    survey: surveyDrawsOf(scenario.survey, year, stream, columns),
    faults: episodes !== null ? new FaultEvents(episodes, stream('faultCutOff')) : null,
  };
  return {
    input,
    seed,
    replication,
    recordCap,
    startMs,
    expected,
    plannedAgents,
    workforce: year.workforce,
    episodes,
  };
}

/** The random multipliers of one run's volume (`volumeMultipliers`). */
export interface VolumeMultipliers {
  /** Each day's busyness (1 without `dayBusynessCv`). */
  busyness: Float64Array;
  /** The replication's forecast error of the volume (1 without `volumeForecastCv`). */
  forecast: number;
}

/**
 * The random multipliers of one run's volume: each day's busyness, gamma
 * with mean 1 and CV `dayBusynessCv` (`dailyBusyness` stream), and one
 * forecast error for the replication, gamma with CV `volumeForecastCv`
 * (`forecastError` stream). The voice model and the all-media model draw them
 * alike, so a busy day is busy on every channel.
 *
 * @param scenario the scenario (checked)
 * @param seed the run's seed
 * @param replication the replication
 * @returns the multipliers
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * volumeMultipliers(scenario, 1, 0); // => { busyness: Float64Array.of(1, 1), forecast: 1 }
 * volumeMultipliers({ ...scenario, dayBusynessCv: 0.1 }, 1, 0).busyness.length; // => 2
 */
export function volumeMultipliers(scenario: Scenario, seed: number, replication: number): VolumeMultipliers {
  const streams = randomStreams(seed, replication);
  const busyness = new Float64Array(scenario.days).fill(1);
  const busynessCv = scenario.dayBusynessCv ?? 0;
  if (busynessCv > 0) {
    const draw = compileSampler(gamma(1, busynessCv), streams.stream('dailyBusyness'));
    for (let d = 0; d < scenario.days; d++) busyness[d] = draw();
  }
  const forecastCv = scenario.volumeForecastCv ?? 0;
  const forecast =
    forecastCv > 0 ? compileSampler(gamma(1, forecastCv), streams.stream('forecastError'))() : 1;
  return { busyness, forecast };
}

/**
 * Contacts entering per second in each interval: the expected contacts x the
 * day's busyness x the replication's forecast error, over the interval's length.
 *
 * @param expected expected contacts per interval
 * @param multipliers the run's multipliers (`volumeMultipliers`)
 * @param L interval length, seconds
 * @returns one rate per interval, per second
 * @example
 * arrivalRates([1800, 900], { busyness: Float64Array.of(1.5), forecast: 1 }, 1_800); // => Float64Array.of(1.5, 0.75)
 */
export function arrivalRates(
  expected: readonly number[],
  multipliers: VolumeMultipliers,
  L: number,
): Float64Array {
  const { busyness, forecast } = multipliers;
  const n = expected.length;
  const rate = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    rate[i] = ((expected[i] ?? 0) * (busyness[Math.floor((i * L) / 86_400)] ?? 1)) / L;
  }
  if (forecast !== 1) for (let i = 0; i < n; i++) rate[i] = (rate[i] as number) * forecast;
  return rate;
}

/**
 * The handle-time multiplier of each interval: the day's learning curve times the
 * time-of-day factor (`handleTimeOfDayFactors`); one entry more for answers after
 * the last interval closes. Also the all-media model's (`channels/setup.ts`).
 *
 * @param scenario the scenario (checked)
 * @param dayHandleMultiplier the learning curve's multiplier of each day
 * @param L interval length, seconds
 * @param n number of intervals
 * @returns n + 1 multipliers
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * intervalHandleMultiplier(scenario, Float64Array.of(1.2, 1), 1_800, 96)[47]; // => 1.2 (the first day's curve, no time-of-day factors)
 * intervalHandleMultiplier(scenario, Float64Array.of(1.2, 1), 1_800, 96).length; // => 97
 */
export function intervalHandleMultiplier(
  scenario: Scenario,
  dayHandleMultiplier: Float64Array,
  L: number,
  n: number,
): Float64Array {
  const handleMultiplier = new Float64Array(n + 1);
  const timeOfDay = scenario.handleTimeOfDayFactors;
  const perDay = Math.round(86_400 / L);
  for (let i = 0; i <= n; i++) {
    const k = Math.min(i, n - 1);
    const factor = timeOfDay === undefined ? 1 : (timeOfDay[k % perDay] as number);
    handleMultiplier[i] = (dayHandleMultiplier[Math.floor((k * L) / 86_400)] as number) * factor;
  }
  return handleMultiplier;
}

/** The workforce year: the roster thinned day by day, and each day's learning curve. */
export interface WorkforceYear {
  agents: Int32Array;
  handleMultiplier: Float64Array;
  penalty: Float64Array;
  qaRate: Float64Array;
  workforce: WorkforceResult | undefined;
}

/**
 * Without a workforce the planned agents and the experienced curve; with one,
 * `simulateWorkforce` on the `churn` stream, each day's roster `round(planned x
 * live / plannedLive)` and the day's handle-time multiplier, satisfaction
 * penalty and QA pass rate. Also the all-media model's (`channels/setup.ts`).
 *
 * @param scenario the scenario (checked)
 * @param plannedAgents the staffing table's agents per interval
 * @param L interval length, seconds
 * @param seed the run's seed
 * @param replication the run's replication
 * @returns the agents per interval, each day's multipliers and the workforce's result
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * workforceYear(scenario, new Int32Array(96).fill(7), 1_800, 1, 0).agents.slice(0, 3); // => [7, 7, 7] (no workforce: the plan)
 */
export function workforceYear(
  scenario: Scenario,
  plannedAgents: Int32Array,
  L: number,
  seed: number,
  replication: number,
): WorkforceYear {
  const days = scenario.days;
  const n = plannedAgents.length;
  const handleMultiplier = new Float64Array(days).fill(1);
  const penalty = new Float64Array(days);
  const lastStep = DEFAULT_LEARNING_CURVE[DEFAULT_LEARNING_CURVE.length - 1]!;
  const qaRate = new Float64Array(days).fill(lastStep.qaPassRate);
  if (scenario.workforce === undefined) {
    return { agents: plannedAgents, handleMultiplier, penalty, qaRate, workforce: undefined };
  }
  const spec = scenario.workforce.spec;
  const workforce = simulateWorkforce(spec, {
    startDate: scenario.startDate,
    days,
    seed,
    replication,
    daysBefore: scenario.workforce.daysBefore ?? 0,
  });
  const plannedLive = scenario.workforce.plannedLiveAgents ?? spec.targetHeadcount ?? spec.initialStaff;
  const agents = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const day = workforce.days[Math.floor((i * L) / 86_400)]!;
    agents[i] = Math.round(((plannedAgents[i] as number) * day.live) / plannedLive);
  }
  workforce.days.forEach((day, d) => {
    handleMultiplier[d] = day.handleTimeMultiplier;
    penalty[d] = day.satisfactionPenalty;
    qaRate[d] = day.qaPassRate;
  });
  return { agents, handleMultiplier, penalty, qaRate, workforce };
}
