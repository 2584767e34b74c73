import { describe, expect, it } from 'vitest';
import { percentile } from '../../sim/stats/percentile.js';

describe('percentile', () => {
  // Reference: numpy.percentile (default 'linear' method, Hyndman-Fan 7): 0.765, 0.845, 0.805.
  it('matches NumPy for eleven daily answer rates', () => {
    const rates = [0.81, 0.77, 0.84, 0.79, 0.8, 0.83, 0.78, 0.82, 0.76, 0.85, 0.805];
    expect(percentile(rates, 0.05)).toBeCloseTo(0.765, 15);
    expect(percentile(rates, 0.95)).toBeCloseTo(0.845, 15);
    expect(percentile(rates, 0.5)).toBe(0.805);
  });

  // Exact, by hand: sorted [1, 2, 3], h = 2 * 0.05 = 0.1, so 1 + 0.1 * (2 - 1) = 1.1
  // (NumPy agrees); one value is every percentile; p = 0 and 1 are min and max.
  it('interpolates between order statistics and does not reorder its input', () => {
    const values = [3, 1, 2];
    expect(percentile(values, 0.05)).toBeCloseTo(1.1, 15);
    expect(values).toEqual([3, 1, 2]);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([5, -2, 9], 0)).toBe(-2);
    expect(percentile([5, -2, 9], 1)).toBe(9);
  });

  it('rejects an empty sample, a non-finite value and p outside [0, 1]', () => {
    expect(() => percentile([], 0.5)).toThrow('percentile: values must hold at least 1 number(s) (got 0)');
    expect(() => percentile([1, Number.NaN], 0.5)).toThrow(
      'percentile: values[1] must be a finite number (got NaN)',
    );
    expect(() => percentile([1], 1.05)).toThrow('percentile: p must be a probability in [0, 1] (got 1.05)');
  });
});
