import { InputError, type InputIssue } from '../core/errors.js';
import { parseCsv, readCsvFile, type CsvOptions, type CsvTable } from './csv.js';
import { unknownNameMessage } from './nearestName.js';

/**
 * Type of a column's cells.
 * - `number`: a finite decimal number (`12`, `-0.5`, `1e3`); no thousands separators.
 * - `integer`: a whole number no larger in size than 2^53 - 1.
 * - `string`: any text.
 * - `date-time`: local clock time `YYYY-MM-DD HH:MM[:SS]` (or with `T`), or a date
 *   `YYYY-MM-DD` meaning its midnight; read as {@link LocalSeconds}.
 * - `time-of-day`: `HH:MM[:SS]` from 00:00 to 24:00, read as seconds since midnight.
 */
export type ColumnType = 'number' | 'integer' | 'string' | 'date-time' | 'time-of-day';

/**
 * Seconds since 1970-01-01 00:00 on the local clock of the call center, with no
 * time zone and no daylight-saving shifts: `Date.UTC` applied to the clock
 * reading, divided by 1000. Weekday and time of day follow with UTC arithmetic.
 */
export type LocalSeconds = number;

/** One column of a table: its name, type, unit and allowed values. */
export interface ColumnSpec {
  /** The header text, exactly. */
  readonly name: string;
  readonly type: ColumnType;
  /** Unit of the values (`s`, `calls/h`, `agents`), for the data dictionary and messages. */
  readonly unit?: string;
  /** Smallest allowed value (numbers, integers; seconds for times). */
  readonly min?: number;
  /** Largest allowed value (numbers, integers; seconds for times). */
  readonly max?: number;
  /** For `string` columns: the allowed values. */
  readonly values?: readonly string[];
  /**
   * Whether the column must be present with a value on every row. An optional
   * column may be absent, and its empty cells read as `undefined`.
   *
   * __Default value:__ `true`
   */
  readonly required?: boolean;
  /** One line for the data dictionary. */
  readonly description?: string;
}

/** The layout of a table file. */
export interface TableSpec {
  /** What the table is, for messages (`staffing table`). */
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /** Columns whose values together must be unique (for example the interval start). */
  readonly key?: readonly string[];
  /**
   * Fewest data rows allowed.
   *
   * __Default value:__ `1`
   */
  readonly minRows?: number;
}

/** A cell's value after checking: a number (also for times), a string, or undefined when empty. */
export type CellValue = number | string | undefined;

/** One checked data row with its 1-based row number (the header is row 1). */
export interface TableRow {
  readonly row: number;
  readonly values: Readonly<Record<string, CellValue>>;
}

/** A checked table. */
export interface Table {
  readonly file: string;
  readonly rows: readonly TableRow[];
  /** The encoding the file was read with. */
  readonly encoding: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Read a local clock date-time `YYYY-MM-DD[ HH:MM[:SS]]` as {@link LocalSeconds}.
 *
 * @param text the date-time
 * @returns the seconds, or undefined when the text is not a valid date-time
 * @example
 * parseLocalDateTime('1970-01-02 00:00'); // => 86400
 * parseLocalDateTime('2020-02-30'); // => undefined
 */
export function parseLocalDateTime(text: string): LocalSeconds | undefined {
  const m = DATE_TIME.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m
    .slice(1)
    .map((s) => (s === undefined ? 0 : Number(s))) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(ms).getUTCDate() !== day) return undefined; // 2020-02-30 rolls over: reject
  return ms / 1000;
}

/**
 * Format {@link LocalSeconds} as `YYYY-MM-DD HH:MM:SS`.
 *
 * @example
 * formatLocalDateTime(86400); // => '1970-01-02 00:00:00'
 */
export function formatLocalDateTime(seconds: LocalSeconds): string {
  return new Date(Math.round(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Read a clock time `HH:MM[:SS]` (00:00 to 24:00) as seconds since midnight.
 *
 * @returns the seconds, or undefined when the text is not a valid time
 * @example
 * parseTimeOfDay('08:30'); // => 30600
 */
export function parseTimeOfDay(text: string): number | undefined {
  const m = TIME_OF_DAY.exec(text);
  if (m === null) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  if (minute > 59 || second > 59) return undefined;
  const seconds = hour * 3600 + minute * 60 + second;
  return seconds <= 86_400 ? seconds : undefined;
}

/** Show a value from a file inside a message: quoted when it is text. */
function shown(text: string): string {
  return `"${text}"`;
}

function checkCell(spec: ColumnSpec, text: string): { value?: CellValue; message?: string } {
  switch (spec.type) {
    case 'string': {
      if (spec.values !== undefined && !spec.values.includes(text)) {
        return { message: `must be one of ${spec.values.join(', ')} (got ${shown(text)})` };
      }
      return { value: text };
    }
    case 'number':
    case 'integer': {
      if (!NUMBER.test(text)) {
        return {
          message: `must be ${spec.type === 'integer' ? 'an integer' : 'a number'} (got ${shown(text)})`,
        };
      }
      const value = Number(text);
      if (!Number.isFinite(value)) return { message: `must be a finite number (got ${text})` };
      if (spec.type === 'integer') {
        if (!Number.isInteger(value)) return { message: `must be an integer (got ${text})` };
        if (!Number.isSafeInteger(value)) {
          return {
            message: `must be an integer of at most ${Number.MAX_SAFE_INTEGER} in size (got ${text})`,
          };
        }
      }
      return withinRange(spec, value, text);
    }
    case 'date-time': {
      const value = parseLocalDateTime(text);
      if (value === undefined) {
        return { message: `must be a date-time like 2020-01-31 08:30 (got ${shown(text)})` };
      }
      return withinRange(spec, value, text);
    }
    case 'time-of-day': {
      const value = parseTimeOfDay(text);
      if (value === undefined) return { message: `must be a time of day like 08:30 (got ${shown(text)})` };
      return withinRange(spec, value, text);
    }
  }
}

function withinRange(spec: ColumnSpec, value: number, text: string): { value?: CellValue; message?: string } {
  const asText = (bound: number) =>
    spec.type === 'date-time'
      ? formatLocalDateTime(bound)
      : spec.type === 'time-of-day'
        ? formatClock(bound)
        : String(bound);
  const unit =
    spec.unit !== undefined && (spec.type === 'number' || spec.type === 'integer') ? ` ${spec.unit}` : '';
  if (spec.min !== undefined && value < spec.min) {
    return { message: `must be >= ${asText(spec.min)}${unit} (got ${text})` };
  }
  if (spec.max !== undefined && value > spec.max) {
    return { message: `must be <= ${asText(spec.max)}${unit} (got ${text})` };
  }
  return { value };
}

function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return (
    `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}` +
    (s > 0 ? `:${String(s).padStart(2, '0')}` : '')
  );
}

/**
 * Check a split CSV table against a spec, collecting every problem: missing and
 * unknown columns (with the nearest known name), repeated header names, empty
 * required cells, wrong types, values out of range, huge numbers, duplicate keys,
 * too few rows.
 *
 * @param csv the header and rows from {@link parseCsv}
 * @param spec the columns and key
 * @returns the rows with typed values
 * @throws {InputError} listing every problem (file, row, column, expected and found)
 * @example
 * const spec = { name: 'staffing table', columns: [{ name: 'agents', type: 'integer', min: 0 }] } as const;
 * checkTable(parseCsv('agents\n3\n', 's.csv'), spec).rows[0]?.values.agents; // => 3
 */
export function checkTable(csv: CsvTable, spec: TableSpec): Table {
  const { file } = csv;
  const issues: InputIssue[] = [];
  const known = spec.columns.map((c) => c.name);
  const position = new Map<string, number>();
  csv.header.forEach((name, index) => {
    if (name === '') {
      issues.push({
        file,
        row: 1,
        column: `(column ${index + 1})`,
        message: 'empty column name in the header',
      });
    } else if (position.has(name)) {
      issues.push({ file, row: 1, column: name, message: 'column appears twice in the header' });
    } else if (!known.includes(name)) {
      issues.push({ file, row: 1, column: name, message: unknownNameMessage('column', name, known) });
    } else {
      position.set(name, index);
    }
  });
  for (const column of spec.columns) {
    if ((column.required ?? true) && !position.has(column.name)) {
      issues.push({
        file,
        row: 1,
        column: column.name,
        message: `missing column (${describeColumn(column)})`,
      });
    }
  }

  const rows: TableRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (const { row, cells } of csv.rows) {
    const values: Record<string, CellValue> = {};
    let keyComplete = true;
    for (const column of spec.columns) {
      const index = position.get(column.name);
      const text = index === undefined ? '' : (cells[index] ?? '');
      if (text === '') {
        values[column.name] = undefined;
        if ((column.required ?? true) && index !== undefined) {
          issues.push({
            file,
            row,
            column: column.name,
            message: `is empty (expected ${describeColumn(column)})`,
          });
        }
        if (spec.key?.includes(column.name)) keyComplete = false;
        continue;
      }
      const { value, message } = checkCell(column, text);
      if (message !== undefined) {
        issues.push({ file, row, column: column.name, message });
        if (spec.key?.includes(column.name)) keyComplete = false;
      }
      values[column.name] = value;
    }
    if (spec.key !== undefined && keyComplete) {
      const key = spec.key.map((name) => cells[position.get(name) ?? -1] ?? '').join(' | ');
      const canonical = spec.key.map((name) => String(values[name])).join('\u0000');
      const first = firstRowOfKey.get(canonical);
      if (first !== undefined) {
        issues.push({
          file,
          row,
          column: spec.key.join(', '),
          message: `duplicate ${key} (first at row ${first})`,
        });
      } else {
        firstRowOfKey.set(canonical, row);
      }
    }
    rows.push({ row, values });
  }
  const minRows = spec.minRows ?? 1;
  if (csv.rows.length < minRows) {
    issues.push({
      file,
      row: 0,
      column: ROW_COUNT_COLUMN,
      message: `expected at least ${minRows} data row(s) in the ${spec.name} (got ${csv.rows.length})`,
    });
  }
  if (issues.length > 0) throw new InputError(issues);
  return { file, rows, encoding: csv.encoding };
}

/** Column name used in an {@link InputIssue} about the number of rows. */
export const ROW_COUNT_COLUMN = '(rows)';

/** `an integer from 0 to 500 agents`, `date-time`, `one of a, b`: what a column expects, for messages. */
export function describeColumn(column: ColumnSpec): string {
  if (column.values !== undefined) return `one of ${column.values.join(', ')}`;
  const numeric = column.type === 'number' || column.type === 'integer';
  const parts: string[] = [column.type === 'integer' ? 'an integer' : numeric ? 'a number' : column.type];
  if (numeric && column.min !== undefined && column.max !== undefined)
    parts.push(`from ${column.min} to ${column.max}`);
  else if (numeric && column.min !== undefined) parts.push(`>= ${column.min}`);
  else if (numeric && column.max !== undefined) parts.push(`<= ${column.max}`);
  if (column.unit !== undefined) parts.push(column.unit);
  return parts.join(' ');
}

/**
 * Parse CSV text and check it against a spec in one step.
 *
 * @param text the CSV text
 * @param spec the columns and key
 * @param file the file name, for the messages
 * @param options the delimiter
 * @throws {InputError} listing every problem
 * @example
 * parseTable('agents\n3\n', { name: 'staffing table', columns: [{ name: 'agents', type: 'integer' }] }, 's.csv').rows;
 * // => [{ row: 2, values: { agents: 3 } }]
 */
export function parseTable(text: string, spec: TableSpec, file: string, options: CsvOptions = {}): Table {
  return checkTable(parseCsv(text, file, options), spec);
}

/**
 * Read a CSV file (UTF-8 or GB18030, detected or declared) and check it against a spec.
 *
 * @param path the file
 * @param spec the columns and key
 * @param options delimiter and declared encoding
 * @throws {InputError} listing every problem
 * @example
 * readTable('data/shanghai-12333-2020/intraday-profile.csv', ARRIVAL_PROFILE_TABLE).rows.length; // => 48
 */
export function readTable(path: string, spec: TableSpec, options: CsvOptions = {}): Table {
  return checkTable(readCsvFile(path, options), spec);
}
