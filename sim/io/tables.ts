import { InputError, type InputIssue } from '../core/errors.js';
import { parseCsv, readCsvFile, type CsvOptions, type CsvTable } from './csv.js';
import { checkTable, formatLocalDateTime, type LocalSeconds, type Table, type TableSpec } from './table.js';

/*
 * The table formats the planner reads (data/README.md has the dictionary):
 * an intraday arrival profile, a staffing table and an arrival-rate table.
 */

/** Options that tie a dated table to a scenario's calendar. */
export interface DatedTableOptions extends CsvOptions {
  /**
   * The horizon the rows must fall in: first instant (local clock) and number of days.
   *
   * __Default value:__ no check
   */
  horizon?: { startSeconds: LocalSeconds; days: number };
  /**
   * Interval length; every interval start must fall on a multiple of it from midnight.
   *
   * __Default value:__ no check
   */
  intervalSeconds?: number;
}

/** The intraday arrival profile table: share of a day's calls per interval. */
export const ARRIVAL_PROFILE_TABLE: TableSpec = {
  name: 'arrival profile',
  columns: [
    { name: 'intervalStart', type: 'time-of-day', min: 0, max: 86_399, description: 'interval start, HH:MM' },
    { name: 'share', type: 'number', min: 0, max: 1, description: "fraction of the day's calls" },
  ],
  key: ['intervalStart'],
};

/** One interval of an intraday arrival profile. */
export interface ProfileInterval {
  /** Seconds since midnight. */
  readonly startSecondsOfDay: number;
  /** Fraction of the day's calls arriving in this interval, in [0, 1]. */
  readonly share: number;
}

/** Tolerance on the sum of a profile's shares. */
export const PROFILE_SUM_TOLERANCE = 1e-6;

function toProfile(csv: CsvTable): ProfileInterval[] {
  const table = checkTable(csv, ARRIVAL_PROFILE_TABLE);
  const issues: InputIssue[] = [];
  const rows = table.rows.map(({ values }) => ({
    startSecondsOfDay: values.intervalStart as number,
    share: values.share as number,
  }));
  const intervalSeconds = 86_400 / rows.length;
  if (![900, 1800, 3600].includes(intervalSeconds)) {
    issues.push({
      file: csv.file,
      row: 0,
      column: 'intervalStart',
      message: `expected 24, 48 or 96 intervals covering the day (got ${rows.length})`,
    });
  } else {
    table.rows.forEach(({ row, values }) => {
      const start = values.intervalStart as number;
      if (start % intervalSeconds !== 0) {
        issues.push({
          file: csv.file,
          row,
          column: 'intervalStart',
          message: `must start on a ${intervalSeconds / 60}-minute boundary (got ${clock(start)})`,
        });
      }
    });
  }
  const sum = rows.reduce((s, r) => s + r.share, 0);
  if (Math.abs(sum - 1) > PROFILE_SUM_TOLERANCE) {
    issues.push({
      file: csv.file,
      row: 0,
      column: 'share',
      message: `shares must sum to 1 (got ${round(sum)})`,
    });
  }
  if (issues.length > 0) throw new InputError(issues);
  return rows.sort((a, b) => a.startSecondsOfDay - b.startSecondsOfDay);
}

/**
 * Parse an intraday arrival profile: `intervalStart` (HH:MM) and `share`, 24, 48
 * or 96 rows covering the day, shares summing to 1 (within 1e-6).
 *
 * @param text the CSV text
 * @param file the file name, for the messages
 * @param options the delimiter
 * @returns the intervals sorted by start
 * @throws {InputError} listing every problem
 * @example
 * const rowsOf24Hours = `intervalStart,share\n${Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00,${1 / 24}`).join('\n')}\n`;
 * parseArrivalProfile(rowsOf24Hours, 'profile.csv').length; // => 24
 */
export function parseArrivalProfile(text: string, file: string, options: CsvOptions = {}): ProfileInterval[] {
  return toProfile(parseCsv(text, file, options));
}

/**
 * Read an intraday arrival profile file (UTF-8 or GB18030).
 *
 * @throws {InputError} listing every problem
 * @example
 * readArrivalProfile('data/shanghai-12333-2020/intraday-profile.csv').length; // => 48
 */
export function readArrivalProfile(path: string, options: CsvOptions = {}): ProfileInterval[] {
  return toProfile(readCsvFile(path, options));
}

/** The staffing table: agents on the phones per interval. */
export const STAFFING_TABLE: TableSpec = {
  name: 'staffing table',
  columns: [
    { name: 'intervalStart', type: 'date-time', description: 'interval start, local clock' },
    {
      name: 'agents',
      type: 'integer',
      unit: 'agents',
      min: 0,
      max: 100_000,
      description: 'agents on the phones',
    },
  ],
  key: ['intervalStart'],
};

/** Agents on the phones from an instant until the next row's instant. */
export interface StaffingInterval {
  readonly startSeconds: LocalSeconds;
  readonly agents: number;
}

/** The arrival-rate table: expected calls per hour per interval. */
export const ARRIVAL_RATES_TABLE: TableSpec = {
  name: 'arrival rates',
  columns: [
    { name: 'intervalStart', type: 'date-time', description: 'interval start, local clock' },
    {
      name: 'arrivalsPerHour',
      type: 'number',
      unit: 'calls/h',
      min: 0,
      max: 1_000_000,
      description: 'mean arrival rate',
    },
    {
      name: 'meanHandleSeconds',
      type: 'number',
      unit: 's',
      min: 1,
      max: 86_400,
      required: false,
      description: 'mean handle time when it varies by interval',
    },
  ],
  key: ['intervalStart'],
};

/** Expected arrivals in one interval. */
export interface ArrivalRateInterval {
  readonly startSeconds: LocalSeconds;
  readonly arrivalsPerHour: number;
  readonly meanHandleSeconds?: number;
}

function checkDated(table: Table, options: DatedTableOptions): void {
  const issues: InputIssue[] = [];
  for (const { row, values } of table.rows) {
    const start = values.intervalStart as number;
    if (options.horizon !== undefined) {
      const first = options.horizon.startSeconds;
      const end = first + options.horizon.days * 86_400;
      if (start < first || start >= end) {
        issues.push({
          file: table.file,
          row,
          column: 'intervalStart',
          message: `must be within the horizon ${formatLocalDateTime(first)} to ${formatLocalDateTime(end - 1)} (got ${formatLocalDateTime(start)})`,
        });
      }
    }
    if (
      options.intervalSeconds !== undefined &&
      (((start % 86_400) + 86_400) % 86_400) % options.intervalSeconds !== 0
    ) {
      issues.push({
        file: table.file,
        row,
        column: 'intervalStart',
        message: `must start on a ${options.intervalSeconds / 60}-minute boundary (got ${formatLocalDateTime(start)})`,
      });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

function toStaffing(csv: CsvTable, options: DatedTableOptions): StaffingInterval[] {
  const table = checkTable(csv, STAFFING_TABLE);
  checkDated(table, options);
  return table.rows
    .map(({ values }) => ({ startSeconds: values.intervalStart as number, agents: values.agents as number }))
    .sort((a, b) => a.startSeconds - b.startSeconds);
}

/**
 * Parse a staffing table: `intervalStart` (local date-time) and `agents`
 * (integer, 0 to 100,000), one row per interval, no duplicates, optionally inside
 * a horizon and on an interval grid.
 *
 * @param text the CSV text
 * @param file the file name, for the messages
 * @param options horizon, interval length, delimiter
 * @returns the rows sorted by start
 * @throws {InputError} listing every problem
 * @example
 * parseStaffingTable('intervalStart,agents\n2020-01-01 08:00,12\n', 's.csv')[0]?.agents; // => 12
 */
export function parseStaffingTable(
  text: string,
  file: string,
  options: DatedTableOptions = {},
): StaffingInterval[] {
  return toStaffing(parseCsv(text, file, options), options);
}

/**
 * Read a staffing table file (UTF-8 or GB18030).
 *
 * @throws {InputError} listing every problem
 * @example
 * writeFileAtomic(join(tmpdir(), 'staffing.csv'), 'intervalStart,agents\n2020-01-01 08:00,12\n');
 * readStaffingTable(join(tmpdir(), 'staffing.csv'), { intervalSeconds: 1800 })[0]?.agents; // => 12
 */
export function readStaffingTable(path: string, options: DatedTableOptions = {}): StaffingInterval[] {
  return toStaffing(readCsvFile(path, options), options);
}

function toArrivalRates(csv: CsvTable, options: DatedTableOptions): ArrivalRateInterval[] {
  const table = checkTable(csv, ARRIVAL_RATES_TABLE);
  checkDated(table, options);
  return table.rows
    .map(({ values }) => {
      const interval: { startSeconds: number; arrivalsPerHour: number; meanHandleSeconds?: number } = {
        startSeconds: values.intervalStart as number,
        arrivalsPerHour: values.arrivalsPerHour as number,
      };
      if (values.meanHandleSeconds !== undefined)
        interval.meanHandleSeconds = values.meanHandleSeconds as number;
      return interval;
    })
    .sort((a, b) => a.startSeconds - b.startSeconds);
}

/**
 * Parse an arrival-rate table: `intervalStart` (local date-time), `arrivalsPerHour`
 * (>= 0) and optionally `meanHandleSeconds` (>= 1).
 *
 * @param text the CSV text
 * @param file the file name, for the messages
 * @param options horizon, interval length, delimiter
 * @returns the rows sorted by start
 * @throws {InputError} listing every problem
 * @example
 * parseArrivalRates('intervalStart,arrivalsPerHour\n2020-01-01 08:00,120\n', 'a.csv')[0]?.arrivalsPerHour; // => 120
 */
export function parseArrivalRates(
  text: string,
  file: string,
  options: DatedTableOptions = {},
): ArrivalRateInterval[] {
  return toArrivalRates(parseCsv(text, file, options), options);
}

/**
 * Read an arrival-rate table file (UTF-8 or GB18030).
 *
 * @throws {InputError} listing every problem
 * @example
 * writeFileAtomic(join(tmpdir(), 'arrivals.csv'), 'intervalStart,arrivalsPerHour,meanHandleSeconds\n2020-01-01 08:00,120,180\n');
 * readArrivalRates(join(tmpdir(), 'arrivals.csv'), { intervalSeconds: 1800 })[0]?.arrivalsPerHour; // => 120
 */
export function readArrivalRates(path: string, options: DatedTableOptions = {}): ArrivalRateInterval[] {
  return toArrivalRates(readCsvFile(path, options), options);
}

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function round(x: number): string {
  return String(Number(x.toPrecision(10)));
}
