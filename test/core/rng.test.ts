import { describe, expect, it } from 'vitest';
import { randomStreams } from '../../sim/core/rng.js';

const draws = (u: () => number, n: number): number[] => Array.from({ length: n }, () => u());

describe('randomStreams', () => {
  it('gives the same draws for the same seed, replication and name', () => {
    expect(draws(randomStreams(7, 3).stream('arrivals'), 100)).toEqual(
      draws(randomStreams(7, 3).stream('arrivals'), 100),
    );
  });

  it('gives different draws for a different seed, replication or name', () => {
    const base = draws(randomStreams(7, 3).stream('arrivals'), 10);
    expect(draws(randomStreams(8, 3).stream('arrivals'), 10)).not.toEqual(base);
    expect(draws(randomStreams(7, 4).stream('arrivals'), 10)).not.toEqual(base);
    expect(draws(randomStreams(7, 3).stream('patience'), 10)).not.toEqual(base);
  });

  it('does not change one stream when another is drawn from (streams are keyed by name)', () => {
    const alone = draws(randomStreams(1, 0).stream('handleTime'), 50);
    const streams = randomStreams(1, 0);
    const other = streams.stream('patience');
    draws(other, 1000);
    expect(draws(streams.stream('handleTime'), 50)).toEqual(alone);
  });

  it('draws in the open interval (0, 1) with mean 1/2 and variance 1/12', () => {
    // Exact: a uniform on (0, 1) has mean 1/2 and variance 1/12; with 200,000 draws the
    // standard error of the mean is sqrt(1/12/200000) = 6.5e-4, so 0.003 is about 4.6 s.e.
    const values = draws(randomStreams(123, 0).stream('test'), 200_000);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    expect(values.every((v) => v > 0 && v < 1)).toBe(true);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.003);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it('rejects a fractional seed or a negative replication, naming the argument', () => {
    expect(() => randomStreams(1.5, 0)).toThrow(
      'randomStreams: seed must be a non-negative integer (got 1.5)',
    );
    expect(() => randomStreams(1, -1)).toThrow(/replication/);
  });
});
