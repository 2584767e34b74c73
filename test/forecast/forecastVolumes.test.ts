import { describe, expect, it } from 'vitest';
import { forecastProblems, forecastVolumes, holdoutScore } from '../../sim/forecast/forecastVolumes.js';
import type { VolumeSeries } from '../../sim/forecast/types.js';
import { hourlySeries } from './synthetic.js';

// Six weeks from Monday 2020-03-02, Poisson around a weekly pattern with a 5% day-to-day CV.
const series = hourlySeries({ startDate: '2020-03-02', days: 42, seed: 'forecast', dayCv: 0.05 });
// Seven rolling origins (the last week of the training) keep the tests short.
const options = {
  train: { from: '2020-03-02', to: '2020-04-05' },
  horizon: { from: '2020-04-06', to: '2020-04-12' },
  origins: 7,
};

describe('forecastProblems', () => {
  it('lists every problem at once', () => {
    const gappy: VolumeSeries = { ...series, gaps: [{ from: '2020-03-10T08:00', to: '2020-03-10T09:00' }] };
    expect(
      forecastProblems(gappy, {
        train: { from: '2020-03-02', to: '2020-03-12' },
        horizon: { from: '2020-03-10', to: '2020-03-16' },
        level: 1.5,
      }),
    ).toEqual([
      'train: 2020-03-02 to 2020-03-12 is 11 days; a weekly pattern needs two weeks of history, and the backtest a day after them: at least 15 days',
      'the history has a gap from 2020-03-10T08:00 to 2020-03-10T09:00 (no data) inside the training days',
      'horizon: starts on 2020-03-10, not after the training ends (2020-03-12); a forecast is of days after its history',
      'level: must be between 0 and 1 (got 1.5)',
    ]);
    expect(forecastProblems(series, { ...options, train: { from: '2020-02-01', to: '2020-02-30' } })).toEqual(
      ['train: "2020-02-30" is not a date YYYY-MM-DD'],
    );
    expect(
      forecastProblems(series, {
        train: { from: '2020-03-02', to: '2020-05-01' },
        horizon: { from: '2020-05-02', to: '2020-05-03' },
      }),
    ).toEqual([
      'train: 2020-03-02 to 2020-05-01 is outside the history, which covers 2020-03-02 to 2020-04-12',
    ]);
    expect(forecastProblems(series, options)).toEqual([]);
  });

  it('makes forecastVolumes throw a RangeError with them', async () => {
    await expect(
      forecastVolumes(series, { ...options, horizon: { from: '2020-04-05', to: '2020-04-12' } }),
    ).rejects.toThrow(/forecastVolumes: horizon: starts on 2020-04-05, not after the training ends/);
  });
});

describe('forecastVolumes', () => {
  it('forecasts every interval of the horizon with whole-number bands around the mean', async () => {
    const f = await forecastVolumes(series, options);
    expect(f.byInterval).toHaveLength(7 * 24);
    expect(f.byInterval[0]?.start).toBe('2020-04-06T00:00');
    expect(f.byInterval[33]?.start).toBe('2020-04-07T09:00');
    for (const r of f.byInterval) {
      expect(Number.isInteger(r.lower) && Number.isInteger(r.upper)).toBe(true);
      expect(r.lower).toBeLessThanOrEqual(Math.ceil(r.mean));
      expect(r.upper).toBeGreaterThanOrEqual(Math.floor(r.mean));
    }
    expect(f.byDay.map((d) => d.date)).toEqual([
      '2020-04-06',
      '2020-04-07',
      '2020-04-08',
      '2020-04-09',
      '2020-04-10',
      '2020-04-11',
      '2020-04-12',
    ]);
    f.byDay.forEach((d, i) => {
      const sum = f.byInterval.slice(i * 24, i * 24 + 24).reduce((s, r) => s + r.mean, 0);
      expect(d.mean).toBeCloseTo(sum, 6);
    });
    expect(f.backtest.origins).toEqual([
      '2020-03-29',
      '2020-03-30',
      '2020-03-31',
      '2020-04-01',
      '2020-04-02',
      '2020-04-03',
      '2020-04-04',
    ]);
    expect(f.backtest.scores.map((s) => s.model)).toEqual(['naive', 'average', 'daily', 'mstl', 'ensemble']);
    expect(f.chosenBy).toBe('backtest');
    expect(f.warnings).toEqual([]);
    // The synthetic days vary by 5%: the backtest must find a day CV of that order.
    expect(f.uncertainty.dayCv + f.uncertainty.levelCv).toBeGreaterThan(0.02);
    expect(f.uncertainty.dayCv + f.uncertainty.levelCv).toBeLessThan(0.12);
  });

  it('is the same whatever the series holds after the training days', async () => {
    const longer = hourlySeries({ startDate: '2020-03-02', days: 49, seed: 'forecast', dayCv: 0.05 });
    const cut = { ...longer, calls: longer.calls.slice(0, 35 * 24) };
    const other = { ...longer, calls: [...cut.calls, ...longer.calls.slice(35 * 24).map((x) => 3 * x)] };
    const a = await forecastVolumes(cut, options);
    const b = await forecastVolumes(other, options);
    expect(b).toEqual(a);
  });

  it('runs the naive and the method asked for only, and says so', async () => {
    const f = await forecastVolumes(series, { ...options, model: 'daily', level: 0.9 });
    expect(f.model).toBe('daily');
    expect(f.chosenBy).toBe('option');
    expect(f.backtest.scores.map((s) => s.model)).toEqual(['naive', 'daily']);
    const wide = f.byInterval[33]!;
    const narrow = (await forecastVolumes(series, { ...options, model: 'daily', level: 0.5 }))
      .byInterval[33]!;
    expect(wide.upper - wide.lower).toBeGreaterThan(narrow.upper - narrow.lower);
  });

  it('warns when a special day of the horizon has no example in the history', async () => {
    const f = await forecastVolumes(series, {
      ...options,
      dayType: (d) => (d === '2020-04-10' ? 'holiday' : 'ordinary'),
    });
    expect(f.warnings).toEqual([
      'no holiday in the training days: such days of the horizon are forecast like Sunday (an assumed rule)',
    ]);
    expect(f.byDay[4]?.dayType).toBe('holiday');
    expect(f.byDay[4]!.mean).toBeLessThan(f.byDay[3]!.mean / 2);
  });
});

describe('holdoutScore', () => {
  it('scores the forecast and the naive on the horizon with the same rules', async () => {
    const f = await forecastVolumes(series, options);
    const s = holdoutScore(series, f);
    expect(s.intervals).toBeGreaterThan(80);
    expect(s.dailyWmape).toBeLessThan(0.1);
    expect(s.coverage).toBeGreaterThan(0.5);
    // the naive forecast of the horizon is the last training week
    const actual = series.calls.slice(35 * 24);
    const naive = series.calls.slice(28 * 24, 35 * 24);
    const all =
      actual.reduce((sum, a, i) => sum + Math.abs((naive[i] as number) - a), 0) /
      actual.reduce((x, y) => x + y, 0);
    expect(s.naive.allIntervalsWmape).toBeCloseTo(all, 12);
    expect(() => holdoutScore({ ...series, calls: series.calls.slice(0, 38 * 24) }, f)).toThrow(
      'not the horizon',
    );
  });
});
