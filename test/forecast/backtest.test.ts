import { beforeAll, describe, expect, it } from 'vitest';
import { loadAugurs, type Augurs } from '../../sim/forecast/augurs.js';
import {
  chooseModel,
  groupSums,
  rollingOrigins,
  scoreRun,
  weightedMape,
  type ModelRun,
} from '../../sim/forecast/backtest.js';
import { isoDayNumber } from '../../sim/forecast/series.js';
import type { BacktestScore } from '../../sim/forecast/types.js';
import { gammaMeanOne, hourlySeries, poisson, uniforms, WORKDAY_PROFILE } from './synthetic.js';

let augurs: Augurs;
beforeAll(async () => {
  augurs = await loadAugurs();
});

describe('weightedMape and groupSums', () => {
  // By hand: (|110 - 100| + |90 - 100| + |5 - 10|) / 210 = 25 / 210.
  it('divides the sum of absolute errors by the sum of actuals, over the pairs kept', () => {
    expect(weightedMape([110, 90, 5], [100, 100, 10])).toBeCloseTo(25 / 210, 15);
    expect(weightedMape([110, 90, 5], [100, 100, 10], (_, a) => a >= 20)).toBeCloseTo(0.1, 15);
    expect(weightedMape([1], [0])).toBeNull();
    expect(Array.from(groupSums([1, 2, 3, 4, 5, 6], 3))).toEqual([6, 15]);
  });
});

describe('rollingOrigins', () => {
  const start = isoDayNumber('2020-03-02') as number;
  const series = Float64Array.from(hourlySeries({ startDate: '2020-03-02', days: 21, seed: 'roll' }).calls);

  it('uses the last days that leave two weeks before them, each forecasting up to the end', () => {
    const r = rollingOrigins(series, start, 24, ['naive'], {
      maxDaysAhead: 7,
      maxOrigins: 28,
      dayType: () => 'ordinary',
      augurs,
    });
    expect(r.origins).toEqual([
      '2020-03-15',
      '2020-03-16',
      '2020-03-17',
      '2020-03-18',
      '2020-03-19',
      '2020-03-20',
      '2020-03-21',
    ]);
    expect(r.maxDaysAhead).toBe(7);
    expect(r.runs[0]?.errors.map((e) => e.actual.length / 24)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const few = rollingOrigins(series, start, 24, ['naive'], {
      maxDaysAhead: 2,
      maxOrigins: 3,
      dayType: () => 'ordinary',
      augurs,
    });
    expect(few.origins).toEqual(['2020-03-19', '2020-03-20', '2020-03-21']);
    expect(few.runs[0]?.errors.map((e) => e.actual.length / 24)).toEqual([2, 2, 1]);
  });

  it('forecasts from an origin with the days before it only', () => {
    const changed = Float64Array.from(series);
    for (let i = 18 * 24; i < changed.length; i++) changed[i] = (changed[i] as number) * 3;
    for (const model of ['average', 'daily', 'mstl'] as const) {
      const options = { maxDaysAhead: 7, maxOrigins: 28, dayType: () => 'ordinary' as const, augurs };
      const a = rollingOrigins(series, start, 24, [model], options).runs[0]!;
      const b = rollingOrigins(changed, start, 24, [model], options).runs[0]!;
      // days from 2020-03-20 (day 18) on are tripled: origins up to 2020-03-19 saw none of them
      for (let o = 0; o <= 4; o++)
        expect(Array.from(b.errors[o]!.forecast)).toEqual(Array.from(a.errors[o]!.forecast));
      // later origins saw them (the average of the same weekday does not look at 20-21 March)
      if (model !== 'average')
        expect(Array.from(b.errors[5]!.forecast)).not.toEqual(Array.from(a.errors[5]!.forecast));
    }
  });
});

describe('scoreRun', () => {
  // Forecasts that are the true mean of Poisson-gamma counts (CV 0.15 per interval): the bands,
  // calibrated on the other origins' errors, should cover about 80% of the intervals. 40 origins
  // of 3 days x 24 hours give 2,280 scored intervals; the binomial standard error of an 80%
  // coverage is 0.8%, so 76-84% is five of them.
  it('calibrated bands cover about their level out of sample (leave one origin out)', () => {
    const u = uniforms('coverage');
    const errors = Array.from({ length: 40 }, () => {
      const forecast = new Float64Array(72);
      const actual = new Float64Array(72);
      for (let i = 0; i < 72; i++) {
        forecast[i] = 1500 * (WORKDAY_PROFILE[i % 24] as number);
        actual[i] = poisson((forecast[i] as number) * gammaMeanOne(0.15, u), u);
      }
      return { forecast, actual };
    });
    const score = scoreRun({ model: 'average', errors }, 24, 20, 0.8);
    expect(score.coverage).toBeGreaterThan(0.76);
    expect(score.coverage).toBeLessThan(0.84);
    expect(score.loss).toBeCloseTo(((score.dailyWmape as number) + (score.intervalWmape as number)) / 2, 15);
    expect(score.lossStandardError).toBeGreaterThan(0);
  });

  it('reports a failed method with no scores', () => {
    const failed: ModelRun = {
      model: 'mstl',
      errors: [],
      failure: 'failed with the history to 2020-03-20: boom',
    };
    expect(scoreRun(failed, 24, 20, 0.8)).toMatchObject({
      dailyWmape: null,
      loss: null,
      failure: failed.failure,
    });
  });
});

describe('chooseModel (the one-standard-error rule)', () => {
  const score = (model: BacktestScore['model'], loss: number | null, se: number | null): BacktestScore => ({
    model,
    dailyWmape: loss,
    intervalWmape: loss,
    coverage: null,
    loss,
    lossStandardError: se,
  });

  it('takes the simplest method within one standard error of the least loss', () => {
    expect(
      chooseModel([
        score('naive', 0.215, 0.005),
        score('average', 0.1448, 0.004),
        score('mstl', 0.1447, 0.008),
      ]),
    ).toBe('average');
    expect(
      chooseModel([
        score('naive', 0.215, 0.005),
        score('average', 0.16, 0.004),
        score('mstl', 0.1447, 0.008),
      ]),
    ).toBe('mstl');
    expect(chooseModel([score('naive', 0.2, null), score('daily', 0.1, null)])).toBe('daily');
  });

  it('skips failed methods and refuses when all failed', () => {
    expect(chooseModel([score('naive', 0.3, 0.01), score('average', null, null)])).toBe('naive');
    expect(() => chooseModel([score('mstl', null, null)])).toThrow('every method failed');
  });
});
