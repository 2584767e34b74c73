import { describe, expect, it } from 'vitest';
import { weightedMape } from '../../sim/forecast/backtest.js';
import { forecastVolumes, holdoutScore } from '../../sim/forecast/forecastVolumes.js';
import { offeredCallsSeries } from '../../sim/forecast/series.js';
import type { VolumeForecast, VolumeSeries } from '../../sim/forecast/types.js';
import { bankCalls } from '../io/bankData.js';

// Issue 17's goal, on the Anonymous Bank (no Chinese holidays: every day ordinary): trained on
// 1-21 February 1999, forecasting 22-28 February by hour. Offered = AGENT, or HANG with
// q_time > 0, in the hour of q_start (of vru_exit when q_time = 0). The goal: daily wMAPE <= 8%,
// hourly <= 19% (hours with >= 20 calls), 80% bands covering 70-90% of those hours.
//
// The method is chosen inside 1-21 February only (rolling origins, forecastVolumes); 22-28
// February is scored here and nowhere else. What is reached: coverage 80.0% (met); daily 13.7%
// and hourly 19.3% (not met; the seasonal naive scores 9.0% and 20.8%). The cause, measured
// (README, "Forecast"): the week of 22-28 February had 7.8% fewer calls than the week before
// and 14% fewer than the first week; the four-week average chosen inside 1-21 February
// forecast 7,922 calls for a week of 7,109. With that week's total known in advance, the
// same forecast would score 9.1% daily and 15.9% hourly. These figures are pinned below so
// that a change of method shows here, with its effect on the goal.
const bank = (): VolumeSeries => offeredCallsSeries(bankCalls().records, { intervalMinutes: 60 });
const days = (values: readonly number[]): number[] =>
  Array.from({ length: values.length / 24 }, (_, d) =>
    values.slice(d * 24, d * 24 + 24).reduce((s, x) => s + x, 0),
  );

describe('forecast of the Anonymous Bank, 22-28 February 1999 (real data)', () => {
  it('counts calls by the rules of the issue: the 31,094 records read (27,162 AGENT, 3,932 HANG with a wait)', () => {
    const series = bank();
    expect(series.startDate).toBe('1999-02-01');
    expect(series.calls).toHaveLength(28 * 24);
    expect(series.calls.reduce((s, x) => s + x, 0)).toBe(31_094);
    expect(series.gaps).toBeUndefined();
  });

  // The figures for the seasonal naive (the same hour a week before): they check the
  // counting. 21.3% is over every hour; over the hours with >= 20 calls it is 20.8%.
  it('reproduces the seasonal naive forecast: 9.0% daily and 21.3% hourly', () => {
    const calls = bank().calls;
    const actual = calls.slice(21 * 24);
    const naive = calls.slice(14 * 24, 21 * 24);
    expect(weightedMape(days(naive), days(actual))).toBeCloseTo(0.0899, 4);
    expect(weightedMape(naive, actual)).toBeCloseTo(0.2131, 4);
    expect(weightedMape(naive, actual, (_, a) => a >= 20)).toBeCloseTo(0.2077, 4);
  });

  let forecast: VolumeForecast;
  it('chooses the method inside 1-21 February: the four-week average, within a standard error of MSTL', async () => {
    const series = bank();
    // The forecast never sees 22-28 February: cut from the series, the answer is the same.
    const train = { ...series, calls: series.calls.slice(0, 21 * 24) };
    const options = {
      train: { from: '1999-02-01', to: '1999-02-21' },
      horizon: { from: '1999-02-22', to: '1999-02-28' },
    };
    forecast = await forecastVolumes(train, options);
    expect(await forecastVolumes(series, options)).toEqual(forecast);
    expect(forecast.model).toBe('average');
    expect(forecast.backtest.origins).toEqual([
      '1999-02-14',
      '1999-02-15',
      '1999-02-16',
      '1999-02-17',
      '1999-02-18',
      '1999-02-19',
      '1999-02-20',
    ]);
    const score = (model: string) => forecast.backtest.scores.find((s) => s.model === model)!;
    expect(score('naive').dailyWmape).toBeCloseTo(0.1706, 4);
    expect(score('average').loss).toBeCloseTo(0.1448, 4);
    expect(score('mstl').loss).toBeCloseTo(0.1455, 4);
    expect(score('average').lossStandardError).toBeCloseTo(0.0042, 4);
    // An outage's empty hour and a spike were replaced before the methods learnt.
    expect(forecast.outliers.map((o) => o.start)).toEqual([
      '1999-02-14T21:00',
      '1999-02-14T22:00',
      '1999-02-21T18:00',
    ]);
  });

  it('scores 22-28 February: coverage within 70-90%, wMAPE above the goal', () => {
    const score = holdoutScore(bank(), forecast);
    expect(score.intervals).toBe(95);
    expect(score.coverage).toBeGreaterThanOrEqual(0.7);
    expect(score.coverage).toBeLessThanOrEqual(0.9);
    expect(score.coverage).toBeCloseTo(0.8, 4);
    expect(score.dailyWmape).toBeCloseTo(0.1371, 4);
    expect(score.intervalWmape).toBeCloseTo(0.193, 4);
    expect(score.naive.intervalWmape).toBeCloseTo(0.2077, 4);
    // The cause: the level. Scaled to the week's actual total, the same forecast scores 9.1% and 15.9%.
    const actual = bank().calls.slice(21 * 24);
    const mean = forecast.byInterval.map((r) => r.mean);
    const total = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
    expect(total(mean)).toBeCloseTo(7922, 0);
    expect(total(actual)).toBe(7109);
    const scaled = mean.map((x) => (x * total(actual)) / total(mean));
    expect(weightedMape(days(scaled), days(actual))).toBeCloseTo(0.091, 3);
    expect(weightedMape(scaled, actual, (_, a) => a >= 20)).toBeCloseTo(0.1593, 4);
  });
});
