import { availableParallelism } from 'node:os';
import {
  firstDaysOf,
  indicatorMeasure,
  InputError,
  meetsIndicator,
  readScenarioFile,
  readTargetSet,
  replicate,
  writeFileAtomic,
  type AnswerRateDefinition,
  type Kpis,
  type ReplicationResult,
  type ScenarioFile,
  type Summary,
  type TargetIndicator,
  type TargetSet,
} from '../index.js';
import { OptionReader, UsageError } from './args.js';
import type { CommandSpec, OptionValues } from './command.js';
import { finiteOrNull, formatNumber, formatPercent, formatTable, MISSING } from './format.js';
import { checkOutputPath, csvText, Progress, workbookBytes, type Sheet } from './output.js';

/** A KPI summary across replications with non-finite ends (one replication) as null, for JSON. */
export interface SummaryJson {
  n: number;
  mean: number;
  sd: number;
  ciLow: number | null;
  ciHigh: number | null;
  p05: number;
  p95: number;
}

function summaryJson(summary: Summary | null): SummaryJson | null {
  if (summary === null) return null;
  return {
    n: summary.n,
    mean: summary.mean,
    sd: summary.sd,
    ciLow: finiteOrNull(summary.ciLow),
    ciHigh: finiteOrNull(summary.ciHigh),
    p05: summary.p05,
    p95: summary.p95,
  };
}

/** KPIs in the order they are printed, with their label and kind. */
export const KPI_ROWS: readonly { kpi: keyof Kpis; label: string; kind: 'fraction' | 'seconds' | 'calls' }[] =
  [
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
    { kpi: 'asaSeconds', label: 'ASA (s)', kind: 'seconds' },
    { kpi: 'meanWaitSeconds', label: 'mean wait (s)', kind: 'seconds' },
    { kpi: 'occupancy', label: 'occupancy', kind: 'fraction' },
    { kpi: 'meanQueueLength', label: 'mean queue length (calls)', kind: 'calls' },
  ];

/** One indicator of the target set, judged on the simulated horizon. */
export interface TargetRow {
  id: string;
  level1: { zh: string; en: string };
  level2: { zh: string; en: string };
  name: { zh: string; en: string };
  comparison: string | null;
  value: number | string;
  unit: string;
  /** The simulated KPI that measures it, or null when not simulated. */
  kpi: keyof Kpis | null;
  /** Mean across replications, in the indicator's unit; null when not simulated. */
  mean: number | null;
  /** 5th and 95th percentiles across replications: the 90% range of one year's value. */
  p05: number | null;
  p95: number | null;
  /** Share of replications whose value meets the target. */
  probabilityMeeting: number | null;
  /** Whether the mean meets the target; null when not simulated. */
  pass: boolean | null;
  /** Why it is not simulated, or empty. */
  note: string;
}

/**
 * Judge every indicator of a target set on the simulated horizon: the
 * predicted mean, the 90% range of one year's value across replications and
 * the share of replications meeting the target. An `answerRate` indicator is
 * measured by the scenario's answer-rate definition; indicators that no
 * simulated KPI measures (budget, satisfaction, faults...), or a service level
 * at another threshold than the scenario's, are marked "not simulated".
 *
 * @param result the replications
 * @param set the target set
 * @param definition which answer rate judges `answerRate` indicators
 * @param answerWithinSeconds the scenario's service-level threshold
 * @returns one row per indicator, in the set's order
 * @example
 * targetRows(result, meta.targets.set, 'perAttempt', 20).find((row) => row.id === 'answerRate')?.probabilityMeeting;
 */
export function targetRows(
  result: ReplicationResult,
  set: TargetSet,
  definition: AnswerRateDefinition,
  answerWithinSeconds: number,
): TargetRow[] {
  return set.indicators.map((indicator: TargetIndicator) => {
    const base = {
      id: indicator.id,
      level1: { ...indicator.level1 },
      level2: { ...indicator.level2 },
      name: { ...indicator.name },
      comparison: indicator.comparison,
      value: indicator.value,
      unit: indicator.unit,
    };
    const notSimulated = (note: string): TargetRow => ({
      ...base,
      kpi: null,
      mean: null,
      p05: null,
      p95: null,
      probabilityMeeting: null,
      pass: null,
      note,
    });
    const measure = indicatorMeasure(indicator, definition, answerWithinSeconds);
    if (measure.kpi === null) return notSimulated(measure.reason);
    const { kpi, scale } = measure;
    const summary = result.kpis[kpi];
    const values = result.runs
      .map((run) => run.kpis[kpi])
      .filter((value): value is number => value !== null)
      .map((value) => value * scale);
    if (summary === null || values.length === 0) return notSimulated('no calls offered');
    const mean = summary.mean * scale;
    return {
      ...base,
      kpi,
      mean,
      p05: summary.p05 * scale,
      p95: summary.p95 * scale,
      probabilityMeeting: values.filter((value) => meetsIndicator(indicator, value)).length / values.length,
      pass: meetsIndicator(indicator, mean),
      note: '',
    };
  });
}

/** The result of `hotline simulate`, as printed by `--json` (keys in this order; no timing, so identical runs print identical JSON). */
export interface SimulateResult {
  command: 'simulate';
  scenario: {
    name: string;
    title: string;
    file: string;
    startDate: string;
    days: number;
    intervalMinutes: number;
    answerWithinSeconds: number;
  };
  seed: number;
  replications: number;
  /** Confidence level of `ciLow`/`ciHigh`. */
  level: number;
  kpis: Record<keyof Kpis, SummaryJson | null>;
  /** Offered attempts, answered... over the horizon, across replications. */
  counts: Record<string, SummaryJson | null>;
  quarters: { period: string; kpis: Record<keyof Kpis, SummaryJson | null> }[];
  targets: {
    id: string;
    title: { zh: string; en: string };
    answerRateDefinition: AnswerRateDefinition;
    rows: TargetRow[];
  } | null;
  warnings: string[];
}

function kpiRecord(kpis: ReplicationResult['kpis']): Record<keyof Kpis, SummaryJson | null> {
  const record = {} as Record<keyof Kpis, SummaryJson | null>;
  for (const { kpi } of KPI_ROWS) record[kpi] = summaryJson(kpis[kpi]);
  return record;
}

/**
 * The `simulate` result from replications (everything but timing).
 *
 * @param file the scenario read
 * @param scenarioDays days simulated (fewer than the file's with `--days`)
 * @param result the replications
 * @param targets the target set to judge, with its answer-rate definition, or null
 * @returns the result in the order `--json` prints it
 * @example
 * JSON.stringify(simulateResult(file, 7, await replicate(firstDaysOf(file.scenario, 7), { replications: 4, seed: 1 }), null));
 */
export function simulateResult(
  file: ScenarioFile,
  scenarioDays: number,
  result: ReplicationResult,
  targets: { set: TargetSet; answerRateDefinition: AnswerRateDefinition } | null,
): SimulateResult {
  const { scenario, meta } = file;
  const counts: Record<string, SummaryJson | null> = {};
  for (const [name, summary] of Object.entries(result.counts)) counts[name] = summaryJson(summary);
  return {
    command: 'simulate',
    scenario: {
      name: meta.name,
      title: meta.title,
      file: meta.file,
      startDate: scenario.startDate,
      days: scenarioDays,
      intervalMinutes: scenario.intervalMinutes,
      answerWithinSeconds: scenario.answerWithinSeconds,
    },
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
          rows: targetRows(result, targets.set, targets.answerRateDefinition, scenario.answerWithinSeconds),
        }
      : null,
    warnings: [...result.warnings],
  };
}

function formatKpiValue(kind: 'fraction' | 'seconds' | 'calls', value: number | null | undefined): string {
  if (kind === 'fraction') return formatPercent(value);
  return formatNumber(value, kind === 'seconds' ? 1 : 2);
}

function formatTargetValue(unit: string, value: number | string | null): string {
  if (value === null) return MISSING;
  if (typeof value === 'string') return value;
  if (unit === 'fraction') return formatPercent(value);
  if (unit === 'seconds') return `${formatNumber(value, 1)} s`;
  if (unit === 'minutes') return `${formatNumber(value, 1)} min`;
  return Number.isInteger(value) ? String(value) : formatNumber(value, 2);
}

/**
 * The human text of a `simulate` result: the whole horizon's KPIs with their
 * intervals, a table per quarter, the target table and the warnings.
 *
 * @param result what `simulateResult` returned
 * @param wallSeconds wall-clock time of the replications (shown, never in `--json`)
 * @param workers worker threads used
 * @returns the text, ending with a newline
 * @example
 * process.stdout.write(formatSimulate(simulateResult(file, 366, result, null), 12.3, 2));
 */
export function formatSimulate(result: SimulateResult, wallSeconds: number, workers: number): string {
  const s = result.scenario;
  const t = s.answerWithinSeconds;
  const level = `${Math.round(result.level * 100)}%`;
  const lines = [
    `${s.title}`,
    `${s.file}: ${s.days} days from ${s.startDate}, ${s.intervalMinutes}-minute intervals, service level within ${t} s`,
    `${result.replications} replications, seed ${result.seed}, ${workers} worker${workers === 1 ? '' : 's'}, ${formatNumber(wallSeconds, 1)} s`,
    '',
    `Whole horizon: mean across replications, ${level} interval of the mean, 5th and 95th percentiles`,
    formatTable(
      [
        { header: 'KPI', align: 'left' },
        { header: 'mean' },
        { header: `${level} interval` },
        { header: 'p05' },
        { header: 'p95' },
      ],
      KPI_ROWS.filter(({ kpi }) => result.kpis[kpi] !== null).map(({ kpi, label, kind }) => {
        const summary = result.kpis[kpi] as SummaryJson;
        return [
          kind === 'fraction' && kpi.startsWith('serviceLevel') ? `${label} (${t} s)` : label,
          formatKpiValue(kind, summary.mean),
          `${formatKpiValue(kind, summary.ciLow)} .. ${formatKpiValue(kind, summary.ciHigh)}`,
          formatKpiValue(kind, summary.p05),
          formatKpiValue(kind, summary.p95),
        ];
      }),
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
            if (summary === null) return MISSING;
            return `${formatKpiValue(kind, summary.mean)} [${formatKpiValue(kind, summary.ciLow)}, ${formatKpiValue(kind, summary.ciHigh)}]`;
          }),
        ]),
      ),
    );
  }
  if (result.targets) {
    lines.push(
      '',
      `Targets: ${result.targets.title.zh} / ${result.targets.title.en} (answer rate ${result.targets.answerRateDefinition})`,
    );
    lines.push(
      formatTable(
        [
          { header: 'indicator', align: 'left' },
          { header: 'target' },
          { header: 'predicted' },
          { header: '90% range' },
          { header: 'P(meet)' },
          { header: 'verdict', align: 'left' },
        ],
        result.targets.rows.map((row) => [
          `${row.name.zh} ${row.name.en}`,
          `${row.comparison ?? ''} ${formatTargetValue(row.unit, row.value)}`.trim(),
          formatTargetValue(row.unit, row.mean),
          row.p05 === null
            ? MISSING
            : `${formatTargetValue(row.unit, row.p05)} .. ${formatTargetValue(row.unit, row.p95)}`,
          formatPercent(row.probabilityMeeting, 0),
          row.pass === null ? 'not simulated' : row.pass ? 'pass' : 'FAIL',
        ]),
      ),
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
 * intervalRows(result)[16]; // { interval: '2020-03-02T08:00', answerRateMean: 0.95, answerRateCiLow: 0.93, ... }
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
  if (result.targets) {
    sheets.push({
      name: 'Targets',
      columns: [
        { key: 'level1', header: '一级指标 level 1', format: 'text' },
        { key: 'level2', header: '二级指标 level 2', format: 'text' },
        { key: 'name', header: '三级指标 indicator', format: 'text' },
        { key: 'comparison', header: 'comparison', format: 'text' },
        { key: 'value', header: 'target' },
        { key: 'unit', header: 'unit', format: 'text' },
        { key: 'mean', header: 'predicted mean' },
        { key: 'p05', header: '5th percentile' },
        { key: 'p95', header: '95th percentile' },
        { key: 'probabilityMeeting', header: 'probability of meeting', format: 'percent' },
        { key: 'verdict', header: 'verdict', format: 'text' },
      ],
      rows: result.targets.rows.map((row) => ({
        level1: `${row.level1.zh} ${row.level1.en}`,
        level2: `${row.level2.zh} ${row.level2.en}`,
        name: `${row.name.zh} ${row.name.en}`,
        comparison: row.comparison,
        value: row.value,
        unit: row.unit,
        mean: row.mean,
        p05: row.p05,
        p95: row.p95,
        probabilityMeeting: row.probabilityMeeting,
        verdict: row.pass === null ? row.note : row.pass ? 'pass' : 'fail',
      })),
    });
  }
  const summaryColumns = (kpiFormat: 'percent' | 'decimal') => [
    { key: 'mean', header: 'mean', format: kpiFormat },
    { key: 'ciLow', header: `${Math.round(result.level * 100)}% interval, low`, format: kpiFormat },
    { key: 'ciHigh', header: `${Math.round(result.level * 100)}% interval, high`, format: kpiFormat },
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

function str(options: OptionValues, key: string): string | undefined {
  const value = options[key];
  return typeof value === 'string' ? value : undefined;
}

/** `hotline simulate <scenario.json>`: replications of a scenario file. */
export const simulateCommand: CommandSpec = {
  name: 'simulate',
  summary:
    'simulate a scenario file with replications: KPIs with 95% intervals, per quarter, against its targets',
  description:
    'Simulate a scenario file (data/README.md) --replications times on worker threads and print each KPI ' +
    'with the 95% interval of its mean and the 5th-95th percentiles across replications, for the whole ' +
    'horizon and per quarter, and the scenario’s targets with the probability of meeting each. ' +
    'Results depend only on the scenario, the seed and the replications, never on --workers.',
  operands: ['<scenario>'],
  options: [
    ['--replications <n>', 'independent replications (simulated years) (default: 10)'],
    ['--seed <n>', 'seed of the random streams, a non-negative integer (default: 1)'],
    ['--workers <n>', 'worker threads (default: the cores available, at most --replications)'],
    ['--days <n>', 'simulate only the first n days of the horizon'],
    [
      '--targets <file>',
      'judge against this target set instead of the scenario’s (e.g. data/targets/gbt-33358-2016.json)',
    ],
    ['--intervals <file>', 'write the interval results (KPI means and intervals per interval) as CSV'],
    ['--json', 'print the result as JSON (numbers unformatted, stable key order, no timing)'],
    ['--xlsx <file>', 'also write the targets, KPIs, quarters and intervals as an Excel workbook'],
  ],
  examples: [
    'hotline simulate data/shanghai-12333-2020/scenario.json --replications 20 --seed 1',
    'hotline simulate data/shanghai-12333-2020/july-peak.json --days 31 --xlsx july.xlsx',
    'hotline simulate data/shanghai-12345-desk-2020/scenario.json --targets data/targets/gbt-33358-2016.json --json',
  ],
  async run(operands, options, scanProblems) {
    const reader = new OptionReader();
    for (const problem of scanProblems) reader.problem(problem);
    const replications = reader.number('--replications', str(options, 'replications') ?? '10', {
      min: 1,
      max: 100_000,
      integer: true,
    });
    const seed = reader.number('--seed', str(options, 'seed') ?? '1', {
      min: 0,
      max: 2 ** 32 - 1,
      integer: true,
    });
    const workersOption = reader.number('--workers', str(options, 'workers'), {
      min: 0,
      max: 1024,
      integer: true,
    });
    const days = reader.number('--days', str(options, 'days'), { min: 1, max: 366, integer: true });
    const intervalsPath = str(options, 'intervals');
    const xlsx = str(options, 'xlsx');
    checkOutputPath(reader, '--intervals', intervalsPath);
    checkOutputPath(reader, '--xlsx', xlsx);

    let file: ScenarioFile | undefined;
    const scenarioPath = operands[0];
    if (scenarioPath !== undefined) {
      try {
        file = readScenarioFile(scenarioPath);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        for (const line of error.message.split('\n').slice(1)) reader.problem(line.trim());
      }
    }
    let targetSet: TargetSet | undefined;
    const targetsPath = str(options, 'targets');
    if (targetsPath !== undefined) {
      try {
        targetSet = readTargetSet(targetsPath);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        for (const line of error.message.split('\n').slice(1)) reader.problem(line.trim());
      }
    }
    if (file && days !== undefined && days > file.scenario.days) {
      reader.problem(`--days: must be at most the scenario's ${file.scenario.days} days (got ${days})`);
    }
    if (reader.problems.length > 0 || !file) throw new UsageError(reader.problems);

    const scenario = days !== undefined ? firstDaysOf(file.scenario, days) : file.scenario;
    const reps = replications as number;
    const workers = Math.min(workersOption ?? availableParallelism(), reps);
    const progress = new Progress('replications', reps);
    let result: ReplicationResult;
    try {
      result = await replicate(scenario, {
        replications: reps,
        seed: seed as number,
        workers,
        keepIntervals: intervalsPath !== undefined || xlsx !== undefined,
        onProgress: (done) => progress.update(done),
      });
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
    const output = simulateResult(file, scenario.days, result, targets);

    const xlsxBytes = xlsx !== undefined ? await workbookBytes(workbookSheets(output, result)) : undefined;
    if (intervalsPath !== undefined)
      writeFileAtomic(intervalsPath, csvText(INTERVAL_COLUMNS, intervalRows(result)));
    if (xlsx !== undefined && xlsxBytes) writeFileAtomic(xlsx, xlsxBytes);
    process.stdout.write(
      options.json === true
        ? JSON.stringify(output, null, 2) + '\n'
        : formatSimulate(output, result.timing.wallSeconds, result.timing.workers),
    );
  },
};
