import { describe, expect, it } from 'vitest';
import type { TargetSet } from '../../sim/io/targets.js';
import type { Scenario } from '../../sim/model/types.js';
import { sensitivity, varyAssumption } from '../../sim/plan/sensitivity.js';
import { answerRateTargets, twoDayScenario } from './fixtures.js';

const scenario: Scenario = twoDayScenario;

const targets: TargetSet = answerRateTargets(0.7);

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
