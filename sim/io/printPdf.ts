import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The headless browser that prints PDFs: the `CHROMIUM` environment variable
 * when set, else `chromium` (Debian's package) on the path.
 *
 * @returns the command
 * @example
 * chromiumCommand(); // => 'chromium' (without CHROMIUM set)
 */
export function chromiumCommand(): string {
  const named = process.env.CHROMIUM;
  return named !== undefined && named !== '' ? named : 'chromium';
}

/**
 * Whether the headless browser can be run (`chromium --version` succeeds).
 *
 * @param command the browser's command (`chromiumCommand()` by default)
 * @returns true when it runs
 * @example
 * if (!chromiumAvailable()) console.error('install chromium to print PDFs');
 */
export function chromiumAvailable(command = chromiumCommand()): boolean {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return probe.status === 0;
}

/** Options of `printPdf`. */
export interface PrintPdfOptions {
  /** The browser's command. __Default value:__ `chromiumCommand()` */
  chromium?: string;
  /** Most milliseconds the browser may take. __Default value:__ `180000` */
  timeoutMs?: number;
}

/**
 * Print an HTML page to PDF with headless Chromium (`--print-to-pdf`, the
 * browser's own header and footer left out so the page's CSS decides: its
 * `@page` size, margins and page-number boxes, and its table headers repeated
 * on every page). The page is written to a private temporary folder, printed
 * there and the folder removed, so nothing is left behind; the caller writes
 * the bytes where they belong (atomically, with the other files of a set).
 * The PDF keeps the text as text (fonts embedded), so `pdftotext` reads it.
 *
 * @param html a self-contained HTML page (no network access is needed)
 * @param options the browser and a timeout
 * @returns the PDF's bytes
 * @throws {Error} when the browser cannot be run, fails, or writes no PDF, with what it printed
 * @example
 * // Needs Debian's chromium (or CHROMIUM=<path>); `hotline report --pdf` checks for it first.
 * if (chromiumAvailable()) {
 *   const pdf = printPdf('<!DOCTYPE html><html><body><p>编制日期 2019-12-31</p></body></html>');
 *   writeFileAtomic(join(tmpdir(), 'page.pdf'), pdf);
 * }
 */
export function printPdf(html: string, options: PrintPdfOptions = {}): Uint8Array {
  const command = options.chromium ?? chromiumCommand();
  const folder = mkdtempSync(join(tmpdir(), 'hotline-pdf-'));
  try {
    const page = join(folder, 'page.html');
    const pdf = join(folder, 'page.pdf');
    writeFileSync(page, html, 'utf8');
    const run = spawnSync(
      command,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-pdf-header-footer',
        `--user-data-dir=${join(folder, 'profile')}`,
        `--print-to-pdf=${pdf}`,
        pathToFileURL(page).href,
      ],
      { encoding: 'utf8', timeout: options.timeoutMs ?? 180_000, maxBuffer: 16 * 1024 * 1024 },
    );
    if (run.error !== undefined) {
      throw new Error(`printPdf: ${command} could not be run (${run.error.message})`);
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(pdf);
    } catch {
      throw new Error(
        `printPdf: ${command} wrote no PDF (exit ${String(run.status)}): ${(run.stderr || run.stdout).trim().slice(0, 500)}`,
      );
    }
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new Error(`printPdf: ${command} wrote a file that is not a PDF`);
    }
    return new Uint8Array(bytes);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
