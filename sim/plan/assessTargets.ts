import {
  describeMeasure,
  formatTarget,
  meetsIndicator,
  resolveMeasure,
  type AnswerRateDefinition,
  type MeasureKey,
  type OtherChannel,
  type TargetComparison,
  type TargetIndicator,
  type TargetSet,
} from '../core/targets.js';
import { requireInRange } from '../core/validate.js';
import { percentile } from '../stats/percentile.js';
import { decideProbability, type Decision } from './decision.js';
import { wilsonInterval, type ProbabilityEstimate } from './evaluatePlan.js';

/*
 * The performance-target table (财政项目支出绩效目标表) filled in: every row of a
 * target set with the predicted value, its 90% range across replications and
 * the probability of meeting it, each quarter and in all four, and the
 * quarterly assessment. Independent of where the values come from: the
 * simulator, the budget and the 12345 desk's work-order model each build
 * `MeasuredRun`s (see measuredRuns.ts), and `assessTargets` judges them.
 */

/**
 * Measured values of one period, keyed by `MeasureKey`. A key that is absent
 * was not measured; `null` means measured but without a value in the period
 * (no call offered, no fault of that level, no survey answered), which can
 * fail nothing and counts as met.
 *
 * Keys (values in the indicator's unit; fractions in [0, 1]):
 * - queue: `answerRate` (per attempt), `callerAnswerRate`,
 *   `answerRateIncludingSelfService`, `abandonRate`, `serviceLevel` (at the
 *   runs' threshold), `serviceLevelOfAnswered`, `asaSeconds`, `occupancy`;
 * - survey and quality: `satisfaction`, `complaintRate`, `qaPassRate`,
 *   `dissatisfiedReviewedShare`;
 * - workforce: `turnoverRate` (year), `trainedBeforeCallsShare`;
 * - faults: `faultResponseMinutes:L`, `faultRepairMinutes:L` (the longest
 *   time, minutes, among the level-L faults that started in the period);
 * - management: `assessmentsPerYear` (year), `budgetExecutionRate` (year),
 *   `earmarkedShare` (year);
 * - the 12345 desk's work orders: `firstContactRate`, `onTimeCompletionRate`,
 *   `resolutionRate`, with `answerRate` (transfer answer rate),
 *   `satisfaction` (citizen satisfaction) and `turnoverRate`.
 */
export type MeasuredValues = Readonly<Partial<Record<MeasureKey, number | null>>>;

/** The measured values of one quarter. */
export interface MeasuredPeriod {
  /** The quarter, `YYYY-Qn`. */
  readonly period: string;
  readonly values: MeasuredValues;
}

/**
 * One replication's measured values, per quarter and for the year. An
 * indicator whose key appears in any quarter of any run is judged quarter by
 * quarter (the quarterly assessment); one whose key appears only in `year`
 * is judged on the year (budget execution, turnover, assessments per year).
 */
export interface MeasuredRun {
  /** The quarters of the horizon, in order; every run must have the same periods. */
  readonly quarters: readonly MeasuredPeriod[];
  /** Values over the whole horizon (the year). */
  readonly year: MeasuredValues;
}

/** A name in Chinese and English. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Whether a row's measure was simulated. */
export type TargetRowStatus = 'measured' | 'not simulated';

/**
 * The verdict on a row or on the whole table (see `AssessTargetsOptions.confidence`
 * and `decideProbability`): `undecided` when the replications are too few to tell.
 */
export type TargetVerdict = Decision;

/** The probability of meeting an indicator in one quarter, and the quarter's value. */
export interface QuarterProbability {
  /** The quarter, `YYYY-Qn`. */
  readonly period: string;
  /** Probability of meeting the target in that quarter, or null when the row is not judged per quarter. */
  readonly estimate: ProbabilityEstimate | null;
  /**
   * The quarter's value across replications, in the indicator's unit: mean
   * and 90% range (5th and 95th percentiles) of the replications that gave
   * one; null when judged on the year or when no replication gave a value.
   */
  readonly value: { readonly mean: number; readonly p05: number; readonly p95: number } | null;
}

/** One row of the target table, in the source document's order. */
export interface TargetRow {
  /** The indicator's id in its target set. */
  readonly id: string;
  /** 一级目标 (level 1). */
  readonly level1: Bilingual;
  /** 二级目标 (level 2). */
  readonly level2: Bilingual;
  /** 三级目标 (level 3), the indicator. */
  readonly name: Bilingual;
  /** The target as the document prints it (`>80%`, `≤90分钟`, `健全`); see `formatTarget`. */
  readonly target: string;
  readonly comparison: TargetComparison | null;
  readonly value: number | string;
  readonly unit: TargetIndicator['unit'];
  /** `'not simulated'`: nothing measured it (qualitative, or not in the runs); see `reason`. */
  readonly status: TargetRowStatus;
  /** Why the row is not simulated, or a note on a measured row without values; null otherwise. */
  readonly reason: string | null;
  /** The key of the measured value that judges it (`answerRate`, `faultRepairMinutes:1`), or null. */
  readonly measuredBy: MeasureKey | null;
  /** What the measured value is, in words (`describeMeasure`): a fault row's is the longest time of its level. */
  readonly measuredAs: Bilingual | null;
  /** Judged per quarter (the quarterly assessment) or on the year; null when not simulated. */
  readonly judgedOn: 'quarters' | 'year' | null;
  /**
   * Predicted value: the mean across replications, in the indicator's unit,
   * of the year's value (of every quarter's value when the runs give no year
   * value); null when not simulated or never measured.
   */
  readonly mean: number | null;
  /** 5th percentile of the same values (the low end of the 90% range). */
  readonly p05: number | null;
  /** 95th percentile of the same values (the high end of the 90% range). */
  readonly p95: number | null;
  /** How many values `mean`, `p05` and `p95` summarise. */
  readonly valuesCounted: number;
  /** Probability of meeting the target in each quarter (estimate null when judged on the year). */
  readonly quarters: readonly QuarterProbability[];
  /** Probability of meeting it in every quarter of the horizon at once (null when judged on the year). */
  readonly allQuarters: ProbabilityEstimate | null;
  /** Probability that the year's value meets it (null when the runs give no year value). */
  readonly year: ProbabilityEstimate | null;
  /** The probability the verdict uses: `allQuarters` when judged per quarter, else `year`. */
  readonly probability: ProbabilityEstimate | null;
  /** `decideProbability(probability, confidence)`: pass, fail or undecided; null when not simulated. */
  readonly verdict: TargetVerdict | null;
}

/** One quarter's assessment. */
export interface QuarterAssessment {
  /** The quarter, `YYYY-Qn`. */
  readonly period: string;
  /** Probability that every indicator judged per quarter is met in this quarter. */
  readonly allMet: ProbabilityEstimate;
}

/** What `assessTargets` returns. */
export interface TargetAssessment {
  /** The target set's id and title. */
  readonly targetSetId: string;
  readonly title: Bilingual;
  /** Replications judged. */
  readonly replications: number;
  /** Confidence level of every probability interval. */
  readonly level: number;
  /** The probability a row or the table needs to pass. */
  readonly confidence: number;
  /** The verdict rule, in words (for reports). */
  readonly rule: string;
  /** One row per indicator, in the target set's (the document's) order. */
  readonly rows: readonly TargetRow[];
  /** The quarterly assessments: per quarter, every quarter-judged indicator met. */
  readonly quarterly: readonly QuarterAssessment[];
  /** Probability that all four (every) quarterly assessments pass. */
  readonly allQuarters: ProbabilityEstimate;
  /** Probability that every measured indicator is met: each quarter-judged one in every quarter, each year-judged one on the year. */
  readonly allTargets: ProbabilityEstimate;
  /** Per replication (in the order given), whether each quarterly assessment passed. */
  readonly passedQuartersByReplication: readonly (readonly boolean[])[];
  /** Per replication, whether every measured indicator was met. */
  readonly meetsAllByReplication: readonly boolean[];
  /** `decideProbability(allTargets, confidence)`. */
  readonly verdict: TargetVerdict;
}

/** Options of `assessTargets`. */
export interface AssessTargetsOptions {
  /**
   * Which answer rate an `answerRate` indicator is judged by.
   *
   * __Default value:__ `'perAttempt'`
   */
  readonly answerRateDefinition?: AnswerRateDefinition;
  /**
   * The service-level threshold the runs measured, seconds; a `serviceLevel`
   * indicator at another threshold (or any, when this is not given) is not simulated.
   *
   * __Default value:__ none
   */
  readonly answerWithinSeconds?: number;
  /**
   * The thresholds of the other channels the runs measured (`channelThresholds`),
   * seconds; a channel's indicator is judged only when its channel is here.
   *
   * __Default value:__ none (no channel's indicator is judged)
   */
  readonly channelAnswerWithinSeconds?: Readonly<Partial<Record<OtherChannel, number>>>;
  /**
   * Confidence level of the Wilson intervals, in (0, 1).
   *
   * __Default value:__ `0.95`
   */
  readonly level?: number;
  /**
   * The probability of meeting a target that a plan needs (the planner's
   * confidence, as in `leastBudget`): a row passes when the interval of its
   * probability of meeting the target lies at or above this, fails when it lies
   * below, and is undecided otherwise (`decideProbability`); the table is
   * judged so on the probability of meeting every measured target.
   *
   * __Default value:__ `0.9`
   */
  readonly confidence?: number;
}

/** How one measured indicator is judged in each replication. */
interface Judged {
  /** met[r][q], or null when judged on the year. */
  readonly quarterMet: boolean[][] | null;
  /** met[r] on the year, or null when the runs give no year value. */
  readonly yearMet: boolean[] | null;
}

function notNull(value: number | null): value is number {
  return value !== null;
}

function checkRuns(fn: string, samples: readonly MeasuredRun[]): string[] {
  if (samples.length === 0) {
    throw new RangeError(`${fn}: samples must hold at least one replication (got 0)`);
  }
  const periods = (samples[0] as MeasuredRun).quarters.map((q) => q.period);
  samples.forEach((run, r) => {
    const mine = run.quarters.map((q) => q.period);
    if (mine.length !== periods.length || mine.some((p, q) => p !== periods[q])) {
      throw new RangeError(
        `${fn}: samples[${r}] must have the quarters of samples[0] (${periods.join(', ')}; got ${mine.join(', ')})`,
      );
    }
  });
  return periods;
}

/**
 * Fill in a target table from replications: for every indicator of the set,
 * in its order, the predicted value (mean across replications) and its 90%
 * range (5th to 95th percentile), the probability of meeting the target in
 * each quarter, in all of them, and on the year, each with its Wilson score
 * interval, and a verdict; then the quarterly assessments (every
 * quarter-judged indicator met in the quarter), the probability that all
 * four pass, and that every measured indicator is met.
 *
 * Rules:
 * - an indicator is judged per quarter when any run gives its key in a
 *   quarter, else on the year; a `null` value (nothing happened: no fault, no
 *   call) counts as met;
 * - an indicator is `'not simulated'` when it is qualitative (no comparison or
 *   no KPI; the reason quotes the file's `modelledBy`), or when no run gives
 *   its key;
 * - verdict (`decideProbability`): `'pass'` when the Wilson interval of the
 *   probability of meeting (all quarters, or the year) lies at or above
 *   `confidence`, `'fail'` when it lies below, `'undecided'` when it straddles
 *   it (more replications needed); the table is judged so on the probability
 *   of meeting every measured indicator.
 *
 * @param targets the target set (its indicators in the document's order)
 * @param samples one `MeasuredRun` per replication, all with the same quarters
 * @param options answer-rate definition, service-level threshold, interval level, confidence
 * @returns the table, the quarterly assessments and the verdicts
 * @throws {RangeError} when `samples` is empty or the runs' quarters differ, or `level` or `confidence` is outside its range
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const result = await replicate(base, { replications: 2, seed: 1, workers: 0 });
 * const table = assessTargets(targets, result.runs.map((run) => measuredRunFromSimulation(run)), { answerWithinSeconds: 15 });
 * table.rows.find((row) => row.id === 'answerRate')?.allQuarters;
 * // => { successes: 2, trials: 2, probability: 1, low: 0.3424, high: 1 } (met in both: too few to show 90%)
 */
export function assessTargets(
  targets: TargetSet,
  samples: readonly MeasuredRun[],
  options: AssessTargetsOptions = {},
): TargetAssessment {
  const fn = 'assessTargets';
  const periods = checkRuns(fn, samples);
  const level = options.level ?? 0.95;
  requireInRange(fn, 'level', level, Number.MIN_VALUE, 1 - Number.EPSILON);
  const confidence = options.confidence ?? 0.9;
  requireInRange(fn, 'confidence', confidence, 0, 1);
  const n = samples.length;
  const count = (test: (r: number) => boolean): ProbabilityEstimate => {
    let successes = 0;
    for (let r = 0; r < n; r++) if (test(r)) successes++;
    return wilsonInterval(successes, n, level);
  };
  const verdictOf = (estimate: ProbabilityEstimate): TargetVerdict => decideProbability(estimate, confidence);
  const judged: Judged[] = [];
  const rows = targets.indicators.map((indicator): TargetRow => {
    const base = {
      id: indicator.id,
      level1: { zh: indicator.level1.zh, en: indicator.level1.en },
      level2: { zh: indicator.level2.zh, en: indicator.level2.en },
      name: { zh: indicator.name.zh, en: indicator.name.en },
      target: formatTarget(indicator),
      comparison: indicator.comparison,
      value: indicator.value,
      unit: indicator.unit,
    };
    const notSimulated = (reason: string): TargetRow => ({
      ...base,
      status: 'not simulated',
      reason,
      measuredBy: null,
      measuredAs: null,
      judgedOn: null,
      mean: null,
      p05: null,
      p95: null,
      valuesCounted: 0,
      quarters: periods.map((period) => ({ period, estimate: null, value: null })),
      allQuarters: null,
      year: null,
      probability: null,
      verdict: null,
    });
    const measure = resolveMeasure(indicator, options);
    if (measure.key === null) return notSimulated(measure.reason);
    const { key, scale } = measure;
    const inQuarters = samples.some((run) => run.quarters.some((q) => q.values[key] !== undefined));
    const inYear = samples.some((run) => run.year[key] !== undefined);
    if (!inQuarters && !inYear) {
      return notSimulated(`not simulated (the runs do not measure ${key}; ${indicator.modelledBy})`);
    }
    const scaled = (value: number | null | undefined): number | null =>
      value === null || value === undefined ? null : value * scale;
    const met = (value: number | null): boolean => value === null || meetsIndicator(indicator, value);
    const yearValues = samples.map((run) => scaled(run.year[key]));
    const quarterValues = samples.map((run) => run.quarters.map((q) => scaled(q.values[key])));
    const quarterMet = inQuarters ? quarterValues.map((values) => values.map(met)) : null;
    const yearMet = inYear ? yearValues.map(met) : null;
    judged.push({ quarterMet, yearMet });
    const sample = (inYear ? yearValues : quarterValues.flat()).filter(notNull);
    const quarters = periods.map((period, q) => {
      const values = inQuarters ? quarterValues.map((run) => run[q] ?? null).filter(notNull) : [];
      return {
        period,
        estimate: quarterMet === null ? null : count((r) => quarterMet[r]?.[q] === true),
        value:
          values.length === 0
            ? null
            : {
                mean: values.reduce((a, b) => a + b, 0) / values.length,
                p05: percentile(values, 0.05),
                p95: percentile(values, 0.95),
              },
      };
    });
    const allQuarters = quarterMet === null ? null : count((r) => (quarterMet[r] ?? []).every(Boolean));
    const year = yearMet === null ? null : count((r) => yearMet[r] === true);
    const probability = (allQuarters ?? year) as ProbabilityEstimate;
    return {
      ...base,
      status: 'measured',
      reason:
        sample.length === 0 ? 'no value in any replication (nothing happened to fail: counts as met)' : null,
      measuredBy: key,
      measuredAs: describeMeasure(key),
      judgedOn: inQuarters ? 'quarters' : 'year',
      mean: sample.length === 0 ? null : sample.reduce((a, b) => a + b, 0) / sample.length,
      p05: sample.length === 0 ? null : percentile(sample, 0.05),
      p95: sample.length === 0 ? null : percentile(sample, 0.95),
      valuesCounted: sample.length,
      quarters,
      allQuarters,
      year,
      probability,
      verdict: verdictOf(probability),
    };
  });
  const passedQuartersByReplication = samples.map((_, r) =>
    periods.map((__, q) => judged.every((j) => j.quarterMet === null || j.quarterMet[r]?.[q] === true)),
  );
  const meetsAllByReplication = samples.map(
    (_, r) =>
      (passedQuartersByReplication[r] ?? []).every(Boolean) &&
      judged.every((j) => j.quarterMet !== null || j.yearMet === null || j.yearMet[r] === true),
  );
  const allTargets = count((r) => meetsAllByReplication[r] === true);
  return {
    targetSetId: targets.id,
    title: { zh: targets.title.zh, en: targets.title.en },
    replications: n,
    level,
    confidence,
    rule: assessmentRule(confidence, level),
    rows,
    quarterly: periods.map((period, q) => ({
      period,
      allMet: count((r) => passedQuartersByReplication[r]?.[q] === true),
    })),
    allQuarters: count((r) => (passedQuartersByReplication[r] ?? []).every(Boolean)),
    allTargets,
    passedQuartersByReplication,
    meetsAllByReplication,
    verdict: verdictOf(allTargets),
  };
}

/**
 * `assessTargets`' verdict rule in words, for reports and command output.
 *
 * @param confidence the probability p a target must be met with, in [0, 1]
 * @param level the confidence level of the probability's interval, in (0, 1)
 * @returns the rule
 * @example
 * assessmentRule(0.9, 0.95);
 * // => 'pass when the 95% interval of the probability of meeting the target (in every quarter, or on the year for a yearly indicator) lies at or above 0.9, fail when it lies below, and more replications needed when it straddles 0.9; a quarter passes its assessment when every quarterly indicator is met'
 */
export function assessmentRule(confidence: number, level: number): string {
  return (
    `pass when the ${Math.round(level * 100)}% interval of the probability of meeting the target (in every quarter, ` +
    `or on the year for a yearly indicator) lies at or above ${confidence}, fail when it lies below, and more ` +
    `replications needed when it straddles ${confidence}; a quarter passes its assessment when every quarterly ` +
    `indicator is met`
  );
}

/**
 * A target table judged again at another probability p, by `assessTargets`'
 * rule (`decideProbability`: pass when the interval lies at or above p, fail
 * when below, undecided between), for each measured row and for the table;
 * the probabilities and intervals are unchanged. For an evaluation judged at
 * a default p (`leastBudget`'s) shown at the plan's.
 *
 * @param table a table from `assessTargets`
 * @param confidence the new p, in [0, 1]
 * @returns `table` itself when judged at p already, else a copy with the verdicts and rule at p
 * @throws {RangeError} when `confidence` is outside [0, 1]
 * @example
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const runs = [0.85, 0.83, 0.79].map((answerRate) => ({ quarters: [{ period: '2020-Q1', values: { answerRate } }], year: {} }));
 * const table = assessTargets(targets, runs, { confidence: 0.5, answerWithinSeconds: 15 });
 * [table.verdict, assessmentAtConfidence(table, 0.99).verdict]; // => ['undecided', 'fail'] (2 of 3: [20.8%, 93.9%])
 */
export function assessmentAtConfidence(table: TargetAssessment, confidence: number): TargetAssessment {
  requireInRange('assessmentAtConfidence', 'confidence', confidence, 0, 1);
  if (table.confidence === confidence) return table;
  const verdict = (estimate: ProbabilityEstimate): TargetVerdict => decideProbability(estimate, confidence);
  return {
    ...table,
    confidence,
    rule: assessmentRule(confidence, table.level),
    rows: table.rows.map((row) =>
      row.verdict === null || row.probability === null ? row : { ...row, verdict: verdict(row.probability) },
    ),
    verdict: verdict(table.allTargets),
  };
}

/**
 * Which quarterly assessments one replication passes: in each quarter, every
 * indicator of the set that the run measures in quarters is met (a `null`
 * value counts as met). The check a quarterly settlement needs before its
 * deductions (see `withBudgetMeasures`).
 *
 * @param targets the target set
 * @param run one replication's measured values
 * @param options answer-rate definition and service-level threshold, as for `assessTargets`
 * @returns one boolean per quarter of the run, Q1 first
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const run = { quarters: [{ period: '2020-Q1', values: { answerRate: 0.85 } }, { period: '2020-Q2', values: { answerRate: 0.79 } }], year: {} };
 * quarterAssessments(targets, run, { answerWithinSeconds: 15 }); // => [true, false] (the answer rate is above 80% in Q1 only)
 */
export function quarterAssessments(
  targets: TargetSet,
  run: MeasuredRun,
  options: Pick<
    AssessTargetsOptions,
    'answerRateDefinition' | 'answerWithinSeconds' | 'channelAnswerWithinSeconds'
  > = {},
): boolean[] {
  const checks = targets.indicators.flatMap((indicator) => {
    const measure = resolveMeasure(indicator, options);
    return measure.key === null ? [] : [{ indicator, key: measure.key, scale: measure.scale }];
  });
  return run.quarters.map((q) =>
    checks.every(({ indicator, key, scale }) => {
      const value = q.values[key];
      return value === null || value === undefined || meetsIndicator(indicator, value * scale);
    }),
  );
}
