import {
  requireInRange,
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requirePositiveFinite,
  requirePositiveInteger,
  requireProbability,
} from '../core/validate.js';
import { channelProblems } from './channels/check.js';
import { checkDistribution } from './distributions.js';
import { checkFaultLevels } from './faults.js';
import { checkSatisfactionModel } from './satisfaction.js';
import { checkWorkforceSpec } from './workforce.js';
import type { Scenario } from './types.js';

const SECONDS_PER_DAY = 86_400;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Milliseconds since 1970 of 00:00 UTC on an ISO date, or NaN when the text is
 * not a real calendar date.
 */
function isoDateToUtcMs(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day
    ? ms
    : Number.NaN;
}

/** The calendar of a scenario: intervals, their dates, months and weekdays. */
export interface ScenarioCalendar {
  /** Interval length, seconds. */
  readonly intervalSeconds: number;
  /** Number of intervals in the horizon. */
  readonly intervals: number;
  /** Horizon length, seconds. */
  readonly horizonSeconds: number;
  /** 00:00 of the start date, milliseconds since 1970 (UTC used as a calendar without daylight saving). */
  readonly startMs: number;
}

/**
 * The calendar of a scenario (checked first).
 *
 * @param scenario the scenario
 * @returns interval length and count, horizon length and the start instant
 * @throws {RangeError} when the scenario is invalid
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * scenarioCalendar(scenario).intervals; // => 96
 */
export function scenarioCalendar(scenario: Scenario): ScenarioCalendar {
  checkScenario('scenarioCalendar', scenario);
  return calendarOf(scenario);
}

function calendarOf(scenario: Scenario): ScenarioCalendar {
  const intervalSeconds = scenario.intervalMinutes * 60;
  const horizonSeconds = scenario.days * SECONDS_PER_DAY;
  return {
    intervalSeconds,
    intervals: horizonSeconds / intervalSeconds,
    horizonSeconds,
    startMs: isoDateToUtcMs(scenario.startDate),
  };
}

/** `YYYY-MM-DDTHH:MM` of an instant `seconds` after 00:00 of the start date. */
export function localDateTime(startMs: number, seconds: number): string {
  return new Date(startMs + seconds * 1000).toISOString().slice(0, 16);
}

function requireList(
  fn: string,
  name: string,
  list: readonly number[] | undefined,
  length: number | undefined,
  integer: boolean,
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) throw new RangeError(`${fn}: ${name} must be an array of numbers`);
  if (length !== undefined && list.length !== length) {
    throw new RangeError(`${fn}: ${name} must have ${length} values (got ${list.length})`);
  }
  list.forEach((value, i) =>
    integer
      ? requireNonNegativeInteger(fn, `${name}[${i}]`, value)
      : requireNonNegativeFinite(fn, `${name}[${i}]`, value),
  );
}

/**
 * Check every field of a scenario, with messages naming the function, the field
 * and the value: `simulate: scenario.days must be a positive integer (got 0)`.
 *
 * @param fn name of the calling function, for the message
 * @param scenario the scenario to check
 * @throws {RangeError} at the first invalid field
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * checkScenario('simulate', scenario); // => undefined (valid)
 * checkScenario('simulate', { ...scenario, intervalMinutes: 7 }); // throws RangeError
 */
export function checkScenario(fn: string, scenario: Scenario): void {
  if (typeof scenario !== 'object' || scenario === null) {
    throw new RangeError(`${fn}: scenario must be an object (got ${String(scenario)})`);
  }
  if (typeof scenario.startDate !== 'string' || Number.isNaN(isoDateToUtcMs(scenario.startDate))) {
    throw new RangeError(
      `${fn}: scenario.startDate must be an ISO date YYYY-MM-DD (got ${String(scenario.startDate)})`,
    );
  }
  requirePositiveInteger(fn, 'scenario.days', scenario.days);
  requirePositiveInteger(fn, 'scenario.intervalMinutes', scenario.intervalMinutes);
  if ((scenario.days * 1440) % scenario.intervalMinutes !== 0) {
    throw new RangeError(
      `${fn}: scenario.intervalMinutes must divide the horizon of ${scenario.days * 1440} minutes (got ${scenario.intervalMinutes})`,
    );
  }
  const { intervals, horizonSeconds } = calendarOf(scenario);
  checkArrivals(fn, scenario.arrivals, intervals, horizonSeconds);
  if (scenario.dayBusynessCv !== undefined)
    requireNonNegativeFinite(fn, 'scenario.dayBusynessCv', scenario.dayBusynessCv);
  if (scenario.selfServiceShare !== undefined)
    requireProbability(fn, 'scenario.selfServiceShare', scenario.selfServiceShare);
  checkDistribution(fn, 'scenario.handle', scenario.handle);
  checkHandleTimeOfDay(fn, scenario);
  if (scenario.patience !== undefined) checkDistribution(fn, 'scenario.patience', scenario.patience);
  if (scenario.waitingRoom !== undefined && scenario.waitingRoom !== Infinity) {
    requireNonNegativeInteger(fn, 'scenario.waitingRoom', scenario.waitingRoom);
  }
  if (scenario.redial !== undefined) {
    requireProbability(fn, 'scenario.redial.redialProbability', scenario.redial.redialProbability);
    requirePositiveInteger(fn, 'scenario.redial.maxAttempts', scenario.redial.maxAttempts);
    checkDistribution(fn, 'scenario.redial.delay', scenario.redial.delay);
  }
  checkAgents(fn, scenario.agents, intervals);
  requireNonNegativeFinite(fn, 'scenario.answerWithinSeconds', scenario.answerWithinSeconds);
  if (scenario.measurement !== undefined) checkMeasurement(fn, scenario.measurement);
  if (scenario.discipline !== undefined && scenario.discipline !== 'fifo') {
    throw new RangeError(`${fn}: scenario.discipline must be 'fifo' (got ${String(scenario.discipline)})`);
  }
  checkMechanisms(fn, scenario);
  if (scenario.volumeForecastCv !== undefined)
    requireNonNegativeFinite(fn, 'scenario.volumeForecastCv', scenario.volumeForecastCv);
  if (scenario.channels !== undefined) {
    const first = channelProblems(scenario, hasVoiceCalls(scenario))[0];
    if (first !== undefined) throw new RangeError(`${fn}: scenario.${first.path} ${first.message}`);
  }
}

/** Whether a checked scenario's voice arrivals can bring any call. */
function hasVoiceCalls(scenario: Scenario): boolean {
  const a = scenario.arrivals;
  if (a.kind === 'table') return a.callsPerInterval.some((x) => x > 0);
  if (a.kind === 'at') return a.seconds.length > 0;
  return a.dailyVolume > 0;
}

/** Check a scenario's arrivals, naming the field (see `checkScenario`). */
function checkArrivals(
  fn: string,
  arrivals: Scenario['arrivals'],
  intervals: number,
  horizonSeconds: number,
): void {
  switch (arrivals?.kind) {
    case 'profile': {
      requireNonNegativeFinite(fn, 'scenario.arrivals.dailyVolume', arrivals.dailyVolume);
      requireList(fn, 'scenario.arrivals.monthFactors', arrivals.monthFactors, 12, false);
      requireList(fn, 'scenario.arrivals.weekdayFactors', arrivals.weekdayFactors, 7, false);
      const shares = arrivals.intradayShares;
      requireList(fn, 'scenario.arrivals.intradayShares', shares, undefined, false);
      if (shares !== undefined) {
        if (shares.length === 0 || 1440 % shares.length !== 0) {
          throw new RangeError(
            `${fn}: scenario.arrivals.intradayShares must have a number of values that divides 1440 (got ${shares.length})`,
          );
        }
        if (!(shares.reduce((a, b) => a + b, 0) > 0)) {
          throw new RangeError(`${fn}: scenario.arrivals.intradayShares must not all be 0`);
        }
      }
      break;
    }
    case 'table':
      requireList(fn, 'scenario.arrivals.callsPerInterval', arrivals.callsPerInterval, intervals, false);
      if (arrivals.callsPerInterval === undefined) {
        throw new RangeError(`${fn}: scenario.arrivals.callsPerInterval must be an array of numbers`);
      }
      break;
    case 'at': {
      const seconds = arrivals.seconds;
      if (!Array.isArray(seconds))
        throw new RangeError(`${fn}: scenario.arrivals.seconds must be an array of numbers`);
      let previous = 0;
      seconds.forEach((value, i) => {
        requireInRange(fn, `scenario.arrivals.seconds[${i}]`, value, previous, horizonSeconds);
        if (value === horizonSeconds) {
          throw new RangeError(
            `${fn}: scenario.arrivals.seconds[${i}] must be before the end of the horizon ${horizonSeconds} (got ${value})`,
          );
        }
        previous = value;
      });
      break;
    }
    default:
      throw new RangeError(
        `${fn}: scenario.arrivals.kind must be one of profile, table, at (got ${String((arrivals as { kind?: unknown } | undefined)?.kind)})`,
      );
  }
}

/** Check `handleTimeOfDayFactors`: one positive factor per interval of the day. */
function checkHandleTimeOfDay(fn: string, scenario: Scenario): void {
  const factors = scenario.handleTimeOfDayFactors;
  if (factors !== undefined) {
    if (1440 % scenario.intervalMinutes !== 0) {
      throw new RangeError(
        `${fn}: scenario.handleTimeOfDayFactors needs intervals that divide the day (got intervalMinutes ${scenario.intervalMinutes})`,
      );
    }
    if (!Array.isArray(factors) || factors.length !== 1440 / scenario.intervalMinutes) {
      throw new RangeError(
        `${fn}: scenario.handleTimeOfDayFactors must hold one factor per interval of the day, ${1440 / scenario.intervalMinutes} (got ${Array.isArray(factors) ? factors.length : String(factors)})`,
      );
    }
    factors.forEach((value, i) => requirePositiveFinite(fn, `scenario.handleTimeOfDayFactors[${i}]`, value));
  }
}

/** Check a scenario's agents, naming the field. */
function checkAgents(fn: string, agents: Scenario['agents'], intervals: number): void {
  switch (agents?.kind) {
    case 'constant':
      requireNonNegativeInteger(fn, 'scenario.agents.count', agents.count);
      break;
    case 'perInterval':
      if (!Array.isArray(agents.counts))
        throw new RangeError(`${fn}: scenario.agents.counts must be an array of numbers`);
      requireList(fn, 'scenario.agents.counts', agents.counts, intervals, true);
      break;
    default:
      throw new RangeError(
        `${fn}: scenario.agents.kind must be one of constant, perInterval (got ${String((agents as { kind?: unknown } | undefined)?.kind)})`,
      );
  }
}

/** Check a scenario's measurement options. */
function checkMeasurement(fn: string, measurement: NonNullable<Scenario['measurement']>): void {
  if (measurement.warmupSeconds !== undefined) {
    requireNonNegativeFinite(fn, 'scenario.measurement.warmupSeconds', measurement.warmupSeconds);
  }
  if (measurement.warmupArrivals !== undefined) {
    requireNonNegativeInteger(fn, 'scenario.measurement.warmupArrivals', measurement.warmupArrivals);
  }
  if (measurement.arrivals !== undefined && measurement.arrivals !== Infinity) {
    requirePositiveInteger(fn, 'scenario.measurement.arrivals', measurement.arrivals);
  }
}

/** Check the optional mechanisms of a scenario: workforce, faults, survey. */
function checkMechanisms(fn: string, scenario: Scenario): void {
  const workforce = scenario.workforce;
  if (workforce !== undefined) {
    if (typeof workforce !== 'object' || workforce === null) {
      throw new RangeError(`${fn}: scenario.workforce must be an object (got ${String(workforce)})`);
    }
    checkWorkforceSpec(fn, workforce.spec, 'scenario.workforce.spec.');
    const planned =
      workforce.plannedLiveAgents ?? workforce.spec.targetHeadcount ?? workforce.spec.initialStaff;
    if (workforce.plannedLiveAgents !== undefined) {
      requirePositiveFinite(fn, 'scenario.workforce.plannedLiveAgents', workforce.plannedLiveAgents);
    } else if (!(planned > 0)) {
      throw new RangeError(
        `${fn}: scenario.workforce.plannedLiveAgents must be given when the target headcount is 0 (got ${planned} planned live agents)`,
      );
    }
    if (workforce.daysBefore !== undefined) {
      requireNonNegativeInteger(fn, 'scenario.workforce.daysBefore', workforce.daysBefore);
    }
  }
  const faults = scenario.faults;
  if (faults !== undefined) {
    if (typeof faults !== 'object' || faults === null) {
      throw new RangeError(`${fn}: scenario.faults must be an object (got ${String(faults)})`);
    }
    checkFaultLevels(fn, faults.levels, 'scenario.faults.levels');
  }
  const survey = scenario.survey;
  if (survey !== undefined) {
    if (typeof survey !== 'object' || survey === null) {
      throw new RangeError(`${fn}: scenario.survey must be an object (got ${String(survey)})`);
    }
    checkSatisfactionModel(fn, survey.satisfaction, 'scenario.survey.satisfaction');
    requireProbability(fn, 'scenario.survey.qaSampleShare', survey.qaSampleShare);
    if (survey.reviewMinutesPerDissatisfied !== undefined) {
      requireNonNegativeFinite(
        fn,
        'scenario.survey.reviewMinutesPerDissatisfied',
        survey.reviewMinutesPerDissatisfied,
      );
    }
  }
}

/**
 * Expected calls entering (before self-service and day busyness) in each
 * interval of a scenario. For a profile: daily volume x month factor x weekday
 * factor x the share of the day the interval covers, the rate being constant
 * within each slot of the intraday profile; an interval spanning several days
 * adds them up. For a table, the table. For explicit instants, the count in
 * each interval.
 *
 * @param scenario the scenario (checked)
 * @returns expected calls per interval, one per interval of the horizon
 * @throws {RangeError} when the scenario is invalid
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 1, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 4800 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const expected = expectedArrivalsPerInterval(scenario);
 * [expected.length, expected[20]]; // => [48, 100]
 */
export function expectedArrivalsPerInterval(scenario: Scenario): number[] {
  checkScenario('expectedArrivalsPerInterval', scenario);
  const { intervals, intervalSeconds, startMs } = calendarOf(scenario);
  const arrivals = scenario.arrivals;
  if (arrivals.kind === 'table') return [...arrivals.callsPerInterval];
  const out = new Array<number>(intervals).fill(0);
  if (arrivals.kind === 'at') {
    for (const t of arrivals.seconds) {
      const i = Math.floor(t / intervalSeconds);
      out[i] = (out[i] ?? 0) + 1;
    }
    return out;
  }
  const shares = arrivals.intradayShares ?? [1];
  const shareTotal = shares.reduce((a, b) => a + b, 0);
  const slotSeconds = SECONDS_PER_DAY / shares.length;
  const dayVolumes = new Array<number>(scenario.days);
  for (let d = 0; d < scenario.days; d++) {
    const date = new Date(startMs + d * SECONDS_PER_DAY * 1000);
    const month = date.getUTCMonth();
    const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
    dayVolumes[d] =
      arrivals.dailyVolume *
      (arrivals.monthFactors?.[month] ?? 1) *
      (arrivals.weekdayFactors?.[weekday] ?? 1);
  }
  for (let i = 0; i < intervals; i++) {
    // Integrate the piecewise-constant rate over [start, end), slot by slot.
    let t = i * intervalSeconds;
    const end = t + intervalSeconds;
    let calls = 0;
    while (t < end) {
      const day = Math.floor(t / SECONDS_PER_DAY);
      const slot = Math.floor((t - day * SECONDS_PER_DAY) / slotSeconds);
      const slotEnd = day * SECONDS_PER_DAY + (slot + 1) * slotSeconds;
      const until = slotEnd < end ? slotEnd : end;
      calls += ((dayVolumes[day] ?? 0) * ((shares[slot] ?? 0) / shareTotal) * (until - t)) / slotSeconds;
      t = until;
    }
    out[i] = calls;
  }
  return out;
}

/**
 * Agents on the phones in each interval of a scenario.
 *
 * @param scenario the scenario (checked)
 * @returns agents per interval, one per interval of the horizon
 * @throws {RangeError} when the scenario is invalid
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * agentsPerInterval({ ...scenario, agents: { kind: 'constant', count: 12 } }).slice(0, 3); // => [12, 12, 12]
 */
export function agentsPerInterval(scenario: Scenario): number[] {
  checkScenario('agentsPerInterval', scenario);
  const { intervals } = calendarOf(scenario);
  const agents = scenario.agents;
  return agents.kind === 'constant' ? new Array<number>(intervals).fill(agents.count) : [...agents.counts];
}
