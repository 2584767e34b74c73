import { existsSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { HolidayCalendar } from '../core/calendar.js';
import { InputError, type InputIssue } from '../core/errors.js';
import { readHolidayList } from './holidayList.js';
import { readScenarioFile, type ScenarioFileData } from './scenarioFile.js';
import { formatLocalDateTime, parseLocalDateTime } from './table.js';
import { writeFileAtomic } from './writeFileAtomic.js';
import type { OutputFile } from './writeFileSet.js';

/** What replaces a scenario's arrivals in its copy. */
export interface NewArrivals {
  /** First day of the copy's horizon, ISO `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Days of the copy's horizon. */
  readonly days: number;
  /** Calls entering per hour (before self-service) in each of the scenario's intervals over those days. */
  readonly arrivalsPerHour: readonly number[];
  /** `arrivals.volumeForecastCv` of the copy: one multiplier of the volume per replication. */
  readonly volumeForecastCv: number;
  /** `arrivals.dayBusynessCv` of the copy: one multiplier per day. */
  readonly dayBusynessCv: number;
  /** The source of these values, kept in the copy's `sources`. */
  readonly source: string;
}

/** The files a scenario copy is made of. */
export interface ScenarioCopyFiles {
  /** The scenario JSON written. */
  readonly scenario: string;
  /** Its arrival-rate table. */
  readonly arrivalRates: string;
  /** Its staffing table, when the original's agents were a table. */
  readonly staffing?: string;
}

/** Whether the JSON path (`a.b[0].c`) leads to a value in `data`. */
function pathExists(data: unknown, path: string): boolean {
  let node: unknown = data;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
    if (node === undefined) return false;
  }
  return true;
}

function rounded(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/**
 * The side files of a copy: `<name>.arrivals.csv` and `<name>.staffing.csv`
 * beside the copy's JSON file.
 *
 * @param outFile the copy's JSON file
 * @returns the paths
 * @example
 * scenarioCopyFiles('out/week.json'); // => { scenario: 'out/week.json', arrivalRates: 'out/week.arrivals.csv', staffing: 'out/week.staffing.csv' }
 */
export function scenarioCopyFiles(outFile: string): Required<ScenarioCopyFiles> {
  const stem = join(dirname(outFile), basename(outFile, extname(outFile)));
  return { scenario: outFile, arrivalRates: `${stem}.arrivals.csv`, staffing: `${stem}.staffing.csv` };
}

/** Agents from a dated table, or with dated adjustments, are cut to the new days into a table. */
function cutToTable(data: ScenarioFileData): boolean {
  return (
    data.shifts?.kind !== 'roster' &&
    data.agents !== undefined &&
    (data.agents.kind === 'table' || (data.agents.adjustments?.length ?? 0) > 0)
  );
}

/**
 * Why a scenario file cannot be copied for these days to `outFile`: the copy
 * would overwrite one of the original's files, or the original's agents (a
 * dated staffing table, or dated adjustments) do not cover the days. Checked
 * by `writeScenarioCopy`; call it first to refuse before any long work.
 *
 * @param data the original scenario file as read (`readScenarioFile(inFile).meta.data`)
 * @param inFile the original's path
 * @param outFile the copy's JSON file
 * @param startDate the copy's first day, ISO
 * @param days the copy's days
 * @returns the problems, empty when the copy can be written
 * @throws {RangeError} for a malformed date or a non-positive number of days
 * @example
 * const path = 'data/shanghai-12333-2020/scenario.json';
 * scenarioCopyProblems(readScenarioFile(path).meta.data, path, 'week.json', '2021-03-01', 7); // => [] (weekly staffing fits any year)
 * scenarioCopyProblems(readScenarioFile(path).meta.data, path, 'week.json', '2030-03-01', 7).length; // => 1 (2030 has no official calendar yet)
 */
export function scenarioCopyProblems(
  data: ScenarioFileData,
  inFile: string,
  outFile: string,
  startDate: string,
  days: number,
): InputIssue[] {
  const issues: InputIssue[] = [];
  const inFolder = dirname(inFile);
  const theirs = [
    inFile,
    ...[data.arrivals.intradayProfileFile, data.arrivals.arrivalRatesFile, data.agents?.staffingFile]
      .concat([data.shifts?.rosterFile, data.targets?.file, data.calendar?.holidayFile])
      .filter((f): f is string => f !== undefined)
      .map((f) => join(inFolder, f)),
  ].map((f) => resolve(f));
  for (const [what, path] of Object.entries(scenarioCopyFiles(outFile))) {
    if (theirs.includes(resolve(path))) {
      issues.push({
        file: outFile,
        row: 0,
        column: '(file)',
        message: `the copy's ${what} file ${path} is a file of the original scenario ${inFile}, which is never changed`,
      });
    }
  }
  const start = parseLocalDateTime(startDate);
  if (start === undefined || !Number.isInteger(days) || days < 1) {
    throw new RangeError(`scenarioCopyProblems: bad days (${startDate}, ${days})`);
  }
  const origin = parseLocalDateTime(data.horizon.startDate) as number;
  const offset = (start - origin) / 86_400;
  if (cutToTable(data) && (offset < 0 || offset + days > data.horizon.days)) {
    const last = formatLocalDateTime(origin + (data.horizon.days - 1) * 86_400).slice(0, 10);
    const table = data.agents?.kind === 'table';
    issues.push({
      file: inFile,
      row: 0,
      column: table ? 'agents.staffingFile' : 'agents.adjustments',
      message:
        `the ${table ? 'staffing table covers' : "agents' dated adjustments cover"} ${data.horizon.startDate} to ${last}; ` +
        `the days ${startDate} and the ${days - 1} after are not inside it ` +
        '(give a scenario whose staffing covers them, or constant agents, or a weekly roster)',
    });
  }
  // The copy keeps the calendar (staffing by kind of day needs it): it must cover the new days' years.
  const section = data.calendar;
  if (section !== undefined) {
    const list =
      section.holidayFile === undefined ? [] : readHolidayList(join(inFolder, section.holidayFile));
    const calendar = new HolidayCalendar({
      base: section.holidays === 'china-official' ? 'china' : 'none',
      days: list,
    });
    for (const year of calendar.uncoveredYears(startDate, days)) {
      issues.push({
        file: inFile,
        row: 0,
        column: section.holidayFile === undefined ? 'calendar.holidays' : 'calendar.holidayFile',
        message:
          `${calendar.description} does not cover ${year}, a year of the days ${startDate} and the ${days - 1} after ` +
          "(give a scenario whose calendar covers them: a holiday list with that year's days, or holidays none)",
      });
    }
  }
  return issues;
}

/**
 * Write a copy of a scenario file for other days with new arrivals (a
 * forecast), leaving the original untouched: the copy's horizon is the new
 * days; its arrivals an arrival-rate table (`<name>.arrivals.csv`) with the
 * original's self-service share and the new `volumeForecastCv` and
 * `dayBusynessCv`; the original's load rule for holidays (`holidayLoadAs`...)
 * and load adjustments are dropped (the new arrivals are the load), its
 * calendar of holidays kept (it must cover the new days). Agents: constant,
 * by kind of day (`weekly`) or a weekly roster stay as they are; a dated
 * staffing table, or agents with dated adjustments, become the agents of the
 * new days (adjustments applied) in `<name>.staffing.csv`, and then the new
 * days must lie in the original's horizon. Files the original names are referred to from the
 * copy's folder. Sources are kept where their parameter still exists, and the
 * new values get `source`. The copy is read back with `readScenarioFile`
 * before this returns.
 *
 * @param inFile the original scenario file (read, never written)
 * @param outFile the copy's JSON file
 * @param arrivals the new days, arrival rates and CVs
 * @returns the files written
 * @throws {InputError} when the original is invalid, the new days fall outside a
 *   staffing table, or the copy would overwrite one of the original's files
 * @example
 * const out = join(tmpdir(), 'week.json');
 * writeScenarioCopy('data/shanghai-12333-2020/scenario.json', out, {
 *   startDate: '2020-03-02', days: 7, arrivalsPerHour: Array(7 * 48).fill(1000), volumeForecastCv: 0.04, dayBusynessCv: 0.06,
 *   source: 'hotline forecast volumes.csv (average method, trained 2019-01-01 to 2020-02-29)',
 * });
 * readScenarioFile(out).scenario.days; // => 7
 */
export function writeScenarioCopy(inFile: string, outFile: string, arrivals: NewArrivals): ScenarioCopyFiles {
  const { files, outputs } = scenarioCopyContents(inFile, outFile, arrivals);
  const written: string[] = [];
  try {
    for (const output of outputs) {
      writeFileAtomic(output.path, output.content);
      written.push(output.path);
    }
    checkScenarioCopy(outFile);
  } catch (error) {
    for (const file of written) if (existsSync(file)) unlinkSync(file);
    throw error;
  }
  return files;
}

/**
 * Read a scenario copy back once written (`writeScenarioCopy` does; a caller
 * writing `scenarioCopyContents` itself should): a copy that does not read is
 * a bug in the copy, not bad input.
 *
 * @param outFile the copy's JSON file, written
 * @throws {Error} "the copy does not read back (a bug)" with the problems
 * @example
 * const out = join(tmpdir(), 'checked-week.json');
 * await writeFileSet(scenarioCopyContents('data/shanghai-12333-2020/scenario.json', out, {
 *   startDate: '2020-03-02', days: 7, arrivalsPerHour: Array(7 * 48).fill(1000), volumeForecastCv: 0.04, dayBusynessCv: 0.06,
 *   source: 'hotline forecast volumes.csv (average method, trained 2019-01-01 to 2020-02-29)',
 * }).outputs);
 * checkScenarioCopy(out); // => undefined (it reads back)
 */
export function checkScenarioCopy(outFile: string): void {
  try {
    readScenarioFile(outFile);
  } catch (error) {
    if (error instanceof InputError) {
      throw new Error(`writeScenarioCopy: the copy does not read back (a bug): ${error.message}`);
    }
    throw error;
  }
}

/**
 * The files of a scenario copy (see `writeScenarioCopy`) as contents, written
 * by nobody: for a command that writes them with its other outputs as one
 * set (`writeFileSet`), then reads the copy back (`checkScenarioCopy`).
 *
 * @param inFile the original scenario file (read, never written)
 * @param outFile the copy's JSON file
 * @param arrivals the new days, arrival rates and CVs
 * @returns the files the copy is made of, and each one's content (side tables first, the JSON last)
 * @throws {InputError} as `writeScenarioCopy`
 * @example
 * const out = join(tmpdir(), 'week.json');
 * const { outputs } = scenarioCopyContents('data/shanghai-12333-2020/scenario.json', out, {
 *   startDate: '2020-03-02', days: 7, arrivalsPerHour: Array(7 * 48).fill(1000), volumeForecastCv: 0.04, dayBusynessCv: 0.06,
 *   source: 'hotline forecast volumes.csv (average method, trained 2019-01-01 to 2020-02-29)',
 * });
 * outputs.map((output) => output.path.slice(tmpdir().length + 1)); // => ['week.arrivals.csv', 'week.json']
 */
export function scenarioCopyContents(
  inFile: string,
  outFile: string,
  arrivals: NewArrivals,
): { files: ScenarioCopyFiles; outputs: OutputFile[] } {
  const { scenario, meta } = readScenarioFile(inFile);
  const data = meta.data;
  const issues = scenarioCopyProblems(data, inFile, outFile, arrivals.startDate, arrivals.days);
  if (issues.length > 0) throw new InputError(issues);
  const files = scenarioCopyFiles(outFile);
  const inFolder = dirname(inFile);
  const outFolder = dirname(outFile);
  const start = parseLocalDateTime(arrivals.startDate) as number;
  const origin = parseLocalDateTime(data.horizon.startDate) as number;
  const perDay = 1440 / data.horizon.intervalMinutes;
  if (arrivals.arrivalsPerHour.length !== arrivals.days * perDay) {
    throw new RangeError(
      `writeScenarioCopy: ${arrivals.arrivalsPerHour.length} arrival rates for ${arrivals.days} days of ${perDay} intervals`,
    );
  }
  const offset = (start - origin) / 86_400;
  const byTable = cutToTable(data);

  const pointer = (name: string): string => relative(outFolder, join(inFolder, name)) || basename(name);
  const copy: Record<string, unknown> = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  delete copy.loadAdjustments;
  if (data.calendar !== undefined) {
    // The day kinds stay (staffing by kind of day needs them); the load rule goes with the profile.
    copy.calendar = {
      holidays: data.calendar.holidays,
      ...(data.calendar.holidayFile !== undefined ? { holidayFile: pointer(data.calendar.holidayFile) } : {}),
    };
  }
  copy.name = `${data.name}-forecast`;
  copy.title = `${data.title}: arrivals from a forecast`;
  copy.horizon = {
    startDate: arrivals.startDate,
    days: arrivals.days,
    intervalMinutes: data.horizon.intervalMinutes,
  };
  copy.arrivals = {
    kind: 'table',
    arrivalRatesFile: basename(files.arrivalRates),
    selfServiceShare: data.arrivals.selfServiceShare,
    dayBusynessCv: arrivals.dayBusynessCv,
    volumeForecastCv: arrivals.volumeForecastCv,
  };
  const sources: Record<string, string> = {};
  const staffingSource = `the staffing of ${inFile} on these days`;
  let staffingText: string | undefined;
  if (byTable) {
    const counts = scenario.agents.kind === 'perInterval' ? scenario.agents.counts : [];
    const lines = ['intervalStart,agents'];
    let previous: number | undefined;
    for (let i = 0; i < arrivals.days * perDay; i++) {
      const count = counts[offset * perDay + i] ?? 0;
      if (count === previous) continue;
      previous = count;
      lines.push(`${formatLocalDateTime(start + (i * 86_400) / perDay).slice(0, 16)},${count}`);
    }
    staffingText = lines.join('\n') + '\n';
    copy.agents = { kind: 'table', staffingFile: basename(files.staffing) };
    sources['agents.staffingFile'] = staffingSource;
  }
  if (!byTable && data.agents?.kind === 'weekly' && data.agents.staffingFile !== undefined) {
    copy.agents = { ...data.agents, staffingFile: pointer(data.agents.staffingFile) };
  }
  if (data.shifts?.rosterFile !== undefined) {
    copy.shifts = { ...data.shifts, rosterFile: pointer(data.shifts.rosterFile) };
  }
  if (data.targets !== undefined) copy.targets = { ...data.targets, file: pointer(data.targets.file) };
  for (const [key, text] of Object.entries(data.sources)) {
    if (pathExists(copy, key) && !key.startsWith('horizon') && key !== 'arrivals') sources[key] = text;
  }
  for (const key of [
    'horizon',
    'arrivals.arrivalRatesFile',
    'arrivals.volumeForecastCv',
    'arrivals.dayBusynessCv',
  ]) {
    sources[key] = arrivals.source;
  }
  if (pathExists(copy, 'arrivals.selfServiceShare')) {
    sources['arrivals.selfServiceShare'] =
      data.sources['arrivals.selfServiceShare'] ?? data.sources.arrivals ?? `as in ${inFile}`;
  }
  copy.sources = sources;

  const rates = ['intervalStart,arrivalsPerHour'];
  arrivals.arrivalsPerHour.forEach((rate, i) => {
    rates.push(`${formatLocalDateTime(start + (i * 86_400) / perDay).slice(0, 16)},${rounded(rate)}`);
  });
  return {
    files: {
      scenario: outFile,
      arrivalRates: files.arrivalRates,
      ...(staffingText !== undefined ? { staffing: files.staffing } : {}),
    },
    outputs: [
      { path: files.arrivalRates, content: rates.join('\n') + '\n' },
      ...(staffingText !== undefined ? [{ path: files.staffing, content: staffingText }] : []),
      { path: outFile, content: JSON.stringify(copy as ScenarioFileData, null, 2) + '\n' },
    ],
  };
}
