import { describe, expect, it } from 'vitest';
import { replaceOutliers } from '../../sim/forecast/outliers.js';
import { hourlySeries } from './synthetic.js';

describe('replaceOutliers', () => {
  it('replaces an empty busy hour and a spike by the median of their neighbours, and nothing else', () => {
    const history = Float64Array.from({ length: 4 * 7 * 24 }, (_, i) => 60 + (i % 7));
    const empty = 2 * 7 * 24 + 10; // week 3, hour 10 of Monday
    const spike = 7 * 24 + 30;
    history[empty] = 0;
    history[spike] = 400;
    const replaced = replaceOutliers(history, 24);
    expect(replaced).toEqual(
      [
        { index: spike, calls: 400, replacement: 60 + (spike % 7) },
        { index: empty, calls: 0, replacement: 60 + (empty % 7) },
      ].sort((a, b) => a.index - b.index),
    );
    expect(history[empty]).toBe(60 + (empty % 7));
  });

  // Two passes: with three weeks, a spike in week 2 would make the same hour of week 3 look
  // low against the median of week 1 and the spike; the second pass judges it without the spike.
  it('does not let a spike make its neighbours outliers', () => {
    const history = Float64Array.from({ length: 3 * 7 * 24 }, () => 50);
    history[7 * 24 + 21] = 240;
    history[14 * 24 + 21] = 30; // lower than usual but plausible
    const replaced = replaceOutliers(history, 24);
    expect(replaced.map((r) => r.index)).toEqual([7 * 24 + 21]);
    expect(history[14 * 24 + 21]).toBe(30);
  });

  it('leaves Poisson noise alone: under 0.5% of the hours of eight noisy weeks are replaced', () => {
    const noisy = Float64Array.from(
      hourlySeries({ startDate: '2020-03-02', days: 56, seed: 'noise', dayCv: 0.05 }).calls,
    );
    expect(replaceOutliers(noisy, 24).length / noisy.length).toBeLessThan(0.005);
  });

  it('does nothing with fewer than two weeks of neighbours', () => {
    const history = Float64Array.from({ length: 10 * 24 }, () => 40);
    history[30] = 0;
    expect(replaceOutliers(history, 24)).toEqual([]);
  });
});
