import { staffingPlan } from '../../sim/analytic/staffingPlan.js';
import type { StaffingTarget } from '../../sim/analytic/requiredAgents.js';
import { scaleAgentsToHours } from '../../sim/plan/budgetScenario.js';

/**
 * The rule that turns a payroll into the 12333 staffing table (data/README.md,
 * "How the 12333 staffing table is derived"): the agents each half hour needs by
 * Erlang A for the target (`staffingPlan`), scaled by one factor k so that the
 * year's agent-hours equal what the payroll puts on the phones, each interval
 * rounded to the nearest whole agent and capped at the seats:
 * agents_i = min(seats, round(k x required_i)), k found by bisection so that
 * sum_i agents_i x interval hours is as close as possible to, and not above,
 * staff x paid hours a year x (1 - shrinkage) x (horizon days / 366).
 */
export interface StaffingRuleInput {
  /** Expected agent-bound first attempts in each interval (after self-service). */
  readonly agentBoundCallsPerInterval: readonly number[];
  readonly intervalMinutes: number;
  readonly meanHandleSeconds: number;
  readonly meanPatienceSeconds: number;
  readonly answerWithinSeconds: number;
  readonly target: StaffingTarget;
  readonly staffOnPayroll: number;
  readonly paidHoursPerStaffYear: number;
  readonly shrinkage: number;
  readonly seats: number;
}

export interface StaffingRuleResult {
  readonly agents: number[];
  readonly required: number[];
  readonly scale: number;
  /** Agent-hours available from the payroll. */
  readonly availableAgentHours: number;
  /** Agent-hours the table schedules. */
  readonly scheduledAgentHours: number;
}

export function staffingFromPayroll(input: StaffingRuleInput): StaffingRuleResult {
  const hours = input.intervalMinutes / 60;
  const plan = staffingPlan(
    input.agentBoundCallsPerInterval.map((calls, i) => ({
      start: i,
      arrivalsPerHour: calls / hours,
      meanHandleSeconds: input.meanHandleSeconds,
      meanPatienceSeconds: input.meanPatienceSeconds,
      answerWithinSeconds: input.answerWithinSeconds,
    })),
    input.target,
  );
  const required = plan.map((row) => row.requiredAgents);
  const days = (input.agentBoundCallsPerInterval.length * input.intervalMinutes) / 1440;
  const available =
    (input.staffOnPayroll * input.paidHoursPerStaffYear * (1 - input.shrinkage) * days) / 366;
  const { agents, scale, scheduledAgentHours } = scaleAgentsToHours(
    required,
    input.intervalMinutes,
    available,
    input.seats,
  );
  return { agents, required, scale, availableAgentHours: available, scheduledAgentHours };
}
