/**
 * hotline-planner's public API. Notebooks, the CLI and users import from here
 * only; this file re-exports and holds no logic.
 */
export * from './core/errors.js';
export * from './core/validate.js';
export type { QueueParams, QueueMetrics } from './analytic/types.js';
export { erlangB } from './analytic/erlangB.js';
export { erlangC } from './analytic/erlangC.js';
export { queueMetrics } from './analytic/queueMetrics.js';
export {
  requiredAgents,
  maxArrivalsPerHour,
  meetsTarget,
  type StaffingTarget,
} from './analytic/requiredAgents.js';
export { squareRootStaffing, halfinWhittBeta, halfinWhittProbWait } from './analytic/squareRootStaffing.js';
export {
  retrialEquilibrium,
  type RetrialParams,
  type RetrialEquilibrium,
} from './analytic/retrialEquilibrium.js';
export {
  staffingPlan,
  type StaffingPlanInterval,
  type StaffingPlanOptions,
  type StaffingPlanRow,
} from './analytic/staffingPlan.js';
export { Tally } from './stats/tally.js';
export { TimeWeightedAverage } from './stats/timeWeightedAverage.js';
export { PeriodCounters } from './stats/periodCounters.js';
export { confidenceInterval } from './stats/confidenceInterval.js';
export type { ConfidenceInterval } from './stats/confidenceInterval.js';
export { summarise } from './stats/summarise.js';
export type { Summary } from './stats/summarise.js';
export { percentile } from './stats/percentile.js';
export { studentTCdf, studentTQuantile } from './stats/studentT.js';
export { logBeta, regularizedIncompleteBeta } from './stats/incompleteBeta.js';
export { replicate, summariseKpis } from './plan/replicate.js';
export type {
  CountSummaries,
  KpiSummaries,
  PeriodSummary,
  ReplicateOptions,
  ReplicationResult,
  ReplicationRun,
} from './plan/replicate.js';
// Where replications run (issue 19): worker threads, or a Redis queue (BullMQ) that `hotline worker` processes take from.
export { openReplicationPool, type ReplicationJob, type ReplicationPool } from './plan/replicationPool.js';
export { openQueuePool, type QueuePool, type QueuePoolOptions, type QueueStatus } from './plan/queuePool.js';
export { runQueueWorker, type QueueWorker, type QueueWorkerOptions } from './plan/queueWorker.js';
export { parseQueueUrl, QueueError, type QueueAddress } from './plan/queueProtocol.js';
export { buildVersion, distHash, packageVersion } from './core/buildVersion.js';
export { WEEKDAY_NAMES, weekdayHourCounts } from './plan/weekdayHours.js';
export type { WeekdayHourCounts } from './plan/weekdayHours.js';
export { formulaQueues } from './plan/formulaQueues.js';
export { staffToTarget, type StaffToTargetOptions } from './plan/staffToTarget.js';
export { compareWithFormula, type IntervalAgainstFormula } from './plan/compareWithFormula.js';
export { periodTable, type PeriodTableRow, type TargetDirection } from './plan/periodTable.js';
export {
  evaluatePlan,
  evaluateRuns,
  meetsTargets,
  targetMargin,
  wilsonInterval,
  type EvaluatePlanOptions,
  type IndicatorEvaluation,
  type PlanEvaluation,
  type ProbabilityEstimate,
} from './plan/evaluatePlan.js';
export {
  assessmentAtConfidence,
  assessmentRule,
  assessTargets,
  quarterAssessments,
  type AssessTargetsOptions,
  type MeasuredPeriod,
  type MeasuredRun,
  type MeasuredValues,
  type QuarterAssessment,
  type QuarterProbability,
  type TargetAssessment,
  type TargetRow,
  type TargetRowStatus,
  type TargetVerdict,
} from './plan/assessTargets.js';
export { decideProbability, replicationsToDecide, type Decision } from './plan/decision.js';
export { periodNotes, type PeriodNote } from './plan/periodNotes.js';
export {
  budgetMeasures,
  measuredRunFromSimulation,
  mergeMeasuredRuns,
  planCostsOfRuns,
  withBudgetMeasures,
  type SimulatedMeasureOptions,
  type SimulatedRunParts,
  type WithBudgetOptions,
} from './plan/measuredRuns.js';
export {
  scenarioForBudget,
  scaleAgentsToHours,
  type BudgetScenario,
  type ScaledAgents,
} from './plan/budgetScenario.js';
export {
  leastBudget,
  leastBudgetTest,
  leastBudgetTestSentence,
  leastBudgetTestJson,
  type LeastBudgetTestJson,
  analyticScreen,
  type AnalyticScreen,
  type BudgetEvaluation,
  type LeastBudgetOptions,
  type LeastBudgetProgress,
  type LeastBudgetResult,
  type OneSeatLess,
  type LeastBudgetTest,
} from './plan/leastBudget.js';
// Issue 15: the least budget's screen on the capacity churn and faults leave, and its sequential test.
export { expectedCapacity, screenPlan, type ExpectedCapacity } from './plan/screenCapacity.js';
export {
  SequentialTest,
  sequentialOperatingCharacteristic,
  defaultDelta,
  checkIndifferenceZoneTest,
  type IndifferenceZoneTest,
  type OperatingCharacteristic,
  type SequentialVerdict,
} from './stats/sequentialTest.js';
export {
  sensitivity,
  tornado,
  varyAssumption,
  type Assumption,
  type SensitivityOptions,
  type SensitivityRow,
  type TornadoBar,
} from './plan/sensitivity.js';
export {
  allocateBudget,
  fillAgentHours,
  type AllocateBudgetOptions,
  type AllocationCandidate,
  type BudgetAllocation,
} from './plan/allocateBudget.js';
export {
  frontier,
  sweep,
  type FrontierPoint,
  type SweepGrid,
  type SweepOptions,
  type SweepRow,
} from './plan/sweep.js';
export { analyticQuarterKpis, quarterOfIntervals } from './plan/analyticQuarters.js';
export { dailyAnswerRateChart } from './chart/dailyAnswerRateChart.js';
export type { DailyRateChartOptions, DailyRateRow } from './chart/dailyAnswerRateChart.js';
export { weekdayHourHeatmap } from './chart/weekdayHourHeatmap.js';
export type { WeekdayHourCell, WeekdayHourHeatmapOptions } from './chart/weekdayHourHeatmap.js';
export { intervalComparisonChart } from './chart/intervalComparisonChart.js';
export type {
  IntervalComparisonChartOptions,
  IntervalComparisonRow,
} from './chart/intervalComparisonChart.js';
export { holdOutChart, type HoldOutChartOptions, type HoldOutMetric } from './chart/holdOutChart.js';
export type {
  BudgetLines,
  CostLine,
  PlanCost,
  QuarterlySettlementRule,
  StaffingCostPlan,
  UnitCosts,
} from './budget/types.js';
export { costOfPlan } from './budget/costOfPlan.js';
export { settleQuarters, type Settlement } from './budget/settleQuarters.js';
export { budgetExecution, type BudgetExecution } from './budget/budgetExecution.js';
export {
  whatBudgetBuys,
  PAID_HOURS_PER_STAFF_YEAR,
  type BudgetPurchase,
  type BuyingOptions,
} from './budget/whatBudgetBuys.js';
export {
  shanghai12333Budget2020,
  shanghai12333UnitCosts2020,
  SHANGHAI_12333_BUDGET_2020_TOTAL,
  SHANGHAI_12333_BUDGET_2019_TOTAL,
} from './budget/shanghai12333Costs.js';
export { QUICK_ENV_VAR, isQuickRun, replicationsFor } from './core/quick.js';
export { renderSvg } from './chart/renderSvg.js';
export { show } from './chart/show.js';
export {
  VEGA_LITE_SCHEMA,
  VEGA_LITE_MIME_TYPE,
  VEGA_LITE_V5_SCHEMA,
  type VegaLiteSpec,
} from './chart/vegaLiteVersion.js';
export {
  answerRateAgainstAgentsChart,
  type AgentSweepRow,
  type AgentSweepTargets,
} from './chart/answerRateAgainstAgentsChart.js';
export {
  staffingByHalfHourChart,
  type StaffingChartOptions,
  type StaffingChartRow,
} from './chart/staffingByHalfHourChart.js';
export {
  budgetFrontierChart,
  type BudgetFrontierOptions,
  type BudgetFrontierPoint,
} from './chart/budgetFrontierChart.js';
export {
  tornadoChart,
  ASSUMPTION_LABELS,
  ASSUMPTION_NAMES,
  type TornadoChartOptions,
} from './chart/tornadoChart.js';
export {
  satisfactionCurveChart,
  type SatisfactionCurveChartOptions,
} from './chart/satisfactionCurveChart.js';
export { headcountChart, type HeadcountChartOptions } from './chart/headcountChart.js';
export { faultTimelineChart, type FaultTimelineOptions } from './chart/faultTimelineChart.js';
export {
  quarterlyAssessmentChart,
  quarterlyAssessmentRows,
  ALL_QUARTER_TARGETS,
  type QuarterlyAssessmentChartOptions,
  type QuarterlyAssessmentRow,
} from './chart/quarterlyAssessmentChart.js';
export {
  kpiByPeriodChart,
  KPI_LABELS,
  MAX_INTERVAL_ROWS,
  type KpiByPeriodOptions,
  type KpiName,
  type KpiPeriodRow,
  type PeriodKind,
} from './chart/kpiByPeriodChart.js';
export { chartConfig, targetRule, targetLabel, CJK_FONT_FAMILY, CHART_COLORS } from './chart/theme.js';
export { EventPriority } from './model/priority.js';
export { EventCalendar, InstantHeap } from './engine/calendar.js';
// Issue 15: the kernel every model runs on.
export { Kernel, type Action, type AdvanceHook, type EventHandler } from './engine/kernel.js';
export { KeyedEvents } from './engine/keyedEvents.js';
export { simulate, DEFAULT_RECORD_CAP } from './model/simulate.js';
export {
  simulateQueue,
  defaultWarmupCalls,
  type SimulateQueueOptions,
  type SimulatedQueueMetrics,
} from './model/simulateQueue.js';
export {
  exponential,
  lognormal,
  gamma,
  erlang,
  deterministic,
  empirical,
  mixture,
  sum,
  piecewiseHazard,
  hazardSurvival,
  scaleDistribution,
  distributionMean,
  distributionVariance,
  normalQuantile,
  zigguratNormal,
  type PiecewiseHazard,
} from './model/distributions.js';
export {
  checkScenario,
  expectedArrivalsPerInterval,
  agentsPerInterval,
  scenarioCalendar,
  type ScenarioCalendar,
} from './model/scenario.js';
export {
  kpisOf,
  rollUp,
  emptyCounts,
  PERIOD_COUNT_FIELDS,
  reviewHours,
  DEFAULT_REVIEW_MINUTES_PER_DISSATISFIED,
} from './model/kpis.js';
export type {
  Distribution,
  ArrivalSpec,
  RedialOptions,
  AgentSpec,
  MeasurementOptions,
  Scenario,
  SimulateOptions,
  PeriodCounts,
  IntervalRow,
  PeriodRow,
  Kpis,
  CallOutcome,
  CallRecord,
  EndState,
  SimulationResult,
  ScenarioWorkforce,
  ScenarioFaults,
  SurveySpec,
  FaultsResult,
  SurveyResult,
} from './model/types.js';
export { costPlanFromWorkforce } from './budget/costPlanFromWorkforce.js';
export {
  simulateWorkforce,
  checkWorkforceSpec,
  DEFAULT_LEARNING_CURVE,
  type HiringPolicy,
  type LearningCurveStep,
  type TenureBandRate,
  type WorkforceDay,
  type WorkforcePeriod,
  type WorkforceResult,
  type WorkforceSpec,
} from './model/workforce.js';
export { simulateDesk, deskKpisOf, rollUpDeskRows } from './model/desk/simulateDesk.js';
export { workOrderDeadlines } from './model/desk/deadlines.js';
export {
  DESK_CALLS,
  DESK_INTERRUPTION_OVERHEAD_SECONDS,
  DESK_ORDER_TYPES,
  DESK_POLICY,
  DESK_SHRINKAGE,
  DESK_WORK_ORDERS,
  DESK_WORKFORCE,
} from './model/desk/defaults.js';
export type {
  DepartmentTime,
  DeskCallSpec,
  DeskDeadline,
  DeskKpis,
  DeskPeriodRow,
  DeskPolicy,
  DeskResult,
  DeskSpec,
  DeskWorkOrderSpec,
  WorkOrderRecord,
  WorkOrderSteps,
  WorkOrderType,
} from './model/desk/types.js';
export {
  compareDeskPolicies,
  DESK_BUDGET_2020,
  DESK_KPI_NAMES,
  DESK_TARGET_KPI,
  deskMeasuredRun,
  deskTargetTable,
  replicateDesk,
  summariseDesk,
  type DeskAlternative,
  type DeskBudget,
  type DeskComparisonRow,
  type DeskKpiName,
  type DeskKpiSummary,
  type DeskPeriodKind,
  type DeskPeriodSummary,
  type ReplicateDeskOptions,
} from './plan/deskPlan.js';
export {
  DEFAULT_FAULT_LEVELS,
  drawFaults,
  summariseFaults,
  expectedOutageMinutesPerYear,
  capacityByInterval,
  checkFaultLevels,
  type FaultEpisode,
  type FaultLevelSpec,
  type FaultLevelSummary,
} from './model/faults.js';
export {
  DEFAULT_SATISFACTION,
  DEFAULT_SURVEY,
  satisfactionProbability,
  checkSatisfactionModel,
  fitSatisfactionCurve,
  type SatisfactionKnot,
  type SatisfactionModel,
  type SatisfactionObservation,
} from './model/satisfaction.js';
export {
  shanghai12333Load2020,
  shanghai12333Defaults,
  normaliseMonthFactors,
  halfHourSharesFromHourly,
  daysInMonths,
  SHANGHAI_12333_HOURLY_SHARES,
  SHANGHAI_12333_RAW_MONTH_FACTORS,
  type DailyLoadProfile,
} from './model/shanghai12333.js';
export {
  generateRoster,
  rosterCoverage,
  rosterFromShifts,
  staffForRoster,
  rosterAgentSpec,
  scenarioWithRoster,
  shiftPatternGrid,
  type CoverageInterval,
  type GenerateRosterOptions,
  type Roster,
  type RosterCoverage,
  type RosterShift,
  type RosterStaff,
  type ScenarioRoster,
  type ShiftPattern,
  type StaffForRosterOptions,
} from './model/shifts.js';
export { decodeText, firstInvalidUtf8Offset, type DecodedText } from './io/encoding.js';
export { levenshtein, nearestName } from './io/nearestName.js';
export { parseCsv, readCsvFile, type CsvOptions, type CsvRow, type CsvTable } from './io/csv.js';
export {
  checkTable,
  parseTable,
  readTable,
  parseLocalDateTime,
  formatLocalDateTime,
  parseTimeOfDay,
  type CellValue,
  type ColumnSpec,
  type ColumnType,
  type LocalSeconds,
  type Table,
  type TableRow,
  type TableSpec,
} from './io/table.js';
export { parseJson, readJson, zodIssuesToInputIssues, formatJsonPath } from './io/json.js';
export { findJsonSyntaxError, type JsonSyntaxProblem } from './io/jsonSyntax.js';
export { writeFileAtomic } from './io/writeFileAtomic.js';
export {
  ARRIVAL_PROFILE_TABLE,
  ARRIVAL_RATES_TABLE,
  STAFFING_TABLE,
  parseArrivalProfile,
  readArrivalProfile,
  parseArrivalRates,
  readArrivalRates,
  parseStaffingTable,
  readStaffingTable,
  type ArrivalRateInterval,
  type DatedTableOptions,
  type ProfileInterval,
  type StaffingInterval,
} from './io/tables.js';
export {
  parseRosterTable,
  readRosterTable,
  parseWeekdays,
  weeklyAgentsOverHorizon,
  ROSTER_TABLE,
  type RosterTable,
  type RosterTableOptions,
} from './io/roster.js';
export {
  CALL_RECORDS_TABLE,
  parseCallRecords,
  readCallRecords,
  formatCallRecords,
  writeCallRecords,
} from './io/callRecords.js';
export {
  parseAnonymousBankCalls,
  readAnonymousBankCalls,
  type AnonymousBankCalls,
} from './io/anonymousBank.js';
export {
  calibrationSchema,
  parseCalibration,
  readCalibration,
  writeCalibration,
  type CalibrationFile,
} from './io/calibrationFile.js';
export type { CalibratedParameters, ObservedCall, ObservedOutcome, WeekdayName } from './calibrate/types.js';
export {
  arrivalRatesByWeekday,
  type ArrivalRateEstimate,
  type ArrivalRateOptions,
  type WeekdayArrivalRates,
} from './calibrate/arrivalRates.js';
export {
  fitHandleTimes,
  handleTimeSamples,
  ksDistance,
  standardNormalCdf,
  type ExponentialFit,
  type HandleTimeFit,
  type LognormalFit,
} from './calibrate/handleTimeFit.js';
export {
  kaplanMeier,
  survivalAt,
  exponentialPatience,
  patienceObservations,
  type ExponentialPatienceEstimate,
  type KaplanMeierEstimate,
  type KaplanMeierStep,
  type PatienceObservation,
} from './calibrate/patience.js';
export {
  agentsPresentPerInterval,
  type AgentsInInterval,
  type AgentsPresentEstimate,
  type AgentsPresentOptions,
} from './calibrate/agentsPresent.js';
export { outcomesByClass, type ClassOutcomes, type OutcomesByClassOptions } from './calibrate/byClass.js';
export {
  calibrateFromRecords,
  specialDaysOfRecords,
  type CalibrateOptions,
} from './calibrate/calibrateFromRecords.js';
// Calibration that reproduces a real center, and its held-out validation (issue 13)
export {
  patienceHazard,
  DEFAULT_PATIENCE_BREAKPOINTS,
  type HazardPiece,
  type PatienceHazardEstimate,
  type PatienceHazardOptions,
} from './calibrate/patienceHazard.js';
export {
  afterCallUnavailability,
  type AfterCallEstimate,
  type AfterCallOptions,
} from './calibrate/afterCall.js';
export {
  calibrateBehaviour,
  type BehaviourOptions,
  type CalibratedBehaviour,
} from './calibrate/behaviour.js';
export {
  periodInputs,
  recordsInDays,
  localDaySeconds,
  localDate,
  type DayRange,
  type PeriodInputs,
} from './calibrate/periodInputs.js';
export {
  validateHoldOut,
  type CellFigures,
  type ComparisonErrors,
  type HoldOutOptions,
  type HoldOutResult,
  type HourComparison,
  type WeekdayHourComparison,
} from './calibrate/holdOut.js';
export { poissonRateInterval } from './stats/poissonInterval.js';
export {
  readScenarioFile,
  parseScenarioFile,
  firstDaysOf,
  periodOf,
  scenarioFileZodSchema,
  type AnswerRateDefinition,
  type ScenarioFile,
  type ScenarioFileData,
  type ScenarioMeta,
  type ScenarioMechanisms,
  type ScenarioShifts,
  type ScenarioWeekday,
} from './io/scenarioFile.js';
export {
  readTargetSet,
  parseTargetSet,
  meetsIndicator,
  targetSetSchema,
  TARGET_KPIS,
  type TargetComparison,
  type TargetIndicator,
  type TargetKpi,
  type TargetSet,
} from './io/targets.js';
export {
  HolidayCalendar,
  CHINA_CALENDAR,
  NO_HOLIDAYS,
  calendarYears,
  formatYears,
  dayKind,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  type CalendarBase,
  type DayKind,
  type HolidayCalendarOptions,
  type SpecialDay,
} from './core/calendar.js';
export { HOLIDAY_LIST_TABLE, parseHolidayList, readHolidayList } from './io/holidayList.js';
export {
  STAFFING_DAY_COLUMNS,
  WEEKLY_STAFFING_TABLE,
  parseWeeklyStaffing,
  readWeeklyStaffing,
  weeklyAgentsByDayKind,
  type StaffingDayColumn,
  type WeeklyStaffing,
  type WeeklyStaffingBlock,
  type WeeklyStaffingOptions,
} from './io/weeklyStaffing.js';
export { scenarioFromCalibration, type CalibratedScenarioOptions } from './io/calibratedScenario.js';
export {
  calibratedScenarioTexts,
  writeCalibratedScenarioFile,
  type CalibratedScenarioFileInput,
  type CalibratedScenarioTexts,
} from './io/calibratedScenarioFile.js';
export {
  ANSWER_RATE_KPI,
  SIMULATED_KPIS,
  indicatorMeasure,
  measureKey,
  resolveMeasure,
  formatTarget,
  describeMeasure,
  type FaultKpi,
  type IndicatorMeasure,
  type MeasureKey,
  type MeasureResolution,
  type SimulatedKpi,
} from './core/targets.js';
export type {
  AssumptionBasis,
  Bilingual,
  DisplayUnit,
  RealCallCenterCheck,
  Report,
  ReportAssumption,
  ReportBindingTarget,
  ReportCover,
  ReportJudgedBudget,
  ReportLeastBudgetTest,
  ReportLeastBudget,
  ReportReference,
  ReportRowQuarter,
  ReportSampleRun,
  ReportBudget,
  ReportBudgetLine,
  ReportDay,
  ReportMethod,
  ReportQuarter,
  ReportRisks,
  ReportSection,
  ReportSensitivityRow,
  ReportStaffing,
  ReportStaffingSlot,
  ReportSummary,
  ReportTargetRow,
  ReportTargetTable,
  TargetStatus,
  TheoryCheck,
} from './report/types.js';
export { meanPlanCost } from './budget/meanPlanCost.js';
export {
  buildReport,
  scenarioContentHash,
  type ReportCostModel,
  type ReportInputs,
} from './report/buildReport.js';
export {
  makeReport,
  shanghai12333CostModel,
  REPORT_SENSITIVITY_FACTORS,
  sensitivityVariantCount,
  type MakeReportOptions,
  deskByDefault,
  DESK_TARGETS_FILE,
  REPORT_CONFIDENCE,
  type ReportDeskOptions,
  type ReportLeastBudgetOptions,
} from './report/makeReport.js';
export {
  theoryCheck,
  realCallCenterCheck,
  ANONYMOUS_BANK_SOURCE,
  type RealCallCenterOptions,
} from './report/checks.js';
export {
  deskReportSection,
  deskVerdictSentence,
  deskPolicyText,
  DESK_SECTION_ID,
  type DeskSectionOptions,
} from './report/deskSection.js';
export {
  reportCharts,
  renderReportCharts,
  REPORT_FONT_FAMILY,
  type ReportChart,
  type RenderedChart,
} from './report/charts.js';
export { reportBlocks, type Cell, type CellMark, type ReportBlock, type Text } from './report/document.js';
export { reportToHtml } from './report/html.js';
export { reportToMarkdown, reportToJson } from './report/markdown.js';

// ---- Forecast (issue 17): volumes ahead from a history, with their uncertainty ----
export {
  forecastChart,
  backtestChart,
  type CountedInterval,
  type ForecastChartOptions,
  type BacktestChartOptions,
} from './chart/forecastChart.js';
export { countCdf, countQuantile } from './stats/countInterval.js';
export {
  FORECAST_MODELS,
  type Backtest,
  type BacktestScore,
  type DateRange,
  type DayType,
  type DayTypeOf,
  type ForecastDay,
  type ForecastInterval,
  type ForecastModel,
  type ForecastOptions,
  type ForecastUncertainty,
  type SpecialDayRule,
  type VolumeForecast,
  type VolumeSeries,
} from './forecast/types.js';
export {
  forecastVolumes,
  forecastProblems,
  holdoutScore,
  FORECAST_DEFAULTS,
  type HoldoutScore,
} from './forecast/forecastVolumes.js';
export {
  offeredCallsSeries,
  isOfferedCall,
  volumeSeriesFromRows,
  gapsOf,
  type OfferedCallsOptions,
  type VolumeTableRow,
} from './forecast/series.js';
export { dayTypesOf } from './forecast/dayTypes.js';
export { weightedMape, chooseModel, MIN_HISTORY_DAYS } from './forecast/backtest.js';
export { enteringCallsPerInterval, scenarioWithForecast } from './forecast/scenarioWithForecast.js';
export { loadAugurs, AUGURS_PACKAGE, type Augurs, type AugursMstlModel } from './forecast/augurs.js';
export {
  readVolumeTable,
  parseVolumeTable,
  VOLUME_TABLE,
  type VolumeRow,
  type VolumeTable,
} from './io/volumeTable.js';
export {
  writeScenarioCopy,
  scenarioCopyFiles,
  scenarioCopyProblems,
  type NewArrivals,
  type ScenarioCopyFiles,
} from './io/scenarioCopy.js';

// Edges of a run (issue 14): proportions and their intervals inside [0, 1], the rates' definitions,
// output sets written as one, run-time estimates.
export { summariseProportion } from './stats/summarise.js';
export {
  proportionInterval,
  wilsonBounds,
  type ProportionInterval,
  type ProportionIntervalMethod,
} from './stats/proportionInterval.js';
export {
  writeFileSet,
  removePendingOutputs,
  folderWriteProblem,
  systemErrorReason,
  OutputError,
  type OutputFile,
} from './io/writeFileSet.js';
export { calibrationText } from './io/calibrationFile.js';
export {
  CPU_SECONDS_PER_CALL,
  estimateRunSeconds,
  expectedEnteringCalls,
  type SimulationBatch,
} from './plan/runEstimate.js';
export { scenarioCopyContents, checkScenarioCopy } from './io/scenarioCopy.js';

// Issue 18: numbers as people read them; the report's formal edition, its least budget, assumptions
// and PDF; the redial-aware staffing search.
export {
  formatApproximateDuration,
  formatDuration,
  formatFixed,
  formatNumber,
  formatPercent,
  formatPercentShort,
  formatSignificant,
  formatYuan,
  NO_VALUE,
  significant,
  type Language,
  type TimeUnit,
} from './core/format.js';
export { requiredAgentsWithRedials, type RedialBehaviour } from './analytic/requiredAgentsWithRedials.js';
export { packageRoot } from './core/packageRoot.js';
export { BusinessCalendar } from './model/desk/businessCalendar.js';
export { chromiumAvailable, chromiumCommand, printPdf, type PrintPdfOptions } from './io/printPdf.js';
export {
  displayUnitOf,
  PLAN_VERDICT,
  probabilityText,
  quarterLabel,
  rowValue,
  STATUS_LABEL,
} from './report/format.js';
export { reportTargetTable, rowNote, type ConstructionNotes } from './report/targetTable.js';
export {
  distributionWords,
  numberReferences,
  plainSourceNote,
  scenarioAssumptions,
  valueAtPath,
  type AssumptionDraft,
} from './report/assumptions.js';
export { REFERENCES, referencesIn, type Reference, type ReferenceKey } from './report/references.js';
export {
  leastBudgetPeriod,
  leastBudgetSection,
  leastBudgetRule,
  targetsSeatsDoNotBuy,
  type LeastBudgetContext,
  type LeastBudgetPeriod,
} from './report/leastBudget.js';
export { staffingSection, DAYTIME_MINUTES } from './report/staffing.js';
export { leastBudgetSentence, verdictParagraph, verdictRule, type VerdictInputs } from './report/verdict.js';
export { methodSection, risksSection, type MethodInputs, type SensitivityInput } from './report/method.js';
export { steadyPlanCost, type SteadyPlan } from './budget/costOfPlan.js';
export { budgetLinesOfTotal } from './budget/whatBudgetBuys.js';
export {
  agentHoursShare,
  shareOfYearAgentHours,
  periodBuyingRule,
  staffingByMonth,
  staffingIntervals,
  type IntervalAgents,
  type StaffingMonth,
} from './plan/staffingByMonth.js';
export { addDays, daysBetween, isCalendarDate } from './core/dates.js';
// ---- All media: channels, agent groups, routing, chat staffing (issue 16) ----
export {
  chatQueueMetrics,
  chatAgentsRequired,
  type ChatQueueParams,
  type ChatQueueMetrics,
} from './analytic/chatQueue.js';
export type {
  AgentGroupSpec,
  AssistantSpec,
  CallbackSpec,
  ChannelArrivals,
  ChannelCounts,
  ChannelName,
  ChannelPeriodRow,
  ChannelResults,
  ChannelRun,
  ChannelsSpec,
  ChatSpec,
  GroupAgents,
  GroupCounts,
  GroupKpis,
  GroupPeriodRow,
  GroupRun,
  MessageSpec,
  RoutingSpec,
  ServedChannel,
  SkillSpec,
} from './model/channels/types.js';
export { CHANNEL_NAMES } from './model/channels/types.js';
export { CHANNEL_COUNT_FIELDS, CHANNEL_EXTRA_FIELDS } from './model/channels/fields.js';
export { channelProblems, type ChannelProblem } from './model/channels/check.js';
export { groupKpisOf } from './model/channels/results.js';
export { simulateChannels } from './model/channels/simulateChannels.js';
export {
  summariseChannels,
  GROUP_KPI_NAMES,
  type ChannelSummary,
  type ChannelCountSummaries,
  type GroupSummary,
} from './plan/channelSummaries.js';
export { channelThresholds } from './plan/evaluatePlan.js';
export {
  compareChannelVariants,
  channelComparisonRows,
  dayOfIntervals,
  type ChannelVariant,
  type ChannelMeasure,
} from './plan/channelVariants.js';
export {
  channelComparisonChart,
  channelDayChart,
  type ChannelComparisonRow,
  type ChannelComparisonOptions,
  type ChannelDayRow,
} from './chart/channelCharts.js';
