import { hostname } from 'node:os';
import type { Job, Worker as BullWorker } from 'bullmq';
import { buildVersion } from '../core/buildVersion.js';
import { compiledEntry } from '../core/packageRoot.js';
import { requirePositiveFinite, requirePositiveInteger } from '../core/validate.js';
import type { Scenario } from '../model/types.js';
import {
  clientNamePart,
  encodePayload,
  parseQueueUrl,
  QUEUE_NAME,
  QUEUE_PREFIX,
  readScenarioPayload,
  RESULT_TTL_SECONDS,
  resultKey,
  runKey,
  scenarioKey,
  type ReplicationJobData,
} from './queueProtocol.js';
import { connectRedis } from './redisConnection.js';
import { openReplicationPool } from './replicationPool.js';

/** Options of `runQueueWorker`. */
export interface QueueWorkerOptions {
  /**
   * Jobs run at once, each on its own worker thread.
   *
   * __Default value:__ `1`
   */
  concurrency?: number;
  /**
   * Seconds a job stays claimed by a worker that stops answering (killed,
   * cut off) before another worker's stalled-job check takes it over; the
   * lock is renewed at half this time while the job runs, and this worker
   * checks for stalled jobs of others as often.
   *
   * __Default value:__ `30`
   */
  lockSeconds?: number;
  /**
   * Most heap of each worker thread, MB: a job that needs more fails (BullMQ
   * may give it to another worker) and a new thread takes the place
   * (`openReplicationPool`). __Default value:__ Node's default
   */
  threadHeapMb?: number;
  /** Receives one line per event (job started, done, refused, skipped, failed; connection errors). __Default value:__ none */
  log?: (line: string) => void;
}

/** A running `hotline worker`. */
export interface QueueWorker {
  /** Its name in the queue, `host-pid@version`, also shown by the submitting commands. */
  readonly name: string;
  /** The build it runs (`buildVersion`); it refuses jobs of any other. */
  readonly version: string;
  readonly concurrency: number;
  /**
   * Stop taking jobs and wait for the running ones to finish; with `force`,
   * stop at once (another worker takes the running jobs over once their lock expires).
   */
  close(force?: boolean): Promise<void>;
}

/** Scenarios a worker keeps, most recently used last. */
const SCENARIOS_KEPT = 64;

/** A Job's id, which BullMQ sets on every job it hands a worker. */
const idOf = (job: Job): string => job.id ?? '?';

/**
 * Run replications from a Redis queue (the jobs `openQueuePool` sends):
 * connect, then take up to `concurrency` jobs at a time, each run on a worker
 * thread (so the BullMQ lock is renewed while it runs) with the same
 * `runReplication` as on one machine, its run stored for the sending command.
 * A job sent by another build (`buildVersion`: package version and `dist/`
 * hash) is refused with a message naming both; a job whose command has ended
 * is skipped. Scenarios are fetched from Redis by content hash, checked
 * against it, and kept (the last 64).
 *
 * @param url `redis://HOST[:PORT][/DB]` or `rediss://...`
 * @param options concurrency, lock seconds and the log
 * @returns the running worker; `close` it to stop
 * @throws {RangeError} for a malformed URL or option
 * @throws {QueueError} when Redis cannot be reached (the message names the URL)
 * @throws {Error} "run npm run build" when `dist/` is missing or older than the sources
 * @example
 * // On each machine of the cluster (`hotline worker --queue URL`):
 * //   const worker = await runQueueWorker('redis://10.0.0.5:6379', { concurrency: 2, log: console.log });
 * //   process.once('SIGTERM', () => void worker.close());
 * // Where no Redis answers (port 1 here), it fails at once, naming the URL:
 * await runQueueWorker('redis://127.0.0.1:1', { concurrency: 1 });
 * // throws QueueError: cannot reach Redis at redis://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1
 */
export async function runQueueWorker(url: string, options: QueueWorkerOptions = {}): Promise<QueueWorker> {
  const fn = 'runQueueWorker';
  const address = parseQueueUrl(url);
  const concurrency = options.concurrency ?? 1;
  requirePositiveInteger(fn, 'options.concurrency', concurrency);
  const lockSeconds = options.lockSeconds ?? 30;
  requirePositiveFinite(fn, 'options.lockSeconds', lockSeconds);
  const log = options.log ?? (() => undefined);
  compiledEntry('sim/plan/replicateWorker.js');
  const version = buildVersion();
  const name = clientNamePart(`${hostname()}-${process.pid}@${version}`);
  const redis = await connectRedis(address);
  const threads = openReplicationPool(
    concurrency,
    options.threadHeapMb === undefined ? {} : { threadHeapMb: options.threadHeapMb },
  );
  const scenarios = new Map<string, Scenario>();

  const scenarioOf = async (hash: string): Promise<Scenario> => {
    let scenario = scenarios.get(hash);
    if (scenario !== undefined) {
      scenarios.delete(hash); // most recently used goes last
    } else {
      const bytes = await redis.getBuffer(scenarioKey(hash));
      if (bytes === null) {
        throw new Error(
          `the scenario ${hash.slice(0, 12)} is no longer in Redis (its command ended over an hour ago)`,
        );
      }
      scenario = readScenarioPayload(bytes, hash) as Scenario;
      if (scenarios.size >= SCENARIOS_KEPT) scenarios.delete(scenarios.keys().next().value as string);
    }
    scenarios.set(hash, scenario);
    return scenario;
  };

  const processJob = async (job: Job<ReplicationJobData>): Promise<{ bytes: number } | 'skipped'> => {
    const { UnrecoverableError } = await import('bullmq');
    const data = job.data;
    if (data.version !== version) {
      log(`refused job ${idOf(job)}: sent by build ${data.version}, this worker runs ${version}`);
      throw new UnrecoverableError(
        `worker ${name} refused the job: it runs hotline-planner ${version}, the command runs ${data.version}; ` +
          'install the same version (package and build) on every worker and on the machine that sends the jobs',
      );
    }
    if ((await redis.exists(runKey(data.runId))) === 0) {
      log(`skipped job ${idOf(job)}: the command that sent it has ended`);
      return 'skipped';
    }
    const scenario = await scenarioOf(data.scenario);
    const again = (job.attemptsStarted ?? 1) > 1 ? ' (again: the worker that had it stopped)' : '';
    log(
      `start job ${idOf(job)}: replication ${data.replication}, seed ${data.seed}, ` +
        `scenario ${data.scenario.slice(0, 12)} (${data.days} days)${again}`,
    );
    const started = performance.now();
    const [run] = await threads.run([
      { scenario, seed: data.seed, replication: data.replication, keepIntervals: data.keepIntervals },
    ]);
    const bytes = encodePayload(run);
    await redis.set(resultKey(idOf(job)), bytes, 'EX', RESULT_TTL_SECONDS);
    log(`done job ${idOf(job)} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    return { bytes: bytes.length };
  };

  const { Worker } = await import('bullmq');
  const worker: BullWorker<ReplicationJobData> = new Worker<ReplicationJobData>(QUEUE_NAME, processJob, {
    connection: redis,
    prefix: QUEUE_PREFIX,
    name,
    concurrency,
    lockDuration: lockSeconds * 1000,
    stalledInterval: lockSeconds * 1000,
    maxStalledCount: 2,
  });
  worker.on('failed', (job, error) => {
    if (job !== undefined && !error.message.startsWith(`worker ${name} refused`)) {
      log(`failed job ${idOf(job)}: ${error.message}`);
    }
  });
  worker.on('error', (error) => log(`error: ${error.message}`));
  await worker.waitUntilReady();
  return {
    name,
    version,
    concurrency,
    async close(force = false) {
      await worker.close(force);
      await threads.close();
      redis.disconnect();
    },
  };
}
