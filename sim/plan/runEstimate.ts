import { requireNonNegativeInteger, requirePositiveInteger } from '../core/validate.js';
import { expectedArrivalsPerInterval } from '../model/scenario.js';
import type { Scenario } from '../model/types.js';

/**
 * Seconds of one core per call entering a simulation (agent-bound or
 * self-served, its redials included), every mechanism on: a year of the
 * shipped 12333 scenario (10.8 million entering calls, 0.9 million redials,
 * staff churn, faults and the survey) took 4.4 s of CPU for one replication
 * on this project's 2-core machine, 0.41 µs a call; rounded up to 0.5 µs,
 * since a plan's margin is better spent on the side of warning.
 */
export const CPU_SECONDS_PER_CALL = 0.5e-6;

/** Replications of one scenario, as a part of a run to estimate. */
export interface SimulationBatch {
  /** The scenario simulated (its horizon, as cut by `--days`). */
  readonly scenario: Scenario;
  /** How many times, a non-negative integer. */
  readonly replications: number;
}

/**
 * Calls expected to enter a scenario over its horizon: its expected calls
 * per interval (before the day-busyness and forecast-error multipliers, whose
 * means are 1), or the number of instants of explicit arrivals.
 *
 * @param scenario the scenario
 * @returns calls, >= 0
 * @example
 * expectedEnteringCalls(readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario); // => 10773958.2
 */
export function expectedEnteringCalls(scenario: Scenario): number {
  if (scenario.arrivals.kind === 'at') return scenario.arrivals.seconds.length;
  return expectedArrivalsPerInterval(scenario).reduce((sum, calls) => sum + calls, 0);
}

/**
 * How long simulations will take on the wall clock, from the calls they
 * simulate at `CPU_SECONDS_PER_CALL` shared by `threads` cores. A planning
 * figure, deterministic (the same for the same inputs on any machine), good
 * to a factor of about two: for telling a run of minutes from a run of hours
 * before it starts.
 *
 * @param batches the replications of each scenario the run will simulate
 * @param threads cores working at once: the worker threads used, at most the
 *   cores available; 1 for the main thread alone
 * @returns seconds, >= 0
 * @throws {RangeError} when a batch's replications is not a non-negative integer or `threads` is not a positive integer
 * @example
 * const year = readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario;
 * estimateRunSeconds([{ scenario: year, replications: 100_000 }], 2); // => 269349.0
 */
export function estimateRunSeconds(batches: readonly SimulationBatch[], threads: number): number {
  requirePositiveInteger('estimateRunSeconds', 'threads', threads);
  let calls = 0;
  for (const [i, batch] of batches.entries()) {
    requireNonNegativeInteger('estimateRunSeconds', `batches[${i}].replications`, batch.replications);
    if (batch.replications > 0) calls += batch.replications * expectedEnteringCalls(batch.scenario);
  }
  return (calls * CPU_SECONDS_PER_CALL) / threads;
}
