import { describe, expect, it } from 'vitest';
import { exponential } from '../../sim/model/distributions.js';
import type { Scenario } from '../../sim/model/types.js';
import { agentHoursShare, staffingByMonth, staffingIntervals } from '../../sim/plan/staffingByMonth.js';

/** Three days of half hours across a month's end: agents = the half hour's index in the day, 20 more on the 3rd day. */
const scenario: Scenario = {
  startDate: '2020-02-28',
  days: 3,
  intervalMinutes: 30,
  arrivals: { kind: 'profile', dailyVolume: 1000 },
  handle: exponential(200),
  agents: {
    kind: 'perInterval',
    counts: Array.from({ length: 144 }, (_, i) => (i % 48) + (i >= 96 ? 20 : 0)),
  },
  answerWithinSeconds: 15,
};

describe('staffingIntervals and staffingByMonth', () => {
  it('label each interval with its local start and roll the days into months (2020 is a leap year)', () => {
    const rows = staffingIntervals(scenario);
    expect(rows).toHaveLength(144);
    expect(rows[0]).toEqual({ interval: '2020-02-28T00:00', agents: 0 });
    expect(rows[49]).toEqual({ interval: '2020-02-29T00:30', agents: 1 });
    expect(rows[143]).toEqual({ interval: '2020-03-01T23:30', agents: 67 });
    // February: two days of 0..47 (mean 23.5, 2 x 1128 agent-intervals of half an hour);
    // March: one day of 20..67.
    expect(staffingByMonth(scenario)).toEqual([
      { month: '2020-02', meanAgents: 23.5, peakAgents: 47, agentHours: 1128 },
      { month: '2020-03', meanAgents: 43.5, peakAgents: 67, agentHours: 1044 },
    ]);
  });

  it('count a constant staffing in every interval', () => {
    expect(staffingByMonth({ ...scenario, days: 1, agents: { kind: 'constant', count: 12 } })).toEqual([
      { month: '2020-02', meanAgents: 12, peakAgents: 12, agentHours: 288 },
    ]);
  });
});

describe('agentHoursShare', () => {
  it('is the share of the whole scenario’s agent-hours in the part', () => {
    const firstTwoDays: Scenario = {
      ...scenario,
      days: 2,
      agents: { kind: 'perInterval', counts: Array.from({ length: 96 }, (_, i) => i % 48) },
    };
    // 2 x 1128 of 2 x 1128 + 2088 half-hour agent-intervals.
    expect(agentHoursShare(firstTwoDays, scenario)).toBe(2256 / (2256 + 2088));
    expect(agentHoursShare(scenario, scenario)).toBe(1);
    expect(agentHoursShare(scenario, { ...scenario, agents: { kind: 'constant', count: 0 } })).toBe(0);
    expect(() =>
      agentHoursShare({ ...scenario, intervalMinutes: 60, agents: { kind: 'constant', count: 1 } }, scenario),
    ).toThrow("agentHoursShare: the part's intervals (60 min) differ from the whole's (30 min)");
  });
});
