/*
 * The budget-justification report as data: one JSON-serialisable object that
 * `buildReport` fills and the renderers (HTML, Markdown, JSON) print. Numbers
 * are kept unformatted (fractions in [0, 1], seconds, yuan); only the
 * renderers format them. Nothing here is NaN or undefined: a value that does
 * not exist is `null`, with the reason beside it.
 */
import type { AnswerRateDefinition, TargetComparison } from '../core/targets.js';
import type { FaultEpisode } from '../model/faults.js';
import type { WorkforcePeriod } from '../model/workforce.js';
import type { ProbabilityEstimate } from '../plan/evaluatePlan.js';

/** A label in Chinese with its English beside it. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A KPI across replications: mean, 90% range (5th-95th percentile) and the interval of the mean. */
export interface ReportSummary {
  mean: number;
  p05: number;
  p95: number;
  /** Interval of the mean at the report's `level`; null with one replication. */
  ciLow: number | null;
  ciHigh: number | null;
}

/** How a target row was judged. */
export type TargetStatus = 'pass' | 'fail' | 'notSimulated';

/** One row of a performance-target table, in the source document's layout. */
export interface ReportTargetRow {
  id: string;
  /** 一级指标, 二级指标, 三级指标 (the indicator). */
  level1: Bilingual;
  level2: Bilingual;
  name: Bilingual;
  /** The target as the source document prints it (`>80%`, `≤90分钟`, `健全`). */
  target: string;
  comparison: TargetComparison | null;
  /** The target value, in `unit` (text for a qualitative target). */
  value: number | string;
  unit: 'fraction' | 'count' | 'minutes' | 'seconds' | 'text';
  /** The measured value that judges it (`answerRate`, `faultRepairMinutes:1`, `budgetExecutionRate`), or null. */
  measuredBy: string | null;
  /** Judged on each quarter (the quarterly assessment) or on the year; null when not simulated. */
  judgedOn: 'quarters' | 'year' | null;
  /** Predicted value over the horizon (mean across replications), in `unit`; null when not simulated. */
  mean: number | null;
  /** 90% range of the realised value across replications (5th and 95th percentiles), in `unit`. */
  p05: number | null;
  p95: number | null;
  /** Probability of meeting the target (in every quarter, or on the year), with its Wilson interval. */
  probability: ProbabilityEstimate | null;
  /** Probability of meeting it in each quarter (Q1 first); empty unless judged per quarter. */
  quarterProbabilities: (ProbabilityEstimate | null)[];
  status: TargetStatus;
  /** Why it is not simulated, or a note on a measured row; empty when nothing needs saying. */
  note: string;
}

/** A performance-target table (one project of the source document). */
export interface ReportTargetTable {
  id: string;
  title: Bilingual;
  /** Where the targets come from. */
  source: string;
  answerRateDefinition: AnswerRateDefinition;
  /** The verdict rule, in words. */
  rule: string;
  /** The probability of meeting a target that a row (and the table) needs to pass. */
  confidence: number;
  rows: ReportTargetRow[];
}

/** One budget line, yuan. */
export interface ReportBudgetLine {
  id: string;
  name: Bilingual;
  budgetYuan: number;
  /** The plan's cost charged to the line, yuan; null without a cost model. */
  plannedYuan: number | null;
  /** plannedYuan / budgetYuan; null without a cost model or budget. */
  executionRate: number | null;
}

/** The budget section. */
export interface ReportBudget {
  lines: ReportBudgetLine[];
  /** The total the source states (it may differ from the sum of the lines). */
  statedTotalYuan: number;
  previousYearTotalYuan: number | null;
  /** statedTotal / previousYearTotal - 1; null without a previous year. */
  changeFromPreviousYear: number | null;
  /** The plan's cost, when a cost model applies. */
  cost: {
    /** Cost lines (seat staff, system running, recruitment and training, management fee), yuan a year. */
    lines: { name: string; label: Bilingual; budgetLine: string; yuan: number }[];
    totalYuan: number;
    /** Planned spend / budget, over all lines. */
    executionRate: number;
    /** The execution-rate target (the target table's), as a fraction. */
    executionTarget: number | null;
    meetsExecutionTarget: boolean | null;
    /** Lines whose planned spend exceeds their budget. */
    overspentLines: string[];
    /** What the cost model assumed: staff, seats, unit costs, with sources. */
    basis: string;
  } | null;
  /** Why there is no cost model, or empty. */
  note: string;
}

/** Agents scheduled and agents required in one half hour (or interval) of a typical day. */
export interface ReportStaffingSlot {
  /** `HH:MM`. */
  start: string;
  /** Expected agent-bound attempts per hour, fresh calls only (before redials). */
  callsPerHour: number;
  /** Agents on the phones in the scenario, mean over the horizon's days. */
  scheduledAgents: number;
  /** Agents Erlang A needs for the answer-rate target at that load (no redials). */
  requiredAgents: number;
}

/** The staffing plan. */
export interface ReportStaffing {
  /** Agent-hours on the phones over the horizon. */
  agentHours: number;
  /** Average agents on the phones. */
  meanAgents: number;
  peakAgents: number;
  /** The first interval with the peak, `YYYY-MM-DDTHH:MM`. */
  peakInterval: string;
  /** The day's intervals averaged over the horizon. */
  slots: ReportStaffingSlot[];
  /** The answer-rate target the requirement is computed for. */
  requirementTarget: number;
}

/** One quarterly assessment. */
export interface ReportQuarter {
  /** `YYYY-Qn`. */
  period: string;
  /** The three answer-rate definitions (see `Kpis`): agent-answered per attempt, per caller, and counting self-service as connected. */
  answerRate: ReportSummary | null;
  callerAnswerRate: ReportSummary | null;
  answerRateIncludingSelfService: ReportSummary | null;
  serviceLevel: ReportSummary | null;
  asaSeconds: ReportSummary | null;
  abandonRate: ReportSummary | null;
  occupancy: ReportSummary | null;
  /** Probability that every simulated target is met in this quarter. */
  probabilityAllTargets: ProbabilityEstimate | null;
  /** Whether the quarter's mean KPIs meet every simulated target. */
  pass: boolean | null;
}

/** One line of the sensitivity analysis (tornado). */
export interface ReportSensitivityRow {
  assumption: string;
  label: Bilingual;
  factor: number;
  /** Probability of meeting every simulated target in every quarter. */
  probability: ProbabilityEstimate;
  /** Answer rate (per attempt) over the horizon, mean across replications. */
  answerRate: number | null;
}

/** Risks and sensitivity. */
export interface ReportRisks {
  /** Plain statements of risk, derived from the results. */
  statements: string[];
  /** The sensitivity run, or null when none was run. */
  sensitivity: {
    days: number;
    replications: number;
    seed: number;
    rows: ReportSensitivityRow[];
  } | null;
  /** Why there is no sensitivity analysis, or empty. */
  note: string;
}

/** One assumption with its source. */
export interface ReportAssumption {
  /** The parameter: a scenario-file JSON path, or a model parameter. */
  parameter: string;
  /** Its value, as written. */
  value: string;
  source: string;
}

/** The simulator against exact queueing theory, computed for this report. */
export interface TheoryCheck {
  /** What was compared, in words. */
  description: string;
  arrivalsPerHour: number;
  agents: number;
  meanHandleSeconds: number;
  meanPatienceSeconds: number;
  /** Exact Erlang A values. */
  exact: { answerRate: number; serviceLevel: number; asaSeconds: number };
  /** The simulator's stationary queue, mean over replications, with the interval of the mean. */
  simulated: {
    answerRate: ReportSummary;
    serviceLevel: ReportSummary;
    asaSeconds: ReportSummary;
  };
  replications: number;
  callsPerReplication: number;
  /** Whether each exact value lies in its interval. */
  agrees: { answerRate: boolean; serviceLevel: boolean; asaSeconds: boolean };
}

/** The simulator against a real call center's records, computed for this report. */
export interface RealCallCenterCheck {
  source: string;
  /** Days the behaviour was calibrated on, and days predicted (held out). */
  train: { from: string; to: string };
  test: { from: string; to: string };
  replications: number;
  /** The held-out days as a whole: what the records show, and the prediction. */
  observed: {
    offered: number;
    abandonRate: number | null;
    serviceLevel: number | null;
    asaSeconds: number | null;
  };
  simulated: {
    offered: number;
    abandonRate: number | null;
    serviceLevel: number | null;
    asaSeconds: number | null;
  };
  /** Mean absolute errors hour by hour (test days pooled), over the hours with at least 50 calls seen. */
  hourlyErrors: { hours: number; abandonRate: number; serviceLevel: number; asaSeconds: number };
  /** Service-level threshold, seconds. */
  answerWithinSeconds: number;
  /** What the comparison means. */
  finding: string;
}

/** The method and the validation evidence. */
export interface ReportMethod {
  paragraphs: string[];
  definitions: { term: Bilingual; definition: string }[];
  theory: TheoryCheck | null;
  realCallCenter: RealCallCenterCheck | null;
  /** Why a check was not run, or empty. */
  notes: string[];
  /** The test suites that hold the standing evidence. */
  tests: { file: string; checks: string }[];
}

/** One day of the answer rate across replications (for the daily chart). */
export interface ReportDay {
  date: string;
  mean: number;
  p05: number;
  p95: number;
}

/**
 * A further section of the report (another project's target table, a desk
 * model...), rendered after the main content in the order given. Blocks are
 * already in words and table cells, so any module can add one.
 */
export interface ReportSection {
  id: string;
  title: Bilingual;
  blocks: (
    | { kind: 'paragraph'; text: string }
    | { kind: 'table'; columns: Bilingual[]; rows: string[][] }
    | { kind: 'targets'; table: ReportTargetTable }
  )[];
}

/** One replication's own paths (the first), for the headcount and fault charts. */
export interface ReportSampleRun {
  /** The replication, 0-based. */
  replication: number;
  /** Its workforce by week (`WorkforceResult.weeks`); null when the scenario simulates no workforce. */
  workforceWeeks: WorkforcePeriod[] | null;
  /** Its fault episodes (`FaultsResult.episodes`); null when the scenario simulates no faults. */
  faultEpisodes: FaultEpisode[] | null;
  /** Length of the horizon simulated, seconds. */
  horizonSeconds: number;
}

/** The whole report. */
export interface Report {
  formatVersion: 1;
  title: Bilingual;
  generator: { name: string; version: string; command: string };
  scenario: {
    name: string;
    title: string;
    file: string;
    startDate: string;
    /** Days simulated. */
    days: number;
    intervalMinutes: number;
    answerWithinSeconds: number;
  };
  run: { seed: number; replications: number; level: number };
  verdict: {
    /** Whether every simulated target's predicted value passes. */
    pass: boolean | null;
    /** Probability of meeting every simulated target in every quarter. */
    probabilityAllTargets: ProbabilityEstimate | null;
    /** The verdict in one paragraph, Chinese first then English. */
    text: Bilingual;
  };
  targets: ReportTargetTable | null;
  budget: ReportBudget | null;
  staffing: ReportStaffing;
  quarters: ReportQuarter[];
  risks: ReportRisks;
  assumptions: ReportAssumption[];
  method: ReportMethod;
  daily: ReportDay[];
  /** Further sections (e.g. the 12345 desk's target table), shown after the first target table. */
  sections: ReportSection[];
  /** One replication's headcount and faults, for their charts; null without runs. */
  sampleRun: ReportSampleRun | null;
  warnings: string[];
}
