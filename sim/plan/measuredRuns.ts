import { measureKey, type MeasureKey, type OtherChannel } from '../core/targets.js';
import { requireNonNegativeFinite } from '../core/validate.js';
import { budgetExecution } from '../budget/budgetExecution.js';
import { costOfPlan } from '../budget/costOfPlan.js';
import { costPlanFromWorkforce } from '../budget/costPlanFromWorkforce.js';
import { settleQuarters, type Settlement } from '../budget/settleQuarters.js';
import type { BudgetLines, PlanCost, QuarterlySettlementRule, UnitCosts } from '../budget/types.js';
import type { FaultEpisode } from '../model/faults.js';
import { kpisOf } from '../model/kpis.js';
import type { Kpis, PeriodRow } from '../model/types.js';
import type { WorkforceResult } from '../model/workforce.js';
import {
  quarterAssessments,
  type AssessTargetsOptions,
  type MeasuredRun,
  type MeasuredValues,
} from './assessTargets.js';
import type { TargetSet } from '../core/targets.js';

/*
 * Adapters that turn what the simulator and the budget produce into the
 * `MeasuredRun`s that `assessTargets` judges. Each documents the rule by
 * which it measures an indicator.
 */

/** The queue and survey KPIs copied from `Kpis` under the same name. */
const KPI_KEYS = [
  'answerRate',
  'callerAnswerRate',
  'answerRateIncludingSelfService',
  'abandonRate',
  'serviceLevel',
  'serviceLevelOfAnswered',
  'asaSeconds',
  'occupancy',
] as const satisfies readonly (keyof Kpis & MeasureKey)[];

/** The survey KPIs, copied only when the run has a survey. */
const SURVEY_KEYS = ['satisfaction', 'complaintRate', 'qaPassRate'] as const satisfies readonly (keyof Kpis &
  MeasureKey)[];

/**
 * What `measuredRunFromSimulation` reads of one replication: a `ReplicationRun`
 * from `replicate`, or a `SimulationResult` from `simulate`, satisfies it.
 */
export interface SimulatedRunParts {
  /** Counts per quarter of the horizon (`YYYY-Qn`). */
  readonly quarters: readonly PeriodRow[];
  /** Counts of the whole horizon. */
  readonly horizon: PeriodRow;
  /** The run's workforce, when the scenario has one. */
  readonly workforce?: { readonly turnoverRate: number };
  /** The run's faults, when the scenario has fault levels: every episode, and the levels modelled. */
  readonly faults?: {
    readonly episodes: readonly FaultEpisode[];
    readonly byLevel: readonly { readonly level: number }[];
  };
  /** The survey's review workload by month, when the scenario has a survey. */
  readonly survey?: {
    readonly reviewByMonth: readonly { readonly period: string; readonly reviewHours: number }[];
  };
  /** The channels besides voice, when the scenario has them: counts per quarter and over the horizon. */
  readonly channels?: Readonly<
    Partial<Record<OtherChannel, { readonly quarters: readonly PeriodRow[]; readonly horizon: PeriodRow }>>
  >;
}

const OTHER_CHANNELS: readonly OtherChannel[] = ['chat', 'message', 'callback'];

/** Options of `measuredRunFromSimulation`. */
export interface SimulatedMeasureOptions {
  /**
   * Hours a month the center gives to reviewing dissatisfied calls. Each
   * month's share reviewed is min(1, these hours / the month's review hours),
   * and a quarter's (and the year's) `dissatisfiedReviewedShare` is its
   * lowest month (every month must review all of its dissatisfied calls).
   *
   * __Default value:__ none: the review workload is taken as staffed, so the
   * share is 1 whenever the run has a survey (the report shows the workload)
   */
  readonly reviewHoursPerMonth?: number;
}

/** The longest response and repair times, minutes, of one level's faults among `episodes`; null when none. */
function worstMinutes(
  episodes: readonly FaultEpisode[],
  level: number,
): { response: number | null; repair: number | null } {
  let response: number | null = null;
  let repair: number | null = null;
  for (const e of episodes) {
    if (e.level !== level) continue;
    response = Math.max(response ?? 0, (e.respondedSeconds - e.startSeconds) / 60);
    repair = Math.max(repair ?? 0, (e.repairedSeconds - e.startSeconds) / 60);
  }
  return { response, repair };
}

/**
 * One replication of the simulator as measured values, per quarter and for
 * the year (the horizon). Rules:
 * - queue KPIs (`answerRate` per attempt, `callerAnswerRate`,
 *   `answerRateIncludingSelfService`, `abandonRate`, `serviceLevel`,
 *   `serviceLevelOfAnswered`, `asaSeconds`, `occupancy`) from `kpisOf` of each
 *   quarter's and the horizon's counts (attempts dropped or lost to a fault
 *   count as offered and not answered);
 * - with a survey: `satisfaction`, `complaintRate`, `qaPassRate` likewise, and
 *   `dissatisfiedReviewedShare` (see `SimulatedMeasureOptions`);
 * - with a workforce: `turnoverRate` for the year (leavers / average
 *   headcount), and `trainedBeforeCallsShare` = 1 in every quarter, since the
 *   workforce model puts no one on the phones before their training ends;
 * - with faults: for each level modelled, `faultResponseMinutes:L` and
 *   `faultRepairMinutes:L`, the longest time among the level's faults that
 *   started in the period (null when none did);
 * - `assessmentsPerYear` = the number of quarters the run assesses (a year
 *   gives 4), for the year;
 * - with channels: each other channel's queue KPIs under `chat:answerRate`,
 *   `chat:serviceLevel`, `message:answerRate` (on time / offered),
 *   `callback:answerRate` (kept / requested), ..., from its own counts.
 *
 * @param run one replication (`ReplicationRun` or `SimulationResult`)
 * @param options the review hours a month, when the review workload is limited
 * @returns the measured run
 * @throws {RangeError} when `reviewHoursPerMonth` is negative or not finite
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const result = await replicate(base, { replications: 2, seed: 1, workers: 0 });
 * const runs = result.runs.map((run) => measuredRunFromSimulation(run));
 * runs[0]?.quarters.map((quarter) => quarter.period); // => ['2020-Q2']
 * runs[0]?.quarters[0]?.values.answerRate === kpisOf(result.runs[0]!.quarters[0]!).answerRate; // => true
 */
export function measuredRunFromSimulation(
  run: SimulatedRunParts,
  options: SimulatedMeasureOptions = {},
): MeasuredRun {
  if (options.reviewHoursPerMonth !== undefined) {
    requireNonNegativeFinite('measuredRunFromSimulation', 'reviewHoursPerMonth', options.reviewHoursPerMonth);
  }
  const hasSurvey = run.survey !== undefined || run.horizon.answeredWithSurvey > 0;
  const reviewedShare = (from: string, to: string): number => {
    const capacity = options.reviewHoursPerMonth;
    if (capacity === undefined || run.survey === undefined) return 1;
    let share = 1;
    for (const month of run.survey.reviewByMonth) {
      if (month.period < from || month.period > to || month.reviewHours === 0) continue;
      share = Math.min(share, capacity / month.reviewHours);
    }
    return share;
  };
  const levels = run.faults?.byLevel.map((l) => l.level) ?? [];
  const measure = (
    row: PeriodRow,
    episodes: readonly FaultEpisode[],
    months: [string, string],
  ): MeasuredValues => {
    const kpis = kpisOf(row);
    const values: Partial<Record<MeasureKey, number | null>> = {};
    for (const key of KPI_KEYS) values[key] = kpis[key];
    if (hasSurvey) {
      for (const key of SURVEY_KEYS) values[key] = kpis[key];
      values.dissatisfiedReviewedShare = reviewedShare(months[0], months[1]);
    }
    if (run.workforce !== undefined) values.trainedBeforeCallsShare = 1;
    for (const level of levels) {
      const worst = worstMinutes(episodes, level);
      values[measureKey('faultResponseMinutes', level)] = worst.response;
      values[measureKey('faultRepairMinutes', level)] = worst.repair;
    }
    return values;
  };
  // Each other channel's queue KPIs under `channel:kpi`.
  const channelValues = (
    pick: (rows: { quarters: readonly PeriodRow[]; horizon: PeriodRow }) => PeriodRow | undefined,
  ): MeasuredValues => {
    const values: Partial<Record<MeasureKey, number | null>> = {};
    for (const channel of OTHER_CHANNELS) {
      const rows = run.channels?.[channel];
      const row = rows === undefined ? undefined : pick(rows);
      if (row === undefined) continue;
      const kpis = kpisOf(row);
      for (const key of KPI_KEYS) values[`${channel}:${key}`] = kpis[key];
    }
    return values;
  };
  const episodes = run.faults?.episodes ?? [];
  const quarters = run.quarters.map((row, q) => {
    const mine = episodes.filter(
      (e) => e.startSeconds >= row.startSeconds && e.startSeconds < row.endSeconds,
    );
    return {
      period: row.period,
      values: { ...measure(row, mine, monthsOfQuarter(row.period)), ...channelValues((c) => c.quarters[q]) },
    };
  });
  const year: Partial<Record<MeasureKey, number | null>> = {
    ...measure(run.horizon, episodes, ['0000-00', '9999-99']),
    ...channelValues((c) => c.horizon),
    assessmentsPerYear: run.quarters.length,
  };
  if (run.workforce !== undefined) year.turnoverRate = run.workforce.turnoverRate;
  return { quarters, year };
}

/** The first and last month (`YYYY-MM`) of a quarter `YYYY-Qn`; the whole range when the label is not a quarter. */
function monthsOfQuarter(period: string): [string, string] {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (match === null) return ['0000-00', '9999-99'];
  const first = (Number(match[2]) - 1) * 3 + 1;
  const month = (m: number): string => `${match[1]}-${String(m).padStart(2, '0')}`;
  return [month(first), month(first + 2)];
}

/**
 * The budget's measured values for the year:
 * - `budgetExecutionRate` = spend / budget over both lines (`budgetExecution`),
 *   where spend is the plan's cost less the management fee deducted for failed
 *   quarters when a settlement is given (under-spending fails the > 98% target
 *   as surely as the plan not spending its budget);
 * - `earmarkedShare` = the share of the cost charged to a budget line that
 *   has money (专款专用: 1 when every cost line maps to a funded budget line).
 *
 * @param cost the plan's cost (`costOfPlan`)
 * @param budget the budget lines, yuan
 * @param settlement the quarterly settlement after the assessments (`settleQuarters`), if any
 * @returns the year's values
 * @throws {RangeError} when an amount is negative or the budget is 0 (from `budgetExecution`)
 * @example
 * const plan = { staffOnPayroll: Array(12).fill(407), seats: Array(12).fill(359), hires: Array(12).fill(0) };
 * budgetMeasures(costOfPlan(plan, shanghai12333UnitCosts2020), shanghai12333Budget2020);
 * // => { budgetExecutionRate: 1, earmarkedShare: 1 } (the 2020 unit costs spend both lines exactly)
 */
export function budgetMeasures(cost: PlanCost, budget: BudgetLines, settlement?: Settlement): MeasuredValues {
  const deducted = settlement?.deductedYear ?? 0;
  const spend = {
    seatRental: cost.byBudgetLine.seatRental,
    managementFee: Math.max(0, cost.byBudgetLine.managementFee - deducted),
  };
  const execution = budgetExecution(spend, budget, 0);
  // 1 - unfunded / total rather than funded / total, so that a plan whose every line is funded
  // gives exactly 1 (two sums of the same amounts in another order may differ in the last bit).
  const unfunded = cost.lines
    .filter((line) => !(budget[line.budgetLine] > 0))
    .reduce((a, line) => a + line.year, 0);
  return {
    budgetExecutionRate: execution.rate,
    earmarkedShare: cost.year > 0 ? 1 - unfunded / cost.year : 1,
  };
}

/**
 * What each replication's plan costs when staff churn makes the payroll and
 * the hires differ from one replication to the next: `costOfPlan` of the
 * run's workforce month by month (`costPlanFromWorkforce`) and the seats.
 * Pass the list as `cost` to `withBudgetMeasures` (or `evaluatePlan`'s
 * `budget.cost`) so that budget execution varies as the workforce does.
 *
 * @param runs replications that kept their workforce (a scenario with `workforce`, a 12-month horizon)
 * @param seats seats rented, one number for the year or 12 monthly values
 * @param costs unit costs, yuan
 * @returns one plan cost per run, in order
 * @throws {RangeError} when a run has no workforce, or it does not cover 12 months
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const result = await replicate(file.scenario, { replications: 1, seed: 1, workers: 0 }); // a whole year, for its 12 months
 * const costs = planCostsOfRuns(result.runs, 359, shanghai12333UnitCosts2020);
 * costs[0]!.byBudgetLine.seatRental < 50_932_600; // => true (vacancies while leavers are replaced)
 */
export function planCostsOfRuns(
  runs: readonly { readonly workforce?: WorkforceResult }[],
  seats: number | readonly number[],
  costs: UnitCosts,
): PlanCost[] {
  return runs.map((run, r) => {
    if (run.workforce === undefined) {
      throw new RangeError(`planCostsOfRuns: runs[${r}] has no workforce (the scenario needs one)`);
    }
    return costOfPlan(costPlanFromWorkforce(run.workforce, seats), costs);
  });
}

/** Options of `withBudgetMeasures`. */
export interface WithBudgetOptions extends Pick<
  AssessTargetsOptions,
  'answerRateDefinition' | 'answerWithinSeconds' | 'channelAnswerWithinSeconds'
> {
  /** The plan's cost: one for every replication, or one per replication (when churn changes the payroll). */
  readonly cost: PlanCost | readonly PlanCost[];
  /** The budget lines, yuan. */
  readonly budget: BudgetLines;
  /**
   * How a failed quarterly assessment is settled; none: no deduction.
   *
   * __Default value:__ none
   */
  readonly settlement?: QuarterlySettlementRule;
}

/**
 * Add the budget's values to each replication: its quarterly assessments
 * (`quarterAssessments` of the target set, quarters the run does not cover
 * counted as passed) are settled by the rule, and `budgetMeasures` of the
 * cost less the deductions goes into the year's values.
 *
 * @param runs measured replications (from `measuredRunFromSimulation`)
 * @param targets the target set whose quarterly assessment decides the deductions
 * @param options cost, budget lines, settlement rule, answer-rate definition and service-level threshold
 * @returns the runs with `budgetExecutionRate` and `earmarkedShare` in their year
 * @throws {RangeError} when a list of costs does not have one per run, or an amount is invalid
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const runs = (await replicate(base, { replications: 2, seed: 1, workers: 0 })).runs.map((run) => measuredRunFromSimulation(run));
 * const plan = { staffOnPayroll: Array(12).fill(407), seats: Array(12).fill(359), hires: Array(12).fill(0) };
 * const cost = costOfPlan(plan, shanghai12333UnitCosts2020);
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * withBudgetMeasures(runs, targets, { cost, budget: shanghai12333Budget2020, settlement: { deductionShareOfQuarterFee: 0.1 } })[0]?.year;
 * // => { budgetExecutionRate: 1, earmarkedShare: 1 } (every assessment passed: nothing deducted)
 */
export function withBudgetMeasures(
  runs: readonly MeasuredRun[],
  targets: TargetSet,
  options: WithBudgetOptions,
): MeasuredRun[] {
  const costs = options.cost;
  if (Array.isArray(costs) && costs.length !== runs.length) {
    throw new RangeError(
      `withBudgetMeasures: cost must be one plan cost or one per run (got ${costs.length} for ${runs.length} runs)`,
    );
  }
  return runs.map((run, r) => {
    const cost = (Array.isArray(costs) ? costs[r] : costs) as PlanCost;
    let settlement: Settlement | undefined;
    if (options.settlement !== undefined) {
      const passed = quarterAssessments(targets, run, options).slice(0, 4);
      while (passed.length < 4) passed.push(true);
      settlement = settleQuarters(cost, passed, options.settlement);
    }
    return {
      quarters: run.quarters,
      year: { ...run.year, ...budgetMeasures(cost, options.budget, settlement) },
    };
  });
}

/**
 * Merge measured values from two sources into one run (the simulator's and
 * the 12345 desk's work orders, say): quarters are matched by period, and a
 * key given by both takes `extra`'s value.
 *
 * @param run the base run (its quarters fix the periods)
 * @param extra values to add, for some quarters and/or the year
 * @returns the merged run
 * @example
 * const queueRun = { quarters: [{ period: '2020-Q1', values: { answerRate: 0.85 } }], year: { answerRate: 0.85 } };
 * mergeMeasuredRuns(queueRun, { quarters: [{ period: '2020-Q1', values: { firstContactRate: 1 } }], year: {} }).quarters[0]?.values;
 * // => { answerRate: 0.85, firstContactRate: 1 }
 */
export function mergeMeasuredRuns(
  run: MeasuredRun,
  extra: { readonly quarters?: MeasuredRun['quarters']; readonly year?: MeasuredValues },
): MeasuredRun {
  const byPeriod = new Map((extra.quarters ?? []).map((q) => [q.period, q.values]));
  return {
    quarters: run.quarters.map((q) => ({
      period: q.period,
      values: { ...q.values, ...byPeriod.get(q.period) },
    })),
    year: { ...run.year, ...extra.year },
  };
}
