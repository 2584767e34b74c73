import { describe, expect, it } from 'vitest';
import { queueMetrics } from '../../sim/analytic/queueMetrics.js';
import { requiredAgents } from '../../sim/analytic/requiredAgents.js';
import { exponential, lognormal } from '../../sim/model/distributions.js';
import { kpisOf } from '../../sim/model/kpis.js';
import type { Scenario } from '../../sim/model/types.js';
import { compareWithFormula } from '../../sim/plan/compareWithFormula.js';
import { formulaQueues } from '../../sim/plan/formulaQueues.js';
import { periodTable } from '../../sim/plan/periodTable.js';
import { replicate } from '../../sim/plan/replicate.js';
import { staffToTarget } from '../../sim/plan/staffToTarget.js';

// Four half hours with explicit expected calls (the second has none).
const base: Scenario = {
  startDate: '2020-03-31',
  days: 1,
  intervalMinutes: 360,
  arrivals: { kind: 'table', callsPerInterval: [300, 0, 1_200, 600] },
  selfServiceShare: 0.2,
  handle: lognormal(200, 0.8),
  patience: exponential(90),
  waitingRoom: 30,
  agents: { kind: 'perInterval', counts: [3, 1, 9, 5] },
  answerWithinSeconds: 20,
};

describe('formulaQueues', () => {
  // Exact, by hand: 6-hour intervals, so calls x (1 - 0.2) / 6 per hour: 300 -> 40, 1200 -> 160.
  it("gives each interval's Poisson rate after self-service, its agents and the distributions' means", () => {
    const queues = formulaQueues(base);
    expect(queues.map((q) => q.arrivalsPerHour)).toEqual([40, 0, 160, 80]);
    expect(queues.map((q) => q.agents)).toEqual([3, 1, 9, 5]);
    expect(queues[0]).toEqual({
      agents: 3,
      arrivalsPerHour: 40,
      meanHandleSeconds: 200,
      meanPatienceSeconds: 90,
      waitingRoom: 30,
      answerWithinSeconds: 20,
    });
    const noPatience = formulaQueues({
      ...base,
      patience: undefined,
      waitingRoom: undefined,
      selfServiceShare: undefined,
    });
    expect(noPatience[2]).toMatchObject({
      arrivalsPerHour: 200,
      meanPatienceSeconds: Infinity,
      waitingRoom: Infinity,
    });
  });
});

describe('staffToTarget', () => {
  it('sets each interval to the least agents meeting the target by requiredAgents, capped, 0 without calls', () => {
    const target = { answerRate: 0.9 };
    const staffed = staffToTarget(base, target);
    const expected = formulaQueues(base).map(({ agents: _agents, ...q }) =>
      q.arrivalsPerHour === 0 ? 0 : requiredAgents(q, target),
    );
    expect(staffed.agents).toEqual({ kind: 'perInterval', counts: expected });
    expect(expected[1]).toBe(0);
    expect(expected[2]).toBeGreaterThan(4);
    const capped = staffToTarget(base, target, { maxAgents: 4 });
    expect(capped.agents).toEqual({ kind: 'perInterval', counts: expected.map((a) => Math.min(a, 4)) });
    expect(base.agents).toEqual({ kind: 'perInterval', counts: [3, 1, 9, 5] }); // input unchanged
  });

  it('rejects a bad maxAgents and passes a bad target on to requiredAgents', () => {
    expect(() => staffToTarget(base, { answerRate: 0.8 }, { maxAgents: 2.5 })).toThrow(
      'staffToTarget: maxAgents must be a non-negative integer or Infinity (got 2.5)',
    );
    expect(() => staffToTarget(base, { answerRate: 1.5 })).toThrow(/target.answerRate/);
  });
});

describe('compareWithFormula and periodTable', () => {
  const scenario: Scenario = { ...base, handle: exponential(200), waitingRoom: undefined };

  it('puts queueMetrics of each interval beside its simulated KPIs', async () => {
    const result = await replicate(scenario, { replications: 3, seed: 1, workers: 0, keepIntervals: true });
    const rows = compareWithFormula(scenario, result);
    expect(rows.map((row) => row.start)).toEqual([
      '2020-03-31T00:00',
      '2020-03-31T06:00',
      '2020-03-31T12:00',
      '2020-03-31T18:00',
    ]);
    rows.forEach((row, index) => {
      expect(row.formula).toEqual(queueMetrics(formulaQueues(scenario)[index]!));
      expect(row.simulated).toEqual(result.intervals![index]!.kpis);
    });
    const without = await replicate(scenario, { replications: 2, seed: 1, workers: 0 });
    expect(() => compareWithFormula(scenario, without)).toThrow(/keepIntervals: true/);
    const twoDays: Scenario = {
      ...scenario,
      days: 2,
      arrivals: { kind: 'profile', dailyVolume: 10 },
      agents: { kind: 'constant', count: 1 },
    };
    expect(() => compareWithFormula(twoDays, result)).toThrow(/has 8 intervals but the result 4/);
  });

  it('tables a KPI per quarter with the share of replications meeting the target', async () => {
    const twoQuarters: Scenario = {
      ...scenario,
      days: 2,
      intervalMinutes: 720,
      arrivals: { kind: 'table', callsPerInterval: [900, 900, 900, 900] },
      agents: { kind: 'constant', count: 5 },
    };
    const result = await replicate(twoQuarters, { replications: 6, seed: 2, workers: 0 });
    const rows = periodTable(result, 'answerRate', { target: 0.85 });
    expect(rows.map((row) => row.period)).toEqual(['2020-Q1', '2020-Q2']);
    rows.forEach((row, index) => {
      // by hand from the runs: each replication's quarter ratio, compared with the target
      const values = result.runs.map((run) => kpisOf(run.quarters[index]!).answerRate!);
      expect(row.shareMeetingTarget).toBe(values.filter((v) => v >= 0.85).length / values.length);
      expect(row.mean).toBe(result.quarters[index]!.kpis.answerRate!.mean);
      expect([row.ciLow, row.ciHigh, row.p05, row.p95, row.n]).toEqual([
        result.quarters[index]!.kpis.answerRate!.ciLow,
        result.quarters[index]!.kpis.answerRate!.ciHigh,
        result.quarters[index]!.kpis.answerRate!.p05,
        result.quarters[index]!.kpis.answerRate!.p95,
        6,
      ]);
    });
    const waits = periodTable(result, 'asaSeconds', { target: 30, direction: 'atMost', periods: 'horizon' });
    const asa = result.runs.map((run) => run.kpis.asaSeconds!);
    expect(waits).toHaveLength(1);
    expect(waits[0]!.shareMeetingTarget).toBe(asa.filter((v) => v <= 30).length / asa.length);
    expect(periodTable(result, 'answerRate')[0]!.shareMeetingTarget).toBeNull();
    expect(() => periodTable(result, 'answerRate', { target: Number.NaN })).toThrow(
      /target must be a finite number/,
    );
  });
});
