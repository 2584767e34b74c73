import type { HolidayCalendar } from '../core/calendar.js';
import { WEEKS_AVERAGED } from './models.js';
import { replaceOutliers, type ReplacedInterval } from './outliers.js';
import { isoDate } from './series.js';
import type { DayType, DayTypeOf, SpecialDayRule } from './types.js';

/*
 * What the methods learn from: the history with its special days replaced,
 * then its outliers (outliers.ts).
 *
 * Holidays and worked weekend days (调休上班). The methods see ordinary days
 * only: in the history, each special day is replaced by the mean of the
 * nearest ordinary days of its weekday (up to four, a week or more away on
 * either side). A special day of the horizon is forecast as the ordinary
 * pattern of its date times the ratio such days had in the history (their
 * calls over what replaced them), spread over the day as they were; with none
 * in the history, a holiday is forecast like the quietest weekday and a worked
 * weekend day like the mean of the five busiest (assumed rules, said so).
 */

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Weekday (0 Sunday) of a day number. */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

interface TypeProfile {
  /** Calls of such days over their replacement. */
  ratio: number;
  /** Share of the day's calls per interval. */
  shares: Float64Array;
  days: number;
}

/** The history with special days and outliers replaced, and what the special days showed. */
export interface PreparedHistory {
  /** Calls per interval, special days replaced by their weekday's ordinary pattern, then outliers by their neighbours' median. */
  readonly cleaned: Float64Array;
  /** The outliers replaced (`replaceOutliers`). */
  readonly outliers: readonly ReplacedInterval[];
  /** Per special type found in the history: ratio and intraday shares. */
  readonly learnt: ReadonlyMap<'holiday' | 'workedWeekend', TypeProfile>;
  /** Mean calls per day of each weekday (0 Sunday) over the last weeks of the cleaned history. */
  readonly weekdayMeans: readonly number[];
  /** Intraday shares of each weekday (0 Sunday) over the last weeks of the cleaned history. */
  readonly weekdayShares: readonly Float64Array[];
  /** Special days in the history, by type. */
  readonly counts: { readonly holiday: number; readonly workedWeekend: number };
}

/**
 * Replace the special days of a history by their weekday's ordinary pattern,
 * and learn what such days look like; then replace the outliers.
 *
 * @param history calls per interval, whole days
 * @param startDay day number (days since 1970-01-01) of the history's first day
 * @param perDay intervals per day
 * @param dayType the calendar
 * @returns the cleaned history and the special days' ratios and shares
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const series = offeredCallsSeries(bank.records, { intervalMinutes: 60 });
 * const history = Float64Array.from(series.calls).slice(0, 21 * 24); // 1-21 February 1999, by the hour
 * const prepared = prepareHistory(history, Date.parse(series.startDate) / 86_400_000, 24, () => 'ordinary'); // no special day
 * prepared.outliers.length; // => 3
 */
export function prepareHistory(
  history: Float64Array,
  startDay: number,
  perDay: number,
  dayType: DayTypeOf,
): PreparedHistory {
  const days = history.length / perDay;
  const types = Array.from({ length: days }, (_, d) => dayType(isoDate(startDay + d)));
  const cleaned = Float64Array.from(history);
  const sums = new Map<
    'holiday' | 'workedWeekend',
    { actual: number; replaced: number; shares: Float64Array; days: number }
  >();
  const counts = { holiday: 0, workedWeekend: 0 };
  for (let d = 0; d < days; d++) {
    const type = types[d];
    if (type === 'ordinary' || type === undefined) continue;
    counts[type]++;
    // The nearest ordinary days of the same weekday, nearest first, up to WEEKS_AVERAGED.
    const donors: number[] = [];
    for (let k = 1; donors.length < WEEKS_AVERAGED && (d - 7 * k >= 0 || d + 7 * k < days); k++) {
      for (const e of [d - 7 * k, d + 7 * k]) {
        if (e >= 0 && e < days && types[e] === 'ordinary' && donors.length < WEEKS_AVERAGED) donors.push(e);
      }
    }
    if (donors.length === 0) continue; // nothing to learn from or replace with: kept as it was
    let actual = 0;
    let replaced = 0;
    const entry = sums.get(type) ?? { actual: 0, replaced: 0, shares: new Float64Array(perDay), days: 0 };
    for (let s = 0; s < perDay; s++) {
      let v = 0;
      for (const e of donors) v += history[e * perDay + s] ?? 0;
      v /= donors.length;
      const a = history[d * perDay + s] ?? 0;
      actual += a;
      replaced += v;
      entry.shares[s] = (entry.shares[s] ?? 0) + a;
      cleaned[d * perDay + s] = v;
    }
    entry.actual += actual;
    entry.replaced += replaced;
    entry.days++;
    sums.set(type, entry);
  }
  const learnt = new Map<'holiday' | 'workedWeekend', TypeProfile>();
  for (const [type, e] of sums) {
    if (e.replaced <= 0 || e.actual <= 0) continue;
    learnt.set(type, {
      ratio: e.actual / e.replaced,
      shares: e.shares.map((x) => x / e.actual),
      days: e.days,
    });
  }
  const outliers = replaceOutliers(cleaned, perDay);
  // Weekday means and shares over the last WEEKS_AVERAGED weeks of the cleaned history.
  const weekdayMeans = new Array<number>(7).fill(0);
  const weekdayShares = Array.from({ length: 7 }, () => new Float64Array(perDay));
  const seen = new Array<number>(7).fill(0);
  for (let d = Math.max(0, days - 7 * WEEKS_AVERAGED); d < days; d++) {
    const w = weekdayOf(startDay + d);
    seen[w] = (seen[w] ?? 0) + 1;
    for (let s = 0; s < perDay; s++) {
      const v = cleaned[d * perDay + s] ?? 0;
      weekdayMeans[w] = (weekdayMeans[w] ?? 0) + v;
      const shares = weekdayShares[w] as Float64Array;
      shares[s] = (shares[s] ?? 0) + v;
    }
  }
  for (let w = 0; w < 7; w++) {
    const total = weekdayMeans[w] ?? 0;
    const shares = weekdayShares[w] as Float64Array;
    for (let s = 0; s < perDay; s++) shares[s] = total > 0 ? (shares[s] ?? 0) / total : 0;
    weekdayMeans[w] = (seen[w] ?? 0) > 0 ? total / (seen[w] as number) : 0;
  }
  return { cleaned, outliers, learnt, weekdayMeans, weekdayShares, counts };
}

/** The weekdays an assumed rule takes a special day's pattern from (0 Sunday). */
function assumedWeekdays(type: 'holiday' | 'workedWeekend', means: readonly number[]): number[] {
  const order = [0, 1, 2, 3, 4, 5, 6].sort((a, b) => (means[a] ?? 0) - (means[b] ?? 0) || a - b);
  return type === 'holiday' ? order.slice(0, 1) : order.slice(2).sort((a, b) => a - b);
}

/**
 * How each kind of special day is forecast: from the history's days of that
 * kind, or by the assumed rule.
 *
 * @param prepared what `prepareHistory` learnt
 * @returns one rule per special day type
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const series = offeredCallsSeries(bank.records, { intervalMinutes: 60 });
 * const history = Float64Array.from(series.calls).slice(0, 21 * 24); // 1-21 February 1999, by the hour
 * specialDayRules(prepareHistory(history, Date.parse(series.startDate) / 86_400_000, 24, () => 'ordinary'))[0];
 * // => { dayType: 'holiday', basis: 'assumed', asWeekdays: ['Saturday'], daysInHistory: 0 }
 */
export function specialDayRules(prepared: PreparedHistory): SpecialDayRule[] {
  return (['holiday', 'workedWeekend'] as const).map((type) => {
    const learnt = prepared.learnt.get(type);
    if (learnt !== undefined) {
      return { dayType: type, basis: 'history', ratio: learnt.ratio, daysInHistory: learnt.days };
    }
    return {
      dayType: type,
      basis: 'assumed',
      asWeekdays: assumedWeekdays(type, prepared.weekdayMeans).map((w) => WEEKDAY_NAMES[w] as string),
      daysInHistory: prepared.counts[type],
    };
  });
}

/**
 * Turn an ordinary-day forecast into the forecast of the calendar: each
 * special day gets its kind's ratio and intraday shares (see the file's note).
 *
 * @param ordinary the methods' forecast per interval, whole days from `firstDay`
 * @param firstDay day number of the forecast's first day
 * @param perDay intervals per day
 * @param dayType the calendar
 * @param prepared what `prepareHistory` learnt from the history the forecast came from
 * @returns the forecast per interval (a new array)
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const series = offeredCallsSeries(bank.records, { intervalMinutes: 60 });
 * const history = Float64Array.from(series.calls).slice(0, 21 * 24); // 1-21 February 1999, by the hour
 * const prepared = prepareHistory(history, Date.parse(series.startDate) / 86_400_000, 24, () => 'ordinary');
 * const ordinary = new Float64Array(24).fill(10); // an ordinary day's forecast, 10 calls an hour
 * withSpecialDays(ordinary, Date.parse('1999-02-22') / 86_400_000, 24, () => 'ordinary', prepared)[0]; // => 10 (not a special day)
 */
export function withSpecialDays(
  ordinary: Float64Array,
  firstDay: number,
  perDay: number,
  dayType: DayTypeOf,
  prepared: PreparedHistory,
): Float64Array {
  const out = Float64Array.from(ordinary);
  const days = ordinary.length / perDay;
  for (let d = 0; d < days; d++) {
    const type = dayType(isoDate(firstDay + d));
    if (type === 'ordinary') continue;
    let total = 0;
    for (let s = 0; s < perDay; s++) total += ordinary[d * perDay + s] ?? 0;
    const learnt = prepared.learnt.get(type);
    let shares: Float64Array;
    if (learnt !== undefined) {
      total *= learnt.ratio;
      shares = learnt.shares;
    } else {
      const like = assumedWeekdays(type, prepared.weekdayMeans);
      const own = prepared.weekdayMeans[weekdayOf(firstDay + d)] ?? 0;
      const target = like.reduce((sum, w) => sum + (prepared.weekdayMeans[w] ?? 0), 0) / like.length;
      total = own > 0 ? (total * target) / own : target;
      shares = new Float64Array(perDay);
      for (const w of like) {
        const from = prepared.weekdayShares[w] as Float64Array;
        for (let s = 0; s < perDay; s++) shares[s] = (shares[s] ?? 0) + (from[s] ?? 0) / like.length;
      }
    }
    for (let s = 0; s < perDay; s++) out[d * perDay + s] = total * (shares[s] ?? 0);
  }
  return out;
}

/**
 * The forecast's day types from a holiday calendar (`sim/core/calendar.ts`:
 * China's official one, none, or a holiday list of one's own): public
 * holidays, weekend days worked instead (调休上班), and every other day
 * ordinary (its weekday gives its pattern).
 *
 * @param calendar the calendar (`CHINA_CALENDAR`, `NO_HOLIDAYS`, or a `HolidayCalendar` with a list)
 * @returns the day type of an ISO date; it throws for a year the calendar does not cover
 * @example
 * dayTypesOf(CHINA_CALENDAR)('2020-10-01'); // => 'holiday'
 * dayTypesOf(CHINA_CALENDAR)('2020-09-27'); // => 'workedWeekend'
 * dayTypesOf(NO_HOLIDAYS)('1999-02-22'); // => 'ordinary'
 */
export function dayTypesOf(calendar: HolidayCalendar): DayTypeOf {
  return (date: string): DayType => {
    const kind = calendar.dayKind(date);
    if (kind === 'holiday') return 'holiday';
    return kind === 'adjustedWorkingDay' ? 'workedWeekend' : 'ordinary';
  };
}
