import { describe, expect, it } from 'vitest';
import {
  fitHandleTimes,
  handleTimeSamples,
  ksDistance,
  standardNormalCdf,
} from '../../sim/calibrate/handleTimeFit.js';

describe('standardNormalCdf', () => {
  // mpmath.ncdf at 50 digits, rounded to double precision.
  it('matches mpmath to 1e-15', () => {
    const reference: [number, number][] = [
      [-8, 6.220960574271784e-16],
      [-1.96, 0.024997895148220435],
      [-0.5, 0.3085375387259869],
      [0, 0.5],
      [1, 0.8413447460685429],
      [1.96, 0.9750021048517796],
      [5, 0.9999997133484281],
    ];
    for (const [x, p] of reference) expect(Math.abs(standardNormalCdf(x) - p)).toBeLessThan(1e-15);
    expect(standardNormalCdf(-50)).toBe(0);
    expect(standardNormalCdf(50)).toBe(1);
  });
});

describe('ksDistance', () => {
  // Exact, by hand: one sample at 0.5 against U(0,1): the empirical function jumps
  // from 0 to 1 at 0.5, so the distance is 0.5.
  it('is the largest gap between the empirical and the fitted distribution', () => {
    expect(ksDistance([0.5], (x) => x)).toBe(0.5);
    expect(ksDistance([0.25, 0.75], (x) => x)).toBe(0.25);
    expect(() => ksDistance([], (x) => x)).toThrow('ksDistance: samples must not be empty (got 0)');
  });
});

describe('fitHandleTimes', () => {
  const data = [12, 35, 47, 60, 75, 90, 110, 140, 180, 240, 300, 420, 600, 95, 33];

  // scipy 1.17: stats.lognorm.fit(data, floc=0), stats.expon.fit(data, floc=0),
  // the sums of logpdf, and stats.kstest(...).statistic.
  it('matches scipy maximum-likelihood fits, log-likelihoods and KS statistics', () => {
    const fit = fitHandleTimes(data);
    expect(fit.lognormal.sigma).toBeCloseTo(1.0152750565122932, 12);
    expect(fit.lognormal.mu).toBeCloseTo(4.620607634395125, 12);
    expect(fit.lognormal.logLikelihood).toBeCloseTo(-90.82058602529509, 9);
    expect(fit.lognormal.ksDistance).toBeCloseTo(0.0686471455634855, 12);
    expect(fit.exponential.meanSeconds).toBeCloseTo(162.46666666666667, 12);
    expect(fit.exponential.logLikelihood).toBeCloseTo(-91.35709278784493, 9);
    expect(fit.exponential.ksDistance).toBeCloseTo(0.11715188732198607, 12);
    // AIC = 2k - 2 log L: 185.64 for the lognormal (k = 2), 184.71 for the exponential (k = 1)
    expect(fit.lognormal.aic).toBeCloseTo(4 + 2 * 90.82058602529509, 9);
    expect(fit.exponential.aic).toBeCloseTo(2 + 2 * 91.35709278784493, 9);
    expect(fit.better).toBe('exponential');
  });

  it('handles ties (whole seconds) like scipy', () => {
    // scipy: kstest on [10,10,10,20,20,30,60,60,60,60] against its lognormal fit
    expect(fitHandleTimes([10, 10, 10, 20, 20, 30, 60, 60, 60, 60]).lognormal.ksDistance).toBeCloseTo(
      0.2633382073760744,
      12,
    );
  });

  it('the lognormal mean and cv follow from mu and sigma', () => {
    const fit = fitHandleTimes(data);
    const { mu, sigma } = fit.lognormal;
    expect(fit.lognormal.meanSeconds).toBeCloseTo(Math.exp(mu + (sigma * sigma) / 2), 9);
    expect(fit.lognormal.cv).toBeCloseTo(Math.sqrt(Math.exp(sigma * sigma) - 1), 12);
  });

  it('prefers the lognormal for clearly lognormal data', () => {
    // exp of evenly spaced normal quantiles (a deterministic lognormal sample, sigma = 1.5)
    const quantiles = Array.from({ length: 999 }, (_, i) => {
      const p = (i + 1) / 1000;
      let lo = -10;
      let hi = 10;
      for (let k = 0; k < 80; k++) {
        const mid = (lo + hi) / 2;
        if (standardNormalCdf(mid) < p) lo = mid;
        else hi = mid;
      }
      return Math.exp(5 + 1.5 * lo);
    });
    const fit = fitHandleTimes(quantiles);
    expect(fit.better).toBe('lognormal');
    expect(fit.lognormal.ksDistance).toBeLessThan(0.002);
    expect(fit.exponential.ksDistance).toBeGreaterThan(0.1);
  });

  it('rejects zero and non-finite handle times, naming the index', () => {
    expect(() => fitHandleTimes([10, 0, 5])).toThrow(
      'fitHandleTimes: seconds[1] must be a finite number > 0 (got 0)',
    );
    expect(() => fitHandleTimes([10, Number.NaN])).toThrow(RangeError);
    expect(() => fitHandleTimes([10])).toThrow(
      'fitHandleTimes: seconds must hold at least 2 samples (got 1)',
    );
  });
});

describe('handleTimeSamples', () => {
  it('keeps positive handle times of answered calls at or above the minimum', () => {
    const records = [
      { arrivalSeconds: 0, waitSeconds: 0, outcome: 'answered', handleSeconds: 0 },
      { arrivalSeconds: 0, waitSeconds: 0, outcome: 'answered', handleSeconds: 4 },
      { arrivalSeconds: 0, waitSeconds: 0, outcome: 'answered', handleSeconds: 60 },
      { arrivalSeconds: 0, waitSeconds: 9, outcome: 'abandoned' },
    ] as const;
    expect(handleTimeSamples(records)).toEqual({ seconds: [4, 60], leftOut: 1 });
    expect(handleTimeSamples(records, 10)).toEqual({ seconds: [60], leftOut: 2 });
  });
});
