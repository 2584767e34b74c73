import { describe, expect, it } from 'vitest';
import { chatAgentsRequired, chatQueueMetrics, type ChatQueueParams } from '../../sim/analytic/chatQueue.js';
import { queueMetrics } from '../../sim/analytic/queueMetrics.js';

const rel = (x: number, ref: number): number =>
  x === ref ? 0 : Math.abs(x - ref) / Math.max(Math.abs(ref), 1e-250);

type Case = [ChatQueueParams, Record<string, number>];

// mpmath at 30 digits, test/reference/chat_ctmc.py: death rates from an explicit list of agent
// levels filled one chat at a time, state probabilities by a linear solve of the truncated
// generator, waits from mpmath.expm of the tagged chat's chain and its fundamental matrix
// (Poisson sums without patience); printed as the nearest doubles.
const REFERENCE: Case[] = [
  [
    {
      agents: 3,
      concurrency: 2,
      arrivalsPerHour: 100,
      meanHandleSeconds: 240,
      handleStretch: [1, 1.3],
      meanPatienceSeconds: 120,
      answerWithinSeconds: 30,
    },
    {
      answerRate: 0.6465551590784462,
      abandonRate: 0.3534448409215538,
      probWait: 0.7162164035901512,
      serviceLevel: 0.3914964044316036,
      serviceLevelExcludingShortAbandons: 0.4583398113258776,
      asaSeconds: 37.27948796969275,
      meanWaitSeconds: 42.41338091058646,
      meanQueueLength: 1.1781494697385126,
      occupancy: 0.9887590699077377,
      slotUtilisation: 0.9104075522649062,
      meanConcurrency: 1.841515450978078,
    },
  ],
  [
    {
      agents: 2,
      concurrency: 3,
      arrivalsPerHour: 50,
      meanHandleSeconds: 300,
      handleStretch: [1, 1.25, 1.6],
      meanPatienceSeconds: 200,
      answerWithinSeconds: 20,
    },
    {
      answerRate: 0.7871777535626225,
      abandonRate: 0.21282224643737743,
      probWait: 0.49024963340852656,
      serviceLevel: 0.5534515291511194,
      serviceLevelExcludingShortAbandons: 0.5792330383773402,
      asaSeconds: 33.04064252203903,
      meanWaitSeconds: 42.56444928747548,
      meanQueueLength: 0.5911729067704928,
      occupancy: 0.9767463296605987,
      slotUtilisation: 0.7973351726401003,
      meanConcurrency: 2.4489526556516257,
    },
  ],
  [
    {
      agents: 4,
      concurrency: 2,
      arrivalsPerHour: 80,
      meanHandleSeconds: 300,
      handleStretch: [1, 1],
      answerWithinSeconds: 30,
    },
    {
      answerRate: 1.0,
      abandonRate: 0.0,
      probWait: 0.5326865772524281,
      serviceLevel: 0.5338069201763651,
      serviceLevelExcludingShortAbandons: 0.5338069201763651,
      asaSeconds: 119.85447988179632,
      meanWaitSeconds: 119.85447988179632,
      meanQueueLength: 2.6634328862621404,
      occupancy: 0.9729755714396923,
      slotUtilisation: 0.8333333333333334,
      meanConcurrency: 1.712958388256895,
    },
  ],
  [
    {
      agents: 5,
      concurrency: 3,
      arrivalsPerHour: 120,
      meanHandleSeconds: 360,
      handleStretch: [1, 1.2, 1.5],
      meanPatienceSeconds: 300,
      answerWithinSeconds: 30,
    },
    {
      answerRate: 0.8010124754194806,
      abandonRate: 0.19898752458051938,
      probWait: 0.6658123839375386,
      serviceLevel: 0.4237240329534424,
      serviceLevelExcludingShortAbandons: 0.45031126345953165,
      asaSeconds: 56.32701132203345,
      meanWaitSeconds: 59.69625737415582,
      meanQueueLength: 1.989875245805194,
      occupancy: 0.9996823983253048,
      slotUtilisation: 0.9294514047594036,
      meanConcurrency: 2.7892400815992535,
    },
  ],
];

describe('chatQueueMetrics', () => {
  it.each(REFERENCE)('agrees with the direct CTMC solve to 1e-9 relative (%o)', (params, expected) => {
    const m = chatQueueMetrics(params) as unknown as Record<string, number>;
    for (const [key, value] of Object.entries(expected)) {
      expect(rel(m[key] as number, value), key).toBeLessThan(1e-9);
    }
    expect(m.blockRate).toBe(0);
  });

  // With one chat at a time the chain is Erlang A (C without patience) with N agents.
  it('with concurrency 1 equals queueMetrics with the same agents', () => {
    for (const [agents, perHour, handle, patience, t] of [
      [14, 200, 180, 90, 20],
      [14, 200, 180, Infinity, 20],
      [3, 120, 60, 30, 15],
      [50, 1_000, 180, 120, 20],
    ] as const) {
      const chat = chatQueueMetrics({
        agents,
        concurrency: 1,
        arrivalsPerHour: perHour,
        meanHandleSeconds: handle,
        meanPatienceSeconds: patience,
        answerWithinSeconds: t,
      });
      const voice = queueMetrics({
        agents,
        arrivalsPerHour: perHour,
        meanHandleSeconds: handle,
        meanPatienceSeconds: patience,
        answerWithinSeconds: t,
      });
      for (const key of Object.keys(voice) as (keyof typeof voice)[]) {
        if (key === 'stable') expect(chat.stable).toBe(voice.stable);
        else expect(rel(chat[key], voice[key]), key).toBeLessThan(1e-12);
      }
    }
  });

  // Without slowdown, N agents with k places each are N k servers at the pace of one chat.
  it('with no stretch equals queueMetrics with agents x concurrency servers (occupancy aside)', () => {
    const chat = chatQueueMetrics({
      agents: 6,
      concurrency: 3,
      arrivalsPerHour: 200,
      meanHandleSeconds: 300,
      meanPatienceSeconds: 120,
      answerWithinSeconds: 30,
    });
    const voice = queueMetrics({
      agents: 18,
      arrivalsPerHour: 200,
      meanHandleSeconds: 300,
      meanPatienceSeconds: 120,
      answerWithinSeconds: 30,
    });
    for (const key of [
      'answerRate',
      'abandonRate',
      'probWait',
      'serviceLevel',
      'asaSeconds',
      'meanWaitSeconds',
      'meanQueueLength',
    ] as const) {
      expect(rel(chat[key], voice[key]), key).toBeLessThan(1e-12);
    }
    expect(rel(chat.slotUtilisation, voice.occupancy)).toBeLessThan(1e-12);
  });

  it('gets better as agents are added and worse as chats stretch', () => {
    const base = {
      concurrency: 3,
      arrivalsPerHour: 150,
      meanHandleSeconds: 360,
      handleStretch: [1, 1.2, 1.5],
      meanPatienceSeconds: 240,
      answerWithinSeconds: 30,
    };
    let previous = 0;
    for (let agents = 1; agents <= 20; agents++) {
      const sl = chatQueueMetrics({ ...base, agents }).serviceLevel;
      expect(sl).toBeGreaterThanOrEqual(previous);
      previous = sl;
    }
    const slow = chatQueueMetrics({ ...base, agents: 8, handleStretch: [1, 1.4, 1.9] });
    expect(slow.serviceLevel).toBeLessThan(chatQueueMetrics({ ...base, agents: 8 }).serviceLevel);
  });

  it('reports an unstable queue without patience, and no agents with patience', () => {
    const over = chatQueueMetrics({
      agents: 2,
      concurrency: 2,
      arrivalsPerHour: 100,
      meanHandleSeconds: 300,
      answerWithinSeconds: 30,
    });
    expect(over.stable).toBe(false);
    expect(over.answerRate).toBeCloseTo(4 / (100 / 12), 12);
    const none = chatQueueMetrics({
      agents: 0,
      concurrency: 2,
      arrivalsPerHour: 100,
      meanHandleSeconds: 300,
      meanPatienceSeconds: 60,
      answerWithinSeconds: 30,
    });
    expect([none.answerRate, none.abandonRate, none.asaSeconds]).toEqual([0, 1, Infinity]);
  });

  it('rejects a concurrency of 0 and a stretch that does not start at 1, naming the field', () => {
    const q = {
      agents: 2,
      concurrency: 0,
      arrivalsPerHour: 10,
      meanHandleSeconds: 300,
      answerWithinSeconds: 30,
    };
    expect(() => chatQueueMetrics(q)).toThrow(
      'chatQueueMetrics: concurrency must be a positive integer (got 0)',
    );
    expect(() => chatQueueMetrics({ ...q, concurrency: 2, handleStretch: [1.1, 1.2] })).toThrow(
      /handleStretch\[0\] must be 1/,
    );
    expect(() => chatQueueMetrics({ ...q, concurrency: 2, handleStretch: [1] })).toThrow(
      /one factor per level/,
    );
  });
});

describe('chatAgentsRequired', () => {
  it('is the least agents meeting the target', () => {
    const q = {
      concurrency: 3,
      arrivalsPerHour: 120,
      meanHandleSeconds: 360,
      handleStretch: [1, 1.2, 1.5],
      meanPatienceSeconds: 300,
      answerWithinSeconds: 30,
    };
    const n = chatAgentsRequired(q, { serviceLevel: 0.8 });
    expect(n).toBe(7);
    expect(chatQueueMetrics({ ...q, agents: n }).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(chatQueueMetrics({ ...q, agents: n - 1 }).serviceLevel).toBeLessThan(0.8);
    expect(chatAgentsRequired({ ...q, arrivalsPerHour: 0 }, { serviceLevel: 0.8 })).toBe(1);
  });
});
