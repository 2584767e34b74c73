import { requireInRange, requireNonNegativeInteger, requirePositiveInteger } from '../core/validate.js';
import type { GenerateRosterOptions, Roster, RosterShift, ShiftPattern } from './shifts.js';

/*
 * The roster generator of `shifts.ts`: whole shifts of the allowed patterns
 * covering a per-interval requirement (a greedy step, trimming and an
 * improvement step), and the checks of patterns and interval grids it shares
 * with the other roster functions.
 */

/** Rosters up to this many days get the improvement step of `generateRoster`. */
const IMPROVE_MAX_DAYS = 31;
/** Most passes of the improvement step over the roster's shifts. */
const IMPROVE_PASSES = 3;

interface Candidate {
  readonly pattern: ShiftPattern;
  readonly day: number;
  readonly weekday: number;
  readonly breakMinutes: number;
  readonly breakAfterMinutes: number;
  /** Intervals the shift is on the phones, as indices of the requirement. */
  readonly cover: readonly number[];
  agents: number;
}

export function checkInterval(fn: string, intervalMinutes: number): void {
  requirePositiveInteger(fn, 'intervalMinutes', intervalMinutes);
  if (1440 % intervalMinutes !== 0) {
    throw new RangeError(`${fn}: intervalMinutes must divide 1440 (got ${intervalMinutes})`);
  }
}

function requireMultiple(fn: string, name: string, value: number, of: number): void {
  if (value % of !== 0) {
    throw new RangeError(`${fn}: ${name} must be a multiple of the ${of}-minute interval (got ${value})`);
  }
}

/** Check a pattern and return its break length and start (defaults applied). */
export function checkPattern(
  fn: string,
  p: ShiftPattern,
  i: number,
  intervalMinutes: number,
): { breakMinutes: number; breakAfterMinutes: number } {
  const at = `patterns[${i}]`;
  requireNonNegativeInteger(fn, `${at}.startMinutes`, p.startMinutes);
  requireInRange(fn, `${at}.startMinutes`, p.startMinutes, 0, 1439);
  requireMultiple(fn, `${at}.startMinutes`, p.startMinutes, intervalMinutes);
  requirePositiveInteger(fn, `${at}.lengthMinutes`, p.lengthMinutes);
  requireInRange(fn, `${at}.lengthMinutes`, p.lengthMinutes, 1, 1440);
  requireMultiple(fn, `${at}.lengthMinutes`, p.lengthMinutes, intervalMinutes);
  const breakMinutes = p.breakMinutes ?? 0;
  requireNonNegativeInteger(fn, `${at}.breakMinutes`, breakMinutes);
  requireMultiple(fn, `${at}.breakMinutes`, breakMinutes, intervalMinutes);
  if (breakMinutes >= p.lengthMinutes) {
    throw new RangeError(
      `${fn}: ${at}.breakMinutes must be shorter than the shift's ${p.lengthMinutes} minutes (got ${breakMinutes})`,
    );
  }
  const middle = Math.floor((p.lengthMinutes - breakMinutes) / 2 / intervalMinutes) * intervalMinutes;
  const breakAfterMinutes = p.breakAfterMinutes ?? middle;
  requireNonNegativeInteger(fn, `${at}.breakAfterMinutes`, breakAfterMinutes);
  requireMultiple(fn, `${at}.breakAfterMinutes`, breakAfterMinutes, intervalMinutes);
  if (breakAfterMinutes + breakMinutes > p.lengthMinutes) {
    throw new RangeError(
      `${fn}: ${at}.breakAfterMinutes must let the break end by the shift's end at ${p.lengthMinutes} minutes (got ${breakAfterMinutes})`,
    );
  }
  for (const [k, w] of (p.weekdays ?? []).entries()) {
    requireNonNegativeInteger(fn, `${at}.weekdays[${k}]`, w);
    requireInRange(fn, `${at}.weekdays[${k}]`, w, 0, 6);
  }
  return { breakMinutes, breakAfterMinutes };
}

/** The intervals a shift starting on `day` is on the phones, as indices in [0, n). */
export function coverOf(
  startMinutes: number,
  lengthMinutes: number,
  breakMinutes: number,
  breakAfterMinutes: number,
  day: number,
  intervalMinutes: number,
  n: number,
  cyclic: boolean,
): number[] {
  const perDay = 1440 / intervalMinutes;
  const first = day * perDay + startMinutes / intervalMinutes;
  const length = lengthMinutes / intervalMinutes;
  const breakFrom = breakAfterMinutes / intervalMinutes;
  const breakTo = breakFrom + breakMinutes / intervalMinutes;
  const out: number[] = [];
  for (let k = 0; k < length; k++) {
    if (k >= breakFrom && k < breakTo) continue;
    const i = first + k;
    if (cyclic) out.push(((i % n) + n) % n);
    else if (i >= 0 && i < n) out.push(i);
  }
  return out;
}

/**
 * Cover a per-interval requirement of agents on the phones with whole shifts of
 * the allowed patterns, over whole days (a typical week, or a whole horizon).
 *
 * The heuristic, in two steps:
 * 1. Greedy, left to right: at the first interval still short of its
 *    requirement, add agents to the candidate shift (a pattern starting on an
 *    allowed day) covering it that does the most good, scored as the intervals
 *    it covers that are still short minus those it would over-cover (ties: the
 *    fewest over-covered, then the latest start). As many agents are added at
 *    once as keep that shift the best choice (the least shortfall among the
 *    short intervals it covers). Each step removes at least one agent-interval
 *    of shortfall, so the loop ends, and it ends only when every interval that
 *    some shift covers is covered: **no interval is left short when coverage
 *    is feasible**.
 * 2. Trimming: shifts are visited from the most wasteful (share of over-covered
 *    intervals) to the least, and each loses as many agents as every interval it
 *    covers can spare; repeated until nothing changes. Coverage never drops
 *    below the requirement, and over-coverage only shrinks.
 * 3. Improvement, for rosters of up to 31 days: each shift in turn loses all its
 *    agents, the hole is covered again by step 1 without that shift (unless it
 *    alone covers an interval) and trimmed; the change is kept only when fewer
 *    agent-intervals are planned (at most 3 passes).
 * It is not optimal (an integer program is). Measured on a week with two peaks a
 * day (test/model/shifts.test.ts; optimum by scipy's milp): 8-hour shifts starting
 * every hour reach the optimum (21.6% over-coverage); 8- and 10-hour shifts give
 * 6.0% against 4.6%; 8-hour and 9-hour-with-a-1-hour-break shifts 18.8% against
 * 5.1%, the weak case: breaks make holes the greedy step fills poorly.
 *
 * @param requirement agents needed on the phones in each interval, non-negative
 *   integers, whole days of `1440 / intervalMinutes` intervals, the first starting at
 *   00:00 (from `staffingPlan`'s `requiredAgents`, or from simulation)
 * @param patterns the shifts allowed (at least one)
 * @param options interval length, first day of the week, whether the roster repeats
 * @returns the roster: its shifts, the agents they put on the phones in each
 *   interval, and the intervals no pattern can cover (empty when feasible)
 * @throws {RangeError} naming the argument when the requirement, a pattern or an
 *   option is invalid (not on the interval grid, negative, not whole days...)
 * @example
 * const week = Array.from({ length: 7 * 24 }, (_, i) => (i % 24 >= 8 && i % 24 < 16 ? 10 : 2));
 * const roster = generateRoster(
 *   week,
 *   [0, 8, 16].map((h) => ({ name: `${h}:00`, startMinutes: h * 60, lengthMinutes: 480 })),
 *   { intervalMinutes: 60 },
 * );
 * roster.agentsPerInterval.slice(7, 10); // => [2, 10, 10]
 * roster.shifts.length; // => 21 (three shifts a day, seven days)
 */
export function generateRoster(
  requirement: readonly number[],
  patterns: readonly ShiftPattern[],
  options: GenerateRosterOptions,
): Roster {
  const fn = 'generateRoster';
  const { intervalMinutes } = options;
  checkInterval(fn, intervalMinutes);
  const perDay = 1440 / intervalMinutes;
  const n = requirement.length;
  if (n === 0 || n % perDay !== 0) {
    throw new RangeError(
      `${fn}: requirement must cover whole days of ${perDay} intervals (got ${n} intervals)`,
    );
  }
  requirement.forEach((r, i) => requireNonNegativeInteger(fn, `requirement[${i}]`, r));
  if (patterns.length === 0) throw new RangeError(`${fn}: patterns must not be empty (got 0)`);
  const firstWeekday = options.firstWeekday ?? 0;
  requireNonNegativeInteger(fn, 'firstWeekday', firstWeekday);
  requireInRange(fn, 'firstWeekday', firstWeekday, 0, 6);
  const days = n / perDay;
  const cyclic = options.cyclic ?? days === 7;
  const checked = patterns.map((p, i) => checkPattern(fn, p, i, intervalMinutes));
  const search = new RosterSearch(
    requirement,
    candidatesOf(patterns, checked, { days, firstWeekday, cyclic, intervalMinutes, n }),
  );
  search.greedy();
  search.trim();
  if (days <= IMPROVE_MAX_DAYS) search.improve(IMPROVE_PASSES);
  const shifts: RosterShift[] = search.candidates
    .filter((c) => c.agents > 0)
    .map((c) => ({
      pattern: c.pattern.name,
      day: c.day,
      weekday: c.weekday,
      startMinutes: c.pattern.startMinutes,
      lengthMinutes: c.pattern.lengthMinutes,
      breakMinutes: c.breakMinutes,
      breakAfterMinutes: c.breakAfterMinutes,
      agents: c.agents,
    }))
    .sort((a, b) => a.day - b.day || a.startMinutes - b.startMinutes || a.pattern.localeCompare(b.pattern));
  return {
    intervalMinutes,
    days,
    firstWeekday,
    cyclic,
    shifts,
    agentsPerInterval: search.planned,
    uncoverable: search.uncoverable,
  };
}

/** Candidates: every pattern on every day it may start (and, without wrap, the day before). */
function candidatesOf(
  patterns: readonly ShiftPattern[],
  checked: readonly { breakMinutes: number; breakAfterMinutes: number }[],
  grid: { days: number; firstWeekday: number; cyclic: boolean; intervalMinutes: number; n: number },
): Candidate[] {
  const { days, firstWeekday, cyclic, intervalMinutes, n } = grid;
  const candidates: Candidate[] = [];
  for (let day = cyclic ? 0 : -1; day < days; day++) {
    const weekday = (((firstWeekday + day) % 7) + 7) % 7;
    patterns.forEach((pattern, i) => {
      if (pattern.weekdays !== undefined && !pattern.weekdays.includes(weekday)) return;
      const { breakMinutes, breakAfterMinutes } = checked[i] as {
        breakMinutes: number;
        breakAfterMinutes: number;
      };
      const cover = coverOf(
        pattern.startMinutes,
        pattern.lengthMinutes,
        breakMinutes,
        breakAfterMinutes,
        day,
        intervalMinutes,
        n,
        cyclic,
      );
      if (cover.length > 0)
        candidates.push({ pattern, day, weekday, breakMinutes, breakAfterMinutes, cover, agents: 0 });
    });
  }
  return candidates;
}

/**
 * The heuristic of `generateRoster` on one requirement: the agents planned per
 * interval and the candidates' agents, changed by its three steps.
 */
class RosterSearch {
  /** Agents the candidates put on the phones in each interval. */
  readonly planned: number[];
  /** Intervals with a requirement that no candidate covers. */
  readonly uncoverable: number[] = [];
  /** The candidates covering each interval. */
  private readonly coversOf: number[][];

  constructor(
    private readonly requirement: readonly number[],
    readonly candidates: Candidate[],
  ) {
    const n = requirement.length;
    this.planned = new Array<number>(n).fill(0);
    this.coversOf = Array.from({ length: n }, () => []);
    candidates.forEach((c, k) => {
      for (const i of c.cover) this.coversOf[i]?.push(k);
    });
    for (let i = 0; i < n; i++) {
      if ((requirement[i] ?? 0) > 0 && (this.coversOf[i] ?? []).length === 0) this.uncoverable.push(i);
    }
  }

  private short(i: number): number {
    return Math.max(0, (this.requirement[i] ?? 0) - (this.planned[i] ?? 0));
  }

  /** 1. Greedy, left to right, without candidate `tabu` unless it alone covers an interval. */
  greedy(tabu = -1): void {
    const { planned, candidates } = this;
    for (let i = 0; i < planned.length; i++) {
      const options = this.coversOf[i] ?? [];
      if (options.length === 0) continue;
      while (this.short(i) > 0) {
        const chosen = candidates[this.bestCover(options, tabu)] as Candidate;
        let add = this.short(i);
        for (const j of chosen.cover) {
          const s = this.short(j);
          if (s > 0 && s < add) add = s;
        }
        chosen.agents += add;
        for (const j of chosen.cover) planned[j] = (planned[j] ?? 0) + add;
      }
    }
  }

  /** The candidate among `options` that does the most good (ties: least waste, then latest start). */
  private bestCover(options: readonly number[], tabu: number): number {
    let best = -1;
    let bestScore = -Infinity;
    let bestWaste = Infinity;
    let bestStart = -Infinity;
    for (const k of options) {
      if (k === tabu && options.length > 1) continue;
      const c = this.candidates[k] as Candidate;
      let useful = 0;
      for (const j of c.cover) if (this.short(j) > 0) useful++;
      const waste = c.cover.length - useful;
      const score = useful - waste;
      const start = c.day * 1440 + c.pattern.startMinutes;
      if (
        score > bestScore ||
        (score === bestScore && (waste < bestWaste || (waste === bestWaste && start > bestStart)))
      ) {
        best = k;
        bestScore = score;
        bestWaste = waste;
        bestStart = start;
      }
    }
    return best;
  }

  /** 2. Trimming: remove agents whose every covered interval can spare them. */
  trim(): void {
    const { planned, requirement } = this;
    const wasteShare = (c: Candidate): number =>
      c.cover.reduce((a, j) => a + ((planned[j] ?? 0) > (requirement[j] ?? 0) ? 1 : 0), 0) / c.cover.length;
    for (let changed = true; changed;) {
      changed = false;
      const used = this.candidates.filter((c) => c.agents > 0).sort((a, b) => wasteShare(b) - wasteShare(a));
      for (const c of used) {
        let spare = c.agents;
        for (const j of c.cover) spare = Math.min(spare, (planned[j] ?? 0) - (requirement[j] ?? 0));
        if (spare > 0) {
          c.agents -= spare;
          for (const j of c.cover) planned[j] = (planned[j] ?? 0) - spare;
          changed = true;
        }
      }
    }
  }

  /**
   * 3. Improvement: take every agent off one shift, cover the hole again greedily
   * without that shift (unless it alone covers an interval), trim; keep the change
   * when fewer agent-intervals are planned. Coverage stays complete: the greedy step
   * covers every coverable interval.
   */
  improve(passes: number): void {
    const { planned, candidates } = this;
    const sum = (): number => planned.reduce((a, x) => a + x, 0);
    for (let pass = 0, improved = true; pass < passes && improved; pass++) {
      improved = false;
      for (const k of candidates.flatMap((x, i) => (x.agents > 0 ? [i] : []))) {
        const c = candidates[k] as Candidate;
        if (c.agents === 0) continue;
        const before = sum();
        const agentsBefore = candidates.map((x) => x.agents);
        const plannedBefore = planned.slice();
        for (const j of c.cover) planned[j] = (planned[j] ?? 0) - c.agents;
        c.agents = 0;
        this.greedy(k);
        this.trim();
        if (sum() < before) improved = true;
        else {
          candidates.forEach((x, i) => (x.agents = agentsBefore[i] ?? 0));
          plannedBefore.forEach((x, j) => (planned[j] = x));
        }
      }
    }
  }
}
