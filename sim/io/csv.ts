import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { InputError, type InputIssue } from '../core/errors.js';
import { decodeText } from './encoding.js';

/** How to read a delimited text file. */
export interface CsvOptions {
  /**
   * Field separator.
   *
   * __Default value:__ `','`
   */
  delimiter?: string;
  /**
   * Encoding of the bytes (`utf-8`, `gb18030`, `gbk`, or another WHATWG label).
   *
   * __Default value:__ detected, see {@link decodeText}
   */
  encoding?: string;
}

/** One data row of a CSV file, with its 1-based row number (the header is row 1). */
export interface CsvRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** A CSV file split into a header and data rows, cells trimmed, blank lines skipped. */
export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  /** The encoding the bytes were read with (`utf-8` for text passed in). */
  readonly encoding: string;
}

/** Column name used in an {@link InputIssue} about the layout of a row. */
export const ROW_COLUMN = '(row)';

/**
 * Split CSV text into a header and rows with csv-parse. Quoted fields may hold
 * separators and line breaks; cells are trimmed; blank lines are skipped but
 * still counted, so row numbers are the line numbers an editor shows.
 *
 * @param text the decoded text (a leading byte-order mark is ignored)
 * @param file the file name, for the messages
 * @param options the delimiter
 * @returns the header and the data rows
 * @throws {InputError} when the file is empty, a quote is not closed, or a row has
 *   a different number of fields from the header (every such row is listed)
 * @example
 * parseCsv('intervalStart,agents\n08:00,12\n', 'staffing.csv').rows[0];
 * // => { row: 2, cells: ['08:00', '12'] }
 */
export function parseCsv(text: string, file: string, options: CsvOptions = {}): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new InputError([
      { file, row: 0, column: ROW_COLUMN, message: 'the file is empty (expected a header row)' },
    ]);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter: options.delimiter ?? ',',
      bom: false,
      trim: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    const reason = (e.message ?? String(error)).toLowerCase();
    throw new InputError([
      { file, row: e.lines ?? 0, column: ROW_COLUMN, message: `unreadable CSV: ${reason}` },
    ]);
  }
  const issues: InputIssue[] = [];
  const rows: CsvRow[] = [];
  let header: string[] = [];
  records.forEach(({ record, info }, index) => {
    // csv-parse reports the line where a record ends; a quoted field may span lines.
    const breaks = record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    const row = info.lines - breaks;
    if (index === 0) {
      header = record;
      return;
    }
    if (record.every((cell) => cell === '')) return; // a line of separators only
    if (record.length !== header.length) {
      issues.push({
        file,
        row,
        column: ROW_COLUMN,
        message: `expected ${header.length} fields as in the header (got ${record.length})`,
      });
      return;
    }
    rows.push({ row, cells: record });
  });
  if (issues.length > 0) throw new InputError(issues);
  return { file, header, rows, encoding: 'utf-8' };
}

/**
 * Read a CSV file from disk: decode its bytes (UTF-8 with or without a
 * byte-order mark, or GB18030/GBK, detected or declared; see {@link decodeText}),
 * then split it with {@link parseCsv}.
 *
 * @param path the file to read
 * @param options delimiter and declared encoding
 * @returns the header, the rows and the encoding used
 * @throws {InputError} for an undecodable file, an empty file or a malformed row
 * @example
 * const table = readCsvFile('data/shanghai-12345-desk-2020/staffing.csv');
 * table.header.slice(0, 2); // => ['intervalStart', 'Monday']
 */
export function readCsvFile(path: string, options: CsvOptions = {}): CsvTable {
  const decoded = decodeText(readFileSync(path), path, options.encoding);
  return { ...parseCsv(decoded.text, path, options), encoding: decoded.encoding };
}
