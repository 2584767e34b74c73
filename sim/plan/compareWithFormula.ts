import { queueMetrics } from '../analytic/queueMetrics.js';
import type { QueueMetrics } from '../analytic/types.js';
import type { Scenario } from '../model/types.js';
import { formulaQueues } from './formulaQueues.js';
import type { KpiSummaries, ReplicationResult } from './replicate.js';

/** One interval: what the stationary formula predicts and what the replications measured. */
export interface IntervalAgainstFormula {
  /** Local start of the interval, `YYYY-MM-DDTHH:MM`. */
  start: string;
  /** Agents on the phones. */
  agents: number;
  /** Expected agent-bound arrivals per hour in the interval (the formula's Poisson rate). */
  arrivalsPerHour: number;
  /** The exact stationary metrics of the interval's queue (`queueMetrics` of `formulaQueues`). */
  formula: QueueMetrics;
  /** The interval's KPIs across replications. */
  simulated: KpiSummaries;
}

/**
 * Put the exact stationary formulas beside the simulation, interval by
 * interval: for each interval, `queueMetrics` of its queue (`formulaQueues`)
 * and the simulated KPIs across replications. Where the formula falls outside
 * the simulated confidence interval, the interval is not in the formula's
 * steady state (a queue carried over from the previous interval, a load
 * change) or the scenario has what the formula lacks.
 *
 * @param scenario the scenario that was replicated
 * @param result `replicate(scenario, { ..., keepIntervals: true })`
 * @returns one row per interval
 * @throws {RangeError} when `result` has no interval summaries or does not match the scenario
 * @example
 * const day = {
 *   startDate: '2020-05-11', days: 1, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const result = await replicate(day, { replications: 4, seed: 1, keepIntervals: true, workers: 0 });
 * const rows = compareWithFormula(day, result);
 * [rows[20]?.start, rows[20]?.formula.answerRate]; // => ['2020-05-11T10:00', 0.9036]
 */
export function compareWithFormula(scenario: Scenario, result: ReplicationResult): IntervalAgainstFormula[] {
  const intervals = result.intervals;
  if (intervals === undefined) {
    throw new RangeError(
      'compareWithFormula: result has no interval summaries (replicate with keepIntervals: true)',
    );
  }
  const queues = formulaQueues(scenario);
  if (queues.length !== intervals.length) {
    throw new RangeError(
      `compareWithFormula: the scenario has ${queues.length} intervals but the result ${intervals.length}`,
    );
  }
  return intervals.map((interval, index) => {
    const q = queues[index]!;
    return {
      start: interval.period,
      agents: q.agents,
      arrivalsPerHour: q.arrivalsPerHour,
      formula: queueMetrics(q),
      simulated: interval.kpis,
    };
  });
}
