import { describe, expect, it } from 'vitest';
import { exponential, lognormal } from '../../sim/model/distributions.js';
import { shanghai12333Load2020 } from '../../sim/model/shanghai12333.js';
import { simulate } from '../../sim/model/simulate.js';
import type { Scenario, SimulationResult } from '../../sim/model/types.js';
import { replicate, type ReplicationResult } from '../../sim/plan/replicate.js';

// A week of the 12333 default load at a tenth of its volume (2,500 agent-bound calls a
// day), with every random mechanism switched on: day busyness, self-service, lognormal
// handle times, exponential patience, a waiting room and redials.
const load = shanghai12333Load2020;
const week: Scenario = {
  startDate: '2020-07-06',
  days: 7,
  intervalMinutes: 30,
  arrivals: {
    kind: 'profile',
    dailyVolume: 2_500,
    monthFactors: load.monthFactors,
    weekdayFactors: load.weekdayFactors,
    intradayShares: load.intradayShares,
  },
  dayBusynessCv: 0.1,
  selfServiceShare: 0.15,
  handle: lognormal(220, 180 / 220),
  patience: exponential(90),
  waitingRoom: 8,
  redial: { redialProbability: 0.5, maxAttempts: 4, delay: exponential(600) },
  agents: { kind: 'constant', count: 10 },
  answerWithinSeconds: 15,
};

const withoutTiming = (result: SimulationResult): string => JSON.stringify({ ...result, timing: null });
const replicationsWithoutTiming = (result: ReplicationResult): string =>
  JSON.stringify({
    ...result,
    timing: null,
    runs: result.runs.map((run) => ({ ...run, timing: { ...run.timing, runSeconds: null } })),
  });

describe('determinism', () => {
  it('the same seed and inputs give byte-identical results (timing aside); another seed changes them', () => {
    const first = simulate(week, { seed: 42, replication: 3, recordCalls: 5_000 });
    const again = simulate(week, { seed: 42, replication: 3, recordCalls: 5_000 });
    expect(withoutTiming(again)).toBe(withoutTiming(first));
    const otherSeed = simulate(week, { seed: 43, replication: 3 });
    const otherReplication = simulate(week, { seed: 42, replication: 4 });
    expect(otherSeed.horizon.offered).not.toBe(first.horizon.offered);
    expect(otherReplication.horizon.offered).not.toBe(first.horizon.offered);
  });

  it('replicate gives byte-identical results on 1, 2 and 4 worker threads and in the calling thread', async () => {
    const options = { replications: 4, seed: 7 };
    const one = await replicate(week, { ...options, workers: 1 });
    const two = await replicate(week, { ...options, workers: 2 });
    const four = await replicate(week, { ...options, workers: 4 });
    const inThread = await replicate(week, { ...options, workers: 0 });
    expect(replicationsWithoutTiming(two)).toBe(replicationsWithoutTiming(one));
    expect(replicationsWithoutTiming(four)).toBe(replicationsWithoutTiming(one));
    expect(replicationsWithoutTiming(inThread)).toBe(replicationsWithoutTiming(one));
  });
});

describe('conservation in a week with redials and a waiting room', () => {
  // Exact, in every interval: offered = answered + abandoned + blocked + still waiting.
  // And per caller: every fresh caller's attempts are offered, so attempts >= callers, and
  // callers answered never exceed callers.
  it('offered = answered + abandoned + blocked + still waiting in every interval', () => {
    const run = simulate(week, { seed: 1 });
    for (const row of run.intervals) {
      expect(row.answered + row.abandoned + row.blocked + row.stillWaiting).toBe(row.offered);
    }
    const h = run.horizon;
    expect(h.answered + h.abandoned + h.blocked + h.stillWaiting).toBe(h.offered);
    expect(h.offered).toBeGreaterThan(h.freshCallers);
    expect(h.freshCallersAnswered).toBeLessThanOrEqual(h.freshCallers);
    expect(h.blocked).toBeGreaterThan(0); // the waiting room is reached at the peaks
  });
});
