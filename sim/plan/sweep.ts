import type { UnitCosts } from '../budget/types.js';
import { whatBudgetBuys, type BuyingOptions } from '../budget/whatBudgetBuys.js';
import type { AnswerRateDefinition, TargetSet } from '../core/targets.js';
import {
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requirePositiveInteger,
} from '../core/validate.js';
import { agentsPerInterval } from '../model/scenario.js';
import type { Scenario } from '../model/types.js';
import type { Summary } from '../stats/summarise.js';
import { scaleAgentsToHours } from './budgetScenario.js';
import { evaluateRuns, type ProbabilityEstimate } from './evaluatePlan.js';
import { borrowPool, type ReplicationJob, type ReplicationPool } from './replicationPool.js';
import type { ReplicationRun } from './runReplication.js';
import { varyAssumption, type Assumption } from './sensitivity.js';

/** The grid of `sweep`: every combination of budget, site seats and assumption. */
export interface SweepGrid {
  /** Seat-rental budgets (seat staff plus system running), yuan for the year, >= 0. */
  seatRentalYuan: readonly number[];
  /**
   * Seats of the site: agents on the phones in an interval never exceed
   * min(site seats, seats bought); `null` for the seats the budget buys.
   *
   * __Default value:__ `[null]`
   */
  seats?: readonly (number | null)[];
  /**
   * Assumptions varied one at a time, each by these factors (`varyAssumption`);
   * the baseline (every assumption as given) is always swept.
   *
   * __Default value:__ none (the baseline only)
   */
  assumptions?: Partial<Record<Assumption, readonly number[]>>;
}

/** Options of `sweep`. */
export interface SweepOptions {
  /** How money becomes seats, staff and agent-hours (`whatBudgetBuys`). */
  buying: BuyingOptions;
  /** The seed of every grid point (common random numbers), a non-negative integer. */
  seed: number;
  /** Replications per grid point, a positive integer. */
  replications: number;
  /** Worker threads (0: in the calling thread). __Default value:__ `2` */
  workers?: number;
  /** Where the replications run, left open (see `replicate`). __Default value:__ `workers` worker threads opened for the call */
  pool?: ReplicationPool;
  /** Which answer rate the targets use. __Default value:__ `'perAttempt'` */
  answerRateDefinition?: AnswerRateDefinition;
  /** Confidence level of every interval. __Default value:__ `0.95` */
  level?: number;
  /** Called after each replication, with the count done and the total. __Default value:__ none */
  onProgress?: (done: number, total: number) => void;
}

/** One grid point of `sweep`: its inputs, its KPIs and its probability of meeting every target. */
export interface SweepRow {
  seatRentalYuan: number;
  /** Seat rental plus the unit costs' management fee, yuan. */
  totalYuan: number;
  /** Site seats asked for (`null`: as bought). */
  siteSeats: number | null;
  /** Seats the budget buys, and the cap on agents used (min of site and bought). */
  seatsBought: number;
  seatsUsed: number;
  staffOnPayroll: number;
  /** Agent-hours scheduled over the horizon. */
  scheduledAgentHours: number;
  assumption: Assumption | 'baseline';
  factor: number;
  replications: number;
  /** Whole-horizon KPIs across replications (mean with its confidence interval `ciLow`-`ciHigh`). */
  answerRate: Summary | null;
  serviceLevel: Summary | null;
  abandonRate: Summary | null;
  asaSeconds: Summary | null;
  /** Probability of meeting every measured target in every quarter, with its Wilson interval. */
  probability: ProbabilityEstimate;
}

/**
 * Sweep budgets x site seats x assumptions: every grid point is the base
 * scenario with one assumption varied (or none: the baseline), staffed with
 * what the budget buys as `scenarioForBudget` does (the base's staffing shape
 * scaled to the agent-hours bought, capped at min(site seats, seats bought)),
 * and replicated with the same seed (common random numbers, so that
 * neighbouring points differ by their inputs and not by luck). All points run
 * in one pool of workers. The result is a tidy table, one row per point, in
 * grid order (budget, then seats, then baseline and each assumption and
 * factor); `frontier` draws budget against probability from it.
 *
 * @param base the scenario whose load and staffing shape are used
 * @param targets the target set
 * @param unitCosts unit costs, yuan
 * @param grid budgets, site seats and assumptions
 * @param options buying rule, seed, replications, workers, progress
 * @returns one row per grid point
 * @throws {RangeError} when a grid value or an option is out of range
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const rows = await sweep(base, targets, shanghai12333UnitCosts2020,
 *   { seatRentalYuan: [45e6, 50e6], assumptions: { volume: [0.9] } },
 *   { buying: { staffPerSeat: 407 / 359, shrinkage: 0.3 }, seed: 1, replications: 2, workers: 0 });
 * rows.map((r) => [r.totalYuan, r.assumption, r.factor]);
 * // => [[49137700, 'baseline', 1], [49137700, 'volume', 0.9], [54137700, 'baseline', 1], [54137700, 'volume', 0.9]]
 */
export async function sweep(
  base: Scenario,
  targets: TargetSet,
  unitCosts: UnitCosts,
  grid: SweepGrid,
  options: SweepOptions,
): Promise<SweepRow[]> {
  const fn = 'sweep';
  grid.seatRentalYuan.forEach((yuan, i) => requireNonNegativeFinite(fn, `grid.seatRentalYuan[${i}]`, yuan));
  const seatsList = grid.seats ?? [null];
  seatsList.forEach((seats, i) => {
    if (seats !== null) requireNonNegativeInteger(fn, `grid.seats[${i}]`, seats);
  });
  requireNonNegativeInteger(fn, 'options.seed', options.seed);
  requirePositiveInteger(fn, 'options.replications', options.replications);
  if (options.pool === undefined) requireNonNegativeInteger(fn, 'options.workers', options.workers ?? 2);
  const definition = options.answerRateDefinition ?? 'perAttempt';
  const level = options.level ?? 0.95;

  const variants: { assumption: Assumption | 'baseline'; factor: number; scenario: Scenario }[] = [
    { assumption: 'baseline', factor: 1, scenario: base },
  ];
  for (const [assumption, factors] of Object.entries(grid.assumptions ?? {}) as [
    Assumption,
    readonly number[],
  ][]) {
    for (const factor of factors) {
      variants.push({ assumption, factor, scenario: varyAssumption(base, assumption, factor) });
    }
  }
  const shape = agentsPerInterval(base);
  const openDaysYear = (options.buying.openHoursYear ?? 24 * 366) / 24;
  const points: (Omit<
    SweepRow,
    'replications' | 'answerRate' | 'serviceLevel' | 'abandonRate' | 'asaSeconds' | 'probability'
  > & {
    scenario: Scenario;
  })[] = [];
  for (const seatRentalYuan of grid.seatRentalYuan) {
    const purchase = whatBudgetBuys(
      { seatRental: seatRentalYuan, managementFee: unitCosts.managementFeeYear },
      unitCosts,
      options.buying,
    );
    const agentHours = (purchase.agentHoursYear * base.days) / openDaysYear;
    for (const siteSeats of seatsList) {
      const seatsUsed = siteSeats === null ? purchase.seats : Math.min(siteSeats, purchase.seats);
      const scaled = scaleAgentsToHours(shape, base.intervalMinutes, agentHours, seatsUsed);
      for (const variant of variants) {
        points.push({
          seatRentalYuan,
          totalYuan: seatRentalYuan + unitCosts.managementFeeYear,
          siteSeats,
          seatsBought: purchase.seats,
          seatsUsed,
          staffOnPayroll: purchase.staffOnPayroll,
          scheduledAgentHours: scaled.scheduledAgentHours,
          assumption: variant.assumption,
          factor: variant.factor,
          scenario: { ...variant.scenario, agents: { kind: 'perInterval', counts: scaled.agents } },
        });
      }
    }
  }
  const jobs: ReplicationJob[] = points.flatMap((point) =>
    Array.from({ length: options.replications }, (_, replication) => ({
      scenario: point.scenario,
      seed: options.seed,
      replication,
    })),
  );
  const { pool, release } = borrowPool(fn, options, 2);
  let done = 0;
  let runs: ReplicationRun[];
  try {
    runs = await pool.run(jobs, () => {
      done++;
      options.onProgress?.(done, jobs.length);
    });
  } finally {
    await release();
  }
  return points.map(({ scenario, ...point }, index) => {
    const own = runs.slice(index * options.replications, (index + 1) * options.replications);
    const evaluation = evaluateRuns(own, scenario, targets, {
      seed: options.seed,
      answerRateDefinition: definition,
      level,
    });
    return {
      ...point,
      replications: options.replications,
      answerRate: evaluation.kpis.answerRate,
      serviceLevel: evaluation.kpis.serviceLevel,
      abandonRate: evaluation.kpis.abandonRate,
      asaSeconds: evaluation.kpis.asaSeconds,
      probability: evaluation.allTargets,
    };
  });
}

/** One point of the budget frontier (it fits `budgetFrontierChart`). */
export interface FrontierPoint {
  totalYuan: number;
  /** Seats the budget buys. */
  seats: number;
  /** Probability of meeting every target, with its Wilson interval. */
  probability: ProbabilityEstimate;
  /** Mean whole-horizon answer rate (null when no call was offered). */
  answerRate: number | null;
}

/**
 * The frontier of budget against the probability of meeting every target:
 * the rows of one assumption setting and one site-seats setting, by budget.
 * Under common random numbers (one seed for every row, as `sweep` runs them)
 * more budget never lowers it in practice.
 *
 * @param rows the rows of `sweep`
 * @param select which rows: an assumption and factor, and site seats. __Default value:__ the baseline with the seats bought
 * @returns one point per budget, cheapest first
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const rows = await sweep(base, targets, shanghai12333UnitCosts2020,
 *   { seatRentalYuan: [45e6, 50e6], assumptions: { volume: [0.9] } },
 *   { buying: { staffPerSeat: 407 / 359, shrinkage: 0.3 }, seed: 1, replications: 2, workers: 0 });
 * frontier(rows).map((p) => p.totalYuan); // => [49137700, 54137700] (the baseline rows, by budget)
 * await show(budgetFrontierChart(frontier(rows), { confidence: 0.9 }));
 */
export function frontier(
  rows: readonly SweepRow[],
  select: { assumption?: Assumption | 'baseline'; factor?: number; siteSeats?: number | null } = {},
): FrontierPoint[] {
  const assumption = select.assumption ?? 'baseline';
  const factor = select.factor ?? 1;
  const siteSeats = select.siteSeats ?? null;
  return rows
    .filter((row) => row.assumption === assumption && row.factor === factor && row.siteSeats === siteSeats)
    .sort((a, b) => a.totalYuan - b.totalYuan)
    .map((row) => ({
      totalYuan: row.totalYuan,
      seats: row.seatsBought,
      probability: row.probability,
      answerRate: row.answerRate?.mean ?? null,
    }));
}
