import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledEntry, packageRoot } from '../../sim/core/packageRoot.js';
import { firstDaysOf, readScenarioFile } from '../../sim/io/scenarioFile.js';
import { exponential } from '../../sim/model/distributions.js';
import { kpisOf, PERIOD_COUNT_FIELDS } from '../../sim/model/kpis.js';
import { simulate } from '../../sim/model/simulate.js';
import type { Scenario } from '../../sim/model/types.js';
import { replicate, type ReplicationResult } from '../../sim/plan/replicate.js';
import { summarise, summariseProportion } from '../../sim/stats/summarise.js';

// A small scenario with every mechanism that draws random numbers (busyness, self-service,
// redials, abandonment), spanning a quarter boundary: 2020-03-30 to 2020-04-01 (Q1 and Q2).
const scenario: Scenario = {
  startDate: '2020-03-30',
  days: 3,
  intervalMinutes: 30,
  arrivals: { kind: 'profile', dailyVolume: 3_000 },
  dayBusynessCv: 0.1,
  selfServiceShare: 0.1,
  handle: exponential(200),
  patience: exponential(90),
  redial: { redialProbability: 0.5, maxAttempts: 3, delay: exponential(600) },
  agents: { kind: 'constant', count: 6 },
  answerWithinSeconds: 20,
};

/** The result without its wall-clock fields, as JSON text, for byte-for-byte comparison. */
function withoutTiming(result: ReplicationResult): string {
  return JSON.stringify({
    ...result,
    timing: null,
    runs: result.runs.map((run) => ({ ...run, timing: { ...run.timing, runSeconds: null } })),
  });
}

describe('replicate', () => {
  it('gives byte-identical results in the calling thread and on 1, 2 or 4 workers', async () => {
    const options = { replications: 5, seed: 11 };
    const [inProcess, one, two, four] = await Promise.all([
      replicate(scenario, { ...options, workers: 0 }),
      replicate(scenario, { ...options, workers: 1 }),
      replicate(scenario, { ...options, workers: 2 }),
      replicate(scenario, { ...options, workers: 4 }),
    ]);
    expect(withoutTiming(one!)).toBe(withoutTiming(inProcess!));
    expect(withoutTiming(two!)).toBe(withoutTiming(inProcess!));
    expect(withoutTiming(four!)).toBe(withoutTiming(inProcess!));
    expect([
      inProcess!.timing.workers,
      one!.timing.workers,
      two!.timing.workers,
      four!.timing.workers,
    ]).toEqual([0, 1, 2, 4]);
  });

  it('gives byte-identical results for an all-media scenario in the calling thread and on 2 workers', async () => {
    const { scenario: omni } = readScenarioFile('data/shanghai-12333-2020/omnichannel.json');
    const day = firstDaysOf(omni, 1);
    const [inProcess, two] = await Promise.all([
      replicate(day, { replications: 3, seed: 2, workers: 0 }),
      replicate(day, { replications: 3, seed: 2, workers: 2 }),
    ]);
    expect(withoutTiming(two!)).toBe(withoutTiming(inProcess!));
    expect(inProcess!.channels?.chat?.counts.offered.mean).toBeGreaterThan(0);
  });

  it('runs replication r as simulate(scenario, { seed, replication: r }) and keeps replication order', async () => {
    const result = await replicate(scenario, { replications: 3, seed: 5, workers: 2 });
    expect(result.runs.map((run) => run.replication)).toEqual([0, 1, 2]);
    for (const run of result.runs) {
      const direct = simulate(scenario, { seed: 5, replication: run.replication });
      expect(run.kpis).toEqual(direct.kpis);
      expect(run.quarters).toEqual(direct.quarters);
    }
    const other = await replicate(scenario, { replications: 3, seed: 6, workers: 0 });
    expect(other.kpis.answerRate!.mean).not.toBe(result.kpis.answerRate!.mean);
  });

  it('summarises each KPI across replications, overall and per quarter as ratios of sums', async () => {
    const result = await replicate(scenario, { replications: 4, seed: 3, workers: 0 });
    const answerRates = result.runs.map((run) => run.horizon.answered / run.horizon.offered);
    // a proportion: its interval is the logit-t one (summariseProportion), a mean in seconds keeps Student t
    expect(result.kpis.answerRate).toEqual(summariseProportion(answerRates));
    expect(result.kpis.asaSeconds).toEqual(
      summarise(result.runs.map((run) => run.horizon.waitAnsweredSeconds / run.horizon.answered)),
    );
    expect(result.quarters.map((q) => q.period)).toEqual(['2020-Q1', '2020-Q2']);
    for (const [index, quarter] of result.quarters.entries()) {
      // one ratio of the quarter's sums per replication, then the summary across replications
      const perRun = result.runs.map((run) => run.quarters[index]!.answered / run.quarters[index]!.offered);
      expect(quarter.kpis.answerRate).toEqual(summariseProportion(perRun));
      expect(quarter.counts.offered).toEqual(
        summarise(result.runs.map((run) => run.quarters[index]!.offered)),
      );
    }
    // quarters partition the horizon: their counts add up to the horizon's in every run
    for (const run of result.runs) {
      for (const field of PERIOD_COUNT_FIELDS) {
        const sum = run.quarters.reduce((total, quarter) => total + quarter[field], 0);
        expect(sum).toBeCloseTo(run.horizon[field], 6);
      }
    }
    expect(result.days.map((d) => d.period)).toEqual(['2020-03-30', '2020-03-31', '2020-04-01']);
    expect(result.weekdayHours).toHaveLength(168);
    // 2020-03-30 is a Monday: Monday 09:00's KPI is that hour's ratio of sums in each run
    const monday9 = result.runs.map((run) => kpisOf(run.weekdayHours[9]!).answerRate!);
    expect(result.weekdayHours[9]!.kpis.answerRate).toEqual(summariseProportion(monday9));
    // Sunday (weekday 6) is outside the horizon: no data, so no summary
    expect(result.weekdayHours[6 * 24 + 9]!.kpis.answerRate).toBeNull();
  });

  it('keeps interval rows and summarises them per interval only when asked', async () => {
    const without = await replicate(scenario, { replications: 2, seed: 1, workers: 0 });
    expect(without.intervals).toBeUndefined();
    expect(without.runs[0]!.intervals).toBeUndefined();
    const withIntervals = await replicate(scenario, {
      replications: 2,
      seed: 1,
      workers: 0,
      keepIntervals: true,
    });
    expect(withIntervals.intervals).toHaveLength(3 * 48);
    expect(withIntervals.intervals![20]).toMatchObject({
      period: '2020-03-30T10:00',
      startSeconds: 36_000,
      endSeconds: 37_800,
    });
  });

  it('calls onProgress once per finished replication with the count done', async () => {
    const calls: [number, number][] = [];
    await replicate(scenario, {
      replications: 4,
      seed: 2,
      workers: 2,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it('rejects bad options and a bad scenario before starting any worker, naming the argument', async () => {
    await expect(replicate(scenario, { replications: 0, seed: 1 })).rejects.toThrow(
      'replicate: replications must be a positive integer (got 0)',
    );
    await expect(replicate(scenario, { replications: 2, seed: -1 })).rejects.toThrow(/seed/);
    await expect(replicate(scenario, { replications: 2, seed: 1, workers: 1.5 })).rejects.toThrow(/workers/);
    await expect(replicate(scenario, { replications: 2, seed: 1, level: 1 })).rejects.toThrow(
      'replicate: level must be in (0, 1) (got 1)',
    );
    await expect(replicate({ ...scenario, days: 0 }, { replications: 2, seed: 1 })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('finding the compiled worker', () => {
  it('finds the package root from a subfolder given in HOTLINE_PLANNER_ROOT (as from notebooks/)', () => {
    const root = packageRoot();
    const saved = process.env.HOTLINE_PLANNER_ROOT;
    process.env.HOTLINE_PLANNER_ROOT = join(root, 'notebooks');
    try {
      expect(packageRoot()).toBe(root);
    } finally {
      if (saved === undefined) delete process.env.HOTLINE_PLANNER_ROOT;
      else process.env.HOTLINE_PLANNER_ROOT = saved;
    }
  });

  it('says "run npm run build" when a compiled file the worker imports is missing or older than its source', () => {
    // A fake package: sim/plan/replicateWorker.ts imports ./runReplication.js.
    const fake = mkdtempSync(join(tmpdir(), 'hotline-root-'));
    const file = (...parts: string[]): string => join(fake, ...parts);
    writeFileSync(file('package.json'), JSON.stringify({ name: 'hotline-planner' }));
    mkdirSync(file('sim', 'plan'), { recursive: true });
    writeFileSync(file('sim', 'plan', 'replicateWorker.ts'), '');
    writeFileSync(file('sim', 'plan', 'runReplication.ts'), '');
    const saved = process.env.HOTLINE_PLANNER_ROOT;
    process.env.HOTLINE_PLANNER_ROOT = fake;
    const entry = 'sim/plan/replicateWorker.js';
    try {
      expect(() => compiledEntry(entry)).toThrow(
        'dist/sim/plan/replicateWorker.js is missing: run npm run build',
      );

      mkdirSync(file('dist', 'sim', 'plan'), { recursive: true });
      writeFileSync(file('dist', 'sim', 'plan', 'replicateWorker.js'), "import './runReplication.js';\n");
      expect(() => compiledEntry(entry)).toThrow(
        'dist/sim/plan/runReplication.js is missing: run npm run build',
      );

      writeFileSync(file('dist', 'sim', 'plan', 'runReplication.js'), '');
      utimesSync(file('dist', 'sim', 'plan', 'runReplication.js'), 1_000, 1_000); // built in 1970, before its source
      expect(() => compiledEntry(entry)).toThrow(
        'dist/ is older than the sources (sim/plan/runReplication.ts changed after it was built): run npm run build',
      );

      const later = new Date(Date.now() + 60_000);
      utimesSync(file('dist', 'sim', 'plan', 'runReplication.js'), later, later);
      utimesSync(file('dist', 'sim', 'plan', 'replicateWorker.js'), later, later);
      expect(compiledEntry(entry)).toBe(file('dist', 'sim', 'plan', 'replicateWorker.js'));
    } finally {
      if (saved === undefined) delete process.env.HOTLINE_PLANNER_ROOT;
      else process.env.HOTLINE_PLANNER_ROOT = saved;
    }
  });

  it('finds the package root through a symlinked script run from another folder (an installed bin)', () => {
    const root = packageRoot();
    const elsewhere = mkdtempSync(join(tmpdir(), 'hotline-bin-'));
    const link = join(elsewhere, 'hotline.mjs');
    symlinkSync(join(root, 'test', 'plan', 'fixtures', 'printPackageRoot.mjs'), link);
    const child = spawnSync(process.execPath, [link], {
      cwd: elsewhere,
      encoding: 'utf8',
      env: { ...process.env, HOTLINE_PLANNER_ROOT: '' },
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe(root);
  });

  // The CLI and notebooks run the compiled code from another working directory: start
  // a separate Node in notebooks/ on dist/ and check it gives the in-process answer.
  it('runs workers from the compiled package with notebooks/ as the working directory', async () => {
    const root = packageRoot();
    const script = join(mkdtempSync(join(tmpdir(), 'hotline-cli-')), 'run.mjs');
    writeFileSync(
      script,
      `import { replicate } from '${pathToFileURL(join(root, 'dist', 'sim', 'plan', 'replicate.js')).href}';
      const scenario = JSON.parse(process.env.TEST_SCENARIO);
      const result = await replicate(scenario, { replications: 2, seed: 4, workers: 2 });
      console.log(JSON.stringify(result.kpis.answerRate));`,
    );
    const child = spawnSync(process.execPath, [script], {
      cwd: join(root, 'notebooks'),
      encoding: 'utf8',
      env: { ...process.env, HOTLINE_PLANNER_ROOT: '', TEST_SCENARIO: JSON.stringify(scenario) },
    });
    expect(child.stderr).toBe('');
    const expected = await replicate(scenario, { replications: 2, seed: 4, workers: 0 });
    expect(JSON.parse(child.stdout.trim())).toEqual(expected.kpis.answerRate);
  });
});
