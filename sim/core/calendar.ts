import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './packageRoot.js';

/**
 * Holiday calendars: which days are public holidays (放假) and which weekend
 * days are worked instead (调休上班), with working-day arithmetic on them.
 * Dates are ISO `YYYY-MM-DD` strings of the local calendar (no time zone, no
 * daylight saving).
 *
 * Two bases, chosen per input (a scenario's `calendar.holidays`, `--calendar`
 * for call records):
 * - `china`: the official calendar of mainland China as the maintained
 *   `chinese-days` package publishes it, one arrangement per year from the State
 *   Council's notices (国务院办公厅关于…部分节假日安排的通知), for the years the
 *   package covers (`calendarYears()`: 2004 to the year announced last). Its 2020
 *   includes the Spring Festival extension to 2 Feb by 国办发明电〔2020〕1号
 *   (31 Jan, 1 and 2 Feb holidays; 1 Feb, a Saturday, no longer worked): 30 days
 *   off, 6 worked weekend days, 249 working days (test/data/calendar.test.ts
 *   checks every one against both notices).
 * - `none`: no public holidays and no worked weekend days, any year (a center
 *   whose holidays do not matter, or are not Chinese: the Anonymous Bank is an
 *   Israeli center).
 * A holiday list of one's own (`SpecialDay`s, read by `readHolidayList`) is laid
 * over either base: its days replace the base's on those dates, and its years
 * count as covered. A year neither the base nor the list covers is refused,
 * naming the year, rather than guessed.
 *
 * Weekends are Saturday and Sunday in both bases; they matter only to
 * working-day arithmetic (the 12345 desk's deadlines).
 *
 * Not included (local or sector rules, not national holidays): Shanghai's notice
 * that enterprises not resume work before 24:00 on 9 Feb 2020, and the "Women's
 * Day" half day on 8 March. Put such days in a holiday list when they matter.
 */

/** What kind of day a date is in a holiday calendar. */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'adjustedWorkingDay';

/** A public holiday, or a weekend day worked instead (调休上班), of a holiday calendar or list. */
export interface SpecialDay {
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  /** `holiday`: a day off; `adjustedWorkingDay`: a Saturday or Sunday worked instead. */
  readonly kind: 'holiday' | 'adjustedWorkingDay';
  /** The holiday it belongs to, e.g. `春节 Spring Festival` (may be empty in a list of one's own). */
  readonly name: string;
}

/** The base of a holiday calendar: China's official calendar, or no holidays at all. */
export type CalendarBase = 'china' | 'none';

/** Options of {@link HolidayCalendar}. */
export interface HolidayCalendarOptions {
  /** `china` (the `chinese-days` package) or `none`. */
  readonly base: CalendarBase;
  /**
   * Days of one's own laid over the base: each replaces the base's kind of its
   * date, and each year that has one counts as covered.
   *
   * __Default value:__ none
   */
  readonly days?: readonly SpecialDay[];
  /**
   * Where those days came from, for messages and descriptions (a file name).
   *
   * __Default value:__ `'holiday list'`
   */
  readonly listName?: string;
}

const DAY_MS = 86_400_000;

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
  return t / DAY_MS;
}

function dayNumberToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The package's data: every day off and every weekend day worked, by ISO date, named `Spring Festival,春节,3`. */
interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

/**
 * The `chinese-days` package's published data (`dist/chinese-days.json`, which
 * its README offers for direct use). Why not its functions: they build their
 * tables at import from dates parsed as UTC midnight and formatted in local
 * time, so west of Greenwich every date moves a day (1 January 2020 comes out a
 * Wednesday worked); the JSON was generated once, correctly.
 */
function chinaData(): ChineseDaysData {
  const load = createRequire(join(packageRoot(), 'package.json'));
  const data = load('chinese-days/dist/chinese-days.json') as Partial<ChineseDaysData>;
  if (typeof data.holidays !== 'object' || typeof data.workdays !== 'object') {
    throw new Error('calendar: chinese-days/dist/chinese-days.json has no holidays and workdays tables');
  }
  return { holidays: data.holidays, workdays: data.workdays };
}

/** `Spring Festival,春节,3` (the package's name) as `春节 Spring Festival`. */
function holidayName(packageName: string): string {
  const [english = '', chinese = ''] = packageName.split(',');
  return [chinese, english].filter((part) => part !== '').join(' ');
}

let chinaDays: ReadonlyMap<string, SpecialDay> | undefined;

/** Every special day of the package (loaded once), by date: days off, and Saturdays and Sundays worked. */
function chinaSpecialDays(): ReadonlyMap<string, SpecialDay> {
  if (chinaDays === undefined) {
    const { holidays, workdays } = chinaData();
    const out = new Map<string, SpecialDay>();
    for (const [date, name] of Object.entries(holidays)) {
      isoToDayNumber(date);
      out.set(date, { date, kind: 'holiday', name: holidayName(name) });
    }
    for (const [date, name] of Object.entries(workdays)) {
      const weekday = new Date(isoToDayNumber(date) * DAY_MS).getUTCDay();
      // A weekday worked is an ordinary working day; the package lists only weekend days here.
      if (weekday === 0 || weekday === 6) {
        out.set(date, { date, kind: 'adjustedWorkingDay', name: holidayName(name) });
      }
    }
    chinaDays = out;
  }
  return chinaDays;
}

let chinaYears: readonly number[] | undefined;

/**
 * Years of the official calendar of mainland China that the `chinese-days`
 * package covers, ascending (2004 to the last year announced): the years with
 * at least one day off in its data (every year has New Year's Day).
 *
 * @returns the years
 * @example
 * calendarYears()[0]; // => 2004
 */
export function calendarYears(): readonly number[] {
  if (chinaYears === undefined) {
    const years = new Set<number>();
    for (const day of chinaSpecialDays().values()) {
      if (day.kind === 'holiday') years.add(Number(day.date.slice(0, 4)));
    }
    chinaYears = [...years].sort((a, b) => a - b);
  }
  return chinaYears;
}

/**
 * Years as runs: `[2004, ..., 2026]` -> `2004-2026`, `[2020, 2027]` -> `2020, 2027`.
 *
 * @param years whole years, ascending
 * @returns the runs, comma-separated
 * @example
 * formatYears([2004, 2005, 2006, 2020]); // => '2004-2006, 2020'
 */
export function formatYears(years: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < years.length;) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === (years[j] as number) + 1) j++;
    runs.push(j === i ? String(years[i]) : `${years[i]}-${years[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/**
 * A holiday calendar: China's official one or none, with days of one's own laid
 * over it, and working-day arithmetic on it (see the module comment).
 *
 * @example
 * const china = new HolidayCalendar({ base: 'china' });
 * china.dayKind('2025-01-26'); // => 'adjustedWorkingDay' (a Sunday worked before Spring Festival)
 * new HolidayCalendar({ base: 'none' }).dayKind('1999-02-01'); // => 'working'
 */
export class HolidayCalendar {
  /** The base: `china` or `none`. */
  readonly base: CalendarBase;
  /** Days of one's own, by date. */
  private readonly own: ReadonlyMap<string, SpecialDay>;
  private readonly ownYears: ReadonlySet<number>;
  private readonly listName: string;

  /**
   * @param options the base and the days of one's own
   * @throws {RangeError} for a malformed or impossible date in `days`, or a date given twice
   */
  constructor(options: HolidayCalendarOptions) {
    if (options.base !== 'china' && options.base !== 'none') {
      throw new RangeError(
        `HolidayCalendar: base must be "china" or "none" (got ${JSON.stringify(options.base)})`,
      );
    }
    this.base = options.base;
    this.listName = options.listName ?? 'holiday list';
    const own = new Map<string, SpecialDay>();
    const years = new Set<number>();
    for (const day of options.days ?? []) {
      isoToDayNumber(day.date);
      if (own.has(day.date)) throw new RangeError(`HolidayCalendar: ${day.date} is given twice`);
      own.set(day.date, day);
      years.add(Number(day.date.slice(0, 4)));
    }
    this.own = own;
    this.ownYears = years;
  }

  /**
   * What the calendar is, in words: `China's official calendar (chinese-days,
   * 2004-2026)`, with `+ holidays.csv (2027)` for a list of one's own laid over
   * it; `no holidays`, or the list alone (`holidays.csv (1999)`) over none.
   */
  get description(): string {
    const list = `${this.listName} (${formatYears([...this.ownYears].sort())})`;
    if (this.base === 'none') return this.own.size === 0 ? 'no holidays' : list;
    const china = `China's official calendar (chinese-days, ${formatYears(calendarYears())})`;
    return this.own.size === 0 ? china : `${china} + ${list}`;
  }

  /**
   * Whether the calendar knows a year's holidays: always with base `none`; with
   * `china`, a year of `calendarYears()` or of the list of one's own.
   *
   * @param year a whole year
   * @returns true when the year is covered
   * @example
   * new HolidayCalendar({ base: 'china' }).covers(2020); // => true
   */
  covers(year: number): boolean {
    return this.base === 'none' || this.ownYears.has(year) || calendarYears().includes(year);
  }

  /**
   * The years of `days` days from `startDate` that the calendar does not cover.
   *
   * @param startDate ISO date of the first day
   * @param days a positive number of days
   * @returns the years not covered, ascending (empty when all are)
   * @throws {RangeError} for a malformed date
   * @example
   * new HolidayCalendar({ base: 'china' }).uncoveredYears('2026-12-01', 62); // => [2027]
   */
  uncoveredYears(startDate: string, days: number): number[] {
    const first = new Date(isoToDayNumber(startDate) * DAY_MS).getUTCFullYear();
    const last = new Date((isoToDayNumber(startDate) + Math.max(days, 1) - 1) * DAY_MS).getUTCFullYear();
    const out: number[] = [];
    for (let year = first; year <= last; year++) if (!this.covers(year)) out.push(year);
    return out;
  }

  /**
   * The special days (holidays and worked weekend days) of a year, by date.
   *
   * @param year a covered year
   * @returns the days, ascending by date
   * @throws {RangeError} for a year the calendar does not cover
   * @example
   * new HolidayCalendar({ base: 'china' }).specialDays(2020).filter((d) => d.kind === 'holiday').length; // => 30
   */
  specialDays(year: number): SpecialDay[] {
    this.requireYear('specialDays', year, String(year));
    const out = new Map<string, SpecialDay>(
      this.base === 'china' ? [...chinaSpecialDays()].filter(([date]) => date.startsWith(`${year}-`)) : [],
    );
    for (const [date, day] of this.own) if (date.startsWith(`${year}-`)) out.set(date, day);
    return [...out.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /**
   * What kind of day a date is: a public holiday, a weekend day worked instead
   * (调休上班), an ordinary weekend day, or an ordinary working day.
   *
   * @param date ISO date `YYYY-MM-DD`, in a covered year
   * @returns `'holiday'`, `'adjustedWorkingDay'`, `'weekend'` or `'working'`
   * @throws {RangeError} for a malformed date or a year the calendar does not cover
   * @example
   * new HolidayCalendar({ base: 'china' }).dayKind('2020-02-01'); // => 'holiday' (extended Spring Festival)
   */
  dayKind(date: string): DayKind {
    return this.kindOf('dayKind', date);
  }

  /**
   * Whether a date is a working day: Monday to Friday unless a holiday, and the
   * weekend days worked instead.
   *
   * @param date ISO date `YYYY-MM-DD`, in a covered year
   * @returns true on a working day
   * @throws {RangeError} for a malformed date or a year the calendar does not cover
   * @example
   * new HolidayCalendar({ base: 'china' }).isWorkingDay('2020-10-10'); // => true (a Saturday worked)
   */
  isWorkingDay(date: string): boolean {
    const kind = this.kindOf('isWorkingDay', date);
    return kind === 'working' || kind === 'adjustedWorkingDay';
  }

  /**
   * The date `n` working days after `date` (before it when `n` is negative); `n
   * = 0` gives `date` itself, working day or not. This is how a deadline of "5
   * working days" is counted: the working days strictly after the start day.
   *
   * @param date ISO date `YYYY-MM-DD`
   * @param n whole number of working days, may be negative
   * @returns ISO date of the n-th working day after (or before) `date`
   * @throws {RangeError} for a malformed date, a non-integer `n`, or a date the
   *   calendar does not cover (including one reached while counting)
   * @example
   * new HolidayCalendar({ base: 'china' }).addWorkingDays('2020-09-30', 1); // => '2020-10-09'
   */
  addWorkingDays(date: string, n: number): string {
    return this.add('addWorkingDays', date, n);
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
   * new HolidayCalendar({ base: 'china' }).workingDaysBetween('2020-09-30', '2020-10-09'); // => 1
   */
  workingDaysBetween(from: string, to: string): number {
    return this.between('workingDaysBetween', from, to);
  }

  /** @internal the kind of a date, messages naming `fn` */
  kindOf(fn: string, date: string): DayKind {
    const day = isoToDayNumber(date);
    this.requireYear(fn, Number(date.slice(0, 4)), date);
    const special = this.own.get(date) ?? (this.base === 'china' ? chinaSpecialDays().get(date) : undefined);
    if (special !== undefined) return special.kind;
    const weekday = new Date(day * DAY_MS).getUTCDay(); // 0 Sunday
    return weekday === 0 || weekday === 6 ? 'weekend' : 'working';
  }

  /** @internal `addWorkingDays`, messages naming `fn` */
  add(fn: string, date: string, n: number): string {
    if (!Number.isInteger(n)) throw new RangeError(`${fn}: n must be an integer (got ${n})`);
    let day = isoToDayNumber(date);
    this.requireYear(fn, Number(date.slice(0, 4)), date);
    const step = n >= 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0;) {
      day += step;
      const kind = this.kindOf(fn, dayNumberToIso(day));
      if (kind === 'working' || kind === 'adjustedWorkingDay') left--;
    }
    return dayNumberToIso(day);
  }

  /** @internal `workingDaysBetween`, messages naming `fn` */
  between(fn: string, from: string, to: string): number {
    const a = isoToDayNumber(from);
    const b = isoToDayNumber(to);
    this.requireYear(fn, Number(from.slice(0, 4)), from);
    this.requireYear(fn, Number(to.slice(0, 4)), to);
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) {
      const kind = this.kindOf(fn, dayNumberToIso(day));
      if (kind === 'working' || kind === 'adjustedWorkingDay') count++;
    }
    return sign * count;
  }

  private requireYear(fn: string, year: number, shown: string): void {
    if (this.covers(year)) return;
    const own =
      this.ownYears.size > 0 ? ` and the ${this.listName} for ${formatYears([...this.ownYears].sort())}` : '';
    throw new RangeError(
      `${fn}: the official calendar of mainland China is known for ${formatYears(calendarYears())}${own} only (got ${shown})`,
    );
  }
}

/** China's official calendar, as the `chinese-days` package gives it (`calendarYears()`). */
export const CHINA_CALENDAR = new HolidayCalendar({ base: 'china' });

/** No holidays and no worked weekend days, any year. */
export const NO_HOLIDAYS = new HolidayCalendar({ base: 'none' });

/**
 * What kind of day a date is in the official calendar of mainland China
 * (`CHINA_CALENDAR`): a public holiday, a weekend day worked instead
 * (调休上班), an ordinary weekend day, or an ordinary working day.
 *
 * @param date ISO date `YYYY-MM-DD`, in a year of `calendarYears()`
 * @returns `'holiday'`, `'adjustedWorkingDay'`, `'weekend'` or `'working'`
 * @throws {RangeError} for a malformed date or a year the calendar does not cover
 * @example
 * dayKind('2020-01-19'); // => 'adjustedWorkingDay' (a Sunday worked before Spring Festival)
 * dayKind('2020-02-01'); // => 'holiday' (extended Spring Festival)
 */
export function dayKind(date: string): DayKind {
  return CHINA_CALENDAR.kindOf('dayKind', date);
}

/**
 * Whether a date is an official working day in mainland China: Monday to Friday
 * unless a public holiday, and the weekend days worked in exchange (调休上班).
 *
 * @param date ISO date `YYYY-MM-DD`, in a year of `calendarYears()`
 * @returns true on a working day
 * @throws {RangeError} for a malformed date or a year the calendar does not cover
 * @example
 * isWorkingDay('2020-10-09'); // => true (Friday)
 * isWorkingDay('2020-10-10'); // => true (a Saturday worked after National Day)
 * isWorkingDay('2020-10-08'); // => false (National Day holiday)
 */
export function isWorkingDay(date: string): boolean {
  const kind = CHINA_CALENDAR.kindOf('isWorkingDay', date);
  return kind === 'working' || kind === 'adjustedWorkingDay';
}

/**
 * The date `n` official working days of mainland China after `date` (before it
 * when `n` is negative); `n = 0` gives `date` itself. Deadlines of "n working
 * days" count the working days strictly after the start day.
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
  return CHINA_CALENDAR.add('addWorkingDays', date, n);
}

/**
 * Official working days of mainland China strictly after `from` up to and
 * including `to` (negative when `to` is before `from`): the inverse of
 * `addWorkingDays`.
 *
 * @param from ISO date
 * @param to ISO date
 * @returns the count of working days in (from, to]
 * @throws {RangeError} for a malformed date or one the calendar does not cover
 * @example
 * workingDaysBetween('2020-09-30', '2020-10-09'); // => 1
 */
export function workingDaysBetween(from: string, to: string): number {
  return CHINA_CALENDAR.between('workingDaysBetween', from, to);
}
