import {
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requirePositiveInteger,
} from '../core/validate.js';
import { simulate } from '../model/simulate.js';
import type { Scenario } from '../model/types.js';
import { calibrateBehaviour, type BehaviourOptions, type CalibratedBehaviour } from './behaviour.js';
import {
  localDate,
  localDaySeconds,
  periodInputs,
  recordsInDays,
  type DayRange,
  type PeriodInputs,
} from './periodInputs.js';
import type { ObservedCall } from './types.js';

/** Offered calls, abandonment, service level and ASA of one cell (an hour, a weekday x hour). */
export interface CellFigures {
  /** Calls that asked for an agent (answered or abandoned); simulated: mean per replication. */
  readonly offered: number;
  /** Abandoned / offered, a fraction 0-1 (`null` with no call). */
  readonly abandonRate: number | null;
  /** Answered within the threshold / offered, 0-1 (`null` with no call). */
  readonly serviceLevel: number | null;
  /** Mean wait of answered calls, zero waits included, seconds (`null` with none answered). */
  readonly asaSeconds: number | null;
}

/** One hour of the day, pooled over the test days: what the records show and what the model predicted. */
export interface HourComparison {
  readonly hour: number;
  readonly observed: CellFigures;
  readonly predicted: CellFigures;
  /** The 5th and 95th percentiles across replications of the predicted figures. */
  readonly predictedRange: {
    readonly abandonRate: readonly [number, number] | null;
    readonly serviceLevel: readonly [number, number] | null;
    readonly asaSeconds: readonly [number, number] | null;
  };
}

/** A weekday x hour cell, pooled over the test days of that weekday. */
export interface WeekdayHourComparison {
  /** `Sunday` ... `Saturday`. */
  readonly weekday: string;
  readonly hour: number;
  readonly observed: CellFigures;
  readonly predicted: CellFigures;
}

/** Mean absolute errors over the cells with at least `minCallsPerCell` observed calls. */
export interface ComparisonErrors {
  readonly cells: number;
  /** Percentage points as fractions (0.02 = 2 pp). */
  readonly abandonRate: number;
  readonly serviceLevel: number;
  readonly asaSeconds: number;
  /** Mean signed error (predicted - observed) of the abandonment, to show a bias. */
  readonly abandonRateBias: number;
}

/** Options of {@link validateHoldOut}. */
export interface HoldOutOptions extends BehaviourOptions {
  /** Days to calibrate behaviour on. */
  readonly train: DayRange;
  /** Days to predict from their calls per interval and agents scheduled only. */
  readonly test: DayRange;
  /** Service-level threshold, seconds. */
  readonly thresholdSeconds: number;
  /** Replications of the test days. */
  readonly replications: number;
  readonly seed: number;
  /**
   * Interval of the calls and agents given to the simulator, minutes (15, 30 or 60).
   *
   * __Default value:__ `15`
   */
  readonly intervalMinutes?: number;
  /**
   * Cells with fewer observed calls than this are shown but left out of the errors.
   *
   * __Default value:__ `50`
   */
  readonly minCallsPerCell?: number;
}

/** A held-out validation: calibration on some days, prediction of others, and the comparison. */
export interface HoldOutResult {
  readonly train: DayRange & { readonly days: number; readonly calls: number };
  readonly test: DayRange & { readonly days: number; readonly calls: number };
  readonly thresholdSeconds: number;
  readonly replications: number;
  readonly seed: number;
  readonly intervalMinutes: number;
  readonly minCallsPerCell: number;
  readonly behaviour: CalibratedBehaviour;
  readonly inputs: PeriodInputs;
  /** The scenario simulated: the test days with their calls and agents, the training days' behaviour. */
  readonly scenario: Scenario;
  /** Hours 0-23 with at least one observed or predicted call. */
  readonly byHour: readonly HourComparison[];
  readonly byWeekdayHour: readonly WeekdayHourComparison[];
  readonly errors: { readonly byHour: ComparisonErrors; readonly byWeekdayHour: ComparisonErrors };
  /** The whole test period. */
  readonly overall: { readonly observed: CellFigures; readonly predicted: CellFigures };
}

interface Tally {
  offered: number;
  abandoned: number;
  within: number;
  answered: number;
  waitAnswered: number;
}
const emptyTally = (): Tally => ({ offered: 0, abandoned: 0, within: 0, answered: 0, waitAnswered: 0 });

function figures(t: Tally, scale = 1): CellFigures {
  return {
    offered: t.offered / scale,
    abandonRate: t.offered > 0 ? t.abandoned / t.offered : null,
    serviceLevel: t.offered > 0 ? t.within / t.offered : null,
    asaSeconds: t.answered > 0 ? t.waitAnswered / t.answered : null,
  };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

function errorsOver(
  cells: readonly { observed: CellFigures; predicted: CellFigures }[],
  minCalls: number,
): ComparisonErrors {
  const kept = cells.filter((c) => c.observed.offered >= minCalls);
  const mean = (f: (c: (typeof kept)[number]) => number): number =>
    kept.length === 0 ? 0 : kept.reduce((a, c) => a + f(c), 0) / kept.length;
  return {
    cells: kept.length,
    abandonRate: mean((c) => Math.abs((c.predicted.abandonRate ?? 0) - (c.observed.abandonRate ?? 0))),
    serviceLevel: mean((c) => Math.abs((c.predicted.serviceLevel ?? 0) - (c.observed.serviceLevel ?? 0))),
    asaSeconds: mean((c) => Math.abs((c.predicted.asaSeconds ?? 0) - (c.observed.asaSeconds ?? 0))),
    abandonRateBias: mean((c) => (c.predicted.abandonRate ?? 0) - (c.observed.abandonRate ?? 0)),
  };
}

function percentileRange(values: number[]): readonly [number, number] | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => {
    const x = p * (sorted.length - 1);
    const lo = Math.floor(x);
    return (
      sorted[lo]! + (x - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!)
    );
  };
  return [at(0.05), at(0.95)];
}

/**
 * Held-out validation on call records (issue 13): calibrate callers' and agents'
 * behaviour on the training days only (`calibrateBehaviour`), then simulate the
 * test days from what a planner knows of them in advance, their calls per
 * interval and their agents scheduled per interval (`periodInputs`), and compare
 * hour by hour (and weekday x hour) with what the test days' records show.
 * Nothing else of the test days (waits, abandonments, service times, busy time)
 * enters the prediction.
 *
 * Counting rules, observed and simulated alike: offered = calls that asked for an
 * agent (answered or abandoned); a call's hour is the hour of its arrival in the
 * queue; service level = answered within the threshold over offered; ASA = mean
 * wait of answered calls, zero waits included; rates are fractions 0-1.
 *
 * @param records every call record (training and test days)
 * @param options the two periods, threshold, replications, seed, interval and the behaviour options
 * @returns the comparison by hour and by weekday x hour, the mean absolute errors, and what was fitted
 * @throws {RangeError} for bad dates (not real, `to` before `from`, periods overlapping or without
 *   calls), or a test day with calls but no named agent
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const v = validateHoldOut(bank.records, {
 *   train: { from: '1999-02-01', to: '1999-02-14' }, test: { from: '1999-02-15', to: '1999-02-28' },
 *   thresholdSeconds: 20, replications: 2, seed: 1 });
 * v.errors.byHour; // => { cells: 17, abandonRate: 0.03640, serviceLevel: 0.1477, asaSeconds: 15.79 }
 */
export function validateHoldOut(records: readonly ObservedCall[], options: HoldOutOptions): HoldOutResult {
  const fn = 'validateHoldOut';
  const intervalMinutes = options.intervalMinutes ?? 15;
  const minCalls = options.minCallsPerCell ?? 50;
  requireNonNegativeFinite(fn, 'thresholdSeconds', options.thresholdSeconds);
  requirePositiveInteger(fn, 'replications', options.replications);
  requireNonNegativeInteger(fn, 'seed', options.seed);
  requirePositiveInteger(fn, 'intervalMinutes', intervalMinutes);
  for (const [name, range] of [
    ['train', options.train],
    ['test', options.test],
  ] as const) {
    for (const end of ['from', 'to'] as const) {
      if (localDaySeconds(range[end]) === undefined) {
        throw new RangeError(`${fn}: ${name}.${end} must be a date YYYY-MM-DD (got ${range[end]})`);
      }
    }
    if (range.to < range.from)
      throw new RangeError(`${fn}: ${name} ends before it starts (got ${range.from} to ${range.to})`);
  }
  if (!(options.train.to < options.test.from || options.test.to < options.train.from)) {
    throw new RangeError(
      `${fn}: train and test days must not overlap (got ${options.train.from}:${options.train.to} and ${options.test.from}:${options.test.to})`,
    );
  }
  const training = recordsInDays(records, options.train);
  const testing = recordsInDays(records, options.test);
  if (training.length === 0)
    throw new RangeError(
      `${fn}: no call records on the training days ${options.train.from}:${options.train.to}`,
    );
  if (testing.length === 0)
    throw new RangeError(`${fn}: no call records on the test days ${options.test.from}:${options.test.to}`);

  const behaviour = calibrateBehaviour(training, options);
  const inputs = periodInputs(records, options.test, {
    intervalSeconds: intervalMinutes * 60,
    maxIdleGapSeconds: options.maxIdleGapSeconds ?? 3600,
  });
  if (inputs.daysWithoutAgents.length > 0) {
    const d = inputs.daysWithoutAgents[0]!;
    throw new RangeError(
      `${fn}: test day ${d.date} has calls but none answered by a named agent, so no agents can be scheduled for it`,
    );
  }
  const perDay = 1440 / intervalMinutes;
  const scenario: Scenario = {
    startDate: options.test.from,
    days: inputs.days.length,
    intervalMinutes,
    arrivals: { kind: 'table', callsPerInterval: inputs.callsPerInterval },
    handle: behaviour.handle,
    handleTimeOfDayFactors: Array.from(
      { length: perDay },
      (_, i) => behaviour.handleFactorsByHour[Math.floor((i * intervalMinutes) / 60)]!,
    ),
    patience: behaviour.patience,
    agents: { kind: 'perInterval', counts: inputs.agentsRounded },
    answerWithinSeconds: options.thresholdSeconds,
  };

  // Observed, by the counting rules.
  const start = localDaySeconds(options.test.from)!;
  const obsHour = Array.from({ length: 24 }, emptyTally);
  const obsCell = new Map<string, Tally>();
  const obsAll = emptyTally();
  const add = (t: Tally, abandoned: boolean, answered: boolean, wait: number): void => {
    t.offered++;
    if (abandoned) t.abandoned++;
    if (answered) {
      t.answered++;
      t.waitAnswered += wait;
      if (wait <= options.thresholdSeconds) t.within++;
    }
  };
  const cellKey = (dayIndex: number, hour: number): string => {
    const weekday = new Date((start + dayIndex * 86_400) * 1000).getUTCDay();
    return `${weekday}:${hour}`;
  };
  for (const r of testing) {
    if (r.outcome === 'blocked') continue;
    const hour = Math.floor((((r.arrivalSeconds % 86_400) + 86_400) % 86_400) / 3600);
    const dayIndex = Math.floor((r.arrivalSeconds - start) / 86_400);
    const abandoned = r.outcome === 'abandoned';
    add(obsHour[hour]!, abandoned, !abandoned, r.waitSeconds);
    add(obsAll, abandoned, !abandoned, r.waitSeconds);
    const key = cellKey(dayIndex, hour);
    if (!obsCell.has(key)) obsCell.set(key, emptyTally());
    add(obsCell.get(key)!, abandoned, !abandoned, r.waitSeconds);
  }

  // Predicted: every replication's intervals, pooled by hour and weekday x hour.
  const simHour = Array.from({ length: 24 }, emptyTally);
  const simCell = new Map<string, Tally>();
  const simAll = emptyTally();
  const perReplication = Array.from({ length: 24 }, () => ({
    abandon: [] as number[],
    sl: [] as number[],
    asa: [] as number[],
  }));
  for (let replication = 0; replication < options.replications; replication++) {
    const run = simulate(scenario, { seed: options.seed, replication });
    const repHour = Array.from({ length: 24 }, emptyTally);
    for (const row of run.intervals) {
      const dayIndex = Math.floor(row.startSeconds / 86_400);
      const hour = Math.floor((row.startSeconds % 86_400) / 3600);
      const offered = row.answered + row.abandoned;
      const part: Tally = {
        offered,
        abandoned: row.abandoned,
        within: row.answeredWithin,
        answered: row.answered,
        waitAnswered: row.waitAnsweredSeconds,
      };
      for (const t of [simHour[hour]!, repHour[hour]!, simAll]) {
        t.offered += part.offered;
        t.abandoned += part.abandoned;
        t.within += part.within;
        t.answered += part.answered;
        t.waitAnswered += part.waitAnswered;
      }
      const key = cellKey(dayIndex, hour);
      if (!simCell.has(key)) simCell.set(key, emptyTally());
      const c = simCell.get(key)!;
      c.offered += part.offered;
      c.abandoned += part.abandoned;
      c.within += part.within;
      c.answered += part.answered;
      c.waitAnswered += part.waitAnswered;
    }
    repHour.forEach((t, hour) => {
      const f = figures(t);
      if (f.abandonRate !== null) perReplication[hour]!.abandon.push(f.abandonRate);
      if (f.serviceLevel !== null) perReplication[hour]!.sl.push(f.serviceLevel);
      if (f.asaSeconds !== null) perReplication[hour]!.asa.push(f.asaSeconds);
    });
  }
  const R = options.replications;
  const byHour: HourComparison[] = [];
  for (let hour = 0; hour < 24; hour++) {
    if (obsHour[hour]!.offered === 0 && simHour[hour]!.offered === 0) continue;
    byHour.push({
      hour,
      observed: figures(obsHour[hour]!),
      predicted: figures(simHour[hour]!, R),
      predictedRange: {
        abandonRate: percentileRange(perReplication[hour]!.abandon),
        serviceLevel: percentileRange(perReplication[hour]!.sl),
        asaSeconds: percentileRange(perReplication[hour]!.asa),
      },
    });
  }
  const keys = [...new Set([...obsCell.keys(), ...simCell.keys()])].sort((a, b) => {
    const [wa, ha] = a.split(':').map(Number);
    const [wb, hb] = b.split(':').map(Number);
    return wa! - wb! || ha! - hb!;
  });
  const byWeekdayHour: WeekdayHourComparison[] = keys
    .filter((key) => (obsCell.get(key)?.offered ?? 0) > 0 || (simCell.get(key)?.offered ?? 0) > 0)
    .map((key) => {
      const [weekday, hour] = key.split(':').map(Number);
      return {
        weekday: WEEKDAYS[weekday!]!,
        hour: hour!,
        observed: figures(obsCell.get(key) ?? emptyTally()),
        predicted: figures(simCell.get(key) ?? emptyTally(), R),
      };
    });
  const countDays = (range: DayRange): number =>
    (localDaySeconds(range.to)! - localDaySeconds(range.from)!) / 86_400 + 1;
  return {
    train: {
      ...options.train,
      days: countDays(options.train),
      calls: training.filter((r) => r.outcome !== 'blocked').length,
    },
    test: { ...options.test, days: countDays(options.test), calls: obsAll.offered },
    thresholdSeconds: options.thresholdSeconds,
    replications: R,
    seed: options.seed,
    intervalMinutes,
    minCallsPerCell: minCalls,
    behaviour,
    inputs,
    scenario,
    byHour,
    byWeekdayHour,
    errors: { byHour: errorsOver(byHour, minCalls), byWeekdayHour: errorsOver(byWeekdayHour, minCalls) },
    overall: { observed: figures(obsAll), predicted: figures(simAll, R) },
  };
}

export { localDate };
