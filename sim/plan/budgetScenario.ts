import {
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requirePositiveFinite,
} from '../core/validate.js';
import { whatBudgetBuys, type BudgetPurchase, type BuyingOptions } from '../budget/whatBudgetBuys.js';
import type { BudgetLines, UnitCosts } from '../budget/types.js';
import { agentsPerInterval } from '../model/scenario.js';
import type { Scenario } from '../model/types.js';

/** A staffing shape scaled to a number of agent-hours (see `scaleAgentsToHours`). */
export interface ScaledAgents {
  /** Agents in each interval: min(seats, round(scale x shape_i)). */
  agents: number[];
  /** The factor applied to the shape. */
  scale: number;
  /** Agent-hours the scaled agents give, at most `agentHours`. */
  scheduledAgentHours: number;
}

/**
 * Scale a staffing shape to the agent-hours a payroll gives: agents_i =
 * min(seats, round(k x shape_i)), with k the largest factor (found by
 * bisection to 1e-9 relative) whose agent-hours, sum_i agents_i x interval
 * hours, do not exceed `agentHours`. This is the rule that built the shipped
 * 12333 staffing table (data/README.md, "How the 12333 staffing table is
 * derived", where the shape is Erlang A's requirement per half hour). Each
 * agents_i never falls when `agentHours` or `seats` grows, so more money never
 * takes an agent away from any interval.
 *
 * @param shape agents (or requirement) per interval, >= 0; only the proportions matter
 * @param intervalMinutes length of an interval, minutes, > 0
 * @param agentHours agent-hours available over the horizon, >= 0
 * @param seats most agents in any interval, a non-negative integer
 * @returns the agents per interval, the factor and the agent-hours they give
 * @throws {RangeError} when an argument is out of range
 * @example
 * scaleAgentsToHours([1, 2, 1], 60, 8, 10).agents; // => [2, 4, 2]
 */
export function scaleAgentsToHours(
  shape: readonly number[],
  intervalMinutes: number,
  agentHours: number,
  seats: number,
): ScaledAgents {
  const fn = 'scaleAgentsToHours';
  shape.forEach((value, i) => requireNonNegativeFinite(fn, `shape[${i}]`, value));
  requirePositiveFinite(fn, 'intervalMinutes', intervalMinutes);
  requireNonNegativeFinite(fn, 'agentHours', agentHours);
  requireNonNegativeInteger(fn, 'seats', seats);
  const hours = intervalMinutes / 60;
  const scheduled = (k: number): number => {
    let sum = 0;
    for (const value of shape) sum += Math.min(seats, Math.round(k * value));
    return sum * hours;
  };
  let low = 0;
  let high = 1;
  // Past the factor that fills every seat, more k changes nothing: stop doubling there.
  const full = seats * shape.filter((value) => value > 0).length * hours;
  while (scheduled(high) <= agentHours && scheduled(high) < full && high < 1e12) high *= 2;
  if (scheduled(high) <= agentHours) low = high;
  else {
    while (high - low > 1e-9 * high) {
      const mid = (low + high) / 2;
      if (scheduled(mid) <= agentHours) low = mid;
      else high = mid;
    }
  }
  return {
    agents: shape.map((value) => Math.min(seats, Math.round(low * value))),
    scale: low,
    scheduledAgentHours: scheduled(low),
  };
}

/** A scenario staffed with what a budget buys. */
export interface BudgetScenario {
  /** The base scenario with `agents` replaced by the scaled per-interval table. */
  scenario: Scenario;
  /** What the budget buys (`whatBudgetBuys`). */
  purchase: BudgetPurchase;
  /** Agent-hours the payroll gives over the scenario's horizon: agentHoursYear x days / (openHoursYear / 24). */
  availableAgentHours: number;
  /** The scaling of the base scenario's agents (`scaleAgentsToHours`). */
  scale: number;
  scheduledAgentHours: number;
}

/**
 * What a budget buys, as a scenario: the seats and staff on payroll the
 * seat-rental line pays for (`whatBudgetBuys`), their agent-hours on the
 * phones after shrinkage, prorated to the scenario's horizon (days / days the
 * line is open in a year), spread over the intervals in the proportions of the
 * base scenario's agents (`scaleAgentsToHours`: rounded, capped at the seats).
 * The base's staffing is the shape of the plan; the budget sets its level.
 * A base workforce (`Scenario.workforce`) is kept as it is: its churn thins
 * the budget's roster in proportion (live / planned live agents), along the
 * same path for every budget, so budgets compared under common random
 * numbers differ by their staffing only.
 *
 * @param base the scenario whose per-interval agents give the shape
 * @param budget the budget lines, yuan for the year
 * @param unitCosts unit costs, yuan
 * @param options staff per seat, hires, shrinkage, paid and open hours (`BuyingOptions`)
 * @returns the scenario, the purchase and the scaling
 * @throws {RangeError} when the base scenario, an amount or an option is invalid
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const { scenario, purchase } = scenarioForBudget(base, shanghai12333Budget2020, shanghai12333UnitCosts2020, {
 *   staffPerSeat: 407 / 359,
 *   shrinkage: 0.3,
 * });
 * purchase.seats; // => 359
 */
export function scenarioForBudget(
  base: Scenario,
  budget: BudgetLines,
  unitCosts: UnitCosts,
  options: BuyingOptions,
): BudgetScenario {
  const purchase = whatBudgetBuys(budget, unitCosts, options);
  const openDaysYear = (options.openHoursYear ?? 24 * 366) / 24;
  const availableAgentHours = (purchase.agentHoursYear * base.days) / openDaysYear;
  const scaled = scaleAgentsToHours(
    agentsPerInterval(base),
    base.intervalMinutes,
    availableAgentHours,
    purchase.seats,
  );
  return {
    scenario: { ...base, agents: { kind: 'perInterval', counts: scaled.agents } },
    purchase,
    availableAgentHours,
    scale: scaled.scale,
    scheduledAgentHours: scaled.scheduledAgentHours,
  };
}
