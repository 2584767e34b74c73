import { describe, expect, it } from 'vitest';
import { exponential } from '../../sim/model/distributions.js';
import type { Scenario } from '../../sim/model/types.js';
import { shanghai12333Budget2020, shanghai12333UnitCosts2020 } from '../../sim/budget/shanghai12333Costs.js';
import { periodOf, readScenarioFile } from '../../sim/io/scenarioFile.js';
import { scenarioForBudget } from '../../sim/plan/budgetScenario.js';
import {
  agentHoursShare,
  periodBuyingRule,
  shareOfYearAgentHours,
  staffingByMonth,
  staffingIntervals,
} from '../../sim/plan/staffingByMonth.js';

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

describe('shareOfYearAgentHours and periodBuyingRule', () => {
  it('scale the part’s share by the whole’s length against 366 days; days when the whole has no agents', () => {
    const firstTwoDays: Scenario = {
      ...scenario,
      days: 2,
      agents: { kind: 'perInterval', counts: Array.from({ length: 96 }, (_, i) => i % 48) },
    };
    expect(shareOfYearAgentHours(firstTwoDays, scenario)).toBe((2256 / (2256 + 2088)) * (3 / 366));
    expect(shareOfYearAgentHours(firstTwoDays, { ...scenario, agents: { kind: 'constant', count: 0 } })).toBe(
      2 / 366,
    );
    // A whole year keeps the default open hours (24 x 366), and a share of 0 keeps the rule as it is.
    const rule = { staffPerSeat: 407 / 359, shrinkage: 0.3 };
    expect(periodBuyingRule(rule, 366, 1).openHoursYear).toBe(24 * 366);
    expect(periodBuyingRule(rule, 3, 0)).toBe(rule);
  });

  it('give July of the 12333 year the agent-hours its staffing puts there, not its days’ share', () => {
    const year = readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario;
    const july = periodOf(year, '2020-07-01', 31);
    const share = shareOfYearAgentHours(july, year);
    // The peak month holds more than its 31 of 366 days (8.5%): about 9.9% (README, hotline plan).
    expect(share).toBeGreaterThan(0.095);
    expect(share).toBeLessThan(0.105);
    const rule = { staffPerSeat: 407 / 359, shrinkage: 0.3 };
    const plan = scenarioForBudget(
      july,
      shanghai12333Budget2020,
      shanghai12333UnitCosts2020,
      periodBuyingRule(rule, 31, share),
    );
    // The payroll's year of agent-hours, times July's share, is what the month has to schedule.
    expect(plan.availableAgentHours).toBeCloseTo(plan.purchase.agentHoursYear * share, 6);
  });
});
