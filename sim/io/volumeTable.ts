import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError, type InputIssue } from '../core/errors.js';
import { parseCsv, readCsvFile, type CsvOptions, type CsvTable } from './csv.js';
import { checkTable, type TableSpec } from './table.js';

/*
 * A volume table: calls per interval as a planner keeps them (an interval
 * report exported from the switch, a spreadsheet): one row per date and
 * interval start. CSV (UTF-8 or GBK, as every CSV here) or an Excel sheet.
 */

/** The volume table's columns. */
export const VOLUME_TABLE: TableSpec = {
  name: 'volume table',
  columns: [
    { name: 'date', type: 'date-time', description: 'the day, YYYY-MM-DD' },
    {
      name: 'intervalStart',
      type: 'time-of-day',
      min: 0,
      max: 86_399,
      description: 'interval start, HH:MM (the day the date gives)',
    },
    {
      name: 'calls',
      type: 'number',
      unit: 'calls',
      min: 0,
      max: 10_000_000,
      description: 'calls offered in the interval (asked for an agent)',
    },
  ],
  key: ['date', 'intervalStart'],
};

/** One row of a volume table. */
export interface VolumeRow {
  /** Row number in the file (the header is row 1). */
  readonly row: number;
  /** The day, ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** Interval start, minutes after midnight. */
  readonly startMinutes: number;
  /** Calls offered. */
  readonly calls: number;
}

/** A volume table read. */
export interface VolumeTable {
  readonly file: string;
  readonly rows: readonly VolumeRow[];
}

const DATE_WITH_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d/;
const SECONDS = /^\d{1,2}:\d{2}:(\d{2})$/;

function toRows(csv: CsvTable): VolumeTable {
  const issues: InputIssue[] = [];
  let table: ReturnType<typeof checkTable> | undefined;
  try {
    table = checkTable(csv, VOLUME_TABLE);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    issues.push(...error.issues);
  }
  // What the column types let through: a date with a time, a start with seconds (reported with the rest).
  const dateAt = csv.header.indexOf('date');
  const startAt = csv.header.indexOf('intervalStart');
  for (const { row, cells } of csv.rows) {
    if (DATE_WITH_TIME.test(cells[dateAt] ?? '')) {
      issues.push({
        file: csv.file,
        row,
        column: 'date',
        message: `must be a date without a time (got "${cells[dateAt]}")`,
      });
    }
    const seconds = SECONDS.exec(cells[startAt] ?? '');
    if (seconds !== null && seconds[1] !== '00') {
      issues.push({
        file: csv.file,
        row,
        column: 'intervalStart',
        message: `must be a whole minute (got "${cells[startAt]}")`,
      });
    }
  }
  if (issues.length > 0 || table === undefined) {
    throw new InputError(issues.sort((a, b) => a.row - b.row));
  }
  const rows = table.rows.map(({ row, values }) => ({
    row,
    date: new Date((values.date as number) * 1000).toISOString().slice(0, 10),
    startMinutes: (values.intervalStart as number) / 60,
    calls: values.calls as number,
  }));
  return { file: csv.file, rows };
}

/**
 * Parse a volume table from CSV text (columns `date`, `intervalStart`,
 * `calls`; see data/README.md).
 *
 * @param text the CSV text
 * @param file the file's name, for messages
 * @returns the rows
 * @throws {InputError} listing every problem with its row and column
 * @example
 * parseVolumeTable('date,intervalStart,calls\n2020-03-02,08:00,120\n', 'v.csv').rows[0];
 * // => { row: 2, date: '2020-03-02', startMinutes: 480, calls: 120 }
 */
export function parseVolumeTable(text: string, file: string): VolumeTable {
  return toRows(parseCsv(text, file));
}

/** A cell of an Excel sheet as the text a CSV would hold. */
function cellText(value: unknown, column: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    if (column === 'intervalStart') return iso.slice(11, 16);
    return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (typeof value === 'number') {
    // Unformatted Excel dates and times: a serial day number (1970-01-01 is 25569) and a day fraction.
    if (column === 'date' && Number.isInteger(value) && value > 0) {
      return new Date((value - 25_569) * 86_400_000).toISOString().slice(0, 10);
    }
    if (column === 'intervalStart' && value >= 0 && value < 1) {
      const minutes = Math.round(value * 1440);
      return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    }
    return String(value);
  }
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if ('result' in v) return cellText(v.result, column);
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if (typeof v.text === 'string') return v.text;
  }
  return String(value as string | number | boolean);
}

/**
 * Read a volume table from disk: an Excel workbook (`.xlsx`, read with exceljs:
 * its first sheet, or the one named) or a CSV file (UTF-8 or GB18030/GBK,
 * detected or declared). In a sheet, date cells, time cells and Excel's
 * serial dates and day fractions are read as dates and times; row numbers in
 * messages are the sheet's.
 *
 * @param path the `.xlsx` or `.csv` file
 * @param options the CSV encoding; `sheet`, the worksheet's name
 * @returns the rows
 * @throws {InputError} listing every problem with its row and column (or a missing sheet)
 * @example
 * writeFileAtomic(join(tmpdir(), 'volumes.csv'), 'date,intervalStart,calls\n2020-03-02,08:00,120\n');
 * (await readVolumeTable(join(tmpdir(), 'volumes.csv'))).rows.length; // => 1
 */
export async function readVolumeTable(
  path: string,
  options: CsvOptions & { sheet?: string } = {},
): Promise<VolumeTable> {
  if (extname(path).toLowerCase() !== '.xlsx') {
    return toRows(readCsvFile(path, options.encoding === undefined ? {} : { encoding: options.encoding }));
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError([
      {
        file: path,
        row: 0,
        column: '(file)',
        message: `is not an Excel workbook (${(error as Error).message})`,
      },
    ]);
  }
  const sheet = options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
  if (sheet === undefined) {
    const names = workbook.worksheets.map((w) => JSON.stringify(w.name)).join(', ');
    throw new InputError([
      {
        file: path,
        row: 0,
        column: '(sheet)',
        message:
          options.sheet === undefined
            ? 'the workbook has no sheet'
            : `has no sheet ${JSON.stringify(options.sheet)} (sheets: ${names})`,
      },
    ]);
  }
  let header: string[] = [];
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as unknown[]).slice(1); // exceljs rows are 1-based
    if (header.length === 0) {
      header = values.map((v) => cellText(v, undefined).trim());
      return;
    }
    const cells = header.map((name, i) => cellText(values[i], name).trim());
    if (cells.every((c) => c === '')) return;
    rows.push({ row: rowNumber, cells });
  });
  return toRows({ file: `${path} [${sheet.name}]`, header, rows, encoding: 'xlsx' });
}
