import {
  firstDaysOf,
  InputError,
  readScenarioFile,
  readTargetSet,
  scenarioWithRoster,
  type Scenario,
  type ScenarioFile,
  type TargetSet,
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

/** A scenario file as a command simulates it. */
export interface LoadedScenario {
  /** The file; with generated shifts, its `scenario.agents` are the roster's (the whole horizon's). */
  file: ScenarioFile;
  /** The scenario simulated: `file.scenario`, or its first `--days` days. */
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
 * try { readTargetSet(path); } catch (error) { inputProblems(reader, error); }
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
 * const set = readTargetsInput(reader, 'data/targets/gbt-33358-2016.json');
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
 * Read a scenario file as every command simulates it: the problems of the file
 * and of `--days` to the reader; with `shifts.kind` "generate", its agents
 * (the requirement) covered by a roster of whole shifts of the allowed
 * patterns over the file's whole horizon (`scenarioWithRoster`), then cut to
 * the first `days` days, so a short run sees the days of the year's roster.
 *
 * @param reader collects the problems
 * @param path the scenario file
 * @param days simulate only the first days (undefined: the whole horizon)
 * @returns the file, the scenario simulated and the roster's coverage, or undefined when the file could not be read
 * @throws anything but an `InputError` (a bug)
 * @example
 * const loaded = loadScenario(reader, 'data/shanghai-12333-2020/scenario.json', 7);
 * loaded?.scenario.days; // => 7
 * loaded?.roster; // => null: that file asks for no generated shifts
 */
export function loadScenario(
  reader: OptionReader,
  path: string,
  days: number | undefined,
): LoadedScenario | undefined {
  let file: ScenarioFile;
  try {
    file = readScenarioFile(path);
  } catch (error) {
    inputProblems(reader, error);
    return undefined;
  }
  if (days !== undefined && days > file.scenario.days) {
    reader.problem(`--days: must be at most the scenario's ${file.scenario.days} days (got ${days})`);
    days = undefined;
  }
  const shifts = file.meta.shifts;
  let roster: RosterJson | null = null;
  if (shifts?.kind === 'generate') {
    const rostered = scenarioWithRoster(file.scenario, shifts.patterns);
    file = { ...file, scenario: rostered.scenario };
    const simulatedDays = days ?? file.scenario.days;
    const n = simulatedDays * (1440 / file.scenario.intervalMinutes);
    const hours = file.scenario.intervalMinutes / 60;
    const intervals = rostered.coverage.intervals.slice(0, n);
    const sum = (pick: (i: (typeof intervals)[number]) => number) =>
      intervals.reduce((total, i) => total + pick(i), 0) * hours;
    const required = sum((i) => i.required);
    const uncoverable = new Set(rostered.roster.uncoverable);
    roster = {
      patterns: shifts.patterns.length,
      shifts: rostered.roster.shifts
        .filter((shift) => shift.day < simulatedDays)
        .reduce((total, shift) => total + shift.agents, 0),
      requiredAgentHours: required,
      plannedAgentHours: sum((i) => i.planned),
      overCoverage: required > 0 ? sum((i) => i.over) / required : 0,
      intervalsShort: intervals.filter((i) => i.under > 0).length,
      intervalsUncoverable: intervals.filter((i) => uncoverable.has(i.index)).length,
    };
  }
  const scenario = days !== undefined ? firstDaysOf(file.scenario, days) : file.scenario;
  return { file, scenario, roster };
}

/**
 * The line that says a scenario runs on a generated roster, for the human
 * output of a command (none without one).
 *
 * @param roster what `loadScenario` returned
 * @returns zero or one line
 * @example
 * rosterLines(loaded.roster); // => ['Shifts: 732 generated from 2 patterns to cover the agents table, 67.6% over-coverage, 0 intervals short']
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
  startDate: string;
  days: number;
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
 * scenarioJson(loadScenario(reader, path, 7)!).days; // => 7
 */
export function scenarioJson(loaded: LoadedScenario): ScenarioJson {
  return {
    name: loaded.file.meta.name,
    title: loaded.file.meta.title,
    file: loaded.file.meta.file,
    startDate: loaded.scenario.startDate,
    days: loaded.scenario.days,
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
}

/**
 * Read `--seed` (default 1), `--workers` and `--days`, the options of every
 * command that simulates, each problem to the reader.
 *
 * @param reader collects the problems
 * @param options the parsed options
 * @returns the values
 * @example
 * readRunOptions(reader, { seed: '7', days: '28' }); // => { seed: 7, workers: undefined, days: 28 }
 */
export function readRunOptions(reader: OptionReader, options: Readonly<Record<string, unknown>>): RunOptions {
  const integer = (flag: string, value: string | undefined, min: number, max: number) =>
    reader.number(flag, value, { min, max, integer: true });
  return {
    seed: integer('--seed', optionText(options, 'seed') ?? '1', 0, 2 ** 32 - 1),
    workers: integer('--workers', optionText(options, 'workers'), 0, 1024),
    days: integer('--days', optionText(options, 'days'), 1, 366),
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
 * notes.push(...budgetRosterNotes(inputs.roster));
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
 * @returns two or three lines
 * @example
 * scenarioLines(result.scenario)[1]; // => 'data/.../scenario.json: 7 days from 2020-01-01, 15-minute intervals, service level within 20 s'
 */
export function scenarioLines(s: ScenarioJson): string[] {
  return [
    s.title,
    `${s.file}: ${s.days} days from ${s.startDate}, ${s.intervalMinutes}-minute intervals, service level within ${s.answerWithinSeconds} s`,
    ...rosterLines(s.roster),
  ];
}
