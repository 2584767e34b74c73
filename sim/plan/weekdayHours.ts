import { emptyCounts, PERIOD_COUNT_FIELDS } from '../model/kpis.js';
import type { IntervalRow, PeriodCounts } from '../model/types.js';

/** Names of the days of the week, Monday first (index = `weekday`). */
export const WEEKDAY_NAMES: readonly string[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Counts of one hour of one day of the week, summed over every such hour of the horizon. */
export interface WeekdayHourCounts extends PeriodCounts {
  /** Day of the week, 0 = Monday ... 6 = Sunday. */
  weekday: number;
  /** Hour of the day, 0 to 23 (an interval belongs to the hour it starts in). */
  hour: number;
}

/**
 * Sum interval rows by day of the week and hour of the day: 168 rows, Monday
 * 00:00 first, each the sum of every interval of the horizon that starts in
 * that hour of that weekday. KPIs of a row (`kpisOf`) are then ratios of sums,
 * like the quarters'. Rows for hours the horizon never reaches have zero counts.
 *
 * @param intervals interval rows of one run (their `start` is local `YYYY-MM-DDTHH:MM`)
 * @returns 168 rows, index `weekday * 24 + hour`
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const rows = weekdayHourCounts(simulate(base, { seed: 1 }).intervals);
 * [rows.length, rows[9]?.weekday, rows[9]?.hour]; // => [168, 0, 9] (Mondays 09:00-10:00)
 * kpisOf(rows[9]!).answerRate !== null; // => true
 */
export function weekdayHourCounts(intervals: readonly IntervalRow[]): WeekdayHourCounts[] {
  const rows: WeekdayHourCounts[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) rows.push({ weekday, hour, ...emptyCounts() });
  }
  let lastDate = '';
  let weekday = 0;
  for (const interval of intervals) {
    const date = interval.start.slice(0, 10);
    if (date !== lastDate) {
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7; // Monday = 0
      lastDate = date;
    }
    const hour = Number(interval.start.slice(11, 13));
    const row = rows[weekday * 24 + hour];
    if (row === undefined) throw new Error(`weekdayHourCounts: bad interval start ${interval.start}`);
    for (const field of PERIOD_COUNT_FIELDS) row[field] += interval[field];
  }
  return rows;
}
