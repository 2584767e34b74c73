import { readFileSync } from 'node:fs';
import type { ObservedCall } from '../calibrate/types.js';
import { InputError, type InputIssue } from '../core/errors.js';
import { parseCsv } from './csv.js';
import { decodeText } from './encoding.js';
import { unknownNameMessage } from './nearestName.js';
import { parseTimeOfDay } from './table.js';

/** The columns of the Anonymous Bank call log, in order. */
export const ANONYMOUS_BANK_COLUMNS = [
  'vru+line',
  'call_id',
  'customer_id',
  'priority',
  'type',
  'date',
  'vru_entry',
  'vru_exit',
  'vru_time',
  'q_start',
  'q_exit',
  'q_time',
  'outcome',
  'ser_start',
  'ser_exit',
  'ser_time',
  'server',
] as const;

/** The Anonymous Bank records as call records, with a count of every row left out. */
export interface AnonymousBankCalls {
  /** Calls that reached the queue for an agent (answered, or abandoned while queued), in file order. */
  readonly records: ObservedCall[];
  /** Data rows in the file. */
  readonly rows: number;
  /** `PHANTOM` rows (no trace of a caller): left out. */
  readonly phantom: number;
  /**
   * `HANG` rows that never waited for an agent: hung up in the voice menu (`q_start`
   * 0:00:00), or as they joined the queue (`q_time` 0): left out, not offered.
   */
  readonly abandonedInMenu: number;
  /** Answered calls kept. */
  readonly answered: number;
  /** Abandoned-in-queue calls kept. */
  readonly abandoned: number;
  /** Answered calls whose server is `NO_SERVER` (kept, without `agentId`). */
  readonly answeredWithoutAgent: number;
}

const NO_QUEUE = '0:00:00';

/**
 * Read the Anonymous Bank call log (Technion SEE Laboratory; Brown et al. 2005,
 * JASA 100:36-50): tab-separated, one row per call, dates `YYMMDD`, clock times
 * `H:MM:SS`. The rule, documented in data/README.md:
 * - `PHANTOM` rows are left out and counted (no caller was there);
 * - `HANG` with `q_start` 0:00:00 (hung up in the voice menu before asking for an
 *   agent) or with `q_time` 0 (hung up as the queue was joined) never waited for
 *   an agent: left out and counted (`abandonedInMenu`);
 * - `AGENT` rows are answered calls: arrival = `q_start` (or `vru_exit` when the
 *   call was answered without queueing: `q_start` 0:00:00 and `q_time` 0; a
 *   call with `q_start` 0:00:00 that waited joined the queue at midnight),
 *   wait = `q_time`, handle = `ser_time`,
 *   agent = `server` (none when `NO_SERVER`);
 * - `HANG` with `q_time` > 0 abandoned while queued: wait = `q_time`.
 * These are the offered calls of issue 13's counting rules: offered = `AGENT`, or
 * `HANG` with `q_time` > 0. Times out of order (`q_exit` before `q_start`,
 * `ser_exit` before `ser_start`, or a `q_time` that is not `q_exit - q_start`)
 * are errors; a negative `vru_time` (`vru_exit` before `vru_entry`, a clock
 * error of a few rows) is not used and tolerated.
 * Priority and `type` are kept as `priority` and `callClass`. A queue entry more
 * than 12 hours before the voice-menu entry on the clock is taken to be after
 * midnight (the next day).
 *
 * @param text the file's text
 * @param file the file name, for the messages
 * @returns the call records and the counts of rows left out
 * @throws {InputError} listing every row that cannot be read
 * @example
 * const text = readFileSync('data/anonymous-bank/calls-1999-02.tsv', 'utf8');
 * const bank = parseAnonymousBankCalls(text, 'calls-1999-02.tsv');
 * [bank.rows, bank.records.length, bank.phantom, bank.abandonedInMenu]; // => [33344, 31094, 278, 1972]
 */
export function parseAnonymousBankCalls(text: string, file: string): AnonymousBankCalls {
  const csv = parseCsv(text, file, { delimiter: '\t' });
  const issues: InputIssue[] = [];
  const index = new Map<string, number>();
  csv.header.forEach((name, i) => {
    if (!(ANONYMOUS_BANK_COLUMNS as readonly string[]).includes(name)) {
      issues.push({
        file,
        row: 1,
        column: name,
        message: unknownNameMessage('column', name, ANONYMOUS_BANK_COLUMNS),
      });
    }
    index.set(name, i);
  });
  for (const name of ANONYMOUS_BANK_COLUMNS) {
    if (!index.has(name)) issues.push({ file, row: 1, column: name, message: 'missing column' });
  }
  if (issues.length > 0) throw new InputError(issues);

  const records: ObservedCall[] = [];
  let phantom = 0;
  let abandonedInMenu = 0;
  let answered = 0;
  let abandoned = 0;
  let answeredWithoutAgent = 0;
  for (const { row, cells } of csv.rows) {
    const cell = (name: (typeof ANONYMOUS_BANK_COLUMNS)[number]) => cells[index.get(name)!] ?? '';
    const bad = (column: string, message: string) => issues.push({ file, row, column, message });
    const outcome = cell('outcome');
    if (outcome === 'PHANTOM') {
      phantom++;
      continue;
    }
    if (outcome !== 'AGENT' && outcome !== 'HANG') {
      bad('outcome', `must be one of AGENT, HANG, PHANTOM (got "${outcome}")`);
      continue;
    }
    // q_start 0:00:00 means "did not queue", unless the call waited: then it joined at midnight.
    const queued =
      cell('q_start') !== NO_QUEUE || (/^\d+$/.test(cell('q_time')) && Number(cell('q_time')) > 0);
    if (outcome === 'HANG' && (!queued || cell('q_time') === '0')) {
      abandonedInMenu++;
      continue;
    }
    const date = /^(\d{2})(\d{2})(\d{2})$/.exec(cell('date'));
    const dayMs =
      date === null
        ? NaN
        : Date.UTC(
            1900 + Number(date[1]) + (Number(date[1]) < 50 ? 100 : 0),
            Number(date[2]) - 1,
            Number(date[3]),
          );
    if (date === null || new Date(dayMs).getUTCDate() !== Number(date[3])) {
      bad('date', `must be a date YYMMDD (got "${cell('date')}")`);
      continue;
    }
    const entry = parseTimeOfDay(cell('vru_entry'));
    const join = parseTimeOfDay(cell(queued ? 'q_start' : 'vru_exit'));
    const wait = Number(cell('q_time'));
    if (entry === undefined) bad('vru_entry', `must be a clock time H:MM:SS (got "${cell('vru_entry')}")`);
    if (join === undefined)
      bad(
        queued ? 'q_start' : 'vru_exit',
        `must be a clock time H:MM:SS (got "${cell(queued ? 'q_start' : 'vru_exit')}")`,
      );
    if (!/^\d+$/.test(cell('q_time'))) bad('q_time', `must be an integer >= 0 s (got "${cell('q_time')}")`);
    if (entry === undefined || join === undefined || !/^\d+$/.test(cell('q_time'))) continue;
    // Times out of order within the row (clock times; a pair may cross midnight).
    const elapsed = (from: number, to: number): number => (to - from + 86_400) % 86_400;
    if (queued && cell('q_exit') !== NO_QUEUE) {
      const qStart = parseTimeOfDay(cell('q_start'));
      const qExit = parseTimeOfDay(cell('q_exit'));
      if (qExit === undefined) bad('q_exit', `must be a clock time H:MM:SS (got "${cell('q_exit')}")`);
      else if (qStart !== undefined && elapsed(qStart, qExit) !== Number(cell('q_time')))
        bad(
          'q_exit',
          `is out of order: q_exit ${cell('q_exit')} - q_start ${cell('q_start')} must equal q_time ${cell('q_time')} s`,
        );
    }
    if (outcome === 'AGENT' && cell('ser_start') !== NO_QUEUE && cell('ser_exit') !== NO_QUEUE) {
      const sStart = parseTimeOfDay(cell('ser_start'));
      const sExit = parseTimeOfDay(cell('ser_exit'));
      if (sStart === undefined || sExit === undefined)
        bad('ser_exit', `must be clock times H:MM:SS (got "${cell('ser_start')}" and "${cell('ser_exit')}")`);
      else if (/^\d+$/.test(cell('ser_time')) && elapsed(sStart, sExit) !== Number(cell('ser_time')))
        bad(
          'ser_exit',
          `is out of order: ser_exit ${cell('ser_exit')} - ser_start ${cell('ser_start')} must equal ser_time ${cell('ser_time')} s`,
        );
    }
    const arrivalSeconds = dayMs / 1000 + join + (join < entry - 43_200 ? 86_400 : 0);
    const record: { -readonly [K in keyof ObservedCall]: ObservedCall[K] } = {
      callId: cell('call_id'),
      arrivalSeconds,
      waitSeconds: wait,
      outcome: outcome === 'AGENT' ? 'answered' : 'abandoned',
      row,
    };
    const priority = cell('priority');
    if (/^\d+$/.test(priority)) record.priority = Number(priority);
    else bad('priority', `must be an integer >= 0 (got "${priority}")`);
    if (cell('type') !== '') record.callClass = cell('type');
    if (outcome === 'AGENT') {
      if (!/^\d+$/.test(cell('ser_time'))) {
        bad('ser_time', `must be an integer >= 0 s (got "${cell('ser_time')}")`);
        continue;
      }
      record.handleSeconds = Number(cell('ser_time'));
      if (cell('server') !== 'NO_SERVER' && cell('server') !== '') record.agentId = cell('server');
      else answeredWithoutAgent++;
      answered++;
    } else {
      abandoned++;
    }
    records.push(record);
  }
  if (issues.length > 0) throw new InputError(issues);
  return {
    records,
    rows: csv.rows.length,
    phantom,
    abandonedInMenu,
    answered,
    abandoned,
    answeredWithoutAgent,
  };
}

/**
 * Read the Anonymous Bank call log from disk (ASCII, tab-separated, CRLF line
 * ends); see {@link parseAnonymousBankCalls} for the rule.
 *
 * @param path the `.tsv` file
 * @throws {InputError} listing every row that cannot be read
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 */
export function readAnonymousBankCalls(path: string): AnonymousBankCalls {
  return parseAnonymousBankCalls(decodeText(readFileSync(path), path).text, path);
}
