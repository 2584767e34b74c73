import { describe, expect, it } from 'vitest';
import { randomStreams } from '../../sim/core/rng.js';
import {
  checkDistribution,
  compileSampler,
  deterministic,
  distributionMean,
  distributionVariance,
  exponential,
  hazardSurvival,
  lognormal,
  mixture,
  piecewiseHazard,
  scaleDistribution,
  sum,
} from '../../sim/model/distributions.js';
import type { Distribution } from '../../sim/model/types.js';

/** n draws of a distribution on a fixed seed. */
function draws(distribution: Distribution, seed: number, n = 200_000): Float64Array {
  const draw = compileSampler(distribution, randomStreams(seed, 0).stream('test'));
  return Float64Array.from({ length: n }, () => draw());
}

/** Sample mean and variance checked against the declared ones within 4.5 standard errors. */
function expectMoments(distribution: Distribution, seed: number): void {
  const values = draws(distribution, seed);
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  let m2 = 0;
  let m4 = 0;
  for (const v of values) {
    m2 += (v - mean) ** 2;
    m4 += (v - mean) ** 4;
  }
  m2 /= n;
  m4 /= n;
  const trueMean = distributionMean(distribution);
  const trueVariance = distributionVariance(distribution);
  expect(Math.abs(mean - trueMean)).toBeLessThan(4.5 * Math.sqrt(trueVariance / n));
  expect(Math.abs(m2 - trueVariance)).toBeLessThan(4.5 * Math.sqrt((m4 - m2 * m2) / n));
}

describe('mixture, sum and piecewiseHazard distributions', () => {
  // Exact, by hand: weights 1:3 on 10 s and 50 s: mean (10 + 150) / 4 = 40,
  // E[T^2] = (100 + 7500) / 4 = 1900, variance 1900 - 1600 = 300.
  it('a mixture declares the weighted mean and the law of total variance', () => {
    const d = mixture([
      { weight: 1, distribution: deterministic(10) },
      { weight: 3, distribution: deterministic(50) },
    ]);
    expect(distributionMean(d)).toBe(40);
    expect(distributionVariance(d)).toBe(300);
  });

  // Exact: means and variances of independent terms add: 180 + 40 = 220; 180^2 + 0.
  it('a sum declares the sum of means and of variances', () => {
    const d = sum([exponential(180), deterministic(40)]);
    expect(distributionMean(d)).toBe(220);
    expect(distributionVariance(d)).toBe(32_400);
  });

  // Exact: one piece of hazard 1/90 is an exponential of mean 90 (variance 8100).
  // Two pieces [0, 60) hazard 0 then 1/30 are 60 s + an exponential of mean 30:
  // mean 90, variance 900. Three pieces, by hand: survival at 20 s is e^{-0.2}.
  it('a piecewise hazard declares exact moments and survival', () => {
    expect(distributionMean(piecewiseHazard([0], [1 / 90]))).toBeCloseTo(90, 12);
    expect(distributionVariance(piecewiseHazard([0], [1 / 90]))).toBeCloseTo(8100, 9);
    const shifted = piecewiseHazard([0, 60], [0, 1 / 30]);
    expect(distributionMean(shifted)).toBeCloseTo(90, 12);
    expect(distributionVariance(shifted)).toBeCloseTo(900, 9);
    const three = piecewiseHazard([0, 10, 30], [0.01, 0.005, 0.02]);
    expect(hazardSurvival(three, 20)).toBeCloseTo(Math.exp(-(0.1 + 0.05)), 15);
    expect(hazardSurvival(three, 50)).toBeCloseTo(Math.exp(-(0.1 + 0.1 + 0.4)), 15);
    expect(hazardSurvival(three, 0)).toBe(1);
  });

  it('draws have the declared mean and variance', () => {
    expectMoments(
      mixture([
        { weight: 0.06, distribution: exponential(4) },
        { weight: 0.94, distribution: lognormal(190, 1.2) },
      ]),
      11,
    );
    expectMoments(sum([lognormal(180, 1), exponential(40)]), 12);
    expectMoments(piecewiseHazard([0, 10, 60, 70, 300], [0.004, 0.002, 0.008, 0.0025, 0.004]), 13);
  });

  // The empirical survival of 200,000 draws at each breakpoint and between them
  // matches S(t) within 4.5 binomial standard errors.
  it('piecewise-hazard draws follow the survival function', () => {
    const d = piecewiseHazard([0, 10, 60, 70, 300], [0.004, 0.002, 0.008, 0.0025, 0.004]);
    const values = draws(d, 14);
    for (const t of [5, 10, 35, 60, 65, 70, 150, 300, 600]) {
      const s = hazardSurvival(d, t);
      const observed = values.filter((v) => v > t).length / values.length;
      expect(Math.abs(observed - s)).toBeLessThan(4.5 * Math.sqrt((s * (1 - s)) / values.length));
    }
  });

  it('a mixture picks each component in proportion to its weight', () => {
    const values = draws(
      mixture([
        { weight: 2, distribution: deterministic(1) },
        { weight: 0, distribution: deterministic(2) },
        { weight: 6, distribution: deterministic(3) },
      ]),
      15,
    );
    const ones = values.filter((v) => v === 1).length / values.length;
    expect(values.every((v) => v === 1 || v === 3)).toBe(true);
    expect(Math.abs(ones - 0.25)).toBeLessThan(4.5 * Math.sqrt((0.25 * 0.75) / values.length));
  });

  it('scaleDistribution stretches every kind: the mean scales, the shape stays', () => {
    const kinds: Distribution[] = [
      exponential(90),
      lognormal(180, 1),
      mixture([
        { weight: 1, distribution: exponential(10) },
        { weight: 1, distribution: deterministic(30) },
      ]),
      sum([exponential(180), deterministic(40)]),
      piecewiseHazard([0, 60], [0.01, 0.02]),
    ];
    for (const d of kinds) {
      const scaled = scaleDistribution(d, 1.5);
      expect(distributionMean(scaled)).toBeCloseTo(1.5 * distributionMean(d), 9);
      expect(distributionVariance(scaled)).toBeCloseTo(2.25 * distributionVariance(d), 6);
    }
  });

  it('rejects bad composites, naming the field', () => {
    expect(() => mixture([])).toThrow(
      'mixture: distribution.components must hold at least one component (got 0)',
    );
    expect(() => mixture([{ weight: 0, distribution: exponential(1) }])).toThrow(/weight > 0/);
    expect(() => mixture([{ weight: -1, distribution: exponential(1) }])).toThrow(/components\[0\]\.weight/);
    expect(() => sum([])).toThrow(/terms must hold at least one term/);
    expect(() => sum([{ kind: 'exponential', meanSeconds: -1 }])).toThrow(/terms\[0\]\.meanSeconds/);
    expect(() => piecewiseHazard([0, 10], [0.1])).toThrow(/of one length/);
    expect(() => piecewiseHazard([5], [0.1])).toThrow(/breakpointsSeconds\[0\] must be 0/);
    expect(() => piecewiseHazard([0, 10, 10], [0.1, 0.1, 0.1])).toThrow(/breakpointsSeconds\[2\]/);
    expect(() => piecewiseHazard([0, 10], [0.1, 0])).toThrow(/the last\) must be > 0/);
    expect(() =>
      checkDistribution('simulate', 'patience', { kind: 'weibull' } as unknown as Distribution),
    ).toThrow(/piecewiseHazard/);
  });
});
