import { requireNonNegativeInteger, requirePositiveInteger } from '../core/validate.js';
import type { ObservedCall } from './types.js';

/** Names of the weekdays, index 0 = Sunday as in `Date.getUTCDay`. */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** Arrivals per interval of the day for one weekday, averaged over the days of that weekday. */
export interface WeekdayArrivalRates {
  /** 0 = Sunday ... 6 = Saturday. */
  readonly weekday: number;
  readonly weekdayName: string;
  /** How many days of this weekday the period holds (days with no call count as zeros). */
  readonly days: number;
  /** Mean calls per interval over those days, one entry per interval of the day. */
  readonly meanCalls: readonly number[];
  /** Sample standard deviation of the calls per interval over those days (0 for a single day). */
  readonly sdCalls: readonly number[];
  /** `meanCalls` as a rate, in calls per hour. */
  readonly arrivalsPerHour: readonly number[];
}

/** Arrival rates estimated from call records. */
export interface ArrivalRateEstimate {
  readonly intervalSeconds: number;
  /** Midnight of the first day of the period, in local seconds. */
  readonly firstDaySeconds: number;
  /** Number of days in the period. */
  readonly days: number;
  /** One entry per weekday present in the period, Sunday first. */
  readonly weekdays: readonly WeekdayArrivalRates[];
  /** Calls per day of the period, in order. */
  readonly dailyCalls: readonly number[];
  /** Records that fell outside the period (left out). */
  readonly outside: number;
}

/** Options of {@link arrivalRatesByWeekday}. */
export interface ArrivalRateOptions {
  /**
   * Interval length in seconds; must divide a day.
   *
   * __Default value:__ `1800` (half an hour)
   */
  intervalSeconds?: number;
  /**
   * Midnight of the first day of the period, in local seconds.
   *
   * __Default value:__ midnight of the earliest arrival
   */
  firstDaySeconds?: number;
  /**
   * Number of days in the period.
   *
   * __Default value:__ through the day of the latest arrival
   */
  days?: number;
  /**
   * Days of the period (0 = the first) left out of the weekday means, such as
   * public holidays and weekend days worked instead; they stay in `dailyCalls`.
   *
   * __Default value:__ none
   */
  excludedDays?: readonly number[];
}

/**
 * Arrival rates per interval and weekday: for each weekday, the mean number of
 * calls that arrived in each interval of the day, over every day of that weekday
 * in the period but the days excluded. A day of the period with no call counts as
 * zero calls (a closed day lowers the mean: choose the period, or exclude the day). Every record counts,
 * whatever its outcome, at its `arrivalSeconds`.
 *
 * @param records call records
 * @param options interval length and period
 * @returns the rates, the calls per day and the number of records left out
 * @throws {RangeError} when the interval does not divide a day, the period is
 *   empty, or there are no records and no period
 * @example
 * // two Mondays, 3 calls at 08:10 on the first and 1 on the second
 * const calls = [6, 6, 6, 13].map((day) => ({
 *   arrivalSeconds: Date.UTC(2020, 0, day, 8, 10) / 1000, waitSeconds: 0, outcome: 'answered', handleSeconds: 60,
 * }) as const);
 * arrivalRatesByWeekday(calls, { intervalSeconds: 3600 }).weekdays[1]?.meanCalls[8]; // => 2 (weekdays[1] is Monday)
 */
export function arrivalRatesByWeekday(
  records: readonly ObservedCall[],
  options: ArrivalRateOptions = {},
): ArrivalRateEstimate {
  const fn = 'arrivalRatesByWeekday';
  const intervalSeconds = options.intervalSeconds ?? 1800;
  requirePositiveInteger(fn, 'intervalSeconds', intervalSeconds);
  if (86_400 % intervalSeconds !== 0) {
    throw new RangeError(`${fn}: intervalSeconds must divide a day of 86400 s (got ${intervalSeconds})`);
  }
  let first = Infinity;
  let last = -Infinity;
  for (const r of records) {
    if (r.arrivalSeconds < first) first = r.arrivalSeconds;
    if (r.arrivalSeconds > last) last = r.arrivalSeconds;
  }
  const firstDaySeconds = options.firstDaySeconds ?? Math.floor(first / 86_400) * 86_400;
  if (!Number.isFinite(firstDaySeconds) || firstDaySeconds % 86_400 !== 0) {
    throw new RangeError(
      `${fn}: firstDaySeconds must be a midnight, a multiple of 86400 (got ${firstDaySeconds})`,
    );
  }
  const days = options.days ?? Math.floor(last / 86_400) - firstDaySeconds / 86_400 + 1;
  requireNonNegativeInteger(fn, 'days', days);
  if (days === 0) throw new RangeError(`${fn}: the period holds no day (got days = 0)`);

  const perDay = 86_400 / intervalSeconds;
  const counts = new Float64Array(days * perDay);
  let outside = 0;
  for (const r of records) {
    const offset = r.arrivalSeconds - firstDaySeconds;
    const day = Math.floor(offset / 86_400);
    if (day < 0 || day >= days) {
      outside++;
      continue;
    }
    const slot = Math.floor((offset - day * 86_400) / intervalSeconds);
    counts[day * perDay + slot]!++;
  }
  const dailyCalls: number[] = [];
  for (let d = 0; d < days; d++) {
    let sum = 0;
    for (let s = 0; s < perDay; s++) sum += counts[d * perDay + s]!;
    dailyCalls.push(sum);
  }
  const weekdays: WeekdayArrivalRates[] = [];
  const excluded = new Set(options.excludedDays ?? []);
  for (let weekday = 0; weekday < 7; weekday++) {
    const dayIndexes: number[] = [];
    for (let d = 0; d < days; d++) {
      if (excluded.has(d)) continue;
      if (new Date((firstDaySeconds + d * 86_400) * 1000).getUTCDay() === weekday) dayIndexes.push(d);
    }
    if (dayIndexes.length === 0) continue;
    const meanCalls: number[] = [];
    const sdCalls: number[] = [];
    for (let s = 0; s < perDay; s++) {
      let mean = 0;
      let m2 = 0;
      dayIndexes.forEach((d, k) => {
        const x = counts[d * perDay + s]!;
        const delta = x - mean;
        mean += delta / (k + 1);
        m2 += delta * (x - mean); // Welford
      });
      meanCalls.push(mean);
      sdCalls.push(dayIndexes.length > 1 ? Math.sqrt(m2 / (dayIndexes.length - 1)) : 0);
    }
    weekdays.push({
      weekday,
      weekdayName: WEEKDAY_NAMES[weekday]!,
      days: dayIndexes.length,
      meanCalls,
      sdCalls,
      arrivalsPerHour: meanCalls.map((m) => (m * 3600) / intervalSeconds),
    });
  }
  return { intervalSeconds, firstDaySeconds, days, weekdays, dailyCalls, outside };
}
