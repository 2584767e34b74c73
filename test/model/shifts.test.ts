import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAID_HOURS_PER_STAFF_YEAR } from '../../sim/budget/whatBudgetBuys.js';
import {
  generateRoster,
  rosterAgentSpec,
  rosterCoverage,
  rosterFromShifts,
  scenarioWithRoster,
  shiftPatternGrid,
  staffForRoster,
  type ShiftPattern,
} from '../../sim/model/shifts.js';
import type { Scenario } from '../../sim/model/types.js';

const threeEights: ShiftPattern[] = [0, 8, 16].map((h) => ({
  name: `${h}:00`,
  startMinutes: h * 60,
  lengthMinutes: 480,
}));
/** A week by the hour: 10 agents from 08:00 to 16:00, 2 otherwise (exact, by hand). */
const blockWeek = Array.from({ length: 7 * 24 }, (_, i) => (i % 24 >= 8 && i % 24 < 16 ? 10 : 2));

describe('generateRoster', () => {
  it('covers a requirement that three eight-hour shifts fit exactly, with no over-coverage', () => {
    // Exact, by hand: 2 agents on the 00:00 and 16:00 shifts and 10 on the 08:00 shift each day.
    const roster = generateRoster(blockWeek, threeEights, { intervalMinutes: 60 });
    expect(roster.agentsPerInterval).toEqual(blockWeek);
    expect(roster.shifts).toHaveLength(21);
    expect(roster.shifts.filter((s) => s.day === 3).map((s) => [s.pattern, s.agents])).toEqual([
      ['0:00', 2],
      ['8:00', 10],
      ['16:00', 2],
    ]);
    expect(roster.uncoverable).toEqual([]);
    expect(roster.cyclic).toBe(true);
  });

  it('wraps a night shift of the last day round to the first morning in a cyclic week', () => {
    // Only a 22:00 ten-hour shift: Sunday 22:00 covers Monday 00:00-08:00 (exact, by hand).
    const night: ShiftPattern[] = [{ name: 'night', startMinutes: 22 * 60, lengthMinutes: 600 }];
    const need = Array.from({ length: 7 * 24 }, (_, i) => (i % 24 < 8 ? 1 : 0));
    const roster = generateRoster(need, night, { intervalMinutes: 60 });
    expect(roster.uncoverable).toEqual([]);
    expect(roster.agentsPerInterval.slice(0, 8)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(roster.shifts.map((s) => s.day)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Without wrap, the first morning takes a night shift of the day before (day -1).
    const open = generateRoster(need, night, { intervalMinutes: 60, cyclic: false });
    expect(open.uncoverable).toEqual([]);
    expect(open.shifts[0]?.day).toBe(-1);
    expect(open.shifts.map((s) => s.day)).toEqual([-1, 0, 1, 2, 3, 4, 5]);
  });

  it('keeps breaks off the phones and covers round them', () => {
    // One 9-hour pattern with a 1-hour break after 4 hours: 08:00-12:00 and 13:00-17:00.
    const day: ShiftPattern[] = [
      { name: 'day', startMinutes: 480, lengthMinutes: 540, breakMinutes: 60, breakAfterMinutes: 240 },
    ];
    const need = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 17 ? 3 : 0));
    const roster = generateRoster(need, day, { intervalMinutes: 60 });
    // 12:00-13:00 cannot be covered: every shift is on its break then.
    expect(roster.uncoverable).toEqual([12]);
    expect(roster.agentsPerInterval.slice(7, 18)).toEqual([0, 3, 3, 3, 3, 0, 3, 3, 3, 3, 0]);
  });

  it('honours the days of the week a pattern may start on', () => {
    // Weekdays only: Saturday and Sunday (days 5, 6 of a Monday-first week) cannot be covered.
    const weekdays: ShiftPattern[] = [
      { name: 'office', startMinutes: 0, lengthMinutes: 1440, weekdays: [0, 1, 2, 3, 4] },
    ];
    const need = Array.from({ length: 7 }, () => 1);
    const roster = generateRoster(need, weekdays, { intervalMinutes: 1440, cyclic: false });
    expect(roster.uncoverable).toEqual([5, 6]);
    // A requirement starting on a Wednesday (2): its days 3 and 4 are the weekend.
    const fromWednesday = generateRoster(need, weekdays, {
      intervalMinutes: 1440,
      firstWeekday: 2,
      cyclic: false,
    });
    expect(fromWednesday.uncoverable).toEqual([3, 4]);
  });

  it('never leaves an interval short when every interval can be covered (property)', () => {
    const interval = fc.constantFrom(30, 60);
    fc.assert(
      fc.property(
        interval,
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 * 48 }),
        fc.array(
          fc.record({
            startSlot: fc.integer({ min: 0, max: 47 }),
            lengthSlots: fc.integer({ min: 1, max: 24 }),
            breakSlots: fc.integer({ min: 0, max: 2 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.boolean(),
        (minutes, days, values, shapes, cyclic) => {
          const perDay = 1440 / minutes;
          const need = Array.from({ length: days * perDay }, (_, i) => values[i % values.length] ?? 0);
          const patterns: ShiftPattern[] = shapes.map((s, k) => {
            const length = Math.min(s.lengthSlots, perDay);
            const pause = s.breakSlots < length ? s.breakSlots : 0;
            return {
              name: `p${k}`,
              startMinutes: (s.startSlot % perDay) * minutes,
              lengthMinutes: length * minutes,
              breakMinutes: pause * minutes,
            };
          });
          const roster = generateRoster(need, patterns, { intervalMinutes: minutes, cyclic });
          const coverage = rosterCoverage(roster, need);
          const short = coverage.intervals.filter((c) => c.under > 0).map((c) => c.index);
          // Short intervals are exactly the ones no pattern covers (uncoverable).
          expect(short).toEqual(roster.uncoverable);
          // Recomputing the agents from the roster's shifts gives the same table.
          const again = rosterFromShifts(roster.shifts, { intervalMinutes: minutes, days, cyclic });
          expect(again.agentsPerInterval).toEqual(roster.agentsPerInterval);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps over-coverage within a fifth of the need for a two-peak day and eight-hour shifts', () => {
    // The integer-programming optimum for this week and these 24 patterns (scipy milp, HiGHS) is
    // 10,080 planned against 8,288 required agent-hours (1,792 over, 21.6%); the heuristic reaches it.
    const need = Array.from({ length: 7 * 48 }, (_, i) => {
      const s = i % 48;
      return Math.round(5 + 100 * Math.exp(-((s - 20) ** 2) / 40) + 90 * Math.exp(-((s - 30) ** 2) / 40));
    });
    const patterns = shiftPatternGrid({
      startsMinutes: Array.from({ length: 24 }, (_, h) => h * 60),
      lengthsMinutes: [480],
    });
    const coverage = rosterCoverage(generateRoster(need, patterns, { intervalMinutes: 30 }), need);
    expect(coverage.requiredAgentHours).toBe(8288);
    expect(coverage.underAgentHours).toBe(0);
    expect(coverage.overAgentHours).toBeLessThanOrEqual(1792);
    // With 8- and 10-hour shifts the optimum is 378 over (scipy milp); the heuristic is allowed 35% more.
    const mixed = shiftPatternGrid({
      startsMinutes: Array.from({ length: 24 }, (_, h) => h * 60),
      lengthsMinutes: [480, 600],
    });
    const mixedCoverage = rosterCoverage(generateRoster(need, mixed, { intervalMinutes: 30 }), need);
    expect(mixedCoverage.underAgentHours).toBe(0);
    expect(mixedCoverage.overAgentHours).toBeLessThanOrEqual(378 * 1.35);
  });

  it('rejects patterns off the interval grid and requirements that are not whole days, naming them', () => {
    expect(() =>
      generateRoster(blockWeek, [{ name: 'x', startMinutes: 45, lengthMinutes: 480 }], {
        intervalMinutes: 60,
      }),
    ).toThrow(
      'generateRoster: patterns[0].startMinutes must be a multiple of the 60-minute interval (got 45)',
    );
    expect(() => generateRoster([1, 2, 3], threeEights, { intervalMinutes: 60 })).toThrow(
      'generateRoster: requirement must cover whole days of 24 intervals (got 3 intervals)',
    );
    expect(() =>
      generateRoster(
        blockWeek.map((x) => x + 0.5),
        threeEights,
        { intervalMinutes: 60 },
      ),
    ).toThrow(/requirement\[0\] must be a non-negative integer/);
    expect(() =>
      generateRoster(blockWeek, [{ name: 'x', startMinutes: 0, lengthMinutes: 120, breakMinutes: 120 }], {
        intervalMinutes: 60,
      }),
    ).toThrow(/breakMinutes must be shorter/);
    expect(() => generateRoster(blockWeek, [], { intervalMinutes: 60 })).toThrow(
      /patterns must not be empty/,
    );
  });
});

describe('rosterCoverage', () => {
  it('counts under- and over-coverage in agent-hours (exact, by hand)', () => {
    // 3 agents 00:00-02:00 by half hours against a need of 2, 4, 3, 0.
    const roster = rosterFromShifts(
      [
        {
          pattern: 'a',
          day: 0,
          weekday: 0,
          startMinutes: 0,
          lengthMinutes: 120,
          breakMinutes: 0,
          breakAfterMinutes: 0,
          agents: 3,
        },
      ],
      { intervalMinutes: 30, days: 1 },
    );
    const need = Array.from({ length: 48 }, (_, i) => [2, 4, 3, 0][i] ?? 0);
    const c = rosterCoverage(roster, need);
    expect(c.intervals.slice(0, 4).map((x) => [x.planned, x.under, x.over])).toEqual([
      [3, 0, 1],
      [3, 1, 0],
      [3, 0, 0],
      [3, 0, 3],
    ]);
    expect(c.requiredAgentHours).toBe(4.5); // (2 + 4 + 3) x 0.5 h
    expect(c.plannedAgentHours).toBe(6); // 3 x 2 h
    expect(c.underAgentHours).toBe(0.5);
    expect(c.overAgentHours).toBe(2); // (1 + 3) x 0.5 h
    expect(c.shareOfIntervalsCovered).toBe(47 / 48);
    expect(() => rosterCoverage(roster, [1])).toThrow(/must have the roster's 48 intervals \(got 1\)/);
  });
});

describe('staffForRoster', () => {
  it('keeps agents on the phones, seats and staff on payroll apart (exact, by hand)', () => {
    const roster = generateRoster(blockWeek, threeEights, { intervalMinutes: 60 });
    const staff = staffForRoster(roster, { shrinkage: 0.3 });
    // Seats: the peak, 10 agents at once. Hours: (2 + 10 + 2) x 8 h x 7 days = 784 h a week,
    // x 365/7 = 40,880 h a year; / (2,000 x 0.7) = 29.2, so 30 staff on payroll.
    expect(staff.seats).toBe(10);
    expect(staff.meanAgentsOnPhones).toBeCloseTo(14 / 3, 12);
    expect(staff.rosteredAgentHours).toBe(784);
    expect(staff.rosteredAgentHoursPerYear).toBeCloseTo(40_880, 9);
    expect(staff.staffOnPayroll).toBe(30);
    // A quotient that is a whole number is not rounded up: 1,400 h at 0% shrinkage, 1,400 paid.
    const exact = staffForRoster(roster, { shrinkage: 0, paidHoursPerStaffYear: 40_880 / 7 });
    expect(exact.staffOnPayroll).toBe(7);
  });

  it('uses the budget model paid hours by default and checks shrinkage', () => {
    const roster = generateRoster(blockWeek, threeEights, { intervalMinutes: 60 });
    expect(
      staffForRoster(roster, { shrinkage: 0.3, paidHoursPerStaffYear: PAID_HOURS_PER_STAFF_YEAR }),
    ).toEqual(staffForRoster(roster, { shrinkage: 0.3 }));
    expect(() => staffForRoster(roster, { shrinkage: 1 })).toThrow(/shrinkage/);
  });
});

describe('rosterAgentSpec', () => {
  it('repeats a weekly roster over a horizon, each day taking its weekday', () => {
    // Monday (day 0) needs 1 agent all day, other days 0; by the day (1,440-minute intervals).
    const need = [1, 0, 0, 0, 0, 0, 0];
    const roster = generateRoster(need, [{ name: 'd', startMinutes: 0, lengthMinutes: 1440 }], {
      intervalMinutes: 1440,
    });
    // 2020-01-01 is a Wednesday (2): the Mondays of 14 days are days 5 and 12.
    const spec = rosterAgentSpec(roster, { days: 14, firstWeekday: 2 });
    expect(spec).toEqual({ kind: 'perInterval', counts: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0] });
    expect(() => rosterAgentSpec({ ...roster, cyclic: false }, { days: 14, firstWeekday: 2 })).toThrow(
      /the roster must have the horizon's 14 days/,
    );
  });
});

describe('shiftPatternGrid', () => {
  it('names each start and length', () => {
    expect(
      shiftPatternGrid({ startsMinutes: [480, 1290], lengthsMinutes: [480, 510], breakMinutes: 30 }).map(
        (p) => p.name,
      ),
    ).toEqual(['08:00 8h', '08:00 8h30', '21:30 8h', '21:30 8h30']);
  });
});

describe('scenarioWithRoster', () => {
  it('puts a roster covering the scenario agents on the phones', () => {
    // Two days from Wednesday 2020-01-01, by the hour: 10 agents 08:00-16:00, 2 otherwise.
    const counts = blockWeek.slice(0, 48);
    const scenario: Scenario = {
      startDate: '2020-01-01',
      days: 2,
      intervalMinutes: 60,
      arrivals: { kind: 'table', callsPerInterval: new Array<number>(48).fill(0) },
      handle: { kind: 'exponential', meanSeconds: 180 },
      agents: { kind: 'perInterval', counts },
      answerWithinSeconds: 20,
    };
    const out = scenarioWithRoster(scenario, threeEights);
    expect(out.scenario.agents).toEqual({ kind: 'perInterval', counts });
    expect(out.coverage.underAgentHours).toBe(0);
    expect(out.coverage.overAgentHours).toBe(0);
    expect(out.roster.firstWeekday).toBe(2);
    expect(out.roster.cyclic).toBe(false);
    // A day shift alone leaves the nights short: the roster says which hours.
    const dayOnly = scenarioWithRoster(scenario, [threeEights[1] as ShiftPattern]);
    expect(dayOnly.roster.uncoverable).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]
        .flatMap((h) => [h, h + 24])
        .sort((a, b) => a - b),
    );
  });
});
