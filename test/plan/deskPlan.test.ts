import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTargetSet } from '../../sim/io/targets.js';
import { deskKpisOf } from '../../sim/model/desk/simulateDesk.js';
import type { DeskSpec } from '../../sim/model/desk/types.js';
import type { WorkforceSpec } from '../../sim/model/workforce.js';
import {
  compareDeskPolicies,
  DESK_BUDGET_2020,
  deskMeasuredRun,
  deskTargetTable,
  replicateDesk,
  summariseDesk,
} from '../../sim/plan/deskPlan.js';

const TARGETS = fileURLToPath(new URL('../../data/targets/', import.meta.url));
const targets = readTargetSet(`${TARGETS}shanghai-12345-desk-2020.json`);

const fixedStaff = (initialStaff: number): WorkforceSpec => ({
  initialStaff,
  turnover: 0,
  hiring: { policy: 'none', recruitmentLagDays: 0, trainingDays: 0 },
});

// Four weeks across the Q1/Q2 boundary (Qingming 4-6 Apr inside), a quarter-size desk:
// 12 staff at work, 300 calls and 60 orders a working day.
const SMALL: DeskSpec = {
  startDate: '2020-03-16',
  days: 28,
  shrinkage: 0,
  workforce: fixedStaff(12),
  calls: { perWorkingDay: 300 },
  workOrders: { perWorkingDay: 60 },
  policy: { kind: 'dedicated', phoneStaff: 3 },
};

describe('replicateDesk', () => {
  it('runs replication r with the streams of (seed, r): reproducible, and each replication different', () => {
    const runs = replicateDesk(SMALL, { replications: 3, seed: 4 });
    expect(runs.map((r) => [r.seed, r.replication])).toEqual([
      [4, 0],
      [4, 1],
      [4, 2],
    ]);
    expect(new Set(runs.map((r) => r.total.callsOffered)).size).toBe(3);
    expect(replicateDesk(SMALL, { replications: 1, seed: 4 })[0]?.total).toEqual(runs[0]?.total);
    expect(() => replicateDesk(SMALL, { replications: 0 })).toThrow(
      /replications must be a positive integer/,
    );
  });
});

describe('deskMeasuredRun', () => {
  it('gives per-quarter KPIs under the target keys, turnover and budget execution on the year', () => {
    const [run] = replicateDesk({ ...SMALL, workforce: fixedStaff(50) }, { replications: 1 });
    if (run === undefined) throw new Error('no run');
    const measured = deskMeasuredRun(run, DESK_BUDGET_2020);
    expect(measured.quarters.map((q) => q.period)).toEqual(['2020-Q1', '2020-Q2']);
    const q2 = deskKpisOf(run.quarters[1] ?? run.total);
    expect(measured.quarters[1]?.values).toEqual({
      answerRate: q2.transferAnswerRate,
      serviceLevel: q2.serviceLevel,
      firstContactRate: q2.firstContactRate,
      onTimeCompletionRate: q2.onTimeCompletionRate,
      resolutionRate: q2.resolutionRate,
      satisfaction: q2.satisfaction,
    });
    expect(measured.quarters[0]?.values.turnoverRate).toBeUndefined();
    expect(measured.year.turnoverRate).toBe(0);
    // Exact, by hand: 50 staff x 136,720 yuan a year = 6,836,000, the whole budget, at the horizon's pace.
    expect(measured.year.budgetExecutionRate).toBe(1);
    // 45 staff: 45 x 136,720 / 6,836,000 = 0.9.
    const [smaller] = replicateDesk({ ...SMALL, workforce: fixedStaff(45) }, { replications: 1 });
    expect(deskMeasuredRun(smaller ?? run, DESK_BUDGET_2020).year.budgetExecutionRate).toBeCloseTo(0.9, 14);
  });
});

describe('summariseDesk', () => {
  it('summarises each period and counts the replications meeting each target', () => {
    const runs = replicateDesk(SMALL, { replications: 4, seed: 2 });
    const weeks = summariseDesk(runs, 'weeks', { targets });
    expect(weeks.map((w) => w.period)).toEqual(['2020-03-16', '2020-03-23', '2020-03-30', '2020-04-06']);
    const week = weeks[1];
    const rates = runs.map((r) => deskKpisOf(r.weeks[1] ?? r.total).transferAnswerRate as number);
    expect(week?.kpis.transferAnswerRate.summary?.mean).toBeCloseTo(rates.reduce((a, b) => a + b, 0) / 4, 12);
    // Target "> 86%" (the desk's target file): counted directly.
    expect(week?.kpis.transferAnswerRate.meetsTarget?.successes).toBe(rates.filter((v) => v > 0.86).length);
    expect(week?.kpis.utilisation.meetsTarget).toBeNull();
    expect(summariseDesk(runs, 'total').map((p) => p.period)).toEqual(['2020']);
    expect(() => summariseDesk([], 'months')).toThrow(/at least one replication/);
  });
});

describe('deskTargetTable', () => {
  it('fills in the desk table with assessTargets: ample staff meet the work-order targets in every replication', () => {
    const runs = replicateDesk(
      { ...SMALL, workforce: fixedStaff(30), policy: { kind: 'dedicated', phoneStaff: 10 } },
      {
        replications: 3,
      },
    );
    const table = deskTargetTable(targets, runs);
    const row = (id: string) => table.rows.find((r) => r.id === id);
    expect(row('firstContact')?.probability?.probability).toBe(1);
    expect(row('onTimeCompletion')?.probability?.probability).toBe(1);
    expect(row('transferAnswerRate')?.status).toBe('measured');
    expect(row('turnover')?.judgedOn).toBe('year');
    expect(row('budgetSound')?.status).toBe('not simulated');
    expect(table.replications).toBe(3);
    const noBudget = deskTargetTable(targets, runs, { budget: null });
    expect(noBudget.rows.find((r) => r.id === 'budgetExecution')?.status).toBe('not simulated');
  });
});

describe('compareDeskPolicies', () => {
  it('runs every alternative on the same seeds and labels the rows', () => {
    const rows = compareDeskPolicies(
      SMALL,
      [
        { label: 'one on the phones', spec: { policy: { kind: 'dedicated', phoneStaff: 1 } } },
        { label: 'phone first', spec: { policy: { kind: 'phoneFirst' } } },
      ],
      { replications: 2, seed: 3, targets },
    );
    expect(rows.map((r) => r.label)).toEqual(['one on the phones', 'phone first']);
    const answer = rows.map((r) => r.total.kpis.transferAnswerRate.summary?.mean as number);
    expect(answer[1]).toBeGreaterThan(answer[0] as number);
    expect(rows[0]?.table?.rows.length).toBe(targets.indicators.length);
    expect(rows[0]?.quarters.map((q) => q.period)).toEqual(['2020-Q1', '2020-Q2']);
    expect(() => compareDeskPolicies(SMALL, [], { replications: 1 })).toThrow(/at least one/);
  });
});
