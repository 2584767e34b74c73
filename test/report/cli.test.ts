import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../sim/report/types.js';

// `hotline report` as a user runs it: the BUILT command (`npm test` builds first; alone:
// `npm run build && npx vitest run test/report/cli.test.ts`).
const MAIN = resolve('dist/sim/cli/main.js');
const SCENARIO = join('data', 'shanghai-12333-2020', 'scenario.json');
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

function hotline(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 110_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-report-cli-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('hotline report', () => {
  it('--help describes the command with examples and exits 0', () => {
    const run = hotline(['report', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: hotline report [options] <scenario>');
    expect(run.stdout).toMatch(/Examples:\n\s+\$ hotline report data\//);
    for (const flag of [
      '--out',
      '--replications',
      '--seed',
      '--json',
      '--bank',
      '--pdf',
      '--lang',
      '--date',
      '--organisation',
      '--least-replications',
    ])
      expect(run.stdout).toContain(flag);
  });

  it('lists every problem of bad input at once, exits 2 with no stack, and writes nothing', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const out = join(dir, 'never');
    const run = hotline([
      'report',
      join(dir, 'missing.json'),
      '--replications',
      '0',
      '--seed',
      '-1',
      '--sensitivity-days',
      'x',
      '--desk-replications',
      '-2',
      '--bogus',
      '--out',
      file,
      '--bank',
      join(dir, 'no-bank.tsv'),
      '--lang',
      'fr',
      '--date',
      '2019-02-30',
      '--least-replications',
      '-1',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--lang: must be zh or en (got "fr")');
    expect(run.stderr).toContain('--date: must be a date YYYY-MM-DD (got "2019-02-30")');
    expect(run.stderr).toContain('--least-replications');
    expect(run.stderr).toContain('--replications');
    expect(run.stderr).toContain('--seed');
    expect(run.stderr).toContain('--sensitivity-days');
    expect(run.stderr).toContain('--desk-replications');
    expect(run.stderr).toContain('--bogus');
    expect(run.stderr).toContain('--out');
    expect(run.stderr).toContain('missing.json" does not exist');
    expect(run.stderr).toContain('no-bank.tsv" does not exist');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['a-file']);
  });

  it('writes report.html, report.md and report.json for a short run and prints the target table', () => {
    const out = join(dir, 'short');
    const run = hotline([
      'report',
      SCENARIO,
      '--days',
      '2',
      '--replications',
      '2',
      '--workers',
      '1',
      '--sensitivity-days',
      '0',
      '--bank',
      'none',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['report.html', 'report.json', 'report.md']);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    // Exact, from the command line: 2 days, 2 replications, seed 1 (the default).
    expect([report.scenario.days, report.run.replications, report.run.seed]).toEqual([2, 2, 1]);
    expect(report.risks.sensitivity).toBeNull();
    expect(run.stdout).toContain('综合接通率 overall answer rate');
    // The 12333 2020 scenario carries the 12345 desk's table by default: the 18 indicators of
    // data/targets/shanghai-12345-desk-2020.json (counted by hand).
    const desk = report.sections.find((section) => section.id === 'desk-12345');
    const deskTable = desk?.blocks.find((block) => block.kind === 'targets');
    expect(deskTable?.kind === 'targets' ? deskTable.table.rows.length : 0).toBe(18);
    expect(run.stdout).toContain('转接接通率 transfer answer rate');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/<figure id="figure-staffing"><svg/);
    // The least budget, with its seats, ends the verdict.
    expect(report.leastBudget?.seats).toBeGreaterThan(0);
    expect(report.verdict.text.en).toMatch(/Least budget that meets the targets: [\d,]+ yuan/);
    // The date on the cover is today's when --date is not given.
    expect(report.cover.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  // --pdf prints the HTML to report.pdf with headless Chromium; --lang en is the English edition,
  // --date and --organisation fill the cover. Skipped without Chromium, except under CI=true.
  const chromium = spawnSync(process.env.CHROMIUM ?? 'chromium', ['--version']).status === 0;
  it.skipIf(!chromium && process.env.CI !== 'true')(
    '--pdf --lang en --date --organisation writes report.pdf and the English edition with the cover filled in',
    () => {
      const out = join(dir, 'pdf');
      const run = hotline([
        'report',
        SCENARIO,
        '--days',
        '2',
        '--replications',
        '2',
        '--sensitivity-days',
        '0',
        '--desk-replications',
        '0',
        '--least-replications',
        '0',
        '--bank',
        'none',
        '--pdf',
        '--lang',
        'en',
        '--date',
        '2019-12-31',
        '--organisation',
        'Consulting Service Center',
        '--out',
        out,
      ]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['report.html', 'report.json', 'report.md', 'report.pdf']);
      expect(readFileSync(join(out, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const html = readFileSync(join(out, 'report.html'), 'utf8');
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('<th>Date prepared</th><td>2019-12-31</td>');
      expect(html).toContain('<td>Consulting Service Center</td>');
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
      expect(report.cover).toMatchObject({ date: '2019-12-31', organisation: 'Consulting Service Center' });
      expect(report.leastBudget).toBeNull();
      expect(report.leastBudgetNote.en).toBe('not computed for this report (not asked for).');
    },
    120_000,
  );
});
