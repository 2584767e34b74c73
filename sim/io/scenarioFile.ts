import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { calendarYears, formatYears, HolidayCalendar, type DayKind } from '../core/calendar.js';
import { InputError, type InputIssue } from '../core/errors.js';
import type { AnswerRateDefinition } from '../core/targets.js';
import type { ArrivalSpec, Distribution, RedialOptions, Scenario } from '../model/types.js';
import { decodeText } from './encoding.js';
import { formatJsonPath, parseJson } from './json.js';
import { nearestName } from './nearestName.js';
import { formatLocalDateTime, parseLocalDateTime } from './table.js';
import type { FaultLevelSpec } from '../model/faults.js';
import type { Roster, ShiftPattern } from '../model/shifts.js';
import type { WorkforceSpec } from '../model/workforce.js';
import { parseWeekdays, readRosterTable, weeklyAgentsOverHorizon } from './roster.js';
import { readHolidayList } from './holidayList.js';
import { readWeeklyStaffing, weeklyAgentsByDayKind } from './weeklyStaffing.js';
import { readArrivalProfile, readArrivalRates, readStaffingTable } from './tables.js';
import { readTargetSet, type TargetSet } from './targets.js';
import { channelsOf, channelsPeriod, channelsSchema } from './channelsSection.js';
import type { ChannelsSpec } from '../model/channels/types.js';

/*
 * Scenario files (data/README.md, "Scenario files"): one strict JSON document
 * per scenario, with CSV side tables where a table is natural (intraday
 * profile, staffing table, arrival rates), read into the simulator's
 * `Scenario`. Every parameter carries a source (`sources`, keyed by JSON path).
 */

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** A day of the week, as the scenario file spells it. */
export type ScenarioWeekday = (typeof WEEKDAYS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** A duration distribution as a scenario file writes it (fields by kind; see data/README.md). */
interface DistributionInput {
  kind:
    | 'exponential'
    | 'lognormal'
    | 'gamma'
    | 'erlang'
    | 'deterministic'
    | 'empirical'
    | 'mixture'
    | 'sum'
    | 'piecewiseHazard';
  meanSeconds?: number | undefined;
  cv?: number | undefined;
  phases?: number | undefined;
  samplesSeconds?: number[] | undefined;
  components?: { weight: number; distribution: DistributionInput }[] | undefined;
  terms?: DistributionInput[] | undefined;
  breakpointsSeconds?: number[] | undefined;
  hazardPerSecond?: number[] | undefined;
}

const distributionSchema: z.ZodType<DistributionInput> = z.lazy(() =>
  z
    .object({
      kind: z.enum([
        'exponential',
        'lognormal',
        'gamma',
        'erlang',
        'deterministic',
        'empirical',
        'mixture',
        'sum',
        'piecewiseHazard',
      ]),
      meanSeconds: z.number().positive().max(86_400).optional(),
      cv: z.number().positive().max(100).optional(),
      phases: z.number().int().min(1).max(1000).optional(),
      samplesSeconds: z.array(z.number().min(0).max(86_400)).min(1).max(100_000).optional(),
      components: z
        .array(z.object({ weight: z.number().min(0).max(1e12), distribution: distributionSchema }).strict())
        .min(1)
        .max(100)
        .optional(),
      terms: z.array(distributionSchema).min(1).max(100).optional(),
      breakpointsSeconds: z.array(z.number().min(0).max(86_400)).min(1).max(1000).optional(),
      hazardPerSecond: z.array(z.number().min(0).max(1e6)).min(1).max(1000).optional(),
    })
    .strict(),
);

/** A duration in minutes (faults: response and repair), converted to seconds for the simulator. */
const minutesDistributionSchema = z
  .object({
    kind: z.enum(['exponential', 'lognormal', 'gamma', 'erlang', 'deterministic']),
    meanMinutes: z.number().positive().max(525_600),
    cv: z.number().positive().max(100).optional(),
    phases: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

const probability = z.number().min(0).max(1);
const clockTime = z.string().regex(/^\d{2}:\d{2}$/, 'must be a time of day HH:MM');

const workforceSchema = z
  .object({
    initialStaff: z.number().int().min(0).max(100_000),
    targetHeadcount: z.number().int().min(0).max(100_000).optional(),
    initialTenureMonths: z.number().min(0).max(600).optional(),
    annualTurnover: z.number().min(0).max(50).optional(),
    turnoverByTenure: z
      .array(
        z.object({ fromMonth: z.number().min(0).max(600), annualRate: z.number().min(0).max(50) }).strict(),
      )
      .min(1)
      .optional(),
    hiring: z
      .object({
        policy: z.enum(['backfill', 'monthlyCohorts', 'none']),
        recruitmentLagDays: z.number().min(0).max(3650),
        trainingDays: z.number().min(0).max(3650),
      })
      .strict(),
    learningCurve: z
      .array(
        z
          .object({
            month: z.number().int().min(1).max(600),
            handleTimeMultiplier: z.number().min(0.1).max(10),
            qaPassRate: probability,
            satisfactionPenalty: probability,
          })
          .strict(),
      )
      .min(1)
      .optional(),
    plannedLiveAgents: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();

const faultsSchema = z
  .object({
    levels: z
      .array(
        z
          .object({
            level: z.number().int().min(1).max(9),
            ratePerYear: z.number().min(0).max(10_000),
            responseMinutes: minutesDistributionSchema,
            repairMinutes: minutesDistributionSchema,
            capacityLost: probability,
            responseDeadlineMinutes: z.number().positive().max(525_600),
            repairDeadlineMinutes: z.number().positive().max(525_600),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const surveySchema = z
  .object({
    responseProbability: probability,
    satisfactionCurve: z
      .array(z.object({ waitSeconds: z.number().min(0).max(86_400), satisfied: probability }).strict())
      .min(1),
    penaltyPerExtraAttempt: probability,
    satisfiedShareOfPositive: probability,
    complaintsPerAnsweredCall: probability,
    qaSampleShare: probability,
    reviewMinutesPerDissatisfied: z.number().min(0).max(1440).optional(),
  })
  .strict();

const shiftsSchema = z
  .object({
    kind: z.enum(['roster', 'generate']),
    rosterFile: z.string().min(1).optional(),
    patterns: z
      .array(
        z
          .object({
            name: z.string().min(1),
            start: clockTime,
            lengthMinutes: z.number().int().min(1).max(1440),
            breakMinutes: z.number().int().min(0).max(1440).optional(),
            breakStart: clockTime.optional(),
            days: z.string().min(1).optional(),
          })
          .strict(),
      )
      .min(1)
      .optional(),
  })
  .strict();

const dateFactorSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    factor: z.number().min(0).max(100),
    label: z.string().min(1),
  })
  .strict();

const scenarioFileSchema = z
  .object({
    formatVersion: z.literal(1),
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    title: z.string().min(1),
    description: z.string().optional(),
    horizon: z
      .object({
        startDate: isoDate,
        days: z.number().int().min(1).max(366),
        intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]),
      })
      .strict(),
    arrivals: z
      .object({
        kind: z.enum(['profile', 'table']),
        inboundCallsPerDay: z.number().min(0).max(10_000_000).optional(),
        monthFactors: z.array(z.number().min(0).max(100)).length(12).optional(),
        normaliseMonthFactors: z.boolean().optional(),
        weekdayFactors: z.array(z.number().min(0).max(100)).length(7).optional(),
        intradayProfileFile: z.string().min(1).optional(),
        arrivalRatesFile: z.string().min(1).optional(),
        selfServiceShare: z.number().min(0).max(1),
        dayBusynessCv: z.number().min(0).max(10),
        volumeForecastCv: z.number().min(0).max(10).optional(),
      })
      .strict(),
    calendar: z
      .object({
        holidays: z.enum(['china-official', 'none']),
        holidayFile: z.string().min(1).optional(),
        holidayLoadAs: z.enum(WEEKDAYS).optional(),
        adjustedWorkingDayLoadAs: z.enum(WEEKDAYS).optional(),
        keepHorizonTotal: z.boolean().optional(),
      })
      .strict()
      .optional(),
    loadAdjustments: z.array(dateFactorSchema).optional(),
    handle: distributionSchema,
    handleTimeOfDayFactors: z.array(z.number().positive().max(100)).min(1).max(1440).optional(),
    patience: distributionSchema.optional(),
    waitingRoom: z.number().int().min(0).max(1_000_000).optional(),
    redial: z
      .object({
        redialProbability: z.number().min(0).max(1),
        maxAttempts: z.number().int().min(1).max(100),
        delay: distributionSchema,
      })
      .strict()
      .optional(),
    agents: z
      .object({
        kind: z.enum(['constant', 'table', 'weekly']),
        count: z.number().int().min(0).max(100_000).optional(),
        staffingFile: z.string().min(1).optional(),
        adjustments: z.array(dateFactorSchema).optional(),
      })
      .strict()
      .optional(),
    shifts: shiftsSchema.optional(),
    workforce: workforceSchema.optional(),
    faults: faultsSchema.optional(),
    survey: surveySchema.optional(),
    answerWithinSeconds: z.number().min(0).max(86_400),
    targets: z
      .object({
        file: z.string().min(1),
        answerRateDefinition: z.enum(['perAttempt', 'perCaller', 'includingSelfService']),
      })
      .strict()
      .optional(),
    budget: z
      .object({
        seatRentalYuan: z.number().min(0).max(1e12).optional(),
        managementFeeYuan: z.number().min(0).max(1e12).optional(),
        payrollYuan: z.number().min(0).max(1e12).optional(),
        statedTotalYuan: z.number().min(0).max(1e12),
        previousYearTotalYuan: z.number().min(0).max(1e12).optional(),
      })
      .strict()
      .optional(),
    channels: channelsSchema(distributionSchema).optional(),
    sources: z.record(z.string(), z.string()),
  })
  .strict();

/** The scenario file as written (after the schema check). */
export type ScenarioFileData = z.output<typeof scenarioFileSchema>;

/** The schema of a scenario file (strict zod; see data/README.md). */
export const scenarioFileZodSchema: z.ZodType<ScenarioFileData> = scenarioFileSchema;

export type { AnswerRateDefinition } from '../core/targets.js';

/** What a scenario file says beyond the simulator's `Scenario`. */
export interface ScenarioMeta {
  /** The file read. */
  readonly file: string;
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  /** Source of every parameter, keyed by JSON path (`arrivals.inboundCallsPerDay`). */
  readonly sources: Readonly<Record<string, string>>;
  /** The target set and the answer-rate definition it is judged on, when the file names one. */
  readonly targets?: { readonly set: TargetSet; readonly answerRateDefinition: AnswerRateDefinition };
  /** The budget lines, yuan (read by the budget and report code; the simulator ignores them). */
  readonly budget?: ScenarioFileData['budget'];
  /**
   * The shifts, when the file names them: a weekly roster read from a table (it gave
   * `scenario.agents`), or patterns to generate a roster from (then `scenario.agents`
   * is the requirement the roster must cover: pass both to `scenarioWithRoster`).
   */
  readonly shifts?: ScenarioShifts;
  /** Expected agent-bound first attempts (after self-service, before redials) per day over the horizon. */
  readonly agentBoundCallsPerDay: number;
  /** Expected calls entering (before self-service) per day, one per day of the horizon. */
  readonly inboundCallsByDay: readonly number[];
  /** Public holidays and worked weekend days inside the horizon, when the calendar rule applies. */
  readonly specialDays: readonly { readonly date: string; readonly kind: 'holiday' | 'adjustedWorkingDay' }[];
  /** The file as written (after the schema check). */
  readonly data: ScenarioFileData;
}

/** Shifts named by a scenario file (`shifts`). */
export type ScenarioShifts =
  | {
      /** A weekly roster table; its agents per interval, repeated by weekday, are `scenario.agents`. */
      readonly kind: 'roster';
      /** The roster file read. */
      readonly file: string;
      readonly roster: Roster;
    }
  | {
      /** Shifts to generate: `scenario.agents` is the requirement they must cover. */
      readonly kind: 'generate';
      readonly patterns: readonly ShiftPattern[];
    };

/** The later mechanisms of a scenario file, as the simulator's `Scenario` fields. */
export type ScenarioMechanisms = Pick<Scenario, 'workforce' | 'faults' | 'survey' | 'volumeForecastCv'>;

/** A scenario read from a file: the simulator's input and what else the file says. */
export interface ScenarioFile {
  readonly scenario: Scenario;
  readonly meta: ScenarioMeta;
}

/** Fields that are not parameters and need no source. */
const NO_SOURCE_NEEDED = new Set(['formatVersion', 'name', 'title', 'description', 'sources']);

/** JSON paths of the parameters of a file: leaves, arrays counted whole; `kind` and `label` excluded. */
function parameterPaths(value: unknown, path: (string | number)[] = []): string[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => {
      if (path.length === 0 && NO_SOURCE_NEEDED.has(key)) return [];
      if (key === 'kind' || key === 'label') return [];
      return parameterPaths(inner, [...path, key]);
    });
  }
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
    return value.flatMap((inner, i) => parameterPaths(inner, [...path, i]));
  }
  return [formatJsonPath(path)];
}

/** Every path and each of its ancestors (`a.b[0].c` -> `a`, `a.b`, `a.b[0]`, `a.b[0].c`). */
function withAncestors(paths: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of paths) {
    const parts = p.match(/^[^.[]+|\.[^.[]+|\[\d+\]/g) ?? [p];
    let prefix = '';
    for (const part of parts) {
      prefix += part;
      out.add(prefix);
    }
  }
  return out;
}

/** A parameter is covered when `sources` has its path or an ancestor's. */
function checkSources(data: ScenarioFileData, file: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const params = parameterPaths(data);
  const known = withAncestors(params);
  const keys = Object.keys(data.sources);
  for (const key of keys) {
    const text = (data.sources[key] ?? '').trim();
    const column = `sources[${JSON.stringify(key)}]`;
    if (!known.has(key)) {
      const near = nearestName(key, [...known]);
      issues.push({
        file,
        row: 0,
        column,
        message: `names no parameter of this file${near !== undefined ? ` (did you mean "${near}"?)` : ''}`,
      });
    } else if (text === '') {
      issues.push({ file, row: 0, column, message: 'must give a source or "assumed: <reasoning>" (got "")' });
    } else if (/^assumed\b/i.test(text) && !/^assumed: \S.{9,}/i.test(text)) {
      issues.push({
        file,
        row: 0,
        column,
        message: `an assumption must give its reasoning, "assumed: <at least 10 characters>" (got ${JSON.stringify(text)})`,
      });
    }
  }
  for (const param of params) {
    const covered = [...withAncestors([param])].some((p) => keys.includes(p));
    if (!covered) {
      issues.push({
        file,
        row: 0,
        column: param,
        message:
          'has no source (add it to "sources" under this path or a parent path, or "assumed: <reasoning>")',
      });
    }
  }
  return issues;
}

function distributionOf(
  d: DistributionInput,
  path: string,
  file: string,
  issues: InputIssue[],
): Distribution {
  type Field = Exclude<keyof DistributionInput, 'kind'>;
  const FIELDS: readonly Field[] = [
    'meanSeconds',
    'cv',
    'phases',
    'samplesSeconds',
    'components',
    'terms',
    'breakpointsSeconds',
    'hazardPerSecond',
  ];
  const article = /^[aeiou]/.test(d.kind) ? 'an' : 'a';
  const uses = (...fields: Field[]): void => {
    for (const field of FIELDS) {
      if (fields.includes(field)) {
        if (d[field] === undefined)
          issues.push({
            file,
            row: 0,
            column: `${path}.${field}`,
            message: `is required for ${article} ${d.kind} (expected ${field === 'meanSeconds' || field === 'cv' || field === 'phases' ? 'a number' : 'a list'})`,
          });
      } else if (d[field] !== undefined) {
        issues.push({
          file,
          row: 0,
          column: `${path}.${field}`,
          message: `is not used by ${article} ${d.kind} distribution (remove it)`,
        });
      }
    }
  };
  const mean = d.meanSeconds ?? 1;
  switch (d.kind) {
    case 'exponential':
    case 'deterministic':
      uses('meanSeconds');
      return { kind: d.kind, meanSeconds: mean };
    case 'lognormal':
    case 'gamma':
      uses('meanSeconds', 'cv');
      return { kind: d.kind, meanSeconds: mean, cv: d.cv ?? 1 };
    case 'erlang':
      uses('meanSeconds', 'phases');
      return { kind: 'erlang', meanSeconds: mean, phases: d.phases ?? 1 };
    case 'empirical':
      uses('samplesSeconds');
      return { kind: 'empirical', samplesSeconds: d.samplesSeconds ?? [0] };
    case 'mixture': {
      uses('components');
      const components = d.components ?? [];
      if (components.length > 0 && !components.some((c) => c.weight > 0))
        issues.push({
          file,
          row: 0,
          column: `${path}.components`,
          message: 'must have a weight > 0 (got all 0)',
        });
      return {
        kind: 'mixture',
        components: components.map((c, i) => ({
          weight: c.weight,
          distribution: distributionOf(c.distribution, `${path}.components[${i}].distribution`, file, issues),
        })),
      };
    }
    case 'sum':
      uses('terms');
      return {
        kind: 'sum',
        terms: (d.terms ?? []).map((term, i) => distributionOf(term, `${path}.terms[${i}]`, file, issues)),
      };
    case 'piecewiseHazard': {
      uses('breakpointsSeconds', 'hazardPerSecond');
      const b = d.breakpointsSeconds ?? [0];
      const h = d.hazardPerSecond ?? [1];
      const at = (field: Field, message: string): void => {
        issues.push({ file, row: 0, column: `${path}.${field}`, message });
      };
      if (b.length !== h.length)
        at('hazardPerSecond', `must hold one hazard per breakpoint, ${b.length} (got ${h.length})`);
      if (b[0] !== 0) at('breakpointsSeconds', `must start at 0 (got ${b[0]})`);
      const rising = b.findIndex((x, i) => i > 0 && !(x > b[i - 1]!));
      if (rising > 0)
        at('breakpointsSeconds', `must increase (breakpointsSeconds[${rising}] is ${b[rising]})`);
      if (!(h[h.length - 1]! > 0))
        at('hazardPerSecond', 'must end with a hazard > 0, so that every duration ends (got 0)');
      return { kind: 'piecewiseHazard', breakpointsSeconds: b, hazardPerSecond: h };
    }
  }
}

const DAY_MS = 86_400_000;

function isoDay(startDay: number, d: number): string {
  return new Date((startDay + d) * DAY_MS).toISOString().slice(0, 10);
}

/** Day numbers (days since 1970-01-01) of a from/to pair inside the horizon, or issues. */
function dateRange(
  range: z.output<typeof dateFactorSchema>,
  path: string,
  startDay: number,
  days: number,
  file: string,
  issues: InputIssue[],
): [number, number] | undefined {
  const from = parseLocalDateTime(range.from);
  const to = parseLocalDateTime(range.to);
  const bad = (field: string, message: string): void => {
    issues.push({ file, row: 0, column: `${path}.${field}`, message });
  };
  if (from === undefined) bad('from', `is not a calendar date (got ${JSON.stringify(range.from)})`);
  if (to === undefined) bad('to', `is not a calendar date (got ${JSON.stringify(range.to)})`);
  if (from === undefined || to === undefined) return undefined;
  const a = from / 86_400 - startDay;
  const b = to / 86_400 - startDay;
  const last = isoDay(startDay, days - 1);
  let ok = true;
  if (a < 0 || a >= days) {
    bad('from', `must be within the horizon ${isoDay(startDay, 0)} to ${last} (got ${range.from})`);
    ok = false;
  }
  if (b < 0 || b >= days) {
    bad('to', `must be within the horizon ${isoDay(startDay, 0)} to ${last} (got ${range.to})`);
    ok = false;
  }
  if (ok && b < a) {
    bad('to', `must not be before from (${range.from}) (got ${range.to})`);
    ok = false;
  }
  return ok ? [a, b] : undefined;
}

/** A value per interval from a table whose rows hold "from this start until the next row's". */
function stepTable(
  rows: readonly { readonly startSeconds: number; readonly value: number }[],
  startSeconds: number,
  intervals: number,
  intervalSeconds: number,
  file: string,
  column: string,
  issues: InputIssue[],
): number[] {
  const first = rows[0];
  if (first === undefined || first.startSeconds !== startSeconds) {
    issues.push({
      file,
      row: 0,
      column,
      message: `the first row must start at the horizon's start ${formatLocalDateTime(startSeconds)} (got ${
        first === undefined ? 'no rows' : formatLocalDateTime(first.startSeconds)
      })`,
    });
    return [];
  }
  const out = new Array<number>(intervals);
  let r = 0;
  for (let i = 0; i < intervals; i++) {
    const t = startSeconds + i * intervalSeconds;
    while (r + 1 < rows.length && (rows[r + 1]?.startSeconds ?? Infinity) <= t) r++;
    out[i] = rows[r]?.value ?? 0;
  }
  return out;
}

function required<T>(
  value: T | undefined,
  path: string,
  what: string,
  file: string,
  issues: InputIssue[],
): T | undefined {
  if (value === undefined) issues.push({ file, row: 0, column: path, message: `is required ${what}` });
  return value;
}

function forbidden(value: unknown, path: string, what: string, file: string, issues: InputIssue[]): void {
  if (value !== undefined)
    issues.push({ file, row: 0, column: path, message: `is not used ${what} (remove it)` });
}

/** Where a side table is named: the scenario file, the JSON path and the name as written. */
interface SideTableRef {
  readonly file: string;
  readonly path: string;
  readonly name: string;
}

/** Run a side-table reader, collecting its InputError's issues; a missing file is an issue too. */
function collect<T>(read: () => T, issues: InputIssue[], ref: SideTableRef): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) {
      issues.push(...error.issues);
      return undefined;
    }
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'EISDIR') {
      issues.push({
        file: ref.file,
        row: 0,
        column: ref.path,
        message: `names a file that cannot be read, relative to the scenario's folder (got ${JSON.stringify(ref.name)})`,
      });
      return undefined;
    }
    throw error;
  }
}

/** The horizon of a scenario being built, and where its side tables are. */
interface HorizonContext {
  readonly file: string;
  readonly folder: string;
  readonly startSeconds: number;
  readonly startDay: number;
  readonly days: number;
  readonly perDay: number;
  readonly intervals: number;
  readonly intervalSeconds: number;
  readonly horizonOption: { horizon: { startSeconds: number; days: number }; intervalSeconds: number };
  /** The kind of each day of the horizon, undefined without a calendar of holidays (every day its weekday). */
  readonly dayKinds: readonly DayKind[] | undefined;
  /** False when the calendar named could not be built (its problems are reported): day kinds are unknown. */
  readonly dayKindsKnown: boolean;
}

function hhmm(text: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (m === null) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : undefined;
}

/** Shift patterns as the simulator's model takes them, every problem with its JSON path. */
function patternsOf(
  patterns: NonNullable<NonNullable<ScenarioFileData['shifts']>['patterns']>,
  intervalMinutes: number,
  file: string,
  issues: InputIssue[],
): ShiftPattern[] {
  const out: ShiftPattern[] = [];
  patterns.forEach((p, i) => {
    const at = `shifts.patterns[${i}]`;
    const bad = (field: string, message: string): void => {
      issues.push({ file, row: 0, column: `${at}.${field}`, message });
    };
    const grid = (field: string, minutes: number, shown: string): boolean => {
      if (minutes % intervalMinutes === 0) return true;
      bad(field, `must fall on the ${intervalMinutes}-minute interval grid (got ${shown})`);
      return false;
    };
    let ok = true;
    const start = hhmm(p.start);
    if (start === undefined) {
      bad('start', `is not a time of day 00:00 to 23:59 (got ${JSON.stringify(p.start)})`);
      ok = false;
    } else ok = grid('start', start, p.start) && ok;
    ok = grid('lengthMinutes', p.lengthMinutes, String(p.lengthMinutes)) && ok;
    const pause = p.breakMinutes ?? 0;
    ok = grid('breakMinutes', pause, String(pause)) && ok;
    if (pause >= p.lengthMinutes) {
      bad('breakMinutes', `must be shorter than the shift's ${p.lengthMinutes} minutes (got ${pause})`);
      ok = false;
    }
    let breakAfterMinutes: number | undefined;
    if (p.breakStart !== undefined) {
      const at_ = hhmm(p.breakStart);
      if (pause === 0) {
        bad('breakStart', 'is not used without breakMinutes (remove it, or give the break its length)');
        ok = false;
      } else if (at_ === undefined) {
        bad('breakStart', `is not a time of day 00:00 to 23:59 (got ${JSON.stringify(p.breakStart)})`);
        ok = false;
      } else if (start !== undefined) {
        breakAfterMinutes = (at_ - start + 1440) % 1440;
        ok = grid('breakStart', at_, p.breakStart) && ok;
        if (breakAfterMinutes + pause > p.lengthMinutes) {
          bad(
            'breakStart',
            `must let the break end by the shift's end (got ${p.breakStart} for ${pause} minutes)`,
          );
          ok = false;
        }
      }
    }
    const weekdays = p.days === undefined ? undefined : parseWeekdays(p.days);
    if (p.days !== undefined && weekdays === undefined) {
      bad('days', `must be days like Mon-Fri, Sat,Sun or all (got ${JSON.stringify(p.days)})`);
      ok = false;
    }
    if (!ok || start === undefined) return;
    out.push({
      name: p.name,
      startMinutes: start,
      lengthMinutes: p.lengthMinutes,
      ...(pause > 0 ? { breakMinutes: pause } : {}),
      ...(breakAfterMinutes !== undefined ? { breakAfterMinutes } : {}),
      ...(weekdays !== undefined ? { weekdays } : {}),
    });
  });
  return out;
}

/** Agents per interval and the shifts: from `agents`, or from a roster table (`shifts.kind` "roster"). */
function agentsAndShifts(
  data: ScenarioFileData,
  ctx: HorizonContext,
  issues: InputIssue[],
): { counts: number[]; shifts?: ScenarioShifts } {
  const { file, folder } = ctx;
  const sh = data.shifts;
  if (sh?.kind === 'roster') {
    const what = 'with shifts of kind "roster" (the roster gives the agents)';
    forbidden(data.agents, 'agents', what, file, issues);
    forbidden(sh.patterns, 'shifts.patterns', 'for kind "roster"', file, issues);
    const name = required(
      sh.rosterFile,
      'shifts.rosterFile',
      'for kind "roster" (expected a file name)',
      file,
      issues,
    );
    if (name === undefined) return { counts: [] };
    const path = join(folder, name);
    const intervalMinutes = ctx.intervalSeconds / 60;
    const table = collect(() => readRosterTable(path, { intervalMinutes }), issues, {
      file,
      path: 'shifts.rosterFile',
      name,
    });
    if (table === undefined) return { counts: [] };
    const firstWeekday = (new Date(ctx.startDay * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
    return {
      counts: weeklyAgentsOverHorizon(table.roster, ctx.days, firstWeekday),
      shifts: { kind: 'roster', file: path, roster: table.roster },
    };
  }
  let shifts: ScenarioShifts | undefined;
  if (sh?.kind === 'generate') {
    forbidden(sh.rosterFile, 'shifts.rosterFile', 'for kind "generate"', file, issues);
    const patterns = required(
      sh.patterns,
      'shifts.patterns',
      'for kind "generate" (expected the shifts allowed)',
      file,
      issues,
    );
    if (patterns !== undefined) {
      shifts = { kind: 'generate', patterns: patternsOf(patterns, ctx.intervalSeconds / 60, file, issues) };
    }
  }
  const g = required(
    data.agents,
    'agents',
    sh === undefined
      ? '(expected an object, or shifts of kind "roster")'
      : 'with shifts of kind "generate": the agents each interval needs, which the shifts cover',
    file,
    issues,
  );
  const counts = g === undefined ? [] : agentsFromSection(g, ctx, issues);
  return shifts === undefined ? { counts } : { counts, shifts };
}

/** Strictly increasing values, or an issue at the first that is not. */
function increasing(
  values: readonly number[],
  path: (i: number) => string,
  what: string,
  file: string,
  issues: InputIssue[],
): void {
  for (let i = 1; i < values.length; i++) {
    if (!((values[i] ?? 0) > (values[i - 1] ?? 0))) {
      issues.push({
        file,
        row: 0,
        column: path(i),
        message: `must be above the ${what} before it, ${values[i - 1]} (got ${values[i]})`,
      });
    }
  }
}

/** The later mechanisms (workforce, faults, survey, forecast error) as the simulator's fields. */
function mechanismsOf(data: ScenarioFileData, file: string, issues: InputIssue[]): ScenarioMechanisms {
  const out: { -readonly [K in keyof ScenarioMechanisms]: ScenarioMechanisms[K] } = {};
  const w = data.workforce;
  if (w !== undefined) {
    let turnover: WorkforceSpec['turnover'] | undefined;
    if (w.annualTurnover !== undefined && w.turnoverByTenure !== undefined) {
      issues.push({
        file,
        row: 0,
        column: 'workforce.turnoverByTenure',
        message: 'is given with workforce.annualTurnover: give one of the two (remove one)',
      });
    } else if (w.annualTurnover !== undefined) turnover = w.annualTurnover;
    else if (w.turnoverByTenure !== undefined) {
      const bands = w.turnoverByTenure;
      if ((bands[0]?.fromMonth ?? 0) !== 0) {
        issues.push({
          file,
          row: 0,
          column: 'workforce.turnoverByTenure[0].fromMonth',
          message: `must be 0, so that every tenure has a rate (got ${bands[0]?.fromMonth})`,
        });
      }
      increasing(
        bands.map((b) => b.fromMonth),
        (i) => `workforce.turnoverByTenure[${i}].fromMonth`,
        'band',
        file,
        issues,
      );
      turnover = bands.map((b) => ({ fromMonth: b.fromMonth, annualRate: b.annualRate }));
    } else {
      issues.push({
        file,
        row: 0,
        column: 'workforce.annualTurnover',
        message: 'is required (expected a number, or workforce.turnoverByTenure)',
      });
    }
    if (w.learningCurve !== undefined) {
      increasing(
        w.learningCurve.map((s) => s.month),
        (i) => `workforce.learningCurve[${i}].month`,
        'step',
        file,
        issues,
      );
    }
    if (turnover !== undefined) {
      const spec: WorkforceSpec = {
        initialStaff: w.initialStaff,
        ...(w.targetHeadcount !== undefined ? { targetHeadcount: w.targetHeadcount } : {}),
        ...(w.initialTenureMonths !== undefined ? { initialTenureMonths: w.initialTenureMonths } : {}),
        turnover,
        hiring: { ...w.hiring },
        ...(w.learningCurve !== undefined ? { learningCurve: w.learningCurve.map((s) => ({ ...s })) } : {}),
      };
      out.workforce = {
        spec,
        ...(w.plannedLiveAgents !== undefined ? { plannedLiveAgents: w.plannedLiveAgents } : {}),
      };
    }
  }
  const f = data.faults;
  if (f !== undefined) {
    const seen = new Map<number, number>();
    const levels: FaultLevelSpec[] = f.levels.map((l, i) => {
      const at = `faults.levels[${i}]`;
      const first = seen.get(l.level);
      if (first !== undefined) {
        issues.push({
          file,
          row: 0,
          column: `${at}.level`,
          message: `repeats level ${l.level} of faults.levels[${first}] (each level once)`,
        });
      } else seen.set(l.level, i);
      const inSeconds = (d: z.output<typeof minutesDistributionSchema>, path: string): Distribution =>
        distributionOf(
          {
            kind: d.kind,
            meanSeconds: d.meanMinutes * 60,
            ...(d.cv !== undefined ? { cv: d.cv } : {}),
            ...(d.phases !== undefined ? { phases: d.phases } : {}),
          },
          path,
          file,
          issues,
        );
      return {
        level: l.level,
        ratePerYear: l.ratePerYear,
        response: inSeconds(l.responseMinutes, `${at}.responseMinutes`),
        repair: inSeconds(l.repairMinutes, `${at}.repairMinutes`),
        capacityLost: l.capacityLost,
        responseDeadlineSeconds: l.responseDeadlineMinutes * 60,
        repairDeadlineSeconds: l.repairDeadlineMinutes * 60,
      };
    });
    out.faults = { levels };
  }
  const v = data.survey;
  if (v !== undefined) {
    increasing(
      v.satisfactionCurve.map((k) => k.waitSeconds),
      (i) => `survey.satisfactionCurve[${i}].waitSeconds`,
      'knot',
      file,
      issues,
    );
    out.survey = {
      satisfaction: {
        curve: v.satisfactionCurve.map((k) => ({ ...k })),
        penaltyPerExtraAttempt: v.penaltyPerExtraAttempt,
        satisfiedShareOfPositive: v.satisfiedShareOfPositive,
        responseProbability: v.responseProbability,
        complaintsPerAnsweredCall: v.complaintsPerAnsweredCall,
      },
      qaSampleShare: v.qaSampleShare,
      ...(v.reviewMinutesPerDissatisfied !== undefined
        ? { reviewMinutesPerDissatisfied: v.reviewMinutesPerDissatisfied }
        : {}),
    };
  }
  if (data.arrivals.volumeForecastCv !== undefined) out.volumeForecastCv = data.arrivals.volumeForecastCv;
  return out;
}

/** Agents per interval from the `agents` section (a constant or a staffing table, with adjustments). */
function agentsFromSection(
  g: NonNullable<ScenarioFileData['agents']>,
  ctx: HorizonContext,
  issues: InputIssue[],
): number[] {
  const { file, folder, startSeconds, startDay, days, perDay, intervals, intervalSeconds, horizonOption } =
    ctx;
  let counts: number[] = [];
  if (g.kind === 'constant') {
    const count = required(
      g.count,
      'agents.count',
      'for kind "constant" (expected an integer)',
      file,
      issues,
    );
    forbidden(g.staffingFile, 'agents.staffingFile', 'for kind "constant"', file, issues);
    counts = new Array<number>(intervals).fill(count ?? 0);
  } else if (g.kind === 'weekly') {
    const staffingFile = required(
      g.staffingFile,
      'agents.staffingFile',
      'for kind "weekly" (expected a file name)',
      file,
      issues,
    );
    forbidden(g.count, 'agents.count', 'for kind "weekly"', file, issues);
    const intervalMinutes = intervalSeconds / 60;
    const table =
      staffingFile === undefined
        ? undefined
        : collect(() => readWeeklyStaffing(join(folder, staffingFile), { intervalMinutes }), issues, {
            file,
            path: 'agents.staffingFile',
            name: staffingFile,
          });
    if (table !== undefined && ctx.dayKindsKnown) {
      counts = weeklyAgentsByDayKind(table, startDay, ctx.dayKinds, days, issues);
    }
  } else {
    const staffingFile = required(
      g.staffingFile,
      'agents.staffingFile',
      'for kind "table" (expected a file name)',
      file,
      issues,
    );
    forbidden(g.count, 'agents.count', 'for kind "table"', file, issues);
    const path = staffingFile === undefined ? undefined : join(folder, staffingFile);
    const rows =
      path === undefined
        ? undefined
        : collect(() => readStaffingTable(path, horizonOption), issues, {
            file,
            path: 'agents.staffingFile',
            name: staffingFile ?? '',
          });
    if (rows !== undefined && path !== undefined) {
      counts = stepTable(
        rows.map((r) => ({ startSeconds: r.startSeconds, value: r.agents })),
        startSeconds,
        intervals,
        intervalSeconds,
        path,
        'intervalStart',
        issues,
      );
    }
  }
  (g.adjustments ?? []).forEach((adj, i) => {
    const range = dateRange(adj, `agents.adjustments[${i}]`, startDay, days, file, issues);
    if (range === undefined || counts.length === 0) return;
    for (let d = range[0]; d <= range[1]; d++) {
      for (let s = 0; s < perDay; s++) {
        const k = d * perDay + s;
        counts[k] = Math.round((counts[k] ?? 0) * adj.factor); // agents are whole: round half up
      }
    }
  });

  return counts;
}

/** The kinds of the horizon's days, and its holidays and worked weekend days. */
interface HorizonCalendar {
  /** One per day of the horizon; undefined when the file names no calendar with holidays (or it is bad). */
  readonly dayKinds: readonly DayKind[] | undefined;
  readonly specialDays: { date: string; kind: 'holiday' | 'adjustedWorkingDay' }[];
}

/**
 * The calendar a scenario file names (`calendar.holidays`, `calendar.holidayFile`)
 * over its horizon; every year of the horizon it does not cover is a problem
 * naming the year.
 */
function horizonCalendar(
  section: ScenarioFileData['calendar'],
  horizon: { file: string; folder: string; startDate: string; days: number },
  issues: InputIssue[],
): HorizonCalendar {
  const none: HorizonCalendar = { dayKinds: undefined, specialDays: [] };
  if (section === undefined) return none;
  const { file, folder, startDate, days } = horizon;
  let list: ReturnType<typeof readHolidayList> | undefined;
  if (section.holidayFile !== undefined) {
    const name = section.holidayFile;
    list = collect(() => readHolidayList(join(folder, name)), issues, {
      file,
      path: 'calendar.holidayFile',
      name,
    });
    if (list === undefined) return none;
  }
  if (section.holidays === 'none' && list === undefined) return none;
  const calendar = new HolidayCalendar({
    base: section.holidays === 'china-official' ? 'china' : 'none',
    ...(list !== undefined ? { days: list, listName: section.holidayFile } : {}),
  });
  const missing = calendar.uncoveredYears(startDate, days);
  for (const year of missing) {
    issues.push({
      file,
      row: 0,
      column: 'calendar.holidays',
      message:
        `the official calendar of mainland China is known for ${formatYears(calendarYears())} (chinese-days)` +
        `${list !== undefined ? ` and ${section.holidayFile} gives no day of ${year}` : ''}; the horizon reaches ${year}: ` +
        `list that year's holidays and worked weekend days in a holiday list (calendar.holidayFile, data/README.md)`,
    });
  }
  if (missing.length > 0) return none;
  const start = Date.parse(`${startDate}T00:00:00Z`) / DAY_MS;
  const dayKinds: DayKind[] = [];
  const specialDays: HorizonCalendar['specialDays'] = [];
  for (let d = 0; d < days; d++) {
    const iso = isoDay(start, d);
    const kind = calendar.dayKind(iso);
    dayKinds.push(kind);
    if (kind === 'holiday' || kind === 'adjustedWorkingDay') specialDays.push({ date: iso, kind });
  }
  return { dayKinds, specialDays };
}

/** How a profile's load treats holidays and worked weekend days; the three fields, required when the calendar has them. */
function loadRule(
  section: ScenarioFileData['calendar'],
  hasHolidays: boolean,
  file: string,
  issues: InputIssue[],
):
  | { holidayLoadAs: ScenarioWeekday; adjustedWorkingDayLoadAs: ScenarioWeekday; keepHorizonTotal: boolean }
  | undefined {
  if (section === undefined) return undefined;
  const fields = ['holidayLoadAs', 'adjustedWorkingDayLoadAs', 'keepHorizonTotal'] as const;
  const withHolidays = section.holidays === 'china-official' || section.holidayFile !== undefined;
  if (!withHolidays) {
    for (const field of fields) {
      forbidden(
        section[field],
        `calendar.${field}`,
        'with holidays "none" and no holidayFile (no day is special)',
        file,
        issues,
      );
    }
    return undefined;
  }
  const what = 'with a calendar of holidays (expected a weekday name, or true/false for keepHorizonTotal)';
  const holidayLoadAs = required(section.holidayLoadAs, 'calendar.holidayLoadAs', what, file, issues);
  const adjusted = required(
    section.adjustedWorkingDayLoadAs,
    'calendar.adjustedWorkingDayLoadAs',
    what,
    file,
    issues,
  );
  const keep = required(section.keepHorizonTotal, 'calendar.keepHorizonTotal', what, file, issues);
  if (!hasHolidays || holidayLoadAs === undefined || adjusted === undefined || keep === undefined)
    return undefined;
  return { holidayLoadAs, adjustedWorkingDayLoadAs: adjusted, keepHorizonTotal: keep };
}

/**
 * Turn a checked scenario file into the simulator's `Scenario`. Arrivals become
 * an explicit table of expected calls per interval (`{ kind: 'table' }`) so that
 * holidays, load adjustments and month factors are applied exactly as the file
 * says; agents become a per-interval table.
 */
function build(data: ScenarioFileData, file: string): ScenarioFile {
  const issues: InputIssue[] = [];
  const folder = dirname(file);
  const { startDate, days, intervalMinutes } = data.horizon;
  const startSeconds = parseLocalDateTime(startDate);
  if (startSeconds === undefined) {
    throw new InputError([
      {
        file,
        row: 0,
        column: 'horizon.startDate',
        message: `is not a calendar date (got ${JSON.stringify(startDate)})`,
      },
    ]);
  }
  const startDay = startSeconds / 86_400;
  const intervalSeconds = intervalMinutes * 60;
  const perDay = 1440 / intervalMinutes;
  const intervals = days * perDay;
  const horizonOption = { horizon: { startSeconds, days }, intervalSeconds };

  const handle = distributionOf(data.handle, 'handle', file, issues);
  if (data.handleTimeOfDayFactors !== undefined && data.handleTimeOfDayFactors.length !== perDay) {
    issues.push({
      file,
      row: 0,
      column: 'handleTimeOfDayFactors',
      message: `must hold one factor per interval of the day, ${perDay} (got ${data.handleTimeOfDayFactors.length})`,
    });
  }
  const patience =
    data.patience === undefined ? undefined : distributionOf(data.patience, 'patience', file, issues);
  let redial: RedialOptions | undefined;
  if (data.redial !== undefined) {
    redial = {
      redialProbability: data.redial.redialProbability,
      maxAttempts: data.redial.maxAttempts,
      delay: distributionOf(data.redial.delay, 'redial.delay', file, issues),
    };
  }

  // The kind of every day of the horizon, when the file names a calendar with holidays.
  const issuesBefore = issues.length;
  const { dayKinds, specialDays } = horizonCalendar(data.calendar, { file, folder, startDate, days }, issues);
  const calendarKnown = issues.length === issuesBefore;

  // Arrivals: expected calls entering per interval, and per day.
  const a = data.arrivals;
  const callsPerInterval = new Array<number>(intervals).fill(0);
  if (a.kind === 'profile') {
    const what = 'for a profile (kind "profile")';
    const volume = required(
      a.inboundCallsPerDay,
      'arrivals.inboundCallsPerDay',
      `${what} (expected a number)`,
      file,
      issues,
    );
    const profileFile = required(
      a.intradayProfileFile,
      'arrivals.intradayProfileFile',
      `${what} (expected a file name)`,
      file,
      issues,
    );
    forbidden(a.arrivalRatesFile, 'arrivals.arrivalRatesFile', what, file, issues);
    const profile =
      profileFile === undefined
        ? undefined
        : collect(() => readArrivalProfile(join(folder, profileFile)), issues, {
            file,
            path: 'arrivals.intradayProfileFile',
            name: profileFile,
          });
    if (profile !== undefined && profile.length !== perDay) {
      issues.push({
        file,
        row: 0,
        column: 'arrivals.intradayProfileFile',
        message: `must have one share per ${intervalMinutes}-minute interval, ${perDay} rows (got ${profile.length})`,
      });
    }
    let months = a.monthFactors ?? new Array<number>(12).fill(1);
    if (a.normaliseMonthFactors === true) {
      // Weighted by the days of each month of the horizon's first year (as shanghai12333.ts does).
      const year = new Date(startDay * DAY_MS).getUTCFullYear();
      const lengths = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(year, m + 1, 0)).getUTCDate());
      const total = lengths.reduce((s, n) => s + n, 0);
      const weighted = months.reduce((s, f, m) => s + f * (lengths[m] ?? 0), 0);
      if (weighted > 0) months = months.map((f) => (f * total) / weighted);
    }
    const weekdays = a.weekdayFactors ?? new Array<number>(7).fill(1);
    const rule = loadRule(data.calendar, dayKinds !== undefined, file, issues);
    if (volume !== undefined && profile !== undefined && profile.length === perDay && issues.length === 0) {
      const plain: number[] = [];
      const adjusted: number[] = [];
      for (let d = 0; d < days; d++) {
        const date = new Date((startDay + d) * DAY_MS);
        const weekdayIndex = (date.getUTCDay() + 6) % 7; // Monday 0
        const month = months[date.getUTCMonth()] ?? 1;
        const base = volume * month;
        plain.push(base * (weekdays[weekdayIndex] ?? 1));
        let w = weekdays[weekdayIndex] ?? 1;
        const kind = dayKinds?.[d];
        if (rule !== undefined && kind === 'holiday') w = weekdays[WEEKDAYS.indexOf(rule.holidayLoadAs)] ?? 1;
        if (rule !== undefined && kind === 'adjustedWorkingDay')
          w = weekdays[WEEKDAYS.indexOf(rule.adjustedWorkingDayLoadAs)] ?? 1;
        adjusted.push(base * w);
      }
      const plainTotal = plain.reduce((s, x) => s + x, 0);
      const adjustedTotal = adjusted.reduce((s, x) => s + x, 0);
      const scale = rule?.keepHorizonTotal === true && adjustedTotal > 0 ? plainTotal / adjustedTotal : 1;
      for (let d = 0; d < days; d++) {
        const dayCalls = (adjusted[d] ?? 0) * scale;
        for (let s = 0; s < perDay; s++)
          callsPerInterval[d * perDay + s] = dayCalls * (profile[s]?.share ?? 0);
      }
    }
  } else {
    const what = 'for a table (kind "table")';
    const ratesFile = required(
      a.arrivalRatesFile,
      'arrivals.arrivalRatesFile',
      `${what} (expected a file name)`,
      file,
      issues,
    );
    for (const field of [
      'inboundCallsPerDay',
      'monthFactors',
      'normaliseMonthFactors',
      'weekdayFactors',
      'intradayProfileFile',
    ] as const) {
      forbidden(a[field], `arrivals.${field}`, what, file, issues);
    }
    for (const field of ['holidayLoadAs', 'adjustedWorkingDayLoadAs', 'keepHorizonTotal'] as const) {
      forbidden(
        data.calendar?.[field],
        `calendar.${field}`,
        'with arrivals of kind "table" (the table gives every interval)',
        file,
        issues,
      );
    }
    const rates =
      ratesFile === undefined
        ? undefined
        : collect(() => readArrivalRates(join(folder, ratesFile), horizonOption), issues, {
            file,
            path: 'arrivals.arrivalRatesFile',
            name: ratesFile,
          });
    if (rates !== undefined) {
      const withHandle = rates.find((r) => r.meanHandleSeconds !== undefined);
      if (withHandle !== undefined) {
        issues.push({
          file: join(folder, ratesFile ?? ''),
          row: 0,
          column: 'meanHandleSeconds',
          message:
            'is not supported in a scenario yet (the simulator has one handle-time distribution; remove the column)',
        });
      }
      const perInterval = stepTable(
        rates.map((r) => ({
          startSeconds: r.startSeconds,
          value: (r.arrivalsPerHour * intervalMinutes) / 60,
        })),
        startSeconds,
        intervals,
        intervalSeconds,
        join(folder, ratesFile ?? ''),
        'intervalStart',
        issues,
      );
      perInterval.forEach((v, i) => (callsPerInterval[i] = v));
    }
  }
  (data.loadAdjustments ?? []).forEach((adj, i) => {
    const range = dateRange(adj, `loadAdjustments[${i}]`, startDay, days, file, issues);
    if (range === undefined) return;
    for (let d = range[0]; d <= range[1]; d++) {
      for (let s = 0; s < perDay; s++)
        callsPerInterval[d * perDay + s] = (callsPerInterval[d * perDay + s] ?? 0) * adj.factor;
    }
  });

  // Agents per interval: the agents section, or a weekly roster table; shifts to generate.
  const ctx: HorizonContext = {
    file,
    folder,
    startSeconds,
    startDay,
    days,
    perDay,
    intervals,
    intervalSeconds,
    horizonOption,
    dayKinds,
    dayKindsKnown: calendarKnown,
  };
  const { counts, shifts } = agentsAndShifts(data, ctx, issues);
  const mechanisms = mechanismsOf(data, file, issues);
  const channels: ChannelsSpec | undefined =
    data.channels === undefined
      ? undefined
      : channelsOf(
          data.channels,
          {
            file,
            folder,
            startSeconds,
            days,
            intervals,
            intervalSeconds,
            dayKinds,
            distribution: (d, path) => distributionOf(d as DistributionInput, path, file, issues),
            faults: data.faults !== undefined,
          },
          issues,
        );

  let targets: ScenarioMeta['targets'];
  if (data.targets !== undefined) {
    const targetFile = join(folder, data.targets.file);
    const set = collect(() => readTargetSet(targetFile), issues, {
      file,
      path: 'targets.file',
      name: data.targets.file,
    });
    if (set !== undefined) targets = { set, answerRateDefinition: data.targets.answerRateDefinition };
  }

  issues.push(...checkSources(data, file));
  if (issues.length > 0) throw new InputError(issues);

  const arrivals: ArrivalSpec = { kind: 'table', callsPerInterval };
  const scenario: Scenario = {
    ...mechanisms,
    startDate,
    days,
    intervalMinutes,
    arrivals,
    dayBusynessCv: a.dayBusynessCv,
    selfServiceShare: a.selfServiceShare,
    handle,
    ...(data.handleTimeOfDayFactors !== undefined
      ? { handleTimeOfDayFactors: data.handleTimeOfDayFactors }
      : {}),
    ...(patience !== undefined ? { patience } : {}),
    ...(data.waitingRoom !== undefined ? { waitingRoom: data.waitingRoom } : {}),
    ...(redial !== undefined ? { redial } : {}),
    agents: { kind: 'perInterval', counts },
    answerWithinSeconds: data.answerWithinSeconds,
    ...(channels !== undefined ? { channels } : {}),
  };
  const inboundCallsByDay = Array.from({ length: days }, (_, d) =>
    callsPerInterval.slice(d * perDay, (d + 1) * perDay).reduce((s, x) => s + x, 0),
  );
  const total = inboundCallsByDay.reduce((s, x) => s + x, 0);
  const meta: ScenarioMeta = {
    file,
    name: data.name,
    title: data.title,
    ...(data.description !== undefined ? { description: data.description } : {}),
    sources: data.sources,
    ...(targets !== undefined ? { targets } : {}),
    ...(data.budget !== undefined ? { budget: data.budget } : {}),
    ...(shifts !== undefined ? { shifts } : {}),
    agentBoundCallsPerDay: (total * (1 - a.selfServiceShare)) / days,
    inboundCallsByDay,
    specialDays,
    data,
  };
  return { scenario, meta };
}

/**
 * Parse a scenario file's JSON text; side tables are read relative to the
 * folder of `file`. Problems come in two passes: first every schema problem
 * (types, ranges, unknown fields with the nearest name); when the schema holds,
 * every problem of the content at once (fields a kind needs or does not use,
 * dates outside the horizon, every side table's problems with their row and
 * column, parameters without a source).
 *
 * @param text the JSON text
 * @param file the file's path (names it in messages; side tables are relative to its folder)
 * @returns `{ scenario, meta }`
 * @throws {InputError} listing every problem
 * @example
 * const path = 'data/shanghai-12345-desk-2020/scenario.json';
 * parseScenarioFile(readFileSync(path, 'utf8'), path).scenario.days; // => 366
 */
export function parseScenarioFile(text: string, file: string): ScenarioFile {
  let data: ScenarioFileData;
  try {
    data = parseJson(text, scenarioFileSchema, file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(
      error.issues.map((issue) => {
        const later = RESERVED_FIELDS[issue.column];
        return later !== undefined && issue.message.startsWith('unknown field')
          ? { ...issue, message: `is not supported yet: it enters the format with ${later} (data/README.md)` }
          : issue;
      }),
    );
  }
  return build(data, file);
}

/** Top-level fields that later mechanisms will add, with the mechanism (so the message can say so). */
const RESERVED_FIELDS: Readonly<Record<string, string>> = {
  workOrders: "the 12345 desk's work-order model",
  costs: 'unit costs in the budget model',
};

/**
 * Read a scenario file (JSON, UTF-8 or GB18030) and its side tables, checked
 * against the schema of data/README.md, into the simulator's `Scenario`
 * (arrivals as an explicit table per interval, agents per interval) and the
 * file's other contents (`meta`: sources, targets, budget, load figures).
 *
 * @param path the scenario JSON file
 * @returns `{ scenario, meta }`
 * @throws {InputError} listing every problem (file, JSON path or CSV row and
 *   column, expected and found)
 * @example
 * const { scenario, meta } = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * meta.agentBoundCallsPerDay; // => 25021.49 (25,000 agent-bound first attempts a day, the calendar's holidays moving load)
 * simulate(firstDaysOf(scenario, 1), { seed: 1 }).days.length; // => 1
 */
export function readScenarioFile(path: string): ScenarioFile {
  return parseScenarioFile(decodeText(readFileSync(path), path).text, path);
}

/**
 * A period of a scenario read from a file: `days` days from the date `from`,
 * inside its horizon, its per-interval arrival and staffing tables cut to
 * match. The period keeps the year it was cut from: its workforce is simulated
 * from the scenario's first day (`workforce.daysBefore`), so on 1 July the
 * staff are the ones the year has by then (trainees and learners included),
 * day for day as in a run of the whole horizon. Faults, busyness and every
 * other draw start afresh on the period (the same distributions; not the same
 * draws as the whole horizon's run on those days).
 *
 * @param scenario a scenario with arrivals of kind `table` and agents `perInterval`
 * @param from ISO date `YYYY-MM-DD` of the period's first day, inside the horizon
 * @param days days in the period, 1 to the days left in the horizon from `from`
 * @returns the period as a scenario of its own (`startDate` = `from`, `days`)
 * @throws {RangeError} when the period is not inside the horizon or the scenario's tables are of another kind
 * @example
 * const july = periodOf(readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario, '2020-07-01', 31);
 * july.startDate; // => '2020-07-01'
 */
export function periodOf(scenario: Scenario, from: string, days: number): Scenario {
  const fn = 'periodOf';
  const start = parseLocalDateTime(scenario.startDate);
  const first = /^\d{4}-\d{2}-\d{2}$/.test(from) ? parseLocalDateTime(from) : undefined;
  if (first === undefined || start === undefined) {
    throw new RangeError(`${fn}: from must be a date YYYY-MM-DD (got ${JSON.stringify(from)})`);
  }
  const offset = (first - start) / 86_400;
  const last = isoDay(start / 86_400, scenario.days - 1);
  if (offset < 0 || offset >= scenario.days) {
    throw new RangeError(
      `${fn}: from must be within the horizon ${scenario.startDate} to ${last} (got ${from})`,
    );
  }
  if (!Number.isInteger(days) || days < 1 || offset + days > scenario.days) {
    throw new RangeError(
      `${fn}: days must be an integer from 1 to ${scenario.days - offset}, the days left from ${from} to ${last} (got ${days})`,
    );
  }
  if (scenario.arrivals.kind !== 'table' || scenario.agents.kind !== 'perInterval') {
    throw new RangeError(`${fn}: the scenario must have arrivals of kind table and agents perInterval`);
  }
  const perDay = 1440 / scenario.intervalMinutes;
  const cut = (values: readonly number[]) => values.slice(offset * perDay, (offset + days) * perDay);
  return {
    ...scenario,
    startDate: from,
    days,
    arrivals: { kind: 'table', callsPerInterval: cut(scenario.arrivals.callsPerInterval) },
    agents: { kind: 'perInterval', counts: cut(scenario.agents.counts) },
    ...(scenario.channels !== undefined
      ? { channels: channelsPeriod(scenario.channels, offset, days, perDay) }
      : {}),
    ...(scenario.workforce !== undefined && offset > 0
      ? { workforce: { ...scenario.workforce, daysBefore: (scenario.workforce.daysBefore ?? 0) + offset } }
      : {}),
  };
}

/**
 * The first `days` days of a scenario read from a file (its per-interval
 * arrival and staffing tables cut to match), for a short run of a long scenario.
 *
 * @param scenario a scenario with arrivals of kind `table` and agents `perInterval`
 * @param days how many days to keep, 1 to `scenario.days`
 * @returns the shortened scenario
 * @throws {RangeError} when `days` is out of range or the scenario's tables are of another kind
 * @example
 * firstDaysOf(readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario, 7).days; // => 7
 */
export function firstDaysOf(scenario: Scenario, days: number): Scenario {
  if (!Number.isInteger(days) || days < 1 || days > scenario.days) {
    throw new RangeError(`firstDaysOf: days must be an integer from 1 to ${scenario.days} (got ${days})`);
  }
  if (scenario.arrivals.kind !== 'table' || scenario.agents.kind !== 'perInterval') {
    throw new RangeError('firstDaysOf: the scenario must have arrivals of kind table and agents perInterval');
  }
  return periodOf(scenario, scenario.startDate, days);
}
