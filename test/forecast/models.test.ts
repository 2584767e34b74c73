import { beforeAll, describe, expect, it } from 'vitest';
import { loadAugurs, type Augurs } from '../../sim/forecast/augurs.js';
import { pointForecast, WEEKS_AVERAGED } from '../../sim/forecast/models.js';
import { hourlySeries } from './synthetic.js';

let augurs: Augurs;
beforeAll(async () => {
  augurs = await loadAugurs();
});

// Four weeks from Monday 2020-03-02 with no noise: every week is the same, so any
// method that learns a weekly pattern must give it back.
const exact = Float64Array.from(hourlySeries({ startDate: '2020-03-02', days: 28 }).calls);
const lastWeek = exact.slice(21 * 24);

describe('pointForecast', () => {
  it('naive repeats the last week, interval by interval', () => {
    const history = Float64Array.from({ length: 14 * 24 }, (_, i) => i);
    const next = pointForecast('naive', history, 24, 10 * 24, augurs);
    expect(next[0]).toBe(7 * 24);
    expect(next[7 * 24 - 1]).toBe(14 * 24 - 1);
    expect(next[7 * 24]).toBe(7 * 24); // the eighth day repeats the first of the last week again
  });

  // By hand: interval t of a week is the mean of the same interval over the last four weeks.
  it(`average is the mean of the same interval over the last ${WEEKS_AVERAGED} weeks`, () => {
    const weeks = 5;
    const history = Float64Array.from(
      { length: weeks * 7 * 24 },
      (_, i) => Math.floor(i / (7 * 24)) * 10 + (i % 3),
    );
    const next = pointForecast('average', history, 24, 24, augurs);
    // weeks 1..4 (0-based) hold 10, 20, 30, 40 plus i % 3; interval 0 of the next week: i % 3 = 0 there
    expect(next[0]).toBeCloseTo((10 + 20 + 30 + 40) / 4 + ((4 * 7 * 24) % 3), 12);
    expect(pointForecast('average', history.slice(0, 14 * 24), 24, 24, augurs)[5]).toBeCloseTo(
      5 + ((7 * 24 + 5) % 3),
      12,
    );
  });

  it.each(['daily', 'mstl', 'ensemble'] as const)(
    '%s (augurs MSTL with ETS) gives back an exactly weekly pattern within 2% of each busy hour (STL smooths a little)',
    (model) => {
      const next = pointForecast(model, exact, 24, 7 * 24, augurs);
      expect(next).toHaveLength(7 * 24);
      for (let i = 0; i < next.length; i++) {
        const want = lastWeek[i] as number;
        if (want >= 20) expect(Math.abs((next[i] as number) - want) / want).toBeLessThan(0.02);
        else expect(Math.abs((next[i] as number) - want)).toBeLessThan(1);
      }
    },
  );

  it('ensemble is the mean of daily and mstl', () => {
    const noisy = Float64Array.from(hourlySeries({ startDate: '2020-03-02', days: 21, seed: 'ens' }).calls);
    const daily = pointForecast('daily', noisy, 24, 48, augurs);
    const mstl = pointForecast('mstl', noisy, 24, 48, augurs);
    const both = pointForecast('ensemble', noisy, 24, 48, augurs);
    both.forEach((x, i) => expect(x).toBeCloseTo(((daily[i] as number) + (mstl[i] as number)) / 2, 9));
  });

  it('daily spreads each day by its weekday shares: a closed hour stays at 0', () => {
    const next = pointForecast('daily', exact, 24, 7 * 24, augurs);
    for (let d = 0; d < 7; d++) for (let h = 0; h < 7; h++) expect(next[d * 24 + h]).toBe(0);
  });
});
