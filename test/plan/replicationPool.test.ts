import { describe, expect, it } from 'vitest';
import { exponential } from '../../sim/model/distributions.js';
import type { Scenario } from '../../sim/model/types.js';
import { openReplicationPool } from '../../sim/plan/replicationPool.js';
import { runReplication } from '../../sim/plan/runReplication.js';

// One busy day, two staffing levels: the pool runs replications of several scenarios in one round.
const scenario: Scenario = {
  startDate: '2020-03-31',
  days: 1,
  intervalMinutes: 30,
  arrivals: { kind: 'profile', dailyVolume: 1_200 },
  handle: exponential(200),
  patience: exponential(90),
  redial: { redialProbability: 0.5, maxAttempts: 3, delay: exponential(600) },
  agents: { kind: 'constant', count: 4 },
  answerWithinSeconds: 15,
};
const more: Scenario = { ...scenario, agents: { kind: 'constant', count: 6 } };

const jobs = [
  { scenario, seed: 3, replication: 0 },
  { scenario: more, seed: 3, replication: 0 },
  { scenario, seed: 3, replication: 2 },
  { scenario: more, seed: 3, replication: 1 },
  { scenario, seed: 4, replication: 0 },
];
const withoutTiming = (runs: readonly { timing: unknown }[]): string =>
  JSON.stringify(runs.map((run) => ({ ...run, timing: null })));

describe('openReplicationPool', () => {
  it('gives, in job order, the runs of the calling thread on 0, 1 or 2 workers, round after round', async () => {
    const direct = jobs.map((job) => runReplication(job.scenario, job.seed, job.replication, false));
    for (const workers of [0, 1, 2]) {
      const pool = openReplicationPool(workers);
      try {
        const seen: number[] = [];
        const first = await pool.run(jobs, (_, index) => seen.push(index));
        expect(withoutTiming(first)).toBe(withoutTiming(direct));
        expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
        // A second round on the same threads (scenarios already sent) gives the same again.
        const second = await pool.run([...jobs].reverse());
        expect(withoutTiming(second)).toBe(withoutTiming([...direct].reverse()));
      } finally {
        await pool.close();
      }
    }
    // More agents, same replication (common random numbers): never a lower answer rate here.
    expect(direct[1]!.kpis.answerRate!).toBeGreaterThan(direct[0]!.kpis.answerRate!);
  });

  it('runs overlapping rounds, keeps interval rows where a job asks, and stays usable when a round fails', async () => {
    const pool = openReplicationPool(2);
    try {
      const direct = jobs.map((job) => runReplication(job.scenario, job.seed, job.replication, false));
      const [a, b] = await Promise.all([
        pool.run(jobs.slice(0, 3)),
        pool.run([{ ...jobs[3]!, keepIntervals: true }, jobs[4]!]),
      ]);
      expect(withoutTiming([...a, ...b].map(({ intervals: _, ...run }) => run))).toBe(withoutTiming(direct));
      expect(b[0]!.intervals).toEqual(runReplication(more, 3, 1, true).intervals);
      expect(a[0]!.intervals).toBeUndefined();
      // A round whose callback throws rejects with that error; the threads go on with the next round.
      await expect(
        pool.run(jobs, () => {
          throw new Error('stop here');
        }),
      ).rejects.toThrow('stop here');
      expect(withoutTiming(await pool.run(jobs))).toBe(withoutTiming(direct));
    } finally {
      await pool.close();
    }
  });

  it('a thread that drops the scenarios it used least recently is sent them again', async () => {
    // 40 scenarios on one thread, which keeps 32: the first ones are forgotten, then asked for again.
    const many = Array.from({ length: 40 }, (_, k): Scenario => ({
      ...scenario,
      arrivals: { kind: 'profile', dailyVolume: 40 + k },
      agents: { kind: 'constant', count: 1 },
    }));
    const manyJobs = [...many, ...many.slice(0, 5)].map((s) => ({ scenario: s, seed: 1, replication: 0 }));
    const pool = openReplicationPool(1);
    try {
      const runs = await pool.run(manyJobs);
      expect(withoutTiming(runs)).toBe(
        withoutTiming(manyJobs.map((job) => runReplication(job.scenario, 1, 0, false))),
      );
    } finally {
      await pool.close();
    }
  });

  // A thread that runs out of its heap (a year of 5-minute interval rows kept on a 32 MB heap) fails
  // that round, naming the replication; a new thread takes its place, and the next round runs on it.
  it('replaces a thread that fails: its round rejects, the next round runs as in the calling thread', async () => {
    const hungry: Scenario = { ...scenario, days: 366, intervalMinutes: 5 };
    const pool = openReplicationPool(1, { threadHeapMb: 32 });
    try {
      await expect(
        pool.run([{ scenario: hungry, seed: 1, replication: 2, keepIntervals: true }]),
      ).rejects.toThrow(
        /^openReplicationPool: the worker thread running replication 2 \(seed 1\) failed: .*; a new thread took its place$/,
      );
      const runs = await pool.run(jobs);
      expect(withoutTiming(runs)).toBe(
        withoutTiming(jobs.map((job) => runReplication(job.scenario, job.seed, job.replication, false))),
      );
    } finally {
      await pool.close();
    }
    // Threads that cannot start (a 1 MB heap) fail the rounds they were given, then break the pool
    // instead of being started for ever: within a few rounds every round says the pool is closed.
    const starved = openReplicationPool(2, { threadHeapMb: 1 });
    try {
      const messages: string[] = [];
      for (
        let round = 0;
        round < 50 && messages.at(-1) !== 'openReplicationPool: the pool is closed';
        round++
      ) {
        messages.push(
          await starved.run(jobs).then(
            () => 'ran',
            (error: Error) => error.message,
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(messages.at(-1)).toBe('openReplicationPool: the pool is closed');
      for (const message of messages) {
        expect(message).toMatch(
          /^openReplicationPool: (a worker thread cannot start: |the worker thread running replication \d+ \(seed \d\) failed: |the pool is closed$)/,
        );
      }
    } finally {
      await starved.close();
    }
    expect(() => openReplicationPool(1, { threadHeapMb: 0 })).toThrow(
      'openReplicationPool: options.threadHeapMb must be a positive integer (got 0)',
    );
  }, 120_000);

  it('rejects a bad job before any run, and any job once closed', async () => {
    const pool = openReplicationPool(0);
    await expect(pool.run([{ scenario, seed: 1, replication: 1.5 }])).rejects.toThrow(
      'openReplicationPool: job.replication must be a non-negative integer (got 1.5)',
    );
    await pool.close();
    await expect(pool.run(jobs)).rejects.toThrow('openReplicationPool: the pool is closed');
    expect(() => openReplicationPool(-1)).toThrow(RangeError);
  });
});
