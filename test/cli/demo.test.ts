import { describe, expect, it } from 'vitest';
import { halfHourStart, weekdayStaffingRows } from '../../sim/cli/demo.js';
import { retrialEquilibrium, shanghai12333Defaults as d } from '../../sim/index.js';

describe('npm run demo: the weekday staffing table', () => {
  const rows = weekdayStaffingRows();

  // Exact, by hand: slot 0 is 00:00, slot 19 is 09:30, slot 47 is 23:30.
  it('labels half hours as HH:MM', () => {
    expect([halfHourStart(0), halfHourStart(19), halfHourStart(47)]).toEqual(['00:00', '09:30', '23:30']);
  });

  // Exact, by hand: 25,000 calls a day x 1.10 (Tuesday) = 27,500, spread over 48 half hours.
  it('covers the 48 half hours of a Tuesday, 27,500 calls in all', () => {
    expect(rows).toHaveLength(48);
    expect(rows.reduce((sum, row) => sum + row.calls, 0)).toBeCloseTo(27_500, 6);
  });

  it('staffs each half hour with the least agents meeting the target with redials', () => {
    for (const row of rows) {
      expect(row.equilibrium.answerRatePerAttempt).toBeGreaterThanOrEqual(d.answerRateTarget);
      expect(row.agents).toBeGreaterThanOrEqual(row.agentsWithoutRedials);
      const oneFewer = retrialEquilibrium({
        agents: row.agents - 1,
        freshCallsPerHour: 2 * row.calls,
        meanHandleSeconds: d.meanHandleSeconds,
        meanPatienceSeconds: d.meanPatienceSeconds,
        answerWithinSeconds: d.answerWithinSeconds,
        redialProbability: d.redialProbability,
        maxAttempts: d.maxAttempts,
      });
      expect(oneFewer.answerRatePerAttempt).toBeLessThan(d.answerRateTarget);
      expect(row.staff).toBe(Math.ceil(row.agents / (1 - d.shrinkage) - 1e-9));
      expect(row.attempts).toBeGreaterThan(row.calls);
    }
  });
});
