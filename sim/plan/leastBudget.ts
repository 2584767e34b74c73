import type { BudgetLines, UnitCosts } from '../budget/types.js';
import { whatBudgetBuys, type BudgetPurchase, type BuyingOptions } from '../budget/whatBudgetBuys.js';
import { formatNumber, formatPercent } from '../core/format.js';
import { requireNonNegativeInteger, requirePositiveInteger, requireProbability } from '../core/validate.js';
import type { AnswerRateDefinition, TargetSet } from '../core/targets.js';
import { kpisOf } from '../model/kpis.js';
import { agentsPerInterval } from '../model/scenario.js';
import type { Scenario } from '../model/types.js';
import {
  checkIndifferenceZoneTest,
  defaultDelta,
  SequentialTest,
  sequentialOperatingCharacteristic,
  type IndifferenceZoneTest,
} from '../stats/sequentialTest.js';
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
import { analyticQuarterKpis, quarterOfIntervals, type SolvedQueue } from './analyticQuarters.js';
import { borrowPool, type ReplicationPool } from './replicationPool.js';
import { expectedCapacity, screenPlan } from './screenCapacity.js';
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
   * Half-width delta of the indifference zone of the sequential test that judges
   * each budget: a budget whose probability is p - delta or less should be judged
   * short, p + delta or more judged to reach p (see `SequentialTest`).
   *
   * __Default value:__ `0.05` (less for p within 0.1 of 0 or 1: `defaultDelta`)
   */
  indifference?: number;
  /**
   * Nominal error rate of the test's boundaries, on both sides (Wald's alpha = beta),
   * in (0, 0.5). The actual rates, with the cap, are in the result (`test`).
   *
   * __Default value:__ `0.1`
   */
  errorRate?: number;
  /**
   * Confidence level of the Wilson interval reported with each probability, in (0, 1).
   *
   * __Default value:__ `0.95`
   */
  level?: number;
  /**
   * Replications simulated at a time for a budget being judged (the test then reads
   * them in order and stops at its verdict).
   *
   * __Default value:__ `4`
   */
  batchReplications?: number;
  /**
   * Most replications the test reads for one budget; at this cap an undecided test
   * is judged by the sign of its log-likelihood ratio.
   *
   * __Default value:__ `60`
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
   * The bracket of seats: `lowSeats` was judged not to reach p, `highSeats` to
   * reach it (-1 while unknown).
   */
  lowSeats: number;
  highSeats: number;
  /** Replications the test has read so far for the budget being judged. */
  replicationSet: number;
}

/** One budget judged by simulation. */
export interface BudgetEvaluation {
  seats: number;
  /** Seat rental plus management fee, yuan. */
  totalYuan: number;
  /** Replications the sequential test read for this budget (replications 0, 1, ... in order). */
  replications: number;
  /** Replications simulated at this budget (the others' outcome follows from another budget under common random numbers). */
  simulated: number;
  /**
   * Probability of meeting every target in every quarter over the replications
   * the test read, with its Wilson interval. A replication not simulated at this
   * budget counts as another budget implies (it passed with less, or failed with more).
   */
  probability: ProbabilityEstimate;
  /** Whether the test judged that the budget reaches p. */
  meets: boolean;
  /** Whether the test stopped on a boundary (false: judged at the cap by the sign of its ratio). */
  decidedByBoundary: boolean;
}

/**
 * The budget one seat below the answer, read on the answer's own replications
 * (0 .. n-1, the same random numbers), so that the difference between the two
 * is a paired comparison and not the noise of two different samples.
 */
export interface OneSeatLess {
  seats: number;
  /** Seat rental plus management fee, yuan. */
  totalYuan: number;
  /** The answer's replications, read here too. */
  replications: number;
  /** Of those, the replications simulated at this budget (the others follow from another budget, as in the search). */
  simulated: number;
  /** Probability of meeting every target in every quarter over those replications, with its Wilson interval. */
  probability: ProbabilityEstimate;
  /** Replications the sequential test had read when it judged this budget short. */
  judgedShortAfter: number;
}

/** The statistical rule that judged each budget, with its error rates. */
export interface LeastBudgetTest extends IndifferenceZoneTest {
  /** Probability that a budget whose true probability is p - delta is judged to reach p (exact, with the cap). */
  reachesAtLow: number;
  /** Probability that a budget whose true probability is p + delta is judged short. */
  shortAtHigh: number;
  /** Expected replications read for a budget whose true probability is p. */
  expectedReplicationsAtP: number;
}

/** The sequential test as results write it (JSON, workbooks, the report): its cap named `maxReplications`. */
export interface LeastBudgetTestJson {
  p: number;
  delta: number;
  alpha: number;
  beta: number;
  /** Most replications read for one budget. */
  maxReplications: number;
  /** Probability that a budget at p - delta is judged to reach p. */
  reachesAtLow: number;
  /** Probability that a budget at p + delta is judged short. */
  shortAtHigh: number;
  /** Expected replications read for a budget at p. */
  expectedReplicationsAtP: number;
}

/**
 * The sequential test as results write it.
 *
 * @param test the test `leastBudget` used (`LeastBudgetResult.test`)
 * @returns its fields, the cap named `maxReplications`
 * @example
 * leastBudgetTestJson(leastBudgetTest({ maxReplications: 20 })).maxReplications; // => 20
 */
export function leastBudgetTestJson(test: LeastBudgetTest): LeastBudgetTestJson {
  return {
    p: test.p,
    delta: test.delta,
    alpha: test.alpha,
    beta: test.beta,
    maxReplications: test.maxTrials,
    reachesAtLow: test.reachesAtLow,
    shortAtHigh: test.shortAtHigh,
    expectedReplicationsAtP: test.expectedReplicationsAtP,
  };
}

/** What `leastBudget` answers. */
export interface LeastBudgetResult {
  /** False when even `maxSeats` is judged short; the fields then describe `maxSeats`. */
  found: boolean;
  /** The least budget: seat rental for the seats bought, and the unit costs' management fee, yuan. */
  budget: BudgetLines;
  totalYuan: number;
  purchase: BudgetPurchase;
  /** The plan: the base scenario staffed with what the budget buys (`scenarioForBudget`). */
  scenario: Scenario;
  /** Its evaluation from the replications the test read at it, each simulated at this budget. */
  evaluation: PlanEvaluation;
  /** Probability of meeting every target, with its interval (`evaluation.allTargets`). */
  probability: ProbabilityEstimate;
  /**
   * The seats the analytic screen found enough: Erlang A per interval with redials at
   * equilibrium, per quarter, on the agents the workforce and the faults leave on average.
   */
  analyticSeats: number;
  /**
   * One seat less, on the answer's replications (null when no answer was found
   * or the answer is 0 seats): what the last seat buys in probability.
   */
  oneSeatLess: OneSeatLess | null;
  /** Every budget judged, in the order judged. */
  evaluations: BudgetEvaluation[];
  /** Replications run in all, over every budget. */
  replications: number;
  /** The sequential test that judged each budget, with its actual error rates. */
  test: LeastBudgetTest;
}

/**
 * The sequential test `leastBudget` judges budgets with, and its actual error
 * rates with the cap (`sequentialOperatingCharacteristic`), from its options'
 * defaults.
 *
 * @param options p, the indifference zone, the error rate and the cap (defaults as `leastBudget`)
 * @returns the test with its error rates
 * @throws {RangeError} when a parameter is out of range
 * @example
 * const rule = leastBudgetTest({});
 * [rule.p, rule.delta, rule.alpha, rule.maxTrials]; // => [0.9, 0.05, 0.1, 60]
 * rule.reachesAtLow; // => 0.1258 (a budget at 85% judged to reach 90%)
 * rule.shortAtHigh; // => 0.08960 (a budget at 95% judged short)
 */
export function leastBudgetTest(
  options: Pick<LeastBudgetOptions, 'confidence' | 'indifference' | 'errorRate' | 'maxReplications'>,
): LeastBudgetTest {
  const p = options.confidence ?? 0.9;
  requireProbability('leastBudget', 'options.confidence', p);
  const alpha = options.errorRate ?? 0.1;
  const zone: IndifferenceZoneTest = {
    p,
    delta: options.indifference ?? defaultDelta(p),
    alpha,
    beta: alpha,
    maxTrials: options.maxReplications ?? 60,
  };
  checkIndifferenceZoneTest('leastBudget', zone);
  return {
    ...zone,
    reachesAtLow: sequentialOperatingCharacteristic(zone, zone.p - zone.delta).reaches,
    shortAtHigh: sequentialOperatingCharacteristic(zone, zone.p + zone.delta).short,
    expectedReplicationsAtP: sequentialOperatingCharacteristic(zone, zone.p).expectedTrials,
  };
}

/**
 * The least-budget rule in one sentence, with its error rates at the cap (what
 * `hotline plan --least` prints after "Rule:" and the report's least-budget
 * section states).
 *
 * @param test the rule and its error rates (`LeastBudgetTest`, or a copy that names its cap `maxReplications`)
 * @returns the sentence, percentages rounded to whole points and the error rates to a tenth
 * @example
 * const sentence = leastBudgetTestSentence(leastBudgetTest({}));
 * sentence.slice(0, sentence.indexOf(';'));
 * // => "each budget judged by a sequential test with an indifference zone (Wald's SPRT of P = 85% against P = 95%, boundaries at alpha = 10% and beta = 10%, at most 60 replications, then the sign of the likelihood ratio)"
 * sentence.slice(sentence.indexOf(';') + 2);
 * // => 'with the cap, a budget whose probability is 85% is judged to reach 90% with probability 12.6%, one at 95% judged short with probability 9.0%; a budget at 90% takes 37 replications on average'
 */
export function leastBudgetTestSentence(
  test: Pick<
    LeastBudgetTest,
    'p' | 'delta' | 'alpha' | 'beta' | 'reachesAtLow' | 'shortAtHigh' | 'expectedReplicationsAtP'
  > & { maxReplications?: number; maxTrials?: number },
): string {
  const pct = (x: number, digits = 0): string => formatPercent(x, digits);
  const cap = test.maxReplications ?? test.maxTrials ?? 0;
  return (
    `each budget judged by a sequential test with an indifference zone (Wald's SPRT of P = ${pct(test.p - test.delta)} ` +
    `against P = ${pct(test.p + test.delta)}, boundaries at alpha = ${pct(test.alpha)} and beta = ${pct(test.beta)}, ` +
    `at most ${cap} replications, then the sign of the likelihood ratio); with the cap, a budget whose probability is ` +
    `${pct(test.p - test.delta)} is judged to reach ${pct(test.p)} with probability ${pct(test.reachesAtLow, 1)}, one at ` +
    `${pct(test.p + test.delta)} judged short with probability ${pct(test.shortAtHigh, 1)}; a budget at ${pct(test.p)} ` +
    `takes ${formatNumber(test.expectedReplicationsAtP, 0)} replications on average`
  );
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

/** What the analytic screen of `leastBudget` found. */
export interface AnalyticScreen {
  /** The fewest seats whose plan the formulas judge to meet every target in every quarter (capped at `maxSeats`). */
  analyticSeats: number;
  /** The formulas' target margin per seat near that answer. */
  analyticSlope: number;
}

/**
 * The analytic screen of `leastBudget`: bisection on seats with the formulas
 * per interval (Erlang A, with redials at equilibrium when the scenario has
 * them; each interval's queue solved once over the whole screen), aggregated
 * per quarter as the targets are, from a bracket around the base's own peak of
 * agents, on the agents the simulator
 * will leave on average (`expectedCapacity`, `screenPlan`: the workforce's live
 * share and learning curve day by day, the seat-time the faults take), at the
 * volume's p-quantile when the scenario has a forecast error.
 *
 * @param base the base scenario (its workforce, faults and forecast error)
 * @param targets the target set
 * @param planFor the plan of a number of seats (`scenarioForBudget` of the seats' budget)
 * @param options the seed (the workforce years averaged), p, the answer-rate definition, a cap and a callback
 * @returns the seats and the margin per seat
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const buying = { staffPerSeat: 407 / 359, shrinkage: 0.3, openHoursYear: 48 };
 * const plans = (seats: number) => scenarioForBudget(scenario, { seatRental: seats * 141_874, managementFee: 0 }, shanghai12333UnitCosts2020, buying).scenario;
 * analyticScreen(scenario, targets, plans, { seed: 1, confidence: 0.9 }).analyticSeats; // => 6
 */
export function analyticScreen(
  base: Scenario,
  targets: TargetSet,
  planFor: (seats: number) => Scenario,
  options: {
    seed: number;
    confidence: number;
    answerRateDefinition?: AnswerRateDefinition;
    maxSeats?: number;
    onSeats?: (seats: number) => void;
  },
): AnalyticScreen {
  const definition = options.answerRateDefinition ?? 'perAttempt';
  const quarters = quarterOfIntervals(base);
  const volumeFactor = forecastQuantile(base.volumeForecastCv ?? 0, options.confidence);
  const capacity = expectedCapacity(base, options.seed);
  const solved = new Map<string, SolvedQueue>(); // each interval's queue solved once over the whole search
  const margins = new Map<number, { meets: boolean; margin: number }>();
  const analyticMargin = (seats: number): { meets: boolean; margin: number } => {
    const known = margins.get(seats);
    if (known !== undefined) return known;
    options.onSeats?.(seats);
    const plan = screenPlan(planFor(seats), capacity);
    const kpis = analyticQuarterKpis(
      volumeFactor === 1 || base.arrivals.kind === 'at' ? plan : varyAssumption(plan, 'volume', volumeFactor),
      quarters,
      solved,
    );
    const result = {
      meets: kpis.every((k) => meetsTargets(k, targets, base.answerWithinSeconds, definition)),
      margin: targetMargin(kpis, targets, base.answerWithinSeconds, definition),
    };
    margins.set(seats, result);
    return result;
  };
  const seatsCap = options.maxSeats;
  if (seatsCap !== undefined) requirePositiveInteger('leastBudget', 'options.maxSeats', seatsCap);
  const cap = seatsCap ?? 1 << 20;
  // Bracket from the base's own peak of agents (its seats, near the answer), widening by a
  // factor until the formulas pass above and fail below, then bisect.
  let screenHigh = Math.min(cap, Math.max(1, Math.max(0, ...agentsPerInterval(base))));
  let screenLow = 0;
  if (analyticMargin(screenHigh).meets) {
    let lower = Math.floor(screenHigh / 1.1);
    while (lower > 0 && analyticMargin(lower).meets) {
      screenHigh = lower;
      lower = Math.floor(lower / 1.1);
    }
    screenLow = lower;
  } else {
    screenLow = screenHigh;
    while (screenHigh < cap) {
      screenHigh = Math.min(cap, Math.ceil(screenHigh * 1.1) + 1);
      if (analyticMargin(screenHigh).meets) break;
      screenLow = screenHigh;
    }
  }
  while (screenHigh - screenLow > 1) {
    const mid = Math.floor((screenLow + screenHigh) / 2);
    if (analyticMargin(mid).meets) screenHigh = mid;
    else screenLow = mid;
  }
  const analyticSeats = seatsCap === undefined ? screenHigh : Math.min(screenHigh, seatsCap);
  const step = Math.max(1, Math.round(analyticSeats * 0.02));
  const analyticSlope =
    (analyticMargin(analyticSeats + step).margin - analyticMargin(Math.max(0, analyticSeats - step)).margin) /
    (analyticSeats + step - Math.max(0, analyticSeats - step));
  return { analyticSeats, analyticSlope };
}

/**
 * The least budget whose plan meets every target the simulator measures, in
 * every quarter, with probability at least p (`confidence`), each budget
 * judged by a stated statistical rule.
 *
 * The budget is searched in whole seats: n seats cost n seat-years
 * (`whatBudgetBuys`' cost per seat-year, with their staff and hires) plus the
 * unit costs' management fee, and staff the base scenario by
 * `scenarioForBudget` (more seats never take an agent from any interval).
 *
 * 1. Screen: bisection on seats with the formulas per interval (Erlang A, with
 *    redials at equilibrium when the scenario has them), aggregated per
 *    quarter as the targets are, on the agents the simulator will leave on
 *    average (`expectedCapacity`: the workforce's live share and learning curve
 *    day by day, the seat-time the faults take), gives `analyticSeats`, the
 *    first budget judged. With a forecast error on the volume
 *    (`volumeForecastCv`), the screen sizes for the volume's p-quantile.
 * 2. Each budget is judged by a sequential test with an indifference zone
 *    (`SequentialTest`: Wald's SPRT of P = p - delta against P = p + delta on
 *    whether a replication meets every target, boundaries at the error rate
 *    `errorRate` on both sides, truncated at `maxReplications`, where the sign of
 *    the log-likelihood ratio decides). It reads replications 0, 1, 2, ... in
 *    order (replication r is `simulate(plan, { seed, replication: r })` whatever
 *    the budget: common random numbers), simulating them `batchReplications` at a
 *    time, and stops at its verdict. A replication's outcome at a budget follows
 *    from another budget when it passed with fewer seats or failed with more
 *    (common random numbers make a replication's margin grow with the seats; the
 *    tests check it), and is then not simulated again.
 * 3. The search moves up from a budget judged short and down from one judged to
 *    reach p, to the seats where p of the replications so far are guessed to
 *    meet the targets (each replication's target margin, `targetMargin`,
 *    interpolated in seats), until a budget judged to reach p sits one seat above
 *    one judged short: the answer.
 * 4. One seat less is then read on the answer's own replications
 *    (`oneSeatLess`), so that what the last seat buys in probability is a paired
 *    difference, not the gap between a sample the test stopped early on and another.
 *
 * The rule's actual error rates, with the cap, are computed exactly and
 * returned (`test`): with the defaults (p 0.9, delta 0.05, error rate 0.1, at
 * most 60 replications), a budget whose probability is 0.85 is judged to reach
 * 0.9 with probability 0.126, one at 0.95 judged short with probability 0.090,
 * and a budget at 0.9 takes 37 replications on average. The answer is
 * reproducible for a seed and independent of `workers`; its evaluation
 * simulates every replication its test read, and reports the probability with
 * its Wilson interval.
 *
 * @param base the scenario whose per-interval agents give the staffing's shape
 * @param targets the target set
 * @param unitCosts unit costs, yuan
 * @param options buying rule, seed, p, the test, sampling, workers and progress
 * @returns the budget, its plan, its evaluation, every budget judged and the test
 * @throws {RangeError} when an argument is out of range
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const buying = { staffPerSeat: 407 / 359, shrinkage: 0.3, openHoursYear: 48 };
 * const answer = await leastBudget(scenario, targets, shanghai12333UnitCosts2020, {
 *   buying, seed: 1, confidence: 0.9, batchReplications: 2, maxReplications: 4, workers: 0,
 * });
 * [answer.found, answer.purchase.seats, answer.totalYuan]; // => [true, 6, 4988941.2]
 * answer.probability; // => { successes: 4, trials: 4, probability: 1, low: 0.5101, high: 1 }
 */
export async function leastBudget(
  base: Scenario,
  targets: TargetSet,
  unitCosts: UnitCosts,
  options: LeastBudgetOptions,
): Promise<LeastBudgetResult> {
  const fn = 'leastBudget';
  const rule = leastBudgetTest(options);
  const p = rule.p;
  const test = new SequentialTest(rule);
  const level = options.level ?? 0.95;
  requireProbability(fn, 'options.level', level);
  requireNonNegativeInteger(fn, 'options.seed', options.seed);
  const batch = options.batchReplications ?? 4;
  requirePositiveInteger(fn, 'options.batchReplications', batch);
  const maxReplications = rule.maxTrials;
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
  let read = 0;
  const report = (phase: LeastBudgetProgress['phase'], seats: number): void =>
    options.onProgress?.({
      phase,
      seats,
      replicationsDone,
      evaluationsDone: evaluations.length,
      lowSeats: low,
      highSeats: Number.isFinite(high) ? high : -1,
      replicationSet: read,
    });

  // 1. Analytic screen.
  const screen = analyticScreen(base, targets, planFor, {
    seed: options.seed,
    confidence: p,
    answerRateDefinition: definition,
    onSeats: (seats) => report('screen', seats),
    ...(options.maxSeats !== undefined ? { maxSeats: options.maxSeats } : {}),
  });
  const { analyticSeats, analyticSlope } = screen;
  const maxSeats = options.maxSeats ?? Math.max(8, 4 * analyticSeats);

  // 2-3. Simulation under common random numbers, each budget judged by the sequential test.
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
  const verdicts = new Map<number, BudgetEvaluation>();
  /** Judge a budget: the test reads replications in order, simulating those no other budget tells. */
  const judge = async (seats: number): Promise<BudgetEvaluation> => {
    const known = verdicts.get(seats);
    if (known !== undefined) return known;
    let successes = 0;
    for (let trial = 0; ; trial++) {
      read = trial;
      let outcome = knownAt(trial, seats);
      if (outcome === undefined) {
        const next: number[] = [];
        for (let r = trial; r < maxReplications && next.length < batch; r++) {
          if (knownAt(r, seats) === undefined) next.push(r);
        }
        await simulate(seats, next);
        outcome = knownAt(trial, seats) as boolean;
      }
      if (outcome) successes++;
      const verdict = test.verdict(successes, trial + 1);
      if (verdict === 'continue') continue;
      const trials = trial + 1;
      const llr = test.logLikelihoodRatio(successes, trials);
      const evaluation: BudgetEvaluation = {
        seats,
        totalYuan: seats * costPerSeatYear + managementFee,
        replications: trials,
        simulated: Array.from({ length: trials }, (_, r) => r).filter((r) => outcomeOf(r).has(seats)).length,
        probability: wilsonInterval(successes, trials, level),
        meets: verdict === 'reaches',
        decidedByBoundary: llr >= test.upper - 1e-9 || llr <= test.lower + 1e-9,
      };
      verdicts.set(seats, evaluation);
      evaluations.push(evaluation);
      report('simulate', seats);
      return evaluation;
    }
  };
  /** The seats at which p of the replications simulated so far are guessed to meet the targets. */
  const guess = (): number => {
    const simulated = outcomes.map((_, r) => r).filter((r) => outcomeOf(r).size > 0);
    const slopes: number[] = [];
    for (const r of simulated) {
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
    const thresholds = simulated.map((r) => guessThreshold(outcomeOf(r), slope)).sort((x, y) => x - y);
    const need = Math.max(1, Math.ceil(p * thresholds.length - 1e-9));
    return thresholds[need - 1] ?? analyticSeats;
  };

  let seats = Math.min(analyticSeats, maxSeats);
  let found = true;
  let oneSeatLess: OneSeatLess | null = null;
  try {
    for (;;) {
      const evaluation = await judge(seats);
      if (!evaluation.meets) {
        low = Math.max(low, seats);
        if (seats >= maxSeats) {
          found = false;
          break;
        }
        if (high === seats + 1) break;
        seats = Math.min(
          maxSeats,
          high - 1,
          Math.max(seats + 1, Math.min(guess(), Math.ceil(seats * 1.25) + 1)),
        );
        continue;
      }
      high = Math.min(high, seats);
      if (seats === 0 || low === seats - 1) break;
      seats = Math.max(low + 1, Math.min(seats - 1, Math.max(guess(), Math.floor(seats * 0.8))));
    }
    if (found) seats = high;
    // The answer's evaluation rests on every replication its test read, simulated at it.
    const answer = verdicts.get(seats) as BudgetEvaluation;
    const unsimulated = Array.from({ length: answer.replications }, (_, r) => r).filter(
      (r) => !outcomeOf(r).has(seats),
    );
    if (unsimulated.length > 0) await simulate(seats, unsimulated);
    // One seat less on the same replications: the paired difference is what the last seat buys.
    const short = verdicts.get(seats - 1);
    if (found && short !== undefined) {
      const n = answer.replications;
      const unknown = Array.from({ length: n }, (_, r) => r).filter(
        (r) => knownAt(r, seats - 1) === undefined,
      );
      if (unknown.length > 0) await simulate(seats - 1, unknown);
      let successes = 0;
      for (let r = 0; r < n; r++) if (knownAt(r, seats - 1) === true) successes++;
      oneSeatLess = {
        seats: seats - 1,
        totalYuan: (seats - 1) * costPerSeatYear + managementFee,
        replications: n,
        simulated: Array.from({ length: n }, (_, r) => r).filter((r) => outcomeOf(r).has(seats - 1)).length,
        probability: wilsonInterval(successes, n, level),
        judgedShortAfter: short.replications,
      };
    }
  } finally {
    await release();
  }
  const answer = verdicts.get(seats) as BudgetEvaluation;
  const plan = scenarioForBudget(
    base,
    budgetForSeats(seats, costPerSeatYear, managementFee),
    unitCosts,
    options.buying,
  );
  const runs = Array.from(
    { length: answer.replications },
    (_, r) => (outcomeOf(r).get(seats) as Outcome).run,
  );
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
    oneSeatLess,
    evaluations,
    replications: replicationsDone,
    test: rule,
  };
}
