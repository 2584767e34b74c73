import { randomUUID } from 'node:crypto';
import type { Queue, QueueEvents } from 'bullmq';
import { buildVersion } from '../core/buildVersion.js';
import { compiledEntry } from '../core/packageRoot.js';
import { requirePositiveFinite } from '../core/validate.js';
import type { Scenario } from '../model/types.js';
import {
  decodePayload,
  parseQueueUrl,
  QUEUE_NAME,
  QUEUE_PREFIX,
  QueueError,
  resultKey,
  RUN_RENEW_SECONDS,
  RUN_TTL_SECONDS,
  runKey,
  SCENARIO_TTL_SECONDS,
  scenarioKey,
  scenarioPayload,
  type ReplicationJobData,
} from './queueProtocol.js';
import { connectRedis, messageOf, withTimeout } from './redisConnection.js';
import { jobChecker, type ReplicationJob, type ReplicationPool } from './replicationPool.js';
import type { ReplicationRun } from './runReplication.js';

/** The queue as the submitting command sees it, once a second while its jobs run. */
export interface QueueStatus {
  /** `hotline worker` processes connected to the queue. */
  workers: number;
  /** The builds (`buildVersion`) of connected workers that differ from this command's; they refuse its jobs. */
  otherVersions: string[];
  /** Jobs waiting and running in the queue, of every command that uses it. */
  waiting: number;
  active: number;
}

/** Options of `openQueuePool`. */
export interface QueuePoolOptions {
  /**
   * Seconds with no worker connected, while jobs are waiting, after which
   * every round rejects (the command runs no replication itself); also how
   * long Redis may stay unreachable.
   *
   * __Default value:__ `60`
   */
  timeoutSeconds?: number;
  /** Called about once a second while jobs run. __Default value:__ none */
  onStatus?: (status: QueueStatus) => void;
}

/** A replication pool on a Redis queue; `status` reads the queue now. */
export interface QueuePool extends ReplicationPool {
  status(): Promise<QueueStatus>;
}

/** Seconds between renewals of a command's scenarios in Redis. */
const SCENARIO_RENEW_SECONDS = 600;
/** Most seconds a Redis call may take while closing (Redis may be gone). */
const CLOSE_SECONDS = 5;

/**
 * The build a worker runs, from its BullMQ name (`host-pid@version`), as
 * `getWorkers` lists it; undefined when the name holds none.
 */
function workerVersion(client: Record<string, string>): string | undefined {
  const name = client.rawname ?? client.name ?? '';
  const at = name.lastIndexOf('@');
  return at < 0 ? undefined : name.slice(at + 1);
}

/**
 * Open a replication pool on a Redis queue: each replication is a BullMQ job
 * that a `hotline worker` process, on this machine or any other reaching the
 * same Redis, runs and answers. The pool sends each scenario once, by
 * content hash (workers fetch it from Redis: no shared file system), and
 * each job carries the hash, the seed, the replication and this build's
 * version (`buildVersion`: the package version and a hash of `dist/`); a
 * worker of another build refuses the job, and the round rejects with its
 * message. Runs come back as the structured clone worker threads would post,
 * and a round resolves with them in job order, so `replicate`, `sweep`,
 * `leastBudget` and the others give byte for byte what worker threads give.
 *
 * Faults: a worker killed mid-job leaves its job locked; once the lock
 * expires, another worker's stalled-job check puts it back and it is run
 * again, with the same result. With no worker connected for
 * `timeoutSeconds` while jobs wait (or Redis unreachable that long), every
 * open round rejects with a `QueueError`; this process never runs a
 * replication itself. `close` removes the jobs still waiting and tells
 * workers to skip any that remain (its presence key is deleted).
 *
 * Needs the build (`npm run build`): its hash is the version workers check.
 *
 * @param url `redis://HOST[:PORT][/DB]` or `rediss://...`
 * @param options the timeout and a status callback
 * @returns the pool; close it in a `finally`
 * @throws {RangeError} for a malformed URL or timeout
 * @throws {QueueError} when Redis cannot be reached (the message names the URL)
 * @throws {Error} "run npm run build" when `dist/` is missing or older than the sources
 * @example
 * // With a Redis server and `hotline worker --queue URL` running somewhere:
 * //   const pool = await openQueuePool('redis://10.0.0.5:6379');
 * //   try { await replicate(scenario, { replications: 100, seed: 1, pool }); } finally { await pool.close(); }
 * // Where no Redis answers (port 1 here), it fails at once, naming the URL:
 * await openQueuePool('redis://127.0.0.1:1');
 * // throws QueueError: cannot reach Redis at redis://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1
 */
export async function openQueuePool(url: string, options: QueuePoolOptions = {}): Promise<QueuePool> {
  const fn = 'openQueuePool';
  const address = parseQueueUrl(url);
  const timeoutSeconds = options.timeoutSeconds ?? 60;
  requirePositiveFinite(fn, 'options.timeoutSeconds', timeoutSeconds);
  compiledEntry('sim/plan/replicateWorker.js'); // the build workers compare must be the sources'
  const version = buildVersion();
  const check = jobChecker(fn);
  const client = await connectRedis(address);
  const { Queue: BullQueue, QueueEvents: BullQueueEvents } = await import('bullmq');
  const queue: Queue = new BullQueue(QUEUE_NAME, { connection: client, prefix: QUEUE_PREFIX });
  queue.on('error', () => undefined); // the watchdog reports an unreachable Redis
  let events: QueueEvents | undefined;
  const runId = randomUUID();
  try {
    // Read the events from the last one already there: none of this pool's can be missed.
    const last = await client.xrevrange(`${QUEUE_PREFIX}:${QUEUE_NAME}:events`, '+', '-', 'COUNT', 1);
    events = new BullQueueEvents(QUEUE_NAME, {
      connection: client,
      prefix: QUEUE_PREFIX,
      lastEventId: last[0]?.[0] ?? '0-0',
    });
    events.on('error', () => undefined);
    await withTimeout(events.waitUntilReady(), 10, 'listening to the queue');
    await client.set(runKey(runId), version, 'EX', RUN_TTL_SECONDS);
  } catch (error) {
    void events?.close();
    client.disconnect();
    throw new QueueError(`setting up the queue at ${address.shown}: ${messageOf(error)}`);
  }
  const queueEvents = events;

  interface Round {
    /** Settles once every job of the round is in the queue (or adding failed). */
    added: Promise<void>;
    jobs: readonly ReplicationJob[];
    runs: (ReplicationRun | undefined)[];
    done: number;
    onRun: ((run: ReplicationRun, job: number) => void) | undefined;
    resolve: (runs: ReplicationRun[]) => void;
    reject: (error: unknown) => void;
  }
  const tasks = new Map<string, { round: Round; index: number }>();
  const rounds = new Set<Round>();
  const hashes = new WeakMap<Scenario, string>();
  const stored = new Set<string>();
  let roundCount = 0;
  let closed = false;

  // Removals of the jobs of rounds that failed or were cancelled; `close` waits for them.
  const removals: Promise<unknown>[] = [];
  const endRound = (round: Round, error?: unknown): void => {
    if (!rounds.delete(round)) return;
    const left: string[] = [];
    for (const [id, task] of tasks) {
      if (task.round !== round) continue;
      tasks.delete(id);
      left.push(id);
    }
    if (left.length > 0) {
      // A waiting job is removed; a running one is locked and finishes (its result expires unread).
      removals.push(round.added.then(() => Promise.all(left.map((id) => queue.remove(id).catch(() => 0)))));
    }
    if (error === undefined) round.resolve(round.runs as ReplicationRun[]);
    else round.reject(error);
  };
  const failAll = (error: QueueError): void => {
    for (const round of [...rounds]) endRound(round, error);
  };

  const take = async (jobId: string, round: Round, index: number): Promise<void> => {
    // GET and DEL in one transaction (GETDEL needs Redis 6.2; BullMQ asks for 5)
    const replies = await client.multi().getBuffer(resultKey(jobId)).del(resultKey(jobId)).exec();
    const reply = replies?.[0];
    if (reply?.[0]) throw reply[0];
    const bytes = (reply?.[1] ?? null) as Buffer | null;
    if (!rounds.has(round)) return;
    const job = round.jobs[index] as ReplicationJob;
    if (bytes === null) {
      endRound(
        round,
        new QueueError(`job ${jobId} finished, but its result is not in Redis at ${address.shown}`),
      );
      return;
    }
    const run = decodePayload(bytes) as ReplicationRun;
    if (run.replication !== job.replication) {
      endRound(
        round,
        new QueueError(`job ${jobId} answered replication ${run.replication} for ${job.replication}`),
      );
      return;
    }
    round.runs[index] = run;
    round.done++;
    try {
      round.onRun?.(run, index);
      if (round.done === round.jobs.length) endRound(round);
    } catch (error) {
      endRound(round, error);
    }
  };
  queueEvents.on('completed', ({ jobId }) => {
    const task = tasks.get(jobId);
    if (task === undefined) return;
    tasks.delete(jobId);
    take(jobId, task.round, task.index).catch((error: unknown) =>
      endRound(task.round, new QueueError(`reading the result of job ${jobId}: ${messageOf(error)}`)),
    );
  });
  queueEvents.on('failed', ({ jobId, failedReason }) => {
    const task = tasks.get(jobId);
    if (task === undefined) return;
    const job = task.round.jobs[task.index] as ReplicationJob;
    endRound(
      task.round,
      new QueueError(
        `replication ${job.replication} (job ${jobId}) failed on a hotline worker: ${failedReason}`,
      ),
    );
  });

  const status = async (): Promise<QueueStatus> => {
    const [workers, counts] = await Promise.all([
      queue.getWorkers(),
      queue.getJobCounts('waiting', 'active'),
    ]);
    const versions = workers.map(workerVersion);
    return {
      workers: workers.length,
      otherVersions: [
        ...new Set(versions.filter((v): v is string => v !== undefined && v !== version)),
      ].sort(),
      waiting: counts.waiting ?? 0,
      active: counts.active ?? 0,
    };
  };

  // Once a second: the status, the watchdog (no worker, no Redis) and the presence key.
  let reachedAt = Date.now();
  let noWorkerSince: number | undefined;
  let ticking = false;
  let ticks = 0;
  const tick = async (): Promise<void> => {
    if (ticking || closed) return;
    ticking = true;
    try {
      ticks++;
      if (ticks % RUN_RENEW_SECONDS === 0) await client.expire(runKey(runId), RUN_TTL_SECONDS);
      if (ticks % SCENARIO_RENEW_SECONDS === 0 && stored.size > 0) {
        const renew = client.pipeline();
        for (const hash of stored) renew.expire(scenarioKey(hash), SCENARIO_TTL_SECONDS);
        await renew.exec();
      }
      if (rounds.size === 0) {
        noWorkerSince = undefined;
        reachedAt = Date.now();
        return;
      }
      const now = Date.now();
      let seen: QueueStatus;
      try {
        seen = await withTimeout(status(), 5, 'reading the queue');
        reachedAt = now;
      } catch (error) {
        if (now - reachedAt >= timeoutSeconds * 1000) {
          failAll(
            new QueueError(`lost Redis at ${address.shown} for ${timeoutSeconds} s: ${messageOf(error)}`),
          );
        }
        return;
      }
      options.onStatus?.(seen);
      if (seen.workers > 0) noWorkerSince = undefined;
      else {
        noWorkerSince ??= now;
        if (now - noWorkerSince >= timeoutSeconds * 1000) {
          failAll(
            new QueueError(
              `no hotline worker connected to the queue at ${address.shown} for ${timeoutSeconds} s ` +
                `(start one with: hotline worker --queue ${address.shown}); this command runs no replication itself`,
            ),
          );
        }
      }
    } catch {
      // a renewal that failed is tried again at the next tick; the watchdog reports a Redis that stays away
    } finally {
      ticking = false;
    }
  };
  const timer = setInterval(() => void tick(), 1_000);

  const hashOf = async (scenario: Scenario): Promise<string> => {
    let hash = hashes.get(scenario);
    if (hash === undefined) {
      const payload = scenarioPayload(scenario);
      hash = payload.hash;
      hashes.set(scenario, hash);
      if (!stored.has(hash)) {
        await client.set(scenarioKey(hash), payload.bytes, 'EX', SCENARIO_TTL_SECONDS);
        stored.add(hash);
      }
    }
    return hash;
  };

  return {
    workers: 0,
    where: `the queue at ${address.shown}`,
    status,
    async run(jobs, onRun) {
      if (closed) throw new Error(`${fn}: the pool is closed`);
      check(jobs);
      if (jobs.length === 0) return [];
      const roundId = roundCount++;
      const data: ReplicationJobData[] = [];
      for (const job of jobs) {
        data.push({
          version,
          runId,
          scenario: await hashOf(job.scenario),
          seed: job.seed,
          replication: job.replication,
          keepIntervals: job.keepIntervals === true,
          days: job.scenario.days,
        });
      }
      return new Promise<ReplicationRun[]>((resolve, reject) => {
        let added = (): void => undefined;
        const round: Round = {
          added: new Promise<void>((resolveAdded) => {
            added = resolveAdded;
          }),
          jobs,
          runs: new Array<ReplicationRun | undefined>(jobs.length),
          done: 0,
          onRun,
          resolve,
          reject,
        };
        rounds.add(round);
        if (rounds.size === 1) noWorkerSince = undefined;
        const bulk = data.map((jobData, index) => {
          const jobId = `${runId}.${roundId}.${index}`;
          tasks.set(jobId, { round, index });
          return {
            name: 'replication',
            data: jobData,
            opts: { jobId, removeOnComplete: true, removeOnFail: { age: 86_400, count: 1_000 } },
          };
        });
        void (async () => {
          for (let from = 0; from < bulk.length && rounds.has(round); from += 1_000) {
            await queue.addBulk(bulk.slice(from, from + 1_000));
          }
        })()
          .catch((error: unknown) =>
            endRound(
              round,
              new QueueError(`adding jobs to the queue at ${address.shown}: ${messageOf(error)}`),
            ),
          )
          .finally(added);
        void tick();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      failAll(new QueueError(`${fn}: the pool is closed`));
      try {
        await withTimeout(
          (async () => {
            await Promise.all(removals);
            await client.del(runKey(runId));
          })(),
          CLOSE_SECONDS,
          'removing the jobs',
        );
        await withTimeout(
          Promise.all([queueEvents.close(), queue.close()]),
          CLOSE_SECONDS,
          'closing the queue',
        );
      } catch {
        // Redis is gone: the waiting jobs are skipped by workers once the presence key expires
      } finally {
        client.disconnect();
      }
    },
  };
}
