import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomStreams } from '../../sim/core/rng.js';
import { confidenceInterval } from '../../sim/stats/confidenceInterval.js';
import { proportionInterval, wilsonBounds } from '../../sim/stats/proportionInterval.js';
import { summarise, summariseProportion } from '../../sim/stats/summarise.js';

// Reference values: test/stats/reference/proportion_interval.py, mpmath at 50 digits
// (the t quantile by root-finding on the incomplete beta; Wilson's ends as the roots of
// its quadratic by mpmath.polyroots, not the closed form the code uses).
const LOGIT_T: [number[], number, number, number, number][] = [
  [[0.8, 0.85, 0.9, 0.95], 0.95, 0.875, 0.7323973073635189, 0.9470999602583042],
  [[0.9991, 0.9999, 0.99995, 0.9987, 0.99999], 0.95, 0.999528, 0.9977660527126188, 0.9999004120900522],
  [[0.00002, 0.0001, 0.0, 0.00004], 0.9, 0.00004, 1.1222221512881558e-5, 0.00014256374561585615],
  [[0.5, 0.52, 0.48, 0.51, 0.49, 0.5], 0.99, 0.5, 0.4767372185535596, 0.5232627814464403],
];
const WILSON: [number, number, number, number, number][] = [
  [9, 10, 0.95, 0.5958499732047615, 0.9821237869049271],
  [3, 4, 0.95, 0.30064184258240195, 0.9544127391902995],
  [0, 5, 0.95, 0, 0.4344824647831747],
  [5, 5, 0.9, 0.6488834992348986, 1],
  [1, 1, 0.95, 0.20654931437723745, 1],
];

describe('proportionInterval', () => {
  it.each(LOGIT_T)('logit-t of %j at %f matches mpmath', (values, level, mean, lower, upper) => {
    const interval = proportionInterval(values, level);
    expect(interval.method).toBe('logit-t');
    expect(interval.mean).toBeCloseTo(mean, 15);
    expect(interval.lower / lower - 1).toBeCloseTo(0, 12);
    expect(interval.upper / upper - 1).toBeCloseTo(0, 12);
  });

  it.each(WILSON)('Wilson for %i ones in %i replications at %f matches mpmath', (k, n, level, low, high) => {
    const values = [...Array<number>(k).fill(1), ...Array<number>(n - k).fill(0)];
    const interval = proportionInterval(values, level);
    expect(interval.method).toBe('wilson');
    expect(interval.mean).toBe(k / n);
    expect(interval.lower).toBeCloseTo(low, 14);
    expect(interval.upper).toBeCloseTo(high, 14);
    expect(wilsonBounds(k, n, level).low).toBe(interval.lower);
  });

  // The case of issue 14: answer rates near 1 from five replications. The Student t
  // interval reaches past 1 (mean 0.999528, half-width 2.776 x 0.000516 / sqrt 5); the
  // logit-t interval stays inside, and near the middle agrees with t to first order.
  it('stays inside [0, 1] where the Student t interval leaves it', () => {
    const values = [0.9991, 0.9999, 0.99995, 0.9987, 0.99999];
    expect(confidenceInterval(values).upper).toBeGreaterThan(1);
    const { lower, upper } = proportionInterval(values);
    expect(upper).toBeLessThan(1);
    expect(lower).toBeGreaterThan(0.99);
    const middle = [0.48, 0.5, 0.52, 0.49, 0.51];
    const t = confidenceInterval(middle);
    const logit = proportionInterval(middle);
    expect(Math.abs(logit.upper - t.upper)).toBeLessThan(0.001);
    expect(Math.abs(logit.lower - t.lower)).toBeLessThan(0.001);
  });

  it('is [0, 1] for one value that is neither 0 nor 1, and zero-width for equal values', () => {
    expect(proportionInterval([0.7])).toMatchObject({ mean: 0.7, lower: 0, upper: 1, method: 'none' });
    expect(proportionInterval([0.6, 0.6, 0.6])).toMatchObject({ lower: 0.6, upper: 0.6, method: 'logit-t' });
  });

  // Property: whatever the sample of proportions, the interval holds the mean and lies in [0, 1].
  it('holds the mean and lies within [0, 1] for any sample of proportions', () => {
    const proportion = fc.oneof(
      fc.constantFrom(0, 1),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0.999, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1e-3, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(proportion, { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (values, level) => {
          const { mean, lower, upper } = proportionInterval(values, level);
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(upper).toBeLessThanOrEqual(1);
          expect(lower).toBeLessThanOrEqual(mean);
          expect(upper).toBeGreaterThanOrEqual(mean);
        },
      ),
      { numRuns: 500, seed: 14 },
    );
  });

  // Statistical: replications of an answer rate near 1, each the share answered of 400
  // calls with a true probability of 0.99: over 2,000 seeded samples of 8 replications,
  // the 95% logit-t interval covers 0.99 in Binomial(2000, ~0.95) cases: mean 1900, sd 9.7;
  // [1840, 1960] is about +/- 6 sd (1906 covers here), and a z interval (1.96 instead of
  // t(0.975, 7) = 2.365) covers only 1816 of the same samples and would fail.
  it('covers the true answer rate in about 95% of samples of 8 replications', () => {
    const u = randomStreams(14, 0).stream('test');
    let covers = 0;
    for (let sample = 0; sample < 2_000; sample++) {
      const values = Array.from({ length: 8 }, () => {
        let answered = 0;
        for (let call = 0; call < 400; call++) if (u() < 0.99) answered++;
        return answered / 400;
      });
      const { lower, upper } = proportionInterval(values, 0.95);
      if (lower <= 0.99 && 0.99 <= upper) covers++;
    }
    expect(covers).toBeGreaterThanOrEqual(1840);
    expect(covers).toBeLessThanOrEqual(1960);
  });

  it('rejects values outside [0, 1], naming the value', () => {
    expect(() => proportionInterval([0.5, 1.0012])).toThrow(
      'proportionInterval: values[1] must be a proportion in [0, 1] (got 1.0012)',
    );
    expect(() => proportionInterval([])).toThrow(RangeError);
    expect(() => wilsonBounds(3, 2)).toThrow(/at most trials/);
  });
});

describe('summariseProportion', () => {
  it('keeps summarise’s mean, sd and percentiles and bounds the interval', () => {
    const values = [0.9991, 0.9999, 0.99995, 0.9987, 0.99999];
    const plain = summarise(values);
    const bounded = summariseProportion(values);
    expect({ ...bounded, ciLow: 0, ciHigh: 0 }).toEqual({ ...plain, ciLow: 0, ciHigh: 0 });
    expect(bounded.ciHigh).toBeLessThan(1);
    expect(plain.ciHigh).toBeGreaterThan(1);
  });
});
