import { availableParallelism } from 'node:os';
import {
  budgetLinesOfTotal,
  frontier,
  sweep,
  whatBudgetBuys,
  writeFileSet,
  type OutputFile,
  type Assumption,
  type ProbabilityEstimate,
  type SweepGrid,
  type SweepRow,
} from '../index.js';
import { optionText, optionTexts, OptionReader, UsageError } from './args.js';
import type { CommandSpec } from './command.js';
import { finiteOrNull, formatNumber, formatPercent, formatTable, formatYuan } from './format.js';
import {
  checkDistinctOutputs,
  checkOutputPath,
  csvText,
  Progress,
  workbookBytes,
  type Sheet,
} from './output.js';
import { confirmLongRun, YES_OPTION } from './longRun.js';
import {
  costLines,
  costsJson,
  formatProbability,
  readPlanInputs,
  SHARED_PLAN_OPTIONS,
  type CostsJson,
} from './plan.js';
import { onQueue } from './queueOptions.js';
import { budgetRosterNotes, scenarioJson, scenarioLines, type ScenarioJson } from './scenarioInput.js';

/** Assumptions `--vary` accepts, by the name written on the command line. */
export const VARY_NAMES: Readonly<Record<string, Assumption>> = {
  volume: 'volume',
  handle: 'handle',
  patience: 'patience',
  redial: 'redialProbability',
  redialProbability: 'redialProbability',
  turnover: 'turnover',
};

/** One row of the tidy table `hotline sweep` prints: a grid point's inputs and results, flat (a CSV row). */
export interface SweepTableRow {
  /** Seat rental plus management fee, yuan for the year. */
  totalYuan: number;
  seatRentalYuan: number;
  /** Site seats asked for (`--seats` with `--budget`), or null: as many as the budget buys. */
  siteSeats: number | null;
  seatsBought: number;
  /** The cap on agents in an interval: min(site seats, seats bought). */
  seatsUsed: number;
  staffOnPayroll: number;
  /** Agent-hours scheduled over the horizon simulated. */
  scheduledAgentHours: number;
  /** The assumption varied at this point (`baseline`: none) and its factor. */
  assumption: Assumption | 'baseline';
  factor: number;
  replications: number;
  /** P(every queue target met in every quarter) and its Wilson interval. */
  probability: number;
  probabilityLow: number;
  probabilityHigh: number;
  /** Whether `probability` >= the sweep's confidence p. */
  meetsConfidence: boolean;
  answerRateMean: number | null;
  answerRateCiLow: number | null;
  answerRateCiHigh: number | null;
  serviceLevelMean: number | null;
  abandonRateMean: number | null;
  asaSecondsMean: number | null;
}

/** Columns of the tidy table, in order (the CSV header). */
export const SWEEP_COLUMNS: readonly (keyof SweepTableRow)[] = [
  'totalYuan',
  'seatRentalYuan',
  'siteSeats',
  'seatsBought',
  'seatsUsed',
  'staffOnPayroll',
  'scheduledAgentHours',
  'assumption',
  'factor',
  'replications',
  'probability',
  'probabilityLow',
  'probabilityHigh',
  'meetsConfidence',
  'answerRateMean',
  'answerRateCiLow',
  'answerRateCiHigh',
  'serviceLevelMean',
  'abandonRateMean',
  'asaSecondsMean',
];

/** A point of a frontier: a budget and its probability of meeting every queue target. */
export interface FrontierJson {
  totalYuan: number;
  seats: number;
  probability: ProbabilityEstimate;
  answerRate: number | null;
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
  /** The grid as swept: seat-rental budgets, site seats, assumptions and factors (one at a time). */
  grid: {
    seatRentalYuan: number[];
    siteSeats: (number | null)[];
    assumptions: Partial<Record<Assumption, number[]>>;
  };
  /** One row per point, in grid order: budget, then site seats, then baseline and each assumption and factor. */
  rows: SweepTableRow[];
  /** Budget against probability at the baseline assumptions, one frontier per site-seats setting. */
  frontiers: { siteSeats: number | null; points: FrontierJson[]; leastReaching: FrontierJson | null }[];
  notes: string[];
}

/**
 * A `sweep` row of the planning layer as a flat table row.
 *
 * @param row what `sweep` returned for one point
 * @param confidence the p the row is judged against
 * @returns the tidy row
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const rows = await sweep(base, targets, shanghai12333UnitCosts2020, { seatRentalYuan: [45e6, 50e6] },
 *   { buying: { staffPerSeat: 407 / 359, shrinkage: 0.3 }, seed: 1, replications: 2, workers: 0 });
 * const row = sweepTableRow(rows[0]!, 0.9);
 * [row.totalYuan, row.seatsBought, row.staffOnPayroll, row.probability, row.meetsConfidence, row.answerRateMean]; // => [49137700, 317, 359, 1, true, 1]
 */
export function sweepTableRow(row: SweepRow, confidence: number): SweepTableRow {
  return {
    totalYuan: row.totalYuan,
    seatRentalYuan: row.seatRentalYuan,
    siteSeats: row.siteSeats,
    seatsBought: row.seatsBought,
    seatsUsed: row.seatsUsed,
    staffOnPayroll: row.staffOnPayroll,
    scheduledAgentHours: row.scheduledAgentHours,
    assumption: row.assumption,
    factor: row.factor,
    replications: row.replications,
    probability: row.probability.probability,
    probabilityLow: row.probability.low,
    probabilityHigh: row.probability.high,
    meetsConfidence: row.probability.probability >= confidence,
    answerRateMean: row.answerRate?.mean ?? null,
    answerRateCiLow: finiteOrNull(row.answerRate?.ciLow),
    answerRateCiHigh: finiteOrNull(row.answerRate?.ciHigh),
    serviceLevelMean: row.serviceLevel?.mean ?? null,
    abandonRateMean: row.abandonRate?.mean ?? null,
    asaSecondsMean: row.asaSeconds?.mean ?? null,
  };
}

function rowProbability(row: SweepTableRow): ProbabilityEstimate {
  return {
    probability: row.probability,
    low: row.probabilityLow,
    high: row.probabilityHigh,
    successes: Math.round(row.probability * row.replications),
    trials: row.replications,
  };
}

/**
 * The human text of a `sweep` result: the grid as a table and the frontier.
 *
 * @param result what the sweep returned
 * @param wallSeconds wall-clock time (shown, never in `--json`)
 * @returns the text, ending with a newline
 * @example
 * const reader = new OptionReader();
 * const { inputs } = readPlanInputs(reader, 'data/shanghai-12333-2020/scenario.json', { days: '1' })!;
 * const rows = await sweep(inputs.scenario, inputs.targets.set, inputs.unitCosts, { seatRentalYuan: [50e6] },
 *   { buying: inputs.buying, seed: 1, replications: 2, workers: 0 });
 * const result = {
 *   command: 'sweep', scenario: scenarioJson(inputs), targets: { id: inputs.targets.set.id, title: inputs.targets.set.title },
 *   confidence: 0.9, seed: 1, replications: 2, costs: costsJson(inputs),
 *   grid: { seatRentalYuan: [50e6], siteSeats: [null], assumptions: [] },
 *   rows: rows.map((row) => sweepTableRow(row, 0.9)), frontiers: [], notes: [],
 * } as const;
 * formatSweep(result as never, 42).split('\n')[0] === result.scenario.title; // => true
 */
export function formatSweep(result: SweepResult, wallSeconds: number): string {
  const s = result.scenario;
  const p = formatPercent(result.confidence, 0);
  const siteSeats = result.grid.siteSeats.some((seats) => seats !== null);
  const lines = [
    ...scenarioLines(s),
    `Targets: ${result.targets.title.zh} / ${result.targets.title.en}`,
    ...costLines(result.costs),
    `${result.rows.length} points x ${result.replications} replications, seed ${result.seed} for every point (common random numbers), ${formatNumber(wallSeconds, 1)} s`,
    '',
    'Grid: P(every queue target met in every quarter) [95% Wilson interval], KPI means; assumptions varied one at a time',
    formatTable(
      [
        { header: 'budget (yuan)' },
        ...(siteSeats ? [{ header: 'site seats' }] : []),
        { header: siteSeats ? 'seats used' : 'seats' },
        { header: 'staff' },
        { header: 'varied', align: 'left' as const },
        { header: 'P(meet all)' },
        { header: 'answer rate' },
        { header: `service level (${s.answerWithinSeconds} s)` },
        { header: 'ASA (s)' },
      ],
      result.rows.map((row) => [
        formatYuan(row.totalYuan),
        ...(siteSeats ? [row.siteSeats === null ? 'bought' : String(row.siteSeats)] : []),
        String(row.seatsUsed),
        String(row.staffOnPayroll),
        row.assumption === 'baseline' ? 'baseline' : `${row.assumption} x${formatNumber(row.factor, 2)}`,
        formatProbability(rowProbability(row)),
        formatPercent(row.answerRateMean),
        formatPercent(row.serviceLevelMean),
        formatNumber(row.asaSecondsMean, 1),
      ]),
    ),
  ];
  for (const line of result.frontiers) {
    lines.push(
      '',
      `Frontier: budget against P(meet all), baseline assumptions${
        siteSeats ? `, ${line.siteSeats === null ? 'seats as bought' : `${line.siteSeats} site seats`}` : ''
      }`,
      formatTable(
        [
          { header: 'budget (yuan)' },
          { header: 'seats bought' },
          { header: 'P(meet all)' },
          { header: 'answer rate' },
          { header: `reaches ${p}`, align: 'left' },
        ],
        line.points.map((point) => [
          formatYuan(point.totalYuan),
          String(point.seats),
          formatProbability(point.probability),
          formatPercent(point.answerRate),
          point.meetsConfidence ? 'yes' : 'no',
        ]),
      ),
      line.leastReaching
        ? `Least budget of the grid reaching p = ${p}: ${formatYuan(line.leastReaching.totalYuan)} yuan (${line.leastReaching.seats} seats)`
        : `No budget of the grid reaches p = ${p}`,
    );
  }
  if (result.notes.length > 0) lines.push('', 'Notes:', ...result.notes.map((note) => `  ${note}`));
  return lines.join('\n') + '\n';
}

function sweepSheets(result: SweepResult): Sheet[] {
  const format = (key: keyof SweepTableRow): 'percent' | 'integer' | 'decimal' | 'text' => {
    if (['siteSeats', 'seatsBought', 'seatsUsed', 'staffOnPayroll', 'replications'].includes(key))
      return 'integer';
    if (key === 'assumption' || key === 'meetsConfidence') return 'text';
    if (key.startsWith('probability') || /Rate|serviceLevel/.test(key)) return 'percent';
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
        { key: 'siteSeats', header: 'site seats', format: 'text' },
        { key: 'totalYuan', header: 'budget (yuan)', format: 'decimal' },
        { key: 'seats', header: 'seats bought', format: 'integer' },
        { key: 'probability', header: 'P(meet every queue target)', format: 'percent' },
        { key: 'low', header: 'interval low', format: 'percent' },
        { key: 'high', header: 'interval high', format: 'percent' },
        { key: 'answerRate', header: 'answer rate', format: 'percent' },
        { key: 'meetsConfidence', header: `reaches p = ${result.confidence}`, format: 'text' },
      ],
      rows: result.frontiers.flatMap((line) =>
        line.points.map((point) => ({
          siteSeats: line.siteSeats === null ? 'as bought' : String(line.siteSeats),
          totalYuan: point.totalYuan,
          seats: point.seats,
          probability: point.probability.probability,
          low: point.probability.low,
          high: point.probability.high,
          answerRate: point.answerRate,
          meetsConfidence: point.meetsConfidence ? 'yes' : 'no',
        })),
      ),
    },
  ];
}

/** `hotline sweep <scenario.json>`: a grid of budgets, site seats and assumptions under common random numbers. */
export const sweepCommand: CommandSpec = {
  name: 'sweep',
  summary:
    'a grid of budgets x seats x assumptions under common random numbers: a tidy table and the frontier',
  description:
    'Simulate every point of a grid (the planning layer’s sweep): budgets crossed with site seats and with ' +
    'assumptions varied one at a time (--vary volume=0.9,1.1, repeatable: volume, handle, patience, redial, ' +
    'turnover; the baseline is always included). Budgets are totals in yuan (--budget; --seats then caps the ' +
    'agents at the site’s seats) or, without --budget, the whole seats to buy (--seats 300:360:10). Every ' +
    'point runs the same seeds (common random numbers), so differences come from the inputs, not from luck. ' +
    'Prints one row per point (P(every queue target met in every quarter) with its Wilson interval, KPI ' +
    'means) and the frontier: budget against that probability at the baseline assumptions.',
  operands: ['<scenario>'],
  options: [
    ['--seats <list>', 'seats to buy (no --budget) or site seats (with --budget): 300:360:10 or 300,330,360'],
    ['--budget <list>', 'total budgets for the year, yuan: 50e6,55070300 or 50e6:60e6:2.5e6'],
    [
      '--vary <name=factors>',
      'vary an assumption: volume=0.9,1.1 (repeat for handle, patience, redial, turnover)',
    ],
    ['--replications <n>', 'replications at every point (default: 10)'],
    ['--confidence <p>', 'the probability p the frontier marks (default: 0.9)'],
    ...SHARED_PLAN_OPTIONS,
    ['--json', 'print the result as JSON (numbers unformatted, stable key order, no timing)'],
    ['--csv <file>', 'also write the tidy table (one row per point) as CSV'],
    ['--xlsx <file>', 'also write the tidy table and the frontier as an Excel workbook'],
    YES_OPTION,
  ],
  repeatable: ['--vary'],
  examples: [
    'hotline sweep data/shanghai-12333-2020/scenario.json --seats 300:360:20 --days 7 --replications 8',
    'hotline sweep data/shanghai-12333-2020/scenario.json --seats 330,360 --vary volume=0.9,1.1 --vary handle=1.1 --days 7 --csv sweep.csv',
    'hotline sweep data/shanghai-12333-2020/scenario.json --budget 50e6:60e6:2.5e6 --seats 359 --days 7 --json',
  ],
  async run(operands, options, scanProblems, context) {
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
    const assumptions: Partial<Record<Assumption, number[]>> = {};
    for (const text of optionTexts(options, 'vary')) {
      const equals = text.indexOf('=');
      if (equals < 0) {
        reader.problem(`--vary: must be name=factors such as volume=0.9,1.1 (got ${JSON.stringify(text)})`);
        continue;
      }
      const name = reader.choice('--vary', text.slice(0, equals).trim(), Object.keys(VARY_NAMES));
      const factors = reader.numberList(`--vary ${text.slice(0, equals).trim()}`, text.slice(equals + 1), {
        min: 0,
        max: 100,
      });
      if (name === undefined || factors === undefined) continue;
      const assumption = VARY_NAMES[name] as Assumption;
      if (assumptions[assumption]) reader.problem(`--vary: ${name} is varied twice`);
      else assumptions[assumption] = factors;
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
    checkDistinctOutputs(reader, [
      ['--csv', csvPath],
      ['--xlsx', xlsx],
    ]);
    const read = readPlanInputs(reader, operands[0], options);
    let grid: SweepGrid | undefined;
    if (read) {
      const { unitCosts, buying, scenario } = read.inputs;
      const fee = unitCosts.managementFeeYear;
      const seatRentals: number[] = [];
      for (const total of budgets ?? []) {
        try {
          seatRentals.push(budgetLinesOfTotal(total, unitCosts).seatRental);
        } catch {
          reader.problem(`--budget: ${total} does not cover the management fee of ${formatYuan(fee)} yuan`);
        }
      }
      if (assumptions.volume && scenario.arrivals.kind === 'at') {
        reader.problem(
          '--vary volume: the scenario lists its arrivals one by one (kind at) and cannot be scaled',
        );
      }
      if (assumptions.turnover && scenario.workforce === undefined) {
        reader.problem('--vary turnover: the scenario has no workforce (staff churn) to vary');
      }
      if (budgets !== undefined) {
        grid = {
          seatRentalYuan: seatRentals,
          seats: seats ?? [null],
          assumptions,
        };
      } else if (seats !== undefined) {
        // whole seats bought: n seat-years, as leastBudget prices them
        const { costPerSeatYear } = whatBudgetBuys({ seatRental: 0, managementFee: fee }, unitCosts, buying);
        grid = { seatRentalYuan: seats.map((n) => n * costPerSeatYear), assumptions };
      }
      if (grid) {
        const points =
          grid.seatRentalYuan.length *
          (grid.seats?.length ?? 1) *
          (1 + Object.values(assumptions).reduce((sum, factors) => sum + factors.length, 0));
        if (points > 10_000) reader.problem(`the grid holds ${points} points (at most 10,000)`);
      }
    }
    if (
      reader.problems.length > 0 ||
      !read ||
      !grid ||
      replications === undefined ||
      confidence === undefined
    ) {
      throw new UsageError(reader.problems);
    }
    const { inputs, shared } = read;
    const workers = Math.min(
      shared.workers ?? availableParallelism(),
      replications * grid.seatRentalYuan.length,
    );
    const points =
      grid.seatRentalYuan.length *
      (grid.seats?.length ?? 1) *
      (1 + Object.values(assumptions).reduce((sum, factors) => sum + factors.length, 0));
    // (on a queue, the workers of the cluster decide the time: nothing to estimate here)
    if (shared.queue === undefined)
      await confirmLongRun(
        context,
        [{ scenario: inputs.scenario, replications: points * replications }],
        workers,
        `${points} points x ${replications} replications of ${inputs.scenario.days} days`,
        options.yes === true,
      );
    const started = performance.now();
    const progress = new Progress('sweep', 1);
    let swept: SweepRow[];
    try {
      const sweepGrid = grid;
      swept = await onQueue(shared.queue, progress, (pool) =>
        sweep(inputs.scenario, inputs.targets.set, inputs.unitCosts, sweepGrid, {
          buying: inputs.buying,
          seed: shared.seed,
          replications,
          ...(pool
            ? { pool }
            : {
                workers,
              }),
          answerRateDefinition: inputs.targets.answerRateDefinition,
          onProgress: (done, total) => {
            progress.setTotal(total);
            progress.update(done);
          },
        }),
      );
    } finally {
      progress.stop();
    }
    const frontiers = (grid.seats ?? [null]).map((siteSeats) => {
      const points = frontier(swept, { siteSeats }).map((point) => ({
        totalYuan: point.totalYuan,
        seats: point.seats,
        probability: { ...point.probability },
        answerRate: point.answerRate,
        meetsConfidence: point.probability.probability >= confidence,
      }));
      return { siteSeats, points, leastReaching: points.find((point) => point.meetsConfidence) ?? null };
    });
    const notes = [`unit costs: ${inputs.unitCostsSource}`, ...budgetRosterNotes(inputs.roster)];
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
      grid: {
        seatRentalYuan: [...grid.seatRentalYuan],
        siteSeats: [...(grid.seats ?? [null])],
        assumptions,
      },
      rows: swept.map((row) => sweepTableRow(row, confidence)),
      frontiers,
      notes,
    };
    const wallSeconds = (performance.now() - started) / 1000;
    const files: OutputFile[] = [];
    if (csvPath !== undefined)
      files.push({
        path: csvPath,
        content: csvText(SWEEP_COLUMNS, result.rows as unknown as Record<string, unknown>[]),
      });
    if (xlsx !== undefined) files.push({ path: xlsx, content: await workbookBytes(sweepSheets(result)) });
    await writeFileSet(files);
    process.stdout.write(
      options.json === true ? JSON.stringify(result, null, 2) + '\n' : formatSweep(result, wallSeconds),
    );
  },
};
