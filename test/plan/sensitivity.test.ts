import { describe, expect, it } from 'vitest';
import type { TargetSet } from '../../sim/io/targets.js';
import { exponential, lognormal } from '../../sim/model/distributions.js';
import type { Scenario } from '../../sim/model/types.js';
import { sensitivity, varyAssumption } from '../../sim/plan/sensitivity.js';

// Two days across the Q1/Q2 boundary; 5 agents for about 100 calls an hour at peak.
const scenario: Scenario = {
  startDate: '2020-03-31',
  days: 2,
  intervalMinutes: 30,
  arrivals: { kind: 'profile', dailyVolume: 2_400 },
  dayBusynessCv: 0.1,
  handle: lognormal(200, 0.8),
  patience: exponential(90),
  redial: { redialProbability: 0.5, maxAttempts: 3, delay: exponential(600) },
  agents: { kind: 'constant', count: 5 },
  answerWithinSeconds: 15,
};

const targets: TargetSet = {
  formatVersion: 1,
  id: 'test',
  title: { zh: '测试', en: 'test' },
  source: 'test',
  indicators: [
    {
      id: 'answerRate',
      level1: { zh: '产出', en: 'outputs' },
      level2: { zh: '质量', en: 'quality' },
      name: { zh: '接通率', en: 'answer rate' },
      comparison: '>',
      value: 0.7,
      unit: 'fraction',
      kpi: 'answerRate',
      modelledBy: 'test',
      source: 'test',
    },
  ],
};

describe('varyAssumption', () => {
  // Exact, by hand: each field multiplied by the factor, nothing else changed.
  it('scales one assumption and leaves the rest', () => {
    const more = varyAssumption(scenario, 'volume', 1.2);
    expect(more.arrivals).toEqual({ kind: 'profile', dailyVolume: 2_880 });
    expect(more.handle).toBe(scenario.handle);
    const longer = varyAssumption(scenario, 'handle', 1.1).handle;
    expect(longer.kind === 'lognormal' && [longer.meanSeconds, longer.cv]).toEqual([200 * 1.1, 0.8]);
    expect(varyAssumption(scenario, 'patience', 0.9).patience).toEqual({
      kind: 'exponential',
      meanSeconds: 81,
    });
    expect(varyAssumption(scenario, 'redialProbability', 3).redial?.redialProbability).toBe(1);
    const table = varyAssumption(
      { ...scenario, arrivals: { kind: 'table', callsPerInterval: [2, 4] } },
      'volume',
      0.5,
    );
    expect(table.arrivals).toEqual({ kind: 'table', callsPerInterval: [1, 2] });
    expect(() => varyAssumption(scenario, 'volume', -1)).toThrow(RangeError);
  });
});

describe('sensitivity', () => {
  it('runs the baseline and every variant on the same seeds; more calls lower the answer rate', async () => {
    const rows = await sensitivity(scenario, targets, {
      replications: 6,
      seed: 2,
      workers: 0,
      factors: { volume: [0.8, 1.2], handle: [1.2], patience: [], redialProbability: [] },
    });
    expect(rows.map((r) => [r.assumption, r.factor])).toEqual([
      ['baseline', 1],
      ['volume', 0.8],
      ['volume', 1.2],
      ['handle', 1.2],
    ]);
    const rate = (i: number): number => rows[i]!.answerRate!.mean;
    expect(rate(1)).toBeGreaterThan(rate(0));
    expect(rate(2)).toBeLessThan(rate(0));
    expect(rate(3)).toBeLessThan(rate(0));
    expect(rows[1]!.probability.probability).toBeGreaterThanOrEqual(rows[2]!.probability.probability);
  });
});
