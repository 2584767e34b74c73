import type { BudgetLines, UnitCosts } from '../budget/types.js';
import { whatBudgetBuys, type BudgetPurchase, type BuyingOptions } from '../budget/whatBudgetBuys.js';
import type { AnswerRateDefinition, TargetSet } from '../core/targets.js';
import {
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requirePositiveFinite,
  requirePositiveInteger,
} from '../core/validate.js';
import { distributionMean } from '../model/distributions.js';
import { kpisOf } from '../model/kpis.js';
import { agentsPerInterval, expectedArrivalsPerInterval } from '../model/scenario.js';
import type { Scenario } from '../model/types.js';
import { analyticQuarterKpis, quarterOfIntervals } from './analyticQuarters.js';
import { scaleAgentsToHours } from './budgetScenario.js';
import { evaluateRuns, targetMargin, type PlanEvaluation, type ProbabilityEstimate } from './evaluatePlan.js';
import { borrowPool, type ReplicationPool } from './replicationPool.js';
import type { ReplicationRun } from './runReplication.js';

/**
 * Place a number of agent-hours on a staffing shape in whole agents per
 * interval, using every whole agent-interval the hours pay for: first
 * `scaleAgentsToHours` (agents_i = min(seats, round(k x shape_i)), the
 * largest k within the hours), then each agent-interval still paid for goes
 * to the interval furthest below its share (k x shape_i - agents_i, largest
 * first, earlier interval on ties), never above `seats` nor where the shape
 * is 0. The agent-hours placed are floor(agentHours / interval hours) whole
 * agent-intervals, unless every interval with a positive shape is full.
 *
 * @param shape agents (or requirement) per interval, >= 0; only the proportions matter
 * @param intervalMinutes length of an interval, minutes, > 0
 * @param agentHours agent-hours to place, >= 0
 * @param seats most agents in any interval, a non-negative integer
 * @returns the agents per interval and the agent-hours they give
 * @throws {RangeError} when an argument is out of range
 * @example
 * fillAgentHours([1, 2, 1], 60, 9, 10); // => { agents: [2, 5, 2], scheduledAgentHours: 9 }
 */
export function fillAgentHours(
  shape: readonly number[],
  intervalMinutes: number,
  agentHours: number,
  seats: number,
): { agents: number[]; scheduledAgentHours: number } {
  const fn = 'fillAgentHours';
  requirePositiveFinite(fn, 'intervalMinutes', intervalMinutes);
  requireNonNegativeFinite(fn, 'agentHours', agentHours);
  requireNonNegativeInteger(fn, 'seats', seats);
  const scaled = scaleAgentsToHours(shape, intervalMinutes, agentHours, seats);
  const hours = intervalMinutes / 60;
  const agents = scaled.agents;
  let placed = agents.reduce((sum, a) => sum + a, 0);
  const units = Math.floor(agentHours / hours + 1e-9);
  if (placed < units) {
    const order = shape
      .map((value, i) => ({ i, deficit: scaled.scale * value - (agents[i] ?? 0), value }))
      .filter((entry) => entry.value > 0)
      .sort((a, b) => b.deficit - a.deficit || a.i - b.i);
    let progress = true;
    while (placed < units && progress) {
      progress = false;
      for (const { i } of order) {
        if (placed >= units) break;
        if ((agents[i] ?? 0) < seats) {
          agents[i] = (agents[i] ?? 0) + 1;
          placed++;
          progress = true;
        }
      }
    }
  }
  return { agents, scheduledAgentHours: placed * hours };
}

/** Options of `allocateBudget`. */
export interface AllocateBudgetOptions {
  /** How money becomes seats, staff and agent-hours (`whatBudgetBuys`). */
  buying: BuyingOptions;
  /** The seed of every candidate (common random numbers), a non-negative integer. */
  seed: number;
  /**
   * Replications each candidate allocation is judged on.
   *
   * __Default value:__ `8`
   */
  replications?: number;
  /**
   * Rounds that move agent-hours between quarters by the simulated quarter margins.
   *
   * __Default value:__ `2`
   */
  refinements?: number;
  /** Worker threads (0: in the calling thread). __Default value:__ `2` */
  workers?: number;
  /** Where the replications run, left open (see `replicate`). __Default value:__ `workers` worker threads opened for the call */
  pool?: ReplicationPool;
  /** Which answer rate the targets use. __Default value:__ `'perAttempt'` */
  answerRateDefinition?: AnswerRateDefinition;
  /** Confidence level of the probability intervals. __Default value:__ `0.95` */
  level?: number;
  /** Called after each replication, with the runs done and the runs planned so far. __Default value:__ none */
  onProgress?: (done: number, planned: number) => void;
}

/** One allocation of the agent-hours bought, judged by simulation. */
export interface AllocationCandidate {
  /**
   * `flat`: the same agents in every interval; `base`: the base scenario's
   * agents scaled; `load`: proportional to the offered load (erlangs);
   * `balanced`: the best of those with agent-hours moved between quarters
   * until the formulas' quarter margins are level; `refined-k`: round k of
   * moving agent-hours by the simulated quarter margins.
   */
  name: string;
  /** Agents per interval. */
  agents: number[];
  /** The multiplier of the shape in each quarter (1 when not balanced). */
  quarterWeights: number[];
  scheduledAgentHours: number;
  /** Probability of meeting every measured target in every quarter, with its Wilson interval. */
  probability: ProbabilityEstimate;
  /** Mean over replications of the least quarter margin (`targetMargin`); larger is safer. */
  meanMargin: number;
  /** Mean over replications of each quarter's margin. */
  quarterMargins: number[];
}

/** What `allocateBudget` answers. */
export interface BudgetAllocation {
  purchase: BudgetPurchase;
  /** Agent-hours the payroll gives over the scenario's horizon (as `scenarioForBudget`). */
  availableAgentHours: number;
  /** The chosen candidate's name. */
  chosen: string;
  /** The base scenario staffed with the chosen allocation. */
  scenario: Scenario;
  /** Its evaluation. */
  evaluation: PlanEvaluation;
  /** Every candidate judged, in the order judged. */
  candidates: AllocationCandidate[];
  /** Replications run in all. */
  replications: number;
}

/** The index of the quarter each interval belongs to, and the number of quarters. */
function quarterIndexes(scenario: Scenario): { index: number[]; count: number } {
  const keys = quarterOfIntervals(scenario);
  const ids = new Map<string, number>();
  const index = keys.map((key) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  });
  return { index, count: ids.size };
}

/**
 * Allocate a fixed budget: shape the agents it buys across intervals,
 * weekdays and months to the load so as to maximise the probability of
 * meeting every target in every quarter, using exactly the agent-hours
 * bought (`fillAgentHours`: every whole agent-interval the hours pay for,
 * never more agents than seats).
 *
 * Candidates: `flat` (the same agents all day, every day), `base` (the base
 * scenario's staffing shape), `load` (proportional to the offered load in
 * erlangs, interval by interval), then `balanced`: the best of these by the
 * formulas (`analyticQuarterKpis`: Erlang A with redials at equilibrium,
 * per quarter) with each quarter's shape multiplied by a weight, the
 * weights moved (w_q <- w_q x exp(-(m_q - mean m))) for 8 rounds so that
 * agent-hours go from quarters with slack to the binding one; then
 * `refinements` rounds of the same move on the margins the simulator
 * measured for the best candidate so far (the formulas miss redials carried
 * between intervals and busy days). Every candidate runs the same
 * replications (common random numbers), so the comparison is of the
 * allocations and not of luck. The chosen one has the highest probability of
 * meeting every target, then the highest mean margin.
 *
 * @param base the scenario whose load, calendar and staffing shape are used
 * @param targets the target set
 * @param unitCosts unit costs, yuan
 * @param budget the budget lines, yuan for the year
 * @param options buying rule, seed, replications, refinements, workers, progress
 * @returns the chosen allocation, its evaluation and every candidate judged
 * @throws {RangeError} when an argument is out of range
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const allocation = await allocateBudget(base, targets, shanghai12333UnitCosts2020, shanghai12333Budget2020, {
 *   buying: { staffPerSeat: 407 / 359, shrinkage: 0.3 },
 *   seed: 1,
 *   replications: 2,
 *   workers: 0,
 * });
 * allocation.candidates.map((c) => c.name); // => ['flat', 'base', 'load']
 */
export async function allocateBudget(
  base: Scenario,
  targets: TargetSet,
  unitCosts: UnitCosts,
  budget: BudgetLines,
  options: AllocateBudgetOptions,
): Promise<BudgetAllocation> {
  const fn = 'allocateBudget';
  requireNonNegativeInteger(fn, 'options.seed', options.seed);
  const replications = options.replications ?? 8;
  requirePositiveInteger(fn, 'options.replications', replications);
  const refinements = options.refinements ?? 2;
  requireNonNegativeInteger(fn, 'options.refinements', refinements);
  if (options.pool === undefined) requireNonNegativeInteger(fn, 'options.workers', options.workers ?? 2);
  const definition = options.answerRateDefinition ?? 'perAttempt';
  const level = options.level ?? 0.95;

  const purchase = whatBudgetBuys(budget, unitCosts, options.buying);
  const openDaysYear = (options.buying.openHoursYear ?? 24 * 366) / 24;
  const availableAgentHours = (purchase.agentHoursYear * base.days) / openDaysYear;
  const quarters = quarterIndexes(base);
  const quarterKeys = quarterOfIntervals(base);
  const staffed = (shape: readonly number[], weights: readonly number[]) => {
    const weighted = shape.map((value, i) => value * (weights[quarters.index[i] ?? 0] ?? 1));
    const filled = fillAgentHours(weighted, base.intervalMinutes, availableAgentHours, purchase.seats);
    const scenario: Scenario = { ...base, agents: { kind: 'perInterval', counts: filled.agents } };
    return { scenario, ...filled };
  };
  const ones = Array.from({ length: quarters.count }, () => 1);
  const analyticMargins = (scenario: Scenario): number[] | undefined => {
    const kpis = analyticQuarterKpis(scenario, quarterKeys);
    if (kpis.length !== quarters.count) return undefined;
    return kpis.map((k) => targetMargin([k], targets, base.answerWithinSeconds, definition));
  };
  const move = (weights: readonly number[], margins: readonly number[]): number[] => {
    const finite = margins.filter(Number.isFinite);
    const mean = finite.reduce((sum, m) => sum + m, 0) / Math.max(1, finite.length);
    return weights.map((w, q) => {
      const m = margins[q] ?? mean;
      return Number.isFinite(m) ? w * Math.exp(-Math.max(-0.5, Math.min(0.5, m - mean))) : w;
    });
  };

  const meanHandle = distributionMean(base.handle);
  const shapes: { name: string; shape: number[] }[] = [
    { name: 'flat', shape: agentsPerInterval(base).map(() => 1) },
    { name: 'base', shape: agentsPerInterval(base) },
    {
      name: 'load',
      shape: expectedArrivalsPerInterval(base).map(
        (calls) => (calls * meanHandle) / (base.intervalMinutes * 60),
      ),
    },
  ];

  const { pool, release } = borrowPool(fn, options, 2);
  const candidates: AllocationCandidate[] = [];
  const runsOf = new Map<string, ReplicationRun[]>();
  let done = 0;
  let planned = 0;
  const judge = async (name: string, shape: readonly number[], weights: readonly number[]) => {
    const plan = staffed(shape, weights);
    planned += replications;
    const runs = await pool.run(
      Array.from({ length: replications }, (_, replication) => ({
        scenario: plan.scenario,
        seed: options.seed,
        replication,
      })),
      () => {
        done++;
        options.onProgress?.(done, planned);
      },
    );
    const perRun = runs.map((run) => {
      const kpis = run.quarters.map((row) => kpisOf(row));
      return kpis.map((k) => targetMargin([k], targets, base.answerWithinSeconds, definition));
    });
    const evaluation = evaluateRuns(runs, plan.scenario, targets, {
      seed: options.seed,
      answerRateDefinition: definition,
      level,
    });
    const quarterMargins = Array.from(
      { length: quarters.count },
      (_, q) => perRun.reduce((sum, margins) => sum + (margins[q] ?? 0), 0) / runs.length,
    );
    const candidate: AllocationCandidate = {
      name,
      agents: plan.agents,
      quarterWeights: [...weights],
      scheduledAgentHours: plan.scheduledAgentHours,
      probability: evaluation.allTargets,
      meanMargin: perRun.reduce((sum, margins) => sum + Math.min(...margins), 0) / runs.length,
      quarterMargins,
    };
    candidates.push(candidate);
    runsOf.set(name, runs);
    return candidate;
  };
  const better = (a: AllocationCandidate, b: AllocationCandidate): boolean =>
    a.probability.probability > b.probability.probability ||
    (a.probability.probability === b.probability.probability && a.meanMargin > b.meanMargin);

  try {
    // The plain shapes, judged by simulation.
    for (const { name, shape } of shapes) await judge(name, shape, ones);
    // Balance the quarters by the formulas, from the best plain shape by the formulas.
    let start = shapes[0] as { name: string; shape: number[] };
    let startMargin = -Infinity;
    for (const candidate of shapes) {
      const margins = analyticMargins(staffed(candidate.shape, ones).scenario);
      const least = margins === undefined ? -Infinity : Math.min(...margins);
      if (least > startMargin) {
        startMargin = least;
        start = candidate;
      }
    }
    if (quarters.count > 1 && Number.isFinite(startMargin)) {
      let weights = ones;
      let bestWeights = ones;
      let bestLeast = startMargin;
      for (let round = 0; round < 8; round++) {
        const margins = analyticMargins(staffed(start.shape, weights).scenario);
        if (margins === undefined) break;
        const least = Math.min(...margins);
        if (least > bestLeast) {
          bestLeast = least;
          bestWeights = weights;
        }
        weights = move(weights, margins);
      }
      await judge('balanced', start.shape, bestWeights);
      // Refine by the simulator's own quarter margins.
      for (let k = 1; k <= refinements; k++) {
        const best = candidates.reduce((a, b) => (better(b, a) ? b : a));
        const shape = shapes.find((s) => s.name === best.name)?.shape ?? start.shape;
        await judge(`refined-${k}`, shape, move(best.quarterWeights, best.quarterMargins));
      }
    }
  } finally {
    await release();
  }
  const chosen = candidates.reduce((a, b) => (better(b, a) ? b : a));
  const scenario: Scenario = { ...base, agents: { kind: 'perInterval', counts: chosen.agents } };
  return {
    purchase,
    availableAgentHours,
    chosen: chosen.name,
    scenario,
    evaluation: evaluateRuns(runsOf.get(chosen.name) ?? [], scenario, targets, {
      seed: options.seed,
      answerRateDefinition: definition,
      level,
    }),
    candidates,
    replications: done,
  };
}
