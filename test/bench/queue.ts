/**
 * Replications on the Redis queue against worker threads, on this machine: a
 * private redis-server (Debian's, as the tests start it) and `hotline worker`
 * processes with `--concurrency 1`. Figures, not a test; noisy when other work
 * shares the machine (the load average is printed).
 *
 * 1. Overhead per job: `jobs` replications of a tiny scenario (one day, 100
 *    calls: a few milliseconds of simulation) on one worker thread, then through
 *    the queue to one worker process. The difference per job is what the queue
 *    costs (adding the job, a worker taking it, storing and fetching the run).
 * 2. Throughput: `replications` replications of the first `days` days of the
 *    shipped 12333 2020 scenario on one worker process, then on two; the
 *    speed-up, and whether both gave the results of two worker threads.
 *
 * Each is run `rounds` times, alternating, and the best time is kept.
 *
 *   npm run bench:queue [-- jobs replications days rounds]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../sim/core/packageRoot.js';
import { firstDaysOf, readScenarioFile } from '../../sim/io/scenarioFile.js';
import { exponential } from '../../sim/model/distributions.js';
import type { Scenario } from '../../sim/model/types.js';
import { openQueuePool } from '../../sim/plan/queuePool.js';
import { replicate } from '../../sim/plan/replicate.js';
import { openReplicationPool } from '../../sim/plan/replicationPool.js';
import { startRedis } from './redisServer.js';
import { stripTiming } from './replicate.js';

const tiny: Scenario = {
  startDate: '2020-03-02',
  days: 1,
  intervalMinutes: 30,
  arrivals: { kind: 'profile', dailyVolume: 100 },
  handle: exponential(180),
  patience: exponential(90),
  agents: { kind: 'constant', count: 2 },
  answerWithinSeconds: 20,
};

/** Start `count` worker processes on the queue and wait until each has connected. */
async function startWorkers(url: string, count: number): Promise<ChildProcess[]> {
  const main = join(packageRoot(), 'dist/sim/cli/main.js');
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ChildProcess>((resolve, reject) => {
          const child = spawn(process.execPath, [main, 'worker', '--queue', url, '--concurrency', '1']);
          child.stdout.on('data', (chunk: Buffer) => {
            if (chunk.toString().includes('taking jobs from')) resolve(child);
          });
          child.once('exit', (code) => reject(new Error(`a worker stopped with code ${code}`)));
        }),
    ),
  );
}

async function stopWorkers(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          child.removeAllListeners('exit');
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
}

const seconds = (from: number): number => (performance.now() - from) / 1000;

export async function benchQueue(jobs = 200, replications = 12, days = 28, rounds = 3): Promise<void> {
  console.log(
    `queue: ${availableParallelism()} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const redis = await startRedis();
  try {
    // 1. Overhead per job, best of `rounds`.
    const threadRuns: number[] = [];
    const queueRuns: number[] = [];
    const tinyJobs = Array.from({ length: jobs }, (_, replication) => ({
      scenario: tiny,
      seed: 1,
      replication,
    }));
    let workers = await startWorkers(redis.url, 1);
    try {
      for (let round = 0; round < rounds; round++) {
        const threads = openReplicationPool(1);
        let started = performance.now();
        try {
          await threads.run(tinyJobs);
        } finally {
          await threads.close();
        }
        threadRuns.push(seconds(started));
        const pool = await openQueuePool(redis.url);
        try {
          started = performance.now();
          await pool.run(tinyJobs);
          queueRuns.push(seconds(started));
        } finally {
          await pool.close();
        }
      }
    } finally {
      await stopWorkers(workers);
    }
    const threadSeconds = Math.min(...threadRuns);
    const queueSeconds = Math.min(...queueRuns);
    console.log(
      `  ${jobs} jobs of ${((threadSeconds / jobs) * 1000).toFixed(1)} ms, best of ${rounds}: one worker thread ${threadSeconds.toFixed(2)} s, ` +
        `the queue and one worker process ${queueSeconds.toFixed(2)} s: ` +
        `${(((queueSeconds - threadSeconds) / jobs) * 1000).toFixed(1)} ms more per job`,
    );

    // 2. Throughput with one and two worker processes.
    const { scenario: year } = readScenarioFile(
      join(packageRoot(), 'data/shanghai-12333-2020/scenario.json'),
    );
    const scenario = firstDaysOf(year, days);
    const local = await replicate(scenario, { replications, seed: 1, workers: 2 });
    console.log(
      `  ${replications} replications of ${days} days of 12333 2020: 2 worker threads ${local.timing.wallSeconds.toFixed(1)} s`,
    );
    // Alternating 1, 2, 1, 2, ... worker processes, `rounds` times each: the best wall time of each
    // says most about the machine, the others about the load other work put on it.
    const wall: Record<number, number[]> = { 1: [], 2: [] };
    for (let round = 0; round < rounds; round++) {
      for (const count of [1, 2]) {
        workers = await startWorkers(redis.url, count);
        const queuePool = await openQueuePool(redis.url);
        try {
          const result = await replicate(scenario, { replications, seed: 1, pool: queuePool });
          wall[count]?.push(result.timing.wallSeconds);
          console.log(
            `  ${count} worker process${count === 1 ? ': ' : 'es:'} ${result.timing.wallSeconds.toFixed(1)} s wall, ` +
              `${((replications / result.timing.wallSeconds) * 60).toFixed(1)} replications a minute, ` +
              `${(result.timing.simulatedSeconds / replications).toFixed(2)} s of simulation each, ` +
              `load average ${loadavg()[0]?.toFixed(1)}; identical to worker threads: ${stripTiming(result) === stripTiming(local)}`,
          );
        } finally {
          await queuePool.close();
          await stopWorkers(workers);
        }
      }
    }
    const best = (count: number): number => Math.min(...(wall[count] ?? []));
    console.log(
      `  best of ${rounds}: 1 worker process ${best(1).toFixed(1)} s (${((replications / best(1)) * 60).toFixed(1)} a minute), ` +
        `2 worker processes ${best(2).toFixed(1)} s (${((replications / best(2)) * 60).toFixed(1)} a minute): ` +
        `speed-up ${(best(1) / best(2)).toFixed(2)}x`,
    );
  } finally {
    await redis.stop();
  }
}

if (process.argv[1]?.endsWith('queue.js')) {
  const [jobs, replications, days, rounds] = process.argv.slice(2).map(Number);
  await benchQueue(jobs || undefined, replications || undefined, days || undefined, rounds || undefined);
}
