import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../sim/io/scenarioFile.js';
import { hourlySeries } from '../forecast/synthetic.js';

// The BUILT command, as a user runs it (`npm test` builds first).
const MAIN = resolve('dist/sim/cli/main.js');
const BANK = resolve('data/anonymous-bank/calls-1999-02.tsv');
const SHIPPED = resolve('data/shanghai-12333-2020/scenario.json');
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

function hotline(args: readonly string[]) {
  const run = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 110_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
let volumes: string;
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  dir = mkdtempSync(join(tmpdir(), 'hotline-forecast-'));
  // Five weeks of half hours from Monday 2 March 2020, as a planner's volume table.
  const hourly = hourlySeries({ startDate: '2020-03-02', days: 35, seed: 'cli', dayCv: 0.05 });
  const lines = ['date,intervalStart,calls'];
  hourly.calls.forEach((calls, i) => {
    const date = new Date(Date.UTC(2020, 2, 2 + Math.floor(i / 24))).toISOString().slice(0, 10);
    const hour = String(i % 24).padStart(2, '0');
    const half = Math.floor(calls / 2);
    lines.push(`${date},${hour}:00,${half}`, `${date},${hour}:30,${calls - half}`);
  });
  volumes = join(dir, 'volumes.csv');
  writeFileSync(volumes, lines.join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BANK_ARGS = [
  'forecast',
  BANK,
  '--format',
  'anonymous-bank',
  '--calendar',
  'none',
  '--train',
  '1999-02-01:1999-02-21',
  '--horizon',
  '1999-02-22:1999-02-28',
  '--interval-minutes',
  '60',
];

describe('hotline forecast', () => {
  it('forecasts the bank by hour: --json carries byInterval with start, mean, lower, upper', () => {
    const run = hotline([...BANK_ARGS, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      model: string;
      input: { records: number; notOffered: number; trainCalls: number };
      byInterval: { start: string; mean: number; lower: number; upper: number }[];
      byDay: unknown[];
      backtest: { origins: string[] };
      score?: unknown;
    };
    expect(out.model).toBe('average');
    expect(out.input).toMatchObject({ records: 31_094, notOffered: 0 }); // the reader leaves out hang-ups with no wait
    expect(out.byInterval).toHaveLength(168);
    expect(Object.keys(out.byInterval[0]!)).toEqual(['start', 'mean', 'lower', 'upper']);
    expect(out.byInterval[10]!.start).toBe('1999-02-22T10:00');
    expect(out.byDay).toHaveLength(7);
    expect(out.backtest.origins).toHaveLength(7);
    expect(out.score).toBeUndefined();
  });

  it('--backtest prints every method against the naive; --score the held-out week', () => {
    const run = hotline([...BANK_ARGS, '--backtest', '--score']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^naive +17\.1% +26\.0% /m);
    expect(run.stdout).toMatch(/^average .* used$/m);
    expect(run.stdout).toContain('Held-out score on 1999-02-22 to 1999-02-28');
    expect(run.stdout).toMatch(/^average +13\.7% +19\.3% +19\.8% +80\.0%$/m);
    expect(run.stdout).toMatch(/^naive +9\.0% +20\.8% +21\.3% +-$/m);
  });

  it('reads a volume table, writes the workbook and a scenario copy; the original scenario is untouched', async () => {
    const before = createHash('sha256').update(readFileSync(SHIPPED)).digest('hex');
    const xlsx = join(dir, 'forecast.xlsx');
    const out = join(dir, 'week.json');
    const run = hotline([
      'forecast',
      volumes,
      '--train',
      '2020-03-02:2020-03-29',
      '--horizon',
      '2020-03-30:2020-04-05',
      '--origins',
      '7',
      '--xlsx',
      xlsx,
      '--scenario',
      SHIPPED,
      '--out-scenario',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('30-minute intervals, calendar: no holidays');
    expect(run.stdout).toContain(`scenario ${SHIPPED} copied with the forecast as its arrivals`);
    expect(createHash('sha256').update(readFileSync(SHIPPED)).digest('hex')).toBe(before);
    const copy = readScenarioFile(out);
    expect(copy.scenario.startDate).toBe('2020-03-30');
    expect(copy.scenario.days).toBe(7);
    expect(copy.scenario.volumeForecastCv).toBeGreaterThan(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'By interval',
      'By day',
      'Backtest',
      'Uncertainty',
    ]);
    expect(workbook.getWorksheet('By interval')!.rowCount).toBe(1 + 7 * 48);
  });

  it('lists every problem of bad input at once, exit 2, no stack trace, nothing written', () => {
    const xlsx = join(dir, 'bad.xlsx');
    const run = hotline([
      'forecast',
      BANK,
      '--format',
      'anonymous-bank',
      '--train',
      '1999-02-01:1999-02-10',
      '--horizon',
      '1999-02-05:1999-02-12',
      '--model',
      'prophet',
      '--level',
      '80',
      '--xlsx',
      xlsx,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).toContain('--train: 1999-02-01 to 1999-02-10 is 10 days');
    expect(run.stderr).toContain('--horizon: starts on 1999-02-05, not after the training ends (1999-02-10)');
    expect(run.stderr).toContain(
      '--model: must be auto or one of naive, average, daily, mstl, ensemble (got "prophet")',
    );
    expect(run.stderr).toContain('--level');
    expect(existsSync(xlsx)).toBe(false);
  });

  it('refuses a history with a gap in the training days', () => {
    const text = readFileSync(volumes, 'utf8').split('\n');
    const gappy = join(dir, 'gappy.csv');
    writeFileSync(gappy, text.filter((line) => !line.startsWith('2020-03-10,09:')).join('\n'));
    const run = hotline([
      'forecast',
      gappy,
      '--train',
      '2020-03-02:2020-03-29',
      '--horizon',
      '2020-03-30:2020-04-05',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'the history has a gap from 2020-03-10T09:00 to 2020-03-10T09:30 (no data) inside the training days',
    );
  });

  it('refuses a scenario copy for days its calendar does not cover, before any work', () => {
    const out = join(dir, 'bank-week.json');
    const run = hotline([...BANK_ARGS, '--scenario', SHIPPED, '--out-scenario', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "calendar.holidays: China's official calendar (chinese-days, 2004-2026) does not cover 1999",
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('bank-week'))).toEqual([]);
  });

  it("takes the day types from --calendar: china for its years, or a holiday list of one's own", () => {
    const china = hotline(BANK_ARGS.map((a) => (a === 'none' ? 'china' : a)));
    expect(china.status).toBe(2);
    expect(china.stderr).toContain('--calendar: ');
    expect(china.stderr).toContain('does not cover 1999');
    const list = join(dir, 'holidays-1999.csv');
    writeFileSync(list, 'date,kind,name\n1999-02-24,holiday,a day off for the test\n');
    const run = hotline([...BANK_ARGS.map((a) => (a === 'none' ? list : a)), '--json']);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as {
      byDay: { date: string; dayType: string }[];
      warnings: string[];
      calendar: string;
    };
    expect(out.calendar).toBe('holidays-1999.csv (1999)');
    expect(out.byDay.find((d) => d.date === '1999-02-24')?.dayType).toBe('holiday');
    expect(out.warnings).toContain(
      'no holiday in the training days: such days of the horizon are forecast like Saturday (an assumed rule)',
    );
  });
});
