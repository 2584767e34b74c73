import { describe, expect, it } from 'vitest';
import { poissonRateInterval } from '../../sim/stats/poissonInterval.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('poissonRateInterval', () => {
  // Reference: mpmath 1.3 at 30 digits, solving gammainc(d, 0, mu) = a/2 (lower) and
  // gammainc(d + 1, mu, inf) = a/2 (upper), the Garwood limits by chi-square quantiles.
  it('matches the exact Garwood limits to 1e-9 relative', () => {
    const ten = poissonRateInterval(10, 1, 0.95);
    expect(rel(ten.lower, 4.7953886961324335)).toBeLessThan(1e-9);
    expect(rel(ten.upper, 18.39035604201778)).toBeLessThan(1e-9);
    const many = poissonRateInterval(3000, 2, 0.99);
    expect(rel(many.lower, 1430.397363438541)).toBeLessThan(1e-9);
    expect(rel(many.upper, 1571.9926246151185)).toBeLessThan(1e-9);
    expect(rel(poissonRateInterval(1, 1).lower, 0.025317807984289876)).toBeLessThan(1e-9);
    const none = poissonRateInterval(0, 4);
    expect(none.lower).toBe(0);
    expect(rel(none.upper, 3.6888794541139363 / 4)).toBeLessThan(1e-9);
    expect(many.rate).toBe(1500);
  });

  it('rejects a bad count, exposure or level', () => {
    expect(() => poissonRateInterval(1.5, 1)).toThrow(/events must be a non-negative integer/);
    expect(() => poissonRateInterval(1, 0)).toThrow(
      'poissonRateInterval: exposure must be a finite number > 0 (got 0)',
    );
    expect(() => poissonRateInterval(1, 1, 1)).toThrow(RangeError);
  });
});
