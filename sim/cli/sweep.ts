import { availableParallelism } from 'node:os';
import {
  evaluatePlan,
  scenarioForBudget,
  varyAssumption,
  whatBudgetBuys,
  writeFileAtomic,
  type Assumption,
  type BudgetLines,
  type ProbabilityEstimate,
  type Summary,
} from '../index.js';
import { optionText, optionTexts, OptionReader, UsageError } from './args.js';
import type { CommandSpec } from './command.js';
import { finiteOrNull, formatNumber, formatPercent, formatTable, formatYuan } from './format.js';
import { checkOutputPath, csvText, Progress, workbookBytes, type Sheet } from './output.js';
import {
  costLines,
  costsJson,
  formatProbability,
  readPlanInputs,
  scenarioJson,
  SHARED_PLAN_OPTIONS,
  type CostsJson,
  type PlanInputs,
  type ScenarioJson,
} from './plan.js';

/** The assumptions a sweep varies (each one `varyAssumption` knows). */
export type SweepAssumption = Extract<Assumption, 'volume' | 'handle' | 'patience' | 'redialProbability'>;

/** Assumptions `--vary` accepts, by the name written on the command line. */
export const VARY_NAMES: Readonly<Record<string, SweepAssumption>> = {
  volume: 'volume',
  handle: 'handle',
  patience: 'patience',
  redial: 'redialProbability',
  redialProbability: 'redialProbability',
};

/** The assumptions in the order of a row's columns. */
const ASSUMPTIONS: readonly SweepAssumption[] = ['volume', 'handle', 'patience', 'redialProbability'];

/** One point of a sweep: a budget and a factor per assumption (1: as in the scenario). */
export interface SweepPoint {
  seats: number;
  budget: BudgetLines;
  factors: Record<SweepAssumption, number>;
}

/** One row of a sweep's tidy table: the point's inputs and what the simulation gives. */
export interface SweepRow {
  /** Seats the budget buys. */
  seats: number;
  staffOnPayroll: number;
  /** Seat rental plus management fee, yuan for the year. */
  budgetYuan: number;
  /** Factors applied to the scenario's assumptions (1: unchanged). */
  volume: number;
  handle: number;
  patience: number;
  redialProbability: number;
  replications: number;
  /** P(every simulated target met in every quarter) and its Wilson interval. */
  probability: number;
  probabilityLow: number;
  probabilityHigh: number;
  /** Whether `probability` >= the sweep's confidence p. */
  meetsConfidence: boolean;
  answerRateMean: number | null;
  answerRateCiLow: number | null;
  answerRateCiHigh: number | null;
  serviceLevelMean: number | null;
  asaSecondsMean: number | null;
  abandonRateMean: number | null;
  occupancyMean: number | null;
}

/** Columns of the tidy table, in order (the CSV header). */
export const SWEEP_COLUMNS: readonly (keyof SweepRow)[] = [
  'seats',
  'staffOnPayroll',
  'budgetYuan',
  'volume',
  'handle',
  'patience',
  'redialProbability',
  'replications',
  'probability',
  'probabilityLow',
  'probabilityHigh',
  'meetsConfidence',
  'answerRateMean',
  'answerRateCiLow',
  'answerRateCiHigh',
  'serviceLevelMean',
  'asaSecondsMean',
  'abandonRateMean',
  'occupancyMean',
];

/** A point of the frontier: a budget and its probability of meeting every target, at the scenario's assumptions. */
export interface FrontierPoint {
  seats: number;
  budgetYuan: number;
  probability: number;
  probabilityLow: number;
  probabilityHigh: number;
  meetsConfidence: boolean;
}

/** The result of `hotline sweep`, as printed by `--json` (no timing). */
export interface SweepResult {
  command: 'sweep';
  scenario: ScenarioJson;
  targets: { id: string; title: { zh: string; en: string } };
  confidence: number;
  seed: number;
  replications: number;
  costs: CostsJson;
  /** The assumptions varied and their factors. */
  varied: Partial<Record<SweepAssumption, number[]>>;
  /** One row per point, budgets in increasing order, then assumption factors. */
  rows: SweepRow[];
  /** The factors the frontier is drawn at (`frontierFactors`: 1 where swept or not varied). */
  frontierAt: Record<SweepAssumption, number>;
  /** Budget against probability at `frontierAt`. */
  frontier: FrontierPoint[];
  /** The least budget of the frontier reaching p, or null. */
  leastBudgetReaching: FrontierPoint | null;
  notes: string[];
}

/**
 * The grid of a sweep: every budget (from seats and from yuan) crossed with
 * every combination of the varied assumptions' factors. Budgets named by
 * seats buy exactly those seats (seat-years plus the management fee, as
 * `leastBudget` prices them); budgets in yuan are totals, the management fee
 * taken first.
 *
 * @param inputs the costs and buying rule
 * @param seats seat counts to buy
 * @param budgetsYuan total budgets, yuan
 * @param varied factors per assumption
 * @returns the points, budgets in increasing order
 * @example
 * sweepGrid(inputs, [300, 330], [], { volume: [0.9, 1.1] }).length; // => 4
 */
export function sweepGrid(
  inputs: PlanInputs,
  seats: readonly number[],
  budgetsYuan: readonly number[],
  varied: Partial<Record<SweepAssumption, readonly number[]>>,
): SweepPoint[] {
  const fee = inputs.unitCosts.managementFeeYear;
  const { costPerSeatYear } = whatBudgetBuys(
    { seatRental: 0, managementFee: fee },
    inputs.unitCosts,
    inputs.buying,
  );
  const budgets = new Map<number, BudgetLines>();
  for (const n of seats) {
    const lines = { seatRental: n * costPerSeatYear, managementFee: fee };
    budgets.set(lines.seatRental + fee, lines);
  }
  for (const total of budgetsYuan) budgets.set(total, { seatRental: total - fee, managementFee: fee });
  const sorted = [...budgets.entries()].sort((a, b) => a[0] - b[0]).map(([, lines]) => lines);
  let combos: Record<SweepAssumption, number>[] = [
    { volume: 1, handle: 1, patience: 1, redialProbability: 1 },
  ];
  for (const assumption of ASSUMPTIONS) {
    const factors = varied[assumption];
    if (!factors) continue;
    combos = combos.flatMap((combo) => factors.map((factor) => ({ ...combo, [assumption]: factor })));
  }
  return sorted.flatMap((budget) =>
    combos.map((factors) => ({
      seats: whatBudgetBuys(budget, inputs.unitCosts, inputs.buying).seats,
      budget,
      factors,
    })),
  );
}

/**
 * The assumptions' factors the frontier is drawn at: for each assumption, the
 * swept factor nearest 1 (the scenario as written), the smaller on a tie.
 *
 * @param rows the sweep's rows
 * @returns a factor per assumption
 * @example
 * frontierFactors(rows).volume; // => 1 when volume=0.9,1,1.1 was swept
 */
export function frontierFactors(rows: readonly SweepRow[]): Record<SweepAssumption, number> {
  const nearestOne = (assumption: SweepAssumption): number => {
    const values = [...new Set(rows.map((row) => row[assumption]))].sort((a, b) => a - b);
    return values.reduce(
      (best, value) => (Math.abs(value - 1) < Math.abs(best - 1) ? value : best),
      values[0] ?? 1,
    );
  };
  return Object.fromEntries(ASSUMPTIONS.map((a) => [a, nearestOne(a)])) as Record<SweepAssumption, number>;
}

/**
 * The frontier of a sweep: budget against probability of meeting every
 * target, at the factors of `frontierFactors` (the scenario's own
 * assumptions when 1 was swept).
 *
 * @param rows the sweep's rows
 * @returns one point per budget, in the rows' order (increasing budget)
 * @example
 * sweepFrontier(rows).map((point) => point.probability);
 */
export function sweepFrontier(rows: readonly SweepRow[]): FrontierPoint[] {
  const base = frontierFactors(rows);
  return rows
    .filter((row) => ASSUMPTIONS.every((a) => row[a] === base[a]))
    .map((row) => ({
      seats: row.seats,
      budgetYuan: row.budgetYuan,
      probability: row.probability,
      probabilityLow: row.probabilityLow,
      probabilityHigh: row.probabilityHigh,
      meetsConfidence: row.meetsConfidence,
    }));
}

function sweepRow(
  point: SweepPoint,
  staffOnPayroll: number,
  probability: ProbabilityEstimate,
  kpis: Record<
    'answerRate' | 'serviceLevel' | 'asaSeconds' | 'abandonRate' | 'occupancy',
    Summary | null | undefined
  >,
  replications: number,
  confidence: number,
): SweepRow {
  return {
    seats: point.seats,
    staffOnPayroll,
    budgetYuan: point.budget.seatRental + point.budget.managementFee,
    volume: point.factors.volume,
    handle: point.factors.handle,
    patience: point.factors.patience,
    redialProbability: point.factors.redialProbability,
    replications,
    probability: probability.probability,
    probabilityLow: probability.low,
    probabilityHigh: probability.high,
    meetsConfidence: probability.probability >= confidence,
    answerRateMean: kpis.answerRate?.mean ?? null,
    answerRateCiLow: finiteOrNull(kpis.answerRate?.ciLow),
    answerRateCiHigh: finiteOrNull(kpis.answerRate?.ciHigh),
    serviceLevelMean: kpis.serviceLevel?.mean ?? null,
    asaSecondsMean: kpis.asaSeconds?.mean ?? null,
    abandonRateMean: kpis.abandonRate?.mean ?? null,
    occupancyMean: kpis.occupancy?.mean ?? null,
  };
}

/**
 * The human text of a `sweep` result: the grid as a table and the frontier.
 *
 * @param result what the sweep returned
 * @param wallSeconds wall-clock time (shown, never in `--json`)
 * @returns the text, ending with a newline
 * @example
 * process.stdout.write(formatSweep(result, 42));
 */
export function formatSweep(result: SweepResult, wallSeconds: number): string {
  const s = result.scenario;
  const p = formatPercent(result.confidence, 0);
  const varied = ASSUMPTIONS.filter((a) => result.varied[a] !== undefined);
  const lines = [
    s.title,
    `${s.file}: ${s.days} days from ${s.startDate}, ${s.intervalMinutes}-minute intervals, service level within ${s.answerWithinSeconds} s`,
    `Targets: ${result.targets.title.zh} / ${result.targets.title.en}`,
    ...costLines(result.costs),
    `${result.rows.length} points x ${result.replications} replications, seed ${result.seed} for every point (common random numbers), ${formatNumber(wallSeconds, 1)} s`,
    '',
    `Grid: P(every simulated target met in every quarter) [95% Wilson interval]`,
    formatTable(
      [
        { header: 'seats' },
        { header: 'staff' },
        { header: 'budget (yuan)' },
        ...varied.map((a) => ({ header: a === 'redialProbability' ? 'redial x' : `${a} x` })),
        { header: 'P(meet all)' },
        { header: 'answer rate' },
        { header: `service level (${s.answerWithinSeconds} s)` },
        { header: 'ASA (s)' },
      ],
      result.rows.map((row) => [
        String(row.seats),
        String(row.staffOnPayroll),
        formatYuan(row.budgetYuan),
        ...varied.map((a) => formatNumber(row[a], 2)),
        formatProbability({
          probability: row.probability,
          low: row.probabilityLow,
          high: row.probabilityHigh,
          successes: 0,
          trials: row.replications,
        }),
        formatPercent(row.answerRateMean),
        formatPercent(row.serviceLevelMean),
        formatNumber(row.asaSecondsMean, 1),
      ]),
    ),
    '',
    `Frontier: budget against P(meet all), at ${
      varied.length === 0
        ? "the scenario's assumptions"
        : varied.map((a) => `${a} x${formatNumber(result.frontierAt[a], 2)}`).join(', ')
    }`,
    formatTable(
      [
        { header: 'seats' },
        { header: 'budget (yuan)' },
        { header: 'P(meet all)' },
        { header: `reaches ${p}`, align: 'left' },
      ],
      result.frontier.map((point) => [
        String(point.seats),
        formatYuan(point.budgetYuan),
        formatProbability({
          probability: point.probability,
          low: point.probabilityLow,
          high: point.probabilityHigh,
          successes: 0,
          trials: 0,
        }),
        point.meetsConfidence ? 'yes' : 'no',
      ]),
    ),
    '',
    result.leastBudgetReaching
      ? `Least budget of the grid reaching p = ${p}: ${result.leastBudgetReaching.seats} seats, ${formatYuan(result.leastBudgetReaching.budgetYuan)} yuan`
      : `No budget of the grid reaches p = ${p}`,
  ];
  if (result.notes.length > 0) lines.push('', 'Notes:', ...result.notes.map((note) => `  ${note}`));
  return lines.join('\n') + '\n';
}

function sweepSheets(result: SweepResult): Sheet[] {
  const format = (key: keyof SweepRow): 'percent' | 'integer' | 'decimal' | 'text' => {
    if (key === 'seats' || key === 'staffOnPayroll' || key === 'replications') return 'integer';
    if (key === 'meetsConfidence') return 'text';
    if (key.startsWith('probability') || /Rate|serviceLevel|occupancy/.test(key)) return 'percent';
    return 'decimal';
  };
  return [
    {
      name: 'Sweep',
      columns: SWEEP_COLUMNS.map((key) => ({ key, header: key, format: format(key) })),
      rows: result.rows.map((row) => ({ ...row, meetsConfidence: row.meetsConfidence ? 'yes' : 'no' })),
    },
    {
      name: 'Frontier',
      columns: [
        { key: 'seats', header: 'seats', format: 'integer' },
        { key: 'budgetYuan', header: 'budget (yuan)', format: 'decimal' },
        { key: 'probability', header: 'P(meet every target)', format: 'percent' },
        { key: 'probabilityLow', header: 'interval low', format: 'percent' },
        { key: 'probabilityHigh', header: 'interval high', format: 'percent' },
        { key: 'meetsConfidence', header: `reaches p = ${result.confidence}`, format: 'text' },
      ],
      rows: result.frontier.map((point) => ({
        ...point,
        meetsConfidence: point.meetsConfidence ? 'yes' : 'no',
      })),
    },
  ];
}

/** `hotline sweep <scenario.json>`: a grid of budgets and assumptions under common random numbers. */
export const sweepCommand: CommandSpec = {
  name: 'sweep',
  summary:
    'a grid of seats or budgets x assumptions under common random numbers: a tidy table and the frontier',
  description:
    'Simulate every point of a grid: budgets (--seats buys whole seats, --budget names totals in yuan) ' +
    'crossed with every combination of the varied assumptions (--vary volume=0.9,1,1.1, repeatable: volume, ' +
    'handle, patience, redial). Every point runs the same seeds (common random numbers), so differences come ' +
    'from the budget and the assumptions, not from luck. Prints one row per point (P(every target met in ' +
    'every quarter) with its Wilson interval, KPI means) and the frontier: budget against that probability ' +
    'at the scenario’s own assumptions.',
  operands: ['<scenario>'],
  options: [
    ['--seats <list>', 'seat counts to buy: 300:360:10 (from:to:step) or 300,330,360'],
    ['--budget <list>', 'total budgets for the year, yuan: 50e6,55070300 or 50e6:60e6:2.5e6'],
    ['--vary <name=factors>', 'vary an assumption: volume=0.9,1,1.1 (repeat for handle, patience, redial)'],
    ['--replications <n>', 'replications at every point (default: 10)'],
    ['--confidence <p>', 'the probability p the frontier marks (default: 0.9)'],
    ...SHARED_PLAN_OPTIONS,
    ['--json', 'print the result as JSON (numbers unformatted, stable key order, no timing)'],
    ['--csv <file>', 'also write the tidy table (one row per point) as CSV'],
    ['--xlsx <file>', 'also write the tidy table and the frontier as an Excel workbook'],
  ],
  repeatable: ['--vary'],
  examples: [
    'hotline sweep data/shanghai-12333-2020/scenario.json --seats 300:360:20 --days 7 --replications 8',
    'hotline sweep data/shanghai-12333-2020/scenario.json --seats 330,360 --vary volume=0.9,1,1.1 --vary handle=1,1.1 --days 7 --csv sweep.csv',
  ],
  async run(operands, options, scanProblems) {
    const reader = new OptionReader();
    for (const problem of scanProblems) reader.problem(problem);
    const seats = reader.numberList('--seats', optionText(options, 'seats'), {
      min: 0,
      max: 1_000_000,
      integer: true,
    });
    const budgets = reader.numberList(
      '--budget',
      optionText(options, 'budget'),
      { min: 0, max: 1e12 },
      'yuan',
    );
    if (optionText(options, 'seats') === undefined && optionText(options, 'budget') === undefined) {
      reader.problem('give the budgets to sweep: --seats <list> or --budget <list> (or both)');
    }
    const varied: Partial<Record<SweepAssumption, number[]>> = {};
    for (const text of optionTexts(options, 'vary')) {
      const equals = text.indexOf('=');
      if (equals < 0) {
        reader.problem(`--vary: must be name=factors such as volume=0.9,1,1.1 (got ${JSON.stringify(text)})`);
        continue;
      }
      const name = reader.choice('--vary', text.slice(0, equals).trim(), Object.keys(VARY_NAMES));
      const factors = reader.numberList(`--vary ${text.slice(0, equals).trim()}`, text.slice(equals + 1), {
        min: 0,
        max: 100,
      });
      if (name === undefined || factors === undefined) continue;
      const assumption = VARY_NAMES[name] as SweepAssumption;
      if (varied[assumption]) reader.problem(`--vary: ${name} is varied twice`);
      else varied[assumption] = factors;
    }
    const replications = reader.number('--replications', optionText(options, 'replications') ?? '10', {
      min: 1,
      max: 100_000,
      integer: true,
    });
    const confidence = reader.fraction('--confidence', optionText(options, 'confidence') ?? '0.9');
    const csvPath = optionText(options, 'csv');
    const xlsx = optionText(options, 'xlsx');
    checkOutputPath(reader, '--csv', csvPath);
    checkOutputPath(reader, '--xlsx', xlsx);
    const read = readPlanInputs(reader, operands[0], options);
    if (read) {
      const fee = read.inputs.unitCosts.managementFeeYear;
      for (const total of budgets ?? []) {
        if (total < fee) {
          reader.problem(`--budget: ${total} does not cover the management fee of ${formatYuan(fee)} yuan`);
        }
      }
      const scenario = read.inputs.scenario;
      if (varied.volume && scenario.arrivals.kind === 'at') {
        reader.problem(
          '--vary volume: the scenario lists its arrivals one by one (kind at) and cannot be scaled',
        );
      }
    }
    let points: SweepPoint[] = [];
    if (read && reader.problems.length === 0) {
      points = sweepGrid(read.inputs, seats ?? [], budgets ?? [], varied);
      if (points.length > 10_000) reader.problem(`the grid holds ${points.length} points (at most 10,000)`);
    }
    if (reader.problems.length > 0 || !read || replications === undefined || confidence === undefined) {
      throw new UsageError(reader.problems);
    }
    const { inputs, shared } = read;
    const workers = Math.min(shared.workers ?? availableParallelism(), replications);
    const started = performance.now();
    const progress = new Progress('sweep', points.length * replications);
    const rows: SweepRow[] = [];
    try {
      for (const point of points) {
        const plan = scenarioForBudget(inputs.scenario, point.budget, inputs.unitCosts, inputs.buying);
        let scenario = plan.scenario;
        for (const assumption of ASSUMPTIONS) {
          if (point.factors[assumption] !== 1) {
            scenario = varyAssumption(scenario, assumption, point.factors[assumption]);
          }
        }
        const done = rows.length * replications;
        const detail = `${point.seats} seats${ASSUMPTIONS.filter((a) => varied[a])
          .map((a) => `, ${a} x${point.factors[a]}`)
          .join('')}`;
        progress.update(done, detail);
        const evaluation = await evaluatePlan(scenario, inputs.targets.set, {
          replications,
          seed: shared.seed,
          workers,
          answerRateDefinition: inputs.targets.answerRateDefinition,
          onProgress: (count) => progress.update(done + count),
        });
        const k = evaluation.kpis;
        rows.push(
          sweepRow(
            point,
            plan.purchase.staffOnPayroll,
            evaluation.allTargets,
            {
              answerRate: k.answerRate,
              serviceLevel: k.serviceLevel,
              asaSeconds: k.asaSeconds,
              abandonRate: k.abandonRate,
              occupancy: k.occupancy,
            },
            replications,
            confidence,
          ),
        );
      }
    } finally {
      progress.stop();
    }
    const frontier = sweepFrontier(rows);
    const notes = [`unit costs: ${inputs.unitCostsSource}`];
    if (inputs.scenario.days < 366) {
      notes.push(
        `budgets are for a year; the simulation covers ${inputs.scenario.days} days with the year’s agent-hours prorated`,
      );
    }
    const result: SweepResult = {
      command: 'sweep',
      scenario: scenarioJson(inputs),
      targets: { id: inputs.targets.set.id, title: { ...inputs.targets.set.title } },
      confidence,
      seed: shared.seed,
      replications,
      costs: costsJson(inputs),
      varied,
      rows,
      frontierAt: frontierFactors(rows),
      frontier,
      leastBudgetReaching: frontier.find((point) => point.meetsConfidence) ?? null,
      notes,
    };
    const wallSeconds = (performance.now() - started) / 1000;
    const bytes = xlsx !== undefined ? await workbookBytes(sweepSheets(result)) : undefined;
    if (csvPath !== undefined)
      writeFileAtomic(csvPath, csvText(SWEEP_COLUMNS, rows as unknown as Record<string, unknown>[]));
    if (xlsx !== undefined && bytes) writeFileAtomic(xlsx, bytes);
    process.stdout.write(
      options.json === true ? JSON.stringify(result, null, 2) + '\n' : formatSweep(result, wallSeconds),
    );
  },
};
