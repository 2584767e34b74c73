import { describe, expect, it } from 'vitest';
import { PeriodCounters } from '../../sim/stats/periodCounters.js';

describe('PeriodCounters', () => {
  // Exact, by hand: four intervals, two per day.
  it('adds per period, sums columns and rolls periods up into groups', () => {
    const counters = new PeriodCounters(['offered', 'answered', 'waitSeconds'], 4);
    const offered = counters.index('offered');
    const answered = counters.index('answered');
    const wait = counters.index('waitSeconds');
    counters.add(0, offered, 10);
    counters.add(0, answered, 8);
    counters.add(1, offered, 5);
    counters.add(2, offered);
    counters.add(3, offered, 4);
    counters.add(3, answered, 4);
    counters.add(3, wait, 12.5);
    expect(counters.get(0, 'offered')).toBe(10);
    expect(Array.from(counters.column('offered'))).toEqual([10, 5, 1, 4]);
    expect(counters.total('answered')).toBe(12);

    const days = counters.rollUp([0, 0, 1, 1], 2);
    expect(days.toRows()).toEqual([
      { offered: 15, answered: 8, waitSeconds: 0 },
      { offered: 5, answered: 4, waitSeconds: 12.5 },
    ]);
  });

  it('throws on a period or field out of range instead of dropping the write', () => {
    const counters = new PeriodCounters(['offered'], 2);
    expect(() => counters.add(2, 0)).toThrow(/out of range/);
    expect(() => counters.add(0, 1)).toThrow(/out of range/);
    expect(() => counters.add(-1, 0)).toThrow(RangeError);
    expect(() => counters.get(5, 'offered')).toThrow(/period must be in \[0, 1\] \(got 5\)/);
    expect(() => counters.index('answered' as 'offered')).toThrow('PeriodCounters: unknown field answered');
    expect(() => counters.rollUp([0], 1)).toThrow(/one entry per period/);
    expect(() => counters.rollUp([0, 3], 2)).toThrow(/group of period 1 must be in \[0, 1\] \(got 3\)/);
    expect(() => new PeriodCounters(['a', 'a'], 1)).toThrow(/distinct/);
    expect(() => new PeriodCounters(['a'], 1.5)).toThrow(/non-negative integer \(got 1.5\)/);
  });
});
