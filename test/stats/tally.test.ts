import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tally } from '../../sim/stats/tally.js';

describe('Tally', () => {
  // Exact, by hand: 4, 7, 13, 16 have mean 10, squared deviations 36 + 9 + 9 + 36 = 90,
  // sample variance 90 / 3 = 30.
  it('gives count, sum, mean, sample variance, min and max of 4, 7, 13, 16', () => {
    const tally = new Tally();
    for (const value of [4, 7, 13, 16]) tally.add(value);
    expect(tally.count).toBe(4);
    expect(tally.sum).toBe(40);
    expect(tally.mean).toBe(10);
    expect(tally.variance).toBe(30);
    expect(tally.standardDeviation).toBeCloseTo(Math.sqrt(30), 15);
    expect([tally.min, tally.max]).toEqual([4, 16]);
  });

  it('is empty-safe: no observations give count 0, variance 0 and infinite min and max', () => {
    const tally = new Tally();
    expect([tally.count, tally.mean, tally.variance, tally.min, tally.max]).toEqual([
      0,
      0,
      0,
      Infinity,
      -Infinity,
    ]);
    tally.add(5);
    expect([tally.count, tally.mean, tally.variance]).toEqual([1, 5, 0]);
  });

  // Exact, by hand: 1e9 + {4, 7, 13, 16} has the same variance 30. A sum of squares would
  // need 1e18-sized terms and lose every digit; Welford keeps them.
  it('keeps the variance of large, close values (where a sum of squares fails)', () => {
    const tally = new Tally();
    for (const value of [4, 7, 13, 16]) tally.add(1e9 + value);
    expect(tally.mean).toBe(1e9 + 10);
    expect(tally.variance).toBeCloseTo(30, 6);
  });

  it('merged tallies equal one tally of all the values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 40 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 40 }),
        (left, right) => {
          const a = new Tally();
          const b = new Tally();
          const all = new Tally();
          left.forEach((v) => (a.add(v), all.add(v)));
          right.forEach((v) => (b.add(v), all.add(v)));
          a.merge(b);
          expect(a.count).toBe(all.count);
          expect(a.mean).toBeCloseTo(all.mean, 6);
          expect(a.variance).toBeCloseTo(all.variance, Math.max(0, 6 - Math.log10(1 + all.variance)));
          expect([a.min, a.max]).toEqual([all.min, all.max]);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('rejects NaN and infinite observations', () => {
    const tally = new Tally();
    expect(() => tally.add(Number.NaN)).toThrow('Tally.add: value must be a finite number (got NaN)');
    expect(() => tally.add(Infinity)).toThrow(RangeError);
  });
});
