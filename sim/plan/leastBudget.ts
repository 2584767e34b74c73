import type { BudgetLines, UnitCosts } from '../budget/types.js';
import { whatBudgetBuys, type BudgetPurchase, type BuyingOptions } from '../budget/whatBudgetBuys.js';
import { requireNonNegativeInteger, requirePositiveInteger, requireProbability } from '../core/validate.js';
import type { AnswerRateDefinition, TargetSet } from '../core/targets.js';
import { kpisOf } from '../model/kpis.js';
import type { Scenario } from '../model/types.js';
import { normalQuantile } from '../model/distributions.js';
import { scenarioForBudget } from './budgetScenario.js';
import {
  evaluateRuns,
  meetsTargets,
  targetMargin,
  wilsonInterval,
  type PlanEvaluation,
  type ProbabilityEstimate,
} from './evaluatePlan.js';
import { analyticQuarterKpis, quarterOfIntervals } from './analyticQuarters.js';
import { borrowPool, type ReplicationPool } from './replicationPool.js';
import { varyAssumption } from './sensitivity.js';
import type { ReplicationRun } from './runReplication.js';

/** Options of `leastBudget`. */
export interface LeastBudgetOptions {
  /** How money becomes seats, staff and agent-hours (`whatBudgetBuys`). */
  buying: BuyingOptions;
  /** The seed shared by every budget tried (common random numbers), a non-negative integer. */
  seed: number;
  /**
   * The probability p of meeting every target (in every quarter) that the budget must reach, in (0, 1).
   *
   * __Default value:__ `0.9`
   */
  confidence?: number;
  /**
   * Confidence level of the probability's Wilson interval, which decides when
   * the answer has been sampled enough, in (0, 1).
   *
   * __Default value:__ `0.95`
   */
  level?: number;
  /**
   * Replications in the first set, and added at a time while the answer's
   * Wilson interval still straddles p.
   *
   * __Default value:__ `4`
   */
  batchReplications?: number;
  /**
   * Most replications in the set; once reached, the point estimate decides.
   *
   * __Default value:__ `40`
   */
  maxReplications?: number;
  /**
   * Most seats the search may buy.
   *
   * __Default value:__ four times the analytic screen's answer, and at least 8
   */
  maxSeats?: number;
  /** Worker threads (0: in the calling thread). __Default value:__ 2 */
  workers?: number;
  /** Where the replications run, left open (see `replicate`). __Default value:__ `workers` worker threads opened for the call */
  pool?: ReplicationPool;
  /** Which answer rate the targets use. __Default value:__ `'perAttempt'` */
  answerRateDefinition?: AnswerRateDefinition;
  /** Called after every replication and every budget judged. __Default value:__ none */
  onProgress?: (progress: LeastBudgetProgress) => void;
}

/** Where `leastBudget` stands; `replicationsDone` only grows. */
export interface LeastBudgetProgress {
  phase: 'screen' | 'simulate';
  /** Seats of the budget being judged. */
  seats: number;
  /** Replications run so far, over every budget. */
  replicationsDone: number;
  /** Budgets judged by simulation so far. */
  evaluationsDone: number;
  /**
   * The bracket of seats for the current set of replications: `lowSeats` was
   * judged not to reach p, `highSeats` to reach it (-1 and `maxSeats + 1` while unknown).
   */
  lowSeats: number;
  highSeats: number;
  /** Replications in the current set (it grows by `batchReplications` up to `maxReplications`). */
  replicationSet: number;
}

/** One budget judged by simulation. */
export interface BudgetEvaluation {
  seats: number;
  /** Seat rental plus management fee, yuan. */
  totalYuan: number;
  /** Replications in the set it was judged on. */
  replications: number;
  /** Replications simulated at this budget (the others' outcome follows from another budget under common random numbers). */
  simulated: number;
  /**
   * Probability of meeting every target in every quarter, with its Wilson
   * interval. A replication not simulated at this budget counts as another
   * budget implies (it passed with less, or failed with more); when one seat
   * less is checked, those still unknown count in its favour, so a failure
   * holds whatever they would give.
   */
  probability: ProbabilityEstimate;
  /** Whether the budget was judged to reach p (point estimate >= p). */
  meets: boolean;
}

/** What `leastBudget` answers. */
export interface LeastBudgetResult {
  /** False when even `maxSeats` does not reach p; the fields then describe `maxSeats`. */
  found: boolean;
  /** The least budget: seat rental for the seats bought, and the unit costs' management fee, yuan. */
  budget: BudgetLines;
  totalYuan: number;
  purchase: BudgetPurchase;
  /** The plan: the base scenario staffed with what the budget buys (`scenarioForBudget`). */
  scenario: Scenario;
  /** Its evaluation from every replication of the set, each simulated at this budget. */
  evaluation: PlanEvaluation;
  /** Probability of meeting every target, with its interval (`evaluation.allTargets`). */
  probability: ProbabilityEstimate;
  /** The seats the analytic screen (Erlang A per interval with redials at equilibrium, per quarter) found enough. */
  analyticSeats: number;
  /** Every budget judgment, in the order made (a budget is judged again when the set grows). */
  evaluations: BudgetEvaluation[];
  /** Replications run in all, over every budget. */
  replications: number;
}

/** The budget lines that buy exactly `seats` seats. */
function budgetForSeats(seats: number, costPerSeatYear: number, managementFee: number): BudgetLines {
  return { seatRental: seats * costPerSeatYear, managementFee };
}

/**
 * The p-quantile of the forecast-error multiplier (gamma, mean 1, CV `cv`),
 * by the Wilson-Hilferty cube-root approximation (a first guess for the
 * screen only; the simulation draws the multiplier itself).
 */
function forecastQuantile(cv: number, p: number): number {
  if (!(cv > 0)) return 1;
  const shape = 1 / (cv * cv);
  const c = 1 / (9 * shape);
  return Math.max(0, (1 - c + normalQuantile(p) * Math.sqrt(c)) ** 3);
}

/** What one replication gave at one budget. */
interface Outcome {
  meets: boolean;
  /** `targetMargin` of its quarters. */
  margin: number;
  run: ReplicationRun;
}

/**
 * Where replication r starts to meet the targets, guessed from its outcomes
 * (seats -> outcome) and a slope of margin per seat: the zero of the margin,
 * interpolated between the two budgets nearest to it (or extrapolated with the
 * slope), as whole seats, kept inside what is known (above the most seats that
 * failed, at most the fewest seats that passed).
 */
function guessThreshold(outcomes: ReadonlyMap<number, Outcome>, slope: number): number {
  let failedAt = -1;
  let passedAt = Infinity;
  for (const [seats, outcome] of outcomes) {
    if (outcome.meets) passedAt = Math.min(passedAt, seats);
    else failedAt = Math.max(failedAt, seats);
  }
  const points = [...outcomes].map(([seats, o]) => ({ seats, margin: o.margin }));
  points.sort((a, b) => Math.abs(a.margin) - Math.abs(b.margin) || a.seats - b.seats);
  const first = points[0];
  let guess = failedAt + 1;
  if (first !== undefined && Number.isFinite(first.margin)) {
    const second = points.find((q) => q.seats !== first.seats && Number.isFinite(q.margin));
    let own =
      second === undefined ? Number.NaN : (second.margin - first.margin) / (second.seats - first.seats);
    if (!(own > 0)) own = slope;
    if (own > 0) guess = Math.floor(first.seats - first.margin / own) + 1;
    else guess = first.margin > 0 ? first.seats : first.seats + 1;
  }
  return Math.min(Math.max(guess, failedAt + 1), passedAt);
}

/**
 * The least budget whose plan meets every target the simulator measures, in
 * every quarter, with probability at least p (`confidence`).
 *
 * The budget is searched in whole seats: n seats cost n seat-years
 * (`whatBudgetBuys`' cost per seat-year, with their staff and hires) plus the
 * unit costs' management fee, and staff the base scenario by
 * `scenarioForBudget` (more seats never take an agent from any interval).
 *
 * 1. Screen: bisection on seats with the formulas per interval (Erlang A, with
 *    redials at equilibrium when the scenario has them), aggregated per
 *    quarter as the targets are, gives `analyticSeats`, the first budget tried.
 *    With a forecast error on the volume (`volumeForecastCv`), the screen
 *    sizes for the volume's p-quantile; the simulation then draws the
 *    multiplier in each replication, so the answer covers the forecast error
 *    with probability p as well as the daily busyness.
 * 2. A fixed set of replications (replication r is
 *    `simulate(plan, { seed, replication: r })` whatever the budget: common
 *    random numbers) starts with `batchReplications`. Every replication of the
 *    set is simulated at the budget tried, unless it already passed with less
 *    or failed with more (see below); if fewer than p of them meet the
 *    targets, the next budget is the one where p of them are guessed to meet
 *    (each replication's target margin, `targetMargin`, interpolated in seats:
 *    under common random numbers it moves smoothly with the staffing, so two
 *    budgets per replication place its threshold within a seat).
 * 3. When a budget reaches p, one seat less is checked with as few runs as
 *    the decision needs: under common random numbers a replication that fails
 *    at a budget fails with less, so only replications that passed are run one
 *    seat down, closest to failing first, until enough fail.
 * 4. One-sided sequential test: while the answer's Wilson interval straddles
 *    p, `batchReplications` more replications join the set (up to
 *    `maxReplications`, where the point estimate decides) and steps 2-3 run
 *    again, from the answer so far.
 *
 * So replications are spent where the decision is close, and a budget far from
 * it costs one batch. The answer is reproducible for a seed and independent
 * of `workers`; the search is monotone: the answer reaches p on the final set,
 * one seat less was judged on the same set not to, and the answer's
 * evaluation simulates every replication of the set at it. The inference in step 3 assumes that a replication that
 * fails with a budget also fails with less (common random numbers make this
 * hold in practice; `test/plan/leastBudget.test.ts` checks it).
 *
 * @param base the scenario whose per-interval agents give the staffing's shape
 * @param targets the target set
 * @param unitCosts unit costs, yuan
 * @param options buying rule, seed, p, sampling, workers and progress
 * @returns the budget, its plan, its evaluation and every budget judged
 * @throws {RangeError} when an argument is out of range
 * @example
 * const answer = await leastBudget(base, targets, shanghai12333UnitCosts2020, {
 *   buying: { staffPerSeat: 407 / 359, shrinkage: 0.3 },
 *   seed: 1,
 *   confidence: 0.9,
 * });
 * answer.totalYuan; // the least budget, yuan
 */
export async function leastBudget(
  base: Scenario,
  targets: TargetSet,
  unitCosts: UnitCosts,
  options: LeastBudgetOptions,
): Promise<LeastBudgetResult> {
  const fn = 'leastBudget';
  const p = options.confidence ?? 0.9;
  requireProbability(fn, 'options.confidence', p);
  const level = options.level ?? 0.95;
  requireProbability(fn, 'options.level', level);
  requireNonNegativeInteger(fn, 'options.seed', options.seed);
  const batch = options.batchReplications ?? 4;
  requirePositiveInteger(fn, 'options.batchReplications', batch);
  const maxReplications = Math.max(batch, options.maxReplications ?? 40);
  requirePositiveInteger(fn, 'options.maxReplications', maxReplications);
  if (options.pool === undefined) requireNonNegativeInteger(fn, 'options.workers', options.workers ?? 2);
  const definition = options.answerRateDefinition ?? 'perAttempt';
  const managementFee = unitCosts.managementFeeYear;
  const { costPerSeatYear } = whatBudgetBuys({ seatRental: 0, managementFee }, unitCosts, options.buying);
  const plans = new Map<number, Scenario>();
  const planFor = (seats: number): Scenario => {
    let plan = plans.get(seats);
    if (plan === undefined) {
      plan = scenarioForBudget(
        base,
        budgetForSeats(seats, costPerSeatYear, managementFee),
        unitCosts,
        options.buying,
      ).scenario;
      plans.set(seats, plan);
    }
    return plan;
  };

  let replicationsDone = 0;
  const evaluations: BudgetEvaluation[] = [];
  let low = -1;
  let high = Infinity;
  let n = Math.min(batch, maxReplications);
  const report = (phase: LeastBudgetProgress['phase'], seats: number): void =>
    options.onProgress?.({
      phase,
      seats,
      replicationsDone,
      evaluationsDone: evaluations.length,
      lowSeats: low,
      highSeats: Number.isFinite(high) ? high : -1,
      replicationSet: n,
    });

  // 1. Analytic screen, at the volume's p-quantile when the forecast is uncertain.
  const quarters = quarterOfIntervals(base);
  const volumeFactor = forecastQuantile(base.volumeForecastCv ?? 0, p);
  const analyticMargin = (seats: number): { meets: boolean; margin: number } => {
    report('screen', seats);
    const plan = planFor(seats);
    const kpis = analyticQuarterKpis(
      volumeFactor === 1 || base.arrivals.kind === 'at' ? plan : varyAssumption(plan, 'volume', volumeFactor),
      quarters,
    );
    return {
      meets: kpis.every((k) => meetsTargets(k, targets, base.answerWithinSeconds, definition)),
      margin: targetMargin(kpis, targets, base.answerWithinSeconds, definition),
    };
  };
  const seatsCap = options.maxSeats;
  if (seatsCap !== undefined) requirePositiveInteger(fn, 'options.maxSeats', seatsCap);
  let screenHigh = 1;
  while (!analyticMargin(screenHigh).meets && screenHigh < (seatsCap ?? 1 << 20)) screenHigh *= 2;
  let screenLow = 0;
  while (screenHigh - screenLow > 1) {
    const mid = Math.floor((screenLow + screenHigh) / 2);
    if (analyticMargin(mid).meets) screenHigh = mid;
    else screenLow = mid;
  }
  const analyticSeats = seatsCap === undefined ? screenHigh : Math.min(screenHigh, seatsCap);
  const maxSeats = seatsCap ?? Math.max(8, 4 * analyticSeats);
  // The formulas' margin per seat near their answer: the slope used until replications give their own.
  const step = Math.max(1, Math.round(analyticSeats * 0.02));
  const analyticSlope =
    (analyticMargin(analyticSeats + step).margin - analyticMargin(Math.max(0, analyticSeats - step)).margin) /
    (analyticSeats + step - Math.max(0, analyticSeats - step));

  // 2-4. Simulation under common random numbers.
  const outcomes: Map<number, Outcome>[] = [];
  const outcomeOf = (r: number): Map<number, Outcome> => {
    let map = outcomes[r];
    if (map === undefined) {
      map = new Map();
      outcomes[r] = map;
    }
    return map;
  };
  /** Does replication r meet the targets at `seats`: simulated, or implied by another budget (monotone). */
  const knownAt = (r: number, seats: number): boolean | undefined => {
    const map = outcomeOf(r);
    const direct = map.get(seats);
    if (direct !== undefined) return direct.meets;
    for (const [s, o] of map) {
      if (o.meets && s <= seats) return true;
      if (!o.meets && s >= seats) return false;
    }
    return undefined;
  };
  const { pool, release } = borrowPool(fn, options, 2);
  const simulate = async (seats: number, replications: readonly number[]): Promise<void> => {
    const scenario = planFor(seats);
    report('simulate', seats);
    const runs = await pool.run(
      replications.map((replication) => ({ scenario, seed: options.seed, replication })),
      () => {
        replicationsDone++;
        report('simulate', seats);
      },
    );
    runs.forEach((run, i) => {
      const quarterKpis = run.quarters.map((row) => kpisOf(row));
      outcomeOf(replications[i] as number).set(seats, {
        meets: quarterKpis.every((k) => meetsTargets(k, targets, base.answerWithinSeconds, definition)),
        margin: targetMargin(quarterKpis, targets, base.answerWithinSeconds, definition),
        run,
      });
    });
  };
  const judge = (seats: number, successes: number, simulated: number, meets: boolean): void => {
    const last = evaluations.at(-1);
    if (last?.seats === seats && last.replications === n && last.probability.successes === successes) return;
    evaluations.push({
      seats,
      totalYuan: seats * costPerSeatYear + managementFee,
      replications: n,
      simulated,
      probability: wilsonInterval(successes, n, level),
      meets,
    });
    report('simulate', seats);
  };
  const need = (): number => Math.max(1, Math.ceil(p * n - 1e-9));
  const set = (): number[] => Array.from({ length: n }, (_, r) => r);
  /** The seats at which p of the set is guessed to meet the targets. */
  const guess = (): number => {
    const slopes: number[] = [];
    for (const r of set()) {
      const points = [...outcomeOf(r)].filter(([, o]) => Number.isFinite(o.margin));
      points.sort((a, b) => Math.abs(a[1].margin) - Math.abs(b[1].margin));
      const [a, b] = points;
      if (a !== undefined && b !== undefined) {
        const slope = (a[1].margin - b[1].margin) / (a[0] - b[0]);
        if (slope > 0) slopes.push(slope);
      }
    }
    slopes.sort((x, y) => x - y);
    const slope = slopes.length > 0 ? (slopes[Math.floor(slopes.length / 2)] as number) : analyticSlope;
    const thresholds = set()
      .map((r) => guessThreshold(outcomeOf(r), slope))
      .sort((x, y) => x - y);
    return thresholds[need() - 1] ?? analyticSeats;
  };

  let seats = Math.min(analyticSeats, maxSeats);
  let found = true;
  try {
    for (;;) {
      // 2. Every replication of the set at this budget, unless another budget already tells.
      const missing = set().filter((r) => knownAt(r, seats) === undefined);
      if (missing.length > 0) await simulate(seats, missing);
      const passes = set().filter((r) => knownAt(r, seats) === true).length;
      const simulatedHere = set().filter((r) => outcomeOf(r).has(seats)).length;
      if (passes < need()) {
        judge(seats, passes, simulatedHere, false);
        low = Math.max(low, seats);
        if (seats >= maxSeats) {
          found = false;
          break;
        }
        const next = Math.max(seats + 1, Math.min(guess(), Math.ceil(seats * 1.25) + 1));
        seats = Math.min(maxSeats, high, next);
        if (seats <= low) seats = low + 1;
        continue;
      }
      judge(seats, passes, simulatedHere, true);
      high = Math.min(high, seats);
      // 3. One seat less: enough failures, closest to failing first.
      if (seats > 0 && low < seats - 1) {
        const below = seats - 1;
        const failsNeeded = n - need() + 1;
        let fails = set().filter((r) => knownAt(r, below) === false).length;
        const open = set()
          .filter((r) => knownAt(r, below) === undefined)
          .sort(
            (a, b) =>
              (outcomeOf(a).get(seats)?.margin ?? 0) - (outcomeOf(b).get(seats)?.margin ?? 0) || a - b,
          );
        let ran = set().filter((r) => outcomeOf(r).has(below)).length;
        while (fails < failsNeeded && open.length > 0) {
          const chunk = open.splice(0, Math.max(2, failsNeeded - fails));
          await simulate(below, chunk);
          ran += chunk.length;
          fails += chunk.filter((r) => outcomeOf(r).get(below)?.meets === false).length;
        }
        if (fails < failsNeeded) {
          // One seat less reaches p too: go down, to the guess if it is lower.
          judge(below, n - fails, ran, true);
          high = below;
          seats = Math.max(low + 1, Math.min(below, Math.max(guess(), Math.floor(seats * 0.8))));
          continue;
        }
        judge(below, n - fails, ran, false);
        low = below;
      }
      // 4. Sequential: more replications while the interval straddles p.
      const estimate = wilsonInterval(passes, n, level);
      if (estimate.low >= p || estimate.high < p || n >= maxReplications) break;
      n = Math.min(maxReplications, n + batch);
      low = -1;
      high = Infinity;
    }
    // The answer's evaluation rests on every replication of the set simulated at it.
    const unsimulated = set().filter((r) => !outcomeOf(r).has(seats));
    if (unsimulated.length > 0) await simulate(seats, unsimulated);
  } finally {
    await release();
  }
  const plan = scenarioForBudget(
    base,
    budgetForSeats(seats, costPerSeatYear, managementFee),
    unitCosts,
    options.buying,
  );
  const runs = set().map((r) => (outcomeOf(r).get(seats) as Outcome).run);
  const evaluation = evaluateRuns(runs, plan.scenario, targets, {
    seed: options.seed,
    answerRateDefinition: definition,
    level,
  });
  return {
    found,
    budget: budgetForSeats(seats, costPerSeatYear, managementFee),
    totalYuan: seats * costPerSeatYear + managementFee,
    purchase: plan.purchase,
    scenario: plan.scenario,
    evaluation,
    probability: evaluation.allTargets,
    analyticSeats,
    evaluations,
    replications: replicationsDone,
  };
}
