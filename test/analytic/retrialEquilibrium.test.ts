import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queueMetrics } from '../../sim/analytic/queueMetrics.js';
import { retrialEquilibrium } from '../../sim/analytic/retrialEquilibrium.js';

const rel = (x: number, ref: number): number => Math.abs(x - ref) / Math.abs(ref);

// [[agents, freshCallsPerHour, meanHandleSeconds, meanPatienceSeconds, waitingRoom, redialProbability,
//   maxAttempts], offeredAttemptsPerHour, answerRatePerAttempt, answerRatePerCaller]
// mpmath 40 digits, test/reference/retrial.py: directly summed chain, bisection to 1e-35.
const REFERENCE: [[number, number, number, number, number, number, number], number, number, number][] = [
  [[60, 1000, 220, 90, Infinity, 0.5, 3], 1053.4399835440827, 0.8982922646289848, 0.9462969884685346],
  [[60, 1000, 220, 90, Infinity, 0.5, Infinity], 1053.644688179407, 0.8981730961466722, 0.946355311820593],
  [[10, 300, 180, 60, 5, 0.8, 5], 628.496993239879, 0.3177648525136392, 0.6657141812071193],
  [[100, 2500, 220, 90, Infinity, 1.0, 4], 7012.5173063216935, 0.2333489622747135, 0.6545454545454545],
  [[3, 60, 200, 100, 2, 0.3, 2], 66.20320873491147, 0.6553772925049183, 0.7231346615970706],
];

describe('retrialEquilibrium', () => {
  it.each(REFERENCE)(
    '%j matches the 40-digit fixed point to 1e-9',
    (input, attempts, perAttempt, perCaller) => {
      const [
        agents,
        freshCallsPerHour,
        meanHandleSeconds,
        meanPatienceSeconds,
        waitingRoom,
        redialProbability,
        maxAttempts,
      ] = input;
      const eq = retrialEquilibrium({
        agents,
        freshCallsPerHour,
        meanHandleSeconds,
        meanPatienceSeconds,
        waitingRoom,
        answerWithinSeconds: 20,
        redialProbability,
        maxAttempts,
      });
      expect(rel(eq.offeredAttemptsPerHour, attempts)).toBeLessThan(1e-9);
      expect(rel(eq.answerRatePerAttempt, perAttempt)).toBeLessThan(1e-9);
      expect(rel(eq.answerRatePerCaller, perCaller)).toBeLessThan(1e-9);
      expect(eq.iterations).toBeLessThan(100);
    },
  );

  // Exact, by hand: with no redials the offered load is the fresh load and both answer rates agree.
  it('reduces to queueMetrics with no redials or a single attempt', () => {
    const q = { agents: 20, meanHandleSeconds: 200, meanPatienceSeconds: 60, answerWithinSeconds: 20 };
    const direct = queueMetrics({ ...q, arrivalsPerHour: 400 });
    for (const [redialProbability, maxAttempts] of [
      [0, 5],
      [0.7, 1],
    ] as const) {
      const eq = retrialEquilibrium({ ...q, freshCallsPerHour: 400, redialProbability, maxAttempts });
      expect(eq.offeredAttemptsPerHour).toBe(400);
      expect(eq.redialsPerHour).toBe(0);
      expect(eq.answerRatePerCaller).toBe(direct.answerRate);
      expect(eq.metrics).toEqual(direct);
    }
  });

  it('is a fixed point: offered = fresh x sum of (r f)^(i-1), answered per caller >= per attempt (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 1, max: 20_000, noNaN: true }),
        fc.double({ min: 10, max: 600, noNaN: true }),
        fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 50 })),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 10 }),
        (agents, fresh, patience, room, r, maxAttempts) => {
          const eq = retrialEquilibrium({
            agents,
            freshCallsPerHour: fresh,
            meanHandleSeconds: 200,
            meanPatienceSeconds: patience,
            waitingRoom: room,
            answerWithinSeconds: 20,
            redialProbability: r,
            maxAttempts,
          });
          const f = eq.metrics.abandonRate + eq.metrics.blockRate;
          let series = 0;
          for (let i = 0; i < maxAttempts; i++) series += (r * f) ** i;
          expect(rel(eq.offeredAttemptsPerHour, fresh * series)).toBeLessThan(1e-9);
          expect(eq.answerRatePerCaller).toBeGreaterThanOrEqual(eq.answerRatePerAttempt * (1 - 1e-12));
          expect(eq.answerRatePerCaller).toBeLessThanOrEqual(1);
        },
      ),
      {
        numRuns: 60,
        // Found by a run of this property that timed out: 625 times overloaded, every caller redialling;
        // each queueMetrics of the bisection took 2.6 s in subnormal numbers (test/analytic/queueMetrics.test.ts).
        examples: [[7, 11241.588375161293, 23.33484491768114, Infinity, 1, 8]],
      },
    );
  }, 30_000); // under a second now; that example alone took 74 s before the fix

  it('rejects bad arguments, naming them', () => {
    const ok = {
      agents: 5,
      freshCallsPerHour: 100,
      meanHandleSeconds: 180,
      meanPatienceSeconds: 60,
      answerWithinSeconds: 20,
      redialProbability: 0.5,
      maxAttempts: 3,
    };
    expect(() => retrialEquilibrium({ ...ok, redialProbability: 1.5 })).toThrow(
      'retrialEquilibrium: redialProbability must be a probability in [0, 1] (got 1.5)',
    );
    expect(() => retrialEquilibrium({ ...ok, maxAttempts: 0 })).toThrow(
      'retrialEquilibrium: maxAttempts must be a positive integer or Infinity (got 0)',
    );
    expect(() => retrialEquilibrium({ ...ok, maxAttempts: Infinity, redialProbability: 1 })).toThrow(
      RangeError,
    );
    expect(() => retrialEquilibrium({ ...ok, freshCallsPerHour: -1 })).toThrow(
      'retrialEquilibrium: freshCallsPerHour must be a finite number >= 0 (got -1)',
    );
    expect(() => retrialEquilibrium({ ...ok, agents: 2.5 })).toThrow(
      'retrialEquilibrium: agents must be a non-negative integer (got 2.5)',
    );
  });
});
