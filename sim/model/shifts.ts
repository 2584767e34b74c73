import {
  requireInRange,
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requirePositiveFinite,
  requirePositiveInteger,
} from '../core/validate.js';
import { checkInterval, checkPattern, coverOf, generateRoster } from './rosterGeneration.js';
import type { AgentSpec, Scenario } from './types.js';

export { generateRoster } from './rosterGeneration.js';

/*
 * Shifts and rosters (issue 5): whole shifts of people that cover a
 * per-interval requirement of agents on the phones, 24 hours a day, 7 days a
 * week. Pure functions, no I/O. Three numbers are kept apart:
 * - agents on the phones, per interval (what the simulator takes, `Scenario.agents`);
 * - seats: desks, the most agents on the phones at once (the roster's peak);
 * - staff on payroll: the people whose paid hours, less shrinkage (leave,
 *   sickness, meetings, training, paid short breaks), give the roster's hours.
 *
 * Days of the week are numbered 0 = Monday to 6 = Sunday, as the scenario
 * file's weekday factors are.
 */

/** A shift that may be worked: when it starts, how long it lasts, its unpaid break and its days. */
export interface ShiftPattern {
  /** Name for tables and charts (`early`, `08:00 8h`). */
  readonly name: string;
  /** Start, minutes after midnight, 0 to 1,439; a multiple of the interval length. */
  readonly startMinutes: number;
  /**
   * From start to end, minutes, break included; a positive multiple of the interval
   * length, at most 1,440. A shift may run past midnight into the next day.
   */
  readonly lengthMinutes: number;
  /**
   * Unpaid break, minutes, off the phones; a multiple of the interval length, shorter
   * than the shift.
   *
   * __Default value:__ `0`
   */
  readonly breakMinutes?: number;
  /**
   * When the break starts, minutes after the shift's start; a multiple of the interval
   * length, with the break ending before the shift does.
   *
   * __Default value:__ the middle of the shift, rounded down to the interval grid
   */
  readonly breakAfterMinutes?: number;
  /**
   * Days of the week on which the shift may start, 0 = Monday to 6 = Sunday.
   *
   * __Default value:__ every day
   */
  readonly weekdays?: readonly number[];
}

/** One line of a roster: a number of agents working one shift pattern starting on one day. */
export interface RosterShift {
  /** The pattern's name. */
  readonly pattern: string;
  /**
   * 0-based day of the roster on which the shift starts; -1 for a night shift of the
   * day before the first (non-cyclic rosters only), which covers the first morning.
   */
  readonly day: number;
  /** Day of the week of that day, 0 = Monday to 6 = Sunday. */
  readonly weekday: number;
  readonly startMinutes: number;
  readonly lengthMinutes: number;
  readonly breakMinutes: number;
  readonly breakAfterMinutes: number;
  /** Agents working this shift, a positive integer. */
  readonly agents: number;
}

/** A roster: shifts over a number of whole days and the agents on the phones they give. */
export interface Roster {
  /** Length of an interval, minutes. */
  readonly intervalMinutes: number;
  /** Days the roster covers. */
  readonly days: number;
  /** Day of the week of the first day, 0 = Monday to 6 = Sunday. */
  readonly firstWeekday: number;
  /**
   * Whether the roster repeats: a shift running past the last day's midnight wraps
   * round to the first day (a weekly roster worked every week).
   */
  readonly cyclic: boolean;
  /** The shifts, by day, then start, then pattern name. */
  readonly shifts: readonly RosterShift[];
  /** Agents on the phones in each interval (working, not on their break). */
  readonly agentsPerInterval: readonly number[];
  /**
   * Intervals with a positive requirement that no allowed shift covers (0-based);
   * empty when coverage is feasible. Only `generateRoster` fills it.
   */
  readonly uncoverable: readonly number[];
}

/** Options of `generateRoster`. */
export interface GenerateRosterOptions {
  /** Length of an interval of the requirement, minutes: a positive divisor of 1,440. */
  readonly intervalMinutes: number;
  /**
   * Day of the week of the requirement's first day, 0 = Monday to 6 = Sunday.
   *
   * __Default value:__ `0` (the requirement starts on a Monday)
   */
  readonly firstWeekday?: number;
  /**
   * Whether the requirement repeats (a typical week worked every week): shifts that run
   * past the end wrap round to the start. Otherwise they are cut at the end, and night
   * shifts starting the day before the first may cover the first morning.
   *
   * __Default value:__ `true` when the requirement is exactly 7 days, `false` otherwise
   */
  readonly cyclic?: boolean;
}

/** One interval of `rosterCoverage`. */
export interface CoverageInterval {
  readonly index: number;
  /** Agents on the phones the roster plans. */
  readonly planned: number;
  /** Agents required. */
  readonly required: number;
  /** max(0, required - planned). */
  readonly under: number;
  /** max(0, planned - required). */
  readonly over: number;
}

/** A roster's coverage of a requirement. */
export interface RosterCoverage {
  readonly intervals: readonly CoverageInterval[];
  /** Sum of required agents x interval length, agent-hours. */
  readonly requiredAgentHours: number;
  /** Sum of planned agents x interval length, agent-hours. */
  readonly plannedAgentHours: number;
  /** Agent-hours short of the requirement (under-coverage). */
  readonly underAgentHours: number;
  /** Agent-hours beyond the requirement (over-coverage). */
  readonly overAgentHours: number;
  /** Share of intervals whose planned agents reach the requirement, in [0, 1]. */
  readonly shareOfIntervalsCovered: number;
}

/** Options of `staffForRoster`. */
export interface StaffForRosterOptions {
  /**
   * Share of paid staff time not on the phones (leave, sickness, meetings, training,
   * paid short breaks), in [0, 0.99]. FACTS.md §5: 30 to 35%.
   */
  readonly shrinkage: number;
  /**
   * Paid hours of one person in a year.
   *
   * __Default value:__ `2000` (250 working days x 8 hours, as `PAID_HOURS_PER_STAFF_YEAR` in sim/budget)
   */
  readonly paidHoursPerStaffYear?: number;
}

/** The three numbers of a roster: agents on the phones, seats and staff on payroll. */
export interface RosterStaff {
  /** Agents on the phones per interval (the roster's). */
  readonly agentsOnPhones: readonly number[];
  /** Mean agents on the phones over the roster's intervals. */
  readonly meanAgentsOnPhones: number;
  /** Seats: the most agents on the phones at once (the peak interval). */
  readonly seats: number;
  /** Staff on payroll: rostered hours a year / (paid hours a year x (1 - shrinkage)), rounded up. */
  readonly staffOnPayroll: number;
  /** Rostered (paid, on the phones) agent-hours over the roster's days. */
  readonly rosteredAgentHours: number;
  /** The same scaled to a year of 365 days. */
  readonly rosteredAgentHoursPerYear: number;
}

/**
 * Agents on the phones in each interval from a list of shifts (a roster read
 * from a table, or edited by hand): each shift's agents count in every interval
 * it covers but its break.
 *
 * @param shifts the shifts (days from -1 for a non-cyclic roster's first night)
 * @param options interval length, days, first day of the week, whether the roster repeats
 * @returns a roster with these shifts and their agents per interval (`uncoverable` empty)
 * @throws {RangeError} when a shift is off the interval grid or its agents are not a
 *   non-negative integer
 * @example
 * rosterFromShifts(
 *   [{ pattern: 'day', day: 0, weekday: 0, startMinutes: 480, lengthMinutes: 540, breakMinutes: 60, breakAfterMinutes: 240, agents: 3 }],
 *   { intervalMinutes: 60, days: 1 },
 * ).agentsPerInterval.slice(7, 18); // => [0, 3, 3, 3, 3, 0, 3, 3, 3, 3, 0]
 */
export function rosterFromShifts(
  shifts: readonly RosterShift[],
  options: { intervalMinutes: number; days: number; firstWeekday?: number; cyclic?: boolean },
): Roster {
  const fn = 'rosterFromShifts';
  checkInterval(fn, options.intervalMinutes);
  requirePositiveInteger(fn, 'days', options.days);
  const perDay = 1440 / options.intervalMinutes;
  const n = options.days * perDay;
  const cyclic = options.cyclic ?? options.days === 7;
  const planned = new Array<number>(n).fill(0);
  shifts.forEach((s, i) => {
    checkPattern(fn, { ...s, name: s.pattern }, i, options.intervalMinutes);
    requireNonNegativeInteger(fn, `shifts[${i}].agents`, s.agents);
    for (const j of coverOf(
      s.startMinutes,
      s.lengthMinutes,
      s.breakMinutes,
      s.breakAfterMinutes,
      s.day,
      options.intervalMinutes,
      n,
      cyclic,
    )) {
      planned[j] = (planned[j] ?? 0) + s.agents;
    }
  });
  return {
    intervalMinutes: options.intervalMinutes,
    days: options.days,
    firstWeekday: options.firstWeekday ?? 0,
    cyclic,
    shifts: [...shifts],
    agentsPerInterval: planned,
    uncoverable: [],
  };
}

/**
 * How a roster covers a requirement, interval by interval, and in agent-hours.
 *
 * @param roster the roster (from `generateRoster` or `rosterFromShifts`)
 * @param requirement agents required per interval, as many as the roster's intervals
 * @returns planned against required per interval; under- and over-coverage in
 *   agent-hours; the share of intervals covered
 * @throws {RangeError} when the requirement's length differs from the roster's
 * @example
 * const c = rosterCoverage(roster, week);
 * c.underAgentHours; // => 0 when the roster covers the week
 * c.overAgentHours / c.requiredAgentHours; // over-coverage as a share of the need
 */
export function rosterCoverage(roster: Roster, requirement: readonly number[]): RosterCoverage {
  const fn = 'rosterCoverage';
  const n = roster.agentsPerInterval.length;
  if (requirement.length !== n) {
    throw new RangeError(
      `${fn}: requirement must have the roster's ${n} intervals (got ${requirement.length})`,
    );
  }
  const hours = roster.intervalMinutes / 60;
  let requiredHours = 0;
  let plannedHours = 0;
  let underHours = 0;
  let overHours = 0;
  let covered = 0;
  const intervals = roster.agentsPerInterval.map((planned, index) => {
    const required = requirement[index] ?? 0;
    requireNonNegativeFinite(fn, `requirement[${index}]`, required);
    const under = Math.max(0, required - planned);
    const over = Math.max(0, planned - required);
    requiredHours += required * hours;
    plannedHours += planned * hours;
    underHours += under * hours;
    overHours += over * hours;
    if (under === 0) covered++;
    return { index, planned, required, under, over };
  });
  return {
    intervals,
    requiredAgentHours: requiredHours,
    plannedAgentHours: plannedHours,
    underAgentHours: underHours,
    overAgentHours: overHours,
    shareOfIntervalsCovered: n > 0 ? covered / n : 1,
  };
}

/**
 * The three numbers of a roster: agents on the phones per interval, the seats
 * (the peak of agents on the phones at once) and the staff on payroll whose paid
 * hours, less shrinkage, work the roster:
 * staff = ceil(rostered hours a year / (paid hours a year x (1 - shrinkage))),
 * where rostered hours are the shifts' hours less their unpaid breaks, scaled
 * from the roster's days to 365.
 *
 * @param roster the roster
 * @param options shrinkage, paid hours of one person a year
 * @returns agents on the phones, mean and peak (seats), rostered hours, staff on payroll
 * @throws {RangeError} when shrinkage is outside [0, 0.99] or paid hours not positive
 * @example
 * // 21 eight-hour shifts of 10 agents a week = 1,680 h a week = 87,600 h a year;
 * // at 2,000 paid hours and 30% shrinkage: ceil(87,600 / 1,400) = 63 staff for 10 seats.
 * staffForRoster(roster, { shrinkage: 0.3 }).staffOnPayroll;
 */
export function staffForRoster(roster: Roster, options: StaffForRosterOptions): RosterStaff {
  const fn = 'staffForRoster';
  requireInRange(fn, 'shrinkage', options.shrinkage, 0, 0.99);
  const paid = options.paidHoursPerStaffYear ?? 2000;
  requirePositiveFinite(fn, 'paidHoursPerStaffYear', paid);
  const agents = roster.agentsPerInterval;
  const hours = roster.intervalMinutes / 60;
  const rostered = agents.reduce((a, x) => a + x * hours, 0);
  const perYear = (rostered * 365) / roster.days;
  const exact = perYear / (paid * (1 - options.shrinkage));
  const rounded = Math.round(exact);
  return {
    agentsOnPhones: agents,
    meanAgentsOnPhones: agents.length > 0 ? agents.reduce((a, x) => a + x, 0) / agents.length : 0,
    seats: agents.reduce((a, x) => Math.max(a, x), 0),
    // a quotient within 1e-9 of a whole number counts as that number (as staffingPlan does)
    staffOnPayroll: Math.abs(exact - rounded) < 1e-9 ? rounded : Math.ceil(exact),
    rosteredAgentHours: rostered,
    rosteredAgentHoursPerYear: perYear,
  };
}

/**
 * The simulator's agents (`Scenario.agents`) for a horizon from a roster: a
 * cyclic roster is repeated day by day, each day of the horizon taking the
 * roster day of the same weekday (for a 7-day roster); a non-cyclic roster must
 * have the horizon's days and is taken as it is.
 *
 * @param roster the roster
 * @param horizon days of the horizon and the day of the week of its first day (0 = Monday)
 * @returns `{ kind: 'perInterval', counts }`
 * @throws {RangeError} when a non-cyclic roster's days differ from the horizon's, or a
 *   cyclic roster's are not 7 or the horizon's
 * @example
 * // 2020-01-01 was a Wednesday (2)
 * const agents = rosterAgentSpec(weeklyRoster, { days: 366, firstWeekday: 2 });
 * simulate({ ...scenario, agents }, { seed: 1 });
 */
export function rosterAgentSpec(roster: Roster, horizon: { days: number; firstWeekday: number }): AgentSpec {
  const fn = 'rosterAgentSpec';
  requirePositiveInteger(fn, 'days', horizon.days);
  requireNonNegativeInteger(fn, 'firstWeekday', horizon.firstWeekday);
  requireInRange(fn, 'firstWeekday', horizon.firstWeekday, 0, 6);
  const perDay = 1440 / roster.intervalMinutes;
  const a = roster.agentsPerInterval;
  if (
    roster.days === horizon.days &&
    (!roster.cyclic || roster.days !== 7 || roster.firstWeekday === horizon.firstWeekday)
  ) {
    return { kind: 'perInterval', counts: [...a] };
  }
  if (!roster.cyclic || roster.days !== 7) {
    throw new RangeError(
      `${fn}: the roster must have the horizon's ${horizon.days} days, or be a cyclic 7-day roster (got ${roster.days} days${roster.cyclic ? ', cyclic' : ''})`,
    );
  }
  const counts: number[] = [];
  for (let d = 0; d < horizon.days; d++) {
    const rosterDay = (((horizon.firstWeekday + d - roster.firstWeekday) % 7) + 7) % 7;
    for (let s = 0; s < perDay; s++) counts.push(a[rosterDay * perDay + s] ?? 0);
  }
  return { kind: 'perInterval', counts };
}

/**
 * Shift patterns for every combination of start and length (a planner's
 * "starts every hour, 8 or 10 hours long").
 *
 * @param grid starts (minutes after midnight), lengths (minutes), the unpaid break
 *   (minutes, the same for all) and the days of the week they may start on
 * @returns one pattern per start and length, named `HH:MM 8h` (`HH:MM 8h30` for
 *   a length of 8.5 h)
 * @example
 * shiftPatternGrid({ startsMinutes: [480, 960], lengthsMinutes: [480] }).map((p) => p.name);
 * // => ['08:00 8h', '16:00 8h']
 */
export function shiftPatternGrid(grid: {
  startsMinutes: readonly number[];
  lengthsMinutes: readonly number[];
  breakMinutes?: number;
  weekdays?: readonly number[];
}): ShiftPattern[] {
  const clock = (m: number): string =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const length = (m: number): string =>
    `${Math.floor(m / 60)}h${m % 60 === 0 ? '' : String(m % 60).padStart(2, '0')}`;
  return grid.startsMinutes.flatMap((startMinutes) =>
    grid.lengthsMinutes.map((lengthMinutes) => ({
      name: `${clock(startMinutes)} ${length(lengthMinutes)}`,
      startMinutes,
      lengthMinutes,
      ...(grid.breakMinutes !== undefined ? { breakMinutes: grid.breakMinutes } : {}),
      ...(grid.weekdays !== undefined ? { weekdays: grid.weekdays } : {}),
    })),
  );
}

/** What `scenarioWithRoster` returns. */
export interface ScenarioRoster {
  /** The scenario with `agents` replaced by the roster's agents on the phones. */
  readonly scenario: Scenario;
  readonly roster: Roster;
  /** The roster against the scenario's original agents, the requirement. */
  readonly coverage: RosterCoverage;
}

/**
 * Cover a scenario's agents per interval (read as the requirement) with whole
 * shifts of the allowed patterns over its horizon (`generateRoster`, not
 * cyclic, night shifts of the day before the first allowed), and put the
 * roster's agents on the phones in the scenario instead. A scenario file with
 * `shifts.kind` "generate" gives both arguments (`meta.shifts.patterns`).
 *
 * @param scenario the scenario; its `agents` are the requirement
 * @param patterns the shifts allowed
 * @returns the scenario on the roster, the roster and its coverage of the requirement
 * @throws {RangeError} when a pattern is invalid or off the scenario's interval grid
 * @example
 * const { scenario, meta } = readScenarioFile('my-scenario.json');
 * if (meta.shifts?.kind === 'generate') {
 *   const rostered = scenarioWithRoster(scenario, meta.shifts.patterns);
 *   rostered.coverage.overAgentHours; // agent-hours beyond the requirement
 *   simulate(rostered.scenario, { seed: 1 });
 * }
 */
export function scenarioWithRoster(scenario: Scenario, patterns: readonly ShiftPattern[]): ScenarioRoster {
  const perDay = 1440 / scenario.intervalMinutes;
  const n = scenario.days * perDay;
  const requirement =
    scenario.agents.kind === 'constant'
      ? new Array<number>(n).fill(scenario.agents.count)
      : [...scenario.agents.counts];
  const firstWeekday = (new Date(`${scenario.startDate}T00:00:00Z`).getUTCDay() + 6) % 7;
  const roster = generateRoster(requirement, patterns, {
    intervalMinutes: scenario.intervalMinutes,
    firstWeekday,
    cyclic: false,
  });
  return {
    scenario: { ...scenario, agents: { kind: 'perInterval', counts: [...roster.agentsPerInterval] } },
    roster,
    coverage: rosterCoverage(roster, requirement),
  };
}
