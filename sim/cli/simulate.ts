import { availableParallelism } from 'node:os';
import {
  channelThresholds,
  evaluateRuns,
  replicate,
  writeFileSet,
  type AnswerRateDefinition,
  type OutputFile,
  type Kpis,
  type ReplicationResult,
  type Scenario,
  type ScenarioFile,
  type TargetAssessment,
  type TargetSet,
} from '../index.js';
import { OptionReader, optionText, UsageError } from './args.js';
import type { CommandSpec } from './command.js';
import {
  finiteOrNull,
  formatNumber,
  formatPercent,
  formatTable,
  MISSING,
  NO_CALLS,
  summaryJson,
  type SummaryJson,
} from './format.js';
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
  loadScenario,
  PERIOD_OPTIONS,
  readRunOptions,
  readTargetsInput,
  scenarioJson,
  scenarioLines,
  type RosterJson,
  type ScenarioJson,
} from './scenarioInput.js';
import { onQueue, QUEUE_OPTIONS, readQueueOptions } from './queueOptions.js';
import { assessmentSheet, formatTargetTable, targetTableSheet } from './targetTable.js';
import { channelsJson, formatChannels, type ChannelsJson } from './channelTables.js';

export type { SummaryJson } from './format.js';

/** How a KPI is printed: a percentage (`rate`: with four decimals, for rare events), seconds or calls. */
export type KpiKind = 'fraction' | 'rate' | 'seconds' | 'calls';

/** KPIs in the order they are printed, with their label and kind (the survey's only when the scenario has one). */
export const KPI_ROWS: readonly { kpi: keyof Kpis; label: string; kind: KpiKind }[] = [
  { kpi: 'answerRate', label: 'answer rate, per attempt', kind: 'fraction' },
  { kpi: 'callerAnswerRate', label: 'answer rate, per caller', kind: 'fraction' },
  { kpi: 'answerRateIncludingSelfService', label: 'answer rate, self-service included', kind: 'fraction' },
  { kpi: 'serviceLevel', label: 'service level', kind: 'fraction' },
  { kpi: 'serviceLevelOfAnswered', label: 'service level of answered', kind: 'fraction' },
  {
    kpi: 'serviceLevelExcludingShortAbandons',
    label: 'service level, short abandons excluded',
    kind: 'fraction',
  },
  { kpi: 'probWait', label: 'P(wait)', kind: 'fraction' },
  { kpi: 'abandonRate', label: 'abandon rate', kind: 'fraction' },
  { kpi: 'blockRate', label: 'block rate', kind: 'fraction' },
  { kpi: 'faultLossRate', label: 'lost to faults', kind: 'fraction' },
  { kpi: 'asaSeconds', label: 'ASA (s)', kind: 'seconds' },
  { kpi: 'meanWaitSeconds', label: 'mean wait (s)', kind: 'seconds' },
  { kpi: 'occupancy', label: 'occupancy', kind: 'fraction' },
  { kpi: 'meanQueueLength', label: 'mean queue length (calls)', kind: 'calls' },
  { kpi: 'satisfaction', label: 'satisfaction (survey)', kind: 'fraction' },
  { kpi: 'complaintRate', label: 'complaints per answered call', kind: 'rate' },
  { kpi: 'qaPassRate', label: 'QA pass rate', kind: 'fraction' },
];

/** The result of `hotline simulate`, as printed by `--json` (keys in this order; no timing, so identical runs print identical JSON). */
export interface SimulateResult {
  command: 'simulate';
  scenario: ScenarioJson;
  seed: number;
  replications: number;
  /** Confidence level of `ciLow`/`ciHigh`. */
  level: number;
  kpis: Record<keyof Kpis, SummaryJson | null>;
  /** Offered attempts, answered... over the horizon, across replications. */
  counts: Record<string, SummaryJson | null>;
  quarters: { period: string; kpis: Record<keyof Kpis, SummaryJson | null> }[];
  /** The target set judged, or null when the scenario names none and `--targets` was not given. */
  targets: {
    id: string;
    title: { zh: string; en: string };
    answerRateDefinition: AnswerRateDefinition;
  } | null;
  /**
   * The whole target table (`evaluateRuns`' `targetTable`, from `assessTargets`):
   * every row of the set in the document's order, measured (queue KPIs, and
   * the survey, faults per level and workforce when the scenario has them) or
   * not simulated with the reason; probabilities per quarter and in all of
   * them with Wilson intervals; the quarterly assessments; verdicts at the
   * confidence asked for. Null when there are no targets.
   */
  targetTable: TargetAssessment | null;
  /**
   * An all-media scenario's channels (`voice`, `chat`, `message`, `callback`
   * when on), each with `kpis` of the top level's shape and `counts`, and its
   * agent groups; absent without channels (the top-level `kpis` and `counts`
   * are voice's either way).
   */
  channels?: ChannelsJson['channels'];
  groups?: ChannelsJson['groups'];
  /** Each channel's service-level threshold, seconds, with channels. */
  thresholds?: Record<string, number>;
  warnings: string[];
}

/** Each printed KPI's summary across replications (null when no run has a value), for JSON. */
function kpiRecord(summaries: ReplicationResult['kpis']): Record<keyof Kpis, SummaryJson | null> {
  const record = {} as Record<keyof Kpis, SummaryJson | null>;
  for (const { kpi } of KPI_ROWS) record[kpi] = summaryJson(summaries[kpi]);
  return record;
}

/**
 * The `simulate` result from replications (everything but timing).
 *
 * @param file the scenario read
 * @param simulated the scenario simulated: `file.scenario`, or the period of it asked for (`--from`, `--days`, `--to`)
 * @param result the replications
 * @param targets the target set to judge, with its answer-rate definition, or null
 * @param confidence the probability of meeting a target that a row and the table need to pass, in [0, 1]
 * @param roster the roster of generated shifts the scenario is on (`loadScenario`), or null
 * @returns the result in the order `--json` prints it
 * @throws {RangeError} when `confidence` is outside [0, 1] (from `assessTargets`)
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const days = firstDaysOf(file.scenario, 2);
 * const runs = await replicate(days, { replications: 2, seed: 1, workers: 0 });
 * const result = simulateResult(file, days, runs, null);
 * [result.command, result.scenario.days, result.replications, result.targetTable]; // => ['simulate', 2, 2, null]
 */
export function simulateResult(
  file: ScenarioFile,
  simulated: Scenario,
  result: ReplicationResult,
  targets: { set: TargetSet; answerRateDefinition: AnswerRateDefinition } | null,
  confidence = 0.9,
  roster: RosterJson | null = null,
): SimulateResult {
  const { scenario } = file;
  const counts: Record<string, SummaryJson | null> = {};
  for (const [name, summary] of Object.entries(result.counts)) counts[name] = summaryJson(summary);
  return {
    command: 'simulate',
    scenario: scenarioJson({ file, scenario: simulated, roster }),
    seed: result.seed,
    replications: result.replications,
    level: result.level,
    kpis: kpiRecord(result.kpis),
    counts,
    quarters: result.quarters.map((quarter) => ({ period: quarter.period, kpis: kpiRecord(quarter.kpis) })),

    targets: targets
      ? {
          id: targets.set.id,
          title: { ...targets.set.title },
          answerRateDefinition: targets.answerRateDefinition,
        }
      : null,
    targetTable: targets
      ? evaluateRuns(result.runs, scenario, targets.set, {
          seed: result.seed,
          answerRateDefinition: targets.answerRateDefinition,
          level: result.level,
          confidence,
        }).targetTable
      : null,
    ...channelsOutput(simulated, result),
    warnings: [...result.warnings],
  };
}

/** The KPIs of the queue: without a call offered they have no value, and print "no calls". */
const CALL_KPIS: ReadonlySet<keyof Kpis> = new Set<keyof Kpis>(
  KPI_ROWS.map(({ kpi }) => kpi).filter(
    (kpi) => !['satisfaction', 'complaintRate', 'qaPassRate', 'occupancy', 'meanQueueLength'].includes(kpi),
  ),
);

/** The channels, groups and thresholds of an all-media run for `SimulateResult` (nothing without channels). */
function channelsOutput(
  scenario: Scenario,
  result: ReplicationResult,
): Pick<SimulateResult, 'channels' | 'groups' | 'thresholds'> {
  const channels = channelsJson(
    result,
    KPI_ROWS.map((row) => row.kpi),
  );
  if (channels === null) return {};
  return {
    channels: channels.channels,
    groups: channels.groups,
    thresholds: { voice: scenario.answerWithinSeconds, ...channelThresholds(scenario) },
  };
}

function formatKpiValue(kind: KpiKind, value: number | null | undefined): string {
  if (kind === 'fraction') return formatPercent(value);
  if (kind === 'rate') return formatPercent(value, 4);
  return formatNumber(value, kind === 'seconds' ? 1 : 2);
}

/**
 * The human text of a `simulate` result: the whole horizon's KPIs with their
 * intervals, a table per quarter, the target table and the warnings.
 *
 * @param result what `simulateResult` returned
 * @param wallSeconds wall-clock time of the replications (shown, never in `--json`)
 * @param where where the replications ran (`ReplicationPool.where`: `2 worker threads`, `the queue at redis://...`)
 * @returns the text, ending with a newline
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const days = firstDaysOf(file.scenario, 2);
 * const runs = await replicate(days, { replications: 2, seed: 1, workers: 0 });
 * formatSimulate(simulateResult(file, days, runs, null), 12.3, 'in this thread').split('\n').slice(0, 2); // => ['Shanghai 12333 hotline, 2020 (SEED project 1)', 'data/shanghai-12333-2020/scenario.json: 2 days from 2020-01-01, 30-minute intervals, service level within 15 s']
 */
export function formatSimulate(result: SimulateResult, wallSeconds: number, where: string): string {
  const s = result.scenario;
  const t = s.answerWithinSeconds;
  const level = formatPercent(result.level, 0);
  // An empty load: the queue's rates and waits have nothing to divide by; they say so.
  const noCalls = result.counts.offered?.mean === 0;
  const lines = [
    ...scenarioLines(s),
    `${result.replications} replications, seed ${result.seed}, on ${where}, ${formatNumber(wallSeconds, 1)} s`,
    ...(noCalls
      ? [
          `${NO_CALLS}: no call was offered in any replication, so no rate or wait is defined (shown as "${NO_CALLS}")`,
        ]
      : []),
    '',
    `${s.periodNotes.length > 0 ? 'Whole period' : 'Whole horizon'}: mean across replications, ${level} interval of the mean, 5th and 95th percentiles`,
    formatTable(
      [
        { header: 'KPI', align: 'left' },
        { header: 'mean' },
        { header: `${level} interval` },
        { header: 'p05' },
        { header: 'p95' },
      ],
      KPI_ROWS.filter(({ kpi }) => result.kpis[kpi] !== null || (noCalls && CALL_KPIS.has(kpi))).map(
        ({ kpi, label, kind }) => {
          const summary = result.kpis[kpi];
          if (summary === null) return [label, NO_CALLS, NO_CALLS, NO_CALLS, NO_CALLS];
          return [
            kind === 'fraction' && kpi.startsWith('serviceLevel') ? `${label} (${t} s)` : label,
            formatKpiValue(kind, summary.mean),
            `${formatKpiValue(kind, summary.ciLow)} .. ${formatKpiValue(kind, summary.ciHigh)}`,
            formatKpiValue(kind, summary.p05),
            formatKpiValue(kind, summary.p95),
          ];
        },
      ),
    ),
  ];
  if (result.quarters.length > 0) {
    const quarterKpis: (keyof Kpis)[] = [
      'answerRate',
      'callerAnswerRate',
      'serviceLevel',
      'asaSeconds',
      'abandonRate',
      'occupancy',
    ];
    const headers = [
      'answer rate',
      'caller answer rate',
      `service level (${t} s)`,
      'ASA (s)',
      'abandon rate',
      'occupancy',
    ];
    lines.push('', `Per quarter: mean [${level} interval of the mean]`);
    lines.push(
      formatTable(
        [{ header: 'quarter', align: 'left' }, ...headers.map((header) => ({ header }))],
        result.quarters.map((quarter) => [
          quarter.period,
          ...quarterKpis.map((kpi) => {
            const summary = quarter.kpis[kpi];
            const kind = kpi === 'asaSeconds' ? 'seconds' : 'fraction';
            if (summary === null) return noCalls ? NO_CALLS : MISSING;
            return `${formatKpiValue(kind, summary.mean)} [${formatKpiValue(kind, summary.ciLow)}, ${formatKpiValue(kind, summary.ciHigh)}]`;
          }),
        ]),
      ),
    );
  }
  if (result.channels !== undefined && result.groups !== undefined) {
    lines.push(
      ...formatChannels(
        { channels: result.channels, groups: result.groups },
        result.level,
        result.thresholds ?? {},
      ),
    );
  }
  if (result.targets && result.targetTable) {
    lines.push(
      '',
      `Targets: ${result.targets.title.zh} / ${result.targets.title.en} (answer rate ${result.targets.answerRateDefinition})`,
      ...formatTargetTable(result.targetTable),
    );
  }
  if (result.warnings.length > 0) {
    lines.push('', 'Warnings:', ...result.warnings.map((warning) => `  ${warning}`));
  }
  return lines.join('\n') + '\n';
}

const INTERVAL_KPIS: readonly (keyof Kpis)[] = [
  'answerRate',
  'callerAnswerRate',
  'serviceLevel',
  'abandonRate',
  'asaSeconds',
  'occupancy',
];

/**
 * The interval rows of `--intervals` and of the workbook: per interval (its
 * local start), each KPI's mean and the interval of its mean across
 * replications; null where the interval had no calls.
 *
 * @param result replications run with `keepIntervals: true`
 * @returns one row per interval (none without `keepIntervals`)
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const days = firstDaysOf(file.scenario, 2);
 * const runs = await replicate(days, { replications: 2, seed: 1, workers: 0, keepIntervals: true });
 * intervalRows(runs).length; // => 96 (two days of half hours)
 * const row = intervalRows(runs)[20]!;
 * [row.interval, row.answerRateMean, row.answerRateCiLow]; // => ['2020-01-01T10:00', 0.9300, 0.1520]
 * intervalRows(await replicate(days, { replications: 2, seed: 1, workers: 0 })); // => [] (intervals not kept)
 */
export function intervalRows(result: ReplicationResult): Record<string, string | number | null>[] {
  return (result.intervals ?? []).map((interval) => {
    const row: Record<string, string | number | null> = { interval: interval.period };
    for (const kpi of INTERVAL_KPIS) {
      const summary = interval.kpis[kpi];
      row[`${kpi}Mean`] = summary ? summary.mean : null;
      row[`${kpi}CiLow`] = summary ? finiteOrNull(summary.ciLow) : null;
      row[`${kpi}CiHigh`] = summary ? finiteOrNull(summary.ciHigh) : null;
    }
    return row;
  });
}

const INTERVAL_COLUMNS = [
  'interval',
  ...INTERVAL_KPIS.flatMap((kpi) => [`${kpi}Mean`, `${kpi}CiLow`, `${kpi}CiHigh`]),
];

function workbookSheets(result: SimulateResult, replication: ReplicationResult): Sheet[] {
  const sheets: Sheet[] = [];
  if (result.targetTable)
    sheets.push(targetTableSheet(result.targetTable), assessmentSheet(result.targetTable));
  const summaryColumns = (kpiFormat: 'percent' | 'decimal') => [
    { key: 'mean', header: 'mean', format: kpiFormat },
    { key: 'ciLow', header: `${formatPercent(result.level, 0)} interval, low`, format: kpiFormat },
    { key: 'ciHigh', header: `${formatPercent(result.level, 0)} interval, high`, format: kpiFormat },
    { key: 'p05', header: '5th percentile', format: kpiFormat },
    { key: 'p95', header: '95th percentile', format: kpiFormat },
  ];
  sheets.push({
    name: 'KPIs',
    columns: [
      { key: 'kpi', header: 'KPI', format: 'text' },
      { key: 'label', header: 'label', format: 'text' },
      ...summaryColumns('decimal'),
    ],
    rows: KPI_ROWS.map(({ kpi, label }) => ({ kpi, label, ...(result.kpis[kpi] ?? {}) })),
  });
  sheets.push({
    name: 'Quarters',
    columns: [
      { key: 'period', header: 'quarter', format: 'text' },
      { key: 'kpi', header: 'KPI', format: 'text' },
      ...summaryColumns('decimal'),
    ],
    rows: result.quarters.flatMap((quarter) =>
      KPI_ROWS.map(({ kpi }) => ({ period: quarter.period, kpi, ...(quarter.kpis[kpi] ?? {}) })),
    ),
  });
  if (result.channels !== undefined) {
    sheets.push({
      name: 'Channels',
      columns: [
        { key: 'channel', header: 'channel', format: 'text' },
        { key: 'kpi', header: 'KPI', format: 'text' },
        ...summaryColumns('decimal'),
      ],
      rows: Object.entries(result.channels).flatMap(([channel, c]) => [
        ...KPI_ROWS.map(({ kpi }) => ({ channel, kpi, ...(c?.kpis[kpi] ?? {}) })),
        ...Object.entries(c?.counts ?? {}).map(([kpi, summary]) => ({ channel, kpi, ...(summary ?? {}) })),
      ]),
    });
  }
  if (replication.intervals) {
    sheets.push({
      name: 'Intervals',
      columns: INTERVAL_COLUMNS.map((key) => ({
        key,
        header: key,
        format: key === 'interval' ? 'text' : key.startsWith('asaSeconds') ? 'decimal' : 'percent',
      })),
      rows: intervalRows(replication),
    });
  }
  return sheets;
}

/** `hotline simulate <scenario.json>`: replications of a scenario file. */
export const simulateCommand: CommandSpec = {
  name: 'simulate',
  summary:
    'simulate a scenario file with replications: KPIs with 95% intervals, per quarter, and its whole target table',
  description:
    'Simulate a scenario file (data/README.md) --replications times on worker threads and print each KPI ' +
    'with the 95% interval of its mean and the 5th-95th percentiles across replications, for the whole ' +
    'horizon and per quarter, and the scenario’s whole target table: every indicator in the document’s ' +
    'order with its predicted value, the probability of meeting it in each quarter and in all of them ' +
    '(Wilson intervals) and a verdict at --confidence, or "not simulated" and why; satisfaction, ' +
    'complaints and QA come from the scenario’s survey, fault deadlines per level from its faults, ' +
    'turnover and training from its workforce. Then the quarterly assessments and the probability that ' +
    'all of them pass. Results depend only on the scenario, the seed and the replications, never on --workers ' +
    'or --queue (replications sent to a Redis queue and run by hotline worker processes on other machines).',
  operands: ['<scenario>'],
  options: [
    ['--replications <n>', 'independent replications (simulated years) (default: 10)'],
    ['--seed <n>', 'seed of the random streams, a non-negative integer (default: 1)'],
    [
      '--workers <n>',
      'worker threads; 0 runs every replication on the main thread (default: the cores available, at most --replications)',
    ],
    ...PERIOD_OPTIONS,
    ...QUEUE_OPTIONS,
    [
      '--targets <file>',
      'judge against this target set instead of the scenario’s (e.g. data/targets/gbt-33358-2016.json)',
    ],
    [
      '--confidence <p>',
      'probability of meeting a target that its row, and the table, need to pass (default: 0.9)',
    ],
    ['--intervals <file>', 'write the interval results (KPI means and intervals per interval) as CSV'],
    ['--json', 'print the result as JSON (numbers unformatted, stable key order, no timing)'],
    [
      '--xlsx <file>',
      'also write the targets, quarterly assessments, KPIs, quarters, channels (with channels) and intervals as an Excel workbook',
    ],
    YES_OPTION,
  ],
  examples: [
    'hotline simulate data/shanghai-12333-2020/scenario.json --replications 20 --seed 1',
    'hotline simulate data/shanghai-12333-2020/july-peak.json --from 2020-07-01 --days 31 --xlsx july.xlsx',
    'hotline simulate data/shanghai-12333-2020/scenario.json --from 2020-10-01 --to 2020-12-31',
    'hotline simulate data/shanghai-12345-desk-2020/scenario.json --targets data/targets/gbt-33358-2016.json --json',
  ],
  async run(operands, options, scanProblems, context) {
    const reader = new OptionReader();
    for (const problem of scanProblems) reader.problem(problem);
    const replications = reader.number('--replications', optionText(options, 'replications') ?? '10', {
      min: 1,
      max: 100_000,
      integer: true,
    });
    const { seed, workers: workersOption, days, from, to } = readRunOptions(reader, options);
    const queue = readQueueOptions(reader, options);
    const confidence = reader.fraction('--confidence', optionText(options, 'confidence') ?? '0.9');
    const intervalsPath = optionText(options, 'intervals');
    const xlsx = optionText(options, 'xlsx');
    checkOutputPath(reader, '--intervals', intervalsPath);
    checkOutputPath(reader, '--xlsx', xlsx);
    checkDistinctOutputs(reader, [
      ['--intervals', intervalsPath],
      ['--xlsx', xlsx],
    ]);

    const scenarioPath = operands[0];
    const loaded =
      scenarioPath !== undefined ? loadScenario(reader, scenarioPath, { from, days, to }) : undefined;
    const targetsPath = optionText(options, 'targets');
    const targetSet = targetsPath !== undefined ? readTargetsInput(reader, targetsPath) : undefined;
    if (reader.problems.length > 0 || !loaded || confidence === undefined)
      throw new UsageError(reader.problems);

    const { file, scenario } = loaded;
    const reps = replications as number;
    const workers = Math.min(workersOption ?? availableParallelism(), reps);
    // (on a queue, the workers of the cluster decide the time: nothing to estimate here)
    if (queue === undefined)
      await confirmLongRun(
        context,
        [{ scenario, replications: reps }],
        workers,
        `${reps} replications of ${scenario.days} days`,
        options.yes === true,
      );
    const progress = new Progress('replications', reps);
    let result: ReplicationResult;
    try {
      result = await onQueue(queue, progress, (pool) =>
        replicate(scenario, {
          replications: reps,
          seed: seed as number,
          ...(pool ? { pool } : { workers }),
          keepIntervals: intervalsPath !== undefined || xlsx !== undefined,
          onProgress: (done) => progress.update(done),
        }),
      );
    } finally {
      progress.stop();
    }
    const targets =
      targetSet !== undefined
        ? {
            set: targetSet,
            answerRateDefinition: file.meta.targets?.answerRateDefinition ?? ('perAttempt' as const),
          }
        : (file.meta.targets ?? null);
    const output = simulateResult(file, scenario, result, targets, confidence, loaded.roster);

    const files: OutputFile[] = [];
    if (intervalsPath !== undefined)
      files.push({ path: intervalsPath, content: csvText(INTERVAL_COLUMNS, intervalRows(result)) });
    if (xlsx !== undefined)
      files.push({ path: xlsx, content: await workbookBytes(workbookSheets(output, result)) });
    await writeFileSet(files);
    process.stdout.write(
      options.json === true
        ? JSON.stringify(output, null, 2) + '\n'
        : formatSimulate(output, result.timing.wallSeconds, result.timing.where),
    );
  },
};
