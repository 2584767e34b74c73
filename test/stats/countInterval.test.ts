import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCdf, countQuantile } from '../../sim/stats/countInterval.js';

const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.abs(expected);

describe('countCdf', () => {
  // Reference: test/stats/reference/count_references.py, direct sums of the pmf with mpmath at 50
  // digits, as the nearest doubles.
  it.each([
    [0, 2, 0, 0.1353352832366127],
    [3, 2.5, 0, 0.7575761331330659],
    [120, 100, 0, 0.9773306709216473],
    [80, 100, 0, 0.02264917664225561],
    [950, 1000, 0, 0.05783629295532321],
    [0, 2, 1, 0.3333333333333333],
    [7, 4, 0.5, 0.88671875],
    [130, 100, 0.2, 0.9068796938577718],
    [60, 100, 0.3, 0.08878310174149548],
    [1500, 1400, 0.05, 0.8956093613333923],
    [10, 30, 0.001, 0.000022353344207948718],
  ])('P(Y <= %s) at mean %s, cv %s matches mpmath to 1e-10', (k, mean, cv, expected) => {
    expect(relativeError(countCdf(k, mean, cv), expected)).toBeLessThan(1e-10);
  });

  // Exact, by hand: with cv = 1 the gamma multiplier is exponential and the count geometric,
  // P(Y <= k) = 1 - (m / (1 + m))^(k + 1).
  it('is geometric when the multiplier is exponential (cv = 1)', () => {
    for (const mean of [0.5, 3, 40]) {
      for (const k of [0, 1, 5, 60]) {
        expect(countCdf(k, mean, 1)).toBeCloseTo(1 - (mean / (1 + mean)) ** (k + 1), 13);
      }
    }
  });

  it('tends to the Poisson as cv goes to 0, and floors k', () => {
    expect(countCdf(105, 100, 1e-6)).toBeCloseTo(countCdf(105, 100, 0), 9);
    expect(countCdf(105.7, 100, 0.1)).toBe(countCdf(105, 100, 0.1));
    expect(countCdf(-1, 5, 0.1)).toBe(0);
    expect(countCdf(3, 0, 0.1)).toBe(1);
  });

  it('rejects a negative mean or cv, naming the argument', () => {
    expect(() => countCdf(1, -1, 0)).toThrow('countCdf: mean must be a finite number >= 0 (got -1)');
    expect(() => countCdf(1, 1, Number.NaN)).toThrow(/cv/);
  });
});

describe('countQuantile', () => {
  // Reference: count_references.py, the least k whose summed pmf reaches q (mpmath, 50 digits).
  it.each([
    [0.1, 100, 0, 87],
    [0.9, 100, 0, 113],
    [0.1, 100, 0.1, 82],
    [0.9, 100, 0.1, 118],
    [0.05, 20, 0.3, 9],
    [0.95, 20, 0.3, 33],
    [0.5, 0.3, 0, 0],
    [0.9, 1400, 0.08, 1553],
    [0.1, 1400, 0.08, 1251],
    [0.99, 5, 2, 50],
  ])('the %s-quantile at mean %s, cv %s is %s', (q, mean, cv, expected) => {
    expect(countQuantile(q, mean, cv)).toBe(expected);
  });

  it('is the least k with P(Y <= k) >= q (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        (q, mean, cv) => {
          const k = countQuantile(q, mean, cv);
          expect(countCdf(k, mean, cv)).toBeGreaterThanOrEqual(q);
          if (k > 0) expect(countCdf(k - 1, mean, cv)).toBeLessThan(q);
        },
      ),
      { numRuns: 300, seed: 17 },
    );
  });

  it('rejects q outside [0, 1)', () => {
    expect(() => countQuantile(1, 5, 0)).toThrow('countQuantile: q must be below 1 (got 1)');
    expect(() => countQuantile(-0.1, 5, 0)).toThrow(/q/);
  });
});
