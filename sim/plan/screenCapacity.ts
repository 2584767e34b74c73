import { requirePositiveInteger } from '../core/validate.js';
import { distributionMean } from '../model/distributions.js';
import { agentsPerInterval } from '../model/scenario.js';
import type { Scenario } from '../model/types.js';
import { simulateWorkforce } from '../model/workforce.js';

/** What the simulator takes from a scenario's agents on average: churn, slower learners and faults. */
export interface ExpectedCapacity {
  /** Mean of live / planned live agents each day of the horizon (1 without a workforce). */
  liveShare: Float64Array;
  /** Mean handle-time multiplier of the live agents each day (1 without a workforce). */
  handleFactor: Float64Array;
  /** Expected share of seat-time the fault levels take: the sum over levels of rate x mean repair time x share lost. */
  faultShare: number;
}

/**
 * The capacity the simulator will leave of a scenario's agents, on average, for
 * the analytic screen of `leastBudget` (which would otherwise size the plan as
 * if every planned agent took calls at full speed all year): the workforce year
 * (`simulateWorkforce`) of the first `replications` replications averaged day by
 * day, live agents over planned live agents (the simulator thins each day's
 * roster by that ratio) and the learning curve's handle-time multiplier; and the
 * share of seat-time the fault levels take in expectation.
 *
 * @param scenario the scenario (its workforce and faults)
 * @param seed the search's seed (the workforce years are those of its replications)
 * @param replications workforce years averaged, a positive integer
 * @returns the capacity by day and the fault share
 * @throws {RangeError} when `replications` is not a positive integer, or the workforce is invalid
 * @example
 * const year = readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario;
 * const capacity = expectedCapacity(year, 1, 2);
 * capacity.liveShare[200]; // => 0.8759
 */
export function expectedCapacity(scenario: Scenario, seed: number, replications = 20): ExpectedCapacity {
  requirePositiveInteger('expectedCapacity', 'replications', replications);
  const days = scenario.days;
  const liveShare = new Float64Array(days).fill(1);
  const handleFactor = new Float64Array(days).fill(1);
  const workforce = scenario.workforce;
  if (workforce !== undefined) {
    liveShare.fill(0);
    handleFactor.fill(0);
    const spec = workforce.spec;
    const plannedLive = workforce.plannedLiveAgents ?? spec.targetHeadcount ?? spec.initialStaff;
    for (let r = 0; r < replications; r++) {
      const year = simulateWorkforce(spec, {
        startDate: scenario.startDate,
        days,
        seed,
        replication: r,
        daysBefore: workforce.daysBefore ?? 0,
      });
      year.days.forEach((day, d) => {
        liveShare[d] = (liveShare[d] as number) + day.live;
        handleFactor[d] = (handleFactor[d] as number) + day.handleTimeMultiplier;
      });
    }
    for (let d = 0; d < days; d++) {
      liveShare[d] = (liveShare[d] as number) / (plannedLive * replications);
      handleFactor[d] = (handleFactor[d] as number) / replications;
    }
  }
  let faultShare = 0;
  for (const level of scenario.faults?.levels ?? []) {
    faultShare +=
      ((level.ratePerYear * distributionMean(level.repair)) / (365 * 86_400)) * level.capacityLost;
  }
  return { liveShare, handleFactor, faultShare: Math.min(1, faultShare) };
}

/**
 * A plan as the screen should see it: each interval's agents times its month's
 * mean live share and the seat-time the faults leave, over the month's mean
 * handle-time multiplier (learners' longer calls taken as fewer agents) and
 * over the interval's time-of-day handle factor (`handleTimeOfDayFactors`,
 * likewise), rounded down. Monthly means rather than daily values keep the formulas' distinct
 * queues as few as the staffing's own (the screen solves each once).
 *
 * @param plan the plan (agents per interval)
 * @param capacity its expected capacity (`expectedCapacity` of the base scenario)
 * @returns the plan with the agents the formulas should count
 * @example
 * const year = readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario;
 * const capacity = expectedCapacity(year, 1, 2);
 * const screened = screenPlan(year, capacity);
 * agentsPerInterval(screened)[200 * 48 + 20]! <= agentsPerInterval(year)[200 * 48 + 20]!; // => true (fewer on the phones on average)
 */
export function screenPlan(plan: Scenario, capacity: ExpectedCapacity): Scenario {
  const perDay = Math.round(1_440 / plan.intervalMinutes);
  const keep = 1 - capacity.faultShare;
  const startMs = Date.parse(`${plan.startDate}T00:00:00Z`);
  const months = Int32Array.from({ length: plan.days }, (_, day) => {
    const date = new Date(startMs + day * 86_400_000);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  });
  const monthOf = (day: number): number => months[Math.min(day, plan.days - 1)] as number;
  const sums = new Map<number, { share: number; days: number }>();
  for (let d = 0; d < plan.days; d++) {
    const month = monthOf(d);
    const sum = sums.get(month) ?? { share: 0, days: 0 };
    sum.share += (capacity.liveShare[d] ?? 1) / (capacity.handleFactor[d] ?? 1);
    sum.days++;
    sums.set(month, sum);
  }
  const timeOfDay = plan.handleTimeOfDayFactors;
  const counts = agentsPerInterval(plan).map((agents, i) => {
    const sum = sums.get(monthOf(Math.floor(i / perDay)));
    const share = sum === undefined ? 1 : sum.share / sum.days;
    const longer = timeOfDay?.[i % perDay] ?? 1;
    return Math.floor((agents * share * keep) / longer + 1e-9);
  });
  return { ...plan, agents: { kind: 'perInterval', counts } };
}
