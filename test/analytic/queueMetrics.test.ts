import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB } from '../../sim/analytic/erlangB.js';
import { erlangC } from '../../sim/analytic/erlangC.js';
import { queueMetrics } from '../../sim/analytic/queueMetrics.js';
import type { QueueMetrics, QueueParams } from '../../sim/analytic/types.js';

/** Relative error, absolute below 1e-250 (values under double's useful range). */
const rel = (x: number, ref: number): number =>
  x === ref ? 0 : Math.abs(x - ref) / Math.max(Math.abs(ref), 1e-250);

type Case = [[number, number, number, number, number, number], Omit<QueueMetrics, 'stable'>];

// [[agents, arrivalsPerHour, meanHandleSeconds, meanPatienceSeconds, waitingRoom, answerWithinSeconds], metrics]
// mpmath 50 digits, test/reference/queue_metrics.py: direct summation of the birth-death chain and
// direct numerical integration of the offered-wait density (printed as the nearest doubles).
const REFERENCE: Case[] = [
  [
    [14, 200, 180, Infinity, Infinity, 20],
    {
      offeredErlangs: 10.0,
      answerRate: 1.0,
      abandonRate: 0.0,
      blockRate: 0.0,
      probWait: 0.17413193359504983,
      serviceLevel: 0.8883500191794669,
      serviceLevelOfAnswered: 0.8883500191794669,
      serviceLevelExcludingShortAbandons: 0.8883500191794669,
      asaSeconds: 7.835937011777243,
      meanWaitSeconds: 7.835937011777243,
      occupancy: 0.7142857142857143,
      meanQueueLength: 0.4353298339876246,
    },
  ],
  [
    [14, 200, 180, 90, Infinity, 20],
    {
      offeredErlangs: 10.0,
      answerRate: 0.9740835023056063,
      abandonRate: 0.025916497694393734,
      blockRate: 0.0,
      probWait: 0.12062291399790659,
      serviceLevel: 0.9376177322829099,
      serviceLevelOfAnswered: 0.9625640205009286,
      serviceLevelExcludingShortAbandons: 0.9541015030187461,
      asaSeconds: 1.9253420626626585,
      meanWaitSeconds: 2.332484792495436,
      occupancy: 0.6957739302182901,
      meanQueueLength: 0.12958248847196865,
    },
  ],
  [
    [14, 200, 180, 90, 5, 20],
    {
      offeredErlangs: 10.0,
      answerRate: 0.9736469245866873,
      abandonRate: 0.024609409085415052,
      blockRate: 0.0017436663278975635,
      probWait: 0.11797785867861146,
      serviceLevel: 0.9385467631113926,
      serviceLevelOfAnswered: 0.9639498050176714,
      serviceLevelExcludingShortAbandons: 0.9562251468552241,
      asaSeconds: 1.845624576770236,
      meanWaitSeconds: 2.2187155172259256,
      occupancy: 0.695462088990491,
      meanQueueLength: 0.12304704542707527,
    },
  ],
  [
    [14, 200, 180, Infinity, 5, 20],
    {
      offeredErlangs: 10.0,
      answerRate: 0.9905303946854325,
      abandonRate: 0.0,
      blockRate: 0.00946960531456753,
      probWait: 0.1451107167035825,
      serviceLevel: 0.9093218201810267,
      serviceLevelOfAnswered: 0.9180150604765687,
      serviceLevelExcludingShortAbandons: 0.9180150604765687,
      asaSeconds: 4.4413791636152995,
      meanWaitSeconds: 4.4413791636152995,
      occupancy: 0.7075217104895947,
      meanQueueLength: 0.2444067253268621,
    },
  ],
  [
    [2, 90, 60, 30, 3, 15],
    {
      offeredErlangs: 1.5,
      answerRate: 0.774065188132717,
      abandonRate: 0.22119492070922817,
      blockRate: 0.004739891158054889,
      probWait: 0.39604423898414187,
      serviceLevel: 0.6970744915681563,
      serviceLevelOfAnswered: 0.9005371928037664,
      serviceLevelExcludingShortAbandons: 0.8081960420053079,
      asaSeconds: 3.9665860296341093,
      meanWaitSeconds: 6.667450611476952,
      occupancy: 0.5805488910995377,
      meanQueueLength: 0.16589619053192112,
    },
  ],
  [
    [1, 10, 300, 60, 0, 10],
    {
      offeredErlangs: 0.8333333333333334,
      answerRate: 0.5454545454545454,
      abandonRate: 0.0,
      blockRate: 0.45454545454545453,
      probWait: 0.0,
      serviceLevel: 0.5454545454545454,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.0,
      meanWaitSeconds: 0.0,
      occupancy: 0.45454545454545453,
      meanQueueLength: 0.0,
    },
  ],
  [
    [0, 100, 200, 60, Infinity, 10],
    {
      offeredErlangs: 5.555555555555555,
      answerRate: 0.0,
      abandonRate: 1.0,
      blockRate: 0.0,
      probWait: 1.0,
      serviceLevel: 0.0,
      serviceLevelOfAnswered: 0.0,
      serviceLevelExcludingShortAbandons: 0.0,
      asaSeconds: Infinity,
      meanWaitSeconds: 60.0,
      occupancy: 0.0,
      meanQueueLength: 1.6666666666666667,
    },
  ],
  [
    [30, 600, 240, 200, 10, 0],
    {
      offeredErlangs: 40.0,
      answerRate: 0.7436344815144659,
      abandonRate: 0.15813531204159828,
      blockRate: 0.09823020644393582,
      probWait: 0.8113098774262149,
      serviceLevel: 0.09045991612984935,
      serviceLevelOfAnswered: 0.12164567187043443,
      serviceLevelExcludingShortAbandons: 0.10031375720972777,
      asaSeconds: 36.75654913320259,
      meanWaitSeconds: 35.07221314610752,
      occupancy: 0.9915126420192879,
      meanQueueLength: 5.271177068053277,
    },
  ],
  [
    [20, 300, 200, 60, Infinity, 3600],
    {
      offeredErlangs: 16.666666666666668,
      answerRate: 0.9530509389793266,
      abandonRate: 0.04694906102067343,
      blockRate: 0.0,
      probWait: 0.18275266463297354,
      serviceLevel: 0.9530509389793266,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 2.2763676198151748,
      meanWaitSeconds: 2.8169436612404057,
      occupancy: 0.7942091158161054,
      meanQueueLength: 0.23474530510336714,
    },
  ],
  [
    [10, 1000, 300, 20, 50, 30],
    {
      offeredErlangs: 83.33333333333333,
      answerRate: 0.11997580931012992,
      abandonRate: 0.88002419068987,
      blockRate: 5.005927838013045e-31,
      probWait: 0.9981962166412351,
      serviceLevel: 0.06467148216597624,
      serviceLevelOfAnswered: 0.5390376821614473,
      serviceLevelExcludingShortAbandons: 0.25863031573821643,
      asaSeconds: 30.70903270231985,
      meanWaitSeconds: 17.6004838137974,
      occupancy: 0.9997984109177495,
      meanQueueLength: 4.889023281610389,
    },
  ],
  [
    [100, 2000, 220, 90, Infinity, 20],
    {
      offeredErlangs: 122.22222222222223,
      answerRate: 0.8148687665704225,
      abandonRate: 0.1851312334295775,
      blockRate: 0.0,
      probWait: 0.903785073495911,
      serviceLevel: 0.4884152034566568,
      serviceLevelOfAnswered: 0.5993789717972299,
      serviceLevelExcludingShortAbandons: 0.5701646556969295,
      asaSeconds: 17.478547873959894,
      meanWaitSeconds: 16.661811008661974,
      occupancy: 0.9959507146971831,
      meanQueueLength: 9.256561671478874,
    },
  ],
  [
    [50, 1500, 220, 90, Infinity, 20],
    {
      offeredErlangs: 91.66666666666667,
      answerRate: 0.5454329889467231,
      abandonRate: 0.4545670110532769,
      blockRate: 0.0,
      probWait: 0.999036681244286,
      serviceLevel: 0.02333427258718241,
      serviceLevelOfAnswered: 0.042781190467123836,
      serviceLevelExcludingShortAbandons: 0.029081448962677885,
      asaSeconds: 52.37734962390906,
      meanWaitSeconds: 40.91103099479492,
      occupancy: 0.9999604797356589,
      meanQueueLength: 17.046262914497884,
    },
  ],
  [
    [1000, 15000, 220, 90, Infinity, 20],
    {
      offeredErlangs: 916.6666666666666,
      answerRate: 0.9999359827384385,
      abandonRate: 6.401726156144504e-5,
      blockRate: 0.0,
      probWait: 0.003122681358897265,
      serviceLevel: 0.9999359826515709,
      serviceLevelOfAnswered: 0.9999999999131268,
      serviceLevelExcludingShortAbandons: 0.9999999999123641,
      asaSeconds: 0.005654960401893446,
      meanWaitSeconds: 0.005761553540530054,
      occupancy: 0.916607984176902,
      meanQueueLength: 0.02400647308554189,
    },
  ],
  [
    [1000, 18000, 220, 90, Infinity, 20],
    {
      offeredErlangs: 1100.0,
      answerRate: 0.9088649213852713,
      abandonRate: 0.09113507861472872,
      blockRate: 0.0,
      probWait: 0.9736006285546561,
      serviceLevel: 0.903945949823881,
      serviceLevelOfAnswered: 0.994587785879234,
      serviceLevelExcludingShortAbandons: 0.9944975923040956,
      asaSeconds: 8.494399818101446,
      meanWaitSeconds: 8.202157075325584,
      occupancy: 0.9997514135237984,
      meanQueueLength: 41.01078537662792,
    },
  ],
  [
    [3000, 50000, 200, 1000000.0, Infinity, 20],
    {
      offeredErlangs: 2777.777777777778,
      answerRate: 0.9999999999846709,
      abandonRate: 1.5329099826019426e-11,
      blockRate: 0.0,
      probWait: 1.7032731682994424e-5,
      serviceLevel: 0.9999999999846672,
      serviceLevelOfAnswered: 0.9999999999999962,
      serviceLevelExcludingShortAbandons: 0.9999999999999962,
      asaSeconds: 1.5329086030542565e-5,
      meanWaitSeconds: 1.5329099826019428e-5,
      occupancy: 0.9259259259117323,
      meanQueueLength: 0.0002129041642502698,
    },
  ],
  [
    [5000, 80000, 220, 90, Infinity, 30],
    {
      offeredErlangs: 4888.888888888889,
      answerRate: 0.9994380360478794,
      abandonRate: 0.0005619639521205632,
      blockRate: 0.0,
      probWait: 0.04845676821648852,
      serviceLevel: 0.9994380360478794,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.05009748599016598,
      meanWaitSeconds: 0.0505767556908507,
      occupancy: 0.9772283019134821,
      meanQueueLength: 1.1239279042411265,
    },
  ],
  [
    [5000, 100000, 180, 120, Infinity, 20],
    {
      offeredErlangs: 5000.0,
      answerRate: 0.9937882838566375,
      abandonRate: 0.006211716143362464,
      blockRate: 0.0,
      probWait: 0.4515624238455724,
      serviceLevel: 0.9937882838566375,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 0.7419241133875096,
      meanWaitSeconds: 0.7454059372034957,
      occupancy: 0.9937882838566375,
      meanQueueLength: 20.70572047787488,
    },
  ],
  [
    [4000, 100000, 180, 120, Infinity, 20],
    {
      offeredErlangs: 5000.0,
      answerRate: 0.8,
      abandonRate: 0.2,
      blockRate: 0.0,
      probWait: 1.0,
      serviceLevel: 0.0013497169211034263,
      serviceLevelOfAnswered: 0.001687146151379283,
      serviceLevelExcludingShortAbandons: 0.001594488320357729,
      asaSeconds: 26.75472756395515,
      meanWaitSeconds: 24.0,
      occupancy: 1.0,
      meanQueueLength: 666.6666666666666,
    },
  ],
  [
    [400, 10000, 180, 300, 25, 60],
    {
      offeredErlangs: 500.0,
      answerRate: 0.799962025963735,
      abandonRate: 0.02457914265636685,
      blockRate: 0.17545883137989815,
      probWait: 0.820440078477345,
      serviceLevel: 0.799962025963735,
      serviceLevelOfAnswered: 1.0,
      serviceLevelExcludingShortAbandons: 1.0,
      asaSeconds: 9.064942062596273,
      meanWaitSeconds: 8.942843702092242,
      occupancy: 0.9999525324546688,
      meanQueueLength: 20.482618880305708,
    },
  ],
];

const params = ([
  agents,
  arrivalsPerHour,
  meanHandleSeconds,
  meanPatienceSeconds,
  waitingRoom,
  t,
]: Case[0]) => ({
  agents,
  arrivalsPerHour,
  meanHandleSeconds,
  meanPatienceSeconds,
  waitingRoom,
  answerWithinSeconds: t,
});

describe('queueMetrics against 50-digit references', () => {
  it.each(REFERENCE)('%j matches every field to 1e-12 relative', (input, expected) => {
    const got = queueMetrics(params(input));
    for (const [field, value] of Object.entries(expected)) {
      expect(rel(got[field as keyof typeof expected], value), field).toBeLessThan(1e-12);
    }
    expect(got.stable).toBe(true);
  });

  // mpmath 50 digits, test/reference/tagged_ctmc.py: linear solve of the 6-state chain and
  // expm of the tagged caller's absorbing chain (a third, independent method).
  it('matches a direct CTMC solve of the tagged caller (2 agents, 3 places)', () => {
    const got = queueMetrics({
      agents: 2,
      arrivalsPerHour: 90,
      meanHandleSeconds: 60,
      meanPatienceSeconds: 30,
      waitingRoom: 3,
      answerWithinSeconds: 15,
    });
    expect(rel(got.serviceLevel, 0.6970744915681563)).toBeLessThan(1e-13);
    expect(rel(got.answerRate, 0.774065188132717)).toBeLessThan(1e-13);
    expect(rel(got.serviceLevelExcludingShortAbandons, 0.8081960420053079)).toBeLessThan(1e-13);
    expect(rel(got.asaSeconds, 3.9665860296341093)).toBeLessThan(1e-13);
    expect(rel(got.meanWaitSeconds, 6.667450611476952)).toBeLessThan(1e-13);
    expect(rel(got.blockRate, 0.004739891158054889)).toBeLessThan(1e-13);
  });
});

describe('queueMetrics, published and exact values', () => {
  // Published example: 100 calls per 30 min, 3-min handle, 14 agents: P(wait) 0.17413 and
  // service level within 20 s 0.88835. Without abandonment every call is answered, so the
  // service level over offered and over answered calls coincide.
  it('reproduces the published Erlang C example', () => {
    const m = queueMetrics({
      agents: 14,
      arrivalsPerHour: 200,
      meanHandleSeconds: 180,
      answerWithinSeconds: 20,
    });
    expect(m.probWait).toBeCloseTo(0.17413, 5);
    expect(m.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(m.serviceLevelOfAnswered).toBeCloseTo(0.88835, 5);
  });

  // Exact, by hand: M/M/1 with rho = 1/2, mu = 1/60 s: C = 1/2, Wq = C / (mu - lambda) = 60 s,
  // P(W > 30) = 1/2 e^{-30/120}, Lq = rho^2 / (1 - rho) = 1/2.
  it('gives the M/M/1 closed forms', () => {
    const m = queueMetrics({
      agents: 1,
      arrivalsPerHour: 30,
      meanHandleSeconds: 60,
      answerWithinSeconds: 30,
    });
    expect(rel(m.probWait, 0.5)).toBeLessThan(1e-15);
    expect(rel(m.asaSeconds, 60)).toBeLessThan(1e-14);
    expect(rel(m.serviceLevel, 1 - 0.5 * Math.exp(-0.25))).toBeLessThan(1e-15);
    expect(rel(m.meanQueueLength, 0.5)).toBeLessThan(1e-14);
  });

  // Exact, by hand: one agent, one waiting place, patience rate theta, lambda = mu = theta = 1/60:
  // p0 : p1 : p2 = 1 : 1 : 1/2, so p = (2/5, 2/5, 1/5); a waiting caller is answered with
  // probability mu / (mu + theta) = 1/2.
  it('gives the M/M/1/1+M values worked by hand', () => {
    const m = queueMetrics({
      agents: 1,
      arrivalsPerHour: 60,
      meanHandleSeconds: 60,
      meanPatienceSeconds: 60,
      waitingRoom: 1,
      answerWithinSeconds: 0,
    });
    expect(rel(m.blockRate, 0.2)).toBeLessThan(1e-15);
    expect(rel(m.probWait, 0.4)).toBeLessThan(1e-15);
    expect(rel(m.answerRate, 0.6)).toBeLessThan(1e-15);
    expect(rel(m.abandonRate, 0.2)).toBeLessThan(1e-14);
    expect(rel(m.serviceLevel, 0.4)).toBeLessThan(1e-15); // t = 0: only those answered at once
    expect(rel(m.meanWaitSeconds, (0.4 * 30) / 0.8)).toBeLessThan(1e-14); // E[min] = 1/(mu+theta) = 30 s
  });

  it('equals Erlang B with no waiting room, for any patience', () => {
    for (const [c, perHour] of [
      [5, 120],
      [100, 1700],
      [2000, 32000],
    ] as const) {
      for (const patience of [Infinity, 45]) {
        const m = queueMetrics({
          agents: c,
          arrivalsPerHour: perHour,
          meanHandleSeconds: 225,
          meanPatienceSeconds: patience,
          waitingRoom: 0,
          answerWithinSeconds: 20,
        });
        const b = erlangB(c, (perHour * 225) / 3600);
        expect(rel(m.blockRate, b)).toBeLessThan(1e-12);
        expect(rel(m.answerRate, 1 - b)).toBeLessThan(1e-12);
        expect(m.probWait).toBe(0);
        expect(m.serviceLevel).toBe(m.answerRate);
      }
    }
  });

  it('tends to Erlang C as patience grows and as the room grows', () => {
    const base = { agents: 60, arrivalsPerHour: 900, meanHandleSeconds: 220, answerWithinSeconds: 20 };
    const c = queueMetrics(base);
    const patient = queueMetrics({ ...base, meanPatienceSeconds: 1e12 });
    const roomy = queueMetrics({ ...base, waitingRoom: 100_000 });
    expect(rel(c.probWait, erlangC(60, 55))).toBeLessThan(1e-13);
    for (const m of [patient, roomy]) {
      expect(rel(m.probWait, c.probWait)).toBeLessThan(1e-8);
      expect(rel(m.serviceLevel, c.serviceLevel)).toBeLessThan(1e-8);
      expect(rel(m.asaSeconds, c.asaSeconds)).toBeLessThan(1e-8);
    }
  });

  // Documented limits: unstable Erlang C gives stable: false, answerRate = agents / load, no NaN.
  it('reports an unstable Erlang C queue with its documented limits', () => {
    const m = queueMetrics({
      agents: 10,
      arrivalsPerHour: 250,
      meanHandleSeconds: 180,
      answerWithinSeconds: 20,
    });
    expect(m).toEqual({
      offeredErlangs: 12.5,
      answerRate: 0.8,
      abandonRate: 0,
      blockRate: 0,
      probWait: 1,
      serviceLevel: 0,
      serviceLevelOfAnswered: 0,
      serviceLevelExcludingShortAbandons: 0,
      asaSeconds: Infinity,
      meanWaitSeconds: Infinity,
      occupancy: 1,
      meanQueueLength: Infinity,
      stable: false,
    });
    const zero = queueMetrics({
      agents: 0,
      arrivalsPerHour: 0,
      meanHandleSeconds: 180,
      answerWithinSeconds: 20,
    });
    expect(zero.stable).toBe(false);
    expect(Object.values(zero).some((v) => Number.isNaN(v))).toBe(false);
  });

  it('with no arrivals, gives what a lone caller sees: answered at once', () => {
    const m = queueMetrics({
      agents: 3,
      arrivalsPerHour: 0,
      meanHandleSeconds: 180,
      meanPatienceSeconds: 60,
      answerWithinSeconds: 20,
    });
    expect(m.answerRate).toBe(1);
    expect(m.serviceLevel).toBe(1);
    expect(m.probWait).toBe(0);
    expect(m.occupancy).toBe(0);
  });
});

const queueArbitrary = fc.record({
  agents: fc.integer({ min: 0, max: 400 }),
  arrivalsPerHour: fc.double({ min: 0, max: 20_000, noNaN: true }),
  meanHandleSeconds: fc.double({ min: 10, max: 1_000, noNaN: true }),
  meanPatienceSeconds: fc.oneof(fc.constant(Infinity), fc.double({ min: 1, max: 10_000, noNaN: true })),
  waitingRoom: fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 200 })),
  answerWithinSeconds: fc.double({ min: 0, max: 600, noNaN: true }),
});

describe('queueMetrics properties', () => {
  it('never returns NaN; shares lie in [0, 1]; answer + abandon + block = 1 when stable', () => {
    fc.assert(
      fc.property(queueArbitrary, (q: QueueParams) => {
        const m = queueMetrics(q);
        for (const value of Object.values(m)) expect(Number.isNaN(value)).toBe(false);
        for (const share of [
          m.answerRate,
          m.abandonRate,
          m.blockRate,
          m.probWait,
          m.serviceLevel,
          m.serviceLevelOfAnswered,
          m.serviceLevelExcludingShortAbandons,
          m.occupancy,
        ]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
        if (m.stable) {
          expect(Math.abs(m.answerRate + m.abandonRate + m.blockRate - 1)).toBeLessThan(1e-12);
          expect(m.serviceLevel).toBeLessThanOrEqual(m.answerRate);
        }
      }),
      { numRuns: 300 },
    );
  });

  // Little's law on the queue: Lq = lambda (1 - blocked) W, with W the mean wait of admitted calls;
  // and carried load: occupancy x agents = offered erlangs x answer rate.
  it("satisfies Little's law and the carried-load identity", () => {
    fc.assert(
      fc.property(queueArbitrary, (q: QueueParams) => {
        const m = queueMetrics(q);
        fc.pre(m.stable && q.agents > 0 && q.arrivalsPerHour > 1e-3);
        const lambda = q.arrivalsPerHour / 3600;
        const little = lambda * (1 - m.blockRate) * m.meanWaitSeconds;
        expect(Math.abs(m.meanQueueLength - little)).toBeLessThanOrEqual(
          1e-10 * Math.max(m.meanQueueLength, 1e-250),
        );
        const carried = m.offeredErlangs * m.answerRate;
        expect(Math.abs(m.occupancy * q.agents - carried)).toBeLessThanOrEqual(1e-10 * carried + 1e-250);
      }),
      { numRuns: 300 },
    );
  });

  it('Erlang A: answer rate and service level rise, waits fall, as agents are added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.double({ min: 5, max: 2_000, noNaN: true }),
        fc.double({ min: 0, max: 120, noNaN: true }),
        (c, erlangs, patience, t) => {
          const q = {
            arrivalsPerHour: erlangs * 18,
            meanHandleSeconds: 200,
            meanPatienceSeconds: patience,
            answerWithinSeconds: t,
          };
          const now = queueMetrics({ ...q, agents: c });
          const more = queueMetrics({ ...q, agents: c + 1 });
          expect(more.answerRate).toBeGreaterThanOrEqual(now.answerRate * (1 - 1e-12));
          expect(more.serviceLevel).toBeGreaterThanOrEqual(now.serviceLevel * (1 - 1e-12));
          expect(more.probWait).toBeLessThanOrEqual(now.probWait * (1 + 1e-12) + 1e-300);
          expect(more.abandonRate).toBeLessThanOrEqual(now.abandonRate * (1 + 1e-12) + 1e-300);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays finite and accurate at 5,000 agents and 5,000 erlangs', () => {
    const m = queueMetrics({
      agents: 5000,
      arrivalsPerHour: 100_000,
      meanHandleSeconds: 180,
      meanPatienceSeconds: 120,
      answerWithinSeconds: 20,
    });
    expect(m.stable).toBe(true);
    expect(Math.abs(m.answerRate + m.abandonRate - 1)).toBeLessThan(1e-13);
  });
});

describe('queueMetrics argument checks', () => {
  const ok: QueueParams = {
    agents: 5,
    arrivalsPerHour: 100,
    meanHandleSeconds: 180,
    answerWithinSeconds: 20,
  };
  it.each([
    [{ agents: 2.5 }, 'queueMetrics: agents must be a non-negative integer (got 2.5)'],
    [{ agents: -1 }, 'queueMetrics: agents must be a non-negative integer (got -1)'],
    [{ arrivalsPerHour: -3 }, 'queueMetrics: arrivalsPerHour must be a finite number >= 0 (got -3)'],
    [
      { arrivalsPerHour: Infinity },
      'queueMetrics: arrivalsPerHour must be a finite number >= 0 (got Infinity)',
    ],
    [{ meanHandleSeconds: 0 }, 'queueMetrics: meanHandleSeconds must be a finite number > 0 (got 0)'],
    [
      { meanPatienceSeconds: 0 },
      'queueMetrics: meanPatienceSeconds must be a number > 0 or Infinity (got 0)',
    ],
    [
      { meanPatienceSeconds: Number.NaN },
      'queueMetrics: meanPatienceSeconds must be a number > 0 or Infinity (got NaN)',
    ],
    [{ waitingRoom: 1.5 }, 'queueMetrics: waitingRoom must be a non-negative integer or Infinity (got 1.5)'],
    [{ waitingRoom: -1 }, 'queueMetrics: waitingRoom must be a non-negative integer or Infinity (got -1)'],
    [{ answerWithinSeconds: -1 }, 'queueMetrics: answerWithinSeconds must be a finite number >= 0 (got -1)'],
  ])('rejects %j', (bad, message) => {
    expect(() => queueMetrics({ ...ok, ...bad })).toThrow(RangeError);
    expect(() => queueMetrics({ ...ok, ...bad })).toThrow(message);
  });

  it('rejects a missing parameter object with a TypeError', () => {
    expect(() => queueMetrics(undefined as unknown as QueueParams)).toThrow(TypeError);
  });
});
