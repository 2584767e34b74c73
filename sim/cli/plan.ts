import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  periodBuyingRule,
  shareOfYearAgentHours,
  decideProbability,
  assessmentAtConfidence,
  budgetLinesOfTotal,
  evaluatePlan,
  staffingByMonth,
  staffingIntervals,
  steadyPlanCost,
  leastBudget,
  leastBudgetTest,
  leastBudgetTestSentence,
  leastBudgetTestJson,
  type LeastBudgetTestJson,
  type OneSeatLess,
  allocateBudget,
  PAID_HOURS_PER_STAFF_YEAR,
  scenarioForBudget,
  shanghai12333UnitCosts2020,
  writeFileSet,
  type AnswerRateDefinition,
  type BudgetAllocation,
  type BudgetLines,
  type BudgetPurchase,
  type BuyingOptions,
  type Decision,
  type Kpis,
  type LeastBudgetProgress,
  type PlanEvaluation,
  type ProbabilityEstimate,
  type Scenario,
  type StaffingMonth,
  type ScenarioFile,
  type TargetAssessment,
  type TargetSet,
  type UnitCosts,
} from '../index.js';
import { optionText, OptionReader, UsageError } from './args.js';
import type { CommandSpec, OptionValues } from './command.js';
import { formatNumber, formatPercent, formatTable, formatYuan, summaryJson } from './format.js';
import { confirmLongRun, YES_OPTION } from './longRun.js';
import { checkOutputPath, Progress, workbookBytes, type Sheet } from './output.js';
import {
  budgetRosterNotes,
  loadScenario,
  PERIOD_OPTIONS,
  readRunOptions,
  readTargetsInput,
  scenarioJson,
  scenarioLines,
  type RosterJson,
  type ScenarioJson,
} from './scenarioInput.js';
import { onQueue, QUEUE_OPTIONS, readQueueOptions, type QueueChoice } from './queueOptions.js';
import { formatEstimate, formatTargetTable, targetTableSheet } from './targetTable.js';
import type { SummaryJson } from './simulate.js';

/**
 * Staff on payroll per seat of the 12333 buying rule: 407 staff for 359 seats
 * (data/README.md, "How the 12333 staffing table is derived"; SEED).
 */
export const DEFAULT_STAFF_PER_SEAT = 407 / 359;

/** Share of paid time off the phones of the 12333 buying rule (30%, FACTS §7.1). */
export const DEFAULT_SHRINKAGE = 0.3;

/** Where the unit costs of a plan come from, in words for the output. */
export const DEFAULT_UNIT_COSTS_SOURCE =
  'the 12333 2020 unit costs (sim/budget/shanghai12333Costs.ts): the scenario file has no cost section';

/** The scenario, targets, costs and buying rule that `plan` and `sweep` share. */
export interface PlanInputs {
  file: ScenarioFile;
  /** The scenario simulated: the file's, or its first `--days` days (on the roster of generated shifts, when the file asks for one). */
  scenario: Scenario;
  /** The roster of generated shifts the agents are on (`loadScenario`), or null. */
  roster: RosterJson | null;
  targets: { set: TargetSet; answerRateDefinition: AnswerRateDefinition };
  unitCosts: UnitCosts;
  /** Where `unitCosts` come from, in words. */
  unitCostsSource: string;
  buying: BuyingOptions;
}

/**
 * Seats a `--least` search is taken to range over, for its run-time estimate,
 * when `--max-seats` is not given (the search itself stops at four times the
 * Erlang A screen): 2,048, so a bisection judges up to 13 budgets.
 */
const LEAST_SEATS_FOR_ESTIMATE = 2_048;

/** The options `plan` and `sweep` share, as [flags, description]. */
export const SHARED_PLAN_OPTIONS: readonly (readonly [string, string])[] = [
  [
    '--targets <file>',
    'judge against this target set instead of the scenario’s (e.g. data/targets/gbt-33358-2016.json)',
  ],
  ['--seed <n>', 'seed of the random streams, shared by every budget (common random numbers) (default: 1)'],
  [
    '--workers <n>',
    'worker threads; 0 runs every replication on the main thread (default: the cores available)',
  ],
  ...QUEUE_OPTIONS,
  ...PERIOD_OPTIONS.filter(([flags]) => !flags.startsWith('--days')),
  [
    '--days <n>',
    'days of the period (default: to the horizon’s last day); the year’s agent-hours are prorated to them',
  ],
  ['--staff-per-seat <x>', 'staff on payroll per seat (default: 407/359, the 12333 rule)'],
  ['--shrinkage <fraction>', 'share of paid time off the phones (default: 30%)'],
  ['--hires-per-staff <x>', 'new hires a year per member of staff, paid for by the budget (default: 0)'],
];

/** The values of the shared options, checked (undefined where bad: the reader holds why). */
export interface SharedPlanValues {
  seed: number;
  workers: number | undefined;
  days: number | undefined;
  /** `--queue`: replications go to a Redis queue instead of worker threads. */
  queue: QueueChoice | undefined;
}

/**
 * Read and check the inputs `plan` and `sweep` share: the scenario file, the
 * target set (the scenario's or `--targets`), the buying rule and the seed.
 * Every problem goes to `reader`; nothing is thrown for bad input.
 *
 * @param reader collects the problems
 * @param scenarioPath the scenario operand, or undefined when missing
 * @param options the parsed options
 * @returns the inputs and shared values, or undefined when a file could not be read
 * @example
 * const reader = new OptionReader();
 * const read = readPlanInputs(reader, 'data/shanghai-12333-2020/scenario.json', { days: '7', shrinkage: '0.25' });
 * [read?.inputs.scenario.days, read?.inputs.buying.shrinkage, read?.shared.seed]; // => [7, 0.25, 1]
 * readPlanInputs(reader, 'no-such.json', { shrinkage: '1.5' }); // => undefined
 * reader.problems;
 * // => ['--shrinkage: must be a fraction in [0, 1] such as 0.8 or 80% (got "1.5")', 'scenario: "no-such.json" does not exist']
 */
export function readPlanInputs(
  reader: OptionReader,
  scenarioPath: string | undefined,
  options: OptionValues,
): { inputs: PlanInputs; shared: SharedPlanValues } | undefined {
  const { seed, workers, days, from, to } = readRunOptions(reader, options);
  const queue = readQueueOptions(reader, options);
  const staffPerSeat = reader.number(
    '--staff-per-seat',
    optionText(options, 'staffPerSeat') ?? String(DEFAULT_STAFF_PER_SEAT),
    { min: 0, exclusiveMin: true, max: 100 },
  );
  const shrinkage = reader.fraction(
    '--shrinkage',
    optionText(options, 'shrinkage') ?? String(DEFAULT_SHRINKAGE),
  );
  if (shrinkage !== undefined && shrinkage >= 0.999) {
    reader.problem(`--shrinkage: must be below 99.9% (got ${optionText(options, 'shrinkage')})`);
  }
  const hires = reader.number('--hires-per-staff', optionText(options, 'hiresPerStaff') ?? '0', {
    min: 0,
    max: 100,
  });

  if (scenarioPath !== undefined && !isReadableFile(reader, scenarioPath, 'scenario'))
    scenarioPath = undefined;
  const loaded =
    scenarioPath !== undefined ? loadScenario(reader, scenarioPath, { from, days, to }) : undefined;
  const targetsPath = optionText(options, 'targets');
  const targetSet =
    targetsPath !== undefined && isReadableFile(reader, targetsPath, '--targets')
      ? readTargetsInput(reader, targetsPath)
      : undefined;
  if (!loaded) return undefined;
  const { file, scenario, roster } = loaded;
  const targets =
    targetSet !== undefined
      ? {
          set: targetSet,
          answerRateDefinition: file.meta.targets?.answerRateDefinition ?? ('perAttempt' as const),
        }
      : file.meta.targets;
  if (targets === undefined && targetsPath === undefined) {
    reader.problem(`${file.meta.file}: the scenario names no targets: give --targets <file>`);
  }
  if (!targets || seed === undefined || staffPerSeat === undefined || shrinkage === undefined)
    return undefined;
  if (hires === undefined || shrinkage >= 0.999) return undefined;
  return {
    inputs: {
      file,
      scenario,
      roster,
      targets,
      // The scenario format has no cost section yet (`costs` is reserved for the budget model).
      unitCosts: shanghai12333UnitCosts2020,
      unitCostsSource: DEFAULT_UNIT_COSTS_SOURCE,
      // A run over part of the scenario gets the year's agent-hours its own staffing puts there.
      buying: periodBuyingRule(
        { staffPerSeat, shrinkage, hiresPerStaffYear: hires },
        scenario.days,
        shareOfYearAgentHours(scenario, file.scenario),
      ),
    },
    shared: { seed, workers, days, queue },
  };
}

/** Whether a path names an existing file; records a problem otherwise. */
function isReadableFile(reader: OptionReader, path: string, what: string): boolean {
  if (!existsSync(path)) {
    reader.problem(`${what}: ${JSON.stringify(path)} does not exist`);
    return false;
  }
  if (!statSync(path).isFile()) {
    reader.problem(`${what}: ${JSON.stringify(path)} is not a file`);
    return false;
  }
  return true;
}

/** Unit costs and the buying rule, as `plan` and `sweep` print them. */
export interface CostsJson {
  unitCosts: UnitCosts;
  source: string;
  buying: {
    staffPerSeat: number;
    shrinkage: number;
    hiresPerStaffYear: number;
    paidHoursPerStaffYear: number;
  };
}

/**
 * The costs part of a `plan` or `sweep` result.
 *
 * @param inputs what `readPlanInputs` read
 * @example
 * const reader = new OptionReader();
 * const { inputs } = readPlanInputs(reader, 'data/shanghai-12333-2020/scenario.json', { days: '1' })!;
 * costsJson(inputs).buying; // => { staffPerSeat: 1.1337047353760445, shrinkage: 0.3, hiresPerStaffYear: 0, paidHoursPerStaffYear: 2000 }
 */
export function costsJson(inputs: PlanInputs): CostsJson {
  return {
    unitCosts: { ...inputs.unitCosts },
    source: inputs.unitCostsSource,
    buying: {
      staffPerSeat: inputs.buying.staffPerSeat,
      shrinkage: inputs.buying.shrinkage,
      hiresPerStaffYear: inputs.buying.hiresPerStaffYear ?? 0,
      paidHoursPerStaffYear: inputs.buying.paidHoursPerStaffYear ?? PAID_HOURS_PER_STAFF_YEAR,
    },
  };
}

/** What a budget buys, for the output: the purchase and its agent-hours over the horizon simulated. */
export interface PurchaseJson extends BudgetPurchase {
  /** Agent-hours the payroll gives over the horizon simulated (prorated). */
  availableAgentHours: number;
  /** Agent-hours the staffing plan schedules over the horizon (rounded agents, capped at the seats). */
  scheduledAgentHours: number;
  /** Most agents in any interval of the plan. */
  peakAgents: number;
}

/** A probability with its interval and the period it is for. */
export interface PeriodProbability extends ProbabilityEstimate {
  period: string;
}

/** The target table of `plan`: every row of the set (`assessTargets`, via `evaluatePlan`). */
export type PlanTargetTable = TargetAssessment;

/** KPIs shown per quarter by `plan`. */
const QUARTER_KPIS: readonly (keyof Kpis)[] = [
  'answerRate',
  'callerAnswerRate',
  'serviceLevel',
  'asaSeconds',
  'abandonRate',
  'occupancy',
];

/** One budget the least-budget search judged by simulation. */
export interface JudgedBudgetJson {
  seats: number;
  totalYuan: number;
  /** Replications the sequential test read for this budget. */
  replications: number;
  probability: ProbabilityEstimate;
  /** The test's verdict: the budget reaches p. */
  meets: boolean;
  /** Whether the test stopped on a boundary (false: judged at the cap by the sign of its ratio). */
  decidedByBoundary: boolean;
}

/** The sequential test that judged each budget, with its error rates (`LeastBudgetTest`). */
export type SequentialTestJson = LeastBudgetTestJson;

/** The result of `hotline plan`, as printed by `--json` (no timing, so identical runs print identical JSON). */
export interface PlanResult {
  command: 'plan';
  /** `least`: the least budget reaching p; `budget`: what a given budget buys and achieves. */
  question: 'least' | 'budget';
  scenario: ScenarioJson;
  targets: { id: string; title: { zh: string; en: string }; answerRateDefinition: AnswerRateDefinition };
  /** The probability p every target must be met with, in every quarter. */
  confidence: number;
  seed: number;
  costs: CostsJson;
  /** The budget judged (the answer, for `least`), yuan for the year. */
  budget: { seatRentalYuan: number; managementFeeYuan: number; totalYuan: number };
  purchase: PurchaseJson;
  replications: number;
  /** Confidence level of every probability interval. */
  level: number;
  /**
   * P(every target the queue KPIs measure met in every quarter), with its
   * interval: the criterion `leastBudget` searches on.
   */
  allTargets: ProbabilityEstimate;
  /** Whether `allTargets.probability` >= `confidence`. */
  meetsConfidence: boolean;
  /**
   * `allTargets` judged by the report's rule (`decideProbability`): `pass` when
   * its interval lies at or above p, `fail` below, `undecided` between.
   */
  allTargetsVerdict: Decision;
  /** P(every queue target met) in each quarter. */
  allTargetsByQuarter: PeriodProbability[];
  /**
   * The whole target table: every row of the set in the document's order,
   * with what the simulator measures beyond the queue (survey, faults,
   * workforce, budget execution), per quarter and in all four; verdicts at p.
   */
  targetTable: PlanTargetTable;
  /** KPIs per quarter across replications. */
  quarters: { period: string; kpis: Partial<Record<keyof Kpis, SummaryJson | null>> }[];
  staffing: StaffingMonth[];
  /** The search, for `least`: whether p was reached, the analytic screen and every budget judged. */
  search: {
    found: boolean;
    analyticSeats: number;
    replications: number;
    /** The rule each budget was judged by. */
    test: SequentialTestJson;
    evaluations: JudgedBudgetJson[];
    /** One seat less read on the answer's replications (the same random numbers); null without an answer. */
    oneSeatLess: OneSeatLess | null;
  } | null;
  /**
   * With `--allocate`: the allocation chosen (`allocateBudget`) and every
   * candidate judged under common random numbers; null otherwise.
   */
  allocation: {
    chosen: string;
    replications: number;
    candidates: {
      name: string;
      scheduledAgentHours: number;
      probability: ProbabilityEstimate;
      meanMargin: number;
      quarterWeights: number[];
    }[];
  } | null;
  notes: string[];
}

/**
 * The `plan` result from an evaluated budget (everything but timing).
 *
 * @param inputs the scenario, targets and costs
 * @param question which question was asked
 * @param confidence p
 * @param seed the seed
 * @param budget the budget lines judged, yuan
 * @param plan what the budget buys, as a scenario (`scenarioForBudget`)
 * @param evaluation its evaluation
 * @param search the least-budget search, or null
 * @param allocation the allocation chosen and its candidates, or null
 * @returns the result in the order `--json` prints it
 * @example
 * const reader = new OptionReader();
 * const { inputs } = readPlanInputs(reader, 'data/shanghai-12333-2020/scenario.json', { days: '1' })!;
 * const plan = scenarioForBudget(inputs.scenario, shanghai12333Budget2020, inputs.unitCosts, inputs.buying);
 * const evaluation = await evaluatePlan(plan.scenario, inputs.targets.set, { replications: 2, seed: 1, workers: 0 });
 * const result = planResult(inputs, 'budget', 0.9, 1, shanghai12333Budget2020, plan, evaluation, null);
 * [result.purchase.seats, result.purchase.staffOnPayroll, result.replications, result.staffing.length]; // => [359, 407, 2, 1]
 */
export function planResult(
  inputs: PlanInputs,
  question: PlanResult['question'],
  confidence: number,
  seed: number,
  budget: BudgetLines,
  plan: {
    scenario: Scenario;
    purchase: BudgetPurchase;
    availableAgentHours: number;
    scheduledAgentHours: number;
  },
  evaluation: PlanEvaluation,
  search: PlanResult['search'],
  allocation: PlanResult['allocation'] = null,
): PlanResult {
  const periods = evaluation.quarters.map((quarter) => quarter.period);
  const staffing = staffingByMonth(plan.scenario);
  const notes = [`unit costs: ${inputs.unitCostsSource}`, ...budgetRosterNotes(inputs.roster)];
  if (inputs.scenario.days < 366) {
    const share = shareOfYearAgentHours(inputs.scenario, inputs.file.scenario);
    notes.push(
      `the budget is for a year; the simulation covers ${inputs.scenario.days} days from ${inputs.scenario.startDate} ` +
        `with ${formatPercent(share, 1)} of the year’s agent-hours, the share the scenario’s own staffing puts in them ` +
        `(${formatPercent(inputs.scenario.days / 366, 1)} by days)`,
    );
  }
  const unmeasured = evaluation.targetTable.rows.filter((row) => row.status === 'not simulated').length;
  if (unmeasured > 0) {
    notes.push(`${unmeasured} indicators are not simulated (the table says why); they are never assumed met`);
  }
  notes.push(`verdicts: ${evaluation.targetTable.rule}`);
  const allTargets = { ...evaluation.allTargets };
  return {
    command: 'plan',
    question,
    scenario: scenarioJson(inputs),
    targets: {
      id: inputs.targets.set.id,
      title: { ...inputs.targets.set.title },
      answerRateDefinition: inputs.targets.answerRateDefinition,
    },
    confidence,
    seed,
    costs: costsJson(inputs),
    budget: {
      seatRentalYuan: budget.seatRental,
      managementFeeYuan: budget.managementFee,
      totalYuan: budget.seatRental + budget.managementFee,
    },
    purchase: {
      ...plan.purchase,
      availableAgentHours: plan.availableAgentHours,
      scheduledAgentHours: plan.scheduledAgentHours,
      peakAgents: Math.max(0, ...staffing.map((month) => month.peakAgents)),
    },
    replications: evaluation.replications,
    level: evaluation.level,
    allTargets,
    meetsConfidence: allTargets.probability >= confidence,
    allTargetsVerdict: decideProbability(allTargets, confidence),
    allTargetsByQuarter: evaluation.allTargetsByQuarter.map((estimate, q) => ({
      period: periods[q] ?? '',
      ...estimate,
    })),
    targetTable: assessmentAtConfidence(evaluation.targetTable, confidence),
    quarters: evaluation.quarters.map((quarter) => {
      const kpis: Partial<Record<keyof Kpis, SummaryJson | null>> = {};
      for (const kpi of QUARTER_KPIS) kpis[kpi] = summaryJson(quarter.kpis[kpi]);
      return { period: quarter.period, kpis };
    }),
    staffing,
    search,
    allocation,
    notes,
  };
}

/**
 * A probability with its interval: `92.0% [80.8%, 97.2%]` (`formatEstimate`).
 *
 * @param estimate the estimate, or null
 * @returns the text (`-` for none)
 * @example
 * formatProbability({ probability: 0.9, low: 0.5958, high: 0.9821, successes: 9, trials: 10 }); // => '90.0% [59.6%, 98.2%]'
 */
export const formatProbability: (estimate: ProbabilityEstimate | null | undefined) => string = formatEstimate;

/**
 * The lines that say which costs and buying rule a plan used.
 *
 * @param costs the costs part of a result
 * @returns text lines
 * @example
 * const reader = new OptionReader();
 * const { inputs } = readPlanInputs(reader, 'data/shanghai-12333-2020/scenario.json', { days: '1' })!;
 * costLines(costsJson(inputs));
 * // => [
 * //   'Unit costs: the 12333 2020 unit costs (sim/budget/shanghai12333Costs.ts): the scenario file has no cost section',
 * //   '  loaded wage 9,100 yuan per staff-month, system 18,073 per seat-year, 5,000 per hire, management fee 4,137,700 a year',
 * //   'Buying rule: 1.134 staff per seat, 30% shrinkage, 2,000 paid hours per staff-year, 0.00 hires per staff-year',
 * // ]
 */
export function costLines(costs: CostsJson): string[] {
  const c = costs.unitCosts;
  const b = costs.buying;
  return [
    `Unit costs: ${costs.source}`,
    `  loaded wage ${formatYuan(c.loadedWagePerStaffMonth)} yuan per staff-month, system ${formatYuan(c.systemCostPerSeatYear)} ` +
      `per seat-year, ${formatYuan(c.recruitmentAndTrainingPerHire)} per hire, management fee ${formatYuan(c.managementFeeYear)} a year`,
    `Buying rule: ${formatNumber(b.staffPerSeat, 3)} staff per seat, ${formatPercent(b.shrinkage, 0)} shrinkage, ` +
      `${formatYuan(b.paidHoursPerStaffYear)} paid hours per staff-year, ${formatNumber(b.hiresPerStaffYear, 2)} hires per staff-year`,
  ];
}

/**
 * The human text of a `plan` result: the answer, what the budget buys, the
 * search, the target table with quarterly probabilities, the quarters, the
 * staffing by month and the notes.
 *
 * @param result what `planResult` returned
 * @param wallSeconds wall-clock time (shown, never in `--json`)
 * @returns the text, ending with a newline
 * @example
 * const reader = new OptionReader();
 * const { inputs } = readPlanInputs(reader, 'data/shanghai-12333-2020/scenario.json', { days: '1' })!;
 * const plan = scenarioForBudget(inputs.scenario, shanghai12333Budget2020, inputs.unitCosts, inputs.buying);
 * const evaluation = await evaluatePlan(plan.scenario, inputs.targets.set, { replications: 2, seed: 1, workers: 0 });
 * const result = planResult(inputs, 'budget', 0.9, 1, shanghai12333Budget2020, plan, evaluation, null);
 * formatPlan(result, 12.3).split('\n').slice(11, 13);
 * // => [
 * //   'Question: what 55,070,300 yuan a year (seat rental 50,932,600 + management fee 4,137,700) buys, and how likely it is to meet every target',
 * //   'P(every queue target, every quarter) = 100.0% [34.2%, 100.0%] (95% Wilson interval, 2 replications): straddles p = 90%: more replications needed to decide',
 * // ]
 */
export function formatPlan(result: PlanResult, wallSeconds: number): string {
  const s = result.scenario;
  const p = formatPercent(result.confidence, 0);
  const level = formatPercent(result.level, 0);
  const lines = [
    ...scenarioLines(s),
    `Targets: ${result.targets.title.zh} / ${result.targets.title.en} (answer rate ${result.targets.answerRateDefinition})`,
    ...costLines(result.costs),
    `Seed ${result.seed}, ${formatNumber(wallSeconds, 1)} s`,
    '',
  ];
  const b = result.budget;
  const budgetText = `${formatYuan(b.totalYuan)} yuan a year (seat rental ${formatYuan(b.seatRentalYuan)} + management fee ${formatYuan(b.managementFeeYuan)})`;
  if (result.question === 'least' && result.search) {
    lines.push(
      `Question: the least budget meeting every queue target (answer rate, service level, ASA) in every quarter with probability >= ${p}`,
      result.search.found
        ? `Answer: ${result.purchase.seats} seats, ${budgetText}`
        : `No answer: even ${result.purchase.seats} seats (${budgetText}) do not reach ${p}; raise the seats searched or lower p`,
    );
  } else {
    lines.push(`Question: what ${budgetText} buys, and how likely it is to meet every target`);
  }
  lines.push(
    `P(every queue target, every quarter) = ${formatProbability(result.allTargets)} ` +
      `(${level} Wilson interval, ${result.replications} replications): ` +
      (result.allTargetsVerdict === 'pass'
        ? `reaches p = ${p}`
        : result.allTargetsVerdict === 'fail'
          ? `BELOW p = ${p}`
          : `straddles p = ${p}: more replications needed to decide`),
  );
  if (result.search) lines.push(`Rule: ${leastBudgetTestSentence(result.search.test)}`);
  const below = result.search?.oneSeatLess;
  if (below) {
    lines.push(
      `One seat less (${below.seats} seats, ${formatYuan(below.totalYuan)} yuan), judged short after ${below.judgedShortAfter} replications: ` +
        `P = ${formatProbability(below.probability)} on the answer's ${below.replications} replications (the same random numbers)`,
    );
  }
  const u = result.purchase;
  lines.push(
    '',
    'What the budget buys',
    formatTable(
      [{ header: 'item', align: 'left' }, { header: 'value' }],
      [
        ['seats', String(u.seats)],
        ['staff on payroll', String(u.staffOnPayroll)],
        ['cost of a seat-year (yuan)', formatYuan(u.costPerSeatYear)],
        ['seat rental left unspent (yuan)', formatYuan(u.unspentSeatRental)],
        ['agent-hours on the phones, year', formatYuan(u.agentHoursYear)],
        ['average agents on the phones', formatNumber(u.averageAgentsOnPhones, 1)],
        [`agent-hours scheduled, ${s.days} days`, formatYuan(u.scheduledAgentHours)],
        ['peak agents in an interval', String(u.peakAgents)],
        ['management fee covered', u.managementFeeCovered ? 'yes' : 'NO'],
      ],
    ),
  );
  if (result.search) {
    lines.push(
      '',
      `Budgets judged by simulation (Erlang A screen: ${result.search.analyticSeats} seats; ${result.search.replications} replications in all)`,
      formatTable(
        [
          { header: 'seats' },
          { header: 'budget (yuan)' },
          { header: 'replications' },
          { header: `P(meet all) [${level}]` },
          { header: 'judged', align: 'left' },
        ],
        result.search.evaluations.map((e) => [
          String(e.seats),
          formatYuan(e.totalYuan),
          String(e.replications),
          formatProbability(e.probability),
          (e.meets ? `reaches ${p}` : `short of ${p}`) + (e.decidedByBoundary ? '' : ' (at the cap)'),
        ]),
      ),
    );
  }
  if (result.allocation) {
    const chosen = result.allocation.chosen;
    lines.push(
      '',
      `Allocation: candidates judged on the same seeds (${result.allocation.replications} replications in all); chosen: ${chosen}`,
      formatTable(
        [
          { header: 'candidate', align: 'left' },
          { header: 'agent-hours' },
          { header: `P(meet all) [${level}]` },
          { header: 'mean margin' },
          { header: 'quarter weights', align: 'left' },
        ],
        result.allocation.candidates.map((candidate) => [
          `${candidate.name}${candidate.name === chosen ? ' (chosen)' : ''}`,
          formatYuan(candidate.scheduledAgentHours),
          formatProbability(candidate.probability),
          formatNumber(candidate.meanMargin, 4),
          candidate.quarterWeights.map((weight) => formatNumber(weight, 2)).join(' '),
        ]),
      ),
    );
  }
  const table = result.targetTable;
  lines.push('', 'Targets', ...formatTargetTable(table));
  lines.push(
    '',
    `Quarters: P(every queue target met) and P(the quarterly assessment passes) [${level}], KPI means`,
    formatTable(
      [
        { header: 'quarter', align: 'left' },
        { header: 'P(queue targets)' },
        { header: 'P(assessment)' },
        { header: 'answer rate' },
        { header: `service level (${s.answerWithinSeconds} s)` },
        { header: 'ASA (s)' },
        { header: 'occupancy' },
      ],
      result.allTargetsByQuarter.map((estimate, q) => {
        const kpis = result.quarters[q]?.kpis ?? {};
        return [
          estimate.period,
          formatProbability(estimate),
          formatProbability(table.quarterly[q]?.allMet),
          formatPercent(kpis.answerRate?.mean),
          formatPercent(kpis.serviceLevel?.mean),
          formatNumber(kpis.asaSeconds?.mean, 1),
          formatPercent(kpis.occupancy?.mean),
        ];
      }),
    ),
  );
  lines.push(
    '',
    'Staffing plan by month',
    formatTable(
      [
        { header: 'month', align: 'left' },
        { header: 'mean agents' },
        { header: 'peak agents' },
        { header: 'agent-hours' },
      ],
      result.staffing.map((month) => [
        month.month,
        formatNumber(month.meanAgents, 1),
        String(month.peakAgents),
        formatYuan(month.agentHours),
      ]),
    ),
  );
  lines.push('', 'Notes:', ...result.notes.map((note) => `  ${note}`));
  return lines.join('\n') + '\n';
}

function planSheets(result: PlanResult, intervals: { interval: string; agents: number }[]): Sheet[] {
  const sheets: Sheet[] = [
    targetTableSheet(result.targetTable),
    {
      name: 'Quarters',
      columns: [
        { key: 'period', header: 'quarter', format: 'text' },
        { key: 'probability', header: 'P(every queue target met)', format: 'percent' },
        { key: 'low', header: 'interval low', format: 'percent' },
        { key: 'high', header: 'interval high', format: 'percent' },
        { key: 'assessment', header: 'P(quarterly assessment passes)', format: 'percent' },
        { key: 'assessmentLow', header: 'interval low', format: 'percent' },
        { key: 'assessmentHigh', header: 'interval high', format: 'percent' },
        ...QUARTER_KPIS.map((kpi) => ({
          key: kpi,
          header: `${kpi} mean`,
          format: kpi === 'asaSeconds' ? ('decimal' as const) : ('percent' as const),
        })),
      ],
      rows: [
        ...result.allTargetsByQuarter.map((estimate, q) => {
          const cells: Record<string, string | number | null> = {
            period: estimate.period,
            probability: estimate.probability,
            low: estimate.low,
            high: estimate.high,
            assessment: result.targetTable.quarterly[q]?.allMet.probability ?? null,
            assessmentLow: result.targetTable.quarterly[q]?.allMet.low ?? null,
            assessmentHigh: result.targetTable.quarterly[q]?.allMet.high ?? null,
          };
          for (const kpi of QUARTER_KPIS) cells[kpi] = result.quarters[q]?.kpis[kpi]?.mean ?? null;
          return cells;
        }),
        {
          period: 'all quarters',
          probability: result.allTargets.probability,
          low: result.allTargets.low,
          high: result.allTargets.high,
          assessment: result.targetTable.allQuarters.probability,
          assessmentLow: result.targetTable.allQuarters.low,
          assessmentHigh: result.targetTable.allQuarters.high,
        },
      ],
    },
    {
      name: 'Budget',
      columns: [
        { key: 'item', header: 'item', format: 'text' },
        { key: 'value', header: 'value', format: 'decimal' },
      ],
      rows: [
        { item: 'seat rental (yuan)', value: result.budget.seatRentalYuan },
        { item: 'management fee (yuan)', value: result.budget.managementFeeYuan },
        { item: 'total (yuan)', value: result.budget.totalYuan },
        { item: 'seats', value: result.purchase.seats },
        { item: 'staff on payroll', value: result.purchase.staffOnPayroll },
        { item: 'cost of a seat-year (yuan)', value: result.purchase.costPerSeatYear },
        { item: 'seat rental left unspent (yuan)', value: result.purchase.unspentSeatRental },
        { item: 'agent-hours on the phones, year', value: result.purchase.agentHoursYear },
        { item: 'average agents on the phones', value: result.purchase.averageAgentsOnPhones },
        { item: 'agent-hours scheduled over the horizon', value: result.purchase.scheduledAgentHours },
        { item: 'confidence p', value: result.confidence },
        { item: 'P(every target, every quarter)', value: result.allTargets.probability },
        { item: 'replications', value: result.replications },
      ],
    },
    {
      name: 'Staffing by month',
      columns: [
        { key: 'month', header: 'month', format: 'text' },
        { key: 'meanAgents', header: 'mean agents', format: 'decimal' },
        { key: 'peakAgents', header: 'peak agents', format: 'integer' },
        { key: 'agentHours', header: 'agent-hours', format: 'decimal' },
      ],
      rows: result.staffing.map((month) => ({ ...month })),
    },
    {
      name: 'Staffing by interval',
      columns: [
        { key: 'interval', header: 'interval start', format: 'text' },
        { key: 'agents', header: 'agents', format: 'integer' },
      ],
      rows: intervals,
    },
  ];
  if (result.allocation) {
    sheets.push({
      name: 'Allocation',
      columns: [
        { key: 'name', header: 'candidate', format: 'text' },
        { key: 'chosen', header: 'chosen', format: 'text' },
        { key: 'scheduledAgentHours', header: 'agent-hours', format: 'decimal' },
        { key: 'probability', header: 'P(meet every queue target)', format: 'percent' },
        { key: 'low', header: 'interval low', format: 'percent' },
        { key: 'high', header: 'interval high', format: 'percent' },
        { key: 'meanMargin', header: 'mean margin', format: 'decimal' },
        { key: 'quarterWeights', header: 'quarter weights', format: 'text' },
      ],
      rows: result.allocation.candidates.map((candidate) => ({
        name: candidate.name,
        chosen: candidate.name === result.allocation?.chosen ? 'yes' : 'no',
        scheduledAgentHours: candidate.scheduledAgentHours,
        probability: candidate.probability.probability,
        low: candidate.probability.low,
        high: candidate.probability.high,
        meanMargin: candidate.meanMargin,
        quarterWeights: candidate.quarterWeights.join(' '),
      })),
    });
  }
  if (result.search) {
    sheets.push({
      name: 'Search',
      columns: [
        { key: 'seats', header: 'seats', format: 'integer' },
        { key: 'totalYuan', header: 'budget (yuan)', format: 'decimal' },
        { key: 'replications', header: 'replications', format: 'integer' },
        { key: 'probability', header: 'P(meet every target)', format: 'percent' },
        { key: 'low', header: 'interval low', format: 'percent' },
        { key: 'high', header: 'interval high', format: 'percent' },
        { key: 'meets', header: 'reaches p', format: 'text' },
        { key: 'decided', header: 'decided', format: 'text' },
      ],
      rows: result.search.evaluations.map((e) => ({
        seats: e.seats,
        totalYuan: e.totalYuan,
        replications: e.replications,
        probability: e.probability.probability,
        low: e.probability.low,
        high: e.probability.high,
        meets: e.meets ? 'yes' : 'no',
        decided: e.decidedByBoundary ? 'on a boundary' : 'at the cap',
      })),
    });
  }
  return sheets;
}

/** Where the allocation stands, in a few words for the progress bar. */
function allocationDetail(done: number, planned: number, replications: number): string {
  return `candidate ${Math.min(Math.floor(done / replications) + 1, Math.max(1, planned / replications))} of ${Math.ceil(planned / replications)} so far`;
}

/** Where the least-budget search stands, in a few words for the progress bar. */
function searchDetail(progress: LeastBudgetProgress): string {
  if (progress.phase === 'screen') return `screen (Erlang A): ${progress.seats} seats`;
  const low = progress.lowSeats < 0 ? '?' : String(progress.lowSeats);
  const high = progress.highSeats < 0 ? '?' : String(progress.highSeats);
  return `simulate ${progress.seats} seats, bracket (${low}, ${high}], ${progress.evaluationsDone} budgets judged`;
}

/** `hotline plan <scenario.json>`: the least budget meeting the targets with probability p, or what a budget buys. */
export const planCommand: CommandSpec = {
  name: 'plan',
  summary: 'the least budget meeting every target with probability p, or what a budget buys and achieves',
  description:
    'With --least: the least budget (in whole seats) whose plan meets every simulated target in every ' +
    'quarter with probability at least --confidence: an Erlang A screen on the agents churn and faults leave, ' +
    'then a search by simulation under common random numbers, ' +
    `${leastBudgetTestSentence(leastBudgetTest({}))} (the defaults; --indifference, --error-rate and --max-replications change them). ` +
    'The answer is a budget judged to reach p one seat above one judged short, with its probability and interval. ' +
    'With --budget YUAN ' +
    '(or, without either, the scenario file’s budget lines): what the money buys (seats, staff on payroll, ' +
    'agent-hours) and the probability of meeting each target per quarter and in all four, with intervals. ' +
    'The budget buys staff by the buying rule (--staff-per-seat, --shrinkage) at the unit costs, and the ' +
    'agent-hours are spread over the intervals in the shape of the scenario’s own staffing.',
  operands: ['<scenario>'],
  options: [
    ['--least', 'find the least budget that meets every target with probability --confidence'],
    [
      '--budget <yuan>',
      'judge this total budget for the year (seat rental + the unit costs’ management fee)',
    ],
    [
      '--allocate',
      'with a budget: shape its agent-hours across intervals, weekdays and quarters to the load (best of several candidates)',
    ],
    ['--confidence <p>', 'probability p of meeting every target in every quarter (default: 0.9)'],
    ['--replications <n>', 'replications for --budget, and per candidate with --allocate (default: 20)'],
    [
      '--indifference <delta>',
      'half-width of the indifference zone p ± delta of the test judging each budget, for --least (default: 0.05)',
    ],
    [
      '--error-rate <alpha>',
      'nominal error rate of the test’s boundaries, both sides, for --least (default: 0.1)',
    ],
    ['--batch <n>', 'replications simulated at a time for a budget being judged, for --least (default: 4)'],
    [
      '--max-replications <n>',
      'most replications the test reads for one budget, then the sign of its ratio decides, for --least (default: 60)',
    ],
    ['--max-seats <n>', 'most seats the search may buy, for --least (default: four times the screen)'],
    ...SHARED_PLAN_OPTIONS,
    ['--json', 'print the result as JSON (numbers unformatted, stable key order, no timing)'],
    ['--xlsx <file>', 'also write the targets, quarters, budget and staffing plan as an Excel workbook'],
    YES_OPTION,
  ],
  examples: [
    'hotline plan data/shanghai-12333-2020/scenario.json --least --confidence 0.9 --days 7',
    'hotline plan data/shanghai-12333-2020/scenario.json --budget 55070300 --replications 10 --xlsx plan.xlsx',
    'hotline plan data/shanghai-12333-2020/budget-2019.json --days 28 --json',
    'hotline plan data/shanghai-12333-2020/scenario.json --allocate --days 28 --replications 4',
  ],
  async run(operands, options, scanProblems, context) {
    const reader = new OptionReader();
    for (const problem of scanProblems) reader.problem(problem);
    const least = options.least === true;
    const allocate = options.allocate === true;
    if (least && allocate) {
      reader.problem(
        '--allocate shapes a given budget: use it with --budget (or the scenario’s budget), not --least',
      );
    }
    const budgetYuan = reader.number(
      '--budget',
      optionText(options, 'budget'),
      { min: 0, max: 1e12 },
      'yuan',
    );
    if (least && optionText(options, 'budget') !== undefined) {
      reader.problem('--least and --budget ask different questions: give one of them');
    }
    const confidence = reader.fraction('--confidence', optionText(options, 'confidence') ?? '0.9');
    if (confidence !== undefined && !(confidence > 0 && confidence < 1)) {
      reader.problem(
        `--confidence: must be strictly between 0 and 1 (got ${optionText(options, 'confidence')})`,
      );
    }
    const replications = reader.number('--replications', optionText(options, 'replications') ?? '20', {
      min: 1,
      max: 100_000,
      integer: true,
    });
    const batch = reader.number('--batch', optionText(options, 'batch') ?? '4', {
      min: 1,
      max: 10_000,
      integer: true,
    });
    const maxReplications = reader.number(
      '--max-replications',
      optionText(options, 'maxReplications') ?? '60',
      {
        min: 1,
        max: 100_000,
        integer: true,
      },
    );
    const maxSeats = reader.number('--max-seats', optionText(options, 'maxSeats'), {
      min: 1,
      max: 1_000_000,
      integer: true,
    });
    const indifference = reader.fraction('--indifference', optionText(options, 'indifference'));
    const errorRate = reader.fraction('--error-rate', optionText(options, 'errorRate'));
    if (errorRate !== undefined && !(errorRate > 0 && errorRate < 0.5)) {
      reader.problem(
        `--error-rate: must be strictly between 0 and 0.5 (got ${optionText(options, 'errorRate')})`,
      );
    }
    if (confidence !== undefined && confidence > 0 && confidence < 1 && indifference !== undefined) {
      const limit = Math.min(confidence, 1 - confidence);
      if (!(indifference > 0 && indifference < limit)) {
        reader.problem(
          `--indifference: must be above 0 and below ${Number(limit.toPrecision(6))} for p = ${confidence}, so that p ± delta stays inside (0, 1) (got ${optionText(options, 'indifference')})`,
        );
      }
    }
    const xlsx = optionText(options, 'xlsx');
    checkOutputPath(reader, '--xlsx', xlsx);
    const read = readPlanInputs(reader, operands[0], options);

    let budget: BudgetLines | undefined;
    if (read && !least) {
      const { inputs } = read;
      if (budgetYuan !== undefined) {
        try {
          budget = budgetLinesOfTotal(budgetYuan, inputs.unitCosts);
        } catch {
          reader.problem(
            `--budget: must cover the management fee of ${formatYuan(inputs.unitCosts.managementFeeYear)} yuan (got ${optionText(options, 'budget')})`,
          );
        }
      } else if (optionText(options, 'budget') === undefined) {
        const lines = inputs.file.meta.budget;
        if (lines?.seatRentalYuan !== undefined && lines.managementFeeYuan !== undefined) {
          budget = { seatRental: lines.seatRentalYuan, managementFee: lines.managementFeeYuan };
        } else {
          reader.problem(
            `${inputs.file.meta.file}: the scenario has no budget lines (seat rental and management fee): give --budget <yuan> or --least`,
          );
        }
      }
    }
    if (reader.problems.length > 0 || !read || confidence === undefined)
      throw new UsageError(reader.problems);
    const { inputs, shared } = read;
    const p = confidence;
    const workers = shared.workers ?? availableParallelism();
    const days = inputs.scenario.days;
    // (on a queue, the workers of the cluster decide the time: nothing to estimate here)
    if (shared.queue === undefined) {
      // --least: an upper bound, every budget a bisection over the seats may judge at --max-replications;
      // --allocate: the flat, scenario-shaped, load-shaped and balanced allocations, then 2 refinements
      const budgets = 2 + Math.ceil(Math.log2(maxSeats ?? LEAST_SEATS_FOR_ESTIMATE));
      const runs = least
        ? (maxReplications as number) * budgets
        : (replications as number) * (allocate ? 6 : 1);
      await confirmLongRun(
        context,
        [{ scenario: inputs.scenario, replications: runs }],
        least ? workers : Math.min(workers, replications as number),
        least
          ? `at most ${runs} replications of ${days} days: ${maxReplications} at each of up to ${budgets} budgets`
          : `${runs} replications of ${days} days`,
        options.yes === true,
      );
    }
    const started = performance.now();
    let result: PlanResult;
    let intervals: { interval: string; agents: number }[];
    if (least) {
      const batchSize = batch as number;
      const rule = leastBudgetTest({
        confidence: p,
        maxReplications: maxReplications as number,
        ...(indifference !== undefined ? { indifference } : {}),
        ...(errorRate !== undefined ? { errorRate } : {}),
      });
      const expectedPerBudget = Math.ceil(rule.expectedReplicationsAtP);
      const progress = new Progress('least budget', batchSize);
      let answer;
      try {
        answer = await onQueue(shared.queue, progress, (pool) =>
          leastBudget(inputs.scenario, inputs.targets.set, inputs.unitCosts, {
            buying: inputs.buying,
            seed: shared.seed,
            confidence: p,
            batchReplications: batchSize,
            maxReplications: maxReplications as number,
            ...(indifference !== undefined ? { indifference } : {}),
            ...(errorRate !== undefined ? { errorRate } : {}),
            ...(pool ? { pool } : { workers }),
            answerRateDefinition: inputs.targets.answerRateDefinition,
            ...(maxSeats !== undefined ? { maxSeats } : {}),
            onProgress: (at) => {
              // The budgets still to judge, each about the test's expected replications at p:
              // an estimate that grows as the search learns.
              const open =
                at.highSeats < 0 || at.lowSeats < 0 ? 2 : Math.max(1, at.highSeats - at.lowSeats - 1);
              progress.setTotal(
                at.replicationsDone + expectedPerBudget * (Math.ceil(Math.log2(open + 1)) + 1),
              );
              progress.update(at.replicationsDone, searchDetail(at));
            },
          }),
        );
      } finally {
        progress.stop();
      }
      const plan = scenarioForBudget(inputs.scenario, answer.budget, inputs.unitCosts, inputs.buying);
      intervals = staffingIntervals(answer.scenario);
      result = planResult(inputs, 'least', p, shared.seed, answer.budget, plan, answer.evaluation, {
        found: answer.found,
        analyticSeats: answer.analyticSeats,
        replications: answer.replications,
        test: leastBudgetTestJson(answer.test),
        evaluations: answer.evaluations.map((e) => ({
          seats: e.seats,
          totalYuan: e.totalYuan,
          replications: e.replications,
          probability: { ...e.probability },
          meets: e.meets,
          decidedByBoundary: e.decidedByBoundary,
        })),
        oneSeatLess: answer.oneSeatLess === null ? null : { ...answer.oneSeatLess },
      });
    } else {
      const lines = budget as BudgetLines;
      const plan = scenarioForBudget(inputs.scenario, lines, inputs.unitCosts, inputs.buying);
      const reps = replications as number;
      if (allocate) {
        const progress = new Progress('allocation', reps);
        let allocation: BudgetAllocation;
        try {
          allocation = await onQueue(shared.queue, progress, (pool) =>
            allocateBudget(inputs.scenario, inputs.targets.set, inputs.unitCosts, lines, {
              buying: inputs.buying,
              seed: shared.seed,
              replications: reps,
              ...(pool ? { pool } : { workers: Math.min(workers, reps) }),
              answerRateDefinition: inputs.targets.answerRateDefinition,
              onProgress: (done, planned) => {
                progress.setTotal(planned);
                progress.update(done, `${allocationDetail(done, planned, reps)}`);
              },
            }),
          );
        } finally {
          progress.stop();
        }
        const chosen = allocation.candidates.find((candidate) => candidate.name === allocation.chosen);
        intervals = staffingIntervals(allocation.scenario);
        result = planResult(
          inputs,
          'budget',
          p,
          shared.seed,
          lines,
          {
            scenario: allocation.scenario,
            purchase: allocation.purchase,
            availableAgentHours: allocation.availableAgentHours,
            scheduledAgentHours: chosen?.scheduledAgentHours ?? plan.scheduledAgentHours,
          },
          allocation.evaluation,
          null,
          {
            chosen: allocation.chosen,
            replications: allocation.replications,
            candidates: allocation.candidates.map((candidate) => ({
              name: candidate.name,
              scheduledAgentHours: candidate.scheduledAgentHours,
              probability: { ...candidate.probability },
              meanMargin: candidate.meanMargin,
              quarterWeights: [...candidate.quarterWeights],
            })),
          },
        );
      } else {
        const progress = new Progress('replications', reps);
        let evaluation: PlanEvaluation;
        try {
          evaluation = await onQueue(shared.queue, progress, (pool) =>
            evaluatePlan(plan.scenario, inputs.targets.set, {
              replications: reps,
              seed: shared.seed,
              ...(pool ? { pool } : { workers: Math.min(workers, reps) }),
              answerRateDefinition: inputs.targets.answerRateDefinition,
              confidence: p,
              budget: {
                cost: steadyPlanCost(
                  {
                    staffOnPayroll: plan.purchase.staffOnPayroll,
                    seats: plan.purchase.seats,
                    hiresPerYear: plan.purchase.staffOnPayroll * (inputs.buying.hiresPerStaffYear ?? 0),
                  },
                  inputs.unitCosts,
                ),
                budget: lines,
              },
              onProgress: (done) => progress.update(done),
            }),
          );
        } finally {
          progress.stop();
        }
        intervals = staffingIntervals(plan.scenario);
        result = planResult(inputs, 'budget', p, shared.seed, lines, plan, evaluation, null);
      }
    }
    const wallSeconds = (performance.now() - started) / 1000;
    if (xlsx !== undefined)
      await writeFileSet([{ path: xlsx, content: await workbookBytes(planSheets(result, intervals)) }]);
    process.stdout.write(
      options.json === true ? JSON.stringify(result, null, 2) + '\n' : formatPlan(result, wallSeconds),
    );
  },
};
