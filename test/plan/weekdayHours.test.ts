import { describe, expect, it } from 'vitest';
import { emptyCounts } from '../../sim/model/kpis.js';
import type { IntervalRow } from '../../sim/model/types.js';
import { weekdayHourCounts } from '../../sim/plan/weekdayHours.js';

const row = (start: string, offered: number, answered: number): IntervalRow => ({
  ...emptyCounts(),
  index: 0,
  startSeconds: 0,
  start,
  agents: 1,
  agentsPlanned: 1,
  offered,
  answered,
});

describe('weekdayHourCounts', () => {
  // Exact, by hand: 2020-01-06 and 2020-01-13 are Mondays, 2020-01-12 a Sunday.
  it('sums intervals by weekday (Monday first) and the hour they start in', () => {
    const rows = weekdayHourCounts([
      row('2020-01-06T09:00', 10, 8),
      row('2020-01-06T09:30', 12, 9),
      row('2020-01-12T23:30', 3, 3),
      row('2020-01-13T09:00', 5, 5),
    ]);
    expect(rows).toHaveLength(168);
    expect(rows[9]).toMatchObject({ weekday: 0, hour: 9, offered: 27, answered: 22 });
    expect(rows[6 * 24 + 23]).toMatchObject({ weekday: 6, hour: 23, offered: 3, answered: 3 });
    expect(rows.reduce((sum, r) => sum + r.offered, 0)).toBe(30);
  });
});
