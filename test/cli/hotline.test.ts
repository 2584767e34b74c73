import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCalibration } from '../../sim/index.js';
import { writeTinyScenario } from './helpers.js';

// These tests run the BUILT command as a user does (`npm test` builds first;
// alone: `npm run build && npx vitest run test/cli`).
const MAIN = resolve('dist/sim/cli/main.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function hotline(args: readonly string[], cwd = process.cwd()): Run {
  const run = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', timeout: 110_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A stack trace line, as Node prints them. */
const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;

let dir: string;

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  dir = mkdtempSync(join(tmpdir(), 'hotline-cli-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('hotline --help', () => {
  it.each(['erlang', 'simulate', 'calibrate'])(
    '%s --help shows its options and an example, exit 0',
    (name) => {
      const run = hotline([name, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`Usage: hotline ${name}`);
      expect(run.stdout).toMatch(/Examples?:/);
      expect(run.stdout).toContain(`$ hotline ${name} `);
      expect(run.stdout).toContain('--json');
    },
  );

  it('lists every command with an example; no command is bad input (exit 2)', () => {
    const help = hotline(['--help']);
    expect(help.status).toBe(0);
    for (const name of ['erlang', 'simulate', 'plan', 'sweep', 'calibrate'])
      expect(help.stdout).toContain(`$ hotline ${name} `);
    expect(hotline([]).status).toBe(2);
  });
});

describe('hotline erlang', () => {
  // Published example (issue 2; the classic Erlang C worked example): 100 calls
  // per 30 minutes, 180 s handle, 14 agents, answered within 20 s:
  // P(wait) 0.17413, service level 0.88835.
  const example = [
    'erlang',
    '--calls',
    '100',
    '--interval-minutes',
    '30',
    '--handle',
    '180',
    '--agents',
    '14',
  ];

  it('prints the published example in the table, as percentages', () => {
    const run = hotline([...example, '--threshold', '20']);
    expect(run.status).toBe(0);
    const row = run.stdout.split('\n').find((line) => /^\s*14\s/.test(line));
    expect(row).toBeDefined();
    expect(row).toContain('17.41%');
    expect(row).toContain('88.84%');
    expect(run.stdout).toContain('service level (20 s)');
    expect(run.stdout).toContain('ASA (s)');
  });

  it('prints the published example in --json, unformatted, keys in a stable order', () => {
    const run = hotline([...example, '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(['command', 'model', 'inputs', 'target', 'requiredAgents', 'rows']);
    expect(result.inputs.arrivalsPerHour).toBe(200); // 100 calls per 30 minutes, exact
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0].agents).toBe(14);
    expect(result.rows[0].probWait).toBeCloseTo(0.17413, 5);
    expect(result.rows[0].serviceLevel).toBeCloseTo(0.88835, 5);
  });

  // Same published example: 13 agents give 79.56% within 20 s, 14 give 88.84%,
  // so 14 is the least meeting 80/20.
  it('finds the least agents for a target and shows two counts either side', () => {
    const run = hotline([
      'erlang',
      '--arrivals-per-hour',
      '200',
      '--handle',
      '180',
      '--target-service-level',
      '80%',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.requiredAgents).toBe(14);
    expect(result.rows.map((row: { agents: number }) => row.agents)).toEqual([12, 13, 14, 15, 16]);
    expect(result.rows.map((row: { meetsTarget: boolean }) => row.meetsTarget)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('prints one row per agent count of a range', () => {
    const run = hotline([
      'erlang',
      '--arrivals-per-hour',
      '1000',
      '--handle',
      '220',
      '--patience',
      '90',
      '--agents',
      '50..60',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout).rows as { agents: number; answerRate: number }[];
    expect(rows.map((row) => row.agents)).toEqual([50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60]);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.answerRate).toBeGreaterThan(rows[i - 1]!.answerRate);
  });

  it('with redials, meets the target at the required count and misses it one agent below', () => {
    const run = hotline([
      'erlang',
      '--arrivals-per-hour',
      '1000',
      '--handle',
      '220',
      '--patience',
      '90',
      '--redial',
      '0.5',
      '--max-attempts',
      '4',
      '--target-answer-rate',
      '0.8',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    const byAgents = new Map(result.rows.map((row: { agents: number }) => [row.agents, row]));
    const at = byAgents.get(result.requiredAgents) as { answerRate: number; offeredAttemptsPerHour: number };
    const below = byAgents.get(result.requiredAgents - 1) as { answerRate: number };
    expect(at.answerRate).toBeGreaterThanOrEqual(0.8);
    expect(below.answerRate).toBeLessThan(0.8);
    expect(at.offeredAttemptsPerHour).toBeGreaterThan(1000); // redials add attempts
  });

  it('bad options: exit 2, every problem listed, no stack trace, nothing written', () => {
    const xlsx = join(dir, 'never.xlsx');
    const run = hotline([
      'erlang',
      '--calls',
      '-1',
      '--handle',
      'abc',
      '--agents',
      '3.5',
      '--agnets',
      '4',
      '--target-service-level',
      '120%',
      '--patience',
      '0',
      '--xlsx',
      xlsx,
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    for (const problem of [
      'unknown option --agnets (did you mean --agents?)',
      '--calls: must be a number >= 0',
      '--handle: must be a number > 0 (seconds) (got "abc")',
      '--agents: must be a non-negative integer or a range such as 30..60 (got "3.5")',
      '--target-service-level: must be a fraction in [0, 1]',
      '--patience: must be a number > 0',
    ]) {
      expect(run.stderr).toContain(problem);
    }
    expect(run.stderr).toContain('6 problem(s)');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(xlsx)).toBe(false);
  });

  it('an option missing its value, an unknown command, a missing load: exit 2', () => {
    const missing = hotline(['erlang', '--handle']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('option --handle needs a value');
    const unknown = hotline(['erlangg']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'erlangg'");
    const noLoad = hotline(['erlang', '--handle', '180', '--agents', '3']);
    expect(noLoad.status).toBe(2);
    expect(noLoad.stderr).toContain('give the load');
  });

  it("a library's argument check is a user error: exit 2 with its message, no stack", () => {
    // Erlang B can never reach a block rate of 0 with calls offered.
    const run = hotline([
      'erlang',
      '--arrivals-per-hour',
      '200',
      '--handle',
      '180',
      '--waiting-room',
      '0',
      '--target-block-rate',
      '0',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('requiredAgents:');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('--xlsx writes a workbook that exceljs reads back, numbers unformatted', async () => {
    const path = join(dir, 'erlang.xlsx');
    const run = hotline([
      'erlang',
      '--calls',
      '100',
      '--handle',
      '180',
      '--agents',
      '13..15',
      '--xlsx',
      path,
    ]);
    expect(run.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Erlang');
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(1).values as unknown[]).slice(1);
    const agentsColumn = header.indexOf('agents') + 1;
    const serviceColumn = header.indexOf('service level') + 1;
    expect(sheet!.rowCount).toBe(4); // header + 13, 14, 15
    expect(sheet!.getRow(3).getCell(agentsColumn).value).toBe(14);
    expect(sheet!.getRow(3).getCell(serviceColumn).value as number).toBeCloseTo(0.88835, 5); // published example
    expect(workbook.getWorksheet('Inputs')).toBeDefined();
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('hotline calibrate', () => {
  // The hand-worked example of test/calibrate/calibrateFromRecords.test.ts as a CSV:
  // two Mondays; 4 calls in 08:00-08:30 over 2 Mondays = 4 per hour; agents present
  // (1 + 0.5) / 2 = 0.75; patience: 2 abandonments over 200 s of waiting = 100 s,
  // Kaplan-Meier median 60 s. Exact, by hand.
  const csv = [
    'callId,arrivalTime,waitSeconds,outcome,handleSeconds,agentId',
    '1,2020-03-02 08:00:00,0,answered,1800,A',
    '2,2020-03-02 08:10:00,60,abandoned,,',
    '3,2020-03-09 08:00:00,0,answered,900,B',
    '4,2020-03-09 08:05:00,140,abandoned,,',
  ].join('\n');

  it('writes valid calibrated parameters JSON and prints a summary', () => {
    const records = join(dir, 'calls.csv');
    const out = join(dir, 'calls.calibration.json');
    writeFileSync(records, csv + '\n');
    const run = hotline(['calibrate', records, '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('4 calls for an agent: 2 answered, 2 abandoned, 0 blocked');
    const parameters = parseCalibration(readFileSync(out, 'utf8'), out); // throws if invalid
    expect(parameters.source).toBe('calls.csv');
    expect(parameters.patience).toEqual({
      distribution: 'exponential',
      meanSeconds: 100,
      kaplanMeierMedianSeconds: 60,
    });
    const monday = parameters.weekdays.find((w) => w.weekday === 'Monday');
    expect(monday?.days).toBe(2);
    expect(monday?.arrivalsPerHour[16]).toBe(4);
    expect(monday?.agentsPresent[16]).toBe(0.75);
  });

  it('--xlsx writes the weekday summary and the rates per weekday and interval', async () => {
    const records = join(dir, 'calls-xlsx.csv');
    const out = join(dir, 'calls-xlsx.calibration.json');
    const xlsx = join(dir, 'calls.xlsx');
    writeFileSync(records, csv + '\n');
    const run = hotline(['calibrate', records, '--out', out, '--xlsx', xlsx]);
    expect(run.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Weekdays', 'Intervals']);
    const intervals = workbook.getWorksheet('Intervals')!;
    // Monday 08:00-08:30: 4 calls an hour and 0.75 agents present (the hand-worked example above)
    const row = intervals
      .getRows(2, intervals.rowCount - 1)!
      .find((r) => r.getCell(1).value === 'Monday' && r.getCell(2).value === '08:00');
    expect(row?.getCell(3).value).toBe(4);
    expect(row?.getCell(4).value).toBe(0.75);
  });

  it('a bad records file: exit 2, every bad row listed, no file written', () => {
    const records = join(dir, 'bad-calls.csv');
    const out = join(dir, 'bad.calibration.json');
    writeFileSync(
      records,
      [
        'callId,arrivalTime,waitSeconds,outcome,handleSeconds,agentId',
        '1,2020-03-02 08:00:00,-5,answered,1800,A',
        '2,2020-03-02 25:10:00,60,abandoned,,',
        '3,2020-03-09 08:00:00,0,served,900,B',
      ].join('\n') + '\n',
    );
    const run = hotline(['calibrate', records, '--out', out, '--format', 'bank']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--format: must be call-records or anonymous-bank (got "bank")');
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(out)).toBe(false);
    const again = hotline(['calibrate', records, '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/bad-calls\.csv:2 waitSeconds/);
    expect(again.stderr).toMatch(/bad-calls\.csv:3 arrivalTime/);
    expect(again.stderr).toMatch(/bad-calls\.csv:4 outcome/);
    expect(again.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(out)).toBe(false);
  });
});

describe('hotline simulate', () => {
  it('gives the same --json for --workers 1 and --workers 2', () => {
    const scenario = writeTinyScenario(dir);
    const one = hotline([
      'simulate',
      scenario,
      '--replications',
      '4',
      '--seed',
      '7',
      '--workers',
      '1',
      '--json',
    ]);
    const two = hotline([
      'simulate',
      scenario,
      '--replications',
      '4',
      '--seed',
      '7',
      '--workers',
      '2',
      '--json',
    ]);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(''); // no progress bar when standard error is not a terminal
    const result = JSON.parse(one.stdout);
    expect(result.replications).toBe(4);
    expect(result.scenario.days).toBe(3);
    expect(result.kpis.answerRate.n).toBe(4);
    expect(result.kpis.answerRate.ciLow).toBeLessThanOrEqual(result.kpis.answerRate.mean);
    expect(result.quarters.map((q: { period: string }) => q.period)).toEqual(['2020-Q1']);
    // a different seed gives other draws
    const other = hotline([
      'simulate',
      scenario,
      '--replications',
      '4',
      '--seed',
      '8',
      '--workers',
      '1',
      '--json',
    ]);
    expect(other.stdout).not.toBe(one.stdout);
  });

  it('prints KPIs with 95% intervals, writes the interval rows as CSV and a workbook', async () => {
    const scenario = writeTinyScenario(dir);
    const csv = join(dir, 'intervals.csv');
    const xlsx = join(dir, 'simulate.xlsx');
    const run = hotline([
      'simulate',
      scenario,
      '--replications',
      '3',
      '--intervals',
      csv,
      '--xlsx',
      xlsx,
      '--days',
      '2',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('95% interval');
    expect(run.stdout).toContain('2020-Q1');
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^interval,answerRateMean,answerRateCiLow,answerRateCiHigh,/);
    expect(lines).toHaveLength(1 + 2 * 48); // header + 2 days of half hours
    expect(lines[17]).toMatch(/^2020-03-02T08:00,0\.\d+|^2020-03-02T08:00,1,/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['KPIs', 'Quarters', 'Intervals']);
    expect(workbook.getWorksheet('Intervals')!.rowCount).toBe(1 + 2 * 48);
  });

  it('a bad scenario file: exit 2, every problem listed with its path, nothing written', () => {
    const folder = mkdtempSync(join(dir, 'bad-'));
    const scenario = writeTinyScenario(folder, {
      extra: {
        horizon: { startDate: '2020-03-02', days: -3, intervalMinutes: 20 },
        colour: 'red',
      },
    });
    const csv = join(folder, 'intervals.csv');
    const run = hotline(['simulate', scenario, '--intervals', csv, '--replications', '0']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--replications: must be an integer >= 1');
    expect(run.stderr).toMatch(/horizon\.days/);
    expect(run.stderr).toMatch(/horizon\.intervalMinutes/);
    expect(run.stderr).toMatch(/colour/);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(csv)).toBe(false);
  });

  it('an internal failure (here: no compiled worker under the project root) exits 1 with its stack', () => {
    const root = mkdtempSync(join(dir, 'root-'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'hotline-planner' }));
    const scenario = writeTinyScenario(dir);
    const run = spawnSync(
      process.execPath,
      [MAIN, 'simulate', scenario, '--replications', '2', '--workers', '1'],
      {
        encoding: 'utf8',
        env: { ...process.env, HOTLINE_PLANNER_ROOT: root },
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('internal error');
    expect(run.stderr).toMatch(STACK_LINE);
  });

  it('a scenario or records file that does not exist is bad input (exit 2, no stack), not an internal error', () => {
    const missing = join(dir, 'no-such-scenario.json');
    const run = hotline(['simulate', missing, '--replications', '1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${JSON.stringify(missing)} does not exist`);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const records = hotline(['calibrate', dir, '--out', join(dir, 'x.json')]);
    expect(records.status).toBe(2);
    expect(records.stderr).not.toMatch(STACK_LINE);
  });

  it('a missing scenario argument and a missing output folder are bad input', () => {
    const run = hotline(['simulate', '--xlsx', join(dir, 'no-such-folder', 'x.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing argument <scenario>');
    expect(run.stderr).toContain('--xlsx: folder');
  });
});
