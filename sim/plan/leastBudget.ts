import { queueMetrics } from '../analytic/queueMetrics.js';
import type { BudgetLines, UnitCosts } from '../budget/types.js';
import { whatBudgetBuys, type BudgetPurchase, type BuyingOptions } from '../budget/whatBudgetBuys.js';
import { requireNonNegativeInteger, requirePositiveInteger, requireProbability } from '../core/validate.js';
import type { AnswerRateDefinition, TargetSet } from '../core/targets.js';
import { scenarioCalendar } from '../model/scenario.js';
import type { Kpis, Scenario } from '../model/types.js';
import { scenarioForBudget } from './budgetScenario.js';
import { evaluateRuns, meetsTargets, type PlanEvaluation, type ProbabilityEstimate } from './evaluatePlan.js';
import { formulaQueues } from './formulaQueues.js';
import { replicate } from './replicate.js';
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
   * Confidence level of the probability's Wilson interval, which decides when a
   * budget has been sampled enough, in (0, 1).
   *
   * __Default value:__ `0.95`
   */
  level?: number;
  /**
   * Replications added at a time to a budget whose interval still straddles p.
   *
   * __Default value:__ `8`
   */
  batchReplications?: number;
  /**
   * Most replications spent on one budget; once reached, the point estimate decides.
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
  /** Worker threads for `replicate` (0: in the calling thread). __Default value:__ as `replicate` */
  workers?: number;
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
  /** The bracket of seats still open: the answer lies in (lowSeats, highSeats]. */
  lowSeats: number;
  highSeats: number;
}

/** One budget judged by simulation. */
export interface BudgetEvaluation {
  seats: number;
  /** Seat rental plus management fee, yuan. */
  totalYuan: number;
  replications: number;
  /** Probability of meeting every target in every quarter, with its Wilson interval. */
  probability: ProbabilityEstimate;
  /** Whether the budget was judged to reach p (point estimate >= p once sampling stopped). */
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
  /** Its evaluation (every KPI, every target, every quarter). */
  evaluation: PlanEvaluation;
  /** Probability of meeting every target, with its interval (`evaluation.allTargets`). */
  probability: ProbabilityEstimate;
  /** The seats the analytic screen (Erlang A per interval, no redials) found enough. */
  analyticSeats: number;
  /** Every budget judged by simulation, in the order judged. */
  evaluations: BudgetEvaluation[];
  /** Replications run in all. */
  replications: number;
}

/** The seed of batch b: batch 0 is the seed itself; every budget uses the same batches (CRN). */
function batchSeed(seed: number, batch: number): number {
  return (seed + batch * 0x9e3779b1) % 4_294_967_296;
}

/** The budget lines that buy exactly `seats` seats. */
function budgetForSeats(seats: number, costPerSeatYear: number, managementFee: number): BudgetLines {
  return { seatRental: seats * costPerSeatYear, managementFee };
}

/** Quarter key (`YYYY-Qn`) of every interval of a scenario. */
function quarterOfIntervals(scenario: Scenario): string[] {
  const calendar = scenarioCalendar(scenario);
  return Array.from({ length: calendar.intervals }, (_, i) => {
    const date = new Date(calendar.startMs + i * calendar.intervalSeconds * 1000);
    return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  });
}

/**
 * Erlang A's view of a plan, quarter by quarter: each interval's stationary
 * queue (`formulaQueues`), its rates weighted by the interval's offered calls.
 * Redials, queues carried between intervals and day busyness are left out.
 */
function analyticMeets(
  scenario: Scenario,
  quarters: readonly string[],
  targets: TargetSet,
  definition: AnswerRateDefinition,
): boolean {
  const sums = new Map<
    string,
    { offered: number; answered: number; abandoned: number; within: number; wait: number }
  >();
  formulaQueues(scenario).forEach((queue, i) => {
    const key = quarters[i] ?? '';
    const sum = sums.get(key) ?? { offered: 0, answered: 0, abandoned: 0, within: 0, wait: 0 };
    if (queue.arrivalsPerHour > 0) {
      const m = queueMetrics(queue);
      const calls = queue.arrivalsPerHour;
      sum.offered += calls;
      sum.answered += calls * m.answerRate;
      sum.abandoned += calls * m.abandonRate;
      sum.within += calls * m.serviceLevel;
      sum.wait += calls * m.answerRate * m.asaSeconds;
    }
    sums.set(key, sum);
  });
  for (const sum of sums.values()) {
    if (sum.offered === 0) continue;
    const answerRate = sum.answered / sum.offered;
    const kpis: Kpis = {
      answerRate,
      callerAnswerRate: answerRate,
      answerRateIncludingSelfService: answerRate,
      abandonRate: sum.abandoned / sum.offered,
      blockRate: null,
      probWait: null,
      serviceLevel: sum.within / sum.offered,
      serviceLevelOfAnswered: sum.answered > 0 ? sum.within / sum.answered : null,
      serviceLevelExcludingShortAbandons: null,
      asaSeconds: sum.answered > 0 ? sum.wait / sum.answered : null,
      meanWaitSeconds: null,
      occupancy: null,
      meanQueueLength: null,
      satisfaction: null,
      complaintRate: null,
      qaPassRate: null,
    };
    if (!meetsTargets(kpis, targets, scenario.answerWithinSeconds, definition)) return false;
  }
  return true;
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
 * 1. Screen: bisection on seats with Erlang A per interval (`formulaQueues`,
 *    no redials) gives `analyticSeats`, a cheap first guess.
 * 2. Bracket: simulate at 1.25x and 0.8x that guess, widening by those
 *    factors until the upper budget reaches p and the lower does not.
 * 3. Bisection on seats by simulation under common random numbers: every
 *    budget runs the same seeds (batch b of `batchReplications` replications
 *    has seed `seed + b x 0x9e3779b1`, mod 2^32), so two budgets differ only by
 *    their staffing. Sequential sampling: a budget gets batches while the
 *    Wilson interval of its probability straddles p, up to `maxReplications`;
 *    then the point estimate decides. Budgets far from the answer are
 *    settled after one batch.
 *
 * The answer is reproducible for a seed (and independent of `workers`). Only
 * a monotone search is made: the answer is the least budget judged to reach p
 * whose next seat down was judged not to.
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
  const batch = options.batchReplications ?? 8;
  requirePositiveInteger(fn, 'options.batchReplications', batch);
  const maxReplications = Math.max(batch, options.maxReplications ?? 40);
  requirePositiveInteger(fn, 'options.maxReplications', maxReplications);
  const definition = options.answerRateDefinition ?? 'perAttempt';
  const managementFee = unitCosts.managementFeeYear;
  const { costPerSeatYear } = whatBudgetBuys({ seatRental: 0, managementFee }, unitCosts, options.buying);
  const planFor = (seats: number) =>
    scenarioForBudget(base, budgetForSeats(seats, costPerSeatYear, managementFee), unitCosts, options.buying);

  let replicationsDone = 0;
  const evaluations: BudgetEvaluation[] = [];
  let low = 0;
  let high = 0;
  const report = (phase: LeastBudgetProgress['phase'], seats: number): void =>
    options.onProgress?.({
      phase,
      seats,
      replicationsDone,
      evaluationsDone: evaluations.length,
      lowSeats: low,
      highSeats: high,
    });

  // 1. Analytic screen.
  const quarters = quarterOfIntervals(base);
  const analyticOk = (seats: number): boolean => {
    report('screen', seats);
    return analyticMeets(planFor(seats).scenario, quarters, targets, definition);
  };
  const seatsCap = options.maxSeats;
  if (seatsCap !== undefined) requirePositiveInteger(fn, 'options.maxSeats', seatsCap);
  let screenHigh = 1;
  while (!analyticOk(screenHigh) && screenHigh < (seatsCap ?? 1 << 20)) screenHigh *= 2;
  let screenLow = 0;
  while (screenHigh - screenLow > 1) {
    const mid = Math.floor((screenLow + screenHigh) / 2);
    if (analyticOk(mid)) screenHigh = mid;
    else screenLow = mid;
  }
  const analyticSeats = screenHigh;
  const maxSeats = seatsCap ?? Math.max(8, 4 * analyticSeats);

  // 2-3. Simulation under common random numbers, with sequential sampling.
  const judged = new Map<number, { meets: boolean; evaluation: PlanEvaluation }>();
  const simulateSeats = async (seats: number): Promise<boolean> => {
    const known = judged.get(seats);
    if (known !== undefined) return known.meets;
    const { scenario } = planFor(seats);
    const runs: ReplicationRun[] = [];
    let evaluation: PlanEvaluation | undefined;
    for (let b = 0; runs.length < maxReplications; b++) {
      const count = Math.min(batch, maxReplications - runs.length);
      const result = await replicate(scenario, {
        replications: count,
        seed: batchSeed(options.seed, b),
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
        onProgress: () => {
          replicationsDone++;
          report('simulate', seats);
        },
      });
      runs.push(...result.runs);
      evaluation = evaluateRuns(runs, scenario, targets, {
        seed: options.seed,
        answerRateDefinition: definition,
        level,
      });
      const { low: lo, high: hi } = evaluation.allTargets;
      if (hi < p || lo >= p) break;
    }
    const settled = evaluation as PlanEvaluation;
    const meets = settled.allTargets.probability >= p;
    judged.set(seats, { meets, evaluation: settled });
    evaluations.push({
      seats,
      totalYuan: seats * costPerSeatYear + managementFee,
      replications: runs.length,
      probability: settled.allTargets,
      meets,
    });
    report('simulate', seats);
    return meets;
  };

  high = Math.min(maxSeats, Math.max(1, Math.ceil(analyticSeats * 1.25)));
  low = Math.floor(analyticSeats * 0.8);
  let found = true;
  while (!(await simulateSeats(high))) {
    low = high;
    if (high >= maxSeats) {
      found = false;
      break;
    }
    high = Math.min(maxSeats, Math.ceil(high * 1.25));
  }
  if (found) {
    while (low > 0 && (await simulateSeats(low))) {
      high = low;
      low = Math.floor(low * 0.8);
    }
    if (low === 0 && (await simulateSeats(0))) high = 0;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (await simulateSeats(mid)) high = mid;
      else low = mid;
    }
  }
  const seats = high;
  const plan = planFor(seats);
  const evaluation = (judged.get(seats) as { evaluation: PlanEvaluation }).evaluation;
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
