import { describe, expect, it } from 'vitest';
import { queueMetrics } from '../../sim/analytic/queueMetrics.js';
import type { QueueParams } from '../../sim/analytic/types.js';
import { deterministic } from '../../sim/model/distributions.js';
import { defaultWarmupCalls, simulateQueue } from '../../sim/model/simulateQueue.js';

/**
 * Quick sanity checks of the wrapper against the exact formulas; the systematic
 * validation is in test/validation. Each check: the mean of 6 seeded replications
 * within 4.5 standard errors (their sample standard deviation / sqrt(6)) of the exact
 * value, plus a floor of 1e-9 for metrics that are exactly 0.
 */
function expectNear(q: QueueParams, name: 'answerRate' | 'serviceLevel' | 'asaSeconds' | 'occupancy'): void {
  const runs = Array.from({ length: 6 }, (_, replication) =>
    simulateQueue(q, { calls: 40_000, seed: 99, replication }),
  );
  const values = runs.map((r) => r[name]);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
  const exact = queueMetrics(q)[name];
  expect(Math.abs(mean - exact)).toBeLessThanOrEqual(4.5 * (sd / Math.sqrt(values.length)) + 1e-9);
}

describe('simulateQueue', () => {
  const erlangA: QueueParams = {
    agents: 10,
    arrivalsPerHour: 300,
    meanHandleSeconds: 120,
    meanPatienceSeconds: 60,
    answerWithinSeconds: 20,
  };

  it('measures exactly `calls` arrivals, each resolved, and reports the counts', () => {
    const run = simulateQueue(erlangA, { calls: 5_000, seed: 1 });
    expect(run.offered).toBe(5_000);
    expect(run.answered + run.abandoned + run.blocked).toBe(5_000);
    expect(run.stillWaiting).toBe(0);
    expect(run.offeredErlangs).toBe(10);
    expect(run.stable).toBe(true);
    expect(run.runSeconds).toBeGreaterThan(0);
    expect(run.answerRate + run.abandonRate + run.blockRate).toBeCloseTo(1, 12);
  });

  it('warms up with min(10% of calls, 10,000) arrivals by default', () => {
    expect(defaultWarmupCalls(5_000)).toBe(500);
    expect(defaultWarmupCalls(1_000_000)).toBe(10_000);
  });

  it('agrees with Erlang A (queueMetrics) on answer rate, service level and occupancy', () => {
    expectNear(erlangA, 'answerRate');
    expectNear(erlangA, 'serviceLevel');
    expectNear(erlangA, 'occupancy');
  });

  it('agrees with M/M/c/K+M (a finite waiting room) on answer rate and ASA', () => {
    const q: QueueParams = { ...erlangA, arrivalsPerHour: 330, waitingRoom: 3 };
    expectNear(q, 'answerRate');
    expectNear(q, 'asaSeconds');
  });

  it('agrees with Erlang B when there is no waiting room (a deterministic handle time changes nothing)', () => {
    // Erlang B is insensitive to the handle-time distribution beyond its mean.
    const q: QueueParams = {
      agents: 5,
      arrivalsPerHour: 120,
      meanHandleSeconds: 120,
      waitingRoom: 0,
      answerWithinSeconds: 20,
    };
    const runs = Array.from({ length: 6 }, (_, replication) =>
      simulateQueue(q, { calls: 40_000, seed: 7, replication, handle: deterministic(120) }),
    );
    const values = runs.map((r) => r.blockRate);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    expect(Math.abs(mean - queueMetrics(q).blockRate)).toBeLessThanOrEqual(4.5 * (sd / Math.sqrt(6)));
  });

  it('reports an unstable Erlang C queue as not stable, with measured calls left waiting', () => {
    const run = simulateQueue(
      { agents: 2, arrivalsPerHour: 200, meanHandleSeconds: 60, answerWithinSeconds: 20 },
      { calls: 2_000, seed: 3 },
    );
    expect(run.stable).toBe(false);
    expect(run.offered).toBe(run.answered + run.abandoned + run.blocked + run.stillWaiting);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => simulateQueue({ ...erlangA, agents: 1.5 }, { calls: 10, seed: 1 })).toThrow(
      'simulateQueue: agents must be a non-negative integer (got 1.5)',
    );
    expect(() => simulateQueue(erlangA, { calls: 0, seed: 1 })).toThrow(/simulateQueue: calls/);
    expect(() => simulateQueue(erlangA, { calls: 10, seed: 1, warmupCalls: -1 })).toThrow(/warmupCalls/);
  });
});
