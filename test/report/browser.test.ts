import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCharts, renderReportCharts } from '../../sim/report/charts.js';
import { reportToHtml } from '../../sim/report/html.js';
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
