/** Milliseconds in a calendar day (dates here are days, without time zones or leap seconds). */
const DAY_MS = 86_400_000;

/**
 * Whether a text is a calendar date `YYYY-MM-DD` that exists.
 *
 * @param text any text
 * @returns true for a date such as `2020-02-29`, false for `2019-02-29`, `2020-2-1` or anything else
 * @example
 * [isCalendarDate('2020-02-29'), isCalendarDate('2019-02-29'), isCalendarDate('2020-2-1')]; // => [true, false, false]
 */
export function isCalendarDate(text: string): boolean {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/**
 * The calendar date some days after another (before, for a negative count).
 *
 * @param date a date `YYYY-MM-DD`
 * @param days whole days to add, may be negative
 * @returns the date `YYYY-MM-DD`
 * @throws {RangeError} when `date` is not a calendar date `YYYY-MM-DD` or `days` is not an integer
 * @example
 * addDays('2020-02-28', 1); // => '2020-02-29'
 * addDays('2020-03-01', -1); // => '2020-02-29'
 * addDays('2020-02-30', 1); // throws RangeError: addDays: date must be a calendar date YYYY-MM-DD (got "2020-02-30")
 */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: days must be an integer (got ${days})`);
  return new Date(midnightMs('addDays', 'date', date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The days from one calendar date to another: `to` - `from`.
 *
 * @param from a date `YYYY-MM-DD`
 * @param to a date `YYYY-MM-DD`
 * @returns the whole days between them, negative when `to` comes first
 * @throws {RangeError} when a date is not a calendar date `YYYY-MM-DD`
 * @example
 * daysBetween('2020-01-01', '2020-12-31'); // => 365 (the last day of leap year 2020 is 365 days after its first)
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((midnightMs('daysBetween', 'to', to) - midnightMs('daysBetween', 'from', from)) / DAY_MS);
}

/** Midnight UTC of a date, in milliseconds; throws when it is not a calendar date. */
function midnightMs(fn: string, name: string, date: string): number {
  if (!isCalendarDate(date)) {
    throw new RangeError(`${fn}: ${name} must be a calendar date YYYY-MM-DD (got ${JSON.stringify(date)})`);
  }
  return Date.parse(`${date}T00:00:00Z`);
}
