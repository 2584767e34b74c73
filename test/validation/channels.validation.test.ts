import { describe, expect, it } from 'vitest';
import { chatQueueMetrics } from '../../sim/analytic/chatQueue.js';
import { queueMetrics } from '../../sim/analytic/queueMetrics.js';
import type { ChannelsSpec } from '../../sim/model/channels/types.js';
import { exponential } from '../../sim/model/distributions.js';
import { simulate } from '../../sim/model/simulate.js';
import type { Scenario } from '../../sim/model/types.js';
import { confidenceInterval } from '../../sim/stats/confidenceInterval.js';
import { LONG, VALIDATION_SEED } from './helpers.js';

// The all-media simulator against theory and against itself (issue 16). Seeds are fixed,
// so the tests are deterministic; never widen an interval to make one pass.

const REPLICATIONS = LONG ? 60 : 20;
const DAYS = LONG ? 40 : 12;

/** One stationary interval over the whole horizon, the first day a warm-up. */
function stationary(channels: ChannelsSpec, voicePerDay = 0, agents = 0, days = DAYS): Scenario {
  return {
    startDate: '2020-03-02',
    days,
    intervalMinutes: days * 1440,
    arrivals: { kind: 'profile', dailyVolume: voicePerDay },
    handle: exponential(180),
    patience: exponential(90),
    agents: { kind: 'constant', count: agents },
    answerWithinSeconds: 20,
    measurement: { warmupSeconds: 86_400 },
    channels,
  };
}

function expectInside99(values: readonly number[], exact: number, name: string): void {
  const { lower, upper, mean } = confidenceInterval(values, 0.99);
  const message = `${name}: exact ${exact} outside the 99% interval [${lower}, ${upper}] (mean ${mean})`;
  expect(exact, message).toBeGreaterThanOrEqual(lower);
  expect(exact, message).toBeLessThanOrEqual(upper);
}

describe('chat with one chat at a time on one group is the voice model (Erlang A)', () => {
  // 10 agents, 100 chats an hour of 300 s, patience 120 s: M/M/10+M, 8.33 erlangs.
  it('answer rate, service level, ASA, abandonment and P(wait) inside the 99% intervals of queueMetrics', () => {
    const scenario = stationary({
      groups: [
        { name: 'online', channels: ['chat'], agents: { kind: 'constant', count: 10 }, chatConcurrency: 1 },
      ],
      chat: {
        arrivals: { kind: 'profile', dailyVolume: 2_400 },
        handle: exponential(300),
        patience: exponential(120),
        answerWithinSeconds: 30,
      },
    });
    const exact = queueMetrics({
      agents: 10,
      arrivalsPerHour: 100,
      meanHandleSeconds: 300,
      meanPatienceSeconds: 120,
      answerWithinSeconds: 30,
    });
    const runs = Array.from(
      { length: REPLICATIONS },
      (_, replication) => simulate(scenario, { seed: VALIDATION_SEED, replication }).channels!.chat!.kpis,
    );
    for (const name of ['answerRate', 'serviceLevel', 'asaSeconds', 'abandonRate', 'probWait'] as const) {
      expectInside99(
        runs.map((k) => k[name] as number),
        exact[name],
        name,
      );
    }
  });
});

describe('pooling', () => {
  // Two skills, the same exponential handle time, FCFS: one pool of 20 agents serving both
  // against two pools of 10, one per skill, on the same calls (common random numbers). A
  // pooled M/M/20+M beats two M/M/10+M at the same load; with different handle times
  // pooling can lose (Smith and Whitt 1981), which notebook 08 reports and this test
  // does not assert.
  it('pooled agents answer no fewer calls than the same agents split by skill', () => {
    const skills = [
      { name: 'social', share: 0.5 },
      { name: 'jobs', share: 0.5 },
    ];
    const pooled = stationary(
      { groups: [{ name: 'all', channels: ['voice'], agents: { kind: 'share', share: 1 } }], skills },
      (17 * 86_400) / 180,
      20,
      4,
    );
    const split = stationary(
      {
        groups: [
          { name: 'social', channels: ['voice'], agents: { kind: 'share', share: 0.5 }, skills: ['social'] },
          { name: 'jobs', channels: ['voice'], agents: { kind: 'share', share: 0.5 }, skills: ['jobs'] },
        ],
        skills,
      },
      (17 * 86_400) / 180,
      20,
      4,
    );
    const gains = Array.from({ length: 10 }, (_, replication) => {
      const a = simulate(pooled, { seed: VALIDATION_SEED, replication }).kpis;
      const b = simulate(split, { seed: VALIDATION_SEED, replication }).kpis;
      return (a.answerRate as number) - (b.answerRate as number);
    });
    const { lower } = confidenceInterval(gains, 0.99);
    expect(lower).toBeGreaterThan(0);
  });
});

describe('the message backlog obeys Little’s law', () => {
  // Messages arrive on the first 9 days of 12 and are all answered before the end, so the
  // time-average backlog (integrated by the kernel's clock) x the time equals the sum of
  // every message's time from arrival to answer (counted per message): L = lambda W on the
  // sample path, two independent tallies of the same quantity.
  it('integral of the backlog = sum of the times in the system, and L = lambda W', () => {
    const days = 12;
    const perDay = 48;
    const calls = Array.from({ length: days * perDay }, (_, i) => (i < 9 * perDay ? 40 : 0));
    const scenario: Scenario = {
      startDate: '2020-03-02',
      days,
      intervalMinutes: 30,
      arrivals: { kind: 'table', callsPerInterval: calls },
      handle: exponential(180),
      patience: exponential(90),
      agents: { kind: 'constant', count: 8 },
      answerWithinSeconds: 20,
      channels: {
        groups: [
          { name: 'voice', channels: ['voice'], agents: { kind: 'share', share: 0.75 } },
          { name: 'back', channels: ['voice', 'message'], agents: { kind: 'share', share: 0.25 } },
        ],
        message: {
          arrivals: { kind: 'ratioOfVoice', ratio: 0.1 },
          handle: exponential(600),
          deadlineWorkingSeconds: 8 * 3600,
          workingHours: { fromSeconds: 9 * 3600, toSeconds: 17 * 3600 },
        },
      },
    };
    for (let replication = 0; replication < 3; replication++) {
      const m = simulate(scenario, { seed: VALIDATION_SEED, replication }).channels!.message!.horizon;
      expect(m.stillWaiting).toBe(0);
      expect(m.offered).toBeGreaterThan(500);
      expect(m.backlogSeconds).toBeCloseTo(m.responseSeconds, 3);
      const lambda = m.offered / m.measuredSeconds;
      const w = m.responseSeconds / (m.answered + m.handledLate);
      const l = m.backlogSeconds / m.measuredSeconds;
      expect(Math.abs(l - lambda * w) / l).toBeLessThan(1e-9);
    }
  });
});

describe('the chat staffing approximation against the simulator', () => {
  // chatQueueMetrics takes the chats in service as spread evenly over the agents; the
  // simulator routes each chat to the agent serving the fewest, and completions leave the
  // levels uneven. Across 18 points (3, 8 and 20 agents; 2 or 3 chats at once, 1.25 or 1.2
  // and 1.5 times as long together; offered load 0.8, 0.95 and 1.1 of the pool's full
  // capacity; exponential 300 s alone, patience 180 s, threshold 60 s), 12 days of which 1 of
  // warm-up, 4 replications each, measured: answer rate within 0.14 pp on average (0.41 pp at
  // most), service level 0.26 pp (0.89 pp), ASA 0.27 s (1.15 s). With a lognormal handle time
  // (cv 1), the same grid: 0.12 pp (0.31), 0.44 pp (1.20), 0.40 s (1.06). The bounds below are
  // the README's statement of the error, a little above these figures.
  it('misses the simulated answer rate, service level and ASA by the error the README states', () => {
    const errors = { answerRate: [] as number[], serviceLevel: [] as number[], asaSeconds: [] as number[] };
    for (const agents of [3, 8, 20]) {
      for (const k of [2, 3]) {
        for (const rho of [0.8, 0.95, 1.1]) {
          const stretch = k === 2 ? [1, 1.25] : [1, 1.2, 1.5];
          const perHour = (rho * ((agents * k) / stretch[k - 1]!) * 3600) / 300;
          const days = LONG ? 40 : 12;
          const scenario = stationary(
            {
              groups: [
                {
                  name: 'o',
                  channels: ['chat'],
                  agents: { kind: 'constant', count: agents },
                  chatConcurrency: k,
                },
              ],
              chat: {
                arrivals: { kind: 'profile', dailyVolume: perHour * 24 },
                handle: exponential(300),
                handleStretch: stretch,
                patience: exponential(180),
                answerWithinSeconds: 60,
              },
            },
            0,
            0,
            days,
          );
          const runs = Array.from(
            { length: 4 },
            (_, replication) => simulate(scenario, { seed: 7, replication }).channels!.chat!.kpis,
          );
          const formula = chatQueueMetrics({
            agents,
            concurrency: k,
            arrivalsPerHour: perHour,
            meanHandleSeconds: 300,
            handleStretch: stretch,
            meanPatienceSeconds: 180,
            answerWithinSeconds: 60,
          });
          for (const key of ['answerRate', 'serviceLevel', 'asaSeconds'] as const) {
            const mean = runs.reduce((sum, kpis) => sum + (kpis[key] as number), 0) / runs.length;
            errors[key].push(Math.abs(mean - formula[key]));
          }
        }
      }
    }
    const meanOf = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(meanOf(errors.answerRate)).toBeLessThan(0.003);
    expect(Math.max(...errors.answerRate)).toBeLessThan(0.008);
    expect(meanOf(errors.serviceLevel)).toBeLessThan(0.005);
    expect(Math.max(...errors.serviceLevel)).toBeLessThan(0.015);
    expect(meanOf(errors.asaSeconds)).toBeLessThan(0.6);
    expect(Math.max(...errors.asaSeconds)).toBeLessThan(2);
  });
});
