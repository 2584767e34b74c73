import { Worker } from 'node:worker_threads';
import { compiledEntry } from '../core/packageRoot.js';
import { requireNonNegativeInteger } from '../core/validate.js';
import { checkScenario } from '../model/scenario.js';
import type { Scenario } from '../model/types.js';
import { runReplication, type ReplicationRun } from './runReplication.js';

/** One replication to run: `simulate(scenario, { seed, replication })`. */
export interface ReplicationJob {
  scenario: Scenario;
  seed: number;
  /** Replication number, a non-negative integer. */
  replication: number;
}

/** Worker threads kept open between rounds of replications of different scenarios. */
export interface ReplicationPool {
  /** Worker threads (0: every run in the calling thread). */
  readonly workers: number;
  /**
   * Run the jobs, in parallel on the pool's threads; resolves with the runs in
   * job order. `onRun` is called in the calling thread as each run finishes.
   */
  run(
    jobs: readonly ReplicationJob[],
    onRun?: (run: ReplicationRun, job: number) => void,
  ): Promise<ReplicationRun[]>;
  /** Stop the threads; the pool cannot run jobs afterwards. */
  close(): Promise<void>;
}

function workerError(error: { name: string; message: string }): Error {
  const make = error.name === 'RangeError' ? RangeError : error.name === 'TypeError' ? TypeError : Error;
  return new make(error.message);
}

/**
 * Open a pool of worker threads that run replications of any scenario, so
 * that a search (`leastBudget`, `allocateBudget`) can run, in one parallel
 * round, replications of several budgets, without starting threads for each
 * round. A run depends only on (scenario, seed, replication), never on the
 * thread that ran it, so results are identical for any number of workers.
 * Each scenario is sent to a thread once (kept by object identity).
 *
 * Internal to plan/: close it in a `finally`.
 *
 * @param workers worker threads, a non-negative integer (0: run in the calling thread; needs no build)
 * @returns the pool
 * @throws {RangeError} when `workers` is not a non-negative integer
 * @throws {Error} "run npm run build" when workers are asked for and `dist/` is missing or stale
 * @example
 * const pool = openReplicationPool(2);
 * try {
 *   const runs = await pool.run([{ scenario, seed: 1, replication: 0 }, { scenario: other, seed: 1, replication: 0 }]);
 * } finally {
 *   await pool.close();
 * }
 */
export function openReplicationPool(workers: number): ReplicationPool {
  requireNonNegativeInteger('openReplicationPool', 'workers', workers);
  const ids = new WeakMap<Scenario, number>();
  const checked = new WeakSet<Scenario>();
  let nextId = 0;
  const idOf = (scenario: Scenario): number => {
    let id = ids.get(scenario);
    if (id === undefined) {
      id = nextId++;
      ids.set(scenario, id);
    }
    return id;
  };
  const check = (jobs: readonly ReplicationJob[]): void => {
    for (const job of jobs) {
      requireNonNegativeInteger('openReplicationPool', 'job.replication', job.replication);
      requireNonNegativeInteger('openReplicationPool', 'job.seed', job.seed);
      if (!checked.has(job.scenario)) {
        checkScenario('openReplicationPool', job.scenario);
        checked.add(job.scenario);
      }
    }
  };
  if (workers === 0) {
    let closedHere = false;
    return {
      workers,
      run: async (jobs, onRun) => {
        if (closedHere) throw new Error('openReplicationPool: the pool is closed');
        check(jobs);
        const runs: ReplicationRun[] = [];
        for (const [index, job] of jobs.entries()) {
          const run = runReplication(job.scenario, job.seed, job.replication, false);
          runs.push(run);
          onRun?.(run, index);
        }
        return Promise.resolve(runs);
      },
      close: () => {
        closedHere = true;
        return Promise.resolve();
      },
    };
  }
  const entry = compiledEntry('sim/plan/replicateWorker.js');
  const threads = Array.from(
    { length: workers },
    () => new Worker(entry, { workerData: { keepIntervals: false } }),
  );
  const known = threads.map(() => new Set<number>());
  let busy = false;
  let closed = false;
  return {
    workers,
    run(jobs, onRun) {
      if (closed) return Promise.reject(new Error('openReplicationPool: the pool is closed'));
      if (busy) return Promise.reject(new Error('openReplicationPool: one round at a time'));
      try {
        check(jobs);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      busy = true;
      return new Promise<ReplicationRun[]>((resolvePromise, rejectPromise) => {
        const runs = new Array<ReplicationRun | undefined>(jobs.length);
        const current = threads.map(() => -1);
        let next = 0;
        let done = 0;
        let failed = false;
        const listeners: (() => void)[] = [];
        const finish = (error?: unknown): void => {
          for (const remove of listeners) remove();
          busy = false;
          if (error !== undefined) rejectPromise(error);
          else resolvePromise(runs as ReplicationRun[]);
        };
        const fail = (error: unknown): void => {
          if (failed) return;
          failed = true;
          closed = true; // runs still in flight would answer into the next round
          finish(error);
        };
        const dispatch = (w: number): void => {
          const thread = threads[w] as Worker;
          if (next >= jobs.length) return;
          const index = next++;
          const job = jobs[index] as ReplicationJob;
          const scenarioId = idOf(job.scenario);
          const send = !(known[w] as Set<number>).has(scenarioId);
          (known[w] as Set<number>).add(scenarioId);
          current[w] = index;
          thread.postMessage({
            replication: job.replication,
            seed: job.seed,
            scenarioId,
            ...(send ? { scenario: job.scenario } : {}),
          });
        };
        threads.forEach((thread, w) => {
          const onMessage = (message: {
            run?: ReplicationRun;
            error?: { name: string; message: string };
          }) => {
            if (failed) return;
            if (message.error || !message.run) {
              fail(
                workerError(
                  message.error ?? { name: 'Error', message: 'openReplicationPool: a worker sent no result' },
                ),
              );
              return;
            }
            const index = current[w] as number;
            runs[index] = message.run;
            done++;
            try {
              onRun?.(message.run, index);
            } catch (error) {
              fail(error);
              return;
            }
            if (done === jobs.length) finish();
            else dispatch(w);
          };
          const onError = (error: unknown): void => fail(error);
          const onExit = (code: number): void =>
            fail(new Error(`openReplicationPool: a worker thread stopped with code ${code}`));
          thread.on('message', onMessage);
          thread.on('error', onError);
          thread.on('exit', onExit);
          listeners.push(() => {
            thread.off('message', onMessage);
            thread.off('error', onError);
            thread.off('exit', onExit);
          });
        });
        if (jobs.length === 0) finish();
        else threads.forEach((_, w) => dispatch(w));
      });
    },
    async close() {
      closed = true;
      await Promise.all(threads.map((thread) => thread.terminate()));
    },
  };
}
