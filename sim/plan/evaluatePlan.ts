import { requireInRange, requireNonNegativeInteger } from '../core/validate.js';
import {
  indicatorMeasure,
  meetsIndicator,
  type AnswerRateDefinition,
  type TargetIndicator,
  type TargetSet,
} from '../core/targets.js';
import { wilsonBounds } from '../stats/proportionInterval.js';
import { kpisOf } from '../model/kpis.js';
import type { Kpis, Scenario } from '../model/types.js';
import { replicate, summariseKpis, type KpiSummaries, type ReplicateOptions } from './replicate.js';
import { assessTargets, type TargetAssessment } from './assessTargets.js';
import { measuredRunFromSimulation, withBudgetMeasures, type WithBudgetOptions } from './measuredRuns.js';
import type { ReplicationRun } from './runReplication.js';

/** A probability estimated from replications, with its Wilson score interval. */
export interface ProbabilityEstimate {
  /** Replications in which the event happened. */
  successes: number;
  /** Replications counted. */
  trials: number;
  /** successes / trials (0 when there are no trials). */
  probability: number;
  /** Wilson score interval at the evaluation's `level`. */
  low: number;
  high: number;
}

/** One target indicator checked against the simulator's KPIs. */
export interface IndicatorEvaluation {
  /** The indicator's id in its target set. */
  id: string;
  /** The `Kpis` field that measures it (the answer-rate definition applied). */
  measuredBy: keyof Kpis;
  comparison: NonNullable<TargetIndicator['comparison']>;
  value: number;
  /** Probability of meeting the target in each quarter of the horizon (Q1 first). */
  quarters: ProbabilityEstimate[];
  /** Probability of meeting it in every quarter of the horizon at once. */
  allQuarters: ProbabilityEstimate;
}

/** What `evaluatePlan` reports. */
export interface PlanEvaluation {
  seed: number;
  replications: number;
  /** Confidence level of every probability interval. */
  level: number;
  /** Each KPI of the whole horizon across replications (mean, `p05`-`p95` is the 90% range). */
  kpis: KpiSummaries;
  /** Each KPI per quarter across replications; `period` is `YYYY-Qn`. */
  quarters: { period: string; kpis: KpiSummaries }[];
  /** The indicators the simulator measures. */
  indicators: IndicatorEvaluation[];
  /** Ids of the indicators the simulator does not measure (qualitative, faults, budget, ...). */
  notSimulated: string[];
  /** Probability that every measured indicator is met in quarter q. */
  allTargetsByQuarter: ProbabilityEstimate[];
  /** Probability that every measured indicator is met in every quarter. */
  allTargets: ProbabilityEstimate;
  /** Per replication, in replication order: did it meet every measured indicator in every quarter? */
  meetsAllByReplication: boolean[];
  /**
   * The whole target table (`assessTargets`): every row of the set in its
   * order, with what the simulator measures beyond the queue KPIs (survey,
   * faults per level, workforce, assessments, and the budget when given).
   * `indicators` and `allTargets` above judge the queue KPIs only (the
   * criterion `leastBudget` searches on); the table's `allTargets` judges
   * every measured row.
   */
  targetTable: TargetAssessment;
}

/** What the full target table needs beyond the runs (see `assessTargets`, `measuredRunFromSimulation`). */
export interface TargetTableOptions {
  /**
   * The probability of meeting a target that a row, and the plan, need to pass.
   *
   * __Default value:__ `0.9`
   */
  confidence?: number;
  /**
   * The plan's cost and budget lines, and the settlement rule: they measure
   * budget execution (after deductions for failed quarters) and 专款专用.
   *
   * __Default value:__ none (those rows are not simulated)
   */
  budget?: Pick<WithBudgetOptions, 'cost' | 'budget' | 'settlement'>;
  /**
   * Hours a month given to reviewing dissatisfied calls.
   *
   * __Default value:__ none (the review workload is taken as staffed)
   */
  reviewHoursPerMonth?: number;
}

/** Options of `evaluatePlan`. */
export interface EvaluatePlanOptions
  extends
    Pick<ReplicateOptions, 'replications' | 'seed' | 'workers' | 'pool' | 'onProgress'>,
    TargetTableOptions {
  /**
   * Which answer rate an `answerRate` indicator is checked on (the scenario
   * file's `targets.answerRateDefinition`).
   *
   * __Default value:__ `'perAttempt'`
   */
  answerRateDefinition?: AnswerRateDefinition;
  /**
   * Confidence level of the probability intervals, in (0, 1).
   *
   * __Default value:__ `0.95`
   */
  level?: number;
}

/**
 * The probability of an event seen `successes` times in `trials` independent
 * replications, with its Wilson score interval (which, unlike the normal
 * approximation, stays inside [0, 1] and is not empty at 0 or n successes).
 *
 * Reference: E. B. Wilson (1927), JASA 22(158), 209-212.
 *
 * @param successes replications in which the event happened, 0 to `trials`
 * @param trials replications, a non-negative integer (0 gives the interval [0, 1])
 * @param level confidence level, in (0, 1); 0.95 by default
 * @returns the estimate and its interval
 * @throws {RangeError} when the counts are not integers with 0 <= successes <= trials, or level is outside (0, 1)
 * @example
 * wilsonInterval(9, 10); // => { probability: 0.9, low: 0.5958, high: 0.9821, successes: 9, trials: 10 }
 */
export function wilsonInterval(successes: number, trials: number, level = 0.95): ProbabilityEstimate {
  const fn = 'wilsonInterval';
  requireNonNegativeInteger(fn, 'trials', trials);
  requireNonNegativeInteger(fn, 'successes', successes);
  if (successes > trials) {
    throw new RangeError(`${fn}: successes must be at most trials (got ${successes} > ${trials})`);
  }
  requireInRange(fn, 'level', level, Number.MIN_VALUE, 1 - Number.EPSILON);
  if (trials === 0) return { successes, trials, probability: 0, low: 0, high: 1 };
  const { low, high } = wilsonBounds(successes, trials, level);
  return { successes, trials, probability: successes / trials, low, high };
}

/** The indicators a scenario's simulation measures, and the ids of the others. */
function measuredIndicators(
  targets: TargetSet,
  answerWithinSeconds: number,
  definition: AnswerRateDefinition,
): { measured: { indicator: TargetIndicator; field: keyof Kpis; scale: number }[]; notSimulated: string[] } {
  const measured: { indicator: TargetIndicator; field: keyof Kpis; scale: number }[] = [];
  const notSimulated: string[] = [];
  for (const indicator of targets.indicators) {
    const measure = indicatorMeasure(indicator, definition, answerWithinSeconds);
    if (measure.kpi === null) notSimulated.push(indicator.id);
    else measured.push({ indicator, field: measure.kpi, scale: measure.scale });
  }
  return { measured, notSimulated };
}

/**
 * Whether one period's KPIs meet every target of a set that the simulator
 * measures (a KPI with no value counts as met). The check `evaluateRuns`
 * applies to each quarter of each replication.
 *
 * @param kpis the period's KPIs (`kpisOf(run.quarters[q])`)
 * @param targets the target set
 * @param answerWithinSeconds the scenario's service-level threshold, seconds
 * @param answerRateDefinition which answer rate an `answerRate` indicator uses; `'perAttempt'` by default
 * @returns true when every measured indicator is met
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const run = simulate(scenario, { seed: 1 });
 * meetsTargets(kpisOf(run.quarters[0]!), targets, 15); // => true
 */
export function meetsTargets(
  kpis: Kpis,
  targets: TargetSet,
  answerWithinSeconds: number,
  answerRateDefinition: AnswerRateDefinition = 'perAttempt',
): boolean {
  const { measured } = measuredIndicators(targets, answerWithinSeconds, answerRateDefinition);
  return measured.every(({ indicator, field, scale }) => {
    const value = kpis[field];
    return value === null || meetsIndicator(indicator, value * scale);
  });
}

/**
 * How far one replication's quarters are from failing the targets: the least,
 * over quarters and measured indicators, of the relative slack
 * (value - target) / |target| for `>`/`>=` and (target - value) / |target| for
 * `<`/`<=` (the plain difference when the target is 0); an `=` indicator
 * gives 0 when met and minus its relative distance otherwise. Positive when
 * every quarter meets every indicator with room to spare, negative when one
 * fails (a slack of exactly 0 on `>` fails, as `meetsTargets` says). Under
 * common random numbers it moves smoothly with the staffing, so `leastBudget`
 * interpolates it between budgets to guess where a replication starts to
 * pass. A KPI with no value is left out.
 *
 * @param quarterKpis the KPIs of each quarter of one replication
 * @param targets the target set
 * @param answerWithinSeconds the scenario's service-level threshold, seconds
 * @param answerRateDefinition which answer rate an `answerRate` indicator uses; `'perAttempt'` by default
 * @returns the least relative slack, dimensionless (`Infinity` when nothing is measured)
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const run = simulate(scenario, { seed: 1 });
 * targetMargin([kpisOf(run.quarters[0]!)], targets, 15); // => 0.1256
 */
export function targetMargin(
  quarterKpis: readonly Kpis[],
  targets: TargetSet,
  answerWithinSeconds: number,
  answerRateDefinition: AnswerRateDefinition = 'perAttempt',
): number {
  const { measured } = measuredIndicators(targets, answerWithinSeconds, answerRateDefinition);
  let margin = Infinity;
  for (const kpis of quarterKpis) {
    for (const { indicator, field, scale } of measured) {
      const raw = kpis[field];
      if (raw === null) continue;
      const target = indicator.value as number;
      const unit = target === 0 ? 1 : Math.abs(target);
      const value = raw * scale;
      let slack: number;
      switch (indicator.comparison) {
        case '>':
        case '>=':
          slack = (value - target) / unit;
          break;
        case '<':
        case '<=':
          slack = (target - value) / unit;
          break;
        default:
          slack = meetsIndicator(indicator, value) ? 0 : -Math.abs(value - target) / unit;
      }
      margin = Math.min(margin, slack);
    }
  }
  return margin;
}

/**
 * Judge replications already run against a target set (the pure half of
 * `evaluatePlan`, used by `leastBudget` to add replications batch by batch).
 * Each measured indicator is checked on each quarter's KPIs of each
 * replication; a quarter in which the KPI has no value (no call offered)
 * counts as met, since nothing failed.
 *
 * @param runs replications of one scenario (from `replicate`), any order
 * @param scenario the scenario they ran (its `answerWithinSeconds` decides which service-level indicators are measured)
 * @param targets the target set
 * @param options answer-rate definition, confidence level, and the seed to report
 * @returns the evaluation
 * @throws {RangeError} when `runs` is empty or `level` is outside (0, 1)
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const result = await replicate(scenario, { replications: 2, seed: 1, workers: 0 });
 * evaluateRuns(result.runs, scenario, targets, { seed: 1 }).allTargets.probability; // => 1
 */
export function evaluateRuns(
  runs: readonly ReplicationRun[],
  scenario: Pick<Scenario, 'answerWithinSeconds' | 'channels'>,
  targets: TargetSet,
  options: { seed: number; answerRateDefinition?: AnswerRateDefinition; level?: number } & TargetTableOptions,
): PlanEvaluation {
  const fn = 'evaluateRuns';
  if (runs.length === 0) throw new RangeError(`${fn}: runs must hold at least one replication (got 0)`);
  const level = options.level ?? 0.95;
  requireInRange(fn, 'level', level, Number.MIN_VALUE, 1 - Number.EPSILON);
  const { measured, notSimulated } = measuredIndicators(
    targets,
    scenario.answerWithinSeconds,
    options.answerRateDefinition ?? 'perAttempt',
  );
  const quarterCount = runs[0]?.quarters.length ?? 0;
  const quarterKpis = runs.map((run) => run.quarters.map((row) => kpisOf(row)));
  // met[i][r][q]: indicator i met by replication r in quarter q.
  const met = measured.map(({ indicator, field, scale }) =>
    quarterKpis.map((quarters) =>
      quarters.map((kpis) => {
        const value = kpis[field];
        return value === null || meetsIndicator(indicator, value * scale);
      }),
    ),
  );
  const n = runs.length;
  const count = (test: (r: number) => boolean): ProbabilityEstimate => {
    let successes = 0;
    for (let r = 0; r < n; r++) if (test(r)) successes++;
    return wilsonInterval(successes, n, level);
  };
  const quarterIndexes = Array.from({ length: quarterCount }, (_, q) => q);
  const indicators: IndicatorEvaluation[] = measured.map(({ indicator, field }, i) => {
    const byRun = met[i] ?? [];
    return {
      id: indicator.id,
      measuredBy: field,
      comparison: indicator.comparison as NonNullable<TargetIndicator['comparison']>,
      value: indicator.value as number,
      quarters: quarterIndexes.map((q) => count((r) => byRun[r]?.[q] === true)),
      allQuarters: count((r) => (byRun[r] ?? []).every(Boolean)),
    };
  });
  const allInQuarter = (r: number, q: number): boolean => met.every((byRun) => byRun[r]?.[q] === true);
  const meetsAllByReplication = runs.map((_, r) => quarterIndexes.every((q) => allInQuarter(r, q)));
  return {
    seed: options.seed,
    replications: n,
    level,
    kpis: summariseKpis(runs.map((run) => run.kpis)),
    quarters: quarterIndexes.map((q) => ({
      period: runs[0]?.quarters[q]?.period ?? '',
      kpis: summariseKpis(quarterKpis.map((quarters) => quarters[q] as Kpis)),
    })),
    indicators,
    notSimulated,
    allTargetsByQuarter: quarterIndexes.map((q) => count((r) => allInQuarter(r, q))),
    allTargets: count((r) => meetsAllByReplication[r] === true),
    meetsAllByReplication,
    targetTable: targetTableOf(runs, scenario, targets, { ...options, level }),
  };
}

/**
 * The thresholds of an all-media scenario's other channels, seconds, by which
 * their service-level targets are judged: chat's and callbacks' own
 * `answerWithinSeconds`, messages' deadline in working seconds (a message's
 * service level is its on-time share). Empty without channels.
 *
 * @param scenario the scenario
 * @returns the thresholds of the channels it has
 * @example
 * channelThresholds(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario); // => { chat: 120, message: 57600, callback: 7200 }
 */
export function channelThresholds(
  scenario: Pick<Scenario, 'channels'>,
): Partial<Record<'chat' | 'message' | 'callback', number>> {
  const c = scenario.channels;
  if (c === undefined) return {};
  return {
    ...(c.chat !== undefined ? { chat: c.chat.answerWithinSeconds } : {}),
    ...(c.message !== undefined ? { message: c.message.deadlineWorkingSeconds } : {}),
    ...(c.callback !== undefined ? { callback: c.callback.answerWithinSeconds } : {}),
  };
}

/** The full target table of replications (see `PlanEvaluation.targetTable`). */
function targetTableOf(
  runs: readonly ReplicationRun[],
  scenario: Pick<Scenario, 'answerWithinSeconds' | 'channels'>,
  targets: TargetSet,
  options: { answerRateDefinition?: AnswerRateDefinition; level: number } & TargetTableOptions,
): TargetAssessment {
  const judging = {
    answerRateDefinition: options.answerRateDefinition ?? 'perAttempt',
    answerWithinSeconds: scenario.answerWithinSeconds,
    channelAnswerWithinSeconds: channelThresholds(scenario),
  };
  let measured = runs.map((run) =>
    measuredRunFromSimulation(
      run,
      options.reviewHoursPerMonth !== undefined ? { reviewHoursPerMonth: options.reviewHoursPerMonth } : {},
    ),
  );
  if (options.budget !== undefined) {
    measured = withBudgetMeasures(measured, targets, { ...options.budget, ...judging });
  }
  return assessTargets(targets, measured, {
    ...judging,
    level: options.level,
    ...(options.confidence !== undefined ? { confidence: options.confidence } : {}),
  });
}

/**
 * Evaluate a plan: replicate the scenario and report every KPI's distribution
 * over replications (mean and 90% range, `p05` to `p95`), and the probability
 * of meeting each target the simulator measures, in each quarter, in all four
 * quarters, and all targets together. Every probability carries its Wilson
 * score interval. Indicators the simulator does not measure (qualitative
 * ones, faults, satisfaction, budget) are listed in `notSimulated`;
 * `targetTable` fills in every row of the set (`assessTargets`), with the
 * budget rows when `options.budget` gives the plan's cost.
 *
 * @param scenario the plan as a scenario
 * @param targets the target set to judge it against
 * @param options replications, seed, workers or pool, progress callback, answer-rate definition, level
 * @returns the evaluation
 * @throws {RangeError} when the scenario or an option is invalid
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const evaluation = await evaluatePlan(scenario, readTargetSet('data/targets/shanghai-12333-2020.json'), { replications: 2, seed: 1, workers: 0 });
 * evaluation.allTargets; // => { successes: 2, trials: 2, probability: 1, low: 0.3424, high: 1 }
 */
export async function evaluatePlan(
  scenario: Scenario,
  targets: TargetSet,
  options: EvaluatePlanOptions,
): Promise<PlanEvaluation> {
  const result = await replicate(scenario, {
    replications: options.replications,
    seed: options.seed,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.pool !== undefined ? { pool: options.pool } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
  });
  return evaluateRuns(result.runs, scenario, targets, {
    seed: options.seed,
    ...(options.answerRateDefinition !== undefined
      ? { answerRateDefinition: options.answerRateDefinition }
      : {}),
    ...(options.level !== undefined ? { level: options.level } : {}),
    ...(options.confidence !== undefined ? { confidence: options.confidence } : {}),
    ...(options.budget !== undefined ? { budget: options.budget } : {}),
    ...(options.reviewHoursPerMonth !== undefined
      ? { reviewHoursPerMonth: options.reviewHoursPerMonth }
      : {}),
  });
}
