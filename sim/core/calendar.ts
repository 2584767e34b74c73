/**
 * The official calendar of mainland China for 2020: public holidays (放假) and
 * the weekend days worked instead (调休上班), as data, with working-day
 * arithmetic on it. Dates are ISO `YYYY-MM-DD` strings of the local calendar
 * (no time zone, no daylight saving).
 *
 * Sources:
 * - 国务院办公厅关于2020年部分节假日安排的通知 (国办发明电〔2019〕16号, 2019-11-21):
 *   元旦 1 Jan (1 day); 春节 24-30 Jan (7 days), 19 Jan (Sun) and 1 Feb (Sat) worked;
 *   清明节 4-6 Apr (3 days); 劳动节 1-5 May (5 days), 26 Apr (Sun) and 9 May (Sat) worked;
 *   端午节 25-27 Jun (3 days), 28 Jun (Sun) worked; 国庆节·中秋节 1-8 Oct (8 days),
 *   27 Sep (Sun) and 10 Oct (Sat) worked.
 * - 国务院办公厅关于延长2020年春节假期的通知 (国办发明电〔2020〕1号, dated 2020-01-26 and
 *   published 2020-01-27, as we recall the dates; the content below is what matters):
 *   the Spring Festival holiday extended to 2 Feb (正月初九, a Sunday), normal work
 *   from 3 Feb. So 31 Jan, 1 Feb and 2 Feb became holidays and 1 Feb, formerly a
 *   Saturday worked, is no longer a working day.
 *
 * The dates above were checked against re-posts of both notices' full text
 * (e.g. kaixinit.com/news/3681.html, gansulong.com/c/0Q25M3X2022_2.html).
 *
 * Not included (local or sector rules, not national holidays): Shanghai's notice
 * that enterprises not resume work before 24:00 on 9 Feb 2020 (上海市人民政府关于延迟本市
 * 企业复工和学校开学的通知, late January 2020; title and date as we recall them),
 * and the "Women's Day" half day on 8 March. Working days here are the national
 * official ones.
 */

/** One named holiday period and the weekend days worked in exchange for it. */
export interface HolidayPeriod {
  /** Chinese and English name: `春节 Spring Festival`. */
  readonly name: string;
  /** Days off, ISO dates, consecutive. */
  readonly daysOff: readonly string[];
  /** Weekend days that are working days instead (调休上班), ISO dates. */
  readonly adjustedWorkingDays: readonly string[];
  /** The notice that sets it. */
  readonly source: string;
}

const NOTICE_2019_16 = '国办发明电〔2019〕16号 国务院办公厅关于2020年部分节假日安排的通知';
const NOTICE_2020_1 = '国办发明电〔2020〕1号 国务院办公厅关于延长2020年春节假期的通知';

function dayRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = isoToDayNumber(first); t <= isoToDayNumber(last); t++) out.push(dayNumberToIso(t));
  return out;
}

/** The 2020 holiday periods of mainland China, with the Spring Festival extension applied. */
export const CHINA_HOLIDAYS_2020: readonly HolidayPeriod[] = [
  { name: '元旦 New Year', daysOff: ['2020-01-01'], adjustedWorkingDays: [], source: NOTICE_2019_16 },
  {
    name: '春节 Spring Festival',
    daysOff: dayRange('2020-01-24', '2020-02-02'),
    // 1 Feb (Sat) was a working day in 〔2019〕16号; 〔2020〕1号 made it a holiday.
    adjustedWorkingDays: ['2020-01-19'],
    source: `${NOTICE_2019_16}; extended to 2 Feb by ${NOTICE_2020_1}`,
  },
  {
    name: '清明节 Qingming',
    daysOff: dayRange('2020-04-04', '2020-04-06'),
    adjustedWorkingDays: [],
    source: NOTICE_2019_16,
  },
  {
    name: '劳动节 Labour Day',
    daysOff: dayRange('2020-05-01', '2020-05-05'),
    adjustedWorkingDays: ['2020-04-26', '2020-05-09'],
    source: NOTICE_2019_16,
  },
  {
    name: '端午节 Dragon Boat Festival',
    daysOff: dayRange('2020-06-25', '2020-06-27'),
    adjustedWorkingDays: ['2020-06-28'],
    source: NOTICE_2019_16,
  },
  {
    name: '国庆节、中秋节 National Day and Mid-Autumn Festival',
    daysOff: dayRange('2020-10-01', '2020-10-08'),
    adjustedWorkingDays: ['2020-09-27', '2020-10-10'],
    source: NOTICE_2019_16,
  },
];

const HOLIDAYS = new Set(CHINA_HOLIDAYS_2020.flatMap((p) => p.daysOff));
const WORKED_WEEKEND_DAYS = new Set(CHINA_HOLIDAYS_2020.flatMap((p) => p.adjustedWorkingDays));

/** Years the calendar covers; other years throw rather than guess. */
export const CALENDAR_YEARS: readonly number[] = [2020];

/** What kind of day a date is in the official calendar. */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'adjustedWorkingDay';

/** Days since 1970-01-01 of an ISO date; throws on a malformed or impossible date. */
function isoToDayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) throw new RangeError(`calendar: date must be YYYY-MM-DD (got ${JSON.stringify(date)})`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`calendar: ${date} is not a calendar date`);
  }
  return t / 86_400_000;
}

function dayNumberToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function requireCovered(fn: string, date: string): number {
  const day = isoToDayNumber(date);
  const year = new Date(day * 86_400_000).getUTCFullYear();
  if (!CALENDAR_YEARS.includes(year)) {
    throw new RangeError(
      `${fn}: the official calendar is known for ${CALENDAR_YEARS.join(', ')} only (got ${date})`,
    );
  }
  return day;
}

/**
 * What kind of day a date is: a public holiday, a weekend day worked instead
 * (调休上班), an ordinary weekend day, or an ordinary working day.
 *
 * @param date ISO date `YYYY-MM-DD`, in a year of `CALENDAR_YEARS`
 * @returns `'holiday'`, `'adjustedWorkingDay'`, `'weekend'` or `'working'`
 * @throws {RangeError} for a malformed date or a year the calendar does not cover
 * @example
 * dayKind('2020-01-19'); // => 'adjustedWorkingDay' (a Sunday worked before Spring Festival)
 * dayKind('2020-02-01'); // => 'holiday' (extended Spring Festival)
 */
export function dayKind(date: string): DayKind {
  return kindOf('dayKind', date);
}

function kindOf(fn: string, date: string): DayKind {
  const day = requireCovered(fn, date);
  if (HOLIDAYS.has(date)) return 'holiday';
  if (WORKED_WEEKEND_DAYS.has(date)) return 'adjustedWorkingDay';
  const weekday = new Date(day * 86_400_000).getUTCDay(); // 0 Sunday
  return weekday === 0 || weekday === 6 ? 'weekend' : 'working';
}

/**
 * Whether a date is an official working day in mainland China: Monday to Friday
 * unless a public holiday, and the weekend days worked in exchange (调休上班).
 *
 * @param date ISO date `YYYY-MM-DD`, in a year of `CALENDAR_YEARS`
 * @returns true on a working day
 * @throws {RangeError} for a malformed date or a year the calendar does not cover
 * @example
 * isWorkingDay('2020-10-09'); // => true (Friday)
 * isWorkingDay('2020-10-10'); // => true (a Saturday worked after National Day)
 * isWorkingDay('2020-10-08'); // => false (National Day holiday)
 */
export function isWorkingDay(date: string): boolean {
  const kind = kindOf('isWorkingDay', date);
  return kind === 'working' || kind === 'adjustedWorkingDay';
}

/**
 * The date `n` working days after `date` (before it when `n` is negative); `n =
 * 0` gives `date` itself, working day or not. This is how a deadline of "5
 * working days" is counted: the working days strictly after the start day.
 *
 * @param date ISO date `YYYY-MM-DD`
 * @param n whole number of working days, may be negative
 * @returns ISO date of the n-th working day after (or before) `date`
 * @throws {RangeError} for a malformed date, a non-integer `n`, or a date the
 *   calendar does not cover (including one reached while counting)
 * @example
 * addWorkingDays('2020-09-30', 1); // => '2020-10-09' (1-8 Oct are holidays)
 * addWorkingDays('2020-01-23', 1); // => '2020-02-03'
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer (got ${n})`);
  let day = requireCovered('addWorkingDays', date);
  const step = n >= 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    const iso = dayNumberToIso(day);
    requireCovered('addWorkingDays', iso);
    if (isWorkingDay(iso)) left--;
  }
  return dayNumberToIso(day);
}

/**
 * Working days strictly after `from` up to and including `to` (negative when
 * `to` is before `from`): the inverse of `addWorkingDays`.
 *
 * @param from ISO date
 * @param to ISO date
 * @returns the count of working days in (from, to]
 * @throws {RangeError} for a malformed date or one the calendar does not cover
 * @example
 * workingDaysBetween('2020-09-30', '2020-10-09'); // => 1
 */
export function workingDaysBetween(from: string, to: string): number {
  const a = requireCovered('workingDaysBetween', from);
  const b = requireCovered('workingDaysBetween', to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = lo + 1; day <= hi; day++) if (isWorkingDay(dayNumberToIso(day))) count++;
  return sign * count;
}
