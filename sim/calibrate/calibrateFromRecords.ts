import type { HolidayCalendar } from '../core/calendar.js';
import { agentsPresentPerInterval } from './agentsPresent.js';
import { arrivalRatesByWeekday } from './arrivalRates.js';
import { fitHandleTimes, handleTimeSamples } from './handleTimeFit.js';
import { exponentialPatience, kaplanMeier, patienceObservations } from './patience.js';
import type { CalibratedParameters, ObservedCall, WeekdayName } from './types.js';

/** Options of {@link calibrateFromRecords}. */
export interface CalibrateOptions {
  /** Where the records came from, free text (kept in the result). */
  source: string;
  /**
   * Interval length, in minutes.
   *
   * __Default value:__ `30`
   */
  intervalMinutes?: 15 | 30 | 60;
  /**
   * Shortest handle time used in the fit, in seconds (see `handleTimeSamples`).
   *
   * __Default value:__ `0` (every positive handle time)
   */
  minHandleSeconds?: number;
  /**
   * Longest idle gap inside an agent's stretch of work, in seconds (see `agentsPresentPerInterval`).
   *
   * __Default value:__ `1800`
   */
  maxIdleGapSeconds?: number;
  /**
   * The center's holiday calendar: its public holidays and weekend days worked
   * instead (调休上班) inside the records' period are left out of the weekday means
   * of arrivals and agents present (a holiday is not a Monday like the others);
   * the handle-time and patience fits keep every call. It must cover every year
   * of the records (`HolidayCalendar.uncoveredYears`).
   *
   * __Default value:__ none: every day counts as its weekday
   */
  calendar?: HolidayCalendar;
}

/**
 * The days of the records' period (0 = the day of the first arrival) that a
 * calendar marks as holidays or weekend days worked instead.
 *
 * @param records call records
 * @param calendar the center's calendar, covering the records' years
 * @returns the days, with their index in the period, date and kind
 * @throws {RangeError} when the calendar does not cover a year of the records
 * @example
 * const records = [1, 2].map((day) => ({
 *   arrivalSeconds: Date.UTC(2020, 0, day, 9) / 1000, waitSeconds: 0, outcome: 'answered', handleSeconds: 60,
 * }) as const);
 * specialDaysOfRecords(records, CHINA_CALENDAR); // => [{ day: 0, date: '2020-01-01', kind: 'holiday' }]
 */
export function specialDaysOfRecords(
  records: readonly ObservedCall[],
  calendar: HolidayCalendar,
): { day: number; date: string; kind: 'holiday' | 'adjustedWorkingDay' }[] {
  let first = Infinity;
  let last = -Infinity;
  for (const r of records) {
    if (r.arrivalSeconds < first) first = r.arrivalSeconds;
    if (r.arrivalSeconds > last) last = r.arrivalSeconds;
  }
  if (!Number.isFinite(first)) return [];
  const firstDay = Math.floor(first / 86_400);
  const out: { day: number; date: string; kind: 'holiday' | 'adjustedWorkingDay' }[] = [];
  for (let day = firstDay; day <= Math.floor(last / 86_400); day++) {
    const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    const kind = calendar.dayKind(date);
    if (kind === 'holiday' || kind === 'adjustedWorkingDay') out.push({ day: day - firstDay, date, kind });
  }
  return out;
}

/**
 * Everything a scenario needs from call records, in one call: arrival rates per
 * weekday and interval (`arrivalRatesByWeekday`), agents present per weekday and
 * interval (`agentsPresentPerInterval`, averaged over the days of each weekday;
 * with a `calendar`, holidays and weekend days worked are left out of both),
 * the handle-time distribution that fits better by AIC (`fitHandleTimes`), and an
 * exponential patience from abandonments over total wait (`exponentialPatience`)
 * with the Kaplan-Meier median beside it (`kaplanMeier`).
 *
 * @param records call records covering whole days
 * @param options source label, interval length and the estimators' options
 * @returns the parameters, in the shape of the calibrated-parameters file
 * @throws {RangeError} when the records hold fewer than 2 answered calls or no queued call
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * calibrateFromRecords(bank.records, { source: 'Anonymous Bank, February 1999' }).patience;
 * // => { distribution: 'exponential', meanSeconds: 347.7129, kaplanMeierMedianSeconds: 280 }
 */
export function calibrateFromRecords(
  records: readonly ObservedCall[],
  options: CalibrateOptions,
): CalibratedParameters {
  const intervalMinutes = options.intervalMinutes ?? 30;
  const intervalSeconds = intervalMinutes * 60;
  const excludedDays =
    options.calendar === undefined ? [] : specialDaysOfRecords(records, options.calendar).map((d) => d.day);
  const excluded = new Set(excludedDays);
  const rates = arrivalRatesByWeekday(records, { intervalSeconds, excludedDays });
  const agentOptions: { intervalSeconds: number; maxIdleGapSeconds?: number } = { intervalSeconds };
  if (options.maxIdleGapSeconds !== undefined) agentOptions.maxIdleGapSeconds = options.maxIdleGapSeconds;
  const agents = agentsPresentPerInterval(records, agentOptions);

  const perDay = 1440 / intervalMinutes;
  const agentSums = Array.from({ length: 7 }, () => new Array<number>(perDay).fill(0));
  for (const interval of agents.intervals) {
    const day = Math.floor((interval.startSeconds - rates.firstDaySeconds) / 86_400);
    if (day < 0 || day >= rates.days || excluded.has(day)) continue;
    const weekday = new Date(interval.startSeconds * 1000).getUTCDay();
    const slot = Math.floor((interval.startSeconds - rates.firstDaySeconds - day * 86_400) / intervalSeconds);
    agentSums[weekday]![slot]! += interval.agentsPresent;
  }

  const handle = fitHandleTimes(handleTimeSamples(records, options.minHandleSeconds ?? 0).seconds);
  const observations = patienceObservations(records);
  const patience = exponentialPatience(observations);
  const km = kaplanMeier(observations);
  return {
    source: options.source,
    intervalMinutes,
    weekdays: rates.weekdays.map((w) => ({
      weekday: w.weekdayName as WeekdayName,
      days: w.days,
      arrivalsPerHour: [...w.arrivalsPerHour],
      agentsPresent: agentSums[w.weekday]!.map((sum) => sum / w.days),
    })),
    handleTime:
      handle.better === 'lognormal'
        ? { distribution: 'lognormal', meanSeconds: handle.lognormal.meanSeconds, cv: handle.lognormal.cv }
        : { distribution: 'exponential', meanSeconds: handle.exponential.meanSeconds, cv: 1 },
    patience: {
      distribution: 'exponential',
      meanSeconds: patience.meanPatienceSeconds,
      kaplanMeierMedianSeconds: km.medianSeconds,
    },
  };
}
