import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decideProbability,
  evaluateRuns,
  readScenarioFile,
  readTargetSet,
  replicate,
} from '../../sim/index.js';
import {
  runHotline as hotline,
  TINY_FAULTS as FAULTS,
  TINY_SURVEY as SURVEY,
  writeTinyScenario,
} from './helpers.js';

// `hotline simulate` run in this process (`--workers 0`: the replications run
// in this thread, so no build is needed) on a tiny scenario: its output is the
// whole target table of `evaluateRuns`, with the survey's and the faults' rows.

let dir: string;

// Four rows in this order: the answer rate, satisfaction (the survey), the
// level-1 repair time (faults) and a qualitative row nothing measures.
function writeTinyTargets(folder: string): string {
  const indicator = (id: string, zh: string, en: string, rest: Record<string, unknown>) => ({
    id,
    level1: { zh: '产出目标', en: 'outputs' },
    level2: { zh: '质量', en: 'quality' },
    name: { zh, en },
    modelledBy: 'test',
    source: 'assumed: a target for the command-line tests',
    ...rest,
  });
  const set = {
    formatVersion: 1,
    id: 'tiny-targets',
    title: { zh: '测试目标', en: 'test targets' },
    source: 'assumed: targets for the command-line tests',
    indicators: [
      indicator('answerRate', '接通率', 'answer rate', {
        comparison: '>=',
        value: 0.5,
        unit: 'fraction',
        kpi: 'answerRate',
      }),
      indicator('satisfaction', '满意度', 'satisfaction', {
        comparison: '>',
        value: 0.9,
        unit: 'fraction',
        kpi: 'satisfaction',
      }),
      indicator('fault1Repair', '一级故障处理时间', 'level-1 fault repair time', {
        comparison: '<=',
        value: 90,
        unit: 'minutes',
        kpi: 'faultRepairMinutes',
        faultLevel: 1,
      }),
      indicator('rules', '制度健全', 'rules sound', {
        comparison: null,
        value: '健全',
        unit: 'text',
        kpi: null,
        modelledBy: 'not modelled (qualitative)',
      }),
    ],
  };
  const path = join(folder, 'targets.json');
  writeFileSync(path, JSON.stringify(set, null, 2));
  return path;
}

let withMechanisms: string;
let plain: string;
let targets: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-simulate-'));
  const on = mkdtempSync(join(dir, 'on-'));
  withMechanisms = writeTinyScenario(on, { extra: { survey: SURVEY, faults: FAULTS } });
  plain = writeTinyScenario(mkdtempSync(join(dir, 'off-')));
  targets = writeTinyTargets(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ARGS = ['--replications', '3', '--seed', '5', '--workers', '0'];

describe('hotline simulate: the whole target table', () => {
  it('--json holds evaluateRuns’ table: survey and fault rows measured, the qualitative row not simulated with its reason', async () => {
    const run = await hotline(['simulate', withMechanisms, '--targets', targets, ...ARGS, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    const table = result.targetTable;
    expect(result.targets.id).toBe('tiny-targets');
    expect(table.rows.map((row: { id: string }) => row.id)).toEqual([
      'answerRate',
      'satisfaction',
      'fault1Repair',
      'rules',
    ]);
    const [answer, satisfaction, repair, rules] = table.rows;
    for (const row of [answer, satisfaction, repair]) {
      expect(row.status).toBe('measured');
      expect(row.judgedOn).toBe('quarters');
      expect(row.quarters.map((q: { period: string }) => q.period)).toEqual(['2020-Q1']);
      expect(row.allQuarters.trials).toBe(3);
      expect(row.probability.low).toBeLessThanOrEqual(row.probability.probability);
      expect(row.probability.high).toBeGreaterThanOrEqual(row.probability.probability);
      // the verdict rule at the default p = 0.9 (assessTargets' doc): the interval against p
      expect(row.verdict).toBe(decideProbability(row.probability, 0.9));
    }
    expect(satisfaction.measuredBy).toBe('satisfaction');
    expect(satisfaction.p05).toBeLessThanOrEqual(satisfaction.mean);
    expect(satisfaction.mean).toBeLessThanOrEqual(satisfaction.p95);
    // Two roll-ups of the same survey counts: the row's year value per run
    // and the whole horizon's KPI summary, so their means agree.
    expect(satisfaction.mean).toBeCloseTo(result.kpis.satisfaction.mean, 12);
    expect(result.kpis.satisfaction.n).toBe(3);
    // ~8 level-1 faults expected in 3 days (1000 a year): the longest repair, minutes
    expect(repair.measuredBy).toBe('faultRepairMinutes:1');
    expect(repair.mean).toBeGreaterThan(0);
    expect(rules.status).toBe('not simulated');
    expect(rules.verdict).toBeNull();
    expect(rules.probability).toBeNull();
    expect(rules.reason).toContain('not modelled (qualitative)');
    // the quarterly assessment and every measured target
    expect(table.quarterly.map((q: { period: string }) => q.period)).toEqual(['2020-Q1']);
    const passing = table.passedQuartersByReplication.filter((quarters: boolean[]) =>
      quarters.every(Boolean),
    ).length;
    expect(table.allQuarters.successes).toBe(passing);
    expect(table.confidence).toBe(0.9);
    // the same seeded runs judged by the library give the same table
    const file = readScenarioFile(withMechanisms);
    const replicated = await replicate(file.scenario, { replications: 3, seed: 5, workers: 0 });
    const expected = evaluateRuns(replicated.runs, file.scenario, readTargetSet(targets), {
      seed: 5,
      confidence: 0.9,
    }).targetTable;
    expect(table).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('without a survey or faults in the scenario, their rows say they are not simulated and why', async () => {
    const run = await hotline(['simulate', plain, '--targets', targets, ...ARGS, '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    const [answer, satisfaction, repair] = result.targetTable.rows;
    expect(answer.status).toBe('measured');
    expect(satisfaction.status).toBe('not simulated');
    expect(satisfaction.reason).toContain('satisfaction');
    expect(repair.status).toBe('not simulated');
    expect(repair.reason).toContain('faultRepairMinutes:1');
    expect(result.kpis.satisfaction).toBeNull();
  });

  it('prints every row, the reasons, the quarterly assessment and the verdict; --xlsx has the table and the assessments', async () => {
    const xlsx = join(dir, 'simulate.xlsx');
    const run = await hotline(['simulate', withMechanisms, '--targets', targets, ...ARGS, '--xlsx', xlsx]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const rowOf = (name: string): string => lines.find((line) => line.startsWith(name)) ?? '';
    expect(rowOf('满意度 satisfaction')).toMatch(/%.*(pass|FAIL|more replications)$/);
    expect(rowOf('一级故障处理时间 level-1 fault repair time')).toMatch(
      /min.*(pass|FAIL|more replications)$/,
    );
    expect(rowOf('制度健全 rules sound')).toMatch(/not simulated$/);
    expect(run.stdout).toContain('  制度健全 rules sound: not simulated (not modelled (qualitative))');
    expect(run.stdout).toContain('Quarterly assessment');
    expect(rowOf('2020-Q1')).toMatch(/\d%\]$/);
    expect(run.stdout).toMatch(
      /Every measured target met: .*table verdict at p = 90%: (pass|FAIL|more replications)/,
    );
    expect(rowOf('satisfaction (survey)')).toMatch(/%/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Targets',
      'Assessments',
      'KPIs',
      'Quarters',
      'Intervals',
    ]);
    expect(workbook.getWorksheet('Targets')!.rowCount).toBe(1 + 4); // header + 4 indicators
    expect(workbook.getWorksheet('Assessments')!.rowCount).toBe(1 + 3); // Q1, the quarter, every target
  });

  it('--confidence sets the verdicts: at 0 every measured row passes; outside [0, 1] is bad input', async () => {
    const run = await hotline([
      'simulate',
      withMechanisms,
      '--targets',
      targets,
      ...ARGS,
      '--confidence',
      '0',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const table = JSON.parse(run.stdout).targetTable;
    expect(table.confidence).toBe(0);
    // any probability is at least 0 (exact, by the rule)
    expect(table.rows.map((row: { verdict: string | null }) => row.verdict)).toEqual([
      'pass',
      'pass',
      'pass',
      null,
    ]);
    expect(table.verdict).toBe('pass');
    const out = join(dir, 'never.xlsx');
    const bad = await hotline(['simulate', withMechanisms, ...ARGS, '--confidence', '1.5', '--xlsx', out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--confidence: must be a fraction in [0, 1]');
    expect(existsSync(out)).toBe(false);
  });
});
