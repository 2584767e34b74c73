import { describe, expect, it } from 'vitest';
import { TimeWeightedAverage } from '../../sim/stats/timeWeightedAverage.js';

describe('TimeWeightedAverage', () => {
  // Exact, by hand: level 0 on [0, 10), 2 on [10, 40), 1 on [40, 50): area 0 + 60 + 10 = 70,
  // mean 70 / 50 = 1.4.
  it('averages a piecewise-constant level over time', () => {
    const queue = new TimeWeightedAverage(0, 0);
    queue.update(10, 2);
    queue.update(40, 1);
    expect(queue.area(50)).toBe(70);
    expect(queue.mean(50)).toBe(1.4);
    expect([queue.min, queue.max, queue.level]).toEqual([0, 2, 1]);
  });

  // Exact, by hand: from t = 100 at level 3, then 5 at t = 104: area over [100, 110) is
  // 3*4 + 5*6 = 42, mean 4.2; two updates at one instant leave no area for the first.
  it('starts at any time and ignores zero-length steps', () => {
    const busy = new TimeWeightedAverage(100, 3);
    busy.update(104, 9);
    busy.update(104, 5);
    expect(busy.mean(110)).toBeCloseTo(4.2, 15);
    expect(busy.max).toBe(9);
    expect(new TimeWeightedAverage(7, 2).mean(7)).toBe(2);
  });

  it('throws when time goes backwards (an engine bug) or a value is not finite', () => {
    const level = new TimeWeightedAverage(0, 0);
    level.update(5, 1);
    expect(() => level.update(4, 2)).toThrow(/time must be finite and not before 5/);
    expect(() => level.update(6, Number.NaN)).toThrow(RangeError);
    expect(() => level.mean(3)).toThrow(/untilSeconds must not be before 5/);
    expect(() => new TimeWeightedAverage(Number.NaN, 0)).toThrow(RangeError);
  });
});
