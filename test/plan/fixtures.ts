import type { TargetIndicator } from '../../sim/core/targets.js';
import type { TargetSet } from '../../sim/io/targets.js';
import { exponential, lognormal } from '../../sim/model/distributions.js';
import type { Scenario } from '../../sim/model/types.js';

/**
 * Two days across the Q1/Q2 boundary (two quarters to judge and balance), about
 * 100 calls an hour at the peak and a few at night, busy days (CV 0.1) so that
 * the outcome is uncertain, redials, and a flat staffing shape (5 agents):
 * small enough for plan tests that replicate it many times.
 */
export const twoDayScenario: Scenario = {
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

/** A target set with one indicator: the answer rate above `value` (a fraction). */
export function answerRateTargets(value: number): TargetSet {
  return {
    formatVersion: 1,
    id: 'test',
    title: { zh: '测试', en: 'test' },
    source: 'test',
    indicators: [
      {
        id: 'answerRate',
        level1: { zh: '产出', en: 'outputs' },
        level2: { zh: '质量', en: 'quality' },
        name: { zh: '综合接通率', en: 'overall answer rate' },
        comparison: '>',
        value,
        unit: 'fraction',
        kpi: 'answerRate',
        modelledBy: 'test',
        source: 'test',
      },
    ],
  };
}

/** How the 12333 budget becomes staff (data/README.md, 12333 staffing). */
export const buying12333 = { staffPerSeat: 407 / 359, shrinkage: 0.3 };

/**
 * A quantitative target row for tests: an answer rate above 80%, in the outputs'
 * quantity group, named after its id; `fields` change any of it.
 */
export function testIndicator(id: string, fields: Partial<TargetIndicator> = {}): TargetIndicator {
  return {
    id,
    level1: { zh: '产出目标', en: 'outputs' },
    level2: { zh: '数量', en: 'quantity' },
    name: { zh: `指标${id}`, en: id },
    comparison: '>',
    value: 0.8,
    unit: 'fraction',
    kpi: 'answerRate',
    modelledBy: `model of ${id}`,
    source: 'test',
    ...fields,
  };
}
