import { basename, dirname, join } from 'node:path';
import {
  calibrateBehaviour,
  calibrateFromRecords,
  localDate,
  periodInputs,
  calibratedScenarioTexts,
  specialDaysOfRecords,
  writeFileSet,
  calibrationText,
  type CalibratedParameters,
  type OutputFile,
  type ObservedCall,
} from '../index.js';
import { OptionReader, UsageError } from './args.js';
import { CALENDAR_OPTION_HELP, readCalendarOption, requireCalendarYears } from './calendarOption.js';
import type { CommandSpec, OptionValues } from './command.js';
import { formatNumber, formatTable, MISSING } from './format.js';
import { checkDistinctOutputs, checkOutputPath, workbookBytes, type Sheet } from './output.js';
import { readRecordsOption, RECORD_FORMATS, type RecordFormat } from './records.js';

/**
 * The workbook of `calibrate --xlsx`: the weekday summary, and per weekday and
 * interval the arrival rate and the agents present.
 *
 * @param summary the summary printed
 * @param parameters the calibrated parameters
 * @returns the sheets
 * @example
 * const { records } = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const parameters = calibrateFromRecords(records, { source: 'Anonymous Bank, February 1999' });
 * const summary = calibrationSummary(records, parameters, 'calls-1999-02.tsv', 'anonymous-bank', 'parameters.json');
 * calibrationSheets(summary, parameters).map((sheet) => [sheet.name, sheet.rows.length]); // => [['Weekdays', 7], ['Intervals', 336]]
 */
export function calibrationSheets(summary: CalibrateSummary, parameters: CalibratedParameters): Sheet[] {
  const minutes = parameters.intervalMinutes;
  const start = (i: number): string =>
    `${String(Math.floor((i * minutes) / 60)).padStart(2, '0')}:${String((i * minutes) % 60).padStart(2, '0')}`;
  return [
    {
      name: 'Weekdays',
      columns: [
        { key: 'weekday', header: 'weekday', format: 'text' },
        { key: 'days', header: 'days', format: 'integer' },
        { key: 'callsPerDay', header: 'calls a day', format: 'decimal' },
        { key: 'peakArrivalsPerHour', header: 'busiest interval (calls/h)', format: 'decimal' },
        { key: 'peakAgentsPresent', header: 'most agents present', format: 'decimal' },
      ],
      rows: summary.weekdays.map((row) => ({ ...row })),
    },
    {
      name: 'Intervals',
      columns: [
        { key: 'weekday', header: 'weekday', format: 'text' },
        { key: 'interval', header: 'interval start', format: 'text' },
        { key: 'arrivalsPerHour', header: 'arrivals (calls/h)', format: 'decimal' },
        { key: 'agentsPresent', header: 'agents present', format: 'decimal' },
      ],
      rows: parameters.weekdays.flatMap((day) =>
        day.arrivalsPerHour.map((rate, i) => ({
          weekday: day.weekday,
          interval: start(i),
          arrivalsPerHour: rate,
          agentsPresent: day.agentsPresent[i] ?? null,
        })),
      ),
    },
  ];
}

/** The summary `hotline calibrate` prints (`--json`: keys in this order). */
export interface CalibrateSummary {
  command: 'calibrate';
  records: {
    file: string;
    format: RecordFormat;
    calls: number;
    answered: number;
    abandoned: number;
    blocked: number;
  };
  /**
   * The holiday calendar of `--calendar` (`china`, `none` or the list's file) and
   * the holidays and worked weekend days it marks in the records' period, which
   * are left out of the weekday means of arrivals and agents present.
   */
  calendar: {
    name: string;
    description: string;
    specialDays: { date: string; kind: 'holiday' | 'adjustedWorkingDay' }[];
  };
  /** The parameters file written (null with `--scenario` alone). */
  out: string | null;
  /** The scenario file written with `--scenario` (and its side tables), or null. */
  scenario: { file: string; sideTables: string[]; days: number; startDate: string } | null;
  handleTime: CalibratedParameters['handleTime'];
  patience: CalibratedParameters['patience'];
  /** Per weekday in the records: days, mean calls a day, busiest interval's rate, most agents present. */
  weekdays: {
    weekday: string;
    days: number;
    callsPerDay: number;
    peakArrivalsPerHour: number;
    peakAgentsPresent: number;
  }[];
}

/**
 * The printed summary of calibrated parameters.
 *
 * @param records the calls read
 * @param parameters what `calibrateFromRecords` made of them
 * @param file the records file read
 * @param format its format
 * @param out the parameters file written
 * @param calendar the records' calendar and its special days (default: none)
 * @returns the summary, in `--json` order
 * @example
 * const { records } = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const parameters = calibrateFromRecords(records, { source: 'Anonymous Bank, February 1999' });
 * const summary = calibrationSummary(records, parameters, 'calls-1999-02.tsv', 'anonymous-bank', 'parameters.json');
 * [summary.records.calls, summary.weekdays[0]?.weekday, summary.weekdays[0]?.days, summary.weekdays[0]?.callsPerDay]; // => [31094, 'Sunday', 4, 1413.25]
 */
export function calibrationSummary(
  records: readonly ObservedCall[],
  parameters: CalibratedParameters,
  file: string,
  format: RecordFormat,
  out: string | null,
  calendar: CalibrateSummary['calendar'] = { name: 'none', description: 'no holidays', specialDays: [] },
  scenario: CalibrateSummary['scenario'] = null,
): CalibrateSummary {
  const count = (outcome: string): number => records.filter((record) => record.outcome === outcome).length;
  const hours = parameters.intervalMinutes / 60;
  return {
    command: 'calibrate',
    records: {
      file,
      format,
      calls: records.length,
      answered: count('answered'),
      abandoned: count('abandoned'),
      blocked: count('blocked'),
    },
    calendar: { ...calendar, specialDays: calendar.specialDays.map((day) => ({ ...day })) },
    out,
    scenario,
    handleTime: { ...parameters.handleTime },
    patience: { ...parameters.patience },
    weekdays: parameters.weekdays.map((w) => ({
      weekday: w.weekday,
      days: w.days,
      callsPerDay: w.arrivalsPerHour.reduce((sum, rate) => sum + rate * hours, 0),
      peakArrivalsPerHour: Math.max(0, ...w.arrivalsPerHour),
      peakAgentsPresent: Math.max(0, ...w.agentsPresent),
    })),
  };
}

/**
 * The human text of a calibration summary: the records, the handle-time and
 * patience fits, a table per weekday, and the file written.
 *
 * @param summary what `calibrationSummary` returned
 * @returns the text, ending with a newline
 * @example
 * const { records } = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const parameters = calibrateFromRecords(records, { source: 'Anonymous Bank, February 1999' });
 * const summary = calibrationSummary(records, parameters, 'calls-1999-02.tsv', 'anonymous-bank', 'parameters.json');
 * formatCalibration(summary).split('\n')[0];
 * // => 'calls-1999-02.tsv (anonymous-bank): 31094 calls for an agent: 27162 answered, 3932 abandoned, 0 blocked'
 */
export function formatCalibration(summary: CalibrateSummary): string {
  const r = summary.records;
  const h = summary.handleTime;
  const p = summary.patience;
  return (
    [
      `${r.file} (${r.format}): ${r.calls} calls for an agent: ${r.answered} answered, ${r.abandoned} abandoned, ${r.blocked} blocked`,
      calendarLine(summary.calendar),
      `handle time: ${h.distribution}, mean ${formatNumber(h.meanSeconds, 1)} s, coefficient of variation ${formatNumber(h.cv, 2)}`,
      `patience: ${p.distribution}, mean ${formatNumber(p.meanSeconds, 1)} s (abandonments over total wait); ` +
        `Kaplan-Meier median ${p.kaplanMeierMedianSeconds === null ? 'not reached' : `${formatNumber(p.kaplanMeierMedianSeconds, 1)} s`}`,
      '',
      formatTable(
        [
          { header: 'weekday', align: 'left' },
          { header: 'days' },
          { header: 'calls/day' },
          { header: 'peak calls/h' },
          { header: 'peak agents present' },
        ],
        summary.weekdays.map((w) => [
          w.weekday,
          String(w.days),
          formatNumber(w.callsPerDay, 1),
          formatNumber(w.peakArrivalsPerHour, 1),
          w.days > 0 ? formatNumber(w.peakAgentsPresent, 1) : MISSING,
        ]),
      ),
      '',
      ...(summary.out !== null ? [`calibrated parameters written to ${summary.out}`] : []),
      ...(summary.scenario !== null
        ? [
            `scenario written to ${summary.scenario.file} (${summary.scenario.days} days from ${summary.scenario.startDate}; ` +
              `side tables ${summary.scenario.sideTables.join(', ')}): run it with hotline simulate ${summary.scenario.file}`,
          ]
        : []),
    ].join('\n') + '\n'
  );
}

/** `calendar: none (no holidays)`, or the calendar with the special days it left out of the weekday means. */
function calendarLine(calendar: CalibrateSummary['calendar']): string {
  const head = `calendar: ${calendar.name} (${calendar.description})`;
  if (calendar.name === 'none' && calendar.specialDays.length === 0)
    return `${head}: every day counts as its weekday`;
  const holidays = calendar.specialDays.filter((day) => day.kind === 'holiday').length;
  const worked = calendar.specialDays.length - holidays;
  return (
    `${head}: ${holidays} holiday${holidays === 1 ? '' : 's'} and ${worked} weekend day${worked === 1 ? '' : 's'} worked ` +
    'in the records, left out of the weekday means of arrivals and agents present'
  );
}

function str(options: OptionValues, key: string): string | undefined {
  const value = options[key];
  return typeof value === 'string' ? value : undefined;
}

/** `hotline calibrate <records>`: call records to calibrated parameters. */
export const calibrateCommand: CommandSpec = {
  name: 'calibrate',
  summary: 'estimate arrivals, handle time, patience and agents present from call records',
  description:
    'Read call-level records (the call-record CSV of data/README.md, or the Anonymous Bank TSV with ' +
    '--format anonymous-bank), estimate arrival rates and agents present per weekday and interval, the ' +
    'handle-time distribution (lognormal or exponential, whichever fits better by AIC) and the patience ' +
    '(abandonments over total wait, with the Kaplan-Meier median beside it), write them as a ' +
    'calibrated-parameters JSON file (--out, written atomically) and print a summary.',
  operands: ['<records>'],
  options: [
    ['-o, --out <file>', 'the calibrated-parameters JSON file to write (required unless --scenario)'],
    [
      '--scenario <file>',
      "write a scenario file hotline simulate runs as it is: the records' days with their calls and agents scheduled per interval, and the handle time and patience calibrated from them (side tables FILE-arrivals.csv and FILE-staffing.csv beside it)",
    ],
    ['--threshold <seconds>', "the scenario's service-level threshold (default: 20)"],
    ['--format <format>', `format of the records: ${RECORD_FORMATS.join(' or ')} (default: call-records)`],
    ['--source <text>', 'where the records came from, kept in the file (default: the file name)'],
    ['--interval-minutes <minutes>', 'interval length: 15, 30 or 60 (default: 30)'],
    ['--min-handle <seconds>', 'shortest handle time used in the fit (default: 0)'],
    ['--max-idle-gap <seconds>', 'longest idle gap inside an agent’s stretch of work (default: 1800)'],
    ['--encoding <label>', 'encoding of a call-record CSV, e.g. gb18030 (default: detected)'],
    ['--calendar <calendar>', CALENDAR_OPTION_HELP],
    ['--json', 'print the summary as JSON'],
    [
      '--xlsx <file>',
      'also write the weekday summary and the rates per weekday and interval as an Excel workbook',
    ],
  ],
  examples: [
    'hotline calibrate calls.csv --out calls.calibration.json',
    'hotline calibrate data/anonymous-bank/calls-1999-02.tsv --format anonymous-bank --out bank.json',
    'hotline calibrate calls.csv --out calls.calibration.json --xlsx calls.xlsx',
    'hotline calibrate calls-2025.csv --calendar china --out calls.calibration.json',
    'hotline calibrate data/anonymous-bank/calls-1999-02.tsv --format anonymous-bank --scenario bank.json',
  ],
  async run(operands, options, scanProblems) {
    const reader = new OptionReader();
    for (const problem of scanProblems) reader.problem(problem);
    const intervalMinutes = reader.number('--interval-minutes', str(options, 'intervalMinutes'), {
      integer: true,
    });
    if (intervalMinutes !== undefined && ![15, 30, 60].includes(intervalMinutes)) {
      reader.problem(`--interval-minutes: must be 15, 30 or 60 (got ${intervalMinutes})`);
    }
    const minHandle = reader.number('--min-handle', str(options, 'minHandle'), { min: 0 }, 'seconds');
    const maxIdleGap = reader.number(
      '--max-idle-gap',
      str(options, 'maxIdleGap'),
      { min: 0, exclusiveMin: true },
      'seconds',
    );
    const out = str(options, 'out');
    const scenarioPath = str(options, 'scenario');
    if (out === undefined && scenarioPath === undefined)
      reader.problem(
        '--out <file> or --scenario <file> is required (the calibrated parameters or the scenario to write)',
      );
    checkOutputPath(reader, '--out', out);
    checkOutputPath(reader, '--scenario', scenarioPath);
    if (scenarioPath !== undefined && !/\.json$/i.test(scenarioPath))
      reader.problem(`--scenario: must name a .json file (got ${JSON.stringify(scenarioPath)})`);
    const threshold =
      reader.number('--threshold', str(options, 'threshold'), { min: 0, max: 86_400 }, 'seconds') ?? 20;
    const xlsx = str(options, 'xlsx');
    checkOutputPath(reader, '--xlsx', xlsx);
    checkDistinctOutputs(reader, [
      ['--out', out],
      ['--scenario', scenarioPath],
      ['--xlsx', xlsx],
    ]);
    const calendarName = str(options, 'calendar') ?? 'none';
    const calendar = readCalendarOption(reader, calendarName);

    const path = operands[0];
    const read = readRecordsOption(reader, path, str(options, 'format'), str(options, 'encoding'));
    const records = read?.records;
    const format = read?.format ?? 'call-records';
    if (calendar !== undefined && records !== undefined && records.length > 0) {
      let first = Infinity;
      let last = -Infinity;
      for (const record of records) {
        first = Math.min(first, record.arrivalSeconds);
        last = Math.max(last, record.arrivalSeconds);
      }
      const date = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
      if (requireCalendarYears(reader, calendar, date(first), date(last), 'the records')) {
        const period = Math.floor(last / 86_400) - Math.floor(first / 86_400) + 1;
        if (specialDaysOfRecords(records, calendar).length === period) {
          reader.problem(
            `--calendar: every day of the records (${date(first)} to ${date(last)}) is a holiday or a weekend day ` +
              'worked, which are left out of the weekday means: no day is left to calibrate on',
          );
        }
      }
    }
    if (reader.problems.length > 0 || records === undefined || path === undefined || calendar === undefined) {
      throw new UsageError(reader.problems);
    }
    const parameters = calibrateFromRecords(records, {
      calendar,
      source: str(options, 'source') ?? basename(path),
      ...(intervalMinutes !== undefined ? { intervalMinutes: intervalMinutes as 15 | 30 | 60 } : {}),
      ...(minHandle !== undefined ? { minHandleSeconds: minHandle } : {}),
      ...(maxIdleGap !== undefined ? { maxIdleGapSeconds: maxIdleGap } : {}),
    });
    let scenario: CalibrateSummary['scenario'] = null;
    const files: OutputFile[] = [];
    if (out !== undefined) files.push({ path: out, content: calibrationText(parameters, out) });
    if (scenarioPath !== undefined) {
      const offered = records.filter((r) => r.outcome !== 'blocked');
      const first = Math.min(...offered.map((r) => r.arrivalSeconds));
      const last = Math.max(...offered.map((r) => r.arrivalSeconds));
      const inputs = periodInputs(
        records,
        { from: localDate(first), to: localDate(last) },
        { intervalSeconds: (intervalMinutes ?? 30) * 60 },
      );
      const behaviour = calibrateBehaviour(records);
      const input = { recordsFile: path, behaviour, inputs, answerWithinSeconds: threshold };
      // the scenario file and its two side tables, written with the other outputs as one set
      const texts = calibratedScenarioTexts(scenarioPath, input);
      const sideTables = [texts.arrivalsFile, texts.staffingFile].map((name) =>
        join(dirname(scenarioPath), name),
      );
      files.push(
        { path: sideTables[0] as string, content: texts.arrivalsCsv },
        { path: sideTables[1] as string, content: texts.staffingCsv },
        { path: scenarioPath, content: texts.json },
      );
      scenario = { file: scenarioPath, sideTables, days: inputs.days.length, startDate: inputs.days[0]! };
    }
    const bytes =
      xlsx !== undefined
        ? await workbookBytes(
            calibrationSheets(calibrationSummary(records, parameters, path, format, out ?? null), parameters),
          )
        : undefined;
    if (xlsx !== undefined && bytes) files.push({ path: xlsx, content: bytes });
    await writeFileSet(files);
    const summary = calibrationSummary(
      records,
      parameters,
      path,
      format,
      out ?? null,
      {
        name: calendarName,
        description: calendar.description,
        specialDays: specialDaysOfRecords(records, calendar).map(({ date, kind }) => ({ date, kind })),
      },
      scenario,
    );
    process.stdout.write(
      options.json === true ? JSON.stringify(summary, null, 2) + '\n' : formatCalibration(summary),
    );
  },
};
