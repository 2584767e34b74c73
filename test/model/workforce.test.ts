import { describe, expect, it } from 'vitest';
import { confidenceInterval } from '../../sim/stats/confidenceInterval.js';
import { simulateWorkforce, type WorkforceSpec } from '../../sim/model/workforce.js';

const year = { startDate: '2020-01-01', days: 366 };
const backfill = (turnover: number, trainingDays = 182): WorkforceSpec => ({
  initialStaff: 407,
  turnover,
  hiring: { policy: 'backfill', recruitmentLagDays: 30, trainingDays },
});

describe('simulateWorkforce', () => {
  it('realises the input turnover: 0.25 lies in the 99% interval of 40 seeded years', () => {
    // Each person leaves at a hazard of 0.25/365 a day, so E[leavers] = 0.25 x payroll-days / 365
    // whatever the headcount does: the realised rate (leavers / average payroll, per year) has
    // expectation 0.25 (up to a bias below 0.1% from counting a leaver's last day in full).
    const rates = Array.from(
      { length: 40 },
      (_, r) => simulateWorkforce(backfill(0.25), { ...year, seed: 11, replication: r }).turnoverRate,
    );
    const { lower, upper } = confidenceInterval(rates, 0.99);
    expect(0.25).toBeGreaterThanOrEqual(lower);
    expect(0.25).toBeLessThanOrEqual(upper);
  });

  it('keeps the payroll constant and hires nobody without turnover', () => {
    const run = simulateWorkforce(backfill(0), { ...year, seed: 1 });
    expect(run.leavers).toBe(0);
    expect(run.hires).toBe(0);
    expect(run.days.every((d) => d.payroll === 407 && d.live === 407 && d.trainees === 0)).toBe(true);
    expect(run.turnoverRate).toBe(0);
  });

  it('puts replacements on payroll after the recruitment lag and on the phones after training', () => {
    const run = simulateWorkforce(backfill(0.35), { ...year, seed: 2 });
    // Nobody can join before day 31 (a leaver on day 0 is replaced 30 days later, on day 31).
    expect(run.days.slice(0, 31).every((d) => d.hires === 0)).toBe(true);
    // Six months of training: nobody hired goes live before day 31 + 182.
    expect(run.days.slice(0, 213).every((d) => d.live + d.trainees === d.payroll)).toBe(true);
    expect(run.days.slice(0, 213).every((d) => d.learners === 0)).toBe(true);
    expect(run.days.some((d) => d.learners > 0)).toBe(true);
    // By the end of the year a sizeable share of payroll is in training, not on the phones.
    const december = run.months[11];
    expect(december?.averageTrainees ?? 0).toBeGreaterThan(20);
    expect(december?.averageLive ?? 0).toBeLessThan(december?.averagePayroll ?? 0);
  });

  it('makes learners slower: the mean handle-time multiplier rises above 1 once hires go live', () => {
    const run = simulateWorkforce(backfill(0.35, 14), { ...year, seed: 3 });
    const withLearners = run.days.filter((d) => d.learners > 0);
    expect(withLearners.length).toBeGreaterThan(0);
    for (const d of withLearners) {
      expect(d.handleTimeMultiplier).toBeGreaterThan(1);
      expect(d.qaPassRate).toBeLessThan(0.99);
    }
    const allExperienced = run.days.filter((d) => d.learners === 0);
    for (const d of allExperienced) expect(d.handleTimeMultiplier).toBe(1);
  });

  it('tops the payroll up to the target each month with monthly cohorts', () => {
    const run = simulateWorkforce(
      {
        initialStaff: 300,
        targetHeadcount: 320,
        turnover: 0.3,
        hiring: { policy: 'monthlyCohorts', recruitmentLagDays: 0, trainingDays: 60 },
      },
      { ...year, seed: 4 },
    );
    // Day 0 hires the 20 missing at once (lag 0): the payroll reaches 320 on day 0.
    expect(run.days[0]?.hires).toBe(20);
    const firsts = run.days.filter((d) => d.date.endsWith('-01'));
    for (const d of firsts) expect(d.payroll).toBe(320);
  });

  it('applies tenure bands: a high rate for the first year raises turnover when many are new', () => {
    const banded = (rate: number): WorkforceSpec => ({
      initialStaff: 200,
      initialTenureMonths: 0,
      turnover: [
        { fromMonth: 0, annualRate: rate },
        { fromMonth: 12, annualRate: 0.1 },
      ],
      hiring: { policy: 'backfill', recruitmentLagDays: 0, trainingDays: 0 },
    });
    const high = simulateWorkforce(banded(0.6), { ...year, seed: 5 }).turnoverRate;
    const low = simulateWorkforce(banded(0.1), { ...year, seed: 5 }).turnoverRate;
    expect(high).toBeGreaterThan(0.45);
    expect(low).toBeLessThan(0.2);
  });

  it('is determined by its seed and replication', () => {
    const a = simulateWorkforce(backfill(0.25), { ...year, seed: 9 });
    expect(simulateWorkforce(backfill(0.25), { ...year, seed: 9 })).toEqual(a);
    expect(simulateWorkforce(backfill(0.25), { ...year, seed: 9, replication: 1 }).leavers).not.toBe(
      a.leavers,
    );
  });

  it('rolls days into weeks of 7 and calendar months', () => {
    const run = simulateWorkforce(backfill(0.2), { ...year, seed: 6 });
    expect(run.weeks).toHaveLength(53); // 366 days = 52 weeks + 2 days
    expect(run.weeks[52]?.days).toBe(2);
    expect(run.months.map((m) => m.days)).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(run.months.reduce((a, m) => a + m.leavers, 0)).toBe(run.leavers);
  });

  it('rejects bad specs, naming the field', () => {
    expect(() => simulateWorkforce({ ...backfill(0.2), initialStaff: -1 }, { ...year, seed: 1 })).toThrow(
      'simulateWorkforce: initialStaff must be a non-negative integer (got -1)',
    );
    expect(() => simulateWorkforce(backfill(-0.1), { ...year, seed: 1 })).toThrow(
      /turnover\[0\]\.annualRate/,
    );
    expect(() =>
      simulateWorkforce(
        { ...backfill(0.2), hiring: { policy: 'often' as 'none', recruitmentLagDays: 0, trainingDays: 0 } },
        { ...year, seed: 1 },
      ),
    ).toThrow(/hiring.policy/);
    expect(() => simulateWorkforce(backfill(0.2), { startDate: '2020-13-45', days: 3, seed: 1 })).toThrow(
      /startDate/,
    );
  });
});
