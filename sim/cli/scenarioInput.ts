import {
  InputError,
  periodOf,
  periodNotes as periodNotesInWords,
  readScenarioFile,
  readTargetSet,
  scenarioWithRoster,
  type Scenario,
  type ScenarioFile,
  type TargetSet,
  addDays,
  daysBetween,
  isCalendarDate,
} from '../index.js';
import { optionText, type OptionReader } from './args.js';
import { formatPercent, formatYuan } from './format.js';

/*
 * Reading the files a `hotline` command is given, the same way in every
 * command: every problem of a file goes to the option reader (so they are all
 * listed at once, exit 2), and a scenario whose file asks for generated shifts
 * (`"shifts": { "kind": "generate" }`) is put on a roster of whole shifts here,
 * because io/ reads the file but may not call the model.
 */

/**
 * The roster generated for a scenario file with `shifts.kind` "generate",
 * over the horizon simulated: its `agents` table is the requirement and the
 * agents on the phones are the roster's.
 */
export interface RosterJson {
  /** Shift patterns allowed (the file's `shifts.patterns`). */
  patterns: number;
  /** Agent-shifts worked over the horizon simulated (a shift of 3 agents counts 3), night shifts of the day before included. */
  shifts: number;
  /** Sum of the required agents x interval length over the horizon, agent-hours. */
  requiredAgentHours: number;
  /** Sum of the rostered agents on the phones x interval length, agent-hours. */
  plannedAgentHours: number;
  /** Agent-hours beyond the requirement over the requirement's, a fraction (0.1 = 10% over). */
  overCoverage: number;
  /** Intervals whose rostered agents fall short of the requirement. */
  intervalsShort: number;
  /** Of these, the intervals no allowed shift covers at all. */
  intervalsUncoverable: number;
}

/**
 * The period a command simulates, as asked (`--from`, `--days`, `--to`): from
 * the date `from` (default: the horizon's first day) for `days` days, or up to
 * and including the date `to` (default: to the horizon's last day).
 */
export interface PeriodRequest {
  from?: string | undefined;
  days?: number | undefined;
  to?: string | undefined;
}

/** A scenario file as a command simulates it. */
export interface LoadedScenario {
  /** The file; with generated shifts, its `scenario.agents` are the roster's (the whole horizon's). */
  file: ScenarioFile;
  /** The scenario simulated: `file.scenario`, or the period of it asked for (`periodOf`). */
  scenario: Scenario;
  /** The roster's coverage over the horizon simulated, or null when the file asks for no generated shifts. */
  roster: RosterJson | null;
}

/**
 * Put every line of an input error (one per problem) to the reader; rethrow
 * anything else.
 *
 * @param reader collects the problems
 * @param error what a reader of input files threw
 * @throws the error itself when it is not an `InputError`
 * @example
 * const reader = new OptionReader();
 * try { readTargetSet('data/shanghai-12333-2020/scenario.json'); } catch (error) { inputProblems(reader, error); }
 * reader.problems.slice(0, 2); // => ['data/shanghai-12333-2020/scenario.json id: is required (expected a string)', 'data/shanghai-12333-2020/scenario.json title: must be an object (got "Shanghai 12333 hotline, 2020 (SEED project 1)")']
 */
export function inputProblems(reader: OptionReader, error: unknown): void {
  if (!(error instanceof InputError)) throw error;
  for (const line of error.message.split('\n').slice(1)) reader.problem(line.trim());
}

/**
 * Read a target set file, its problems to the reader.
 *
 * @param reader collects the problems
 * @param path the file
 * @returns the set, or undefined when it could not be read
 * @throws anything but an `InputError` (a bug)
 * @example
 * const reader = new OptionReader();
 * readTargetsInput(reader, 'data/targets/gbt-33358-2016.json')?.id; // => 'gbt-33358-2016'
 * readTargetsInput(reader, 'data/shanghai-12333-2020/scenario.json'); // => undefined
 * reader.problems.length > 0; // => true (each problem of the file, with its path)
 */
export function readTargetsInput(reader: OptionReader, path: string): TargetSet | undefined {
  try {
    return readTargetSet(path);
  } catch (error) {
    inputProblems(reader, error);
    return undefined;
  }
}

/**
 * The period of a horizon a command simulates, its problems (each naming its
 * option) to the reader: `--from` inside the horizon, `--to` not before
 * `--from` and inside the horizon, `--days` not past the horizon's last day.
 *
 * @param reader collects the problems
 * @param horizon the scenario's first day and length
 * @param request what was asked (dates already checked as dates by `readRunOptions`)
 * @returns the first day and length of the period, or undefined when a problem was found
 * @example
 * const reader = new OptionReader();
 * resolvePeriod(reader, { startDate: '2020-01-01', days: 366 }, { from: '2020-07-01', to: '2020-07-31' });
 * // => { from: '2020-07-01', days: 31 }
 * resolvePeriod(reader, { startDate: '2020-01-01', days: 366 }, { from: '2021-01-01' }); // => undefined
 * reader.problems; // => ['--from: must be within the scenario\'s horizon 2020-01-01 to 2020-12-31 (got 2021-01-01)']
 */
export function resolvePeriod(
  reader: OptionReader,
  horizon: { startDate: string; days: number },
  request: PeriodRequest,
): { from: string; days: number } | undefined {
  const last = addDays(horizon.startDate, horizon.days - 1);
  const within = `the scenario's horizon ${horizon.startDate} to ${last}`;
  const before = reader.problems.length;
  const from = request.from ?? horizon.startDate;
  const offset = daysBetween(horizon.startDate, from);
  if (offset < 0 || offset >= horizon.days) {
    reader.problem(`--from: must be within ${within} (got ${from})`);
    return undefined;
  }
  let days = horizon.days - offset;
  if (request.to !== undefined) {
    const span = daysBetween(from, request.to) + 1;
    if (span < 1) reader.problem(`--to: must not be before --from (${from}) (got ${request.to})`);
    else if (span > days) reader.problem(`--to: must be within ${within} (got ${request.to})`);
    else days = span;
  } else if (request.days !== undefined) {
    if (request.days > days) {
      reader.problem(
        request.from === undefined
          ? `--days: must be at most the scenario's ${horizon.days} days (got ${request.days})`
          : `--days: must be at most the ${days} days left in ${within} from ${from} (got ${request.days})`,
      );
    } else days = request.days;
  }
  return reader.problems.length > before ? undefined : { from, days };
}

/**
 * Read a scenario file as every command simulates it: the problems of the file
 * and of the period (`--from`, `--days`, `--to`) to the reader; with
 * `shifts.kind` "generate", its agents (the requirement) covered by a roster of
 * whole shifts of the allowed patterns over the file's whole horizon
 * (`scenarioWithRoster`), then cut to the period, so a short run sees the days
 * of the year's roster.
 *
 * @param reader collects the problems
 * @param path the scenario file
 * @param period the period asked for, or the number of first days (undefined: the whole horizon)
 * @returns the file, the scenario simulated and the roster's coverage, or undefined when the file could not be read
 * @throws anything but an `InputError` (a bug)
 * @example
 * const reader = new OptionReader();
 * const loaded = loadScenario(reader, 'data/shanghai-12333-2020/scenario.json', { from: '2020-07-01', days: 31 });
 * [loaded?.scenario.startDate, loaded?.scenario.days]; // => ['2020-07-01', 31]
 * loaded?.roster; // => null (that file asks for no generated shifts)
 */
export function loadScenario(
  reader: OptionReader,
  path: string,
  period: PeriodRequest | number | undefined,
): LoadedScenario | undefined {
  const request: PeriodRequest = typeof period === 'number' ? { days: period } : (period ?? {});
  let file: ScenarioFile;
  try {
    file = readScenarioFile(path);
  } catch (error) {
    inputProblems(reader, error);
    return undefined;
  }
  const chosen = resolvePeriod(reader, file.scenario, request) ?? {
    from: file.scenario.startDate,
    days: file.scenario.days,
  };
  const offset = daysBetween(file.scenario.startDate, chosen.from);
  const shifts = file.meta.shifts;
  let roster: RosterJson | null = null;
  if (shifts?.kind === 'generate') {
    const rostered = scenarioWithRoster(file.scenario, shifts.patterns);
    file = { ...file, scenario: rostered.scenario };
    const perDay = 1440 / file.scenario.intervalMinutes;
    const hours = file.scenario.intervalMinutes / 60;
    const intervals = rostered.coverage.intervals.slice(offset * perDay, (offset + chosen.days) * perDay);
    const sum = (pick: (i: (typeof intervals)[number]) => number) =>
      intervals.reduce((total, i) => total + pick(i), 0) * hours;
    const required = sum((i) => i.required);
    const uncoverable = new Set(rostered.roster.uncoverable);
    roster = {
      patterns: shifts.patterns.length,
      shifts: rostered.roster.shifts
        .filter((shift) => shift.day >= offset && shift.day < offset + chosen.days)
        .reduce((total, shift) => total + shift.agents, 0),
      requiredAgentHours: required,
      plannedAgentHours: sum((i) => i.planned),
      overCoverage: required > 0 ? sum((i) => i.over) / required : 0,
      intervalsShort: intervals.filter((i) => i.under > 0).length,
      intervalsUncoverable: intervals.filter((i) => uncoverable.has(i.index)).length,
    };
  }
  const whole = offset === 0 && chosen.days === file.scenario.days;
  const scenario = whole ? file.scenario : periodOf(file.scenario, chosen.from, chosen.days);
  return { file, scenario, roster };
}

/**
 * What simulating a period rather than the whole horizon means for the target
 * table, in sentences for the output (none for the whole horizon): the period
 * and the horizon, the quarters it covers only in part (quarterly rows judge
 * the days simulated), the rows judged on the year, and the workforce's start.
 *
 * @param horizon the scenario file's first day and length
 * @param period the period simulated
 * @param hasWorkforce whether the scenario simulates its workforce
 * @returns the sentences
 * @example
 * periodNotes({ startDate: '2020-01-01', days: 366 }, { startDate: '2020-07-01', days: 31 }, true)[1];
 * // => 'quarterly rows judge the days simulated only: 2020-Q3 has 31 of its 92 days'
 */
export function periodNotes(
  horizon: { startDate: string; days: number },
  period: { startDate: string; days: number },
  hasWorkforce: boolean,
): string[] {
  return periodNotesInWords(horizon, period, hasWorkforce).map((note) => note.en);
}

/**
 * The line that says a scenario runs on a generated roster, for the human
 * output of a command (none without one).
 *
 * @param roster what `loadScenario` returned
 * @returns zero or one line
 * @example
 * rosterLines(null); // => [] (no generated shifts, no line)
 * rosterLines({ patterns: 2, shifts: 732, requiredAgentHours: 100_000, plannedAgentHours: 167_600, overCoverage: 0.676, intervalsShort: 0, intervalsUncoverable: 0 });
 * // => ['Shifts: 732 generated from 2 patterns to cover the agents table (the requirement), 67.6% over-coverage (167,600 agent-hours on the phones for 100,000 required), 0 intervals short']
 */
export function rosterLines(roster: RosterJson | null): string[] {
  if (roster === null) return [];
  const short =
    roster.intervalsUncoverable > 0
      ? `${roster.intervalsShort} intervals short (${roster.intervalsUncoverable} that no allowed shift covers)`
      : `${roster.intervalsShort} intervals short`;
  return [
    `Shifts: ${roster.shifts} generated from ${roster.patterns} pattern${roster.patterns === 1 ? '' : 's'} ` +
      `to cover the agents table (the requirement), ${formatPercent(roster.overCoverage, 1)} over-coverage ` +
      `(${formatYuan(roster.plannedAgentHours)} agent-hours on the phones for ${formatYuan(roster.requiredAgentHours)} required), ${short}`,
  ];
}

/** The scenario simulated, as `simulate`, `plan` and `sweep` print it. */
export interface ScenarioJson {
  name: string;
  title: string;
  file: string;
  /** First day of the period simulated (the horizon's, or `--from`). */
  startDate: string;
  /** Days simulated (the horizon's, or fewer with `--days`, `--from`, `--to`). */
  days: number;
  /** The scenario file's own horizon, of which `startDate` and `days` are a period. */
  horizon: { startDate: string; days: number };
  /** What simulating a period rather than the whole horizon means for the targets (`periodNotes`); empty for the whole horizon. */
  periodNotes: string[];
  intervalMinutes: number;
  answerWithinSeconds: number;
  /** The roster of generated shifts the agents are on (`shifts.kind` "generate"), or null. */
  roster: RosterJson | null;
}

/**
 * The scenario part of a command's result.
 *
 * @param loaded what `loadScenario` read (or `PlanInputs`)
 * @returns its name, title, file, horizon simulated and roster
 * @example
 * const reader = new OptionReader();
 * const json = scenarioJson(loadScenario(reader, 'data/shanghai-12333-2020/scenario.json', 7)!);
 * [json.file, json.startDate, json.days, json.intervalMinutes]; // => ['data/shanghai-12333-2020/scenario.json', '2020-01-01', 7, 30]
 */
export function scenarioJson(loaded: LoadedScenario): ScenarioJson {
  return {
    name: loaded.file.meta.name,
    title: loaded.file.meta.title,
    file: loaded.file.meta.file,
    startDate: loaded.scenario.startDate,
    days: loaded.scenario.days,
    horizon: { startDate: loaded.file.scenario.startDate, days: loaded.file.scenario.days },
    periodNotes: periodNotes(loaded.file.scenario, loaded.scenario, loaded.scenario.workforce !== undefined),
    intervalMinutes: loaded.scenario.intervalMinutes,
    answerWithinSeconds: loaded.scenario.answerWithinSeconds,
    roster: loaded.roster,
  };
}

/** The options of every command that simulates, checked (undefined where bad or not given: the reader holds why). */
export interface RunOptions {
  seed: number | undefined;
  workers: number | undefined;
  days: number | undefined;
  /** `--from`, a date `YYYY-MM-DD`. */
  from: string | undefined;
  /** `--to`, a date `YYYY-MM-DD`. */
  to: string | undefined;
}

/** The `--from`, `--to` and `--days` options, as [flags, description]. */
export const PERIOD_OPTIONS: readonly (readonly [string, string])[] = [
  [
    '--from <date>',
    'simulate a period of the horizon from this date, YYYY-MM-DD (with --days or --to; default: its first day)',
  ],
  ['--to <date>', 'last day of the period, YYYY-MM-DD, included (default: the horizon’s last day)'],
  ['--days <n>', 'days of the period (default: to the horizon’s last day)'],
];

function readDate(reader: OptionReader, flag: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!isCalendarDate(text)) {
    reader.problem(`${flag}: must be a date YYYY-MM-DD (got ${JSON.stringify(text)})`);
    return undefined;
  }
  return text;
}

/**
 * Read `--seed` (default 1), `--workers` and the period (`--from`, `--days`,
 * `--to`: dates as dates, not both `--days` and `--to`), the options of every
 * command that simulates, each problem to the reader.
 *
 * @param reader collects the problems
 * @param options the parsed options
 * @returns the values
 * @example
 * const reader = new OptionReader();
 * readRunOptions(reader, { seed: '7', days: '28' }); // => { seed: 7, workers: undefined, days: 28, from: undefined, to: undefined }
 */
export function readRunOptions(reader: OptionReader, options: Readonly<Record<string, unknown>>): RunOptions {
  const integer = (flag: string, value: string | undefined, min: number, max: number) =>
    reader.number(flag, value, { min, max, integer: true });
  return {
    seed: integer('--seed', optionText(options, 'seed') ?? '1', 0, 2 ** 32 - 1),
    workers: integer('--workers', optionText(options, 'workers'), 0, 1024),
    ...readPeriodOptions(reader, options),
  };
}

/**
 * Read the period options `--from`, `--days` and `--to`, each problem to the
 * reader: dates must be dates, `--days` a whole number from 1 to 366, and
 * `--days` and `--to` are not given together. Whether the period lies in the
 * scenario's horizon is `loadScenario`'s check.
 *
 * @param reader collects the problems
 * @param options the parsed options
 * @returns the values (undefined where bad or not given)
 * @example
 * const reader = new OptionReader();
 * readPeriodOptions(reader, { from: '2020-07-01', days: '31' }); // => { days: 31, from: '2020-07-01', to: undefined }
 */
export function readPeriodOptions(
  reader: OptionReader,
  options: Readonly<Record<string, unknown>>,
): { days: number | undefined; from: string | undefined; to: string | undefined } {
  const days = reader.number('--days', optionText(options, 'days'), { min: 1, max: 366, integer: true });
  if (optionText(options, 'days') !== undefined && optionText(options, 'to') !== undefined) {
    reader.problem(
      '--to: give --days or --to, not both (--days counts from --from, --to names the last day)',
    );
  }
  return {
    days,
    from: readDate(reader, '--from', optionText(options, 'from')),
    to: readDate(reader, '--to', optionText(options, 'to')),
  };
}

/**
 * The note of `plan` and `sweep` on a scenario with generated shifts: a
 * budget's agent-hours are spread over the intervals in the shape of the
 * roster's agents (`scenarioForBudget`), not bought as whole shifts.
 *
 * @param roster what `loadScenario` returned
 * @returns zero or one note
 * @example
 * budgetRosterNotes(null); // => []
 * budgetRosterNotes({ shifts: 732 } as never).length; // => 1 (with generated shifts)
 */
export function budgetRosterNotes(roster: RosterJson | null): string[] {
  if (roster === null) return [];
  return [
    'the scenario’s shifts are generated: a budget’s agent-hours are spread in the shape of that roster’s agents ' +
      'on the phones, not bought as whole shifts; the Shifts line describes the roster, not the budget’s plan',
  ];
}

/**
 * The first lines of a command's human output: the scenario's title, its
 * file and horizon, and the roster of generated shifts it runs on, if any.
 *
 * @param s the scenario part of a `simulate`, `plan` or `sweep` result
 * @returns the title, the file and period, the period's notes, and the roster's line
 * @example
 * const reader = new OptionReader();
 * scenarioLines(scenarioJson(loadScenario(reader, 'data/shanghai-12333-2020/scenario.json', 7)!))[1];
 * // => 'data/shanghai-12333-2020/scenario.json: 7 days from 2020-01-01, 30-minute intervals, service level within 15 s'
 */
export function scenarioLines(s: ScenarioJson): string[] {
  return [
    s.title,
    `${s.file}: ${s.days} days from ${s.startDate}, ${s.intervalMinutes}-minute intervals, service level within ${s.answerWithinSeconds} s`,
    ...s.periodNotes.map((note) => `Note: ${note}`),
    ...rosterLines(s.roster),
  ];
}
