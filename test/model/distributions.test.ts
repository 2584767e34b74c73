import { describe, expect, it } from 'vitest';
import { AleaStream } from '../../sim/core/aleaStream.js';
import { randomStreams } from '../../sim/core/rng.js';
import {
  BufferedSampler,
  Sampler,
  checkDistribution,
  compileSampler,
  deterministic,
  distributionMean,
  distributionVariance,
  empirical,
  erlang,
  exponential,
  gamma,
  lognormal,
  normalQuantile,
  zigguratNormal,
} from '../../sim/model/distributions.js';
import type { Distribution } from '../../sim/model/types.js';

/**
 * Draw n values and compare the sample mean and variance with the declared ones by
 * large-sample intervals of 4.5 standard errors: se(mean) = sqrt(var / n) and
 * se(variance) = sqrt((m4 - var^2) / n), with m4 the sample's fourth central moment.
 * Seeds are fixed, so the test is deterministic; 4.5 s.e. fails by chance with
 * probability about 7e-6 per check.
 */
function expectMoments(distribution: Distribution, seed: number, n = 200_000): void {
  const draw = compileSampler(distribution, randomStreams(seed, 0).stream('test'));
  const values = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = draw();
    values[i] = v;
    sum += v;
  }
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (const v of values) {
    const d = (v - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (n - 1);
  m4 /= n;
  const declaredMean = distributionMean(distribution);
  const declaredVariance = distributionVariance(distribution);
  expect(values.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
  expect(Math.abs(mean - declaredMean)).toBeLessThanOrEqual(4.5 * Math.sqrt(declaredVariance / n) + 1e-12);
  expect(Math.abs(variance - declaredVariance)).toBeLessThanOrEqual(
    4.5 * Math.sqrt(Math.max(m4 - variance * variance, 0) / n) + 1e-9,
  );
}

describe('distributions', () => {
  it('declare their mean and variance', () => {
    // Exact, by hand.
    expect([distributionMean(exponential(90)), distributionVariance(exponential(90))]).toEqual([90, 8_100]);
    expect(distributionVariance(lognormal(180, 0.5))).toBe(8_100);
    expect(distributionVariance(gamma(220, 0.5))).toBe(12_100);
    expect([distributionMean(erlang(4, 200)), distributionVariance(erlang(4, 200))]).toEqual([200, 10_000]);
    expect([distributionMean(deterministic(60)), distributionVariance(deterministic(60))]).toEqual([60, 0]);
    // Exact: mean of 60, 120, 300 is 160; variance (100^2 + 40^2 + 140^2) / 3 = 10,400.
    expect(distributionMean(empirical([60, 120, 300]))).toBe(160);
    expect(distributionVariance(empirical([60, 120, 300]))).toBeCloseTo(10_400, 9);
  });

  it('exponential draws have the declared mean and variance', () => expectMoments(exponential(240), 1));
  it('lognormal draws have the declared mean and variance (cv 1)', () => expectMoments(lognormal(180, 1), 2));
  it('lognormal draws have the declared mean and variance (cv 0.3)', () =>
    expectMoments(lognormal(220, 0.3), 3));
  it('gamma draws have the declared mean and variance (shape 4)', () => expectMoments(gamma(220, 0.5), 4));
  it('gamma draws have the declared mean and variance (shape 0.25, the boosted branch)', () =>
    expectMoments(gamma(100, 2), 5));
  it('Erlang-3 draws have the declared mean and variance', () => expectMoments(erlang(3, 150), 6));
  it('Erlang-40 draws (the blocked product of uniforms) have the declared mean and variance', () =>
    expectMoments(erlang(40, 600), 7, 50_000));
  it('empirical draws have the sample mean and variance', () =>
    expectMoments(empirical([10, 20, 20, 95, 400]), 8));

  it('deterministic draws are the value itself', () => {
    const draw = compileSampler(deterministic(42), randomStreams(1, 0).stream('test'));
    expect([draw(), draw()]).toEqual([42, 42]);
  });

  it('normalQuantile matches the standard normal quantiles', () => {
    // mpmath at 30 digits, sqrt(2) * erfinv(2p - 1), rounded to the nearest double.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.0902323061678136, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404057, 13);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080408, 14);
    expect(normalQuantile(2 ** -53)).toBeCloseTo(-8.209536151601387, 12);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('reject bad parameters, naming the function and the argument', () => {
    expect(() => exponential(0)).toThrow('exponential: meanSeconds must be a finite number > 0 (got 0)');
    expect(() => lognormal(180, -1)).toThrow(/lognormal: cv/);
    expect(() => gamma(Number.NaN, 1)).toThrow(/gamma: meanSeconds/);
    expect(() => erlang(2.5, 100)).toThrow('erlang: phases must be a positive integer (got 2.5)');
    expect(() => deterministic(-1)).toThrow(/deterministic: seconds/);
    expect(() => empirical([])).toThrow(/at least one value/);
    expect(() => empirical([1, -2])).toThrow(/samplesSeconds\[1\]/);
    expect(() =>
      checkDistribution('simulate', 'scenario.handle', { kind: 'weibull' } as unknown as Distribution),
    ).toThrow(/simulate: scenario.handle.kind must be one of/);
  });

  it('zigguratNormal is standard normal: 200 equiprobable bins, moments and the tail beyond R', () => {
    // Bin edges: normalQuantile(k/200) (AS 241). Chi-square 99.9% point for 199 degrees of
    // freedom: 266.4 (Wilson-Hilferty). Tail beyond 3.442619855899 (the ziggurat's R, where
    // its tail method takes over): 1 - Phi(R) = 2.88054e-4 (erfc(R / sqrt 2) / 2 in double precision).
    const u = new AleaStream(3, 0, 'handleTime');
    const n = 1_000_000;
    const bins = 200;
    const edges = Array.from({ length: bins - 1 }, (_, k) => normalQuantile((k + 1) / bins));
    const counts = new Float64Array(bins);
    let sum = 0;
    let sumSquares = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      const x = zigguratNormal(u);
      sum += x;
      sumSquares += x * x;
      if (Math.abs(x) > 3.442619855899) tail++;
      let lo = 0;
      let hi = bins - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (x < edges[mid]!) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]!++;
    }
    let chiSquare = 0;
    for (const c of counts) chiSquare += (c - n / bins) ** 2 / (n / bins);
    expect(chiSquare).toBeLessThan(266.4);
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n)); // 4 standard errors
    expect(Math.abs(sumSquares / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    const expectedTail = 2 * 2.88054e-4 * n; // both sides
    expect(Math.abs(tail - expectedTail)).toBeLessThan(4 * Math.sqrt(expectedTail));
  });

  it('BufferedSampler hands out exactly the plain Sampler draws, across refills', () => {
    // Exact: the same stream gives the same values in the same order (1,300 draws cross
    // two refills of the 512-draw buffer), for every kind, including gamma's rejection loop.
    const kinds: Distribution[] = [
      exponential(180),
      lognormal(220, 0.8),
      gamma(300, 0.5),
      erlang(3, 120),
      deterministic(42),
      empirical([5, 10, 60]),
    ];
    for (const distribution of kinds) {
      const plain = new Sampler(distribution, new AleaStream(7, 1, 'handleTime'));
      const buffered = new BufferedSampler(distribution, new AleaStream(7, 1, 'handleTime'));
      const a = Array.from({ length: 1_300 }, () => plain.next());
      const b = Array.from({ length: 1_300 }, () => buffered.next());
      expect(b).toEqual(a);
      expect(new Set(b).size).toBeGreaterThan(distribution.kind === 'deterministic' ? 0 : 2);
    }
  });
});
