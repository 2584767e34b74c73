import type { DayKind } from '../core/calendar.js';
import { InputError, type InputIssue } from '../core/errors.js';
import { parseCsv, readCsvFile, type CsvOptions, type CsvTable } from './csv.js';
import { checkTable, describeColumn, type ColumnSpec, type TableSpec } from './table.js';

/*
 * The staffing table by weekday (and holiday) x interval of the day
 * (data/README.md, "Staffing by weekday"): the agents a planner puts on the
 * phones on a Monday, a Tuesday, ... a public holiday and a weekend day worked
 * instead, optionally month by month. Unlike the dated staffing table it names
 * no date, so a scenario keeps it when its start date moves to another year.
 */

/** The day columns of a weekly staffing table: the seven weekdays, then the two kinds of special day. */
export const STAFFING_DAY_COLUMNS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'holiday',
  'adjustedWorkingDay',
] as const;

/** A day column of a weekly staffing table. */
export type StaffingDayColumn = (typeof STAFFING_DAY_COLUMNS)[number];

const agentsColumn = (name: StaffingDayColumn, required: boolean): ColumnSpec => ({
  name,
  type: 'integer',
  unit: 'agents',
  min: 0,
  max: 100_000,
  required,
  description:
    name === 'holiday'
      ? 'agents on a public holiday (needed when the horizon has one)'
      : name === 'adjustedWorkingDay'
        ? 'agents on a weekend day worked instead, 调休上班 (needed when the horizon has one)'
        : `agents on a ${name}`,
});

/** The weekly staffing table: agents per interval of the day, one column per kind of day. */
export const WEEKLY_STAFFING_TABLE: TableSpec = {
  name: 'weekly staffing table',
  columns: [
    {
      name: 'month',
      type: 'integer',
      min: 1,
      max: 12,
      required: false,
      description: 'the month the row is for, 1-12 (no column: every month alike)',
    },
    { name: 'intervalStart', type: 'time-of-day', min: 0, max: 86_399, description: 'interval start, HH:MM' },
    ...STAFFING_DAY_COLUMNS.map((name, i) => agentsColumn(name, i < 7)),
  ],
  key: ['month', 'intervalStart'],
};

/** Agents per interval of the day for each kind of day, for one month or for every month. */
export interface WeeklyStaffingBlock {
  /** The month, 1-12, or null when the table has no month column (every month alike). */
  readonly month: number | null;
  /** Agents in each interval of the day (1440 / intervalMinutes values), per day column given. */
  readonly agents: Readonly<Partial<Record<StaffingDayColumn, readonly number[]>>>;
}

/** A weekly staffing table, read. */
export interface WeeklyStaffing {
  /** The file read. */
  readonly file: string;
  readonly intervalMinutes: number;
  /** The day columns the file has (the seven weekdays, and `holiday`, `adjustedWorkingDay` when given). */
  readonly columns: readonly StaffingDayColumn[];
  /** One block per month given, ascending, or a single block with `month` null. */
  readonly blocks: readonly WeeklyStaffingBlock[];
}

/** Options of {@link readWeeklyStaffing}. */
export interface WeeklyStaffingOptions extends CsvOptions {
  /** The scenario's interval; every `intervalStart` must fall on its grid from midnight. */
  readonly intervalMinutes: number;
}

function clock(seconds: number): string {
  return `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;
}

function toWeekly(csv: CsvTable, intervalMinutes: number): WeeklyStaffing {
  const table = checkTable(csv, WEEKLY_STAFFING_TABLE);
  const { file } = csv;
  const issues: InputIssue[] = [];
  const hasMonth = csv.header.includes('month');
  const columns = STAFFING_DAY_COLUMNS.filter((name) => csv.header.includes(name));
  const intervalSeconds = intervalMinutes * 60;
  const perDay = 1440 / intervalMinutes;
  const rowsByMonth = new Map<
    number | null,
    { row: number; start: number; values: Record<string, unknown> }[]
  >();
  for (const { row, values } of table.rows) {
    // A column that is there needs a value on every row (optional columns may be absent, not half-filled).
    for (const name of ['month', 'holiday', 'adjustedWorkingDay'] as const) {
      if (csv.header.includes(name) && values[name] === undefined) {
        const spec = WEEKLY_STAFFING_TABLE.columns.find((c) => c.name === name) as ColumnSpec;
        issues.push({ file, row, column: name, message: `is empty (expected ${describeColumn(spec)})` });
      }
    }
    const start = values.intervalStart as number;
    if (start % intervalSeconds !== 0) {
      issues.push({
        file,
        row,
        column: 'intervalStart',
        message: `must start on a ${intervalMinutes}-minute boundary, the scenario's interval (got ${clock(start)})`,
      });
      continue;
    }
    const month = hasMonth ? ((values.month as number | undefined) ?? null) : null;
    if (hasMonth && month === null) continue;
    const list = rowsByMonth.get(month) ?? [];
    list.push({ row, start, values });
    rowsByMonth.set(month, list);
  }
  const blocks: WeeklyStaffingBlock[] = [];
  for (const month of [...rowsByMonth.keys()].sort((a, b) => (a ?? 0) - (b ?? 0))) {
    const rows = (rowsByMonth.get(month) ?? []).sort((a, b) => a.start - b.start);
    const first = rows[0];
    if (first === undefined) continue;
    if (first.start !== 0) {
      issues.push({
        file,
        row: first.row,
        column: 'intervalStart',
        message: `the first row${month === null ? '' : ` of month ${month}`} must start at 00:00, each row holding until the next (got ${clock(first.start)})`,
      });
      continue;
    }
    const agents: Partial<Record<StaffingDayColumn, number[]>> = {};
    for (const name of columns) {
      const counts = new Array<number>(perDay);
      let r = 0;
      for (let s = 0; s < perDay; s++) {
        while (r + 1 < rows.length && (rows[r + 1]?.start ?? Infinity) <= s * intervalSeconds) r++;
        counts[s] = (rows[r]?.values[name] as number | undefined) ?? 0;
      }
      agents[name] = counts;
    }
    blocks.push({ month, agents });
  }
  if (issues.length > 0) throw new InputError(issues);
  return { file, intervalMinutes, columns, blocks };
}

/**
 * Parse a weekly staffing table: `intervalStart` (HH:MM, on the scenario's
 * interval grid) and the agents of each kind of day (`Monday` ... `Sunday`,
 * and `holiday`, `adjustedWorkingDay` when the horizon has such days), each row
 * holding until the next row's start, the first at 00:00; with a `month`
 * column (1-12), one such block per month.
 *
 * @param text the CSV text
 * @param file the file name, for the messages
 * @param options the scenario's interval, delimiter and encoding
 * @returns the table, a block per month given (or one for every month)
 * @throws {InputError} listing every problem with its row and column
 * @example
 * parseWeeklyStaffing(
 *   'intervalStart,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday\n00:00,2,2,2,2,2,1,1\n08:00,9,8,8,8,8,4,3\n',
 *   'staffing.csv',
 *   { intervalMinutes: 60 },
 * ).blocks[0]?.agents.Monday?.[8]; // => 9
 */
export function parseWeeklyStaffing(
  text: string,
  file: string,
  options: WeeklyStaffingOptions,
): WeeklyStaffing {
  return toWeekly(parseCsv(text, file, options), options.intervalMinutes);
}

/**
 * Read a weekly staffing table file (UTF-8 or GB18030); see `parseWeeklyStaffing`.
 *
 * @param path the CSV file
 * @param options the scenario's interval, delimiter and encoding
 * @returns the table
 * @throws {InputError} listing every problem with its row and column
 * @example
 * readWeeklyStaffing('data/shanghai-12333-2020/staffing.csv', { intervalMinutes: 30 }).blocks.length; // => 12
 */
export function readWeeklyStaffing(path: string, options: WeeklyStaffingOptions): WeeklyStaffing {
  return toWeekly(readCsvFile(path, options), options.intervalMinutes);
}

/** The weekday columns by `Date.getUTCDay()`, Sunday first. */
const WEEKDAY_COLUMNS: readonly StaffingDayColumn[] = [
  STAFFING_DAY_COLUMNS[6],
  ...STAFFING_DAY_COLUMNS.slice(0, 6),
];

/**
 * The agents of every interval of a horizon from a weekly staffing table: each
 * day takes the column of its kind (a holiday the `holiday` column, a weekend
 * day worked the `adjustedWorkingDay` column, any other day its weekday's) in
 * the block of its month. A kind of day or a month the horizon needs and the
 * table lacks is a problem naming the first such date.
 *
 * @param table the table read
 * @param startDay the horizon's first day, days since 1970-01-01
 * @param dayKinds the kind of each day of the horizon, or undefined when the scenario has no calendar (every day is its weekday)
 * @param days days in the horizon
 * @param issues receives the problems (file: the table's)
 * @returns agents per interval of the horizon (empty when there were problems)
 * @example
 * const table = readWeeklyStaffing('data/shanghai-12345-desk-2020/staffing.csv', { intervalMinutes: 30 });
 * weeklyAgentsByDayKind(table, Date.UTC(2025, 0, 1) / 86_400_000, undefined, 365, []).length; // => 365 * 48
 */
export function weeklyAgentsByDayKind(
  table: WeeklyStaffing,
  startDay: number,
  dayKinds: readonly DayKind[] | undefined,
  days: number,
  issues: InputIssue[],
): number[] {
  const perDay = 1440 / table.intervalMinutes;
  const out = new Array<number>(days * perDay);
  const missing = new Map<string, { date: string; count: number; column: string; message: string }>();
  const before = issues.length;
  for (let d = 0; d < days; d++) {
    const date = new Date((startDay + d) * 86_400_000);
    const iso = date.toISOString().slice(0, 10);
    const kind = dayKinds?.[d];
    const column: StaffingDayColumn =
      kind === 'holiday' || kind === 'adjustedWorkingDay'
        ? kind
        : (WEEKDAY_COLUMNS[date.getUTCDay()] as StaffingDayColumn);
    const month = date.getUTCMonth() + 1;
    const block = table.blocks.find((b) => b.month === null || b.month === month);
    const counts = block?.agents[column];
    if (block === undefined || counts === undefined) {
      const key = block === undefined ? `month ${month}` : column;
      const seen = missing.get(key);
      if (seen !== undefined) seen.count++;
      else
        missing.set(key, {
          date: iso,
          count: 1,
          column: block === undefined ? 'month' : column,
          message:
            block === undefined
              ? `has no rows for month ${month}, which the horizon reaches`
              : `missing column: the horizon has ${column === 'holiday' ? 'public holidays' : 'weekend days worked instead (调休上班)'}`,
        });
      continue;
    }
    for (let s = 0; s < perDay; s++) out[d * perDay + s] = counts[s] as number;
  }
  for (const m of missing.values()) {
    issues.push({
      file: table.file,
      row: m.column === 'month' ? 0 : 1,
      column: m.column,
      message: `${m.message} (${m.count} day${m.count === 1 ? '' : 's'}, the first ${m.date})`,
    });
  }
  return issues.length > before ? [] : out;
}
