import { basename, dirname, join } from 'node:path';
import type { CalibratedBehaviour } from '../calibrate/behaviour.js';
import type { PeriodInputs } from '../calibrate/periodInputs.js';
import { writeFileAtomic } from './writeFileAtomic.js';

/** What a calibration from records needs to become a scenario file. */
export interface CalibratedScenarioFileInput {
  /** The records file the calibration read (named in the sources). */
  readonly recordsFile: string;
  /** How callers and agents behaved (`calibrateBehaviour`). */
  readonly behaviour: CalibratedBehaviour;
  /** The period's calls and agents scheduled per interval (`periodInputs`). */
  readonly inputs: PeriodInputs;
  /** Service-level threshold, seconds. */
  readonly answerWithinSeconds: number;
}

/** A scenario file's three texts: the JSON and its two side tables. */
export interface CalibratedScenarioTexts {
  readonly json: string;
  readonly arrivalsCsv: string;
  readonly staffingCsv: string;
  /** Names of the side tables, relative to the JSON's folder. */
  readonly arrivalsFile: string;
  readonly staffingFile: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function clock(startDate: string, seconds: number): string {
  const t = new Date(Date.parse(`${startDate}T00:00:00Z`) + seconds * 1000);
  return `${t.toISOString().slice(0, 10)} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/**
 * The scenario file of a calibration from call records (data/README.md, "scenario
 * files"), as text: the period of the records with its calls per interval as the
 * arrivals (a rate table) and its agents scheduled per interval as the staffing
 * table, the handle time (talk plus after-call time, with its factors by time of
 * day) and the patience hazard calibrated from the records, and sources naming
 * the records. `hotline simulate` reads it as it is; a planner edits the tables
 * (more agents, more calls) to ask "what if".
 *
 * @param path the scenario JSON to write (its name gives the side tables' names)
 * @param input the records file, behaviour, period inputs and threshold
 * @returns the JSON and the two CSV side tables
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const behaviour = calibrateBehaviour(bank.records.filter((call) => call.arrivalSeconds < Date.UTC(1999, 1, 15) / 1000));
 * const inputs = periodInputs(bank.records, { from: '1999-02-15', to: '1999-02-21' });
 * const recordsFile = 'data/anonymous-bank/calls-1999-02.tsv';
 * const texts = calibratedScenarioTexts('bank.json', { recordsFile, behaviour, inputs, answerWithinSeconds: 20 });
 * texts.arrivalsFile; // => 'bank-arrivals.csv'
 */
export function calibratedScenarioTexts(
  path: string,
  input: CalibratedScenarioFileInput,
): CalibratedScenarioTexts {
  const { behaviour, inputs, recordsFile } = input;
  const stem = basename(path).replace(/\.json$/i, '');
  const arrivalsFile = `${stem}-arrivals.csv`;
  const staffingFile = `${stem}-staffing.csv`;
  const startDate = inputs.days[0]!;
  const intervalSeconds = inputs.intervalSeconds;
  const intervalMinutes = intervalSeconds / 60;
  const perHour = 3600 / intervalSeconds;
  const arrivalsCsv =
    [
      'intervalStart,arrivalsPerHour',
      ...inputs.callsPerInterval.map(
        (calls, k) => `${clock(startDate, k * intervalSeconds)},${calls * perHour}`,
      ),
    ].join('\n') + '\n';
  const staffingCsv =
    [
      'intervalStart,agents',
      ...inputs.agentsRounded.map((agents, k) => `${clock(startDate, k * intervalSeconds)},${agents}`),
    ].join('\n') + '\n';
  const perDay = 1440 / intervalMinutes;
  const records = basename(recordsFile);
  const period = `${inputs.days[0]} to ${inputs.days[inputs.days.length - 1]}`;
  const name =
    stem
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'calibrated';
  const scenario = {
    formatVersion: 1,
    name,
    title: `Calibrated from ${records}, ${period}`,
    description:
      `The period of ${records} with its own calls and agents scheduled per ${intervalMinutes} minutes, and the callers' ` +
      `and agents' behaviour calibrated from the same records (hotline calibrate --scenario).`,
    horizon: { startDate, days: inputs.days.length, intervalMinutes },
    arrivals: { kind: 'table', arrivalRatesFile: arrivalsFile, selfServiceShare: 0, dayBusynessCv: 0 },
    handle: behaviour.handle,
    handleTimeOfDayFactors: Array.from(
      { length: perDay },
      (_, i) => behaviour.handleFactorsByHour[Math.floor((i * intervalMinutes) / 60)]!,
    ),
    patience: behaviour.patience,
    agents: { kind: 'table', staffingFile },
    answerWithinSeconds: input.answerWithinSeconds,
    sources: {
      horizon: `records ${records}: the days they cover, ${period}`,
      arrivals: `records ${records}: calls that asked for an agent (answered, or abandoned after waiting) per interval; the voice menu is before them, so no self-service share`,
      handle:
        `calibrated from ${records}: talk time (services under ${behaviour.talkFit.shortServiceSeconds} s as their own exponential, ` +
        `the rest lognormal at the sample mean; Brown et al., JASA 2005) plus the after-call time agents left waiting callers unanswered (afterCallUnavailability)`,
      handleTimeOfDayFactors: `calibrated from ${records}: mean talk plus after-call time in each hour of the day over the whole mean`,
      patience: `calibrated from ${records}: piecewise-constant hazard by maximum likelihood from censored waits (patienceHazard)`,
      agents: `records ${records}: agents scheduled, each from the first to the last call of a stretch of work split at 60 idle minutes, rounded to whole agents`,
      answerWithinSeconds: `the threshold given to hotline calibrate (--threshold)`,
    },
  };
  return {
    json: JSON.stringify(scenario, null, 2) + '\n',
    arrivalsCsv,
    staffingCsv,
    arrivalsFile,
    staffingFile,
  };
}

/**
 * Write the scenario file of a calibration (see {@link calibratedScenarioTexts}):
 * the two side tables beside it, then the JSON, each atomically.
 *
 * @param path the scenario JSON to write (its folder must exist)
 * @param input the records file, behaviour, period inputs and threshold
 * @returns the three paths written
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const behaviour = calibrateBehaviour(bank.records.filter((call) => call.arrivalSeconds < Date.UTC(1999, 1, 15) / 1000));
 * const inputs = periodInputs(bank.records, { from: '1999-02-15', to: '1999-02-21' });
 * const recordsFile = 'data/anonymous-bank/calls-1999-02.tsv';
 * writeCalibratedScenarioFile(join(tmpdir(), 'bank.json'), { recordsFile, behaviour, inputs, answerWithinSeconds: 20 });
 * readScenarioFile(join(tmpdir(), 'bank.json')).scenario.days; // => 7 (15-21 February 1999)
 */
export function writeCalibratedScenarioFile(path: string, input: CalibratedScenarioFileInput): string[] {
  const texts = calibratedScenarioTexts(path, input);
  const folder = dirname(path);
  const arrivals = join(folder, texts.arrivalsFile);
  const staffing = join(folder, texts.staffingFile);
  writeFileAtomic(arrivals, texts.arrivalsCsv);
  writeFileAtomic(staffing, texts.staffingCsv);
  writeFileAtomic(path, texts.json);
  return [path, arrivals, staffing];
}
