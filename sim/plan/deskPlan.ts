import { meetsIndicator, type TargetIndicator, type TargetKpi, type TargetSet } from '../core/targets.js';
import {
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requirePositiveInteger,
} from '../core/validate.js';
import { deskKpisOf, simulateDesk } from '../model/desk/simulateDesk.js';
import type { DeskKpis, DeskPeriodRow, DeskResult, DeskSpec } from '../model/desk/types.js';
import { summarise, summariseProportion, type Summary } from '../stats/summarise.js';
import {
  assessTargets,
  type AssessTargetsOptions,
  type MeasuredRun,
  type TargetAssessment,
} from './assessTargets.js';
import { wilsonInterval, type ProbabilityEstimate } from './evaluatePlan.js';

/** The desk's KPIs that take a number (all of `DeskKpis`). */
export type DeskKpiName = keyof DeskKpis;

/** Every desk KPI, in the order reports show them. */
export const DESK_KPI_NAMES: readonly DeskKpiName[] = [
  'transferAnswerRate',
  'serviceLevel',
  'firstContactRate',
  'onTimeCompletionRate',
  'resolutionRate',
  'satisfaction',
  'utilisation',
  'turnoverRate',
  'backlogAtEnd',
  'overdueAtEnd',
];

/**
 * The desk KPIs that are proportions of their denominator, in [0, 1], whose
 * intervals come from `summariseProportion`; utilisation (above 1 with
 * overtime), the annualised turnover and the counts at the end are not.
 */
export const DESK_PROPORTION_KPIS: ReadonlySet<DeskKpiName> = new Set<DeskKpiName>([
  'transferAnswerRate',
  'serviceLevel',
  'firstContactRate',
  'onTimeCompletionRate',
  'resolutionRate',
  'satisfaction',
]);

/** The target KPI (`TargetIndicator.kpi`) that each desk KPI measures, where one does. */
export const DESK_TARGET_KPI: Readonly<Partial<Record<DeskKpiName, TargetKpi>>> = {
  transferAnswerRate: 'answerRate',
  firstContactRate: 'firstContactRate',
  onTimeCompletionRate: 'onTimeCompletionRate',
  resolutionRate: 'resolutionRate',
  satisfaction: 'satisfaction',
  turnoverRate: 'turnoverRate',
};

/** Options of `replicateDesk`. */
export interface ReplicateDeskOptions {
  /** Replications, a positive integer. */
  readonly replications: number;
  /**
   * Seed; replication r uses the streams of (seed, r), so two specs run with
   * the same seed share their calls and orders (common random numbers).
   *
   * __Default value:__ `1`
   */
  readonly seed?: number;
  /** Called after each replication with the number done. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Run the desk `replications` times, replication r with the streams of
 * (seed, r). Runs in this thread, one after another (a desk year takes about
 * a second).
 *
 * @param spec the desk (its `seed` and `replication` are replaced)
 * @param options replications, seed, progress callback
 * @returns one result per replication, in order
 * @throws {RangeError} when `replications` is not a positive integer or the spec is invalid
 * @example
 * const runs = replicateDesk({ policy: { kind: 'phoneFirst' } }, { replications: 20, seed: 7 });
 * runs.length; // => 20
 */
export function replicateDesk(spec: DeskSpec, options: ReplicateDeskOptions): DeskResult[] {
  const fn = 'replicateDesk';
  requirePositiveInteger(fn, 'replications', options.replications);
  const seed = options.seed ?? 1;
  requireNonNegativeInteger(fn, 'seed', seed);
  const out: DeskResult[] = [];
  for (let r = 0; r < options.replications; r++) {
    out.push(simulateDesk({ ...spec, seed, replication: r }));
    options.onProgress?.(r + 1, options.replications);
  }
  return out;
}

/** The desk's budget, for the 预算执行率 indicator. */
export interface DeskBudget {
  /** The year's budget, yuan (SEED: 6,836,000). */
  readonly budgetYuan: number;
  /** Loaded cost of one staff member on payroll for a year, yuan (6,836,000 / 50 = 136,720 [D]). */
  readonly costPerStaffYearYuan: number;
}

/** The 2020 desk budget (SEED project 2) and the cost per staff-year it implies for 50 staff (FACTS §7.2 [D]). */
export const DESK_BUDGET_2020: DeskBudget = { budgetYuan: 6_836_000, costPerStaffYearYuan: 136_720 };

/**
 * One desk replication as measured values for `assessTargets`: per quarter,
 * the transfer answer rate (as `answerRate`), the service level, 先行联系率,
 * 按时办结率, 诉求解决率 and 市民满意率; on the year, the same, the realised
 * turnover (judged on the year only) and, when a budget is given, the budget
 * execution rate: average payroll x cost per staff-year over the year's
 * budget (payroll spend only: the desk's budget is settled on payroll), that
 * is, the spend at the horizon's rate for a whole year, so a horizon shorter
 * than the year is judged at its own pace.
 *
 * @param result one replication of `simulateDesk`
 * @param budget the budget, for `budgetExecutionRate`; none by default
 * @returns the measured run
 * @example
 * deskMeasuredRun(simulateDesk({ days: 60, seed: 1 }), DESK_BUDGET_2020).year.turnoverRate; // => 0.1227
 */
export function deskMeasuredRun(result: DeskResult, budget?: DeskBudget): MeasuredRun {
  const values = (row: DeskPeriodRow) => {
    const k = deskKpisOf(row);
    return {
      answerRate: k.transferAnswerRate,
      serviceLevel: k.serviceLevel,
      firstContactRate: k.firstContactRate,
      onTimeCompletionRate: k.onTimeCompletionRate,
      resolutionRate: k.resolutionRate,
      satisfaction: k.satisfaction,
    };
  };
  const total = result.total;
  const year: Record<string, number | null> = {
    ...values(total),
    turnoverRate: deskKpisOf(total).turnoverRate,
  };
  if (budget !== undefined) {
    requireNonNegativeFinite('deskMeasuredRun', 'budget.costPerStaffYearYuan', budget.costPerStaffYearYuan);
    year.budgetExecutionRate =
      budget.budgetYuan > 0 ? (total.averagePayroll * budget.costPerStaffYearYuan) / budget.budgetYuan : null;
  }
  return {
    quarters: result.quarters.map((q) => ({ period: q.period, values: values(q) })),
    year,
  };
}

/**
 * The desk's own target table (SEED project 2, `data/targets/shanghai-12345-desk-2020.json`)
 * from desk replications, by the same evaluator as the 12333 table
 * (`assessTargets`): each indicator's predicted value, 90% range and
 * probability of being met per quarter, in all four and on the year.
 *
 * @param targets the desk's target set
 * @param runs replications of `simulateDesk` (`replicateDesk`), all over the same horizon
 * @param options the budget (`DESK_BUDGET_2020` by default; `null` leaves 预算执行率 not simulated),
 *   and `assessTargets`' options (the service-level threshold defaults to the desk's 15 s)
 * @returns the filled-in table
 * @throws {RangeError} when `runs` is empty or their quarters differ
 * @example
 * const targets = readTargetSet('data/targets/shanghai-12345-desk-2020.json');
 * const table = deskTargetTable(targets, replicateDesk({ days: 30 }, { replications: 2 }));
 * table.rows.find((row) => row.id === 'onTimeCompletion')?.probability?.probability; // => 1
 */
export function deskTargetTable(
  targets: TargetSet,
  runs: readonly DeskResult[],
  options: AssessTargetsOptions & { budget?: DeskBudget | null } = {},
): TargetAssessment {
  const budget = options.budget === undefined ? DESK_BUDGET_2020 : options.budget;
  const measured = runs.map((run) => deskMeasuredRun(run, budget ?? undefined));
  return assessTargets(targets, measured, { answerWithinSeconds: 15, ...options });
}

/** One desk KPI over replications in one period. */
export interface DeskKpiSummary {
  /** Across replications (replications where the KPI had no value are left out); null when none had one. */
  readonly summary: Summary | null;
  /**
   * Probability of meeting the KPI's target in this period (a replication
   * without a value counts as met), with its Wilson interval; null when the
   * target set has no numeric indicator for it.
   */
  readonly meetsTarget: ProbabilityEstimate | null;
}

/** The desk's KPIs in one period over replications. */
export interface DeskPeriodSummary {
  /** The period label (first day of a week, `YYYY-MM`, `YYYY-Qn`, or the horizon's). */
  readonly period: string;
  readonly kpis: Readonly<Record<DeskKpiName, DeskKpiSummary>>;
}

/** Which rows of a desk result to summarise. */
export type DeskPeriodKind = 'weeks' | 'months' | 'quarters' | 'total';

function indicatorFor(targets: TargetSet | undefined, name: DeskKpiName): TargetIndicator | undefined {
  const kpi = DESK_TARGET_KPI[name];
  if (targets === undefined || kpi === undefined) return undefined;
  return targets.indicators.find(
    (i) => i.kpi === kpi && i.comparison !== null && typeof i.value === 'number',
  );
}

/**
 * The desk's KPIs by week, month, quarter or over the horizon, across
 * replications: each with its mean, confidence interval of the mean and 90%
 * range (`summarise`), and the probability of meeting its target in that
 * period (Wilson interval). Turnover per period is annualised
 * (leavers / average payroll x 365 / days), so a short period is noisy.
 *
 * @param runs replications over the same horizon
 * @param by which periods
 * @param options the target set (for the probabilities) and the confidence level
 * @returns one summary per period, in order
 * @throws {RangeError} when `runs` is empty
 * @example
 * const targets = readTargetSet('data/targets/shanghai-12345-desk-2020.json');
 * const runs = replicateDesk({ days: 60 }, { replications: 2 });
 * const months = summariseDesk(runs, 'months', { targets });
 * [months.length, months[1]?.kpis.onTimeCompletionRate.summary?.mean]; // => [2, 1]
 */
export function summariseDesk(
  runs: readonly DeskResult[],
  by: DeskPeriodKind,
  options: { targets?: TargetSet; level?: number } = {},
): DeskPeriodSummary[] {
  if (runs.length === 0)
    throw new RangeError('summariseDesk: runs must hold at least one replication (got 0)');
  const level = options.level ?? 0.95;
  const rowsOf = (run: DeskResult): readonly DeskPeriodRow[] => (by === 'total' ? [run.total] : run[by]);
  const first = rowsOf(runs[0] as DeskResult);
  return first.map((row, p) => {
    const kpisByRun = runs.map((run) => {
      const r = rowsOf(run)[p];
      if (r === undefined || r.period !== row.period) {
        throw new RangeError(
          `summariseDesk: runs must cover the same periods (got ${r?.period} and ${row.period})`,
        );
      }
      return deskKpisOf(r);
    });
    const kpis = {} as Record<DeskKpiName, DeskKpiSummary>;
    for (const name of DESK_KPI_NAMES) {
      const values = kpisByRun.map((k) => k[name]);
      const present = values.filter((v): v is number => v !== null);
      const indicator = indicatorFor(options.targets, name);
      kpis[name] = {
        summary:
          present.length === 0
            ? null
            : DESK_PROPORTION_KPIS.has(name)
              ? summariseProportion(present, level)
              : summarise(present, level),
        meetsTarget:
          indicator === undefined
            ? null
            : wilsonInterval(
                values.filter((v) => v === null || meetsIndicator(indicator, v)).length,
                values.length,
                level,
              ),
      };
    }
    return { period: row.period, kpis };
  });
}

/** One alternative in a policy comparison. */
export interface DeskAlternative {
  /** Label for tables and charts: `10 on the phones`, `phone first`. */
  readonly label: string;
  /** Changes to the base spec (a policy, a volume...). */
  readonly spec: DeskSpec;
}

/** One alternative's results in a comparison. */
export interface DeskComparisonRow {
  readonly label: string;
  /** The horizon's KPIs across replications, with the probability of meeting each target on the horizon. */
  readonly total: DeskPeriodSummary;
  /** The KPIs by quarter. */
  readonly quarters: readonly DeskPeriodSummary[];
  /** The target table (`deskTargetTable`) when a target set is given. */
  readonly table: TargetAssessment | null;
}

/**
 * Compare desk alternatives (policies, numbers on the phones, volumes) under
 * common random numbers: every alternative runs replications 0..n-1 of the
 * same seed, so they see the same calls and orders, and differences come from
 * the change, not from luck.
 *
 * @param base the spec every alternative starts from
 * @param alternatives labels and the changes each makes (merged over `base`, section by section)
 * @param options replications, seed, and the target set for the probabilities and tables
 * @returns one row per alternative, in order
 * @throws {RangeError} when `alternatives` is empty or a spec is invalid
 * @example
 * const targets = readTargetSet('data/targets/shanghai-12345-desk-2020.json');
 * const compared = compareDeskPolicies({ days: 30 }, [
 *   { label: 'dedicated 8', spec: { policy: { kind: 'dedicated', phoneStaff: 8 } } },
 *   { label: 'phone first', spec: { policy: { kind: 'phoneFirst' } } },
 * ], { replications: 2, targets });
 * compared.map((row) => row.label); // => ['dedicated 8', 'phone first']
 */
export function compareDeskPolicies(
  base: DeskSpec,
  alternatives: readonly DeskAlternative[],
  options: ReplicateDeskOptions & { targets?: TargetSet },
): DeskComparisonRow[] {
  if (alternatives.length === 0) {
    throw new RangeError('compareDeskPolicies: alternatives must hold at least one (got 0)');
  }
  return alternatives.map((alternative) => {
    const spec: DeskSpec = {
      ...base,
      ...alternative.spec,
      calls: { ...base.calls, ...alternative.spec.calls },
      workOrders: { ...base.workOrders, ...alternative.spec.workOrders },
    };
    const runs = replicateDesk(spec, options);
    const summaryOptions = options.targets === undefined ? {} : { targets: options.targets };
    const [total] = summariseDesk(runs, 'total', summaryOptions);
    return {
      label: alternative.label,
      total: total as DeskPeriodSummary,
      quarters: summariseDesk(runs, 'quarters', summaryOptions),
      table: options.targets === undefined ? null : deskTargetTable(options.targets, runs),
    };
  });
}
