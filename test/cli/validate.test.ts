import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The BUILT command, as a user runs it (`npm test` builds first).
const MAIN = resolve('dist/sim/cli/main.js');
const BANK = resolve('data/anonymous-bank/calls-1999-02.tsv');
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

function hotline(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 110_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-validate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hotline validate', () => {
  const week = [
    '--format',
    'anonymous-bank',
    '--train',
    '1999-02-01:1999-02-07',
    '--test',
    '1999-02-08:1999-02-09',
  ];

  it('prints observed against predicted by hour and weekday x hour, and --json carries byHour', () => {
    const text = hotline(['validate', BANK, ...week, '--replications', '2']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/By hour of the day/);
    expect(text.stdout).toMatch(/By weekday x hour/);
    expect(text.stdout).toMatch(/mean absolute error by hour over \d+ cells: abandonment/);
    const json = hotline(['validate', BANK, ...week, '--replications', '2', '--json']);
    expect(json.status).toBe(0);
    const summary = JSON.parse(json.stdout) as {
      byHour: {
        hour: number;
        observed: Record<string, number | null>;
        predicted: Record<string, number | null>;
      }[];
      meanAbsoluteErrors: { byHour: { abandonRate: number } };
      test: { calls: number };
    };
    for (const h of summary.byHour) {
      expect(Object.keys(h.observed)).toEqual(['offered', 'abandonRate', 'serviceLevel', 'asaSeconds']);
      expect(Object.keys(h.predicted)).toEqual(['offered', 'abandonRate', 'serviceLevel', 'asaSeconds']);
      expect(h.hour).toBeGreaterThanOrEqual(0);
      expect(h.hour).toBeLessThan(24);
    }
    // Every call of the two test days is in one hour: offered adds up (2,544 by awk: 8 and 9 February).
    expect(summary.byHour.reduce((a, h) => a + (h.observed.offered ?? 0), 0)).toBe(summary.test.calls);
    expect(summary.test.calls).toBe(1158 + 1386);
    expect(summary.meanAbsoluteErrors.byHour.abandonRate).toBeGreaterThanOrEqual(0);
    // Same seed, same answer.
    expect(hotline(['validate', BANK, ...week, '--replications', '2', '--json']).stdout).toBe(json.stdout);
  });

  it('lists every bad option at once, exit 2, no stack', () => {
    const run = hotline([
      'validate',
      BANK,
      '--format',
      'anonymous-bank',
      '--train',
      '1999-02-01:1999-02-10',
      '--test',
      '1999-02-08:1999-02-30',
      '--replications',
      '0',
      '--interval-minutes',
      '20',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--test: must be dates FROM:TO/);
    expect(run.stderr).toMatch(/--replications: must be an integer >= 1/);
    expect(run.stderr).toMatch(/--interval-minutes: must be 15, 30 or 60/);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const overlap = hotline([
      'validate',
      BANK,
      '--format',
      'anonymous-bank',
      '--train',
      '1999-02-01:1999-02-10',
      '--test',
      '1999-02-08:1999-02-12',
    ]);
    expect(overlap.status).toBe(2);
    expect(overlap.stderr).toMatch(/--test: must not overlap --train/);
    const missing = hotline(['validate', BANK, '--format', 'anonymous-bank']);
    expect(missing.stderr).toMatch(/--train <from:to> is required/);
    expect(missing.stderr).toMatch(/--test <from:to> is required/);
    const outside = hotline([
      'validate',
      BANK,
      '--format',
      'anonymous-bank',
      '--train',
      '1999-02-01:1999-02-07',
      '--test',
      '1999-03-01:1999-03-07',
    ]);
    expect(outside.stderr).toMatch(/--test: .* holds no call on 1999-03-01 to 1999-03-07/);
  });

  it('names the file, row and column of bad records, and of a test day no named agent served', () => {
    const header = 'callId,arrivalTime,waitSeconds,outcome,handleSeconds,agentId';
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${header}\n1,2025-03-03 09:00:00,5,gone,,A\n2,2025-03-03 09:01:00,-3,abandoned,,\n`);
    const run = hotline([
      'validate',
      bad,
      '--train',
      '2025-03-03:2025-03-03',
      '--test',
      '2025-03-04:2025-03-04',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.csv:2 outcome/);
    expect(run.stderr).toMatch(/bad\.csv:3 waitSeconds: must be >= 0 s \(got -3\)/);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const noAgents = join(dir, 'no-agents.csv');
    const rows = [header];
    for (let i = 0; i < 40; i++) {
      rows.push(
        `${i + 1},2025-03-03 09:${String(i).padStart(2, '0')}:00,${i % 4 === 0 ? 30 : 0},${i % 4 === 0 ? 'abandoned' : 'answered'},${i % 4 === 0 ? '' : 120},${i % 4 === 0 ? '' : 'A'}`,
      );
    }
    rows.push(`41,2025-03-04 09:00:00,0,answered,100,`);
    writeFileSync(noAgents, rows.join('\n') + '\n');
    const day = hotline([
      'validate',
      noAgents,
      '--train',
      '2025-03-03:2025-03-03',
      '--test',
      '2025-03-04:2025-03-04',
    ]);
    expect(day.status).toBe(2);
    expect(day.stderr).toMatch(
      /no-agents\.csv:42: agentId: no call of 2025-03-04 \(a test day\) was answered by a named agent/,
    );
  });
});

describe('hotline calibrate --scenario', () => {
  it('writes a scenario that hotline simulate runs as it is, its sources naming the records', () => {
    const scenario = join(dir, 'bank.json');
    const run = hotline([
      'calibrate',
      BANK,
      '--format',
      'anonymous-bank',
      '--scenario',
      scenario,
      '--interval-minutes',
      '60',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/scenario written to .*bank\.json \(28 days from 1999-02-01/);
    const file = JSON.parse(readFileSync(scenario, 'utf8')) as {
      sources: Record<string, string>;
      handle: { kind: string };
    };
    expect(file.sources.patience).toMatch(/calls-1999-02\.tsv/);
    expect(file.handle.kind).toBe('sum');
    const simulated = hotline(['simulate', scenario, '--replications', '2', '--days', '2', '--json']);
    expect(simulated.status).toBe(0);
    const result = JSON.parse(simulated.stdout) as { scenario: { startDate: string } };
    expect(result.scenario.startDate).toBe('1999-02-01');
    // --scenario alone is a complete command; neither --out nor --scenario is an error
    const neither = hotline(['calibrate', BANK, '--format', 'anonymous-bank']);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toMatch(/--out <file> or --scenario <file> is required/);
  });
});
