import { createHash } from 'node:crypto';
import { budgetExecution } from '../budget/budgetExecution.js';
import { steadyPlanCost } from '../budget/costOfPlan.js';
import { meanPlanCost } from '../budget/meanPlanCost.js';
import type { BudgetLines, PlanCost, UnitCosts } from '../budget/types.js';
import { formatNumber, formatPercent, formatYuan } from '../core/format.js';
import {
  ANSWER_RATE_KPI,
  type AnswerRateDefinition,
  type MeasureKey,
  type TargetSet,
} from '../core/targets.js';
import type { ScenarioFile } from '../io/scenarioFile.js';
import type { Scenario } from '../model/types.js';
import { assessTargets, type TargetAssessment } from '../plan/assessTargets.js';
import { decideProbability } from '../plan/decision.js';
import { measuredRunFromSimulation, planCostsOfRuns, withBudgetMeasures } from '../plan/measuredRuns.js';
import type { ReplicationResult } from '../plan/replicate.js';
import type { Summary } from '../stats/summarise.js';
import { numberReferences, scenarioAssumptions, type AssumptionDraft } from './assumptions.js';
import { methodSection, risksSection, type SensitivityInput } from './method.js';
import { targetsSeatsDoNotBuy } from './leastBudget.js';
import { staffingSection } from './staffing.js';
import { reportTargetTable, type ConstructionNotes } from './targetTable.js';
import type {
  Bilingual,
  RealCallCenterCheck,
  Report,
  ReportBudget,
  ReportLeastBudget,
  ReportQuarter,
  ReportSampleRun,
  ReportSection,
  ReportSummary,
  ReportTargetTable,
  TheoryCheck,
} from './types.js';
import { verdictParagraph, verdictRule } from './verdict.js';

export { reportTargetTable } from './targetTable.js';

/** The staff, seats and unit costs a plan is costed with (the budget section). */
export interface ReportCostModel {
  /** Average staff on payroll over the year. */
  staffOnPayroll: number;
  /** Seats rented over the year. */
  seats: number;
  /** New hires over the year (spread evenly over the months). */
  hiresPerYear: number;
  unitCosts: UnitCosts;
  /**
   * Whether the system cost per seat is derived from this budget (the remainder
   * of the seat-rental line once the staff are paid), so that the budget is
   * spent in full by construction with the staff and seats above.
   *
   * __Default value:__ `false`
   */
  derivedFromBudget?: boolean;
  /** Where the figures come from, in words (shown in the report). */
  basis: Bilingual;
}

/** What `buildReport` turns into a report: the results already computed, no I/O. */
export interface ReportInputs {
  /** The scenario file read (meta: name, sources, budget, targets). */
  file: ScenarioFile;
  /** The scenario as simulated (the file's, or a period of it). */
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
  /** A sensitivity run (`sensitivity` of plan/), where and how it was run. __Default value:__ `null` */
  sensitivity?: SensitivityInput | null;
  /** The simulator against Erlang A (`theoryCheck`). __Default value:__ `null` */
  theory?: TheoryCheck | null;
  /** The simulator against real records (`realCallCenterCheck`). __Default value:__ `null` */
  realCallCenter?: RealCallCenterCheck | null;
  /** The least budget that meets the targets (`leastBudgetSection`). __Default value:__ `null` */
  leastBudget?: ReportLeastBudget | null;
  /** Why there is no least budget, when there is none. __Default value:__ a sentence saying it was not computed */
  leastBudgetNote?: Bilingual;
  /** Notes on the run (a period, a check left out and why), shown under the method. __Default value:__ none */
  notes?: readonly Bilingual[];
  /** Further sections, shown in the performance-target section after the first table (e.g. the 12345 desk). __Default value:__ none */
  sections?: readonly ReportSection[];
  /**
   * Sentences added to the verdict paragraph before the least budget (e.g. one
   * on the 12345 desk, judged in its own section); they do not change the verdict.
   * __Default value:__ none
   */
  verdictNotes?: readonly Bilingual[];
  /** The cover: 编制单位 (null: a line to fill in) and 编制日期 (`YYYY-MM-DD`). */
  cover: { organisation?: string | null; date: string };
  /** The program that made the report: its version and the command line. */
  generator: { version: string; command: string };
}

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

/**
 * The content hash of a scenario: SHA-256 of its JSON with the keys of every
 * object sorted (a number that JSON cannot hold, such as `Infinity`, written as
 * text), so the same scenario gives the same hash on any machine and a change
 * to any value, table or side file read into it changes the hash.
 *
 * @param scenario the scenario (as read, side tables included)
 * @returns 64 hexadecimal digits
 * @example
 * scenarioContentHash({ b: 1, a: [2, Infinity] } as never) === scenarioContentHash({ a: [2, Infinity], b: 1 } as never); // => true
 */
export function scenarioContentHash(scenario: Scenario): string {
  const canonical = (value: unknown): unknown => {
    if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
    if (Array.isArray(value) || ArrayBuffer.isView(value))
      return Array.from(value as ArrayLike<unknown>, canonical);
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value).sort())
        out[key] = canonical((value as Record<string, unknown>)[key]);
      return out;
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(scenario)))
    .digest('hex');
}

/** The budget-execution indicator's target of a set, when it has one. */
function executionTarget(set: TargetSet | undefined): number | null {
  const indicator = set?.indicators.find((i) => i.kpi === 'budgetExecutionRate');
  return indicator && typeof indicator.value === 'number' ? indicator.value : null;
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
  const line = (id: string, name: Bilingual, budgetYuan: number | undefined): void => {
    if (budgetYuan !== undefined)
      lines.push({ id, name, budgetYuan, plannedYuan: null, executionRate: null });
  };
  line('seatRental', { zh: '坐席租赁费', en: 'seat rental (staff + system)' }, budget.seatRentalYuan);
  line('managementFee', { zh: '管理费', en: 'management fee' }, budget.managementFeeYuan);
  line('payroll', { zh: '人员经费', en: 'payroll' }, budget.payrollYuan);
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
            ? {
                zh: '本情景没有成本模型：仅列出预算科目，不计算执行率。',
                en: 'No cost model for this scenario: the budget lines are shown, the execution rate is not computed.',
              }
            : {
                zh: '成本模型需要坐席租赁费与管理费两个科目，本预算的科目不同。',
                en: 'The cost model needs a seat-rental and a management-fee line; this budget has other lines.',
              },
      },
      cost: null,
      lines: null,
    };
  }
  const fixed = steadyPlanCost(
    {
      staffOnPayroll: costModel.staffOnPayroll,
      seats: costModel.seats,
      hiresPerYear: costModel.hiresPerYear,
    },
    costModel.unitCosts,
  );
  const cost = meanPlanCost(runCosts ?? [fixed]);
  const budgetLines: BudgetLines = {
    seatRental: budget.seatRentalYuan,
    managementFee: budget.managementFeeYuan,
  };
  const target = executionTarget(set);
  const execution = budgetExecution(cost.byBudgetLine, budgetLines, target ?? 0);
  for (const entry of lines) {
    if (entry.id === 'seatRental' || entry.id === 'managementFee') {
      entry.plannedYuan = cost.byBudgetLine[entry.id];
      entry.executionRate = execution.byLine[entry.id];
    }
  }
  const section: ReportBudget = {
    lines,
    ...base,
    cost: {
      seats: costModel.seats,
      staffOnPayroll: costModel.staffOnPayroll,
      lines: cost.lines.map((entry) => ({
        name: entry.name,
        label: COST_LINE_LABELS[entry.name] ?? { zh: entry.name, en: entry.name },
        budgetLine: entry.budgetLine,
        yuan: entry.year,
      })),
      totalYuan: cost.year,
      executionRate: execution.rate,
      executionTarget: target,
      meetsExecutionTarget: target === null ? null : execution.meetsTarget,
      overspentLines: [...execution.overspentLines],
      basis: runCosts
        ? {
            zh: `按每次重复模拟出的人员（流失、招聘、培训）计算工资与招聘费用，取 ${runCosts.length} 次重复的均值；${costModel.seats} 个坐席；单位成本：${costModel.basis.zh}`,
            en: `payroll and hires of each replication's simulated workforce (churn, hiring, training), mean over ${runCosts.length} replications; ${costModel.seats} seats; unit costs: ${costModel.basis.en}`,
          }
        : { ...costModel.basis },
    },
    note: { zh: '', en: '' },
  };
  return { section, cost: runCosts ?? fixed, lines: budgetLines };
}

/**
 * Why the 12333 run's rows that the model makes true hold, and what would
 * make each fail (`ConstructionNotes`).
 */
function constructionNotes(
  result: ReplicationResult,
  costModel: ReportCostModel | null,
  budget: ReportBudget | null,
  set: TargetSet | undefined,
): ConstructionNotes {
  const notes: Partial<Record<MeasureKey, Bilingual>> = {
    earmarkedShare: {
      zh: '每一项成本都记入有预算的科目（座席人员与系统运行记入坐席租赁费，管理费记入管理费），故专款专用率按构造为 1；若某项成本记入没有预算的科目或发生预算外支出，则不达标。',
      en: 'Every cost line is charged to a budget line that has money (seat staff and system running to seat rental, the management fee to the management fee), so the share is 1 by construction; it fails only if a cost were charged to a line with no budget, or spent outside it.',
    },
    assessmentsPerYear: {
      zh: `每个季度考核一次，测算期包含 ${result.quarters.length} 个季度；测算期少于一年时考核次数随之减少而不达标。`,
      en: `One assessment a quarter, and the period holds ${result.quarters.length} quarters; a period shorter than a year has fewer and fails.`,
    },
    trainedBeforeCallsShare: {
      zh: '模型中新员工在培训结束前不接听电话，故按构造为 100%；若为补缺口而让未完成培训的人员上线，则不达标。',
      en: 'The model puts no one on the phones before their training ends, so 100% by construction; it fails if trainees were put on the phones early to fill a gap.',
    },
  };
  const reviewHours = Math.max(
    0,
    ...result.runs.flatMap((run) => run.survey?.reviewByMonth.map((month) => month.reviewHours) ?? []),
  );
  if (reviewHours > 0)
    notes.dissatisfiedReviewedShare = {
      zh: `不满意来电的复核工作量视为已安排（最忙的月份约 ${formatNumber(reviewHours)} 小时），故按构造为 100%；若每月用于复核的时间少于此数则不达标。`,
      en: `The review of dissatisfied calls is taken as staffed (about ${formatNumber(reviewHours)} hours in the busiest month), so 100% by construction; it fails if fewer hours a month are given to it.`,
    };
  const target = executionTarget(set);
  if (costModel?.derivedFromBudget && budget?.cost) {
    const wageYear = 12 * costModel.unitCosts.loadedWagePerStaffMonth;
    const slack = target === null ? null : (1 - target) * budget.statedTotalYuan;
    notes.budgetExecutionRate = {
      zh:
        `成本模型的每坐席系统费用由本预算倒推（坐席租赁费扣除 ${costModel.staffOnPayroll} 名人员工资后的余额），故满员时坐席租赁费按构造全额执行；` +
        `只有离职到补员之间的空缺使执行率降低（本次为 ${formatPercent(budget.cost.executionRate, 1)}）。` +
        (slack === null
          ? ''
          : `空缺的工资累计超过 ${formatYuan(slack)} 元（约 ${formatNumber(slack / wageYear, 1)} 人年）时不达标。`),
      en:
        `The cost model's system cost per seat is derived from this budget (what is left of the seat-rental line once ` +
        `${costModel.staffOnPayroll} staff are paid), so with a full payroll the line is spent in full by construction; only ` +
        `vacancies between a leaver and the replacement lower it (${formatPercent(budget.cost.executionRate, 1)} here).` +
        (slack === null
          ? ''
          : ` It fails when the vacancies' pay exceeds ${formatYuan(slack)} yuan (about ${formatNumber(slack / wageYear, 1)} staff-years).`),
    };
  }
  return notes;
}

/** Assumptions the report adds to the scenario file's: the cost model and the sensitivity factors. */
function extraAssumptions(
  costModel: ReportCostModel | null,
  sensitivity: SensitivityInput | null,
): AssumptionDraft[] {
  const rows: AssumptionDraft[] = [];
  if (costModel) {
    rows.push({
      parameter: 'costModel',
      label: { zh: '成本模型', en: 'Cost model' },
      value: {
        zh:
          `${costModel.staffOnPayroll} 名人员、${costModel.seats} 个坐席；人员综合月成本 ${formatYuan(costModel.unitCosts.loadedWagePerStaffMonth)} 元，` +
          `每坐席每年系统费用 ${formatYuan(costModel.unitCosts.systemCostPerSeatYear)} 元，每名新员工招聘培训 ` +
          `${formatYuan(costModel.unitCosts.recruitmentAndTrainingPerHire)} 元，管理费每年 ${formatYuan(costModel.unitCosts.managementFeeYear)} 元`,
        en:
          `${costModel.staffOnPayroll} staff, ${costModel.seats} seats; loaded wage ${formatYuan(costModel.unitCosts.loadedWagePerStaffMonth)} yuan ` +
          `a staff-month, system ${formatYuan(costModel.unitCosts.systemCostPerSeatYear)} yuan a seat-year, recruitment and training ` +
          `${formatYuan(costModel.unitCosts.recruitmentAndTrainingPerHire)} yuan a hire, management fee ${formatYuan(costModel.unitCosts.managementFeeYear)} yuan a year`,
      },
      basis: 'sourcedAndAssumed',
      references: ['labourDaily', 'wages', 'turnover', 'seed'],
      explanation: { ...costModel.basis },
    });
  }
  if (sensitivity) {
    const factors = [
      ...new Set(sensitivity.rows.filter((r) => r.assumption !== 'baseline').map((r) => r.factor)),
    ];
    rows.push({
      parameter: 'sensitivity',
      label: { zh: '敏感性分析的变动幅度', en: 'Sensitivity variations' },
      value: both(factors.map((f) => `×${f}`).join(', ')),
      basis: 'assumed',
      references: [],
      explanation: {
        zh: '话务量 ±10% 与 ±20%，处理时长、耐心与重拨概率 ±10%，人员流失率 ×0.5 与 ×1.5；每次只改变一项。',
        en: 'Volume ±10% and ±20%, handle time, patience and redial probability ±10%, turnover ×0.5 and ×1.5; one at a time.',
      },
    });
  }
  return rows;
}

function both(text: string): Bilingual {
  return { zh: text, en: text };
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
 * the cover, the verdict with its rule and the least budget, the
 * performance-target table in the source document's layout (every indicator,
 * each quarter's value, "not simulated" where nothing measures it), the least
 * budget that meets the targets, the budget lines and execution rate, the
 * staffing plan, the four quarterly assessments, risks and sensitivity, every
 * assumption in plain language with its sources, and the method with the
 * validation evidence. Pure and deterministic: the same inputs give the same
 * object, which `JSON.stringify` serialises as is.
 *
 * @param inputs the scenario file, the simulated scenario and its replications, and the optional analyses
 * @returns the report
 * @throws {RangeError} when the replications are empty, or the cost model's figures are invalid
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const scenario = periodOf(file.scenario, '2020-01-01', 2);
 * const result = await replicate(scenario, { replications: 2, seed: 1, workers: 0 });
 * const report = buildReport({ file, scenario, result, cover: { date: '2019-12-31' },
 *   generator: { version: '0.1.0', command: 'hotline report' } });
 * report.verdict.status; // => 'fail' (two days hold one quarterly assessment of the four the year needs)
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
    targets && assessment
      ? reportTargetTable(
          targets.set,
          assessment,
          targets.answerRateDefinition,
          constructionNotes(result, costModel, budget, targets.set),
        )
      : null;
  const confidence = assessment?.confidence ?? 0.9;
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
      status: all ? decideProbability(all, confidence) : null,
    };
  });
  const staffing = staffingSection(
    scenario,
    result,
    targets?.set,
    ANSWER_RATE_KPI[targets?.answerRateDefinition ?? 'perAttempt'],
  );
  const rows = table?.rows ?? [];
  const measured = rows.some((row) => row.status !== 'notSimulated');
  const status = assessment && measured ? assessment.verdict : null;
  const leastBudgetNote = inputs.leastBudgetNote ?? {
    zh: '本报告未测算。',
    en: 'not computed for this report.',
  };
  const project = targets ? { ...targets.set.title } : both(file.meta.title);
  const sensitivity = inputs.sensitivity ?? null;
  const { assumptions, references } = numberReferences([
    ...scenarioAssumptions(file.meta.data, file.meta.sources),
    ...extraAssumptions(costModel, sensitivity),
  ]);
  const daily = result.days
    .map((day) => ({ date: day.period, summary: day.kpis.answerRate }))
    .filter((day): day is { date: string; summary: Summary } => day.summary !== null)
    .map((day) => ({ date: day.date, mean: day.summary.mean, p05: day.summary.p05, p95: day.summary.p95 }));
  return {
    formatVersion: 2,
    title: { zh: '预算绩效论证报告', en: 'Budget justification report' },
    generator: {
      name: 'hotline-planner',
      version: inputs.generator.version,
      command: inputs.generator.command,
    },
    cover: {
      organisation: inputs.cover.organisation ?? null,
      date: inputs.cover.date,
      version: {
        program: `hotline-planner ${inputs.generator.version}`,
        scenarioHash: scenarioContentHash(file.scenario).slice(0, 12),
      },
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
      status,
      probabilityAllTargets: assessment ? { ...assessment.allTargets } : null,
      rule: verdictRule(confidence, result.level),
      text: verdictParagraph({
        project,
        days: scenario.days,
        replications: result.replications,
        seed: result.seed,
        level: result.level,
        table,
        status,
        allTargets: assessment && measured ? assessment.allTargets : null,
        budget,
        staffing,
        notes: inputs.verdictNotes ?? [],
        leastBudget: inputs.leastBudget ?? null,
        leastBudgetNote,
      }),
    },
    targets: table,
    leastBudget: inputs.leastBudget
      ? { ...structuredClone(inputs.leastBudget), notBought: targetsSeatsDoNotBuy(table) }
      : null,
    leastBudgetNote: inputs.leastBudget ? { zh: '', en: '' } : { ...leastBudgetNote },
    budget,
    staffing,
    quarters,
    risks: risksSection(confidence, rows, sensitivity, result.warnings),
    assumptions,
    references,
    method: methodSection({
      scenario,
      result,
      definition: targets?.answerRateDefinition ?? null,
      theory: inputs.theory ?? null,
      realCallCenter: inputs.realCallCenter ?? null,
      notes: inputs.notes ?? [],
    }),
    daily,
    sections: (inputs.sections ?? []).map((section) => structuredClone(section)),
    sampleRun: sampleRunOf(result, scenario.days),
    warnings: [...result.warnings],
  };
}
