import { describe, expect, it } from 'vitest';
import type { TargetIndicator, TargetSet } from '../../sim/io/targets.js';
import { exponential } from '../../sim/model/distributions.js';
import { kpisOf } from '../../sim/model/kpis.js';
import type { Scenario } from '../../sim/model/types.js';
import { evaluatePlan, wilsonInterval } from '../../sim/plan/evaluatePlan.js';
import { replicate } from '../../sim/plan/replicate.js';

// Two days across the Q1/Q2 boundary, loaded so that the answer rate sits near 80%.
const scenario: Scenario = {
  startDate: '2020-03-31',
  days: 2,
  intervalMinutes: 30,
  arrivals: { kind: 'profile', dailyVolume: 2_400 },
  dayBusynessCv: 0.15,
  handle: exponential(200),
  patience: exponential(90),
  agents: { kind: 'constant', count: 5 },
  answerWithinSeconds: 15,
};

function indicator(
  id: string,
  kpi: TargetIndicator['kpi'],
  comparison: TargetIndicator['comparison'],
  value: number | string,
): TargetIndicator {
  return {
    id,
    level1: { zh: '产出', en: 'outputs' },
    level2: { zh: '质量', en: 'quality' },
    name: { zh: id, en: id },
    comparison,
    value,
    unit: typeof value === 'number' ? 'fraction' : 'text',
    kpi,
    modelledBy: 'test',
    source: 'test',
  };
}

function targetSet(...indicators: TargetIndicator[]): TargetSet {
  return { formatVersion: 1, id: 'test', title: { zh: '测试', en: 'test' }, source: 'test', indicators };
}

describe('wilsonInterval', () => {
  // Exact, by hand: z = 1.959964, z^2/n = 0.384146, centre = (0.9 + 0.192073) / 1.384146 = 0.788987,
  // half = (z / 1.384146) x sqrt(0.009 + 0.00960365) = 0.193144.
  it('9 of 10 at 95% is [0.5958, 0.9821]', () => {
    const estimate = wilsonInterval(9, 10);
    expect(estimate.probability).toBe(0.9);
    expect(estimate.low).toBeCloseTo(0.5958, 4);
    expect(estimate.high).toBeCloseTo(0.9821, 4);
  });

  // Exact, by hand: with 0 successes the upper end is (z^2/n) / (1 + z^2/n) = 0.384146 / 1.384146.
  it('0 of 10 is [0, 0.2775] and 10 of 10 mirrors it', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.384146 / 1.384146, 5);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(10, 10).low).toBeCloseTo(1 - 0.384146 / 1.384146, 5);
  });

  it('narrows as trials grow, and rejects impossible counts', () => {
    const small = wilsonInterval(8, 10);
    const large = wilsonInterval(80, 100);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(() => wilsonInterval(11, 10)).toThrow(
      'wilsonInterval: successes must be at most trials (got 11 > 10)',
    );
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
  });
});

describe('evaluatePlan', () => {
  it('counts, per quarter and overall, the replications that meet each target', async () => {
    const targets = targetSet(
      indicator('answerRate', 'answerRate', '>', 0.8),
      indicator('abandon', 'abandonRate', '<', 0.25),
      indicator('rules', null, null, '健全'),
      indicator('satisfaction', 'satisfaction', '>', 0.97),
    );
    const options = { replications: 12, seed: 5, workers: 0 };
    const [evaluation, result] = await Promise.all([
      evaluatePlan(scenario, targets, options),
      replicate(scenario, options),
    ]);
    // Recount from the replications directly.
    const quarterMeets = result.runs.map((run) =>
      run.quarters.map((row) => {
        const kpis = kpisOf(row);
        return [kpis.answerRate! > 0.8, kpis.abandonRate! < 0.25];
      }),
    );
    expect(evaluation.notSimulated).toEqual(['rules', 'satisfaction']);
    expect(evaluation.indicators.map((i) => i.id)).toEqual(['answerRate', 'abandon']);
    expect(evaluation.quarters.map((q) => q.period)).toEqual(['2020-Q1', '2020-Q2']);
    for (const [i, ind] of evaluation.indicators.entries()) {
      for (const q of [0, 1]) {
        expect(ind.quarters[q]!.successes).toBe(quarterMeets.filter((run) => run[q]![i]).length);
      }
      expect(ind.allQuarters.successes).toBe(quarterMeets.filter((run) => run[0]![i] && run[1]![i]).length);
    }
    const all = quarterMeets.map((run) => run.every((quarter) => quarter.every(Boolean)));
    expect(evaluation.meetsAllByReplication).toEqual(all);
    expect(evaluation.allTargets.successes).toBe(all.filter(Boolean).length);
    expect(evaluation.allTargets.trials).toBe(12);
    // The scenario is loaded so that some, not all, replications meet 80%: the test can fail both ways.
    expect(evaluation.indicators[0]!.allQuarters.successes).toBeGreaterThan(0);
    expect(evaluation.indicators[0]!.allQuarters.successes).toBeLessThan(12);
    expect(evaluation.kpis.answerRate!.mean).toBeCloseTo(result.kpis.answerRate!.mean, 12);
  });

  it('checks the answer rate on the definition asked for', async () => {
    const targets = targetSet(indicator('answerRate', 'answerRate', '>', 0.8));
    const evaluation = await evaluatePlan(scenario, targets, {
      replications: 2,
      seed: 1,
      workers: 0,
      answerRateDefinition: 'perCaller',
    });
    expect(evaluation.indicators[0]!.measuredBy).toBe('callerAnswerRate');
  });
});
