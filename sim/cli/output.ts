import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { folderWriteProblem } from '../index.js';
import type { OptionReader } from './args.js';

/**
 * Where the `hotline` command's results go: files written atomically (only
 * after every input has been checked), workbooks for planners, and a progress
 * bar on standard error.
 */

/**
 * Check, before any work, that an output file can be written: the name is not
 * empty and does not name a folder, its folder exists (folders are never
 * created for a file) and a file can be created there. Records a problem
 * naming the option otherwise.
 *
 * @param reader collects the problem
 * @param flag the option naming the file, for the message
 * @param path the path given, or undefined when absent
 * @example
 * const reader = new OptionReader();
 * checkOutputPath(reader, '--xlsx', 'no-such-folder/plan.xlsx');
 * reader.problems; // => ['--xlsx: folder "no-such-folder" does not exist']
 */
export function checkOutputPath(reader: OptionReader, flag: string, path: string | undefined): void {
  if (path === undefined) return;
  if (path.trim() === '') {
    reader.problem(`${flag}: the file name is empty`);
    return;
  }
  if (/[\\/]$/.test(path) || (existsSync(path) && statSync(path).isDirectory())) {
    reader.problem(`${flag}: ${JSON.stringify(path)} is a folder (expected a file name)`);
    return;
  }
  const folder = dirname(resolve(path));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    reader.problem(`${flag}: folder ${JSON.stringify(dirname(path))} does not exist`);
    return;
  }
  const why = folderWriteProblem(folder);
  if (why !== undefined)
    reader.problem(`${flag}: cannot create a file in folder ${JSON.stringify(dirname(path))}: ${why}`);
}

/**
 * Check, before any work, that an output folder can be written: the name is
 * not empty and is not a file; an existing folder must take new files; a
 * missing one is created at the end (only it, never its parents), so its
 * parent must exist and take new files. Records a problem naming the option
 * otherwise.
 *
 * @param reader collects the problem
 * @param flag the option naming the folder, for the message (`--out`)
 * @param dir the folder
 * @example
 * const reader = new OptionReader();
 * checkOutputFolder(reader, '--out', 'no-such-folder/report');
 * reader.problems; // => ['--out: folder "no-such-folder" does not exist (only the last folder of --out is created)']
 */
export function checkOutputFolder(reader: OptionReader, flag: string, dir: string): void {
  if (dir.trim() === '') {
    reader.problem(`${flag}: the folder name is empty`);
    return;
  }
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      reader.problem(`${flag}: ${JSON.stringify(dir)} is a file (expected a folder)`);
      return;
    }
    const why = folderWriteProblem(dir);
    if (why !== undefined) reader.problem(`${flag}: cannot create files in ${JSON.stringify(dir)}: ${why}`);
    return;
  }
  const parent = dirname(resolve(dir));
  if (!existsSync(parent) || !statSync(parent).isDirectory()) {
    reader.problem(
      `${flag}: folder ${JSON.stringify(dirname(dir))} does not exist (only the last folder of ${flag} is created)`,
    );
    return;
  }
  const why = folderWriteProblem(parent);
  if (why !== undefined)
    reader.problem(
      `${flag}: cannot create folder ${JSON.stringify(dir)} in ${JSON.stringify(dirname(dir))}: ${why}`,
    );
}

/**
 * Check that no two output options name the same file (the second would
 * overwrite the first).
 *
 * @param reader collects the problem
 * @param outputs the output options given: [flag, path or undefined]
 * @example
 * const reader = new OptionReader();
 * checkDistinctOutputs(reader, [['--intervals', 'a.csv'], ['--xlsx', 'a.csv']]);
 * reader.problems; // => ['--xlsx and --intervals name the same file "a.csv"']
 */
export function checkDistinctOutputs(
  reader: OptionReader,
  outputs: readonly (readonly [string, string | undefined])[],
): void {
  const seen = new Map<string, string>();
  for (const [flag, path] of outputs) {
    if (path === undefined || path.trim() === '') continue;
    const key = resolve(path);
    const other = seen.get(key);
    if (other !== undefined)
      reader.problem(`${flag} and ${other} name the same file ${JSON.stringify(path)}`);
    else seen.set(key, flag);
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
 * const bytes = await workbookBytes([
 *   { name: 'Erlang', columns: [{ key: 'agents', header: 'agents', format: 'integer' }], rows: [{ agents: 14 }] },
 * ]);
 * [bytes[0], bytes[1]]; // => [80, 75] ("PK": an .xlsx file is a zip archive)
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
  /** Bars shown or about to be, for `stopAll`. */
  private static readonly active = new Set<Progress>();
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
    Progress.active.add(this);
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
    Progress.active.delete(this);
  }

  /** Remove every bar (the command is interrupted): the terminal gets its cursor back. */
  static stopAll(): void {
    for (const progress of [...Progress.active]) progress.stop();
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
