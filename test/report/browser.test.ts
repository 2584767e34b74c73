import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCharts, renderReportCharts } from '../../sim/report/charts.js';
import { reportToHtml } from '../../sim/report/html.js';
import { printPdf } from '../../sim/io/printPdf.js';
import { goldenReport } from './goldenRun.js';

// The report's HTML in a real browser: Debian's chromium, headless, loads the file offline,
// and the test fails on any console message (the report has no script, so a message can only
// be an error: a resource that failed to load, a parse error) or on a figure without a drawn
// chart (every <figure> must hold an <svg> whose laid-out box is larger than 0 x 0).
// The layout is measured by a small script added to a copy of the page for the test only; it
// writes its findings into the DOM, which `--dump-dom` prints. Console messages reach stderr
// with `--enable-logging=stderr --v=0` as `INFO:CONSOLE...] "message", source: ...`.
//
// Where chromium is absent the test is skipped with the reason in its name, except under
// CI=true (.ci/run installs chromium), where a missing browser is a failure.
// CHROMIUM=<path> picks another binary.
const CHROMIUM = process.env.CHROMIUM ?? 'chromium';
const UNDER_CI = process.env.CI === 'true' || process.env.CI === '1';
const available = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).status === 0;
// pdftotext (Debian's poppler-utils, which .ci/run installs) reads the PDF's text back.
const PDFTOTEXT = process.env.PDFTOTEXT ?? 'pdftotext';
const pdftotextAvailable = spawnSync(PDFTOTEXT, ['-v'], { encoding: 'utf8' }).status === 0;

/** The instrumentation: counts the figures and lists those whose SVG is missing or has no size. */
const PROBE = `<script>
  const figures = [...document.querySelectorAll('figure')];
  const bad = figures.filter((figure) => {
    const svg = figure.querySelector('svg');
    if (!svg) return true;
    const box = svg.getBoundingClientRect();
    return !(box.width > 0 && box.height > 0);
  });
  document.body.setAttribute('data-figures', String(figures.length));
  document.body.setAttribute('data-bad-figures', bad.map((figure) => figure.id || '?').join(','));
</script>`;

interface BrowserResult {
  figures: number;
  badFigures: string[];
  consoleMessages: string[];
}

let folder = '';

/** Load `html` in headless chromium and read what the probe and the console say. */
function inBrowser(name: string, html: string): BrowserResult {
  const file = join(folder, name);
  writeFileSync(file, html.replace('</body>', `${PROBE}\n</body>`));
  const run = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--enable-logging=stderr',
      '--v=0',
      '--window-size=1000,1400',
      '--dump-dom',
      pathToFileURL(file).href,
    ],
    { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`chromium exited with ${run.status}: ${run.stderr}`);
  const body = /<body([^>]*)>/.exec(run.stdout)?.[1] ?? '';
  const attribute = (key: string): string | undefined => new RegExp(`${key}="([^"]*)"`).exec(body)?.[1];
  const figures = attribute('data-figures');
  if (figures === undefined)
    throw new Error(`the probe did not run; chromium printed:\n${run.stdout.slice(0, 500)}`);
  const bad = attribute('data-bad-figures') ?? '';
  return {
    figures: Number(figures),
    badFigures: bad === '' ? [] : bad.split(','),
    consoleMessages: run.stderr.split('\n').filter((line) => /:CONSOLE[:(]/.test(line)),
  };
}

const suite = available || UNDER_CI ? describe : describe.skip;
const reason = available ? '' : ` (skipped: ${CHROMIUM} not found; apt-get install chromium)`;

suite(`the report's HTML in headless chromium${reason}`, () => {
  let html = '';

  beforeAll(async () => {
    if (!available) throw new Error(`${CHROMIUM} not found, and CI=true requires it (.ci/run installs it)`);
    folder = mkdtempSync(join(tmpdir(), 'hotline-report-'));
    const report = await goldenReport();
    html = reportToHtml(report, await renderReportCharts(reportCharts(report)));
  }, 300_000);

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('loads with no console message and every chart drawn', () => {
    const result = inBrowser('report.html', html);
    expect(result.consoleMessages).toEqual([]);
    // The golden run's report has seven charts (exact, by hand: its scenario simulates a workforce and
    // faults): quarters, assessment, daily, staffing, headcount, faults, sensitivity.
    expect(result.figures).toBe(7);
    expect(html).toContain('<figure id="figure-headcount"><svg');
    expect(html).toContain('<figure id="figure-faults"><svg');
    expect(result.badFigures).toEqual([]);
  }, 180_000);

  // The PDF as `hotline report --pdf` prints it: its text is text (pdftotext reads it), in Chinese, with
  // the cover's date, the least budget, a page number on every page but the cover, and the target
  // table's header repeated on the pages the table spans.
  it('prints to an A4 PDF whose text pdftotext reads: 编制日期, 达标所需最低预算, page numbers, repeated headers', () => {
    if (!pdftotextAvailable && UNDER_CI)
      throw new Error(`${PDFTOTEXT} not found, and CI=true requires it (.ci/run installs poppler-utils)`);
    if (!pdftotextAvailable) return;
    const pdf = join(folder, 'report.pdf');
    writeFileSync(pdf, printPdf(html, { chromium: CHROMIUM }));
    const read = (args: string[]): string => {
      const run = spawnSync(PDFTOTEXT, [...args, pdf, '-'], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
      return run.stdout;
    };
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? read([]).split('\f').length - 1);
    expect(pages).toBeGreaterThan(5);
    // A4 is 595 x 842 points (210 x 297 mm); pdfinfo prints the size when it is installed.
    if (info !== '') expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const text = read(['-layout']);
    expect(text).toContain('编制日期');
    expect(text).toContain('2019-12-31');
    expect(text).toContain('达标所需最低预算');
    const byPage = text.split('\f').filter((page) => page.trim() !== '');
    // Every page but the cover carries "第 n 页，共 N 页".
    byPage.slice(1).forEach((page, i) => expect(page).toContain(`第 ${i + 2} 页，共 ${pages} 页`));
    expect(byPage[0]).not.toMatch(/第 1 页/);
    // The target table spans pages, and its header row is printed on each of them.
    const headerPages = byPage.filter((page) => /一级指标\s+二级指标\s+三级指标/.test(page)).length;
    expect(headerPages).toBeGreaterThanOrEqual(3);
  }, 180_000);

  it('needs nothing from the network', () => {
    expect(html).not.toMatch(/\s(src|href)=["']?(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/);
  });

  // The checks can fail: a figure whose chart is gone, and a page that logs an error, are caught.
  it('catches a missing chart and a console error', () => {
    const broken = html
      .replace(/(<figure id="figure-staffing">)<svg[\s\S]*?<\/svg>/, '$1')
      .replace('</body>', '<script>console.error("deliberate error")</script>\n</body>');
    const result = inBrowser('broken.html', broken);
    expect(result.badFigures).toEqual(['figure-staffing']);
    expect(result.consoleMessages.join('\n')).toContain('deliberate error');
  }, 180_000);
});
