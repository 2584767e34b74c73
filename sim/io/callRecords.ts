import type { ObservedOutcome, ObservedCall } from '../calibrate/types.js';
import { InputError, type InputIssue } from '../core/errors.js';
import { parseCsv, readCsvFile, type CsvOptions, type CsvTable } from './csv.js';
import { checkTable, formatLocalDateTime, type TableSpec } from './table.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/** The outcomes a call record may have. */
export const CALL_OUTCOMES: readonly ObservedOutcome[] = ['answered', 'abandoned', 'blocked'];

/**
 * The call-record CSV format (data/README.md, "call records"): one row per call
 * that asked for an agent. `handleSeconds` is required for answered calls and
 * must be empty otherwise; a blocked call has `waitSeconds` 0.
 */
export const CALL_RECORDS_TABLE: TableSpec = {
  name: 'call records',
  columns: [
    { name: 'callId', type: 'string', required: false, description: 'identifier, unique when given' },
    { name: 'arrivalTime', type: 'date-time', description: 'joined the queue for an agent, local clock' },
    { name: 'waitSeconds', type: 'number', unit: 's', min: 0, max: 86_400, description: 'time in the queue' },
    { name: 'outcome', type: 'string', values: CALL_OUTCOMES, description: 'answered, abandoned or blocked' },
    {
      name: 'handleSeconds',
      type: 'number',
      unit: 's',
      min: 0,
      max: 86_400,
      required: false,
      description: 'talk + wrap-up, answered calls only',
    },
    { name: 'agentId', type: 'string', required: false, description: 'agent who answered' },
    { name: 'priority', type: 'integer', min: 0, max: 1_000, required: false, description: 'priority class' },
    { name: 'callClass', type: 'string', required: false, description: 'kind of call' },
  ],
  key: ['callId'],
};

function toCallRecords(csv: CsvTable): ObservedCall[] {
  const table = checkTable(csv, CALL_RECORDS_TABLE);
  const issues: InputIssue[] = [];
  const records: ObservedCall[] = [];
  for (const { row, values } of table.rows) {
    const outcome = values.outcome as ObservedOutcome;
    const handle = values.handleSeconds as number | undefined;
    const wait = values.waitSeconds as number;
    if (outcome === 'answered' && handle === undefined) {
      issues.push({
        file: csv.file,
        row,
        column: 'handleSeconds',
        message: 'is empty (expected a number >= 0 s for an answered call)',
      });
    }
    if (outcome !== 'answered' && handle !== undefined) {
      issues.push({
        file: csv.file,
        row,
        column: 'handleSeconds',
        message: `must be empty for an ${outcome} call (got ${handle})`,
      });
    }
    if (outcome === 'blocked' && wait !== 0) {
      issues.push({
        file: csv.file,
        row,
        column: 'waitSeconds',
        message: `must be 0 for a blocked call (got ${wait})`,
      });
    }
    const record: {
      -readonly [K in keyof ObservedCall]: ObservedCall[K];
    } = { arrivalSeconds: values.arrivalTime as number, waitSeconds: wait, outcome, row };
    if (values.callId !== undefined) record.callId = values.callId as string;
    if (handle !== undefined) record.handleSeconds = handle;
    if (values.agentId !== undefined) record.agentId = values.agentId as string;
    if (values.priority !== undefined) record.priority = values.priority as number;
    if (values.callClass !== undefined) record.callClass = values.callClass as string;
    records.push(record);
  }
  if (issues.length > 0) throw new InputError(issues);
  return records;
}

/**
 * Parse call records in the project's CSV format (data/README.md).
 *
 * @param text the CSV text
 * @param file the file name, for the messages
 * @param options the delimiter
 * @returns one {@link ObservedCall} per row, in file order
 * @throws {InputError} listing every problem in the file
 * @example
 * parseCallRecords('arrivalTime,waitSeconds,outcome,handleSeconds,agentId\n' +
 *   '1999-02-01 07:02:56,0,answered,166,DORIT\n', 'calls.csv')[0]?.handleSeconds; // => 166
 */
export function parseCallRecords(text: string, file: string, options: CsvOptions = {}): ObservedCall[] {
  return toCallRecords(parseCsv(text, file, options));
}

/**
 * Read a call-record CSV file (UTF-8 or GB18030).
 *
 * @param path the file
 * @param options delimiter and declared encoding
 * @throws {InputError} listing every problem in the file
 * @example
 * const csv = 'callId,arrivalTime,waitSeconds,outcome,handleSeconds,agentId\nc1,2020-01-06 10:00:00,0,answered,180,A\n';
 * writeFileAtomic(join(tmpdir(), 'calls.csv'), csv);
 * readCallRecords(join(tmpdir(), 'calls.csv'))[0]?.outcome; // => 'answered'
 */
export function readCallRecords(path: string, options: CsvOptions = {}): ObservedCall[] {
  return toCallRecords(readCsvFile(path, options));
}

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Format call records as CSV in the project's format (all columns, `\n` line ends).
 *
 * @param records the records
 * @returns the CSV text, header first
 * @example
 * formatCallRecords([{ arrivalSeconds: 0, waitSeconds: 5, outcome: 'abandoned' }]);
 * // => 'callId,arrivalTime,waitSeconds,outcome,handleSeconds,agentId,priority,callClass\n,1970-01-01 00:00:00,5,abandoned,,,,\n'
 */
export function formatCallRecords(records: readonly ObservedCall[]): string {
  const lines = [CALL_RECORDS_TABLE.columns.map((c) => c.name).join(',')];
  for (const r of records) {
    lines.push(
      [
        r.callId,
        formatLocalDateTime(r.arrivalSeconds),
        r.waitSeconds,
        r.outcome,
        r.handleSeconds,
        r.agentId,
        r.priority,
        r.callClass,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * Write call records to a CSV file atomically (temporary file, then rename).
 * Arrival times are written to the second.
 *
 * @param path the file to write
 * @param records the records
 * @example
 * const records = [{ callId: 'c1', arrivalSeconds: Date.UTC(2020, 0, 6, 10) / 1000, waitSeconds: 0, outcome: 'answered', handleSeconds: 180 }] as const;
 * writeCallRecords(join(tmpdir(), 'calls.csv'), records);
 * readFileSync(join(tmpdir(), 'calls.csv'), 'utf8').split('\n')[1]; // => 'c1,2020-01-06 10:00:00,0,answered,180,,,'
 */
export function writeCallRecords(path: string, records: readonly ObservedCall[]): void {
  writeFileAtomic(path, formatCallRecords(records));
}
