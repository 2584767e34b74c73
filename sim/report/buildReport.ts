import { staffingPlan } from '../analytic/staffingPlan.js';
import { budgetExecution } from '../budget/budgetExecution.js';
import { costOfPlan } from '../budget/costOfPlan.js';
import type { BudgetLines, PlanCost, UnitCosts } from '../budget/types.js';
import type { AnswerRateDefinition, TargetSet } from '../core/targets.js';
import type { ScenarioFile } from '../io/scenarioFile.js';
import { distributionMean } from '../model/distributions.js';
import { agentsPerInterval, expectedArrivalsPerInterval } from '../model/scenario.js';
import { KPI_DEFINITIONS } from '../model/kpis.js';
import type { Kpis, Scenario } from '../model/types.js';
import { assessTargets, type TargetAssessment } from '../plan/assessTargets.js';
import { measuredRunFromSimulation, planCostsOfRuns, withBudgetMeasures } from '../plan/measuredRuns.js';
import type { ReplicationResult } from '../plan/replicate.js';
import type { SensitivityRow } from '../plan/sensitivity.js';
import type { Summary } from '../stats/summarise.js';
import { percent, predictedValue, yuan } from './format.js';
import type {
  Bilingual,
  RealCallCenterCheck,
  Report,
  ReportAssumption,
  ReportBudget,
  ReportMethod,
  ReportQuarter,
  ReportRisks,
  ReportSampleRun,
  ReportSection,
  ReportStaffing,
  ReportSummary,
  ReportTargetRow,
  ReportTargetTable,
  TheoryCheck,
} from './types.js';

/** The staff, seats and unit costs a plan is costed with (the budget section). */
export interface ReportCostModel {
  /** Average staff on payroll over the year. */
  staffOnPayroll: number;
  /** Seats rented over the year. */
  seats: number;
  /** New hires over the year (spread evenly over the months). */
  hiresPerYear: number;
  unitCosts: UnitCosts;
  /** Where the figures come from, in words (shown in the report). */
  basis: string;
}

/** What `buildReport` turns into a report: the results already computed, no I/O. */
export interface ReportInputs {
  /** The scenario file read (meta: name, sources, budget, targets). */
  file: ScenarioFile;
  /** The scenario as simulated (the file's, or its first days). */
  scenario: Scenario;
  /** The replications of `scenario`. */
  result: ReplicationResult;
  /**
   * The targets to judge against.
   *
   * __Default value:__ the scenario file's (`file.meta.targets`), or none
   */
  targets?: { set: TargetSet; answerRateDefinition: AnswerRateDefinition } | null;
  /** Staff, seats and unit costs for the budget lines; null: the budget lines alone. __Default value:__ `null` */
  costModel?: ReportCostModel | null;
  /** A sensitivity run (`sensitivity` of plan/) and how it was run. __Default value:__ `null` */
  sensitivity?: { days: number; replications: number; seed: number; rows: readonly SensitivityRow[] } | null;
  /** The simulator against Erlang A (`theoryCheck`). __Default value:__ `null` */
  theory?: TheoryCheck | null;
  /** The simulator against real records (`realCallCenterCheck`). __Default value:__ `null` */
  realCallCenter?: RealCallCenterCheck | null;
  /** Why a check was left out, shown under the method. __Default value:__ none */
  notes?: readonly string[];
  /** Further sections, shown in the performance-target section after the first table (e.g. the 12345 desk). __Default value:__ none */
  sections?: readonly ReportSection[];
  /**
   * Sentences added at the end of the verdict paragraph (e.g. one on the 12345
   * desk, judged in its own section); they do not change `verdict.pass`.
   * __Default value:__ none
   */
  verdictNotes?: readonly Bilingual[];
  /** The program that made the report: its version and the command line. */
  generator: { version: string; command: string };
}

const ASSUMPTION_LABELS: Record<string, Bilingual> = {
  baseline: { zh: '基准', en: 'baseline' },
  volume: { zh: '话务量', en: 'call volume' },
  handle: { zh: '平均处理时长', en: 'mean handle time' },
  patience: { zh: '来电者耐心', en: 'caller patience' },
  redialProbability: { zh: '重拨概率', en: 'redial probability' },
  turnover: { zh: '人员流失率', en: 'staff turnover' },
};

const COST_LINE_LABELS: Record<string, Bilingual> = {
  seatStaff: { zh: '座席人员费用', en: 'seat staff' },
  systemRunning: { zh: '系统运行费用', en: 'system running' },
  recruitmentAndTraining: { zh: '招聘与培训', en: 'recruitment and training' },
  managementFee: { zh: '管理费', en: 'management fee' },
};

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function reportSummary(summary: Summary | null, scale = 1): ReportSummary | null {
  if (summary === null) return null;
  const ciLow = finiteOrNull(summary.ciLow);
  const ciHigh = finiteOrNull(summary.ciHigh);
  return {
    mean: summary.mean * scale,
    p05: summary.p05 * scale,
    p95: summary.p95 * scale,
    ciLow: ciLow === null ? null : ciLow * scale,
    ciHigh: ciHigh === null ? null : ciHigh * scale,
  };
}

/** `YYYY-MM-DDTHH:MM` of an instant `seconds` after midnight of `startDate`. */
function localStamp(startDate: string, seconds: number): string {
  const ms = Date.parse(`${startDate}T00:00:00Z`) + seconds * 1000;
  return new Date(ms).toISOString().slice(0, 16);
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The budget-execution indicator's target of a set, when it has one. */
function executionTarget(set: TargetSet | undefined): number | null {
  const indicator = set?.indicators.find((i) => i.kpi === 'budgetExecutionRate');
  return indicator && typeof indicator.value === 'number' ? indicator.value : null;
}

/** The mean of plan costs (each line, each budget line, each quarter and the year). */
function meanCost(costs: readonly PlanCost[]): PlanCost {
  const n = costs.length;
  const first = costs[0] as PlanCost;
  const mean = (pick: (cost: PlanCost) => number): number => costs.reduce((sum, c) => sum + pick(c), 0) / n;
  return {
    lines: first.lines.map((line, i) => ({
      ...line,
      quarters: line.quarters.map((_, q) => mean((c) => c.lines[i]?.quarters[q] ?? 0)),
      year: mean((c) => c.lines[i]?.year ?? 0),
    })),
    byBudgetLine: {
      seatRental: mean((c) => c.byBudgetLine.seatRental),
      managementFee: mean((c) => c.byBudgetLine.managementFee),
    },
    quarters: first.quarters.map((_, q) => mean((c) => c.quarters[q] ?? 0)),
    year: mean((c) => c.year),
  };
}

/**
 * Each replication's plan cost from its simulated workforce, when the runs
 * cover the 12 months of a year and kept their workforce; null otherwise (the
 * cost model's fixed staff are used).
 */
function costsOfRuns(result: ReplicationResult, costModel: ReportCostModel | null): PlanCost[] | null {
  if (costModel === null || result.runs.some((run) => run.workforce?.months.length !== 12)) return null;
  return planCostsOfRuns(result.runs, costModel.seats, costModel.unitCosts);
}

function budgetSection(
  file: ScenarioFile,
  costModel: ReportCostModel | null,
  set: TargetSet | undefined,
  runCosts: PlanCost[] | null,
): { section: ReportBudget; cost: PlanCost | PlanCost[] | null; lines: BudgetLines | null } | null {
  const budget = file.meta.budget;
  if (!budget) return null;
  const lines: ReportBudget['lines'] = [];
  if (budget.seatRentalYuan !== undefined)
    lines.push({
      id: 'seatRental',
      name: { zh: '坐席租赁费', en: 'seat rental (staff + system)' },
      budgetYuan: budget.seatRentalYuan,
      plannedYuan: null,
      executionRate: null,
    });
  if (budget.managementFeeYuan !== undefined)
    lines.push({
      id: 'managementFee',
      name: { zh: '管理费', en: 'management fee' },
      budgetYuan: budget.managementFeeYuan,
      plannedYuan: null,
      executionRate: null,
    });
  if (budget.payrollYuan !== undefined)
    lines.push({
      id: 'payroll',
      name: { zh: '人员经费', en: 'payroll' },
      budgetYuan: budget.payrollYuan,
      plannedYuan: null,
      executionRate: null,
    });
  const previous = budget.previousYearTotalYuan ?? null;
  const base = {
    statedTotalYuan: budget.statedTotalYuan,
    previousYearTotalYuan: previous,
    changeFromPreviousYear: previous !== null && previous > 0 ? budget.statedTotalYuan / previous - 1 : null,
  };
  if (costModel === null || budget.seatRentalYuan === undefined || budget.managementFeeYuan === undefined) {
    return {
      section: {
        lines,
        ...base,
        cost: null,
        note:
          costModel === null
            ? 'no cost model for this scenario: the budget lines are shown, the execution rate is not computed'
            : 'the cost model needs a seat-rental and a management-fee line; this budget has other lines',
      },
      cost: null,
      lines: null,
    };
  }
  const months = (value: number): number[] => Array.from({ length: 12 }, () => value);
  const fixed = costOfPlan(
    {
      staffOnPayroll: months(costModel.staffOnPayroll),
      seats: months(costModel.seats),
      hires: months(costModel.hiresPerYear / 12),
    },
    costModel.unitCosts,
  );
  const costs = runCosts ?? [fixed];
  const cost = meanCost(costs);
  const budgetLines: BudgetLines = {
    seatRental: budget.seatRentalYuan,
    managementFee: budget.managementFeeYuan,
  };
  const target = executionTarget(set);
  const execution = budgetExecution(cost.byBudgetLine, budgetLines, target ?? 0);
  for (const line of lines) {
    if (line.id === 'seatRental' || line.id === 'managementFee') {
      line.plannedYuan = cost.byBudgetLine[line.id];
      line.executionRate = execution.byLine[line.id];
    }
  }
  const section: ReportBudget = {
    lines,
    ...base,
    cost: {
      lines: cost.lines.map((line) => ({
        name: line.name,
        label: COST_LINE_LABELS[line.name] ?? { zh: line.name, en: line.name },
        budgetLine: line.budgetLine,
        yuan: line.year,
      })),
      totalYuan: cost.year,
      executionRate: execution.rate,
      executionTarget: target,
      meetsExecutionTarget: target === null ? null : execution.meetsTarget,
      overspentLines: [...execution.overspentLines],
      basis: runCosts
        ? `payroll and hires of each replication's simulated workforce (churn, hiring, training), mean over ` +
          `${runCosts.length} replications; ${costModel.seats} seats; unit costs as in ${costModel.basis}`
        : costModel.basis,
    },
    note: '',
  };
  return { section, cost: runCosts ?? fixed, lines: budgetLines };
}

/**
 * A filled-in target table (`assessTargets`, or the 12345 desk's
 * `deskTargetTable`) as the report's table: every row in the document's
 * order. Use it to add another project's table to a report as a section:
 * `sections: [{ id: 'desk', title, blocks: [{ kind: 'targets', table }] }]`.
 *
 * @param set the target set (title and source)
 * @param assessment the filled-in table
 * @param answerRateDefinition which answer rate judged `answerRate` rows
 * @returns the table for `ReportInputs.sections` or `Report.targets`
 * @example
 * const table = reportTargetTable(deskTargets, deskTargetTable(deskTargets, runs), 'perAttempt');
 */
export function reportTargetTable(
  set: TargetSet,
  assessment: TargetAssessment,
  answerRateDefinition: AnswerRateDefinition,
): ReportTargetTable {
  return {
    id: set.id,
    title: { ...set.title },
    source: set.source,
    answerRateDefinition,
    rule: assessment.rule,
    confidence: assessment.confidence,
    rows: targetRows(assessment),
  };
}

function targetRows(assessment: TargetAssessment): ReportTargetRow[] {
  return assessment.rows.map((row) => ({
    id: row.id,
    level1: { ...row.level1 },
    level2: { ...row.level2 },
    name: { ...row.name },
    target: row.target,
    comparison: row.comparison,
    value: row.value,
    unit: row.unit,
    measuredBy: row.measuredBy,
    judgedOn: row.judgedOn,
    mean: row.mean,
    p05: row.p05,
    p95: row.p95,
    probability: row.probability ? { ...row.probability } : null,
    quarterProbabilities:
      row.judgedOn === 'quarters' ? row.quarters.map((q) => (q.estimate ? { ...q.estimate } : null)) : [],
    status: row.verdict ?? 'notSimulated',
    note: row.reason ?? '',
  }));
}

function staffingSection(scenario: Scenario, set: TargetSet | undefined): ReportStaffing {
  const agents = agentsPerInterval(scenario);
  const entering = expectedArrivalsPerInterval(scenario);
  const agentBound = 1 - (scenario.selfServiceShare ?? 0);
  const intervalHours = scenario.intervalMinutes / 60;
  const perDay = Math.round((24 * 60) / scenario.intervalMinutes);
  const agentHours = agents.reduce((sum, a) => sum + a * intervalHours, 0);
  let peak = 0;
  for (let i = 1; i < agents.length; i++) if ((agents[i] ?? 0) > (agents[peak] ?? 0)) peak = i;
  const days = Math.max(1, Math.floor(agents.length / perDay));
  const slotMean = (values: readonly number[], slot: number): number => {
    let sum = 0;
    for (let d = 0; d < days; d++) sum += values[d * perDay + slot] ?? 0;
    return sum / days;
  };
  const answerRateIndicator = set?.indicators.find((i) => i.kpi === 'answerRate');
  const requirementTarget =
    answerRateIndicator && typeof answerRateIndicator.value === 'number' ? answerRateIndicator.value : 0.8;
  const meanHandleSeconds = distributionMean(scenario.handle);
  const meanPatienceSeconds = scenario.patience ? distributionMean(scenario.patience) : undefined;
  const slots = Array.from({ length: perDay }, (_, slot) => ({
    start: hhmm(slot * scenario.intervalMinutes),
    callsPerHour: (slotMean(entering, slot) * agentBound) / intervalHours,
    scheduledAgents: slotMean(agents, slot),
  }));
  const plan = staffingPlan(
    slots.map((slot) => ({
      start: slot.start,
      arrivalsPerHour: slot.callsPerHour,
      meanHandleSeconds,
      ...(meanPatienceSeconds !== undefined && Number.isFinite(meanPatienceSeconds)
        ? { meanPatienceSeconds }
        : {}),
      answerWithinSeconds: scenario.answerWithinSeconds,
    })),
    { answerRate: requirementTarget },
  );
  return {
    agentHours,
    meanAgents: agents.length > 0 ? agentHours / (agents.length * intervalHours) : 0,
    peakAgents: agents[peak] ?? 0,
    peakInterval: localStamp(scenario.startDate, peak * scenario.intervalMinutes * 60),
    slots: slots.map((slot, i) => ({ ...slot, requiredAgents: plan[i]?.requiredAgents ?? 0 })),
    requirementTarget,
  };
}

/** The value at a JSON path (`arrivals.weekdayFactors`) of the file's data, as short text. */
function valueAt(data: unknown, path: string): string {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 90 ? `${text.slice(0, 87)}...` : text;
}

function assumptionsSection(
  file: ScenarioFile,
  targets: { set: TargetSet } | null,
  costModel: ReportCostModel | null,
  sensitivity: ReportInputs['sensitivity'],
): ReportAssumption[] {
  const rows: ReportAssumption[] = Object.entries(file.meta.sources).map(([parameter, source]) => ({
    parameter,
    value: valueAt(file.meta.data, parameter),
    source,
  }));
  if (targets) {
    rows.push({
      parameter: `targets (${targets.set.id})`,
      value: `${targets.set.indicators.length} indicators`,
      source: targets.set.source,
    });
  }
  if (costModel) {
    rows.push({
      parameter: 'cost model',
      value:
        `${costModel.staffOnPayroll} staff, ${costModel.seats} seats, ${costModel.hiresPerYear} hires a year; ` +
        `wage ${yuan(costModel.unitCosts.loadedWagePerStaffMonth)} yuan/staff-month, system ` +
        `${yuan(costModel.unitCosts.systemCostPerSeatYear)} yuan/seat-year`,
      source: costModel.basis,
    });
  }
  if (sensitivity) {
    const factors = [
      ...new Set(sensitivity.rows.filter((r) => r.assumption !== 'baseline').map((r) => r.factor)),
    ];
    rows.push({
      parameter: 'sensitivity factors',
      value: factors.map((f) => `x${f}`).join(', '),
      source:
        'assumed: REPORT_SENSITIVITY_FACTORS (volume +/-10% and 20%, handle, patience, redials +/-10%, turnover x0.5 and x1.5), one at a time',
    });
  }
  return rows;
}

/** The standing evidence in the test suite (test/validation), in words. */
const VALIDATION_TESTS: ReportMethod['tests'] = [
  {
    file: 'test/validation/queue-vs-theory.validation.test.ts',
    checks: 'the simulator against Erlang B, C and A (M/M/c, M/M/c/c, M/M/c+M) by confidence intervals',
  },
  {
    file: 'test/validation/redials-vs-retrialEquilibrium.validation.test.ts',
    checks: 'redials against the analytic retrial fixed point',
  },
  {
    file: 'test/validation/determinism.validation.test.ts',
    checks: 'identical results for a seed whatever the number of worker threads',
  },
  {
    file: 'test/validation/bank.validation.test.ts',
    checks:
      'calibrated on 1-14 February 1999 of a real bank call center (Anonymous Bank), 15-28 February predicted from their calls and agents only, compared hour by hour (held out)',
  },
];

/** The report's name of each KPI, in the order its definitions list them. */
const KPI_TERMS: { readonly [K in keyof Kpis]: { zh: string; en: string } } = {
  answerRate: { zh: '接通率', en: 'answer rate (per attempt)' },
  callerAnswerRate: { zh: '来电者接通率', en: 'answer rate per caller' },
  answerRateIncludingSelfService: { zh: '含自助接通率', en: 'answer rate including self-service' },
  abandonRate: { zh: '放弃率', en: 'abandon rate' },
  blockRate: { zh: '忙音率', en: 'block rate' },
  faultLossRate: { zh: '故障损失率', en: 'fault loss rate' },
  probWait: { zh: '排队率', en: 'P(wait)' },
  serviceLevel: { zh: '服务水平', en: 'service level' },
  serviceLevelOfAnswered: { zh: '已接通服务水平', en: 'service level of answered' },
  serviceLevelExcludingShortAbandons: {
    zh: '剔除短时放弃的服务水平',
    en: 'service level, short abandons excluded',
  },
  asaSeconds: { zh: '平均应答时间', en: 'ASA' },
  meanWaitSeconds: { zh: '平均等待时间', en: 'mean wait' },
  occupancy: { zh: '座席占用率', en: 'occupancy' },
  meanQueueLength: { zh: '平均排队长度', en: 'mean queue length' },
  satisfaction: { zh: '满意度', en: 'satisfaction' },
  complaintRate: { zh: '投诉率', en: 'complaint rate' },
  qaPassRate: { zh: '质检合格率', en: 'QA pass rate' },
};

function methodSection(
  inputs: ReportInputs,
  scenario: Scenario,
  result: ReplicationResult,
  definition: AnswerRateDefinition | null,
): ReportMethod {
  const t = scenario.answerWithinSeconds;
  const paragraphs = [
    `Discrete-event simulation of every call of the horizon (${scenario.days} days from ${scenario.startDate}, ` +
      `${scenario.intervalMinutes}-minute intervals): arrivals from the scenario's expected calls per interval, ` +
      'handle times, patience, redials and agents per interval as the scenario file states them (see the assumptions).',
    `${result.replications} independent replications (seed ${result.seed}; one named random stream per kind of draw, ` +
      'so results do not depend on the number of worker threads and variants share their random numbers). ' +
      'The predicted value is the mean across replications; the 90% range is the 5th to 95th percentile of the ' +
      'realised value across replications; the probability of meeting a target is the share of replications ' +
      `that meet it in every quarter, with its Wilson ${Math.round(result.level * 100)}% interval. Intervals of the ` +
      'mean of a rate, a service level, occupancy or P(wait) are logit-t intervals on the replications’ values ' +
      '(the Wilson interval when every replication gives 0 or 1), so they stay within 0 and 100%.',
    'Indicators that no simulated quantity measures (management, quality checks, training, faults, complaints, ' +
      'satisfaction) are shown as "not simulated" with the reason; they are not counted in the verdict.',
  ];
  if (definition) paragraphs.push(`The answer-rate target is judged on the ${definition} answer rate.`);
  const definitions: ReportMethod['definitions'] = [
    {
      term: { zh: '呼入量', en: 'offered' },
      definition:
        'every call attempt that reaches the queue for an agent (after self-service); redials count again. ' +
        'Answered, abandoned, blocked and lost to faults are parts of it: their four rates sum to 1, less the ' +
        'attempts still waiting when the run ends',
    },
    ...(Object.keys(KPI_TERMS) as (keyof Kpis)[]).map((kpi) => {
      const d = KPI_DEFINITIONS[kpi];
      const unit = d.proportion ? '' : kpi === 'meanQueueLength' ? ', in callers' : ', in seconds';
      return {
        term: { ...KPI_TERMS[kpi] },
        definition: `${d.numerator} over ${d.denominator}${unit}`.replaceAll('the threshold', `${t} s`),
      };
    }),
  ];
  return {
    paragraphs,
    definitions,
    theory: inputs.theory ?? null,
    realCallCenter: inputs.realCallCenter ?? null,
    notes: [...(inputs.notes ?? [])],
    tests: VALIDATION_TESTS.map((test) => ({ ...test })),
  };
}

function risksSection(
  confidence: number,
  rows: readonly ReportTargetRow[],
  quarters: readonly ReportQuarter[],
  sensitivity: ReportInputs['sensitivity'],
  warnings: readonly string[],
): ReportRisks {
  const statements: string[] = [];
  let safe = 0;
  for (const row of rows) {
    if (row.status === 'notSimulated') continue;
    const yearOnly = row.quarterProbabilities.length === 0;
    let worst = 0;
    row.quarterProbabilities.forEach((p, q) => {
      if ((p?.probability ?? 1) < (row.quarterProbabilities[worst]?.probability ?? 1)) worst = q;
    });
    const p = yearOnly ? row.probability : row.quarterProbabilities[worst];
    if (!p) continue;
    if (p.probability >= confidence) {
      safe++;
      continue;
    }
    const where = yearOnly
      ? 'on the year'
      : `in its weakest quarter, ${quarters[worst]?.period ?? `Q${worst + 1}`}`;
    const spread =
      row.p05 === null
        ? ''
        : `; the 90% range over the horizon is ${predictedValue(row.unit, row.p05)} to ${predictedValue(row.unit, row.p95)}`;
    statements.push(
      `${row.name.zh} ${row.name.en} (${row.target}): probability of meeting ${where} ` +
        `${percent(p.probability, 0)} (${percent(p.low, 0)} to ${percent(p.high, 0)}), below the ${percent(confidence, 0)} ` +
        `required${spread}.`,
    );
  }
  if (safe > 0) {
    statements.push(
      `${safe} other measured target(s) are met with a probability of at least ${percent(confidence, 0)} in every ` +
        'quarter (or on the year).',
    );
  }
  const notSimulated = rows.filter((row) => row.status === 'notSimulated').length;
  if (notSimulated > 0) {
    statements.push(
      `${notSimulated} of ${rows.length} indicators are not simulated; their risk is not assessed by this report.`,
    );
  }
  let note = '';
  let sens: ReportRisks['sensitivity'] = null;
  if (sensitivity) {
    const baseline = sensitivity.rows.find((row) => row.assumption === 'baseline');
    const varied = sensitivity.rows.filter((row) => row.assumption !== 'baseline');
    const worst = varied.reduce<SensitivityRow | undefined>(
      (w, row) => (w === undefined || row.probability.probability < w.probability.probability ? row : w),
      undefined,
    );
    if (baseline && worst) {
      const label = ASSUMPTION_LABELS[worst.assumption]?.en ?? worst.assumption;
      statements.push(
        `Most sensitive (of the variations tried, ${sensitivity.days} days x ${sensitivity.replications} replications): ` +
          `${label} x${worst.factor} moves the probability of meeting every measured target from ` +
          `${percent(baseline.probability.probability, 0)} to ${percent(worst.probability.probability, 0)}.`,
      );
    }
    sens = {
      days: sensitivity.days,
      replications: sensitivity.replications,
      seed: sensitivity.seed,
      rows: sensitivity.rows.map((row) => ({
        assumption: row.assumption,
        label: ASSUMPTION_LABELS[row.assumption] ?? { zh: row.assumption, en: row.assumption },
        factor: row.factor,
        probability: { ...row.probability },
        answerRate: row.answerRate?.mean ?? null,
      })),
    };
  } else {
    note = 'no sensitivity analysis was run for this report';
  }
  if (warnings.length > 0)
    statements.push(`The simulation raised ${warnings.length} modelling warning(s), listed at the end.`);
  return { statements, sensitivity: sens, note };
}

/** The text with its first letter in upper case. */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function verdictText(
  scenarioTitle: string,
  days: number,
  result: ReplicationResult,
  rows: readonly ReportTargetRow[],
  assessment: TargetAssessment | null,
  budget: ReportBudget | null,
  staffing: ReportStaffing,
): { pass: boolean | null; text: Bilingual } {
  const measured = rows.filter((row) => row.status !== 'notSimulated');
  const failed = measured.filter((row) => row.status === 'fail');
  const pass = measured.length === 0 || assessment === null ? null : assessment.verdict === 'pass';
  const all = assessment?.allTargets ?? null;
  const confidence = assessment?.confidence ?? 0.9;
  const run = `${days} days, ${result.replications} replications, seed ${result.seed}`;
  const staff = `${Math.round(staffing.meanAgents)} agents on the phones on average, ${staffing.peakAgents} at the peak`;
  const rowText = (row: ReportTargetRow): string =>
    `${row.name.en} ${predictedValue(row.unit, row.mean)} (90% range ${predictedValue(row.unit, row.p05)} to ` +
    `${predictedValue(row.unit, row.p95)}; target ${row.target}; P(meet) ${percent(row.probability?.probability, 0)})`;
  const rowTextZh = (row: ReportTargetRow): string =>
    `${row.name.zh}预计 ${predictedValue(row.unit, row.mean)}（90% 区间 ${predictedValue(row.unit, row.p05)}–` +
    `${predictedValue(row.unit, row.p95)}，目标 ${row.target}，达标概率 ${percent(row.probability?.probability, 0)}）`;
  const headline = measured.filter((row) => row.measuredBy !== null && /nswerRate/.test(row.measuredBy));
  const named = [...headline, ...failed.filter((row) => !headline.includes(row))];
  const probability =
    all === null
      ? ''
      : ` The probability of meeting every measured target (quarterly ones in every quarter, yearly ones on the year) ` +
        `is ${percent(all.probability, 0)} (${Math.round(result.level * 100)}% interval ${percent(all.low, 0)} to ` +
        `${percent(all.high, 0)}); the plan needs ${percent(confidence, 0)}.`;
  const probabilityZh =
    all === null
      ? ''
      : `全部可测算指标（季度指标每季度、年度指标全年）同时达标的概率为 ${percent(all.probability, 0)}（${Math.round(result.level * 100)}% 区间 ` +
        `${percent(all.low, 0)}–${percent(all.high, 0)}），要求不低于 ${percent(confidence, 0)}。`;
  let budgetText = '';
  let budgetTextZh = '';
  if (budget) {
    const change =
      budget.changeFromPreviousYear === null
        ? ''
        : `, ${percent(Math.abs(budget.changeFromPreviousYear), 1)} ${budget.changeFromPreviousYear < 0 ? 'below' : 'above'} the previous year`;
    const changeZh =
      budget.changeFromPreviousYear === null
        ? ''
        : `，较上年${budget.changeFromPreviousYear < 0 ? '减少' : '增加'} ${percent(Math.abs(budget.changeFromPreviousYear), 1)}`;
    budgetText = ` Budget ${yuan(budget.statedTotalYuan)} yuan${change}`;
    budgetTextZh = `预算 ${yuan(budget.statedTotalYuan)} 元${changeZh}`;
    if (budget.cost) {
      budgetText += `; the plan's cost executes ${percent(budget.cost.executionRate, 1)} of it`;
      budgetTextZh += `；计划支出执行率 ${percent(budget.cost.executionRate, 1)}`;
    }
    budgetText += '.';
    budgetTextZh += '。';
  }
  const notSimulated = rows.length - measured.length;
  const verdictEn =
    pass === null
      ? 'No target of this scenario is measured by the planner.'
      : `The plan ${pass ? 'PASSES' : 'FAILS'}.${probability} ` +
        (named.length > 0 ? `${capitalise(named.map(rowText).join('; '))}.` : '') +
        (failed.length > 0 ? ` ${failed.length} of ${measured.length} measured target(s) fall short.` : '');
  const verdictZh =
    pass === null
      ? '本情景没有可测算的指标。'
      : `方案${pass ? '达标' : '未达标'}。${probabilityZh}` +
        (named.length > 0 ? `${named.map(rowTextZh).join('；')}。` : '') +
        (failed.length > 0 ? `${measured.length} 项可测算指标中 ${failed.length} 项未达标。` : '');
  return {
    pass,
    text: {
      zh:
        `结论（${scenarioTitle}，模拟 ${days} 天，${result.replications} 次重复，种子 ${result.seed}；平均在线座席 ` +
        `${Math.round(staffing.meanAgents)} 人，峰值 ${staffing.peakAgents} 人）：${verdictZh}${budgetTextZh}` +
        (notSimulated > 0 ? `另有 ${notSimulated} 项指标未测算，不计入结论。` : ''),
      en:
        `Verdict for ${scenarioTitle} (${run}; ${staff}): ${verdictEn}${budgetText}` +
        (notSimulated > 0
          ? ` ${notSimulated} other indicator(s) are not measured by the planner and not part of this verdict.`
          : ''),
    },
  };
}

/** The first replication's workforce weeks and fault episodes (plain copies), for the charts. */
function sampleRunOf(result: ReplicationResult, days: number): ReportSampleRun | null {
  const run = result.runs[0];
  if (run === undefined) return null;
  return {
    replication: 0,
    workforceWeeks: run.workforce ? run.workforce.weeks.map((week) => ({ ...week })) : null,
    faultEpisodes: run.faults ? run.faults.episodes.map((episode) => ({ ...episode })) : null,
    horizonSeconds: days * 86_400,
  };
}

/**
 * The budget-justification report as data, from results already computed:
 * the verdict, the performance-target table in the source document's layout
 * (every indicator, "not simulated" where nothing measures it), the budget
 * lines and execution rate, the staffing plan, the four quarterly
 * assessments, risks and sensitivity, every assumption with its source, and
 * the method with the validation evidence. Pure and deterministic: the same
 * inputs give the same object, which `JSON.stringify` serialises as is.
 *
 * @param inputs the scenario file, the simulated scenario and its replications, and the optional analyses
 * @returns the report
 * @throws {RangeError} when the replications are empty, or the cost model's figures are invalid
 * @example
 * const result = await replicate(file.scenario, { replications: 10, seed: 1 });
 * const report = buildReport({ file, scenario: file.scenario, result, generator: { version: '0.1.0', command: 'hotline report' } });
 * report.verdict.text.en; // => 'Verdict for Shanghai 12333 ... The plan meets every simulated target: ...'
 */
export function buildReport(inputs: ReportInputs): Report {
  const { file, scenario, result } = inputs;
  const targets = inputs.targets === undefined ? (file.meta.targets ?? null) : inputs.targets;
  const costModel = inputs.costModel ?? null;
  const budgetData = budgetSection(file, costModel, targets?.set, costsOfRuns(result, costModel));
  const budget = budgetData?.section ?? null;
  let assessment: TargetAssessment | null = null;
  if (targets) {
    const options = {
      answerRateDefinition: targets.answerRateDefinition,
      answerWithinSeconds: scenario.answerWithinSeconds,
    };
    const measured = result.runs.map((run) => measuredRunFromSimulation(run));
    const runs = budgetData?.cost
      ? withBudgetMeasures(measured, targets.set, {
          ...options,
          cost: budgetData.cost,
          budget: budgetData.lines as BudgetLines,
        })
      : measured;
    assessment = assessTargets(targets.set, runs, { ...options, level: result.level });
  }
  const table: ReportTargetTable | null =
    targets && assessment ? reportTargetTable(targets.set, assessment, targets.answerRateDefinition) : null;
  const quarters: ReportQuarter[] = result.quarters.map((quarter, q) => {
    const k = quarter.kpis;
    const all = assessment?.quarterly[q]?.allMet;
    return {
      period: quarter.period,
      answerRate: reportSummary(k.answerRate),
      callerAnswerRate: reportSummary(k.callerAnswerRate),
      answerRateIncludingSelfService: reportSummary(k.answerRateIncludingSelfService),
      serviceLevel: reportSummary(k.serviceLevel),
      asaSeconds: reportSummary(k.asaSeconds),
      abandonRate: reportSummary(k.abandonRate),
      occupancy: reportSummary(k.occupancy),
      probabilityAllTargets: all ? { ...all } : null,
      pass: all && assessment ? all.probability >= assessment.confidence : null,
    };
  });
  const staffing = staffingSection(scenario, targets?.set);
  const rows = table?.rows ?? [];
  const verdict = verdictText(file.meta.title, scenario.days, result, rows, assessment, budget, staffing);
  const daily = result.days
    .map((day) => ({ date: day.period, summary: day.kpis.answerRate }))
    .filter((day): day is { date: string; summary: Summary } => day.summary !== null)
    .map((day) => ({ date: day.date, mean: day.summary.mean, p05: day.summary.p05, p95: day.summary.p95 }));
  return {
    formatVersion: 1,
    title: { zh: '预算绩效论证报告', en: 'Budget justification report' },
    generator: {
      name: 'hotline-planner',
      version: inputs.generator.version,
      command: inputs.generator.command,
    },
    scenario: {
      name: file.meta.name,
      title: file.meta.title,
      file: file.meta.file,
      startDate: scenario.startDate,
      days: scenario.days,
      intervalMinutes: scenario.intervalMinutes,
      answerWithinSeconds: scenario.answerWithinSeconds,
    },
    run: { seed: result.seed, replications: result.replications, level: result.level },
    verdict: {
      pass: verdict.pass,
      probabilityAllTargets: assessment ? { ...assessment.allTargets } : null,
      text: {
        zh: [verdict.text.zh, ...(inputs.verdictNotes ?? []).map((note) => note.zh)].join(''),
        en: [verdict.text.en, ...(inputs.verdictNotes ?? []).map((note) => note.en)].join(' '),
      },
    },
    targets: table,
    budget,
    staffing,
    quarters,
    risks: risksSection(
      table?.confidence ?? 0.9,
      rows,
      quarters,
      inputs.sensitivity ?? null,
      result.warnings,
    ),
    assumptions: assumptionsSection(file, targets, costModel, inputs.sensitivity ?? null),
    method: methodSection(inputs, scenario, result, targets?.answerRateDefinition ?? null),
    daily,
    sections: (inputs.sections ?? []).map((section) => structuredClone(section)),
    sampleRun: sampleRunOf(result, scenario.days),
    warnings: [...result.warnings],
  };
}
