import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { OptionReader } from './args.js';

/**
 * Where the `hotline` command's results go: files written atomically (only
 * after every input has been checked), workbooks for planners, and a progress
 * bar on standard error.
 */

/**
 * Check, before any work, that an output file can be written: its folder
 * exists and the path is not a folder. Records a problem otherwise.
 *
 * @param reader collects the problem
 * @param flag the option naming the file, for the message
 * @param path the path given, or undefined when absent
 * @example
 * checkOutputPath(reader, '--xlsx', 'no-such-folder/plan.xlsx');
 * reader.problems; // => ['--xlsx: folder "no-such-folder" does not exist']
 */
export function checkOutputPath(reader: OptionReader, flag: string, path: string | undefined): void {
  if (path === undefined) return;
  const folder = dirname(resolve(path));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    reader.problem(`${flag}: folder ${JSON.stringify(dirname(path))} does not exist`);
  } else if (existsSync(path) && statSync(path).isDirectory()) {
    reader.problem(`${flag}: ${JSON.stringify(path)} is a folder (expected a file name)`);
  }
}

/** How a workbook column's numbers are shown in Excel (the cells keep the full value). */
export type CellFormat = 'percent' | 'integer' | 'decimal' | 'text';

/** A column of a workbook sheet. */
export interface SheetColumn {
  /** Key of the value in each row. */
  key: string;
  /** Header shown in the first row, with the unit: `ASA (s)`. */
  header: string;
  /** Display format. __Default value:__ `'decimal'` */
  format?: CellFormat;
}

/** One sheet of a workbook: a table with a header row. */
export interface Sheet {
  /** Sheet name (at most 31 characters, Excel's limit). */
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly Record<string, string | number | boolean | null>[];
}

const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  percent: '0.00%',
  integer: '0',
  decimal: '0.000',
  text: undefined,
};

/**
 * An .xlsx workbook of tables, one sheet each, header row bold and frozen.
 * Numbers stay numbers (fractions shown as percentages by the cell format);
 * null is an empty cell.
 *
 * @param sheets the tables
 * @returns the file's bytes
 * @example
 * writeFileAtomic('out.xlsx', await workbookBytes([{ name: 'Erlang', columns, rows }]));
 */
export async function workbookBytes(sheets: readonly Sheet[]): Promise<Uint8Array> {
  // loaded on demand: exceljs takes most of the command's start-up time
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hotline-planner';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: Math.max(10, Math.min(60, column.header.length + 2)),
      style: NUMBER_FORMATS[column.format ?? 'decimal']
        ? { numFmt: NUMBER_FORMATS[column.format ?? 'decimal'] as string }
        : {},
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      const cells: Record<string, string | number | boolean | null> = {};
      for (const column of sheet.columns) {
        const value = row[column.key];
        cells[column.key] = typeof value === 'number' && !Number.isFinite(value) ? null : (value ?? null);
      }
      worksheet.addRow(cells);
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/** Delay before a progress bar appears: work shorter than this shows none. */
export const PROGRESS_DELAY_MS = 1000;

/**
 * A progress bar on standard error for work longer than a second, silent when
 * standard error is not a terminal (a pipe, a file, a test). A line of detail
 * after the count says where long work stands (`simulate, 340 seats, bracket (320, 360]`).
 */
export class Progress {
  private bar: cliProgress.SingleBar | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private done = 0;
  private detail = '';
  private note = '';

  /**
   * @param label what is being counted: `replications`
   * @param total the count at the end (an estimate may be raised with `setTotal`)
   */
  constructor(
    private readonly label: string,
    private total: number,
  ) {
    if (!process.stderr.isTTY) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: `${this.label} [{bar}] {value}/{total} {percentage}% eta {eta_formatted} {detail}`,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(this.total, this.done, { detail: this.shown() });
    }, PROGRESS_DELAY_MS);
    this.timer.unref();
  }

  /**
   * Set the count done so far, and optionally the detail shown after it.
   *
   * @param done the count done
   * @param detail where the work stands, in a few words
   */
  update(done: number, detail?: string): void {
    this.done = done;
    if (detail !== undefined) this.detail = detail;
    this.bar?.update(done, { detail: this.shown() });
  }

  /**
   * Set a note shown after the detail, kept across updates (where the work
   * runs: `2 workers, 5 jobs waiting, 2 running` for a queue).
   *
   * @param note a few words
   */
  setNote(note: string): void {
    this.note = note;
    this.bar?.update(this.done, { detail: this.shown() });
  }

  private shown(): string {
    return this.note === '' ? this.detail : this.detail === '' ? this.note : `${this.detail}; ${this.note}`;
  }

  /**
   * Change the count at the end (a search whose length is known as it goes).
   *
   * @param total the new total, at least the count done
   */
  setTotal(total: number): void {
    this.total = Math.max(total, this.done);
    this.bar?.setTotal(this.total);
  }

  /** Remove the bar (or cancel it before it appears). */
  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.bar?.stop();
    this.bar = undefined;
  }
}

/**
 * A CSV text with a header; numbers written in full, null and non-finite as
 * empty cells, text quoted when needed.
 *
 * @example
 * csvText(['a', 'b'], [{ a: 1, b: 'x,y' }]); // => 'a,b\n1,"x,y"\n'
 */
export function csvText(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return (
    [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\n') + '\n'
  );
}
