import {
  InputError,
  readAnonymousBankCalls,
  readCallRecords,
  type CsvOptions,
  type ObservedCall,
  isCalendarDate,
} from '../index.js';
import type { OptionReader } from './args.js';

/** Record formats the commands read call records in. */
export const RECORD_FORMATS = ['call-records', 'anonymous-bank'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/**
 * Read call records for a command: the format checked, every problem of the
 * file added to `reader` (file, row, column), nothing thrown for bad input.
 *
 * @param reader where problems go
 * @param path the records file (undefined when the operand is missing)
 * @param format `--format`'s value (default `call-records`)
 * @param encoding `--encoding`'s value, for a call-record CSV
 * @returns the records, or undefined when they could not be read
 * @example
 * const reader = new OptionReader();
 * const read = readRecordsOption(reader, 'data/anonymous-bank/calls-1999-02.tsv', 'anonymous-bank', undefined);
 * [read?.format, read?.records.length]; // => ['anonymous-bank', 31094]
 * readRecordsOption(reader, 'calls.csv', 'cdr', undefined); // => undefined
 * reader.problems; // => ['--format: must be call-records or anonymous-bank (got "cdr")']
 */
export function readRecordsOption(
  reader: OptionReader,
  path: string | undefined,
  format: string | undefined,
  encoding: string | undefined,
): { records: ObservedCall[]; format: RecordFormat } | undefined {
  const chosen = format ?? 'call-records';
  if (!(RECORD_FORMATS as readonly string[]).includes(chosen)) {
    reader.problem(`--format: must be ${RECORD_FORMATS.join(' or ')} (got ${JSON.stringify(chosen)})`);
    return undefined;
  }
  if (encoding !== undefined && chosen === 'anonymous-bank')
    reader.problem('--encoding: only used with --format call-records');
  if (path === undefined) return undefined;
  try {
    if (chosen === 'anonymous-bank') return { records: readAnonymousBankCalls(path).records, format: chosen };
    const csvOptions: CsvOptions = {};
    if (encoding !== undefined) csvOptions.encoding = encoding;
    return { records: readCallRecords(path, csvOptions), format: chosen as RecordFormat };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const line of error.message.split('\n').slice(1)) reader.problem(line.trim());
    return undefined;
  }
}

/**
 * Read a day range option `YYYY-MM-DD:YYYY-MM-DD` (both days included; one date
 * alone is one day), adding a problem naming the option when it is malformed.
 *
 * @example
 * const reader = new OptionReader();
 * dayRangeOption(reader, '--train', '1999-02-01:1999-02-14'); // => { from: '1999-02-01', to: '1999-02-14' }
 * dayRangeOption(reader, '--test', '1999-02-15'); // => { from: '1999-02-15', to: '1999-02-15' }
 */
export function dayRangeOption(
  reader: OptionReader,
  flag: string,
  raw: string | undefined,
): { from: string; to: string } | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.split(':');
  const real = (date: string | undefined): boolean => date !== undefined && isCalendarDate(date);
  const [from, to = from] = parts;
  if (parts.length > 2 || !real(from) || !real(to)) {
    reader.problem(
      `${flag}: must be dates FROM:TO as YYYY-MM-DD:YYYY-MM-DD, both included (got ${JSON.stringify(raw)})`,
    );
    return undefined;
  }
  if (to! < from!) {
    reader.problem(`${flag}: ends before it starts (got ${raw})`);
    return undefined;
  }
  return { from: from!, to: to! };
}
