import type { SpecialDay } from '../core/calendar.js';
import { InputError, type InputIssue } from '../core/errors.js';
import { parseCsv, readCsvFile, type CsvOptions, type CsvTable } from './csv.js';
import { checkTable, type TableSpec } from './table.js';

/*
 * A holiday list of one's own (data/README.md, "Holiday list"): the public
 * holidays and the weekend days worked instead of a center whose calendar the
 * `chinese-days` package does not give (a year it does not cover yet, a local
 * rule, another country). `HolidayCalendar` (sim/core/calendar.ts) lays it over
 * China's official calendar or over none.
 */

/** The holiday list table: one special day a row. */
export const HOLIDAY_LIST_TABLE: TableSpec = {
  name: 'holiday list',
  columns: [
    { name: 'date', type: 'date-time', description: 'the day, YYYY-MM-DD' },
    {
      name: 'kind',
      type: 'string',
      values: ['holiday', 'adjustedWorkingDay'],
      description: 'holiday: a day off; adjustedWorkingDay: a Saturday or Sunday worked instead (调休上班)',
    },
    { name: 'name', type: 'string', required: false, description: 'the holiday it belongs to, free text' },
  ],
  key: ['date'],
};

const DAY_SECONDS = 86_400;

function toHolidayList(csv: CsvTable): SpecialDay[] {
  const table = checkTable(csv, HOLIDAY_LIST_TABLE);
  const issues: InputIssue[] = [];
  const days: SpecialDay[] = [];
  for (const { row, values } of table.rows) {
    const seconds = values.date as number;
    const date = new Date(seconds * 1000).toISOString().slice(0, 10);
    if (seconds % DAY_SECONDS !== 0) {
      issues.push({
        file: csv.file,
        row,
        column: 'date',
        message: `must be a date YYYY-MM-DD without a time`,
      });
      continue;
    }
    const kind = values.kind as SpecialDay['kind'];
    const weekday = new Date(seconds * 1000).getUTCDay();
    if (kind === 'adjustedWorkingDay' && weekday !== 0 && weekday !== 6) {
      issues.push({
        file: csv.file,
        row,
        column: 'kind',
        message: `a day worked instead must be a Saturday or Sunday (${date} is a weekday, a working day anyway)`,
      });
      continue;
    }
    days.push({ date, kind, name: (values.name as string | undefined) ?? '' });
  }
  if (issues.length > 0) throw new InputError(issues);
  return days.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * Parse a holiday list: `date` (YYYY-MM-DD, unique), `kind` (`holiday` or
 * `adjustedWorkingDay`, the latter on a Saturday or Sunday) and an optional
 * `name`; at least one row.
 *
 * @param text the CSV text
 * @param file the file name, for the messages
 * @param options delimiter and declared encoding
 * @returns the days, ascending by date
 * @throws {InputError} listing every problem with its row and column
 * @example
 * parseHolidayList('date,kind,name\n2027-01-01,holiday,元旦\n', 'h.csv');
 * // => [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]
 */
export function parseHolidayList(text: string, file: string, options: CsvOptions = {}): SpecialDay[] {
  return toHolidayList(parseCsv(text, file, options));
}

/**
 * Read a holiday list file (UTF-8 or GB18030); see `parseHolidayList`.
 *
 * @param path the CSV file
 * @param options delimiter and declared encoding
 * @returns the days, ascending by date
 * @throws {InputError} listing every problem with its row and column
 * @example
 * writeFileAtomic(join(tmpdir(), 'holidays-2027.csv'), 'date,kind,name\n2027-01-01,holiday,New Year\n');
 * const calendar = new HolidayCalendar({ base: 'none', days: readHolidayList(join(tmpdir(), 'holidays-2027.csv')) });
 * calendar.dayKind('2027-01-01'); // => 'holiday'
 */
export function readHolidayList(path: string, options: CsvOptions = {}): SpecialDay[] {
  return toHolidayList(readCsvFile(path, options));
}
