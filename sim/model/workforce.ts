import { randomStreams } from '../core/rng.js';
import {
  requireInRange,
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requirePositiveInteger,
  requireProbability,
} from '../core/validate.js';

/**
 * Staff over the year: who is on payroll, who is still in training and who
 * takes calls, as people leave and are replaced. Three numbers that planners
 * often mix up are kept apart here:
 * - staff on payroll (paid, trainees included; what the budget pays for);
 * - live agents (trained, may take calls; shrinkage and shifts then decide how
 *   many are on the phones in an interval);
 * - seats (desks; a budget line, see `sim/budget/`).
 *
 * Time step: one day. A person's leaving date is drawn once, when they join,
 * from the hazard of their tenure band on the `churn` stream, so a change of
 * hiring policy does not reshuffle who leaves when among the first staff.
 */

/** An annual turnover rate that applies from a tenure (months since joining the payroll) on. */
export interface TenureBandRate {
  /** Tenure at which this rate starts, in months since joining the payroll (0 for new hires). */
  readonly fromMonth: number;
  /**
   * Annual turnover of staff in this band: leavers per year over average headcount, >= 0.
   * Modelled as a constant hazard of `annualRate / 365` a day while in the band.
   */
  readonly annualRate: number;
}

/** Performance of a newly live agent by month since going live. */
export interface LearningCurveStep {
  /** First month (1-based, since going live) at which this step applies. */
  readonly month: number;
  /** Handle time of this agent over that of an experienced agent, >= 1 for a learner. */
  readonly handleTimeMultiplier: number;
  /** Share of this agent's sampled calls passing the quality check, in [0, 1]. */
  readonly qaPassRate: number;
  /** Points of satisfaction lost on this agent's calls, as a fraction (0.02 = 2 points). */
  readonly satisfactionPenalty: number;
}

/** How leavers are replaced. */
export interface HiringPolicy {
  /**
   * `backfill`: every leaver opens a vacancy at once, filled after the recruitment lag.
   * `monthlyCohorts`: on the first day of each month, a cohort is hired to bring
   * staff on payroll plus those already being recruited back to the target.
   * `none`: nobody is hired.
   */
  readonly policy: 'backfill' | 'monthlyCohorts' | 'none';
  /** Days from a vacancy (or a cohort decision) to the hire joining the payroll, >= 0. */
  readonly recruitmentLagDays: number;
  /** Days of training on payroll before a hire takes calls, >= 0 (12333: 26 weeks [S]). */
  readonly trainingDays: number;
}

/** The workforce of a hotline and its dynamics. */
export interface WorkforceSpec {
  /** Staff on payroll on the first day, all trained and experienced; a non-negative integer. */
  readonly initialStaff: number;
  /**
   * Headcount on payroll the hiring policy aims at.
   *
   * __Default value:__ `initialStaff`
   */
  readonly targetHeadcount?: number;
  /**
   * Tenure of the first day's staff, months (it sets their turnover band).
   *
   * __Default value:__ `24`
   */
  readonly initialTenureMonths?: number;
  /** Annual turnover (leavers / average headcount), one rate or a rate per tenure band. */
  readonly turnover: number | readonly TenureBandRate[];
  readonly hiring: HiringPolicy;
  /**
   * Learning curve after going live, by month; months after the last step use the last step.
   *
   * __Default value:__ `DEFAULT_LEARNING_CURVE`
   */
  readonly learningCurve?: readonly LearningCurveStep[];
}

/**
 * Default learning curve (FACTS.md §7.1 and §4.3, all [A] but the QA level):
 * handle time x1.30, x1.15, x1.05 in months 1-3 after going live, then x1.00;
 * QA pass rate 95% in months 1-3, 99% after (2019 center-wide 98% [S]);
 * satisfaction 2 points lower in months 1-3.
 */
export const DEFAULT_LEARNING_CURVE: readonly LearningCurveStep[] = [
  { month: 1, handleTimeMultiplier: 1.3, qaPassRate: 0.95, satisfactionPenalty: 0.02 },
  { month: 2, handleTimeMultiplier: 1.15, qaPassRate: 0.95, satisfactionPenalty: 0.02 },
  { month: 3, handleTimeMultiplier: 1.05, qaPassRate: 0.95, satisfactionPenalty: 0.02 },
  { month: 4, handleTimeMultiplier: 1.0, qaPassRate: 0.99, satisfactionPenalty: 0 },
];

/** The workforce on one day. */
export interface WorkforceDay {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Staff on payroll at the start of the day (trainees included). */
  readonly payroll: number;
  /** Of them, in training (not taking calls). */
  readonly trainees: number;
  /** Of them, live (may take calls). */
  readonly live: number;
  /** Of the live, in their first three months since going live. */
  readonly learners: number;
  /** Mean handle-time multiplier over the live agents (1 when all are experienced). */
  readonly handleTimeMultiplier: number;
  /** Mean QA pass rate over the live agents. */
  readonly qaPassRate: number;
  /** Mean satisfaction penalty over the live agents. */
  readonly satisfactionPenalty: number;
  /** People who left during the day. */
  readonly leavers: number;
  /** People who joined the payroll during the day. */
  readonly hires: number;
}

/** A week or a month of the workforce. */
export interface WorkforcePeriod {
  /** `YYYY-MM-DD` of the first day for a week, `YYYY-MM` for a month. */
  readonly period: string;
  readonly days: number;
  readonly averagePayroll: number;
  readonly averageTrainees: number;
  readonly averageLive: number;
  readonly averageLearners: number;
  readonly leavers: number;
  readonly hires: number;
  /** Trainee-days: the training volume the budget pays for. */
  readonly traineeDays: number;
}

/** The workforce over a horizon. */
export interface WorkforceResult {
  readonly days: readonly WorkforceDay[];
  /** Weeks of 7 days from the first day (the last may be shorter). */
  readonly weeks: readonly WorkforcePeriod[];
  /** Calendar months. */
  readonly months: readonly WorkforcePeriod[];
  /** Leavers over the horizon. */
  readonly leavers: number;
  /** Hires over the horizon. */
  readonly hires: number;
  /** Average staff on payroll over the horizon. */
  readonly averagePayroll: number;
  /**
   * Realised annual turnover: leavers / average payroll headcount, scaled to a
   * year of 365 days (the 12345 desk's "人员流失率 < 20%" indicator).
   */
  readonly turnoverRate: number;
}

interface Person {
  joinDay: number; // day index the person joined the payroll (negative for the first staff)
  liveDay: number; // day index they go live
  leaveDay: number; // day index they leave (Infinity when beyond the horizon)
}

const DAY_MS = 86_400_000;

function isoDate(startMs: number, day: number): string {
  return new Date(startMs + day * DAY_MS).toISOString().slice(0, 10);
}

function bandsOf(turnover: number | readonly TenureBandRate[]): TenureBandRate[] {
  const bands = typeof turnover === 'number' ? [{ fromMonth: 0, annualRate: turnover }] : [...turnover];
  return bands.sort((a, b) => a.fromMonth - b.fromMonth);
}

/**
 * Day (from joining) on which a person with tenure `tenureDaysAtStart` leaves,
 * given a unit-exponential draw `e`: the day where the cumulative hazard of the
 * tenure bands reaches `e`. Infinity when it never does.
 */
function leavingTenureDay(bands: readonly TenureBandRate[], tenureDaysAtStart: number, e: number): number {
  const daysPerMonth = 365 / 12;
  let remaining = e;
  let tenure = tenureDaysAtStart;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i] as TenureBandRate;
    const next = bands[i + 1];
    const end = next ? next.fromMonth * daysPerMonth : Infinity;
    if (tenure >= end) continue;
    const hazard = band.annualRate / 365;
    const span = end - tenure;
    if (hazard * span >= remaining) return tenure + remaining / hazard;
    remaining -= hazard * span;
    tenure = end;
  }
  return Infinity;
}

/**
 * Check a workforce spec, naming the field: `simulate: scenario.workforce.spec.initialStaff
 * must be a non-negative integer (got -1)`.
 *
 * @param fn name of the calling function, for the message
 * @param spec the spec to check
 * @param prefix the spec's path in the caller's input, with a trailing dot (`''` for none)
 * @throws {RangeError} at the first invalid field
 * @example
 * checkWorkforceSpec('simulate', scenario.workforce.spec, 'scenario.workforce.spec.'); // passes or throws
 */
export function checkWorkforceSpec(fn: string, spec: WorkforceSpec, prefix = ''): void {
  if (typeof spec !== 'object' || spec === null) {
    throw new RangeError(`${fn}: ${prefix || 'spec'} must be an object (got ${String(spec)})`);
  }
  requireNonNegativeInteger(fn, `${prefix}initialStaff`, spec.initialStaff);
  if (spec.targetHeadcount !== undefined)
    requireNonNegativeInteger(fn, `${prefix}targetHeadcount`, spec.targetHeadcount);
  requireNonNegativeFinite(fn, `${prefix}initialTenureMonths`, spec.initialTenureMonths ?? 24);
  if (typeof spec.turnover !== 'number' && !Array.isArray(spec.turnover)) {
    throw new RangeError(`${fn}: ${prefix}turnover must be a number or an array of tenure bands`);
  }
  for (const [i, band] of bandsOf(spec.turnover).entries()) {
    requireNonNegativeFinite(fn, `${prefix}turnover[${i}].fromMonth`, band.fromMonth);
    requireInRange(fn, `${prefix}turnover[${i}].annualRate`, band.annualRate, 0, 50);
  }
  if (typeof spec.hiring !== 'object' || spec.hiring === null) {
    throw new RangeError(`${fn}: ${prefix}hiring must be an object (got ${String(spec.hiring)})`);
  }
  if (!['backfill', 'monthlyCohorts', 'none'].includes(spec.hiring.policy)) {
    throw new RangeError(
      `${fn}: ${prefix}hiring.policy must be 'backfill', 'monthlyCohorts' or 'none' (got ${String(spec.hiring.policy)})`,
    );
  }
  requireNonNegativeFinite(fn, `${prefix}hiring.recruitmentLagDays`, spec.hiring.recruitmentLagDays);
  requireNonNegativeFinite(fn, `${prefix}hiring.trainingDays`, spec.hiring.trainingDays);
  const curve = spec.learningCurve ?? DEFAULT_LEARNING_CURVE;
  if (!Array.isArray(curve) || curve.length === 0) {
    throw new RangeError(`${fn}: ${prefix}learningCurve must have at least one step (got 0)`);
  }
  curve.forEach((step: LearningCurveStep, i) => {
    requirePositiveInteger(fn, `${prefix}learningCurve[${i}].month`, step.month);
    requireNonNegativeFinite(
      fn,
      `${prefix}learningCurve[${i}].handleTimeMultiplier`,
      step.handleTimeMultiplier,
    );
    requireProbability(fn, `${prefix}learningCurve[${i}].qaPassRate`, step.qaPassRate);
    requireProbability(fn, `${prefix}learningCurve[${i}].satisfactionPenalty`, step.satisfactionPenalty);
  });
}

/**
 * Simulate the workforce day by day: leavers drawn from the tenure-band
 * hazards on the `churn` stream, replacements by the hiring policy, training
 * before going live, and the learning curve after.
 *
 * @param spec staff, turnover, hiring policy and learning curve
 * @param options `startDate` (ISO `YYYY-MM-DD`), `days` (a positive integer),
 *   `seed` and `replication` (keys of the random streams), and `daysBefore`
 *   (default 0): days of the staff's year before `startDate`, simulated first
 *   and left out of the result, so that a period cut from a longer horizon
 *   starts with the staff that horizon has by then (its days are those of the
 *   longer run, day for day)
 * @returns the workforce by day, week and month, and the realised turnover
 * @throws {RangeError} naming the field when the spec or options are invalid
 * @example
 * const year = simulateWorkforce(
 *   { initialStaff: 407, turnover: 0.25, hiring: { policy: 'backfill', recruitmentLagDays: 30, trainingDays: 182 } },
 *   { startDate: '2020-01-01', days: 366, seed: 1 },
 * );
 * year.turnoverRate; // => about 0.25
 * year.weeks[40]?.averageTrainees; // trainees in week 41
 */
export function simulateWorkforce(
  spec: WorkforceSpec,
  options: { startDate: string; days: number; seed: number; replication?: number; daysBefore?: number },
): WorkforceResult {
  checkWorkforceSpec('simulateWorkforce', spec);
  const fn = 'simulateWorkforce';
  requirePositiveInteger(fn, 'days', options.days);
  const before = options.daysBefore ?? 0;
  requireNonNegativeInteger(fn, 'daysBefore', before);
  const firstMs = Date.parse(`${options.startDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.startDate) || Number.isNaN(firstMs)) {
    throw new RangeError(`${fn}: startDate must be an ISO date YYYY-MM-DD (got ${options.startDate})`);
  }
  // The staff's year starts `before` days earlier; those days are simulated, then left out.
  const startMs = firstMs - before * DAY_MS;
  const churn = randomStreams(options.seed, options.replication ?? 0).stream('churn');
  const bands = bandsOf(spec.turnover);
  const curve = [...(spec.learningCurve ?? DEFAULT_LEARNING_CURVE)].sort((a, b) => a.month - b.month);
  const target = spec.targetHeadcount ?? spec.initialStaff;
  const { recruitmentLagDays, trainingDays, policy } = spec.hiring;
  const daysPerMonth = 365 / 12;
  const initialTenureDays = (spec.initialTenureMonths ?? 24) * daysPerMonth;

  const people: Person[] = [];
  const join = (joinDay: number, tenureDaysAtStart: number, live: boolean): void => {
    const tenureLeave = leavingTenureDay(bands, tenureDaysAtStart, -Math.log(churn()));
    people.push({
      joinDay: joinDay - tenureDaysAtStart,
      liveDay: live ? -Infinity : joinDay + trainingDays,
      leaveDay: joinDay - tenureDaysAtStart + tenureLeave,
    });
  };
  for (let i = 0; i < spec.initialStaff; i++) join(0, initialTenureDays, true);

  // Hires in the pipeline: the day index each joins the payroll.
  const pipeline: number[] = [];
  const stepAt = (monthLive: number): LearningCurveStep => {
    let step = curve[0] as LearningCurveStep;
    for (const s of curve) if (s.month <= monthLive) step = s;
    return step;
  };

  const simulated: WorkforceDay[] = [];
  let active: Person[] = people.slice();
  for (let day = 0; day < before + options.days; day++) {
    const date = isoDate(startMs, day);
    // Monthly cohort decision on the first day of a month (and on day 0).
    if (policy === 'monthlyCohorts' && (day === 0 || date.endsWith('-01'))) {
      const gap = target - active.length - pipeline.length;
      for (let i = 0; i < gap; i++) pipeline.push(day + recruitmentLagDays);
    }
    // Hires who join today.
    let hires = 0;
    for (let i = pipeline.length - 1; i >= 0; i--) {
      if ((pipeline[i] as number) <= day) {
        pipeline.splice(i, 1);
        join(day, 0, false);
        active.push(people[people.length - 1] as Person);
        hires++;
      }
    }
    // Count the day, with everyone on payroll at its start.
    let trainees = 0;
    let live = 0;
    let learners = 0;
    let handle = 0;
    let qa = 0;
    let penalty = 0;
    for (const p of active) {
      if (day < p.liveDay) {
        trainees++;
        continue;
      }
      live++;
      const monthLive = p.liveDay === -Infinity ? Infinity : Math.floor((day - p.liveDay) / daysPerMonth) + 1;
      const step = stepAt(monthLive);
      if (monthLive <= 3) learners++;
      handle += step.handleTimeMultiplier;
      qa += step.qaPassRate;
      penalty += step.satisfactionPenalty;
    }
    const payroll = active.length;
    // Leavers during the day, replaced by the policy.
    const stay: Person[] = [];
    let leavers = 0;
    for (const p of active) {
      if (p.leaveDay < day + 1) {
        leavers++;
        if (policy === 'backfill') pipeline.push(day + 1 + recruitmentLagDays);
      } else stay.push(p);
    }
    active = stay;
    const last = stepAt(Infinity);
    simulated.push({
      date,
      payroll,
      trainees,
      live,
      learners,
      handleTimeMultiplier: live > 0 ? handle / live : last.handleTimeMultiplier,
      qaPassRate: live > 0 ? qa / live : last.qaPassRate,
      satisfactionPenalty: live > 0 ? penalty / live : last.satisfactionPenalty,
      leavers,
      hires,
    });
  }

  const days = simulated.slice(before);
  const weeks = groupDays(days, (_, i) => days[i - (i % 7)]?.date ?? '');
  const months = groupDays(days, (d) => d.date.slice(0, 7));
  const leavers = days.reduce((a, d) => a + d.leavers, 0);
  const hires = days.reduce((a, d) => a + d.hires, 0);
  const averagePayroll = days.reduce((a, d) => a + d.payroll, 0) / days.length;
  return {
    days,
    weeks,
    months,
    leavers,
    hires,
    averagePayroll,
    turnoverRate: averagePayroll > 0 ? ((leavers / averagePayroll) * 365) / days.length : 0,
  };
}

/** Consecutive days with the same key (`keyOf`) rolled up into one period: averages of the levels, sums of the flows. */
function groupDays(
  days: readonly WorkforceDay[],
  keyOf: (d: WorkforceDay, i: number) => string,
): WorkforcePeriod[] {
  const out: WorkforcePeriod[] = [];
  let current: WorkforceDay[] = [];
  let key = '';
  const flush = (): void => {
    if (current.length === 0) return;
    const n = current.length;
    const sum = (f: (d: WorkforceDay) => number): number => current.reduce((a, d) => a + f(d), 0);
    out.push({
      period: key,
      days: n,
      averagePayroll: sum((d) => d.payroll) / n,
      averageTrainees: sum((d) => d.trainees) / n,
      averageLive: sum((d) => d.live) / n,
      averageLearners: sum((d) => d.learners) / n,
      leavers: sum((d) => d.leavers),
      hires: sum((d) => d.hires),
      traineeDays: sum((d) => d.trainees),
    });
  };
  days.forEach((d, i) => {
    const k = keyOf(d, i);
    if (k !== key) {
      flush();
      current = [];
      key = k;
    }
    current.push(d);
  });
  flush();
  return out;
}
