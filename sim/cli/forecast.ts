import { closeSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import {
  addDays,
  daysBetween,
  enteringCallsPerInterval,
  FORECAST_DEFAULTS,
  FORECAST_MODELS,
  forecastProblems,
  forecastVolumes,
  holdoutScore,
  isOfferedCall,
  dayTypesOf,
  offeredCallsSeries,
  readScenarioFile,
  readVolumeTable,
  scenarioCopyProblems,
  volumeSeriesFromRows,
  writeFileSet,
  scenarioCopyContents,
  checkScenarioCopy,
  type OutputFile,
  type DateRange,
  type DayTypeOf,
  type ForecastModel,
  type HoldoutScore,
  type ObservedCall,
  type VolumeForecast,
  type VolumeSeries,
} from '../index.js';
import { OptionReader, optionText, UsageError } from './args.js';
import { readCalendarOption, requireCalendarYears } from './calendarOption.js';
import { dayRangeOption, readRecordsOption } from './records.js';
import { inputProblems } from './scenarioInput.js';
import type { CommandSpec } from './command.js';
import { formatNumber, formatPercent, formatTable, MISSING } from './format.js';
import {
  checkDistinctOutputs,
  checkOutputPath,
  workbookBytes,
  type Sheet,
  type SheetColumn,
} from './output.js';

/** Input formats `hotline forecast` reads. */
export const FORECAST_INPUT_FORMATS = ['volume-table', 'call-records', 'anonymous-bank'] as const;

/** One of `FORECAST_INPUT_FORMATS`. */
export type ForecastInputFormat = (typeof FORECAST_INPUT_FORMATS)[number];

/** What `hotline forecast --json` prints (keys in this order). */
export interface ForecastSummary {
  command: 'forecast';
  input: {
    file: string;
    format: ForecastInputFormat;
    /** Call records read (record formats). */
    records?: number;
    /** Records not counted as offered: abandoned with no wait. */
    notOffered?: number;
    /** First and last day of the history. */
    from: string;
    to: string;
    /** Calls offered over the training days. */
    trainCalls: number;
  };
  /** The holiday calendar that gave the day types (`--calendar`), in words. */
  calendar: string;
  model: ForecastModel;
  chosenBy: VolumeForecast['chosenBy'];
  intervalMinutes: number;
  level: number;
  train: DateRange;
  horizon: DateRange;
  uncertainty: VolumeForecast['uncertainty'];
  backtest: VolumeForecast['backtest'];
  specialDays: VolumeForecast['specialDays'];
  outliers: VolumeForecast['outliers'];
  warnings: string[];
  byDay: VolumeForecast['byDay'];
  byInterval: VolumeForecast['byInterval'];
  /** With `--score`: the forecast against the input's own counts on the horizon. */
  score?: HoldoutScore;
  /** With `--out-scenario`: the files written. */
  scenario?: { from: string; files: string[] };
}

/**
 * The format of an input file: by extension (.xlsx), else by its header line
 * (`vru+line`: the Anonymous Bank; `arrivalTime`: call records; else a volume table).
 *
 * @param path the input file
 * @returns the format
 * @example
 * detectInputFormat('data/anonymous-bank/calls-1999-02.tsv'); // => 'anonymous-bank'
 */
export function detectInputFormat(path: string): ForecastInputFormat {
  if (extname(path).toLowerCase() === '.xlsx') return 'volume-table';
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const header = buffer.subarray(0, n).toString('latin1').split(/\r?\n/)[0] ?? '';
    if (header.includes('vru+line')) return 'anonymous-bank';
    if (header.includes('arrivalTime')) return 'call-records';
    return 'volume-table';
  } finally {
    closeSync(fd);
  }
}

/**
 * What `hotline forecast` prints with `--json` (before the held-out score):
 * the input's days and the calls of the training days, with the forecast.
 *
 * @param input the file read, its format and the call records it held (record formats)
 * @param series the calls offered per interval, the whole history
 * @param forecast what `forecastVolumes` made of it
 * @param calendar the holiday calendar that gave the day types, in words
 * @returns the summary, in `--json` order
 * @example
 * const { records } = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const series = offeredCallsSeries(records, { intervalMinutes: 60 });
 * const forecast = await forecastVolumes(series, {
 *   train: { from: '1999-02-01', to: '1999-02-21' }, horizon: { from: '1999-02-22', to: '1999-02-28' },
 * });
 * const summary = forecastSummary({ file: 'calls-1999-02.tsv', format: 'anonymous-bank', records }, series, forecast, 'no holidays');
 * summary.input; // => { records: 31094, notOffered: 0, from: '1999-02-01', to: '1999-02-28', trainCalls: 23985 }
 */
export function forecastSummary(
  input: { file: string; format: ForecastInputFormat; records?: readonly ObservedCall[] | undefined },
  series: VolumeSeries,
  forecast: VolumeForecast,
  calendar: string,
): ForecastSummary {
  const perDay = 1440 / series.intervalMinutes;
  const trainStart = daysBetween(series.startDate, forecast.train.from);
  const trainEnd = daysBetween(series.startDate, forecast.train.to) + 1;
  const records = input.records;
  return {
    command: 'forecast',
    input: {
      file: input.file,
      format: input.format,
      ...(records !== undefined
        ? { records: records.length, notOffered: records.filter((r) => !isOfferedCall(r)).length }
        : {}),
      from: series.startDate,
      to: addDays(series.startDate, series.calls.length / perDay - 1),
      trainCalls: series.calls.slice(trainStart * perDay, trainEnd * perDay).reduce((sum, x) => sum + x, 0),
    },
    calendar,
    model: forecast.model,
    chosenBy: forecast.chosenBy,
    intervalMinutes: forecast.intervalMinutes,
    level: forecast.level,
    train: forecast.train,
    horizon: forecast.horizon,
    uncertainty: forecast.uncertainty,
    backtest: forecast.backtest,
    specialDays: forecast.specialDays,
    outliers: forecast.outliers,
    warnings: [...forecast.warnings],
    byDay: forecast.byDay,
    byInterval: forecast.byInterval,
  };
}

/**
 * The text `hotline forecast` prints: the input and training, the method and
 * the uncertainty, outliers and warnings, the backtest (with `--backtest`), the
 * forecast by day, the held-out score and the scenario copy when made.
 *
 * @param summary what `--json` prints
 * @param showBacktest whether to print the backtest's table
 * @returns the text, ending with a newline
 * @example
 * const { records } = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const series = offeredCallsSeries(records, { intervalMinutes: 60 });
 * const forecast = await forecastVolumes(series, {
 *   train: { from: '1999-02-01', to: '1999-02-21' }, horizon: { from: '1999-02-22', to: '1999-02-28' },
 * });
 * const summary = forecastSummary({ file: 'calls-1999-02.tsv', format: 'anonymous-bank', records }, series, forecast, 'no holidays');
 * formatForecast(summary, false).split('\n')[0];
 * // => 'calls-1999-02.tsv (anonymous-bank): history 1999-02-01 to 1999-02-28, 31094 records (0 abandoned without waiting, not counted)'
 */
export function formatForecast(summary: ForecastSummary, showBacktest: boolean): string {
  const pct = (x: number | null | undefined) =>
    x === null || x === undefined ? MISSING : formatPercent(x, 1);
  const lines: string[] = [];
  const i = summary.input;
  lines.push(
    `${i.file} (${i.format}): history ${i.from} to ${i.to}` +
      (i.records !== undefined
        ? `, ${i.records} records (${i.notOffered ?? 0} abandoned without waiting, not counted)`
        : ''),
  );
  lines.push(
    `trained on ${summary.train.from} to ${summary.train.to} (${Math.round(i.trainCalls)} calls offered), ` +
      `${summary.intervalMinutes}-minute intervals, calendar: ${summary.calendar}`,
  );
  const b = summary.backtest;
  lines.push(
    `method: ${summary.model} (${summary.chosenBy === 'backtest' ? 'chosen by the backtest: the simplest within one standard error of the least loss' : 'asked for'}); ` +
      `backtest: ${b.origins.length} rolling origins ${b.origins[0] ?? ''} to ${b.origins[b.origins.length - 1] ?? ''}, up to ${b.maxDaysAhead} days ahead`,
  );
  const u = summary.uncertainty;
  lines.push(
    `uncertainty (from ${u.days} backtest days): level CV ${formatNumber(u.levelCv, 3)}, day CV ${formatNumber(u.dayCv, 3)}, ` +
      `interval CV ${formatNumber(u.intervalCv, 3)}; ${formatPercent(summary.level, 0)} bands: interval CV ${formatNumber(u.intervalBandCv, 3)}, day CV ${formatNumber(u.dayBandCv, 3)}`,
  );
  if (summary.outliers.length > 0) {
    lines.push(
      `outliers replaced in the history: ${summary.outliers.map((o) => `${o.start} ${o.calls} -> ${formatNumber(o.replacement, 1)}`).join(', ')}`,
    );
  }
  for (const w of summary.warnings) lines.push(`warning: ${w}`);
  if (showBacktest) {
    lines.push(
      '',
      `Backtest (rolling origins inside the training days; intervals with >= ${b.minCalls} calls)`,
    );
    lines.push(
      formatTable(
        [
          { header: 'method', align: 'left' },
          { header: 'daily wMAPE' },
          { header: 'interval wMAPE' },
          { header: `coverage of ${formatPercent(summary.level, 0)} bands` },
          { header: 'loss' },
          { header: 'std error' },
          { header: '', align: 'left' },
        ],
        b.scores.map((s) => [
          s.model,
          pct(s.dailyWmape),
          pct(s.intervalWmape),
          pct(s.coverage),
          pct(s.loss),
          pct(s.lossStandardError),
          s.failure !== undefined ? `failed: ${s.failure}` : s.model === summary.model ? 'used' : '',
        ]),
      ),
    );
  }
  lines.push('', `Forecast by day (calls offered, ${formatPercent(summary.level, 0)} prediction interval)`);
  lines.push(
    formatTable(
      [
        { header: 'date', align: 'left' },
        { header: 'day type', align: 'left' },
        { header: 'calls' },
        { header: 'lower' },
        { header: 'upper' },
      ],
      summary.byDay.map((d) => [
        d.date,
        d.dayType,
        formatNumber(d.mean, 0),
        String(d.lower),
        String(d.upper),
      ]),
    ),
  );
  lines.push(`(${summary.byInterval.length} intervals: --json or --xlsx for each)`);
  if (summary.score !== undefined) {
    const s = summary.score;
    lines.push(
      '',
      `Held-out score on ${summary.horizon.from} to ${summary.horizon.to} (the input's own counts; not used to choose anything):`,
      formatTable(
        [
          { header: 'forecast', align: 'left' },
          { header: 'daily wMAPE' },
          { header: `interval wMAPE (>= ${b.minCalls} calls)` },
          { header: 'interval wMAPE (all)' },
          { header: `coverage of ${formatPercent(summary.level, 0)} bands` },
        ],
        [
          [summary.model, pct(s.dailyWmape), pct(s.intervalWmape), pct(s.allIntervalsWmape), pct(s.coverage)],
          [
            'naive',
            pct(s.naive.dailyWmape),
            pct(s.naive.intervalWmape),
            pct(s.naive.allIntervalsWmape),
            MISSING,
          ],
        ],
      ),
    );
  }
  if (summary.scenario !== undefined) {
    lines.push(
      '',
      `scenario ${summary.scenario.from} copied with the forecast as its arrivals: ${summary.scenario.files.join(', ')}`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * The workbook of `forecast --xlsx`: the forecast by interval and by day, the
 * backtest, and the uncertainty.
 *
 * @param summary what the command prints with `--json`
 * @returns the sheets
 * @example
 * const { records } = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const series = offeredCallsSeries(records, { intervalMinutes: 60 });
 * const forecast = await forecastVolumes(series, {
 *   train: { from: '1999-02-01', to: '1999-02-21' }, horizon: { from: '1999-02-22', to: '1999-02-28' },
 * });
 * const summary = forecastSummary({ file: 'calls-1999-02.tsv', format: 'anonymous-bank', records }, series, forecast, 'no holidays');
 * forecastSheets(summary).map((sheet) => [sheet.name, sheet.rows.length]);
 * // => [['By interval', 168], ['By day', 7], ['Backtest', 5], ['Uncertainty', 5]]
 */
export function forecastSheets(summary: ForecastSummary): Sheet[] {
  const u = summary.uncertainty;
  const level = formatPercent(summary.level, 0);
  const band: SheetColumn[] = [
    { key: 'mean', header: 'calls (mean)', format: 'decimal' },
    { key: 'lower', header: `lower (${level})`, format: 'integer' },
    { key: 'upper', header: `upper (${level})`, format: 'integer' },
  ];
  return [
    {
      name: 'By interval',
      columns: [{ key: 'start', header: 'interval start', format: 'text' }, ...band],
      rows: summary.byInterval.map((r) => ({ ...r })),
    },
    {
      name: 'By day',
      columns: [
        { key: 'date', header: 'date', format: 'text' },
        { key: 'dayType', header: 'day type', format: 'text' },
        ...band,
      ],
      rows: summary.byDay.map((r) => ({ ...r })),
    },
    {
      name: 'Backtest',
      columns: [
        { key: 'model', header: 'method', format: 'text' },
        { key: 'dailyWmape', header: 'daily wMAPE', format: 'percent' },
        {
          key: 'intervalWmape',
          header: `interval wMAPE (>= ${summary.backtest.minCalls} calls)`,
          format: 'percent',
        },
        { key: 'coverage', header: 'coverage', format: 'percent' },
        { key: 'loss', header: 'loss', format: 'percent' },
        { key: 'lossStandardError', header: 'standard error', format: 'percent' },
        { key: 'used', header: 'used', format: 'text' },
      ],
      rows: summary.backtest.scores.map((s) => ({
        model: s.model,
        dailyWmape: s.dailyWmape,
        intervalWmape: s.intervalWmape,
        coverage: s.coverage,
        loss: s.loss,
        lossStandardError: s.lossStandardError,
        used: s.model === summary.model ? 'yes' : '',
      })),
    },
    {
      name: 'Uncertainty',
      columns: [
        { key: 'what', header: 'multiplier', format: 'text' },
        { key: 'cv', header: 'coefficient of variation', format: 'decimal' },
        { key: 'use', header: 'used for', format: 'text' },
      ],
      rows: [
        { what: 'level (per replication)', cv: u.levelCv, use: 'scenario arrivals.volumeForecastCv' },
        { what: 'day', cv: u.dayCv, use: 'scenario arrivals.dayBusynessCv' },
        {
          what: 'interval beyond its day',
          cv: u.intervalCv,
          use: 'not simulated (Poisson arrivals within the day)',
        },
        { what: 'interval band (calibrated)', cv: u.intervalBandCv, use: 'prediction intervals by interval' },
        { what: 'day band (calibrated)', cv: u.dayBandCv, use: 'prediction intervals by day' },
      ],
    },
  ];
}

/** `hotline forecast <input>`: the volume ahead, with its uncertainty, from a history. */
export const forecastCommand: CommandSpec = {
  name: 'forecast',
  summary: 'forecast calls per interval from a history, with prediction intervals and a backtest',
  description:
    'Read a history of calls (a volume table as CSV or Excel: date, intervalStart, calls; or call records: ' +
    'the call-record CSV, or the Anonymous Bank TSV), learn from the --train days and forecast every interval ' +
    'of the --horizon days with a prediction interval at --level. The method (--model, auto by default) is ' +
    'chosen by a backtest with rolling origins inside the training days (seasonal naive, a four-week average, ' +
    'augurs MSTL with ETS on daily totals or on intervals, and their mean); the backtest errors give the ' +
    "intervals and the forecast's uncertainty. Counting call records: answered and blocked calls, and abandoned " +
    'ones after a positive wait, each in the interval of its arrival at the queue. --out-scenario writes a copy of ' +
    'the --scenario file with the forecast as its arrivals and its uncertainty as volumeForecastCv (per ' +
    'replication) and dayBusynessCv (per day). Bad input (gaps in the training days, a horizon before the ' +
    'training ends, fewer than 15 training days) exits with status 2.',
  operands: ['<input>'],
  options: [
    ['--train <from:to>', 'training days, e.g. 1999-02-01:1999-02-21 (required; at least 15 days)'],
    ['--horizon <from:to>', 'days to forecast, after the training (required)'],
    ['--interval-minutes <minutes>', 'interval length: 15, 30 or 60 (default: 30)'],
    ['--level <fraction>', `level of the prediction intervals (default: ${FORECAST_DEFAULTS.level})`],
    ['--model <name>', `auto or one of ${FORECAST_MODELS.join(', ')} (default: auto)`],
    ['--format <format>', `input format: ${FORECAST_INPUT_FORMATS.join(', ')} (default: from the file)`],
    [
      '--calendar <china|none|file>',
      'day types: china (official holidays and worked weekend days, chinese-days), none (every day is its weekday), ' +
        'or a holiday-list CSV (date,kind,name; data/README.md) (default: none)',
    ],
    [
      '--backtest',
      'print the backtest: daily and interval wMAPE and coverage of every method against the naive',
    ],
    ['--origins <n>', `most rolling origins of the backtest (default: ${FORECAST_DEFAULTS.origins})`],
    [
      '--min-calls <n>',
      `intervals with fewer actual calls are left out of interval wMAPE and coverage (default: ${FORECAST_DEFAULTS.minCalls})`,
    ],
    ['--score', "also score the forecast against the input's own counts on the horizon (a held-out test)"],
    ['--scenario <file>', 'a scenario file to copy with the forecast as its arrivals (with --out-scenario)'],
    ['--out-scenario <file>', 'the copy to write (never the --scenario file itself)'],
    ['--encoding <label>', 'encoding of a CSV input, e.g. gb18030 (default: detected)'],
    ['--sheet <name>', 'worksheet of an Excel volume table (default: the first)'],
    ['--json', 'print the forecast as JSON (byInterval: start, mean, lower, upper)'],
    ['--xlsx <file>', 'also write the forecast, the backtest and the uncertainty as an Excel workbook'],
  ],
  examples: [
    'hotline forecast data/anonymous-bank/calls-1999-02.tsv --format anonymous-bank --calendar none --train 1999-02-01:1999-02-21 --horizon 1999-02-22:1999-02-28 --interval-minutes 60 --backtest',
    'hotline forecast volumes.xlsx --train 2019-01-01:2019-12-31 --horizon 2020-01-01:2020-01-31 --json',
    'hotline forecast volumes.csv --train 2020-01-06:2020-02-23 --horizon 2020-03-02:2020-03-08 --scenario data/shanghai-12333-2020/scenario.json --out-scenario march-week.json',
  ],
  async run(operands, options, scanProblems) {
    const reader = new OptionReader();
    for (const problem of scanProblems) reader.problem(problem);
    const range = (flag: '--train' | '--horizon'): DateRange | undefined => {
      const raw = optionText(options, flag.slice(2));
      if (raw === undefined)
        reader.problem(`${flag} <from:to> is required (dates YYYY-MM-DD, both days included)`);
      return dayRangeOption(reader, flag, raw);
    };
    const train = range('--train');
    const horizon = range('--horizon');
    const minutes =
      reader.number('--interval-minutes', optionText(options, 'intervalMinutes'), { integer: true }) ?? 30;
    if (![15, 30, 60].includes(minutes))
      reader.problem(`--interval-minutes: must be 15, 30 or 60 (got ${minutes})`);
    const level =
      reader.number('--level', optionText(options, 'level'), { min: 0, max: 1, exclusiveMin: true }) ??
      FORECAST_DEFAULTS.level;
    if (level >= 1) reader.problem(`--level: must be below 1 (got ${level})`);
    const model = optionText(options, 'model') ?? 'auto';
    if (model !== 'auto' && !(FORECAST_MODELS as readonly string[]).includes(model)) {
      reader.problem(
        `--model: must be auto or one of ${FORECAST_MODELS.join(', ')} (got ${JSON.stringify(model)})`,
      );
    }
    const calendar = readCalendarOption(reader, optionText(options, 'calendar'));
    const origins =
      reader.number('--origins', optionText(options, 'origins'), { integer: true, min: 1 }) ??
      FORECAST_DEFAULTS.origins;
    const minCalls =
      reader.number('--min-calls', optionText(options, 'minCalls'), { min: 0 }, 'calls') ??
      FORECAST_DEFAULTS.minCalls;
    const formatOption = optionText(options, 'format');
    if (formatOption !== undefined && !(FORECAST_INPUT_FORMATS as readonly string[]).includes(formatOption)) {
      reader.problem(
        `--format: must be ${FORECAST_INPUT_FORMATS.join(', ')} (got ${JSON.stringify(formatOption)})`,
      );
    }
    const encoding = optionText(options, 'encoding');
    const sheet = optionText(options, 'sheet');
    const scenarioIn = optionText(options, 'scenario');
    const scenarioOut = optionText(options, 'outScenario');
    if ((scenarioIn === undefined) !== (scenarioOut === undefined)) {
      reader.problem(
        '--scenario and --out-scenario go together (the scenario to copy and the copy to write)',
      );
    }
    checkOutputPath(reader, '--out-scenario', scenarioOut);
    const xlsx = optionText(options, 'xlsx');
    checkOutputPath(reader, '--xlsx', xlsx);
    checkDistinctOutputs(reader, [
      ['--out-scenario', scenarioOut],
      ['--xlsx', xlsx],
    ]);

    // The history.
    const path = operands[0];
    let format: ForecastInputFormat | undefined;
    let series: VolumeSeries | undefined;
    let records: ObservedCall[] | undefined;
    if (
      path !== undefined &&
      (formatOption === undefined || (FORECAST_INPUT_FORMATS as readonly string[]).includes(formatOption))
    ) {
      try {
        format = (formatOption as ForecastInputFormat | undefined) ?? detectInputFormat(path);
        if (sheet !== undefined && (format !== 'volume-table' || extname(path).toLowerCase() !== '.xlsx')) {
          reader.problem('--sheet: only used with an Excel volume table');
        }
        if (format === 'volume-table') {
          const table = await readVolumeTable(path, {
            ...(encoding !== undefined ? { encoding } : {}),
            ...(sheet !== undefined ? { sheet } : {}),
          });
          series = volumeSeriesFromRows(table.rows, table.file, minutes);
        } else {
          records = readRecordsOption(reader, path, format, encoding)?.records;
          if (records !== undefined) series = offeredCallsSeries(records, { intervalMinutes: minutes });
        }
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === 'ENOENT' || code === 'EISDIR')
          reader.problem(`${path}: cannot be read (${String(code)})`);
        else if (error instanceof RangeError) reader.problem(`${path}: ${error.message}`);
        else inputProblems(reader, error);
      }
    }
    let dayType: DayTypeOf = () => 'ordinary';
    const datesRead =
      train !== undefined && horizon !== undefined && Date.parse(horizon.to) >= Date.parse(train.from); // NaN for a date that is not one: false
    if (calendar !== undefined && train !== undefined && horizon !== undefined && datesRead) {
      if (
        requireCalendarYears(reader, calendar, train.from, horizon.to, 'the training days and the horizon')
      ) {
        dayType = dayTypesOf(calendar);
      }
    }
    // Options already found bad are left at their defaults here, so that each problem shows once.
    const modelOption =
      model === 'auto' || (FORECAST_MODELS as readonly string[]).includes(model) ? model : 'auto';
    const forecastOptions =
      train !== undefined && horizon !== undefined
        ? {
            train,
            horizon,
            level: level > 0 && level < 1 ? level : FORECAST_DEFAULTS.level,
            model: modelOption as ForecastModel | 'auto',
            dayType,
            minCalls,
            origins,
          }
        : undefined;
    if (series !== undefined && forecastOptions !== undefined) {
      for (const problem of forecastProblems(series, forecastOptions)) {
        reader.problem(
          problem.replace(
            /^(train|horizon|level|minCalls|origins|model): /,
            (_, k: string) => `--${k === 'minCalls' ? 'min-calls' : k}: `,
          ),
        );
      }
    }
    let scenarioInterval: { intervalMinutes: number; selfServiceShare: number } | undefined;
    if (scenarioIn !== undefined && scenarioOut !== undefined) {
      try {
        const { scenario, meta } = readScenarioFile(scenarioIn);
        scenarioInterval = {
          intervalMinutes: scenario.intervalMinutes,
          selfServiceShare: scenario.selfServiceShare ?? 0,
        };
        const days = horizon === undefined ? 0 : daysBetween(horizon.from, horizon.to) + 1;
        if (horizon !== undefined && Number.isInteger(days) && days >= 1) {
          for (const issue of scenarioCopyProblems(meta.data, scenarioIn, scenarioOut, horizon.from, days)) {
            reader.problem(`${issue.file}: ${issue.column}: ${issue.message}`);
          }
        }
        if (minutes % scenario.intervalMinutes !== 0) {
          reader.problem(
            `--interval-minutes: the scenario's ${scenario.intervalMinutes}-minute intervals must divide the forecast's ${minutes} (use --interval-minutes ${scenario.intervalMinutes})`,
          );
        }
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT')
          reader.problem(`--scenario: ${scenarioIn} cannot be read`);
        else inputProblems(reader, error);
      }
    }
    if (
      reader.problems.length > 0 ||
      series === undefined ||
      forecastOptions === undefined ||
      path === undefined ||
      format === undefined
    ) {
      throw new UsageError(reader.problems);
    }
    const score = options.score === true;
    if (score) {
      const h = forecastOptions.horizon;
      try {
        // Checked before any work: the scored days must be in the input.
        holdoutProblems(series, h);
      } catch (error) {
        throw new UsageError([`--score: ${(error as Error).message}`]);
      }
    }

    // The forecast: it sees the training days only (forecastVolumes cuts them from the series).
    const forecast = await forecastVolumes(series, forecastOptions);
    const summary = forecastSummary(
      { file: path, format, records },
      series,
      forecast,
      calendar?.description ?? 'no holidays',
    );
    if (score) summary.score = holdoutScore(series, forecast);

    // Outputs, only now that everything is known.
    const bytes = xlsx !== undefined ? await workbookBytes(forecastSheets(summary)) : undefined;
    const outputs: OutputFile[] = [];
    if (scenarioIn !== undefined && scenarioOut !== undefined && scenarioInterval !== undefined) {
      const hours = scenarioInterval.intervalMinutes / 60;
      const entering = enteringCallsPerInterval(
        forecast,
        scenarioInterval.intervalMinutes,
        scenarioInterval.selfServiceShare,
      );
      try {
        const copy = scenarioCopyContents(scenarioIn, scenarioOut, {
          startDate: forecast.horizon.from,
          days: forecast.byDay.length,
          arrivalsPerHour: entering.map((calls) => calls / hours),
          volumeForecastCv: forecast.uncertainty.levelCv,
          dayBusynessCv: forecast.uncertainty.dayCv,
          source:
            `hotline forecast of ${basename(path)}: ${forecast.model} method trained on ${forecast.train.from} to ${forecast.train.to}; ` +
            `CVs of the level and day multipliers from its backtest (${forecast.backtest.origins.length} rolling origins)`,
        });
        const files = copy.files;
        outputs.push(...copy.outputs);
        summary.scenario = {
          from: scenarioIn,
          files: [
            files.scenario,
            files.arrivalRates,
            ...(files.staffing !== undefined ? [files.staffing] : []),
          ],
        };
      } catch (error) {
        const problems = new OptionReader();
        inputProblems(problems, error);
        throw new UsageError(problems.problems);
      }
    }
    if (xlsx !== undefined && bytes !== undefined) outputs.push({ path: xlsx, content: bytes });
    // the copy, its side tables and the workbook as one set; then the copy is read back
    await writeFileSet(outputs);
    if (scenarioOut !== undefined && summary.scenario !== undefined) checkScenarioCopy(scenarioOut);
    process.stdout.write(
      options.json === true
        ? JSON.stringify(summary, null, 2) + '\n'
        : formatForecast(summary, options.backtest === true),
    );
  },
};

/** Throws when the series cannot score the horizon: it must cover it, with no gap, and the week before it. */
function holdoutProblems(series: VolumeSeries, horizon: DateRange): void {
  const perDay = 1440 / series.intervalMinutes;
  const last = addDays(series.startDate, series.calls.length / perDay - 1);
  if (horizon.to > last || horizon.from < series.startDate) {
    throw new Error(
      `the input covers ${series.startDate} to ${last}, not the horizon ${horizon.from} to ${horizon.to}`,
    );
  }
  for (const gap of series.gaps ?? []) {
    if (gap.to.slice(0, 10) >= horizon.from && gap.from.slice(0, 10) <= horizon.to) {
      throw new Error(`the input has a gap from ${gap.from} to ${gap.to} in the horizon`);
    }
  }
}
