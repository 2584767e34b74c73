import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../sim/cli/command.js';
import { confirmLongRun } from '../../sim/cli/longRun.js';
import { readScenarioFile } from '../../sim/index.js';
import { NO_TERMINAL, QUICK, quickReportArgs, runHotline, STACK_LINE, writeTinyScenario } from './helpers.js';

// The edges of a run (issue 14), with `hotline` run in this process (`--workers 0`: no
// build needed, no worker threads): output paths checked before any work, repeated
// options, an empty load and no agents, long runs, and rates and their intervals
// within [0, 1] in every output. Each case failed on the code before issue 14.

let dir: string;
let scenario: string;
let generous: string;
const SHIPPED = 'data/shanghai-12333-2020/scenario.json';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-edges-'));
  scenario = writeTinyScenario(dir);
  generous = writeTinyScenario(dir, { agents: 7, name: 'generous' });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The files of a folder, temporaries included, sorted. */
function filesIn(folder: string): string[] {
  return readdirSync(folder).sort();
}

/** Expect bad input: status 2, every message on standard error, no stack, nothing printed. */
function expectBadInput(
  run: { status: number | null; stdout: string; stderr: string },
  ...messages: string[]
) {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stdout).toBe('');
  for (const message of messages) expect(run.stderr).toContain(message);
}

describe('output paths are checked before any work starts', () => {
  it('simulate --xlsx /proc/x.xlsx --intervals i.csv: exit 2 naming --xlsx, and no i.csv left', async () => {
    const before = filesIn(dir);
    const intervals = join(dir, 'i.csv');
    const run = await runHotline([
      'simulate',
      scenario,
      ...QUICK,
      '--xlsx',
      '/proc/x.xlsx',
      '--intervals',
      intervals,
    ]);
    expectBadInput(run, '--xlsx: cannot create a file in folder "/proc"');
    expect(filesIn(dir)).toEqual(before);
  });

  const W0 = ['--workers', '0'];
  const TARGETS = ['--targets', 'data/targets/shanghai-12333-2020.json'];
  it.each([
    [
      ['erlang', '--calls', '100', '--handle', '180', '--agents', '14', '--xlsx', ''],
      '--xlsx: the file name is empty',
    ],
    [
      ['erlang', '--calls', '100', '--handle', '180', '--agents', '14', '--xlsx', '/proc/e.xlsx'],
      '--xlsx: cannot create a file in folder "/proc"',
    ],
    [['report', 'SCENARIO', ...W0, '--out', ''], '--out: the folder name is empty'],
    [
      ['report', 'SCENARIO', ...W0, '--out', '/proc/hotline-report'],
      '--out: cannot create folder "/proc/hotline-report"',
    ],
    [
      ['report', 'SCENARIO', ...W0, '--out', 'DIR/no-such/report'],
      'does not exist (only the last folder of --out is created)',
    ],
    [
      [
        'calibrate',
        'data/anonymous-bank/calls-1999-02.tsv',
        '--format',
        'anonymous-bank',
        '--out',
        '/proc/c.json',
      ],
      '--out: cannot create a file in folder "/proc"',
    ],
    [
      ['sweep', 'SCENARIO', ...W0, ...TARGETS, '--seats', '4', '--csv', '/proc/s.csv'],
      '--csv: cannot create a file in folder "/proc"',
    ],
    [
      ['plan', 'SCENARIO', ...W0, ...TARGETS, '--budget', '5e6', '--xlsx', '/proc/p.xlsx'],
      '--xlsx: cannot create a file in folder "/proc"',
    ],
    [['simulate', 'SCENARIO', ...W0, '--xlsx', 'DIR'], 'is a folder (expected a file name)'],
    [['simulate', 'SCENARIO', ...W0, '--xlsx', 'DIR/no-such/x.xlsx'], '--xlsx: folder'],
    [
      ['simulate', 'SCENARIO', ...W0, '--intervals', 'DIR/same.x', '--xlsx', 'DIR/same.x'],
      '--xlsx and --intervals name the same file',
    ],
  ])('%j: exit 2 with the option named, nothing written', async (args, message) => {
    const before = filesIn(dir);
    const run = await runHotline(args.map((arg) => arg.replace('SCENARIO', scenario).replace('DIR', dir)));
    expectBadInput(run, message);
    expect(filesIn(dir)).toEqual(before);
    expect(existsSync('/proc/hotline-report')).toBe(false);
  });

  it('report --out creates the last folder only, and writes the three files as one set', async () => {
    const out = join(dir, 'report-new');
    const run = await runHotline(quickReportArgs(scenario, out));
    expect(run.status, run.stderr).toBe(0);
    expect(filesIn(out)).toEqual(['report.html', 'report.json', 'report.md']);
  });
});

describe('options', () => {
  it('a repeated option is an error (commander kept the last silently); --vary may be repeated', async () => {
    const run = await runHotline(['simulate', scenario, '--days', '3', '--days', '5', '--workers', '0']);
    expectBadInput(run, 'option --days is given 2 times ("3", "5"): give it once');
    const flags = await runHotline([
      'erlang',
      '--calls',
      '10',
      '--handle',
      '100',
      '--agents',
      '2',
      '--json',
      '--json',
    ]);
    expectBadInput(flags, 'option --json is given 2 times: give it once');
    const vary = await runHotline([
      'sweep',
      scenario,
      '--targets',
      'data/targets/shanghai-12333-2020.json',
      '--seats',
      '4',
      '--vary',
      'volume=0.9',
      '--vary',
      'handle=1.1',
      '--days',
      '1',
      '--replications',
      '1',
      '--workers',
      '0',
      '--json',
    ]);
    expect(vary.status, vary.stderr).toBe(0);
  });

  it('--workers 0 says the replications ran on the calling thread (it printed "0 workers")', async () => {
    const run = await runHotline(['simulate', scenario, ...QUICK]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('2 replications, seed 1, on the calling thread');
  });
});

describe('no agents, no calls', () => {
  it('erlang --agents 0 with calls offered is bad input with the reason (it printed 0% everywhere)', async () => {
    const run = await runHotline(['erlang', '--calls', '100', '--handle', '180', '--agents', '0']);
    expectBadInput(run, '--agents: 0 agents answer none of the 200.00 calls an hour offered');
    const range = await runHotline(['erlang', '--calls', '100', '--handle', '180', '--agents', '0..20']);
    expectBadInput(range, 'give at least 1 agent, a range such as 1..20');
  });

  it('erlang with an empty load says "no calls" and gives null rates (it printed a 100% answer rate)', async () => {
    const text = await runHotline(['erlang', '--calls', '0', '--handle', '180', '--agents', '3']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('no calls: the load is empty');
    expect(text.stdout).not.toContain('100.00%');
    const json = await runHotline(['erlang', '--calls', '0', '--handle', '180', '--agents', '3', '--json']);
    const row = (JSON.parse(json.stdout) as { rows: Record<string, number | null>[] }).rows[0]!;
    expect(row).toMatchObject({ answerRate: null, serviceLevel: null, asaSeconds: null, occupancy: 0 });
  });

  it('simulate with an empty load prints "no calls" for the rates', async () => {
    const empty = writeTinyScenario(dir, { callsPerDay: 0, name: 'empty' });
    const run = await runHotline(['simulate', empty, ...QUICK]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('no calls: no call was offered in any replication');
    expect(run.stdout).toMatch(/answer rate, per attempt\s+no calls/);
  });
});

describe('long runs', () => {
  it('--replications 100000 without a terminal is refused with the estimate (it was accepted: 14 hours)', async () => {
    const run = await runHotline(['simulate', SHIPPED, '--replications', '100000', '--workers', '2']);
    expectBadInput(
      run,
      'this run is estimated to take about',
      '100000 replications of 366 days',
      'give --yes',
    );
  });

  it('at a terminal, asks, and a "no" runs nothing', async () => {
    const questions: string[] = [];
    const terminal: CommandContext = {
      interactive: true,
      ask: (question) => {
        questions.push(question);
        return Promise.resolve('n');
      },
    };
    const run = await runHotline(
      ['report', SHIPPED, '--replications', '5000', '--out', join(dir, 'never')],
      terminal,
    );
    expectBadInput(run, 'not run: this run is estimated to take');
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(/Run it\? \[y\/N\] $/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('goes ahead with --yes or a "y", printing the estimate; short runs are not asked about', async () => {
    const year = readScenarioFile(SHIPPED).scenario;
    const batches = [{ scenario: year, replications: 2_000 }];
    let asked = 0;
    const yes: CommandContext = {
      interactive: true,
      ask: () => {
        asked++;
        return Promise.resolve('y');
      },
    };
    await expect(confirmLongRun(yes, batches, 2, '2000 years', false)).resolves.toBeUndefined();
    expect(asked).toBe(1);
    await expect(confirmLongRun(NO_TERMINAL, batches, 2, '2000 years', true)).resolves.toBeUndefined();
    await expect(confirmLongRun(NO_TERMINAL, batches, 2, '2000 years', false)).rejects.toThrow(/give --yes/);
    await expect(
      confirmLongRun(NO_TERMINAL, [{ scenario: year, replications: 10 }], 2, '10 years', false),
    ).resolves.toBeUndefined();
  });
});

describe('rates and their intervals stay within [0, 1] in every output', () => {
  // 7 agents for 40 calls an hour (2 erlangs): answer rates near 1, 3 replications. The
  // Student t interval of the mean went past 1 over the horizon and in half hours with a
  // handful of calls (the interval CSV reached 1.09); logit-t and Wilson stay inside.
  it('in simulate --json (horizon, quarters) and the --intervals CSV', async () => {
    const csv = join(dir, 'intervals.csv');
    const run = await runHotline([
      'simulate',
      generous,
      '--replications',
      '3',
      '--workers',
      '0',
      '--json',
      '--intervals',
      csv,
    ]);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      kpis: Record<string, Record<string, number | null> | null>;
      quarters: { kpis: Record<string, Record<string, number | null> | null> }[];
    };
    let checked = 0;
    for (const kpis of [result.kpis, ...result.quarters.map((quarter) => quarter.kpis)]) {
      for (const [kpi, summary] of Object.entries(kpis)) {
        if (summary === null || /Seconds$|QueueLength$/.test(kpi)) continue;
        for (const field of ['mean', 'ciLow', 'ciHigh', 'p05', 'p95']) {
          const value = summary[field];
          expect(value, `${kpi}.${field}`).not.toBeNull();
          expect(value, `${kpi}.${field}`).toBeGreaterThanOrEqual(0);
          expect(value, `${kpi}.${field}`).toBeLessThanOrEqual(1);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    const [header, ...rows] = readFileSync(csv, 'utf8').trim().split('\n');
    const columns = (header as string).split(',');
    let cells = 0;
    for (const row of rows) {
      row.split(',').forEach((cell, i) => {
        const column = columns[i] as string;
        if (cell === '' || column === 'interval' || column.startsWith('asaSeconds')) return;
        expect(Number(cell), `${column} ${row.slice(0, 16)}`).toBeGreaterThanOrEqual(0);
        expect(Number(cell), `${column} ${row.slice(0, 16)}`).toBeLessThanOrEqual(1);
        cells++;
      });
    }
    expect(cells).toBeGreaterThan(1_000);
  });
});

describe('write sets', () => {
  it('simulate writes --intervals and --xlsx together, with no temporary left', async () => {
    const out = join(dir, 'set');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'not ours\n');
    const run = await runHotline([
      'simulate',
      scenario,
      ...QUICK,
      '--intervals',
      join(out, 'i.csv'),
      '--xlsx',
      join(out, 'x.xlsx'),
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(filesIn(out)).toEqual(['i.csv', 'keep.txt', 'x.xlsx']);
  });

  // A write the system refuses after the checks (here a folder put in the workbook's way
  // while the replications run; a full disk alike): it was exit 1 with a stack, i.csv left.
  it('an output refused during the run is one line, status 1, and nothing of the set is left', async () => {
    const out = join(dir, 'refused');
    mkdirSync(out);
    const xlsx = join(out, 'x.xlsx');
    setImmediate(() => {
      mkdirSync(xlsx);
      writeFileSync(join(xlsx, 'in-the-way'), '');
    });
    const run = await runHotline([
      'simulate',
      scenario,
      ...QUICK,
      '--intervals',
      join(out, 'i.csv'),
      '--xlsx',
      xlsx,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^hotline: cannot write .*i\.csv, .*x\.xlsx: is a folder \(EISDIR\); nothing of this run was written\n$/,
    );
    expect(filesIn(out)).toEqual(['x.xlsx']);
  });
});
