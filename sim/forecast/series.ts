import type { ObservedCall } from '../calibrate/types.js';
import { InputError } from '../core/errors.js';
import type { DateRange, VolumeSeries } from './types.js';

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of an ISO date, or undefined when it is not a calendar date.
 *
 * @param date `YYYY-MM-DD`
 * @returns the day number
 * @example
 * isoDayNumber('1970-01-02'); // => 1
 * isoDayNumber('2020-02-30'); // => undefined
 */
export function isoDayNumber(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(t);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1) return undefined;
  if (back.getUTCDate() !== Number(m[3])) return undefined;
  return t / DAY_MS;
}

/**
 * The ISO date of a day number (days since 1970-01-01).
 *
 * @param dayNumber days since 1970-01-01
 * @returns `YYYY-MM-DD`
 * @example
 * isoDate(10_623); // => '1999-02-01'
 */
export function isoDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/**
 * `YYYY-MM-DDTHH:MM` of the start of interval `index` of a series starting on `startDay`.
 *
 * @param startDay day number of the series' first day
 * @param intervalMinutes interval length, minutes
 * @param index the interval, 0 at the first day's midnight
 * @returns the start on the local clock
 * @example
 * intervalStart(10_623, 60, 25); // => '1999-02-02T01:00'
 */
export function intervalStart(startDay: number, intervalMinutes: number, index: number): string {
  return new Date(startDay * DAY_MS + index * intervalMinutes * 60_000).toISOString().slice(0, 16);
}

/**
 * Whether a call record counts as offered to the agents for forecasting:
 * answered and blocked calls do, abandoned ones only after a positive wait. A
 * hang-up at the very instant of joining the queue (wait 0) is the voice menu's
 * business, not a call an agent could have taken: in the Anonymous Bank's log,
 * `HANG` rows with `q_time` 0 (31 in February 1999).
 *
 * @param record one call record
 * @returns true when the call is counted
 * @example
 * isOfferedCall({ arrivalSeconds: 0, waitSeconds: 0, outcome: 'abandoned' }); // => false
 * isOfferedCall({ arrivalSeconds: 0, waitSeconds: 0, outcome: 'answered', handleSeconds: 60 }); // => true
 */
export function isOfferedCall(record: ObservedCall): boolean {
  return record.outcome !== 'abandoned' || record.waitSeconds > 0;
}

/** Options of {@link offeredCallsSeries}. */
export interface OfferedCallsOptions {
  /** Interval length in minutes: 15, 30 or 60. */
  readonly intervalMinutes: number;
  /**
   * Days to count; calls outside are ignored.
   *
   * __Default value:__ from the day of the first record to the day of the last
   */
  readonly range?: DateRange;
}

/**
 * Calls offered per interval from call records: each call counted (see
 * {@link isOfferedCall}) in the interval of its arrival at the agent queue
 * (`arrivalSeconds`: for the Anonymous Bank, `q_start`, or `vru_exit` for a call
 * answered without queueing). A day without a single record is missing data (a
 * gap), unless no day of its weekday has a record (a weekday the center is
 * closed): see {@link gapsOf}.
 *
 * @param records the call records, in any order
 * @param options interval length and the days to count
 * @returns the series, with its gaps
 * @throws {RangeError} for an interval length other than 15, 30 or 60, a bad
 *   range, or no records at all without a range
 * @example
 * const series = offeredCallsSeries(readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv').records, { intervalMinutes: 60 });
 * series.calls.length; // => 672 (28 days x 24 hours)
 */
export function offeredCallsSeries(
  records: readonly ObservedCall[],
  options: OfferedCallsOptions,
): VolumeSeries {
  const minutes = options.intervalMinutes;
  if (![15, 30, 60].includes(minutes)) {
    throw new RangeError(`offeredCallsSeries: intervalMinutes must be 15, 30 or 60 (got ${minutes})`);
  }
  let first: number;
  let last: number;
  if (options.range !== undefined) {
    const a = isoDayNumber(options.range.from);
    const b = isoDayNumber(options.range.to);
    if (a === undefined || b === undefined || b < a) {
      throw new RangeError(
        `offeredCallsSeries: range must be two ISO dates, from before to (got ${options.range.from} to ${options.range.to})`,
      );
    }
    first = a;
    last = b;
  } else {
    if (records.length === 0) throw new RangeError('offeredCallsSeries: no records, and no range given');
    first = Infinity;
    last = -Infinity;
    for (const r of records) {
      const day = Math.floor(r.arrivalSeconds / 86_400);
      if (day < first) first = day;
      if (day > last) last = day;
    }
  }
  const perDay = 1440 / minutes;
  const days = last - first + 1;
  const calls = new Array<number>(days * perDay).fill(0);
  const seen = new Array<boolean>(days).fill(false);
  for (const r of records) {
    const index = Math.floor((r.arrivalSeconds - first * 86_400) / (minutes * 60));
    if (index < 0 || index >= calls.length) continue;
    seen[Math.floor(index / perDay)] = true;
    if (isOfferedCall(r)) calls[index] = (calls[index] ?? 0) + 1;
  }
  const gaps = gapsOf(
    Uint8Array.from(seen, (x) => (x ? 1 : 0)),
    first,
    1,
    1440,
    minutes,
  );
  return {
    startDate: isoDate(first),
    intervalMinutes: minutes,
    calls,
    ...(gaps.length > 0 ? { gaps } : {}),
  };
}

/**
 * The stretches of missing data in a grid of days x slots (slots of
 * `slotMinutes` from midnight), as interval starts of the series (intervals of
 * `intervalMinutes`). A cell without data is missing unless its slot has no
 * data on any day (the center is closed then: hours outside opening times are
 * often left out of reports) or its weekday has none on any day (a weekday the
 * center is closed); those hold zero calls.
 *
 * @param present 1 where a cell has data, day after day (`days x slots`)
 * @param startDay day number of the first day
 * @param slots slots a day (1 when only whole days are known)
 * @param slotMinutes minutes a slot (1440 / slots)
 * @param intervalMinutes the series' interval, a multiple of `slotMinutes` or a divisor of a day
 * @returns the gaps, each as its first and last missing interval's start
 * @example
 * gapsOf(Uint8Array.from([1, 0, 1, 1, 1, 1, 1, 1, 1]), 10_592, 1, 1440, 60); // nine days from Friday 1 January 1999
 * // => [{ from: '1999-01-02T00:00', to: '1999-01-02T23:00' }]
 */
export function gapsOf(
  present: Uint8Array,
  startDay: number,
  slots: number,
  slotMinutes: number,
  intervalMinutes: number,
): { from: string; to: string }[] {
  const days = present.length / slots;
  const slotOpen = new Uint8Array(slots);
  const weekdayOpen = new Uint8Array(7);
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < slots; s++) {
      if (present[d * slots + s] === 1) {
        slotOpen[s] = 1;
        weekdayOpen[(startDay + d + 4) % 7] = 1;
      }
    }
  }
  const missing = (d: number, s: number): boolean =>
    present[d * slots + s] === 0 && slotOpen[s] === 1 && weekdayOpen[(startDay + d + 4) % 7] === 1;
  const start = (d: number, s: number): string =>
    intervalStart(startDay + d, intervalMinutes, Math.floor((s * slotMinutes) / intervalMinutes));
  const last = (d: number, s: number): string =>
    intervalStart(startDay + d, intervalMinutes, Math.floor(((s + 1) * slotMinutes - 1) / intervalMinutes));
  const gaps: { from: string; to: string }[] = [];
  let open: { from: string; to: string } | undefined;
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < slots; s++) {
      if (missing(d, s)) {
        if (open === undefined) {
          open = { from: start(d, s), to: last(d, s) };
          gaps.push(open);
        } else open.to = last(d, s);
      } else open = undefined;
    }
  }
  return gaps;
}

/** One row of a volume table (`readVolumeTable` in sim/io). */
export interface VolumeTableRow {
  /** Row number in the file, for messages. */
  readonly row: number;
  /** ISO date. */
  readonly date: string;
  /** Interval start, minutes after midnight. */
  readonly startMinutes: number;
  readonly calls: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Calls per interval from the rows of a volume table. The table's own grid is
 * the greatest common divisor of its interval starts (and of the day); rows
 * finer than `intervalMinutes` are added up, coarser ones are an error. Days
 * run from the first date to the last; missing rows are gaps (see
 * {@link gapsOf} for the slots and weekdays a center is closed).
 *
 * @param rows the table's rows
 * @param file the table's name, for messages
 * @param intervalMinutes the series' interval: 15, 30 or 60
 * @returns the series, with its gaps
 * @throws {InputError} when the table has no rows or is coarser than `intervalMinutes`
 * @example
 * const table = parseVolumeTable('date,intervalStart,calls\n2020-03-02,08:00,120\n2020-03-02,08:30,80\n', 'v.csv');
 * volumeSeriesFromRows(table.rows, table.file, 60).calls[8]; // => 200 (08:00 and 08:30 added up)
 */
export function volumeSeriesFromRows(
  rows: readonly VolumeTableRow[],
  file: string,
  intervalMinutes: number,
): VolumeSeries {
  if (rows.length === 0)
    throw new InputError([{ file, row: 0, column: '(rows)', message: 'the table has no rows' }]);
  let grid = 1440;
  for (const r of rows) grid = gcd(grid, r.startMinutes);
  if (intervalMinutes % grid !== 0) {
    throw new InputError([
      {
        file,
        row: 0,
        column: 'intervalStart',
        message:
          grid > intervalMinutes
            ? `rows are ${grid} minutes apart: ${intervalMinutes}-minute intervals need a row at least every ${intervalMinutes} minutes`
            : `rows on a ${grid}-minute grid do not add up to ${intervalMinutes}-minute intervals`,
      },
    ]);
  }
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    const day = isoDayNumber(r.date) as number;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const days = last - first + 1;
  const slots = 1440 / grid;
  const perDay = 1440 / intervalMinutes;
  const present = new Uint8Array(days * slots);
  const calls = new Array<number>(days * perDay).fill(0);
  for (const r of rows) {
    const d = (isoDayNumber(r.date) as number) - first;
    present[d * slots + r.startMinutes / grid] = 1;
    const i = d * perDay + Math.floor(r.startMinutes / intervalMinutes);
    calls[i] = (calls[i] ?? 0) + r.calls;
  }
  const gaps = gapsOf(present, first, slots, grid, intervalMinutes);
  return { startDate: isoDate(first), intervalMinutes, calls, ...(gaps.length > 0 ? { gaps } : {}) };
}
