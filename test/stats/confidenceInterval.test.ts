import { describe, expect, it } from 'vitest';
import { randomStreams } from '../../sim/core/rng.js';
import { confidenceInterval } from '../../sim/stats/confidenceInterval.js';
import { summarise } from '../../sim/stats/summarise.js';

// t quantiles, mpmath at 50 digits (see studentT.test.ts): t(0.975, 4), t(0.995, 4).
const T_0975_4 = 2.7764451051977943;
const T_0995_4 = 4.604094871349993;

describe('confidenceInterval', () => {
  // Exact, by hand: [1..5] has mean 3 and s = sqrt(2.5), so s / sqrt(5) = sqrt(0.5).
  it('is mean +/- t(1 - alpha/2, n - 1) s / sqrt(n)', () => {
    const ci95 = confidenceInterval([1, 2, 3, 4, 5]);
    expect(ci95.mean).toBe(3);
    expect(ci95.halfWidth).toBeCloseTo(T_0975_4 * Math.sqrt(0.5), 13);
    expect(ci95.lower).toBeCloseTo(3 - T_0975_4 * Math.sqrt(0.5), 13);
    expect(ci95.upper).toBeCloseTo(3 + T_0975_4 * Math.sqrt(0.5), 13);
    expect([ci95.level, ci95.n]).toEqual([0.95, 5]);
    expect(confidenceInterval([1, 2, 3, 4, 5], 0.99).halfWidth).toBeCloseTo(T_0995_4 * Math.sqrt(0.5), 13);
  });

  it('is infinite for one value and empty-width for equal values', () => {
    expect(confidenceInterval([0.8])).toMatchObject({ mean: 0.8, lower: -Infinity, upper: Infinity });
    expect(confidenceInterval([2, 2, 2])).toMatchObject({ lower: 2, upper: 2, halfWidth: 0 });
  });

  // Statistical: for normal samples of 5 the 95% t interval covers the true mean in 95%
  // of samples. Over 4,000 seeded samples the count of covers is Binomial(4000, 0.95):
  // mean 3800, sd 13.8, so [3745, 3855] is +/- 4 sd. A z interval (1.96 instead of 2.776)
  // would cover only about 87.8% (3512) and fail. Normals by Box-Muller from a named stream.
  it('covers the true mean of normal samples of 5 in 95% of cases', () => {
    const u = randomStreams(2026, 0).stream('test');
    const normal = (): number => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    let covers = 0;
    for (let sample = 0; sample < 4_000; sample++) {
      const values = Array.from({ length: 5 }, () => 10 + 3 * normal());
      const { lower, upper } = confidenceInterval(values, 0.95);
      if (lower <= 10 && 10 <= upper) covers++;
    }
    expect(covers).toBeGreaterThanOrEqual(3745);
    expect(covers).toBeLessThanOrEqual(3855);
  });

  it('rejects an empty sample, a non-finite value and a level outside (0, 1)', () => {
    expect(() => confidenceInterval([])).toThrow(
      'confidenceInterval: values must hold at least 1 number(s) (got 0)',
    );
    expect(() => confidenceInterval([1, Infinity])).toThrow(/values\[1\] must be a finite number/);
    expect(() => confidenceInterval([1, 2], 1)).toThrow(
      'confidenceInterval: level must be in (0, 1) (got 1)',
    );
    expect(() => confidenceInterval([1, 2], 0)).toThrow(RangeError);
  });
});

describe('summarise', () => {
  // Exact, by hand: [1..5]: sd sqrt(2.5); type-7 percentiles h = 0.2 and 3.8: 1.2 and 4.8.
  it('gives n, mean, sd, the 95% interval and the 5th and 95th percentiles', () => {
    const summary = summarise([5, 3, 1, 4, 2]);
    expect(summary.n).toBe(5);
    expect(summary.mean).toBe(3);
    expect(summary.sd).toBeCloseTo(Math.sqrt(2.5), 15);
    expect(summary.ciLow).toBeCloseTo(3 - T_0975_4 * Math.sqrt(0.5), 13);
    expect(summary.ciHigh).toBeCloseTo(3 + T_0975_4 * Math.sqrt(0.5), 13);
    expect(summary.p05).toBeCloseTo(1.2, 15);
    expect(summary.p95).toBeCloseTo(4.8, 15);
  });

  it('gives sd 0 and an infinite interval for a single replication', () => {
    expect(summarise([0.83])).toEqual({
      n: 1,
      mean: 0.83,
      sd: 0,
      ciLow: -Infinity,
      ciHigh: Infinity,
      p05: 0.83,
      p95: 0.83,
    });
  });

  it('rejects an empty sample and a bad level', () => {
    expect(() => summarise([])).toThrow(/summarise: values must hold at least 1/);
    expect(() => summarise([1, 2], 1.5)).toThrow('summarise: level must be in (0, 1) (got 1.5)');
  });
});
