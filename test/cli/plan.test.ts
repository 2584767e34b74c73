import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialOperatingCharacteristic } from '../../sim/stats/sequentialTest.js';

// These tests run the BUILT command as a user does (`npm test` builds first;
// alone: `npm run build && npx vitest run test/cli/plan.test.ts`).
const MAIN = resolve('dist/sim/cli/main.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function hotline(args: readonly string[]): Run {
  const run = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 110_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A stack trace line, as Node prints them. */
const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;

/**
 * The 12333 2020 unit costs make one seat-year cost exactly the 2020 seat
 * rental over its 359 seats: 407/359 x 12 x 9,100 + (50,932,600 - 407 x 12 x
 * 9,100)/359 = 50,932,600/359 yuan (exact, by hand; sim/budget/shanghai12333Costs.ts).
 */
const SEAT_YEAR_YUAN = 50_932_600 / 359;
const MANAGEMENT_FEE_YUAN = 4_137_700;

let dir: string;
let scenario: string;
let targets: string;

// A tiny hotline: 3 days from Monday 2020-03-02, 400 calls a day between 08:00
// and 18:00 (40 an hour, 2 erlangs at 180 s), 4 agents by day and none at night
// (the shape a budget's agent-hours are spread in), patience 90 s.
function writeTinyPlanScenario(folder: string): string {
  const shares = [
    ...Array<number>(16).fill(0),
    ...Array<number>(20).fill(1 / 20),
    ...Array<number>(12).fill(0),
  ];
  const profile = [
    'intervalStart,share',
    ...shares.map(
      (share, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'},${share}`,
    ),
  ];
  writeFileSync(join(folder, 'profile.csv'), profile.join('\n') + '\n');
  const staffing = ['intervalStart,agents'];
  for (const day of ['02', '03', '04']) {
    staffing.push(`2020-03-${day} 00:00,0`, `2020-03-${day} 08:00,4`, `2020-03-${day} 18:00,0`);
  }
  writeFileSync(join(folder, 'staffing.csv'), staffing.join('\n') + '\n');
  const why = 'assumed: a small load for the command-line tests';
  const data = {
    formatVersion: 1,
    name: 'tiny-plan',
    title: 'Tiny planned hotline',
    horizon: { startDate: '2020-03-02', days: 3, intervalMinutes: 30 },
    arrivals: {
      kind: 'profile',
      inboundCallsPerDay: 400,
      intradayProfileFile: 'profile.csv',
      selfServiceShare: 0,
      dayBusynessCv: 0,
    },
    handle: { kind: 'exponential', meanSeconds: 180 },
    patience: { kind: 'exponential', meanSeconds: 90 },
    agents: { kind: 'table', staffingFile: 'staffing.csv' },
    answerWithinSeconds: 20,
    sources: Object.fromEntries(
      ['horizon', 'arrivals', 'handle', 'patience', 'agents', 'answerWithinSeconds'].map((key) => [key, why]),
    ),
  };
  const path = join(folder, 'scenario.json');
  writeFileSync(path, JSON.stringify(data, null, 2));
  return path;
}

// Two indicators: an answer rate the simulator measures, and a qualitative one it cannot.
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
        value: 0.9,
        unit: 'fraction',
        kpi: 'answerRate',
      }),
      indicator('rules', '制度健全', 'rules sound', {
        comparison: null,
        value: '健全',
        unit: 'text',
        kpi: null,
      }),
    ],
  };
  const path = join(folder, 'targets.json');
  writeFileSync(path, JSON.stringify(set, null, 2));
  return path;
}

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  dir = mkdtempSync(join(tmpdir(), 'hotline-plan-'));
  scenario = writeTinyPlanScenario(dir);
  targets = writeTinyTargets(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('hotline plan and sweep --help', () => {
  it.each(['plan', 'sweep'])('%s --help shows its options and an example, exit 0', (name) => {
    const run = hotline([name, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Usage: hotline ${name} [options] <scenario>`);
    expect(run.stdout).toMatch(/Examples?:/);
    expect(run.stdout).toContain(`$ hotline ${name} `);
    for (const option of ['--json', '--xlsx', '--targets', '--seed', '--days'])
      expect(run.stdout).toContain(option);
  });
});

describe('hotline plan --budget', () => {
  it('says what a budget buys (exact seats and staff) and the probability of meeting each target, in JSON', () => {
    const budget = 12 * SEAT_YEAR_YUAN + MANAGEMENT_FEE_YUAN;
    const run = hotline([
      'plan',
      scenario,
      '--targets',
      targets,
      '--budget',
      String(budget),
      '--replications',
      '3',
      '--workers',
      '1',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.command).toBe('plan');
    expect(result.question).toBe('budget');
    // 12 seat-years exactly; staff floor(12 x 407/359) = floor(13.60) = 13;
    // agent-hours 13 x 2,000 x (1 - 0.3) = 18,200 a year (exact, by hand).
    expect(result.purchase.seats).toBe(12);
    expect(result.purchase.staffOnPayroll).toBe(13);
    expect(result.purchase.agentHoursYear).toBeCloseTo(18_200, 6);
    expect(result.budget.managementFeeYuan).toBe(MANAGEMENT_FEE_YUAN);
    expect(result.budget.totalYuan).toBeCloseTo(budget, 3);
    expect(result.costs.source).toContain('no cost section');
    expect(result.replications).toBe(3);
    expect(result.allTargetsByQuarter.map((q: { period: string }) => q.period)).toEqual(['2020-Q1']);
    const [answer, rules] = result.targetTable.rows;
    expect(answer.id).toBe('answerRate');
    expect(answer.status).toBe('measured');
    expect(answer.measuredBy).toBe('answerRate');
    expect(answer.judgedOn).toBe('quarters');
    expect(answer.quarters.map((q: { period: string }) => q.period)).toEqual(['2020-Q1']);
    expect(answer.allQuarters.trials).toBe(3);
    expect(answer.probability.low).toBeLessThanOrEqual(answer.probability.probability);
    expect(answer.p05).toBeLessThanOrEqual(answer.mean);
    expect(answer.verdict).toBe(answer.probability.probability >= 0.9 ? 'pass' : 'fail');
    expect(rules.status).toBe('not simulated');
    expect(rules.verdict).toBeNull();
    expect(rules.reason).not.toBe('');
    expect(result.targetTable.confidence).toBe(0.9);
    expect(result.staffing.map((m: { month: string }) => m.month)).toEqual(['2020-03']);
    // the agent-hours scheduled never exceed the year's, prorated to 3 of 366 days
    expect(result.purchase.scheduledAgentHours).toBeLessThanOrEqual((18_200 * 3) / 366 + 1e-9);
  });

  it('prints the answer, the purchase and the target table; --xlsx holds targets, quarters and staffing', async () => {
    const xlsx = join(dir, 'plan.xlsx');
    const run = hotline([
      'plan',
      scenario,
      '--targets',
      targets,
      '--budget',
      '6000000',
      '--replications',
      '2',
      '--workers',
      '1',
      '--xlsx',
      xlsx,
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('What the budget buys');
    expect(run.stdout).toContain('P(every queue target, every quarter)');
    expect(run.stdout).toContain('Every measured target met:');
    expect(run.stdout).toContain('接通率 answer rate');
    expect(run.stdout).toContain('not simulated');
    expect(run.stdout).toContain('the scenario file has no cost section');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Targets',
      'Quarters',
      'Budget',
      'Staffing by month',
      'Staffing by interval',
    ]);
    expect(workbook.getWorksheet('Targets')!.rowCount).toBe(3); // header + 2 indicators
    expect(workbook.getWorksheet('Staffing by interval')!.rowCount).toBe(1 + 3 * 48);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('hotline plan --allocate', () => {
  it('shapes the budget: every candidate within the agent-hours bought, the chosen one the most likely to meet the targets', () => {
    const run = hotline([
      'plan',
      scenario,
      '--targets',
      targets,
      '--budget',
      String(10 * SEAT_YEAR_YUAN + MANAGEMENT_FEE_YUAN),
      '--allocate',
      '--replications',
      '2',
      '--workers',
      '1',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    const { chosen, candidates } = result.allocation;
    const names = candidates.map((c: { name: string }) => c.name);
    expect(names).toContain(chosen);
    const best = Math.max(
      ...candidates.map((c: { probability: { probability: number } }) => c.probability.probability),
    );
    const picked = candidates.find((c: { name: string }) => c.name === chosen);
    expect(picked.probability.probability).toBe(best);
    // never more agent-hours than the payroll gives over the 3 days (10 seats: floor(10 x 407/359) = 11 staff
    // x 2,000 h x 0.7 = 15,400 h a year, x 3/366; exact, by hand)
    for (const candidate of candidates) {
      expect(candidate.scheduledAgentHours).toBeLessThanOrEqual((15_400 * 3) / 366 + 1e-9);
    }
    expect(result.purchase.seats).toBe(10);
    expect(result.purchase.scheduledAgentHours).toBe(picked.scheduledAgentHours);
  });
});

describe('hotline plan --least', () => {
  it('finds a least budget: judged to reach p, one seat less judged not to; reproducible for a seed', () => {
    const args = [
      'plan',
      scenario,
      '--targets',
      targets,
      '--least',
      '--confidence',
      '0.8',
      '--batch',
      '2',
      '--max-replications',
      '4',
      '--workers',
      '1',
      '--seed',
      '3',
      '--json',
    ];
    const run = hotline(args);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.question).toBe('least');
    expect(result.search.found).toBe(true);
    const seats = result.purchase.seats as number;
    const judged = new Map<number, { meets: boolean }>(
      result.search.evaluations.map((e: { seats: number; meets: boolean }) => [e.seats, e]),
    );
    expect(judged.get(seats)?.meets).toBe(true);
    if (seats > 0) expect(judged.get(seats - 1)?.meets).toBe(false);
    expect(result.allTargets.probability).toBeGreaterThanOrEqual(0.8);
    expect(result.meetsConfidence).toBe(true);
    // the target table is judged at the p asked for, not at a default
    expect(result.targetTable.confidence).toBe(0.8);
    const answerRow = result.targetTable.rows[0];
    expect(answerRow.verdict).toBe(answerRow.probability.probability >= 0.8 ? 'pass' : 'fail');
    // the budget is whole seat-years plus the management fee (exact, by hand)
    expect(result.budget.totalYuan).toBeCloseTo(seats * SEAT_YEAR_YUAN + MANAGEMENT_FEE_YUAN, 3);
    // the rule that judged each budget, with its error rates (sequentialOperatingCharacteristic)
    expect(result.search.test).toMatchObject({
      p: 0.8,
      delta: 0.05,
      alpha: 0.1,
      beta: 0.1,
      maxReplications: 4,
    });
    const rule = { p: 0.8, delta: 0.05, alpha: 0.1, beta: 0.1, maxTrials: 4 };
    expect(result.search.test.reachesAtLow).toBeCloseTo(
      sequentialOperatingCharacteristic(rule, 0.75).reaches,
      12,
    );
    expect(result.search.test.shortAtHigh).toBeCloseTo(
      sequentialOperatingCharacteristic(rule, 0.85).short,
      12,
    );
    expect(hotline(args).stdout).toBe(run.stdout);
    // the text states the rule and its error rates beside the answer and its interval
    const text = hotline(args.filter((arg) => arg !== '--json'));
    expect(text.stdout).toContain('Rule: each budget judged by a sequential test with an indifference zone');
    expect(text.stdout).toMatch(/judged to reach 80% with probability \d+\.\d%/);
  });

  it('checks the test: --indifference keeps p ± delta inside (0, 1), --error-rate below one half', () => {
    const run = hotline([
      'plan',
      scenario,
      '--targets',
      targets,
      '--least',
      '--indifference',
      '0.2',
      '--error-rate',
      '0.6',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--indifference: must be above 0 and below 0.1 for p = 0.9');
    expect(run.stderr).toContain('--error-rate: must be strictly between 0 and 0.5 (got 0.6)');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('hotline plan: bad input', () => {
  it('lists every problem with exit 2, no stack trace, and writes nothing', () => {
    const xlsx = join(dir, 'never.xlsx');
    const run = hotline([
      'plan',
      scenario,
      '--targets',
      join(dir, 'no-such-targets.json'),
      '--least',
      '--budget',
      'lots',
      '--confidence',
      '1.5',
      '--replications',
      '0',
      '--shrinkage',
      '120%',
      '--days',
      '9',
      '--lesat',
      '--allocate',
      '--xlsx',
      xlsx,
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    for (const problem of [
      'unknown option --lesat (did you mean --least?)',
      '--budget: must be a number >= 0 and <= 1000000000000 (yuan) (got "lots")',
      '--least and --budget ask different questions',
      '--allocate shapes a given budget: use it with --budget',
      '--confidence: must be a fraction in [0, 1]',
      '--replications: must be an integer >= 1',
      '--shrinkage: must be a fraction in [0, 1]',
      'no-such-targets.json',
      "--days: must be at most the scenario's 3 days (got 9)",
    ]) {
      expect(run.stderr).toContain(problem);
    }
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(xlsx)).toBe(false);
  });

  it('a scenario without targets or budget lines asks for them', () => {
    const run = hotline(['plan', scenario]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the scenario names no targets: give --targets <file>');
    const budgetless = hotline(['plan', scenario, '--targets', targets]);
    expect(budgetless.status).toBe(2);
    expect(budgetless.stderr).toContain('give --budget <yuan> or --least');
    const tooSmall = hotline(['plan', scenario, '--targets', targets, '--budget', '1000']);
    expect(tooSmall.status).toBe(2);
    expect(tooSmall.stderr).toContain('--budget: must cover the management fee of 4,137,700 yuan');
  });
});

describe('hotline sweep', () => {
  it('runs the grid under common random numbers: one row per point, the frontier, CSV and workbook', async () => {
    const csv = join(dir, 'sweep.csv');
    const xlsx = join(dir, 'sweep.xlsx');
    const run = hotline([
      'sweep',
      scenario,
      '--targets',
      targets,
      '--seats',
      '6:10:2',
      '--vary',
      'volume=0.9,1',
      '--vary',
      'handle=1.2',
      '--replications',
      '2',
      '--workers',
      '1',
      '--csv',
      csv,
      '--xlsx',
      xlsx,
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.command).toBe('sweep');
    // 3 seat counts x (baseline + volume 0.9 + volume 1 + handle 1.2) = 12 points (exact, by hand)
    expect(result.rows).toHaveLength(12);
    expect(result.rows.map((r: { seatsBought: number }) => r.seatsBought)).toEqual([
      6, 6, 6, 6, 8, 8, 8, 8, 10, 10, 10, 10,
    ]);
    expect(
      result.rows.slice(0, 4).map((r: { assumption: string; factor: number }) => [r.assumption, r.factor]),
    ).toEqual([
      ['baseline', 1],
      ['volume', 0.9],
      ['volume', 1],
      ['handle', 1.2],
    ]);
    expect(result.grid.assumptions).toEqual({ volume: [0.9, 1], handle: [1.2] });
    for (const row of result.rows) {
      expect(row.totalYuan).toBeCloseTo(row.seatsBought * SEAT_YEAR_YUAN + MANAGEMENT_FEE_YUAN, 3);
      expect(row.probabilityLow).toBeLessThanOrEqual(row.probability);
      expect(row.replications).toBe(2);
      expect(row.meetsConfidence).toBe(row.probability >= 0.9);
    }
    // under common random numbers the baseline and volume x1 are the same simulation
    const [baseline, , volumeOne] = result.rows;
    expect(volumeOne.answerRateMean).toBe(baseline.answerRateMean);
    expect(result.frontiers).toHaveLength(1);
    expect(result.frontiers[0].points.map((p: { seats: number }) => p.seats)).toEqual([6, 8, 10]);
    // more agents under the same seeds never answer fewer calls on this small load
    const answer = result.frontiers[0].points.map((p: { answerRate: number }) => p.answerRate);
    for (let i = 1; i < answer.length; i++) expect(answer[i]).toBeGreaterThanOrEqual(answer[i - 1]);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^totalYuan,seatRentalYuan,siteSeats,seatsBought,seatsUsed,staffOnPayroll,/);
    expect(lines).toHaveLength(1 + 12);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Sweep', 'Frontier']);
    expect(workbook.getWorksheet('Sweep')!.rowCount).toBe(13);
  });

  it('bad grid: every problem listed with exit 2, no stack, no file written', () => {
    const csv = join(dir, 'never.csv');
    const run = hotline([
      'sweep',
      scenario,
      '--targets',
      targets,
      '--seats',
      '10:6:2',
      '--vary',
      'volme=0.9',
      '--vary',
      'handle=fast',
      '--vary',
      'patience',
      '--vary',
      'turnover=1.1',
      '--csv',
      csv,
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    for (const problem of [
      '--seats: the range 10:6:2 must not decrease',
      '--vary: must be one of volume, handle, patience, redial, redialProbability, turnover (got "volme"; did you mean volume?)',
      '--vary handle: must be a number >= 0 and <= 100 (got "fast")',
      '--vary: must be name=factors such as volume=0.9,1.1 (got "patience")',
      '--vary turnover: the scenario has no workforce (staff churn) to vary',
    ]) {
      expect(run.stderr).toContain(problem);
    }
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(csv)).toBe(false);
    const empty = hotline(['sweep', scenario, '--targets', targets]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('give the budgets to sweep: --seats <list> or --budget <list>');
  });
});
