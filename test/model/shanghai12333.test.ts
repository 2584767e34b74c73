import { describe, expect, it } from 'vitest';
import {
  SHANGHAI_12333_HOURLY_SHARES,
  daysInMonths,
  halfHourSharesFromHourly,
  normaliseMonthFactors,
  shanghai12333Load2020,
} from '../../sim/model/shanghai12333.js';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('the 12333 default load (FACTS.md §7.1)', () => {
  const shares = shanghai12333Load2020.intradayShares;

  it('has 48 positive half-hour shares that sum to 1', () => {
    expect(shares).toHaveLength(48);
    expect(shares.every((s) => s > 0)).toBe(true);
    expect(sum(shares)).toBeCloseTo(1, 14);
  });

  it('matches the aggregates of FACTS.md §7.1 exactly', () => {
    // 00-08: 3% of the day; 09-11: 28% (14%/h); 14-16: 26% (13%/h).
    expect(sum(shares.slice(0, 16))).toBeCloseTo(0.03, 14);
    expect(sum(shares.slice(18, 22))).toBeCloseTo(0.28, 14);
    expect(sum(shares.slice(28, 32))).toBeCloseTo(0.26, 14);
    // The busy hour is 14% of the day, inside Huawei's 10-14% (FACTS.md §5).
    expect(Math.max(...SHANGHAI_12333_HOURLY_SHARES)).toBeCloseTo(0.14, 14);
  });

  it('is smoother than splitting each hour into equal halves', () => {
    // Roughness around the day (sum of squared second differences): the smoothed profile must
    // be at most a third as rough as the step profile with the same hour totals.
    const roughness = (xs: readonly number[]): number =>
      sum(xs.map((x, i) => ((xs[(i + 47) % 48] ?? 0) - 2 * x + (xs[(i + 1) % 48] ?? 0)) ** 2));
    const steps = SHANGHAI_12333_HOURLY_SHARES.flatMap((s) => [s / 2, s / 2]);
    expect(roughness(shares)).toBeLessThan(roughness(steps) / 3);
    // The largest jump sits at 09:00, where the hour totals themselves jump from 4.3% to 14%.
    for (let i = 0; i < 48; i++) {
      expect(Math.abs((shares[i] ?? 0) - (shares[(i + 1) % 48] ?? 0))).toBeLessThan(0.035);
    }
  });

  it('normalises the month factors to a day-weighted mean of exactly 1 for 2020', () => {
    const days = daysInMonths(2020);
    expect(sum(days)).toBe(366); // 2020 is a leap year
    const weighted = sum(shanghai12333Load2020.monthFactors.map((f, m) => f * (days[m] ?? 0)));
    expect(weighted / 366).toBeCloseTo(1, 14);
    // The shape is kept: July stays the busiest month, February the quietest.
    const f = shanghai12333Load2020.monthFactors;
    expect(Math.max(...f)).toBe(f[6]);
    expect(Math.min(...f)).toBe(f[1]);
  });

  it('has weekday factors that average exactly 1', () => {
    expect(sum(shanghai12333Load2020.weekdayFactors) / 7).toBeCloseTo(1, 14);
  });

  it('keeps hour totals when splitting into half hours', () => {
    const hourly = Array.from({ length: 24 }, (_, h) => 1 + Math.sin(h / 3));
    const halves = halfHourSharesFromHourly(hourly);
    for (let h = 0; h < 24; h++) {
      expect((halves[2 * h] ?? 0) + (halves[2 * h + 1] ?? 0)).toBeCloseTo(hourly[h] ?? 0, 14);
    }
  });

  it('rejects malformed inputs', () => {
    expect(() => halfHourSharesFromHourly([1, 2])).toThrow(RangeError);
    expect(() => normaliseMonthFactors([1, 2, 3], 2020)).toThrow(/12 positive numbers/);
  });
});
