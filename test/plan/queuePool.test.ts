import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shanghai12333UnitCosts2020 } from '../../sim/budget/shanghai12333Costs.js';
import { whatBudgetBuys } from '../../sim/budget/whatBudgetBuys.js';
import { buildVersion } from '../../sim/core/buildVersion.js';
import { openQueuePool } from '../../sim/plan/queuePool.js';
import {
  QUEUE_NAME,
  QUEUE_PREFIX,
  QueueError,
  runKey,
  scenarioPayload,
} from '../../sim/plan/queueProtocol.js';
import { runQueueWorker, type QueueWorker } from '../../sim/plan/queueWorker.js';
import { replicate } from '../../sim/plan/replicate.js';
import { sweep } from '../../sim/plan/sweep.js';
import { stripTiming } from '../bench/replicate.js';
import { answerRateTargets, buying12333, twoDayScenario } from './fixtures.js';
import { describeWithRedis, freePort, startRedis, type RedisServer } from './withRedis.js';

// The queue pool in this process against a private redis-server, with a `hotline worker` run
// in this process too (runQueueWorker; its replications run on worker threads of dist/): the
// runs that come back are those of worker threads, so the results are equal to the last bit.

describeWithRedis('openQueuePool and runQueueWorker (BullMQ on a private redis-server)', () => {
  let redis: RedisServer;
  let worker: QueueWorker;
  let client: Redis;
  const lines: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url, { maxRetriesPerRequest: null });
    worker = await runQueueWorker(redis.url, {
      concurrency: 2,
      lockSeconds: 2,
      log: (line) => lines.push(line),
    });
  });
  afterAll(async () => {
    await worker?.close();
    client?.disconnect();
    await redis?.stop();
  });

  const waitingJobs = async (): Promise<number> => client.llen(`${QUEUE_PREFIX}:${QUEUE_NAME}:wait`);

  it('replicate on the queue gives exactly what worker threads give, interval rows included', async () => {
    const pool = await openQueuePool(redis.url, { timeoutSeconds: 30 });
    try {
      expect(pool.where).toBe(`the queue at ${redis.url}`);
      expect((await pool.status()).workers).toBe(1);
      const options = { replications: 3, seed: 5, keepIntervals: true };
      const queued = await replicate(twoDayScenario, { ...options, pool });
      const threads = await replicate(twoDayScenario, { ...options, workers: 2 });
      expect(queued.intervals).toHaveLength(2 * 48);
      expect(stripTiming(queued)).toBe(stripTiming(threads));
      expect(queued.timing.where).toBe(`the queue at ${redis.url}`);
    } finally {
      await pool.close();
    }
    expect(lines.filter((line) => line.startsWith('done job'))).toHaveLength(3);
    expect(await client.keys(`${QUEUE_PREFIX}:result:*`)).toEqual([]);
  });

  it('a sweep of several scenarios on the queue equals the sweep on threads, each scenario stored once by content hash', async () => {
    const { costPerSeatYear } = whatBudgetBuys(
      { seatRental: 0, managementFee: 0 },
      shanghai12333UnitCosts2020,
      buying12333,
    );
    const grid = {
      seatRentalYuan: [30, 50].map((seats) => seats * costPerSeatYear),
      assumptions: { volume: [1.2] },
    };
    const options = { buying: buying12333, seed: 3, replications: 2 };
    const pool = await openQueuePool(redis.url);
    try {
      const queued = await sweep(twoDayScenario, answerRateTargets(0.8), shanghai12333UnitCosts2020, grid, {
        ...options,
        pool,
      });
      const threads = await sweep(twoDayScenario, answerRateTargets(0.8), shanghai12333UnitCosts2020, grid, {
        ...options,
        workers: 2,
      });
      expect(JSON.stringify(queued)).toBe(JSON.stringify(threads));
      expect(queued).toHaveLength(4);
      expect(new Set(queued.map((row) => row.scheduledAgentHours)).size).toBe(2);
    } finally {
      await pool.close();
    }
    // 2 budgets x (baseline, volume x 1.2): 4 scenarios, plus the one of the first test.
    expect(await client.keys(`${QUEUE_PREFIX}:scenario:*`)).toHaveLength(5);
  });

  it('a worker refuses a job sent by another build, naming both versions, and the round rejects with it', async () => {
    const queue = new Queue(QUEUE_NAME, { connection: client, prefix: QUEUE_PREFIX });
    const events = new QueueEvents(QUEUE_NAME, { connection: client, prefix: QUEUE_PREFIX });
    try {
      await events.waitUntilReady();
      const { hash, bytes } = scenarioPayload(twoDayScenario);
      await client.set(`${QUEUE_PREFIX}:scenario:${hash}`, bytes);
      await client.set(runKey('other-build'), '1', 'EX', 60);
      const failed = new Promise<string>((resolve) =>
        events.on('failed', ({ jobId, failedReason }) => {
          if (jobId === 'other-build.0.0') resolve(failedReason);
        }),
      );
      await queue.add(
        'replication',
        {
          version: '0.0.9+000000000000',
          runId: 'other-build',
          scenario: hash,
          seed: 1,
          replication: 0,
          keepIntervals: false,
          days: 2,
        },
        { jobId: 'other-build.0.0' },
      );
      const reason = await failed;
      expect(reason).toContain(`refused the job: it runs hotline-planner ${buildVersion()}`);
      expect(reason).toContain('the command runs 0.0.9+000000000000');
      expect(lines).toContain(
        `refused job other-build.0.0: sent by build 0.0.9+000000000000, this worker runs ${buildVersion()}`,
      );
    } finally {
      await client.del(runKey('other-build'));
      await events.close();
      await queue.close();
    }
  });

  it('a job whose command has ended is skipped, not run', async () => {
    const queue = new Queue(QUEUE_NAME, { connection: client, prefix: QUEUE_PREFIX });
    try {
      const { hash } = scenarioPayload(twoDayScenario);
      await queue.add(
        'replication',
        {
          version: buildVersion(),
          runId: 'gone',
          scenario: hash,
          seed: 1,
          replication: 0,
          keepIntervals: false,
          days: 2,
        },
        { jobId: 'gone.0.0', removeOnComplete: true },
      );
      await expect
        .poll(() => lines.includes('skipped job gone.0.0: the command that sent it has ended'))
        .toBe(true);
      expect(lines.some((line) => line.startsWith('start job gone.0.0'))).toBe(false);
    } finally {
      await queue.close();
    }
  });

  it('with no worker connected for the timeout, the round rejects saying so, and its jobs leave the queue', async () => {
    await worker.close();
    const pool = await openQueuePool(redis.url, { timeoutSeconds: 1 });
    try {
      const started = Date.now();
      await expect(replicate(twoDayScenario, { replications: 2, seed: 1, pool })).rejects.toThrow(
        `no hotline worker connected to the queue at ${redis.url} for 1 s`,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await pool.close();
    }
    expect(await waitingJobs()).toBe(0);
    expect(await client.keys(`${QUEUE_PREFIX}:run:*`)).toEqual([]);
    worker = await runQueueWorker(redis.url, {
      concurrency: 1,
      lockSeconds: 2,
      log: (line) => lines.push(line),
    });
  });

  it('close removes the waiting jobs of its rounds and its presence key', async () => {
    await worker.close();
    const pool = await openQueuePool(redis.url, { timeoutSeconds: 60 });
    const round = replicate(twoDayScenario, { replications: 4, seed: 2, pool }).catch(
      (error: unknown) => error,
    );
    await expect.poll(waitingJobs).toBe(4);
    expect(await client.keys(`${QUEUE_PREFIX}:run:*`)).toHaveLength(1);
    await pool.close();
    expect(await round).toEqual(new QueueError('openQueuePool: the pool is closed'));
    expect(await waitingJobs()).toBe(0);
    expect(await client.keys(`${QUEUE_PREFIX}:run:*`)).toHaveLength(0);
    worker = await runQueueWorker(redis.url, {
      concurrency: 1,
      lockSeconds: 2,
      log: (line) => lines.push(line),
    });
  });

  it('an unreachable Redis is a QueueError naming the URL, for the pool and the worker', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(openQueuePool(url)).rejects.toThrow(QueueError);
    await expect(openQueuePool(url)).rejects.toThrow(`cannot reach Redis at ${url}: connect ECONNREFUSED`);
    await expect(runQueueWorker(url)).rejects.toThrow(`cannot reach Redis at ${url}`);
    await expect(openQueuePool('redis://127.0.0.1:6379', { timeoutSeconds: 0 })).rejects.toThrow(
      'openQueuePool: options.timeoutSeconds must be',
    );
  });
});
