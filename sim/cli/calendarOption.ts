import { basename } from 'node:path';
import { CHINA_CALENDAR, daysBetween, HolidayCalendar, NO_HOLIDAYS, readHolidayList } from '../index.js';
import type { OptionReader } from './args.js';
import { inputProblems } from './scenarioInput.js';

/*
 * `--calendar china|none|FILE`: the holiday calendar of call records, read the
 * same way by every command that takes records (`calibrate`, `validate`).
 */

/** The values `--calendar` takes besides a file, with what each means (for `--help`). */
export const CALENDAR_OPTION_HELP =
  'holiday calendar of the records: china (official holidays and worked weekend days, chinese-days), ' +
  'none (every day is its weekday), or a holiday-list CSV (date,kind,name; data/README.md) (default: none)';

/**
 * Read `--calendar`: `china` (China's official calendar, the years the
 * `chinese-days` package covers), `none` (no holidays), or the path of a
 * holiday list (data/README.md, "Holiday list"), its days alone. Problems of
 * the list's file (row and column) go to the reader.
 *
 * @param reader collects the problems
 * @param text the option's value, or undefined when not given
 * @param fallback the calendar when the option is not given
 * @returns the calendar, or undefined when the value is bad (the reader holds why)
 * @throws anything but an `InputError` from reading the list (a bug)
 * @example
 * const reader = new OptionReader();
 * readCalendarOption(reader, 'china')?.dayKind('2020-10-01'); // => 'holiday'
 * readCalendarOption(reader, 'none')?.dayKind('2020-10-01'); // => 'working'
 * reader.problems; // => []
 */
export function readCalendarOption(
  reader: OptionReader,
  text: string | undefined,
  fallback: HolidayCalendar = NO_HOLIDAYS,
): HolidayCalendar | undefined {
  if (text === undefined) return fallback;
  if (text === 'china') return CHINA_CALENDAR;
  if (text === 'none') return NO_HOLIDAYS;
  if (text.trim() === '') {
    reader.problem('--calendar: must be china, none or a holiday-list file (got "")');
    return undefined;
  }
  try {
    return new HolidayCalendar({ base: 'none', days: readHolidayList(text), listName: basename(text) });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'EISDIR') {
      reader.problem(
        `--calendar: must be china, none or a holiday-list file that can be read (got ${JSON.stringify(text)})`,
      );
      return undefined;
    }
    inputProblems(reader, error);
    return undefined;
  }
}

/**
 * Check that a calendar covers every year from `firstDate` to `lastDate`, each
 * year it does not as a problem of `--calendar` naming the year.
 *
 * @param reader collects the problems
 * @param calendar the calendar read by `readCalendarOption`
 * @param firstDate ISO date of the first day of the input
 * @param lastDate ISO date of its last day
 * @param what what the dates are, for the message (`the records`)
 * @returns true when every year is covered
 * @example
 * const reader = new OptionReader();
 * requireCalendarYears(reader, CHINA_CALENDAR, '2020-02-01', '2020-02-28', 'the records'); // => true
 * requireCalendarYears(reader, CHINA_CALENDAR, '1999-02-01', '1999-02-28', 'the records'); // => false
 * reader.problems.length; // => 1 (naming 1999)
 */
export function requireCalendarYears(
  reader: OptionReader,
  calendar: HolidayCalendar,
  firstDate: string,
  lastDate: string,
  what: string,
): boolean {
  const days = daysBetween(firstDate, lastDate) + 1;
  const missing = calendar.uncoveredYears(firstDate, days);
  for (const year of missing) {
    reader.problem(
      `--calendar: ${calendar.description} does not cover ${year}, a year of ${what} ` +
        `(give that year's holidays in a holiday-list file, or --calendar none)`,
    );
  }
  return missing.length === 0;
}
