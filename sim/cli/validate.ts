import {
  distributionMean,
  validateHoldOut,
  writeFileSet,
  type CellFigures,
  type ComparisonErrors,
  type HoldOutResult,
} from '../index.js';
import { optionText, OptionReader, UsageError } from './args.js';
import type { CommandSpec } from './command.js';
import { formatNumber, formatPercent, formatTable, MISSING } from './format.js';
import { checkOutputPath, workbookBytes, type Sheet } from './output.js';
import { dayRangeOption, readRecordsOption, RECORD_FORMATS, type RecordFormat } from './records.js';

/** Issue 13's goal on the Anonymous Bank's hold-out: hourly mean absolute errors. */
export const HOLD_OUT_GOAL = { abandonRate: 0.02, serviceLevel: 0.06, asaSeconds: 10 } as const;

/** A cell's figures for `--json`: fractions and seconds, null where there is no call. */
interface CellJson {
  offered: number;
  abandonRate: number | null;
  serviceLevel: number | null;
  asaSeconds: number | null;
}

/** What `hotline validate --json` prints, keys in this order. */
export interface ValidateSummary {
  command: 'validate';
  records: { file: string; format: RecordFormat };
  train: { from: string; to: string; days: number; calls: number };
  test: { from: string; to: string; days: number; calls: number };
  thresholdSeconds: number;
  replications: number;
  seed: number;
  intervalMinutes: number;
  /** What was fitted on the training days. */
  behaviour: {
    talkMeanSeconds: number;
    shortServiceShare: number;
    talkLognormal: { meanSeconds: number; cv: number };
    afterCallMeanSeconds: number;
    afterCallMedianSeconds: number;
    afterCallWholeGapMeanSeconds: number;
    handleMeanSeconds: number;
    handleFactorsByHour: number[];
    patience: 'pooled' | 'byPriority';
    patienceMeanSeconds: number;
    patienceHazard: { fromSeconds: number; abandonments: number; hazardPerSecond: number }[];
    patienceAic: number;
    exponentialPatienceAic: number;
  };
  byHour: {
    hour: number;
    observed: CellJson;
    predicted: CellJson;
    predictedRange: HoldOutResult['byHour'][number]['predictedRange'];
  }[];
  byWeekdayHour: { weekday: string; hour: number; observed: CellJson; predicted: CellJson }[];
  /** Mean absolute errors over the cells with at least `minCallsPerCell` observed calls. */
  meanAbsoluteErrors: { minCallsPerCell: number; byHour: ComparisonErrors; byWeekdayHour: ComparisonErrors };
  overall: { observed: CellJson; predicted: CellJson };
}

const cell = (f: CellFigures): CellJson => ({
  offered: f.offered,
  abandonRate: f.abandonRate,
  serviceLevel: f.serviceLevel,
  asaSeconds: f.asaSeconds,
});

/**
 * The summary of a held-out validation, as `hotline validate --json` prints it.
 *
 * @param result what `validateHoldOut` returned
 * @param file the records file
 * @param format its format
 * @returns the summary, keys in a fixed order
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const result = validateHoldOut(bank.records, {
 *   train: { from: '1999-02-01', to: '1999-02-14' }, test: { from: '1999-02-15', to: '1999-02-28' },
 *   thresholdSeconds: 20, replications: 2, seed: 1 });
 * const summary = validationSummary(result, 'calls.tsv', 'anonymous-bank');
 * [summary.byHour.length, summary.byHour[0]?.observed.abandonRate]; // => [19, 0.5]
 */
export function validationSummary(
  result: HoldOutResult,
  file: string,
  format: RecordFormat,
): ValidateSummary {
  const b = result.behaviour;
  return {
    command: 'validate',
    records: { file, format },
    train: { ...result.train },
    test: { ...result.test },
    thresholdSeconds: result.thresholdSeconds,
    replications: result.replications,
    seed: result.seed,
    intervalMinutes: result.intervalMinutes,
    behaviour: {
      talkMeanSeconds: distributionMean(b.talk),
      shortServiceShare: b.talkFit.shortShare,
      talkLognormal: { meanSeconds: b.talkFit.fit.sampleMeanSeconds, cv: b.talkFit.fit.lognormal.cv },
      afterCallMeanSeconds: b.afterCallFit.meanSeconds,
      afterCallMedianSeconds: b.afterCallFit.medianSeconds,
      afterCallWholeGapMeanSeconds: b.afterCallFit.meanGapSeconds,
      handleMeanSeconds: distributionMean(b.handle),
      handleFactorsByHour: [...b.handleFactorsByHour],
      patience: b.patienceModel,
      patienceMeanSeconds: distributionMean(b.patience),
      patienceHazard: b.patienceFit.pieces.map((p) => ({
        fromSeconds: p.fromSeconds,
        abandonments: p.abandonments,
        hazardPerSecond: p.hazardPerSecond,
      })),
      patienceAic: b.patienceFit.aic,
      exponentialPatienceAic: b.patienceFit.exponentialAic,
    },
    byHour: result.byHour.map((h) => ({
      hour: h.hour,
      observed: cell(h.observed),
      predicted: cell(h.predicted),
      predictedRange: h.predictedRange,
    })),
    byWeekdayHour: result.byWeekdayHour.map((c) => ({
      weekday: c.weekday,
      hour: c.hour,
      observed: cell(c.observed),
      predicted: cell(c.predicted),
    })),
    meanAbsoluteErrors: {
      minCallsPerCell: result.minCallsPerCell,
      byHour: result.errors.byHour,
      byWeekdayHour: result.errors.byWeekdayHour,
    },
    overall: { observed: cell(result.overall.observed), predicted: cell(result.overall.predicted) },
  };
}

const pp = (x: number): string => `${formatNumber(100 * x, 1)} pp`;
const diff = (a: number | null, b: number | null, scale: number, digits: number): string =>
  a === null || b === null ? MISSING : formatNumber((b - a) * scale, digits);

function comparisonRows(
  cells: readonly { label: string[]; observed: CellFigures; predicted: CellFigures }[],
): string[][] {
  return cells.map((c) => [
    ...c.label,
    formatNumber(c.observed.offered, 0),
    formatNumber(c.predicted.offered, 0),
    formatPercent(c.observed.abandonRate, 1),
    formatPercent(c.predicted.abandonRate, 1),
    diff(c.observed.abandonRate, c.predicted.abandonRate, 100, 1),
    formatPercent(c.observed.serviceLevel, 1),
    formatPercent(c.predicted.serviceLevel, 1),
    diff(c.observed.serviceLevel, c.predicted.serviceLevel, 100, 1),
    formatNumber(c.observed.asaSeconds, 1),
    formatNumber(c.predicted.asaSeconds, 1),
    diff(c.observed.asaSeconds, c.predicted.asaSeconds, 1, 1),
  ]);
}

const COMPARISON_COLUMNS = [
  { header: 'offered seen' },
  { header: 'predicted' },
  { header: 'abandon seen' },
  { header: 'predicted' },
  { header: 'error (pp)' },
  { header: 'SL seen' },
  { header: 'predicted' },
  { header: 'error (pp)' },
  { header: 'ASA seen (s)' },
  { header: 'predicted' },
  { header: 'error (s)' },
] as const;

function errorLine(label: string, e: ComparisonErrors, goal: boolean): string {
  const mark = (value: number, limit: number): string =>
    goal ? (value <= limit ? ' (goal met)' : ' (goal not met)') : '';
  return (
    `${label} over ${e.cells} cells: abandonment ${pp(e.abandonRate)}${mark(e.abandonRate, HOLD_OUT_GOAL.abandonRate)}, ` +
    `service level ${pp(e.serviceLevel)}${mark(e.serviceLevel, HOLD_OUT_GOAL.serviceLevel)}, ` +
    `ASA ${formatNumber(e.asaSeconds, 1)} s${mark(e.asaSeconds, HOLD_OUT_GOAL.asaSeconds)}; ` +
    `abandonment bias ${e.abandonRateBias >= 0 ? '+' : ''}${pp(e.abandonRateBias)}`
  );
}

/**
 * The human text of a held-out validation: what was fitted on the training
 * days, observed against predicted hour by hour and weekday x hour with the
 * errors, and the mean absolute errors against issue 13's goal.
 *
 * @param summary what `validationSummary` returned
 * @param result the validation (for the labels of the weekday x hour cells)
 * @returns the text, ending with a newline
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const result = validateHoldOut(bank.records, {
 *   train: { from: '1999-02-01', to: '1999-02-14' }, test: { from: '1999-02-15', to: '1999-02-28' },
 *   thresholdSeconds: 20, replications: 2, seed: 1 });
 * const summary = validationSummary(result, 'calls.tsv', 'anonymous-bank');
 * formatValidation(summary, result).split('\n')[0]; // => 'calls.tsv (anonymous-bank): trained on 1999-02-01 to 1999-02-14 (14 days, 16273 calls), predicting 1999-02-15 to 1999-02-28 (14 days, 14821 calls) from their calls and agents scheduled per 15 minutes; 2 replications, seed 1, service level within 20 s'
 */
export function formatValidation(summary: ValidateSummary, result: HoldOutResult): string {
  const b = summary.behaviour;
  const o = summary.overall;
  return (
    [
      `${summary.records.file} (${summary.records.format}): trained on ${summary.train.from} to ${summary.train.to} ` +
        `(${summary.train.days} days, ${summary.train.calls} calls), predicting ${summary.test.from} to ${summary.test.to} ` +
        `(${summary.test.days} days, ${summary.test.calls} calls) from their calls and agents scheduled per ${summary.intervalMinutes} minutes; ` +
        `${summary.replications} replications, seed ${summary.seed}, service level within ${summary.thresholdSeconds} s`,
      `fitted on the training days: talk ${formatNumber(b.talkMeanSeconds, 1)} s on average (${formatPercent(b.shortServiceShare, 1)} of services under 10 s, ` +
        `the rest lognormal, cv ${formatNumber(b.talkLognormal.cv, 2)}); after-call time lost to waiting callers ${formatNumber(b.afterCallMeanSeconds, 1)} s ` +
        `(median ${formatNumber(b.afterCallMedianSeconds, 0)} s; whole gap ${formatNumber(b.afterCallWholeGapMeanSeconds, 1)} s); handle ${formatNumber(b.handleMeanSeconds, 1)} s, ` +
        `by hour x ${formatNumber(Math.min(...b.handleFactorsByHour), 2)} to x ${formatNumber(Math.max(...b.handleFactorsByHour), 2)}; ` +
        `patience ${b.patience === 'pooled' ? 'one hazard for every caller' : 'a hazard per priority'}, ` +
        `piecewise over ${b.patienceHazard.length} pieces, mean ${formatNumber(b.patienceMeanSeconds, 0)} s (AIC ${formatNumber(b.patienceAic, 0)} against ${formatNumber(b.exponentialPatienceAic, 0)} for one exponential)`,
      '',
      'By hour of the day (test days pooled):',
      formatTable(
        [{ header: 'hour', align: 'left' }, ...COMPARISON_COLUMNS],
        comparisonRows(result.byHour.map((h) => ({ label: [String(h.hour).padStart(2, '0')], ...h }))),
      ),
      '',
      errorLine('mean absolute error by hour', summary.meanAbsoluteErrors.byHour, true),
      `goal (issue 13): abandonment within ${pp(HOLD_OUT_GOAL.abandonRate)}, service level within ${pp(HOLD_OUT_GOAL.serviceLevel)}, ASA within ${HOLD_OUT_GOAL.asaSeconds} s; ` +
        `cells with at least ${summary.meanAbsoluteErrors.minCallsPerCell} calls seen`,
      `whole test period: abandonment ${formatPercent(o.observed.abandonRate, 1)} seen, ${formatPercent(o.predicted.abandonRate, 1)} predicted; ` +
        `service level ${formatPercent(o.observed.serviceLevel, 1)} seen, ${formatPercent(o.predicted.serviceLevel, 1)} predicted; ` +
        `ASA ${formatNumber(o.observed.asaSeconds, 1)} s seen, ${formatNumber(o.predicted.asaSeconds, 1)} s predicted`,
      '',
      'By weekday x hour (test days of each weekday pooled):',
      formatTable(
        [{ header: 'weekday', align: 'left' }, { header: 'hour', align: 'left' }, ...COMPARISON_COLUMNS],
        comparisonRows(
          result.byWeekdayHour.map((c) => ({ label: [c.weekday, String(c.hour).padStart(2, '0')], ...c })),
        ),
      ),
      '',
      errorLine('mean absolute error by weekday x hour', summary.meanAbsoluteErrors.byWeekdayHour, false),
    ].join('\n') + '\n'
  );
}

/**
 * The workbook of `validate --xlsx`: observed against predicted by hour and by weekday x hour.
 *
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const result = validateHoldOut(bank.records, {
 *   train: { from: '1999-02-01', to: '1999-02-14' }, test: { from: '1999-02-15', to: '1999-02-28' },
 *   thresholdSeconds: 20, replications: 2, seed: 1 });
 * const summary = validationSummary(result, 'calls.tsv', 'anonymous-bank');
 * validationSheets(summary).map((sheet) => sheet.name); // => ['By hour', 'By weekday x hour']
 */
export function validationSheets(summary: ValidateSummary): Sheet[] {
  const columns = [
    { key: 'offeredSeen', header: 'offered seen', format: 'decimal' as const },
    { key: 'offeredPredicted', header: 'offered predicted', format: 'decimal' as const },
    { key: 'abandonSeen', header: 'abandon rate seen', format: 'percent' as const },
    { key: 'abandonPredicted', header: 'abandon rate predicted', format: 'percent' as const },
    { key: 'slSeen', header: 'service level seen', format: 'percent' as const },
    { key: 'slPredicted', header: 'service level predicted', format: 'percent' as const },
    { key: 'asaSeen', header: 'ASA seen (s)', format: 'decimal' as const },
    { key: 'asaPredicted', header: 'ASA predicted (s)', format: 'decimal' as const },
  ];
  const values = (observed: CellJson, predicted: CellJson) => ({
    offeredSeen: observed.offered,
    offeredPredicted: predicted.offered,
    abandonSeen: observed.abandonRate,
    abandonPredicted: predicted.abandonRate,
    slSeen: observed.serviceLevel,
    slPredicted: predicted.serviceLevel,
    asaSeen: observed.asaSeconds,
    asaPredicted: predicted.asaSeconds,
  });
  return [
    {
      name: 'By hour',
      columns: [{ key: 'hour', header: 'hour', format: 'integer' }, ...columns],
      rows: summary.byHour.map((h) => ({ hour: h.hour, ...values(h.observed, h.predicted) })),
    },
    {
      name: 'By weekday x hour',
      columns: [
        { key: 'weekday', header: 'weekday', format: 'text' },
        { key: 'hour', header: 'hour', format: 'integer' },
        ...columns,
      ],
      rows: summary.byWeekdayHour.map((c) => ({
        weekday: c.weekday,
        hour: c.hour,
        ...values(c.observed, c.predicted),
      })),
    },
  ];
}

/** `hotline validate <records>`: calibrate on some days, predict others, compare. */
export const validateCommand: CommandSpec = {
  name: 'validate',
  summary:
    'held-out validation on call records: calibrate on some days, predict others, compare hour by hour',
  description:
    'Calibrate how callers and agents behave (talk time, the after-call time agents leave waiting callers ' +
    'unanswered, patience as a piecewise hazard from censored waits) on the --train days only, then simulate the ' +
    '--test days from what a planner knows of them in advance, their calls and their agents scheduled per ' +
    'interval (an agent is scheduled from the first to the last call of a stretch of work split at 60 idle ' +
    'minutes), and print observed against predicted hour by hour and weekday x hour, with the mean absolute ' +
    'errors. Nothing else of the test days enters the prediction. Counting: offered = calls that asked for an ' +
    'agent (answered, or abandoned after waiting); the hour is that of the arrival in the queue; service level = ' +
    'answered within --threshold over offered; ASA = mean wait of answered calls, zero waits included.',
  operands: ['<records>'],
  options: [
    ['--format <format>', `format of the records: ${RECORD_FORMATS.join(' or ')} (default: call-records)`],
    ['--train <from:to>', 'days to calibrate on, YYYY-MM-DD:YYYY-MM-DD, both included (required)'],
    ['--test <from:to>', 'days to predict, YYYY-MM-DD:YYYY-MM-DD, both included (required)'],
    ['--threshold <seconds>', 'service-level threshold: answered within this many seconds (default: 20)'],
    ['--replications <n>', 'simulated replications of the test days (default: 10)'],
    ['--seed <n>', 'random seed (default: 1)'],
    ['--interval-minutes <minutes>', 'interval of the calls and agents given: 15, 30 or 60 (default: 15)'],
    ['--patience <model>', 'pooled (one hazard for every caller) or by-priority (default: pooled)'],
    ['--min-calls <n>', 'cells with fewer calls seen are shown but left out of the errors (default: 50)'],
    ['--encoding <label>', 'encoding of a call-record CSV, e.g. gb18030 (default: detected)'],
    ['--json', 'print the comparison as JSON (byHour, byWeekdayHour, meanAbsoluteErrors)'],
    ['--xlsx <file>', 'also write the comparison by hour and by weekday x hour as an Excel workbook'],
  ],
  examples: [
    'hotline validate data/anonymous-bank/calls-1999-02.tsv --format anonymous-bank --train 1999-02-01:1999-02-14 --test 1999-02-15:1999-02-28 --threshold 20 --replications 10 --seed 1',
    'hotline validate calls.csv --train 2025-03-03:2025-03-16 --test 2025-03-17:2025-03-23 --json',
  ],
  async run(operands, options, scanProblems) {
    const reader = new OptionReader();
    for (const problem of scanProblems) reader.problem(problem);
    const text = (key: string): string | undefined => optionText(options, key);
    const train = dayRangeOption(reader, '--train', text('train'));
    const test = dayRangeOption(reader, '--test', text('test'));
    if (text('train') === undefined)
      reader.problem('--train <from:to> is required (the days to calibrate on)');
    if (text('test') === undefined) reader.problem('--test <from:to> is required (the days to predict)');
    if (train !== undefined && test !== undefined && !(train.to < test.from || test.to < train.from)) {
      reader.problem(`--test: must not overlap --train (got ${text('train')} and ${text('test')})`);
    }
    const threshold = reader.number('--threshold', text('threshold'), { min: 0 }, 'seconds') ?? 20;
    const replications =
      reader.number('--replications', text('replications'), { integer: true, min: 1, max: 10_000 }) ?? 10;
    const seed = reader.number('--seed', text('seed'), { integer: true, min: 0, max: 2 ** 31 - 1 }) ?? 1;
    const intervalMinutes =
      reader.number('--interval-minutes', text('intervalMinutes'), { integer: true }) ?? 15;
    if (![15, 30, 60].includes(intervalMinutes)) {
      reader.problem(`--interval-minutes: must be 15, 30 or 60 (got ${intervalMinutes})`);
    }
    const patience =
      reader.choice('--patience', text('patience'), ['pooled', 'by-priority'] as const) ?? 'pooled';
    const minCalls = reader.number('--min-calls', text('minCalls'), { integer: true, min: 0 }) ?? 50;
    const xlsx = text('xlsx');
    checkOutputPath(reader, '--xlsx', xlsx);
    const path = operands[0];
    const read = readRecordsOption(reader, path, text('format'), text('encoding'));
    if (read !== undefined && train !== undefined && test !== undefined && path !== undefined) {
      const inRange = (range: { from: string; to: string }): boolean =>
        read.records.some((r) => {
          const date = new Date(Math.floor(r.arrivalSeconds / 86_400) * 86_400_000)
            .toISOString()
            .slice(0, 10);
          return date >= range.from && date <= range.to;
        });
      if (!inRange(train)) reader.problem(`--train: ${path} holds no call on ${train.from} to ${train.to}`);
      if (!inRange(test)) reader.problem(`--test: ${path} holds no call on ${test.from} to ${test.to}`);
    }
    if (
      reader.problems.length > 0 ||
      read === undefined ||
      train === undefined ||
      test === undefined ||
      path === undefined
    ) {
      throw new UsageError(reader.problems);
    }
    let result: HoldOutResult;
    try {
      result = validateHoldOut(read.records, {
        train,
        test,
        thresholdSeconds: threshold,
        replications,
        seed,
        intervalMinutes,
        minCallsPerCell: minCalls,
        patience: patience === 'by-priority' ? 'byPriority' : 'pooled',
      });
    } catch (error) {
      // A test day with calls but no named agent: located in the file.
      const day = /test day (\d{4}-\d{2}-\d{2}) has calls but none answered by a named agent/.exec(
        String(error),
      );
      if (day === null) throw error;
      const first = read.records.find(
        (r) =>
          new Date(Math.floor(r.arrivalSeconds / 86_400) * 86_400_000).toISOString().slice(0, 10) === day[1],
      );
      const column = read.format === 'anonymous-bank' ? 'server' : 'agentId';
      throw new UsageError([
        `${path}:${first?.row ?? '?'}: ${column}: no call of ${day[1]} (a test day) was answered by a named agent, so no agents can be scheduled for that day`,
      ]);
    }
    const summary = validationSummary(result, path, read.format);
    if (xlsx !== undefined)
      await writeFileSet([{ path: xlsx, content: await workbookBytes(validationSheets(summary)) }]);
    process.stdout.write(
      options.json === true ? JSON.stringify(summary, null, 2) + '\n' : formatValidation(summary, result),
    );
  },
};
