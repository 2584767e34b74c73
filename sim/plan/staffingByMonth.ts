import { agentsPerInterval, scenarioCalendar } from '../model/scenario.js';
import type { Scenario } from '../model/types.js';
import type { BuyingOptions } from '../budget/whatBudgetBuys.js';

/** One interval of a staffing plan: its local start and the agents on the phones. */
export interface IntervalAgents {
  /** Local start, `YYYY-MM-DDTHH:MM`. */
  interval: string;
  agents: number;
}

/** Agents of a plan by month: the staffing plan in a few lines. */
export interface StaffingMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Mean agents over the month's intervals (closed hours count as 0). */
  meanAgents: number;
  /** Most agents in any interval of the month. */
  peakAgents: number;
  /** Agent-hours over the month's intervals. */
  agentHours: number;
}

/**
 * The agents per interval of a scenario, with each interval's local start.
 *
 * @param scenario a scenario (checked)
 * @returns one row per interval of the horizon
 * @throws {RangeError} when the scenario is invalid
 * @example
 * const scenario = {
 *   startDate: '2020-01-31', days: 2, intervalMinutes: 60, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), agents: { kind: 'perInterval', counts: Array.from({ length: 48 }, (_, i) => i % 24) },
 *   answerWithinSeconds: 15,
 * } as const;
 * staffingIntervals(scenario)[9]; // => { interval: '2020-01-31T09:00', agents: 9 }
 */
export function staffingIntervals(scenario: Scenario): IntervalAgents[] {
  const agents = agentsPerInterval(scenario);
  const { startMs, intervalSeconds } = scenarioCalendar(scenario);
  return agents.map((count, i) => ({
    interval: new Date(startMs + i * intervalSeconds * 1000).toISOString().slice(0, 16),
    agents: count,
  }));
}

/**
 * The staffing plan by month: mean and peak agents and agent-hours.
 *
 * @param scenario a scenario (checked)
 * @returns one row per month of the horizon, in order
 * @throws {RangeError} when the scenario is invalid
 * @example
 * const scenario = {
 *   startDate: '2020-01-31', days: 2, intervalMinutes: 60, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), agents: { kind: 'perInterval', counts: Array.from({ length: 48 }, (_, i) => i % 24) },
 *   answerWithinSeconds: 15,
 * } as const;
 * staffingByMonth(scenario); // => [{ month: '2020-01', meanAgents: 11.5, peakAgents: 23, agentHours: 276 }, { month: '2020-02', meanAgents: 11.5, peakAgents: 23, agentHours: 276 }]
 */
export function staffingByMonth(scenario: Scenario): StaffingMonth[] {
  const hours = scenario.intervalMinutes / 60;
  const months = new Map<string, { sum: number; peak: number; n: number }>();
  for (const { interval, agents } of staffingIntervals(scenario)) {
    const key = interval.slice(0, 7);
    const month = months.get(key) ?? { sum: 0, peak: 0, n: 0 };
    month.sum += agents;
    month.peak = Math.max(month.peak, agents);
    month.n++;
    months.set(key, month);
  }
  return [...months].map(([month, { sum, peak, n }]) => ({
    month,
    meanAgents: sum / n,
    peakAgents: peak,
    agentHours: sum * hours,
  }));
}

/**
 * The share of a scenario's agent-hours that fall in a part of it: how a
 * yearly budget's agent-hours are prorated to a shorter run by the
 * scenario's own staffing (busy months take more than their days).
 *
 * @param part a run of the scenario over some of its days (`periodOf`), same interval length
 * @param whole the scenario
 * @returns agent-hours of `part` / agent-hours of `whole`, in [0, 1] when `part` lies inside `whole`; 0 when `whole` has none
 * @throws {RangeError} when a scenario is invalid or the interval lengths differ
 * @example
 * const whole = {
 *   startDate: '2020-01-31', days: 2, intervalMinutes: 60, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), agents: { kind: 'perInterval', counts: [...Array(24).fill(10), ...Array(24).fill(30)] },
 *   answerWithinSeconds: 15,
 * } as const;
 * agentHoursShare({ ...whole, days: 1, agents: { kind: 'constant', count: 10 } }, whole); // => 0.25
 */
export function agentHoursShare(part: Scenario, whole: Scenario): number {
  if (part.intervalMinutes !== whole.intervalMinutes) {
    throw new RangeError(
      `agentHoursShare: the part's intervals (${part.intervalMinutes} min) differ from the whole's (${whole.intervalMinutes} min)`,
    );
  }
  const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
  const wholeHours = sum(agentsPerInterval(whole));
  return wholeHours > 0 ? sum(agentsPerInterval(part)) / wholeHours : 0;
}

/**
 * The share of a year's agent-hours that a run over part of a scenario gets,
 * by the scenario's own staffing: `agentHoursShare(part, whole)` scaled by the
 * whole's length against a year of 366 days (a scenario shorter than a year
 * holds that fraction of the year), or the part's days over 366 when the
 * whole schedules no agents.
 *
 * @param part a run of the scenario over some of its days (`periodOf`), same interval length
 * @param whole the scenario (a year, or less)
 * @returns the part's share of a year's agent-hours, in [0, 1]
 * @throws {RangeError} when a scenario is invalid or the interval lengths differ
 * @example
 * const whole = {
 *   startDate: '2020-01-31', days: 2, intervalMinutes: 60, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), agents: { kind: 'perInterval', counts: [...Array(24).fill(10), ...Array(24).fill(30)] },
 *   answerWithinSeconds: 15,
 * } as const;
 * shareOfYearAgentHours({ ...whole, days: 1, agents: { kind: 'constant', count: 10 } }, whole); // => 0.001366120218579235 (0.25 x 2 / 366)
 */
export function shareOfYearAgentHours(part: Scenario, whole: Scenario): number {
  const share = agentHoursShare(part, whole);
  return share > 0 ? share * Math.min(1, whole.days / 366) : part.days / 366;
}

/**
 * The buying rule for a run over part of a scenario: the year's agent-hours
 * prorated to the part by its share of them (`shareOfYearAgentHours`: by the
 * scenario's own staffing, so that a busy month gets what the year's plan
 * gives it and not its days' share), as `openHoursYear` = 24 x days / share.
 * A whole year (share 1, 366 days) keeps the default of 24 x 366 hours.
 *
 * @param buying staff per seat, shrinkage and hires a year
 * @param days the run's days
 * @param shareOfYear the run's share of a year's agent-hours, in (0, 1]; 0 keeps `buying` as it is
 * @returns the buying options for `scenarioForBudget`, `leastBudget` and the others
 * @example
 * periodBuyingRule({ staffPerSeat: 1.2, shrinkage: 0.3 }, 31, 0.0988).openHoursYear; // => 7530.364 (24 x 31 / 0.0988: July by the 12333 staffing)
 * periodBuyingRule({ staffPerSeat: 1.2, shrinkage: 0.3 }, 366, 1).openHoursYear; // => 8784
 */
export function periodBuyingRule(buying: BuyingOptions, days: number, shareOfYear: number): BuyingOptions {
  return shareOfYear > 0 ? { ...buying, openHoursYear: (24 * days) / shareOfYear } : buying;
}
