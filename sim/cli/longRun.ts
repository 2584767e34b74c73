import { availableParallelism } from 'node:os';
import {
  CPU_SECONDS_PER_CALL,
  estimateRunSeconds,
  formatApproximateDuration,
  type SimulationBatch,
} from '../index.js';
import { UsageError } from './args.js';
import type { CommandContext } from './command.js';

/** Runs estimated to take longer than this (seconds) are confirmed before they start. */
export const LONG_RUN_SECONDS = 3_600;

/** The `--yes` option of every command that simulates. */
export const YES_OPTION: readonly [string, string] = [
  '--yes',
  'run even when the run is estimated to take more than an hour (without a terminal to ask, such a run needs it)',
];

/**
 * Cores a run works on: the worker threads (the main thread alone for 0), at
 * most the cores available.
 *
 * @param workers worker threads the command uses
 * @example
 * runThreads(0); // => 1
 */
export function runThreads(workers: number): number {
  return Math.max(1, Math.min(workers, availableParallelism()));
}

/**
 * Before a long run starts: estimate its time (`estimateRunSeconds`); beyond
 * an hour, print the estimate on standard error and go ahead only with
 * `--yes`, or, at a terminal, when the person answers yes. Otherwise the run
 * is refused as bad input (exit status 2), before anything is simulated or
 * written.
 *
 * @param context the terminal, if any, and how to ask
 * @param batches what the run will simulate
 * @param workers worker threads it will use
 * @param what the run in words, for the message: `100000 replications of 366 days`
 * @param yes whether `--yes` was given
 * @throws {UsageError} when the run is long and was not confirmed
 * @example
 * const year = readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario;
 * const context = { interactive: false, ask: async () => 'no' };
 * const refused = await confirmLongRun(context, [{ scenario: year, replications: 100_000 }], 2, '100000 replications of 366 days', false)
 *   .catch((error) => error.problems);
 * refused; // => ['this run is estimated to take about 75 h (100000 replications of 366 days, on 2 threads, at 0.5 µs of CPU a call): give --yes to run it, or fewer replications or days']
 * await confirmLongRun(context, [{ scenario: year, replications: 1 }], 2, '1 replication of 366 days', false); // => undefined (short: runs without asking)
 */
export async function confirmLongRun(
  context: CommandContext,
  batches: readonly SimulationBatch[],
  workers: number,
  what: string,
  yes: boolean,
): Promise<void> {
  const threads = runThreads(workers);
  const seconds = estimateRunSeconds(batches, threads);
  if (seconds <= LONG_RUN_SECONDS) return;
  const estimate =
    `this run is estimated to take ${formatApproximateDuration(seconds)} (${what}, on ${threads} ` +
    `thread${threads === 1 ? '' : 's'}, at ${CPU_SECONDS_PER_CALL * 1e6} µs of CPU a call)`;
  if (yes) {
    process.stderr.write(`hotline: ${estimate}; going ahead (--yes)\n`);
    return;
  }
  if (!context.interactive) {
    throw new UsageError([`${estimate}: give --yes to run it, or fewer replications or days`]);
  }
  const answer = await context.ask(`hotline: ${estimate}. Run it? [y/N] `);
  if (!/^\s*y(es)?\s*$/i.test(answer)) throw new UsageError([`not run: ${estimate}, and the answer was no`]);
}
