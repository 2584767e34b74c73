import { InputError, type InputIssue } from '../core/errors.js';
import type { Roster, RosterShift } from '../model/shifts.js';
import { parseCsv, readCsvFile, type CsvOptions, type CsvTable } from './csv.js';
import { checkTable, type TableSpec } from './table.js';

/*
 * The roster table (data/README.md, "Roster table"): one row per shift of a
 * typical week, Monday first, repeated every week. Read into the shifts and
 * the agents on the phones per interval of the week, which a scenario repeats
 * over its horizon (each day taking the day of the week it falls on).
 */

/** The roster table's columns. */
export const ROSTER_TABLE: TableSpec = {
  name: 'roster table',
  columns: [
    { name: 'start', type: 'time-of-day', min: 0, max: 86_399, description: 'shift start, HH:MM' },
    {
      name: 'end',
      type: 'time-of-day',
      min: 0,
      max: 86_400,
      description: 'shift end, HH:MM; at or before the start means the next day',
    },
    {
      name: 'agents',
      type: 'integer',
      unit: 'agents',
      min: 0,
      max: 100_000,
      description: 'agents on the shift',
    },
    {
      name: 'days',
      type: 'string',
      description: 'days of the week it starts on: Mon-Fri, Sat,Sun, Mon,Wed-Fri, all',
    },
    {
      name: 'breakMinutes',
      type: 'integer',
      unit: 'min',
      min: 0,
      max: 1440,
      required: false,
      description: 'unpaid break off the phones, minutes (default 0)',
    },
    {
      name: 'breakStart',
      type: 'time-of-day',
      min: 0,
      max: 86_399,
      required: false,
      description: 'when the break starts, HH:MM (default the middle of the shift)',
    },
    {
      name: 'name',
      type: 'string',
      required: false,
      description: 'a name for the shift (default start-end)',
    },
  ],
  minRows: 1,
};

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * Days of the week from text like `Mon-Fri`, `Sat,Sun`, `Mon,Wed-Fri`, `all`
 * (case-insensitive; three-letter English names; a range may wrap, `Sat-Mon`).
 *
 * @param text the cell
 * @returns the days, 0 = Monday to 6 = Sunday, sorted, or undefined when the text is not valid
 * @example
 * parseWeekdays('Mon-Wed,Sun'); // => [0, 1, 2, 6]
 * parseWeekdays('Fri-Mon'); // => [0, 4, 5, 6]
 */
export function parseWeekdays(text: string): number[] | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'all' || t === 'daily') return [0, 1, 2, 3, 4, 5, 6];
  const days = new Set<number>();
  for (const part of t.split(/\s*,\s*/)) {
    const range = part.split(/\s*-\s*/);
    const ends = range.map((name) => DAY_NAMES.indexOf(name as (typeof DAY_NAMES)[number]));
    if (ends.length === 1 && (ends[0] ?? -1) >= 0) days.add(ends[0] as number);
    else if (ends.length === 2 && ends.every((e) => e >= 0)) {
      const [from, to] = ends as [number, number];
      for (let d = from; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === to) break;
      }
    } else return undefined;
  }
  return [...days].sort((a, b) => a - b);
}

/** Options of the roster reader. */
export interface RosterTableOptions extends CsvOptions {
  /** Interval length, minutes (a divisor of 1,440): every time must fall on its grid. */
  readonly intervalMinutes: number;
}

/** A roster table read: its shifts (one per row and day) and a week of agents on the phones. */
export interface RosterTable {
  readonly file: string;
  /** A cyclic 7-day roster, Monday first (`firstWeekday` 0), with `agentsPerInterval` for the week. */
  readonly roster: Roster;
}

function clock(seconds: number): string {
  return `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;
}

function toRoster(csv: CsvTable, options: RosterTableOptions): RosterTable {
  const table = checkTable(csv, ROSTER_TABLE);
  const { intervalMinutes } = options;
  const step = intervalMinutes * 60;
  const perDay = 1440 / intervalMinutes;
  const n = 7 * perDay;
  const issues: InputIssue[] = [];
  const file = csv.file;
  const shifts: RosterShift[] = [];
  const agentsPerInterval = new Array<number>(n).fill(0);
  for (const { row, values } of table.rows) {
    const bad = (column: string, message: string): void => {
      issues.push({ file, row, column, message });
    };
    const start = values.start as number;
    const end = values.end as number;
    const agents = values.agents as number;
    const weekdays = parseWeekdays(values.days as string);
    let ok = true;
    for (const [column, t] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (t % step !== 0) {
        bad(column, `must fall on the ${intervalMinutes}-minute grid (got ${clock(t)})`);
        ok = false;
      }
    }
    if (weekdays === undefined) {
      bad('days', `must be days like Mon-Fri, Sat,Sun or all (got "${String(values.days)}")`);
      ok = false;
    }
    const length = end > start ? end - start : end + 86_400 - start;
    const breakSeconds = ((values.breakMinutes as number | undefined) ?? 0) * 60;
    if (breakSeconds % step !== 0) {
      bad(
        'breakMinutes',
        `must be a multiple of the ${intervalMinutes}-minute interval (got ${breakSeconds / 60})`,
      );
      ok = false;
    } else if (breakSeconds >= length) {
      bad(
        'breakMinutes',
        `must be shorter than the shift's ${length / 60} minutes (got ${breakSeconds / 60})`,
      );
      ok = false;
    }
    const breakStart = values.breakStart as number | undefined;
    let breakAfter = Math.floor((length - breakSeconds) / 2 / step) * step;
    if (breakStart !== undefined) {
      breakAfter = (breakStart - start + 86_400) % 86_400;
      if (breakStart % step !== 0) {
        bad('breakStart', `must fall on the ${intervalMinutes}-minute grid (got ${clock(breakStart)})`);
        ok = false;
      } else if (breakSeconds === 0) {
        bad('breakStart', 'is not used without breakMinutes (remove it, or give the break its length)');
        ok = false;
      } else if (breakAfter + breakSeconds > length) {
        bad(
          'breakStart',
          `must let the break end by the shift's end ${clock(end)} (got ${clock(breakStart)} for ${breakSeconds / 60} minutes)`,
        );
        ok = false;
      }
    }
    if (!ok || weekdays === undefined) continue;
    const name = (values.name as string | undefined) ?? `${clock(start)}-${clock(end)}`;
    for (const weekday of weekdays) {
      shifts.push({
        pattern: name,
        day: weekday,
        weekday,
        startMinutes: start / 60,
        lengthMinutes: length / 60,
        breakMinutes: breakSeconds / 60,
        breakAfterMinutes: breakAfter / 60,
        agents,
      });
      const first = weekday * perDay + start / step;
      for (let k = 0; k < length / step; k++) {
        if (k >= breakAfter / step && k < (breakAfter + breakSeconds) / step) continue;
        const i = (first + k) % n;
        agentsPerInterval[i] = (agentsPerInterval[i] ?? 0) + agents;
      }
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  shifts.sort(
    (a, b) => a.day - b.day || a.startMinutes - b.startMinutes || a.pattern.localeCompare(b.pattern),
  );
  return {
    file,
    roster: {
      intervalMinutes,
      days: 7,
      firstWeekday: 0,
      cyclic: true,
      shifts,
      agentsPerInterval,
      uncoverable: [],
    },
  };
}

function checkOptions(options: RosterTableOptions): void {
  const m = options.intervalMinutes;
  if (!Number.isInteger(m) || m < 1 || 1440 % m !== 0) {
    throw new RangeError(`readRosterTable: intervalMinutes must be a positive divisor of 1440 (got ${m})`);
  }
}

/**
 * Parse a roster table: one row per shift of a typical week, with `start` and
 * `end` (HH:MM; an end at or before the start is on the next day, so 22:00 to
 * 06:00 is a night shift), `agents`, `days` (`Mon-Fri`, `Sat,Sun`, `all`), and
 * optionally `breakMinutes`, `breakStart` and `name`. Every bad cell is
 * reported at once with its row and column.
 *
 * @param text the CSV text
 * @param file the file name, for the messages
 * @param options the interval length (every time must be on its grid), delimiter
 * @returns the roster: its shifts and the agents on the phones in each interval
 *   of the week, Monday 00:00 first; a night shift of Sunday wraps to Monday morning
 * @throws {InputError} listing every problem (file, row, column, expected and found)
 * @throws {RangeError} when `intervalMinutes` does not divide a day
 * @example
 * const { roster } = parseRosterTable('start,end,agents,days\n08:00,16:00,10,Mon-Fri\n', 'roster.csv', {
 *   intervalMinutes: 30,
 * });
 * roster.agentsPerInterval[16]; // => 10 (Monday 08:00)
 */
export function parseRosterTable(text: string, file: string, options: RosterTableOptions): RosterTable {
  checkOptions(options);
  return toRoster(parseCsv(text, file, options), options);
}

/**
 * Read a roster table file (UTF-8 or GB18030); see {@link parseRosterTable}.
 *
 * @throws {InputError} listing every problem
 * @example
 * writeFileAtomic(join(tmpdir(), 'roster.csv'), 'start,end,agents,days\n08:00,16:00,10,Mon-Fri\n');
 * readRosterTable(join(tmpdir(), 'roster.csv'), { intervalMinutes: 30 }).roster.shifts.length; // => 5 (one a weekday)
 */
export function readRosterTable(path: string, options: RosterTableOptions): RosterTable {
  checkOptions(options);
  return toRoster(readCsvFile(path, options), options);
}

/**
 * Agents on the phones for each interval of a horizon from a weekly roster:
 * each day takes the roster's day of the same weekday.
 *
 * @param roster a cyclic 7-day roster (from {@link parseRosterTable})
 * @param days days of the horizon, a positive integer
 * @param firstWeekday day of the week of the horizon's first day, 0 = Monday
 * @returns agents per interval, `days x 1440 / intervalMinutes` values
 * @example
 * const { roster } = parseRosterTable('start,end,agents,days\n08:00,16:00,10,Mon-Fri\n', 'roster.csv', { intervalMinutes: 60 });
 * weeklyAgentsOverHorizon(roster, 366, 2).slice(7, 9); // => [0, 10] (2020 started on a Wednesday: 07:00 and 08:00 of 1 January)
 */
export function weeklyAgentsOverHorizon(roster: Roster, days: number, firstWeekday: number): number[] {
  const perDay = 1440 / roster.intervalMinutes;
  const counts: number[] = [];
  for (let d = 0; d < days; d++) {
    const day = (((firstWeekday + d - roster.firstWeekday) % 7) + 7) % 7;
    for (let s = 0; s < perDay; s++) counts.push(roster.agentsPerInterval[day * perDay + s] ?? 0);
  }
  return counts;
}
