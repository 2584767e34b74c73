import { Worker } from 'node:worker_threads';
import { compiledEntry } from '../core/packageRoot.js';
import { requireNonNegativeInteger, requirePositiveInteger } from '../core/validate.js';
import { checkScenario } from '../model/scenario.js';
import type { Scenario } from '../model/types.js';
import { runReplication, type ReplicationRun } from './runReplication.js';

/** One replication to run: `simulate(scenario, { seed, replication })`. */
export interface ReplicationJob {
  scenario: Scenario;
  seed: number;
  /** Replication number, a non-negative integer. */
  replication: number;
  /** Keep the run's interval rows (`ReplicationRun.intervals`). __Default value:__ `false` */
  keepIntervals?: boolean;
}

/**
 * Where replications run: worker threads of this process
 * (`openReplicationPool`) or a job queue that workers on other machines take
 * from (`openQueuePool`). A run depends only on (scenario, seed, replication),
 * never on where it ran, so every pool gives identical runs, and the
 * functions that replicate (`replicate`, `evaluatePlan`, `leastBudget`,
 * `allocateBudget`, `sweep`, `sensitivity`, `makeReport`) take either as
 * their `pool` option without knowing which.
 */
export interface ReplicationPool {
  /** Worker threads of this process that run replications (0 when none do: the calling thread, or a queue). */
  readonly workers: number;
  /** Where the runs go, in a few words: `2 worker threads`, `the queue at redis://10.0.0.5:6379`. */
  readonly where: string;
  /**
   * Run the jobs; resolves with the runs in job order. `onRun` is called in
   * the calling thread as each run finishes (in the order they finish), with
   * the job's index. Rounds may overlap: each resolves on its own.
   */
  run(
    jobs: readonly ReplicationJob[],
    onRun?: (run: ReplicationRun, job: number) => void,
  ): Promise<ReplicationRun[]>;
  /** Stop; rounds still running reject, and the pool runs no job afterwards. */
  close(): Promise<void>;
}

/** Scenarios each worker thread keeps, most recently used first (a sweep of 10,000 points would otherwise keep them all). */
const SCENARIOS_PER_THREAD = 32;

function workerError(error: { name: string; message: string }): Error {
  const make = error.name === 'RangeError' ? RangeError : error.name === 'TypeError' ? TypeError : Error;
  const rebuilt = new make(error.message);
  if (make === Error && error.name !== 'Error') rebuilt.name = error.name;
  return rebuilt;
}

/** One call of `run`: its jobs, the runs so far and how it ends. */
interface Round {
  jobs: readonly ReplicationJob[];
  runs: (ReplicationRun | undefined)[];
  done: number;
  over: boolean;
  onRun: ((run: ReplicationRun, job: number) => void) | undefined;
  resolve: (runs: ReplicationRun[]) => void;
  reject: (error: unknown) => void;
}

/** A worker thread of the pool. */
interface Thread {
  worker: Worker;
  /** The job it runs, if any. */
  task: Task | undefined;
  /** Scenario ids the thread keeps, least recently used first (a Map keeps insertion order). */
  known: Map<number, true>;
  /** Failed and replaced: its late events are ignored. */
  gone: boolean;
  /** Has answered a job (so it started). */
  answered: boolean;
}

/** Options of `openReplicationPool`. */
export interface ReplicationPoolOptions {
  /**
   * Most heap of each worker thread, MB (V8's old generation). A replication
   * that needs more stops its thread, fails its round, and a new thread takes
   * the place; the process and the other rounds go on.
   *
   * __Default value:__ Node's default (about a quarter of the memory)
   */
  threadHeapMb?: number;
}

/** A job waiting for a thread, or running on one. */
interface Task {
  round: Round;
  index: number;
}

/**
 * The check a pool makes of each round's jobs before any run starts: whole
 * non-negative replication and seed, and a valid scenario (each scenario
 * object checked once per checker).
 *
 * @param fn the pool's name, for messages
 * @returns a function that throws a `RangeError` naming the bad field
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const check = jobChecker('openQueuePool');
 * check([{ scenario, seed: 1, replication: 1.5 }]); // throws RangeError: openQueuePool: job.replication must be a non-negative integer (got 1.5)
 */
export function jobChecker(fn: string): (jobs: readonly ReplicationJob[]) => void {
  const checked = new WeakSet<Scenario>();
  return (jobs) => {
    for (const job of jobs) {
      requireNonNegativeInteger(fn, 'job.replication', job.replication);
      requireNonNegativeInteger(fn, 'job.seed', job.seed);
      if (!checked.has(job.scenario)) {
        checkScenario(fn, job.scenario);
        checked.add(job.scenario);
      }
    }
  };
}

/**
 * Open a pool of worker threads that run replications of any scenario, so
 * that a search (`leastBudget`, `allocateBudget`) can run, in one parallel
 * round, replications of several budgets, without starting threads for each
 * round. A run depends only on (scenario, seed, replication), never on the
 * thread that ran it, so results are identical for any number of workers.
 * Each scenario is sent to a thread once (kept by object identity; a thread
 * keeps the 32 it used last). Rounds may overlap (`hotline worker` runs one
 * per queued job): jobs are taken first come, first served. A thread that
 * fails (out of its heap, or stopped) fails the round whose job it ran, with a
 * message naming the replication, and a new thread takes its place; the other
 * rounds go on.
 *
 * Close it in a `finally`.
 *
 * @param workers worker threads, a non-negative integer (0: run in the calling thread, one round at a time; needs no build)
 * @param options the most heap of each thread (`threadHeapMb`)
 * @returns the pool
 * @throws {RangeError} when `workers` is not a non-negative integer
 * @throws {Error} "run npm run build" when workers are asked for and `dist/` is missing or stale
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const pool = openReplicationPool(0);
 * const runs = await pool.run([{ scenario, seed: 1, replication: 0 }, { scenario, seed: 1, replication: 1 }]);
 * await pool.close();
 * runs.length; // => 2
 */
export function openReplicationPool(workers: number, options: ReplicationPoolOptions = {}): ReplicationPool {
  const fn = 'openReplicationPool';
  requireNonNegativeInteger(fn, 'workers', workers);
  if (options.threadHeapMb !== undefined)
    requirePositiveInteger(fn, 'options.threadHeapMb', options.threadHeapMb);
  const check = jobChecker(fn);
  if (workers === 0) return callingThreadPool(check);

  const entry = compiledEntry('sim/plan/replicateWorker.js');
  const ids = new WeakMap<Scenario, number>();
  let nextId = 0;
  const idOf = (scenario: Scenario): number => {
    let id = ids.get(scenario);
    if (id === undefined) {
      id = nextId++;
      ids.set(scenario, id);
    }
    return id;
  };
  const limits =
    options.threadHeapMb === undefined
      ? {}
      : { resourceLimits: { maxOldGenerationSizeMb: options.threadHeapMb } };
  const threads: Thread[] = [];
  const waiting: Task[] = [];
  const rounds = new Set<Round>();
  let closed = false;

  const endRound = (round: Round, error?: unknown): void => {
    if (round.over) return;
    round.over = true;
    rounds.delete(round);
    if (error !== undefined) {
      for (let i = waiting.length - 1; i >= 0; i--) if (waiting[i]?.round === round) waiting.splice(i, 1);
      round.reject(error);
    } else round.resolve(round.runs as ReplicationRun[]);
  };
  const dispatch = (): void => {
    for (const thread of threads) {
      if (thread.task !== undefined) continue;
      const task = waiting.shift();
      if (task === undefined) return;
      const job = task.round.jobs[task.index] as ReplicationJob;
      const scenarioId = idOf(job.scenario);
      const send = !thread.known.delete(scenarioId);
      thread.known.set(scenarioId, true);
      const forget: number[] = [];
      for (const id of thread.known.keys()) {
        if (thread.known.size - forget.length <= SCENARIOS_PER_THREAD) break;
        forget.push(id);
      }
      for (const id of forget) thread.known.delete(id);
      thread.task = task;
      thread.worker.postMessage({
        replication: job.replication,
        seed: job.seed,
        keepIntervals: job.keepIntervals === true,
        scenarioId,
        ...(send ? { scenario: job.scenario } : {}),
        ...(forget.length > 0 ? { forget } : {}),
      });
    }
  };
  // A thread that fails (not a job's error, which it answers: it ran out of memory, or stopped)
  // fails the round whose job it ran, and a new thread takes its place, so that a long-lived pool
  // (`hotline worker`) keeps working.
  // A thread that fails before it has answered any job, with none to run, cannot start: the pool
  // breaks, every round rejects with the reason, rather than starting threads for ever.
  const breakPool = (error: Error): void => {
    closed = true;
    for (const round of [...rounds])
      endRound(round, new Error(`${fn}: a worker thread cannot start: ${error.message}`));
    for (const thread of threads) void thread.worker.terminate();
  };
  const replaceThread = (thread: Thread, error: Error): void => {
    if (closed || thread.gone) return;
    thread.gone = true;
    const task = thread.task;
    thread.task = undefined;
    if (task === undefined && !thread.answered) {
      breakPool(error);
      return;
    }
    void thread.worker.terminate();
    const at = threads.indexOf(thread);
    if (at >= 0) threads[at] = startThread();
    if (task !== undefined) {
      const job = task.round.jobs[task.index] as ReplicationJob;
      endRound(
        task.round,
        new Error(
          `${fn}: the worker thread running replication ${job.replication} (seed ${job.seed}) failed: ${error.message}; a new thread took its place`,
        ),
      );
    }
    dispatch();
  };
  function startThread(): Thread {
    const thread: Thread = {
      worker: new Worker(entry, limits),
      task: undefined,
      known: new Map(),
      gone: false,
      answered: false,
    };
    thread.worker.on(
      'message',
      (message: { run?: ReplicationRun; error?: { name: string; message: string } }) => {
        const task = thread.task;
        thread.task = undefined;
        thread.answered = true;
        if (task !== undefined && !task.round.over) {
          const { round, index } = task;
          if (message.error || !message.run) {
            endRound(
              round,
              workerError(message.error ?? { name: 'Error', message: `${fn}: a worker sent no result` }),
            );
          } else {
            round.runs[index] = message.run;
            round.done++;
            try {
              round.onRun?.(message.run, index);
              if (round.done === round.jobs.length) endRound(round);
            } catch (error) {
              endRound(round, error);
            }
          }
        }
        if (!closed) dispatch();
      },
    );
    thread.worker.on('error', (error) => replaceThread(thread, error));
    thread.worker.on('exit', (code) =>
      replaceThread(thread, new Error(`the thread stopped with code ${code}`)),
    );
    return thread;
  }
  for (let i = 0; i < workers; i++) threads.push(startThread());

  return {
    workers,
    where: `${workers} worker thread${workers === 1 ? '' : 's'}`,
    run(jobs, onRun) {
      if (closed) return Promise.reject(new Error(`${fn}: the pool is closed`));
      try {
        check(jobs);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return new Promise<ReplicationRun[]>((resolve, reject) => {
        const round: Round = {
          jobs,
          runs: new Array<ReplicationRun | undefined>(jobs.length),
          done: 0,
          over: false,
          onRun,
          resolve,
          reject,
        };
        if (jobs.length === 0) {
          resolve([]);
          return;
        }
        rounds.add(round);
        for (let index = 0; index < jobs.length; index++) waiting.push({ round, index });
        dispatch();
      });
    },
    async close() {
      if (!closed) {
        closed = true;
        for (const round of [...rounds]) endRound(round, new Error(`${fn}: the pool is closed`));
      }
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
}

/** The pool of `workers: 0`: every run in the calling thread, in job order. */
function callingThreadPool(check: (jobs: readonly ReplicationJob[]) => void): ReplicationPool {
  let closed = false;
  return {
    workers: 0,
    where: 'the calling thread',
    run: async (jobs, onRun) => {
      if (closed) throw new Error('openReplicationPool: the pool is closed');
      check(jobs);
      const runs: ReplicationRun[] = [];
      for (const [index, job] of jobs.entries()) {
        const run = runReplication(job.scenario, job.seed, job.replication, job.keepIntervals === true);
        runs.push(run);
        onRun?.(run, index);
        // let the event loop run between replications: a progress bar, a Ctrl-C
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return runs;
    },
    close: () => {
      closed = true;
      return Promise.resolve();
    },
  };
}

/**
 * The pool a function that replicates should use: the one given in its
 * options (left open: its owner closes it), or worker threads opened for the
 * call, closed by `release`.
 *
 * @param fn the calling function, for messages
 * @param options the caller's `pool` and `workers` options
 * @param defaultWorkers worker threads when neither is given
 * @returns the pool and what to call in a `finally`
 * @throws {RangeError} when `workers` is not a non-negative integer
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const { pool, release } = borrowPool('sweep', { workers: 0 }, 2);
 * const runs = await pool.run([{ scenario, seed: 1, replication: 0 }]);
 * await release();
 * runs.length; // => 1
 */
export function borrowPool(
  fn: string,
  options: { pool?: ReplicationPool; workers?: number },
  defaultWorkers: number,
): { pool: ReplicationPool; release: () => Promise<void> } {
  if (options.pool !== undefined) return { pool: options.pool, release: () => Promise.resolve() };
  const workers = options.workers ?? defaultWorkers;
  requireNonNegativeInteger(fn, 'options.workers', workers);
  const pool = openReplicationPool(workers);
  return { pool, release: () => pool.close() };
}
