import { describe, expect, it } from 'vitest';
import { firstDaysOf, readScenarioFile } from '../../sim/io/scenarioFile.js';
import { emptyCounts, KPI_DEFINITIONS, kpisOf, PERIOD_COUNT_FIELDS } from '../../sim/model/kpis.js';
import { simulate } from '../../sim/model/simulate.js';
import type { Kpis } from '../../sim/model/types.js';
import { varyAssumption } from '../../sim/plan/sensitivity.js';

const shipped = readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario;

describe('KPI definitions', () => {
  it('define every KPI, and every key ending in Rate is a proportion', () => {
    const kpis = kpisOf({ ...emptyCounts(), offered: 1 });
    expect(Object.keys(KPI_DEFINITIONS).sort()).toEqual(Object.keys(kpis).sort());
    for (const key of Object.keys(kpis) as (keyof Kpis)[]) {
      if (key.endsWith('Rate')) expect(KPI_DEFINITIONS[key].proportion, key).toBe(true);
      expect(KPI_DEFINITIONS[key].denominator.length, key).toBeGreaterThan(0);
    }
  });

  // Exact, by hand: 100 attempts offered, 70 answered, 12 abandoned, 5 blocked, 8 lost
  // while the platform was down, 3 dropped when it went down, 2 still waiting at the end.
  it('answered, abandoned, blocked and lost to faults are shares of offered that add up', () => {
    const counts = {
      ...emptyCounts(),
      offered: 100,
      answered: 70,
      abandoned: 12,
      blocked: 5,
      lostToFault: 8,
      droppedByFault: 3,
      stillWaiting: 2,
    };
    const k = kpisOf(counts);
    expect(k.faultLossRate).toBe(0.11);
    expect(k.answerRate! + k.abandonRate! + k.blockRate! + k.faultLossRate! + 2 / 100).toBeCloseTo(1, 15);
  });

  // Exact, by hand: 1,800 agent-seconds on the phones, 700 s of a call running past its
  // agent's shift end, 2,500 busy agent-seconds: occupancy 1, never 2,500 / 1,800.
  it('counts the overtime of a call running past its shift end as available time', () => {
    const counts = {
      ...emptyCounts(),
      agentSeconds: 1_800,
      overtimeAgentSeconds: 700,
      busyAgentSeconds: 2_500,
    };
    expect(kpisOf(counts).occupancy).toBe(1);
    expect(kpisOf({ ...counts, busyAgentSeconds: 1_250 }).occupancy).toBe(0.5);
  });
});

describe('simulate under overload (issue 14)', () => {
  // 3x and 20x the 12333 load over two days: agents busy all the time, calls that end after
  // a shift ends at every staffing drop. Occupancy used to reach 1.0015 and 1.0018 over the
  // horizon and 1.0127 in an interval (busy time past a shift's end counted against no
  // staffed time); it is now at most 1 in every interval, and answered + abandoned +
  // blocked + lost to faults + still waiting = offered.
  it.each([3, 20])('keeps occupancy within [0, 1] and conserves attempts at %i times the load', (factor) => {
    const scenario = varyAssumption(firstDaysOf(shipped, 2), 'volume', factor);
    const run = simulate(scenario, { seed: 1 });
    let worst = 0;
    for (const interval of run.intervals) {
      const occupancy = kpisOf(interval).occupancy;
      if (occupancy !== null) worst = Math.max(worst, occupancy);
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(worst).toBeGreaterThan(0.99);
    expect(run.kpis.occupancy).toBeLessThanOrEqual(1);
    expect(run.horizon.overtimeAgentSeconds).toBeGreaterThan(0);
    const h = run.horizon;
    expect(h.answered + h.abandoned + h.blocked + h.lostToFault + h.droppedByFault + h.stillWaiting).toBe(
      h.offered,
    );
    const k = run.kpis;
    expect(
      k.answerRate! + k.abandonRate! + k.blockRate! + k.faultLossRate! + h.stillWaiting / h.offered,
    ).toBeCloseTo(1, 12);
    for (const field of PERIOD_COUNT_FIELDS) expect(Number.isFinite(h[field]), field).toBe(true);
  });

  // Faults every few hours (the shipped levels at 300 times their yearly rates, so that two
  // days see several, the platform down among them): the attempts lost to them are in
  // faultLossRate, so the four rates again add up to 1 less the share still waiting (the
  // issue saw answer + abandon + block = 0.933 with faults on).
  it('puts the attempts lost to faults in faultLossRate, so the rates add up with faults on', () => {
    const faults = shipped.faults!;
    const scenario = {
      ...firstDaysOf(shipped, 2),
      faults: {
        ...faults,
        levels: faults.levels.map((level) => ({ ...level, ratePerYear: level.ratePerYear * 300 })),
      },
    };
    const run = simulate(scenario, { seed: 2 });
    const h = run.horizon;
    expect(h.lostToFault + h.droppedByFault).toBeGreaterThan(0);
    expect(run.faults!.episodes.some((e) => e.capacityLost === 1)).toBe(true);
    const k = run.kpis;
    expect(k.faultLossRate).toBe((h.lostToFault + h.droppedByFault) / h.offered);
    expect(k.answerRate! + k.abandonRate! + k.blockRate!).toBeLessThan(0.99);
    expect(
      k.answerRate! + k.abandonRate! + k.blockRate! + k.faultLossRate! + h.stillWaiting / h.offered,
    ).toBeCloseTo(1, 12);
  });
});
