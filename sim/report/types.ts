/*
 * The budget-justification report as data: one JSON-serialisable object that
 * `buildReport` fills and the renderers (HTML, Markdown, PDF, JSON) print.
 * Numbers are kept unformatted (fractions in [0, 1], seconds, minutes, yuan);
 * only the renderers format them. Every sentence is in Chinese and English
 * (`Bilingual`), so one report prints as the formal Chinese edition (Chinese
 * first, English second) or as an English-only edition. Nothing here is NaN
 * or undefined: a value that does not exist is `null`, with the reason beside it.
 */
import type { AnswerRateDefinition, TargetComparison } from '../core/targets.js';
import type { FaultEpisode } from '../model/faults.js';
import type { WorkforcePeriod } from '../model/workforce.js';
import type { Decision } from '../plan/decision.js';
import type { ProbabilityEstimate } from '../plan/evaluatePlan.js';
import type { LeastBudgetTestJson } from '../plan/leastBudget.js';

/** A text in Chinese with its English beside it. */
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

/**
 * How a target row was judged: `pass` and `fail` by the confidence bound
 * (`decideProbability`), `undecided` when the replications are too few to
 * tell (more replications needed), `byConstruction` when the model makes it
 * hold in every replication (the row says why and what would make it fail),
 * `notSimulated` when nothing measures it.
 */
export type TargetStatus = Decision | 'byConstruction' | 'notSimulated';

/**
 * The unit a row's values are shown in: the target's own (`>80%`: percent,
 * `≤24小时`: hours, `≤90分钟`: minutes, `=1`: a plain ratio).
 */
export type DisplayUnit = 'percent' | 'ratio' | 'hours' | 'minutes' | 'seconds' | 'count' | 'text';

/** One quarter of a quarterly target row: the quarter's value across replications and the probability of meeting it. */
export interface ReportRowQuarter {
  /** `YYYY-Qn`. */
  period: string;
  /** Mean and 90% range of the quarter's value across replications, in the row's `unit`; null when no replication gave one. */
  mean: number | null;
  p05: number | null;
  p95: number | null;
  /** Probability of meeting the target in this quarter, with its Wilson interval. */
  probability: ProbabilityEstimate | null;
}

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
  /** The unit the values are shown in: the target's own. */
  displayUnit: DisplayUnit;
  /** The measured value that judges it (`answerRate`, `faultRepairMinutes:1`, `budgetExecutionRate`), or null. */
  measuredBy: string | null;
  /** What that value is, in words (a fault row's is the longest time of its level in the period). */
  measuredAs: Bilingual | null;
  /** Judged on each quarter (the quarterly assessment) or on the year; null when not simulated. */
  judgedOn: 'quarters' | 'year' | null;
  /** The value judged on the year (yearly rows), or over every quarter (quarterly rows): mean across replications, in `unit`. */
  mean: number | null;
  /** 90% range of the same values across replications (5th and 95th percentiles), in `unit`. */
  p05: number | null;
  p95: number | null;
  /** Each quarter's value and probability (Q1 first); empty unless judged per quarter. */
  quarters: ReportRowQuarter[];
  /** The quarter least likely to meet the target (then the worst mean), index in `quarters`; null when not judged per quarter. */
  worstQuarter: number | null;
  /** Probability of meeting the target (in every quarter, or on the year), with its Wilson interval. */
  probability: ProbabilityEstimate | null;
  status: TargetStatus;
  /** For an undecided row: replications in all that would decide if the share met held; null otherwise. */
  replicationsToDecide: number | null;
  /** For a row true by construction: why it holds, and what would make it fail; null otherwise. */
  byConstruction: Bilingual | null;
  /** Why it is not simulated, or a note on a measured row; empty when nothing needs saying. */
  note: Bilingual;
}

/** A performance-target table (one project of the source document). */
export interface ReportTargetTable {
  id: string;
  title: Bilingual;
  /** Where the targets come from. */
  source: string;
  answerRateDefinition: AnswerRateDefinition;
  /** The probability of meeting a target that a row (and the table) needs to pass. */
  confidence: number;
  /** Confidence level of the probabilities' Wilson intervals. */
  level: number;
  /** Replications behind every probability. */
  replications: number;
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
    /** Seats rented and staff on payroll the cost model plans (before churn). */
    seats: number;
    staffOnPayroll: number;
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
    /** What the cost model assumed: staff, seats, unit costs. */
    basis: Bilingual;
  } | null;
  /** Why there is no cost model, or empty. */
  note: Bilingual;
}

/** Agents scheduled, agents live after staff churn and agents required in one interval of the day shown. */
export interface ReportStaffingSlot {
  /** `HH:MM`. */
  start: string;
  /** Expected agent-bound attempts per hour, fresh calls only (before redials). */
  callsPerHour: number;
  /** Agents on the phones in the scenario's staffing, mean over the days shown. */
  scheduledAgents: number;
  /** Scheduled agents thinned by staff churn (the live share of the period), mean across replications. */
  liveAgents: number;
  /** Agents Erlang A needs for the answer-rate target at that load, redials included at their equilibrium. */
  requiredAgents: number;
}

/** The staffing plan. */
export interface ReportStaffing {
  /** Agent-hours on the phones over the horizon (the scenario's staffing, before churn and faults). */
  agentHours: number;
  /** Average agents on the phones over the 24 hours of every day. */
  meanAgents: number;
  /** Average agents on the phones in the day's busy hours (`daytime`), every day. */
  meanAgentsDaytime: number;
  /** The busy hours the daytime average covers, `HH:MM` to `HH:MM`. */
  daytime: { from: string; to: string };
  peakAgents: number;
  /** The first interval with the peak, `YYYY-MM-DDTHH:MM`. */
  peakInterval: string;
  /** The days the slots average: the weakest quarter's (or the horizon's), from and to (included), and how chosen. */
  slotsPeriod: { label: string; from: string; to: string; why: Bilingual };
  /** Share of the planned agents live after staff churn in `slotsPeriod`, mean across replications (1 without churn). */
  liveShare: number;
  /** The day's intervals averaged over `slotsPeriod`. */
  slots: ReportStaffingSlot[];
  /** The answer-rate target the requirement is computed for. */
  requirementTarget: number;
  /** Intervals of the day shown where the live agents fall short of the requirement. */
  shortSlots: number;
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
  /** Probability that every simulated target judged per quarter is met in this quarter. */
  probabilityAllTargets: ProbabilityEstimate | null;
  /** The decision on that probability at the table's confidence (`decideProbability`). */
  status: Decision | null;
}

/** One line of the sensitivity analysis (tornado). */
export interface ReportSensitivityRow {
  assumption: string;
  label: Bilingual;
  factor: number;
  /** Probability of meeting every simulated target in every quarter of the run. */
  probability: ProbabilityEstimate;
  /** Answer rate (per attempt) over the run, mean across replications. */
  answerRate: number | null;
}

/** Risks and sensitivity. */
export interface ReportRisks {
  /** Plain statements of risk, derived from the results. */
  statements: Bilingual[];
  /** The sensitivity run, or null when none was run. */
  sensitivity: {
    /** First day of the run, `YYYY-MM-DD`, and why that period. */
    from: string;
    days: number;
    why: Bilingual;
    replications: number;
    seed: number;
    rows: ReportSensitivityRow[];
  } | null;
  /** Why there is no sensitivity analysis, or empty. */
  note: Bilingual;
}

/** A public source the assumptions cite, numbered as in the report. */
export interface ReportReference {
  /** The citation number, from 1. */
  number: number;
  /** A stable key (`seed`, `gbt33358`). */
  key: string;
  /** The citation, in Chinese and in English. */
  text: Bilingual;
  /** Where it can be read, or null. */
  url: string | null;
}

/** How an assumption is grounded: stated by a source, derived from sourced figures, or assumed. */
export type AssumptionBasis = 'sourced' | 'derived' | 'assumed' | 'sourcedAndAssumed';

/** One assumption in plain language, with its source. */
export interface ReportAssumption {
  /** The parameter: a scenario-file JSON path, or a model parameter. */
  parameter: string;
  /** What it is, in plain words. */
  label: Bilingual;
  /** Its value, with units and sensible rounding. */
  value: Bilingual;
  basis: AssumptionBasis;
  /** The numbers of the references it rests on (`Report.references`). */
  citations: number[];
  /** Why this value, in plain words. */
  explanation: Bilingual;
}

/** The simulator against exact queueing theory, computed for this report. */
export interface TheoryCheck {
  /** What was compared, in words. */
  description: Bilingual;
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
  source: Bilingual;
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
  finding: Bilingual;
}

/** The method and the validation evidence. */
export interface ReportMethod {
  paragraphs: Bilingual[];
  definitions: { term: Bilingual; definition: Bilingual }[];
  theory: TheoryCheck | null;
  realCallCenter: RealCallCenterCheck | null;
  /** Notes on the run (a period, a check left out and why). */
  notes: Bilingual[];
  /** The test suites that hold the standing evidence. */
  tests: { file: string; checks: Bilingual }[];
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
 * model...), rendered after the main target table in the order given. Blocks
 * are already in words and table cells, so any module can add one.
 */
export interface ReportSection {
  id: string;
  title: Bilingual;
  blocks: (
    | { kind: 'paragraph'; text: Bilingual }
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

/** One budget judged by the least-budget search, as the report shows it. */
export interface ReportJudgedBudget {
  seats: number;
  totalYuan: number;
  /** Over the least budget's replications (replications 0, 1, ..., the same random numbers as the least budget). */
  probability: ProbabilityEstimate;
  /** The least budget's replications, read at this budget too. */
  replications: number;
  /** Replications the sequential test had read when it judged this budget short. */
  judgedShortAfter: number;
}

/**
 * The rule that judged each budget of the least-budget search (`leastBudgetTest`):
 * Wald's sequential test of P = p - delta against P = p + delta, with its actual
 * error rates at the cap.
 */
export interface ReportLeastBudgetTest extends LeastBudgetTestJson {
  /** Confidence level of the Wilson intervals shown with the probabilities. */
  level: number;
}

/** A target and quarter that binds at the least budget: the least likely to be met there. */
export interface ReportBindingTarget {
  id: string;
  name: Bilingual;
  /** `YYYY-Qn`, or `year` for a yearly target. */
  period: string;
  probability: ProbabilityEstimate;
}

/** 达标所需最低预算: the least budget whose plan meets the targets money buys with probability p. */
export interface ReportLeastBudget {
  /** The probability p of meeting every queue target in every quarter searched. */
  confidence: number;
  /** The days simulated: the quarters that fall short at the planned budget, and why. */
  period: { from: string; days: number; quarters: string[]; why: Bilingual };
  /** Whether the search reached p within its most seats; false: the figures are those of the most seats tried. */
  found: boolean;
  seats: number;
  staffOnPayroll: number;
  /** Seat rental and management fee of the answer, yuan for the year. */
  seatRentalYuan: number;
  managementFeeYuan: number;
  totalYuan: number;
  /** The answer against the planned budget: yuan more (negative: less) and the change as a fraction; null without a budget. */
  changeFromPlannedYuan: number | null;
  changeFromPlanned: number | null;
  /** Cost of one seat-year with its staff, yuan. */
  costPerSeatYearYuan: number;
  /** Probability of meeting every queue target in every quarter searched, at the answer, and the decision on it at p. */
  probability: ProbabilityEstimate;
  decision: Decision;
  /** Replications the test read for the answer, and run in all by the search. */
  replications: number;
  replicationsRun: number;
  /** One seat less, judged short by the same rule (the evidence that the answer is the least); null when not judged. */
  seatBelow: ReportJudgedBudget | null;
  /** Yuan for each extra percentage point of probability, between one seat less and the answer; null when they tie. */
  costPerPointYuan: number | null;
  /** The targets and quarters least likely to be met at the answer, lowest first. */
  binding: ReportBindingTarget[];
  /** Measured targets that seats do not change (faults, budget execution...), judged in the target table. */
  notBought: { id: string; name: Bilingual }[];
  /** The seats the analytic screen (Erlang A with redials, per quarter) found enough. */
  analyticSeats: number;
  /** The rule that judged each budget, with its error rates. */
  test: ReportLeastBudgetTest;
  /** The search and its rule, in words. */
  rule: Bilingual;
}

/** The cover: who prepared the report, when, from what. */
export interface ReportCover {
  /** 编制单位, or null for a line to fill in. */
  organisation: string | null;
  /** 编制日期, `YYYY-MM-DD`. */
  date: string;
  /** 版本: the program's version and the scenario's content hash (`scenarioContentHash`, first 12 hex digits). */
  version: { program: string; scenarioHash: string };
}

/** The whole report. */
export interface Report {
  formatVersion: 2;
  title: Bilingual;
  generator: { name: string; version: string; command: string };
  cover: ReportCover;
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
    /** The decision on the probability of meeting every measured target (`decideProbability`); null when nothing is measured. */
    status: Decision | null;
    /** Probability of meeting every measured target (quarterly ones in every quarter, yearly ones on the year). */
    probabilityAllTargets: ProbabilityEstimate | null;
    /** The rule for "meets", stated once for the whole report. */
    rule: Bilingual;
    /** The verdict in one paragraph, ending with the least budget. */
    text: Bilingual;
  };
  targets: ReportTargetTable | null;
  /** The least budget that meets the targets; null when not computed (`leastBudgetNote` says why). */
  leastBudget: ReportLeastBudget | null;
  leastBudgetNote: Bilingual;
  budget: ReportBudget | null;
  staffing: ReportStaffing;
  quarters: ReportQuarter[];
  risks: ReportRisks;
  assumptions: ReportAssumption[];
  references: ReportReference[];
  method: ReportMethod;
  daily: ReportDay[];
  /** Further sections (e.g. the 12345 desk's target table), shown after the first target table. */
  sections: ReportSection[];
  /** One replication's headcount and faults, for their charts; null without runs. */
  sampleRun: ReportSampleRun | null;
  warnings: string[];
}
