import { CHINA_CALENDAR, calendarYears, formatYears, isWorkingDay } from '../../core/calendar.js';
import { requireNonNegativeInteger, requirePositiveInteger } from '../../core/validate.js';

/**
 * Working time for the 12345 desk: business hours on the official working
 * calendar of mainland China (holidays and the weekend days worked instead, from
 * `sim/core/calendar.ts`, for the years the `chinese-days` package covers). Simulated time is seconds since 00:00 of the start
 * date; "business time" is the seconds of open hours elapsed since then, so a
 * deadline of "2 working hours" or "5 working days" is arithmetic on it.
 *
 * Days after the last year the official calendar covers are counted
 * Monday to Friday: they are only needed for the deadlines of orders that
 * arrive near the end of the horizon, which fall after it and are not measured.
 */

const DAY_SECONDS = 86_400;

/**
 * Parse a time of day `HH:MM` into seconds after midnight (24:00 allowed).
 *
 * @param fn the calling function, for the message
 * @param name the field, for the message
 * @param text the time, `HH:MM`
 * @returns seconds after midnight
 * @throws {RangeError} naming the function and field when the text is not a time of day
 * @example
 * clockSeconds('simulateDesk', 'businessHours.opensAt', '08:30'); // => 30600
 */
export function clockSeconds(fn: string, name: string, text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  const hours = m ? Number(m[1]) : NaN;
  const minutes = m ? Number(m[2]) : NaN;
  if (!(hours >= 0 && hours <= 24 && minutes >= 0 && minutes < 60) || hours * 60 + minutes > 1_440) {
    throw new RangeError(`${fn}: ${name} must be a time of day HH:MM (got ${JSON.stringify(text)})`);
  }
  return hours * 3_600 + minutes * 60;
}

/** Days since 1970-01-01 of an ISO date, or NaN. */
function dayNumber(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return NaN;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date ? NaN : t / 86_400_000;
}

/**
 * Business hours on the working calendar over a horizon, plus a run-out of
 * days after it for deadlines. Built once per run; every query is O(1) but
 * `timeAtBusiness` (a binary search over working days).
 *
 * @example
 * const cal = new BusinessCalendar('2020-04-03', 30, 30_600, 63_000);
 * cal.closeOfWorkingDayAfter(0, 5) / 86_400; // => 10.729167 (17:30 on 2020-04-13)
 */
export class BusinessCalendar {
  /** Days in the horizon (measured). */
  readonly horizonDays: number;
  /** Days held: the horizon plus the run-out. */
  readonly days: number;
  /** Opening time, seconds after midnight. */
  readonly opensAtSeconds: number;
  /** Closing time, seconds after midnight. */
  readonly closesAtSeconds: number;
  /** Open seconds of a working day. */
  readonly openSeconds: number;
  /** 1 for a working day, by day index. */
  readonly working: Uint8Array;
  /** Days of the run-out that are beyond the official calendar (counted Monday to Friday). */
  readonly assumedDays: number;
  private readonly startDay: number;
  private readonly cumulative: Float64Array; // business seconds before day d (length days + 1)
  private readonly workingDays: Int32Array; // day indices of working days, ascending
  private readonly rankUpTo: Int32Array; // working days with index <= d

  /**
   * @param startDate ISO date of day 0, in a year of `calendarYears()`
   * @param horizonDays days simulated, a positive integer, all in covered years
   * @param opensAtSeconds opening time, seconds after midnight
   * @param closesAtSeconds closing time, seconds after midnight, after the opening
   * @param runOutDays days kept after the horizon for deadlines
   * @throws {RangeError} for a bad date, a horizon outside the calendar, or closing not after opening
   */
  constructor(
    readonly startDate: string,
    horizonDays: number,
    opensAtSeconds: number,
    closesAtSeconds: number,
    runOutDays = 90,
  ) {
    const fn = 'BusinessCalendar';
    requirePositiveInteger(fn, 'horizonDays', horizonDays);
    requireNonNegativeInteger(fn, 'runOutDays', runOutDays);
    const start = dayNumber(startDate);
    if (Number.isNaN(start))
      throw new RangeError(`${fn}: startDate must be an ISO date YYYY-MM-DD (got ${startDate})`);
    if (!(closesAtSeconds > opensAtSeconds && opensAtSeconds >= 0 && closesAtSeconds <= DAY_SECONDS)) {
      throw new RangeError(
        `${fn}: business hours must close after they open, within the day (got ${opensAtSeconds} to ${closesAtSeconds} s)`,
      );
    }
    this.startDay = start;
    this.horizonDays = horizonDays;
    this.days = horizonDays + runOutDays;
    this.opensAtSeconds = opensAtSeconds;
    this.closesAtSeconds = closesAtSeconds;
    this.openSeconds = closesAtSeconds - opensAtSeconds;
    this.working = new Uint8Array(this.days);
    this.cumulative = new Float64Array(this.days + 1);
    this.rankUpTo = new Int32Array(this.days);
    const list: number[] = [];
    let assumed = 0;
    for (let d = 0; d < this.days; d++) {
      const iso = this.isoDate(d);
      const year = Number(iso.slice(0, 4));
      let open: boolean;
      if (CHINA_CALENDAR.covers(year)) open = isWorkingDay(iso);
      else if (d < horizonDays) {
        throw new RangeError(
          `${fn}: the horizon must lie in ${formatYears(calendarYears())}, the years of the official calendar (got ${iso})`,
        );
      } else {
        const weekday = new Date((start + d) * 86_400_000).getUTCDay();
        open = weekday !== 0 && weekday !== 6;
        assumed++;
      }
      this.working[d] = open ? 1 : 0;
      if (open) list.push(d);
      this.cumulative[d + 1] = (this.cumulative[d] as number) + (open ? this.openSeconds : 0);
      this.rankUpTo[d] = list.length;
    }
    this.workingDays = Int32Array.from(list);
    this.assumedDays = assumed;
  }

  /** ISO date of day index `d`. */
  isoDate(d: number): string {
    return new Date((this.startDay + d) * 86_400_000).toISOString().slice(0, 10);
  }

  /** Day index of an instant, seconds. */
  dayOf(t: number): number {
    return Math.floor(t / DAY_SECONDS);
  }

  /** Whether day `d` is a working day (false outside the days held). */
  isWorking(d: number): boolean {
    return this.working[d] === 1;
  }

  /** Seconds of the opening of day `d`. */
  opensAt(d: number): number {
    return d * DAY_SECONDS + this.opensAtSeconds;
  }

  /** Seconds of the closing of day `d`. */
  closesAt(d: number): number {
    return d * DAY_SECONDS + this.closesAtSeconds;
  }

  /** Whether instant `t` is within the open hours of a working day. */
  isOpen(t: number): boolean {
    const d = this.dayOf(t);
    const s = t - d * DAY_SECONDS;
    return this.working[d] === 1 && s >= this.opensAtSeconds && s < this.closesAtSeconds;
  }

  /** Business seconds elapsed from day 0, 00:00, to instant `t`. */
  businessAt(t: number): number {
    const d = this.dayOf(t);
    if (d < 0) return 0;
    if (d >= this.days) return this.cumulative[this.days] as number;
    const base = this.cumulative[d] as number;
    if (this.working[d] !== 1) return base;
    const s = t - d * DAY_SECONDS - this.opensAtSeconds;
    return base + Math.min(Math.max(s, 0), this.openSeconds);
  }

  /**
   * The instant at which `b` business seconds have elapsed. At a day's
   * boundary (`b` equal to the business time of a closing), `atEnd` gives the
   * closing (a deadline) and otherwise the next opening (when work can start).
   * `Infinity` beyond the days held.
   */
  timeAtBusiness(b: number, atEnd: boolean): number {
    const list = this.workingDays;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    // The last working day whose cumulative start is below b (atEnd) or at most b (start).
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.cumulative[list[mid] as number] as number;
      if (atEnd ? c < b : c <= b) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return list.length > 0 ? this.opensAt(list[0] as number) : Infinity;
    const d = list[found] as number;
    const into = b - (this.cumulative[d] as number);
    if (into > this.openSeconds || (!atEnd && into === this.openSeconds)) {
      const next = list[found + 1];
      return next === undefined ? Infinity : this.opensAt(next);
    }
    return this.opensAt(d) + into;
  }

  /**
   * Closing time of the `n`-th working day strictly after day `d` (the
   * counting of `addWorkingDays`); `Infinity` when beyond the days held.
   */
  closeOfWorkingDayAfter(d: number, n: number): number {
    const rank = this.rankUpTo[d] as number; // working days up to and including d
    const target = this.workingDays[rank + n - 1];
    return target === undefined ? Infinity : this.closesAt(target);
  }
}
