import { describe, expect, it } from 'vitest';
import { queueMetrics } from '../../sim/analytic/queueMetrics.js';
import { requiredAgents } from '../../sim/analytic/requiredAgents.js';
import type { StaffingPlanInterval } from '../../sim/analytic/staffingPlan.js';
import { staffingPlan } from '../../sim/analytic/staffingPlan.js';

const rel = (x: number, ref: number): number =>
  x === ref ? 0 : Math.abs(x - ref) / Math.max(Math.abs(ref), 1e-30);

/** A day of half hours with a smooth two-peak profile (made up for the test), 220 s handle, 90 s patience. */
function day(start: number, callsPerDay: number): StaffingPlanInterval[] {
  return Array.from({ length: 48 }, (_, slot) => {
    const hour = slot / 2;
    const shape = 0.2 + Math.exp(-((hour - 10) ** 2) / 4) + 0.8 * Math.exp(-((hour - 15) ** 2) / 5);
    return {
      start: start + slot,
      arrivalsPerHour: (callsPerDay * shape) / 14,
      meanHandleSeconds: 220,
      meanPatienceSeconds: 90,
      answerWithinSeconds: 20,
    };
  });
}

describe('staffingPlan', () => {
  // Published example: 14 agents for 80% within 20 s; 14 / (1 - 0.3) = 20 exactly, not 21.
  it('gives 14 agents and 20 scheduled staff for the published example with 30% shrinkage', () => {
    const [row] = staffingPlan(
      [{ start: '09:00', arrivalsPerHour: 200, meanHandleSeconds: 180, answerWithinSeconds: 20 }],
      { serviceLevel: 0.8 },
      { shrinkage: 0.3 },
    );
    expect(row?.start).toBe('09:00');
    expect(row?.requiredAgents).toBe(14);
    expect(row?.scheduledStaff).toBe(20);
  });

  it('agrees with requiredAgents and queueMetrics on every interval, with and without warm starts', () => {
    const intervals = [...day(0, 25_000), ...day(48, 9_000), ...day(96, 40_000).reverse()];
    const target = { answerRate: 0.8, serviceLevel: 0.8 };
    const plan = staffingPlan(intervals, target, { shrinkage: 0.35 });
    expect(plan).toHaveLength(intervals.length);
    plan.forEach((row, i) => {
      const interval = intervals[i] as StaffingPlanInterval;
      const { start: _start, ...q } = interval;
      expect(row.start).toBe(interval.start);
      expect(row.requiredAgents).toBe(requiredAgents(q, target));
      expect(row.scheduledStaff).toBe(Math.ceil(row.requiredAgents / 0.65 - 1e-9));
      const exact = queueMetrics({ ...q, agents: row.requiredAgents });
      for (const [field, value] of Object.entries(exact)) {
        if (typeof value === 'number')
          expect(rel(row.metrics[field as keyof typeof exact] as number, value)).toBeLessThan(1e-12);
      }
    });
  });

  it('defaults shrinkage to 0 and returns rows that do not share metrics objects', () => {
    const rows = day(0, 10_000).slice(20, 22);
    const plan = staffingPlan([...rows, ...rows], { serviceLevel: 0.7 });
    expect(plan[0]?.scheduledStaff).toBe(plan[0]?.requiredAgents);
    expect(plan[0]?.metrics).toEqual(plan[2]?.metrics);
    expect(plan[0]?.metrics).not.toBe(plan[2]?.metrics);
  });

  it('rejects a bad interval naming its index and field, and a bad shrinkage or target', () => {
    const rows = day(0, 10_000).slice(0, 3);
    const bad = rows.map((r, i) => (i === 2 ? { ...r, arrivalsPerHour: -4 } : r));
    expect(() => staffingPlan(bad, { serviceLevel: 0.8 })).toThrow(
      'staffingPlan: intervals[2].arrivalsPerHour must be a finite number >= 0 (got -4)',
    );
    const badRoom = rows.map((r, i) => (i === 1 ? { ...r, waitingRoom: 2.5 } : r));
    expect(() => staffingPlan(badRoom, { serviceLevel: 0.8 })).toThrow(
      'staffingPlan: intervals[1].waitingRoom must be a non-negative integer or Infinity (got 2.5)',
    );
    expect(() => staffingPlan(rows, { serviceLevel: 0.8 }, { shrinkage: 1 })).toThrow(
      'staffingPlan: shrinkage must be in [0, 0.99] (got 1)',
    );
    expect(() => staffingPlan(rows, { serviceLevel: 1 })).toThrow(/staffingPlan: target .* cannot be met/);
    expect(() => staffingPlan(rows, {})).toThrow(RangeError);
  });
});
