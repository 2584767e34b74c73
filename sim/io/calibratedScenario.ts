import type { CalibratedParameters } from '../calibrate/types.js';
import type { Distribution, Scenario } from '../model/types.js';

/** Options of {@link scenarioFromCalibration}. */
export interface CalibratedScenarioOptions {
  /** First day, ISO `YYYY-MM-DD`; each day takes the rates of its weekday. */
  readonly startDate: string;
  /** Number of days, a positive integer. */
  readonly days: number;
  /** The service-level threshold, seconds. */
  readonly answerWithinSeconds: number;
  /**
   * How mean agents present become whole agents: `ceil` (the estimate is a lower
   * bound on agents logged in, since idle agents before a first call or after a
   * last call are invisible) or `round`.
   *
   * __Default value:__ `'ceil'`
   */
  readonly agentsRounding?: 'ceil' | 'round';
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * A scenario from calibrated parameters (`calibrateFromRecords` or a
 * calibrated-parameters file): each day of the horizon takes its weekday's mean
 * arrivals and agents present per interval (a weekday absent from the records
 * gets no calls and no agents), the handle-time fit and the exponential
 * patience. No self-service (records start at the agent queue), no redials (the
 * records do not link a caller's attempts), unlimited waiting room.
 *
 * @param params the calibrated parameters
 * @param options start date, days, service-level threshold, agents rounding
 * @returns the scenario, with arrivals and agents as per-interval tables
 * @throws {RangeError} for a malformed start date or a non-positive number of days
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const scenario = scenarioFromCalibration(calibrateFromRecords(bank.records, { source: 'bank', intervalMinutes: 60 }), {
 *   startDate: '1999-02-01', days: 28, answerWithinSeconds: 20,
 * });
 * scenario.arrivals.kind; // => 'table'
 */
export function scenarioFromCalibration(
  params: CalibratedParameters,
  options: CalibratedScenarioOptions,
): Scenario {
  const start = Date.parse(`${options.startDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.startDate) || Number.isNaN(start)) {
    throw new RangeError(`scenarioFromCalibration: startDate must be YYYY-MM-DD (got ${options.startDate})`);
  }
  if (!Number.isInteger(options.days) || options.days < 1) {
    throw new RangeError(`scenarioFromCalibration: days must be a positive integer (got ${options.days})`);
  }
  const perDay = 1440 / params.intervalMinutes;
  const hours = params.intervalMinutes / 60;
  const round = options.agentsRounding === 'round' ? Math.round : (x: number) => Math.ceil(x - 1e-9);
  const byName = new Map(params.weekdays.map((w) => [w.weekday, w]));
  const callsPerInterval: number[] = [];
  const counts: number[] = [];
  for (let d = 0; d < options.days; d++) {
    const weekday = byName.get(WEEKDAY_NAMES[new Date(start + d * 86_400_000).getUTCDay()] ?? 'Sunday');
    for (let s = 0; s < perDay; s++) {
      callsPerInterval.push((weekday?.arrivalsPerHour[s] ?? 0) * hours);
      counts.push(Math.max(0, round(weekday?.agentsPresent[s] ?? 0)));
    }
  }
  const h = params.handleTime;
  const handle: Distribution =
    h.distribution === 'exponential'
      ? { kind: 'exponential', meanSeconds: h.meanSeconds }
      : { kind: 'lognormal', meanSeconds: h.meanSeconds, cv: h.cv };
  return {
    startDate: options.startDate,
    days: options.days,
    intervalMinutes: params.intervalMinutes,
    arrivals: { kind: 'table', callsPerInterval },
    handle,
    patience: { kind: 'exponential', meanSeconds: params.patience.meanSeconds },
    agents: { kind: 'perInterval', counts },
    answerWithinSeconds: options.answerWithinSeconds,
  };
}
