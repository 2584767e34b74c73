import { describe, expect, it } from 'vitest';
import { meetsTarget, requiredAgents, type StaffingTarget } from '../../sim/analytic/requiredAgents.js';
import { requiredAgentsWithRedials } from '../../sim/analytic/requiredAgentsWithRedials.js';
import { retrialEquilibrium } from '../../sim/analytic/retrialEquilibrium.js';

const queue = {
  arrivalsPerHour: 1000,
  meanHandleSeconds: 220,
  meanPatienceSeconds: 90,
  answerWithinSeconds: 20,
};
const redial = { redialProbability: 0.5, maxAttempts: 4 };

/** The answer rate per attempt at the retrial equilibrium with `agents`. */
function answerRate(agents: number): number {
  return retrialEquilibrium({
    agents,
    freshCallsPerHour: queue.arrivalsPerHour,
    meanHandleSeconds: queue.meanHandleSeconds,
    meanPatienceSeconds: queue.meanPatienceSeconds,
    answerWithinSeconds: queue.answerWithinSeconds,
    ...redial,
  }).answerRatePerAttempt;
}

describe('requiredAgentsWithRedials', () => {
  // Reference: the least count by a plain scan of the equilibrium, one agent at a time.
  it('is the least count meeting the target at the retrial equilibrium (against a linear scan)', () => {
    for (const target of [0.6, 0.8, 0.9, 0.95]) {
      let scan = 1;
      while (answerRate(scan) < target) scan++;
      expect(requiredAgentsWithRedials(queue, { answerRate: target }, redial)).toBe(scan);
    }
    expect(requiredAgentsWithRedials(queue, { answerRate: 0.8 }, redial)).toBe(55);
  });

  // Queues with a finite waiting room, endless redials and other targets, each against a plain scan.
  it.each([
    [
      { arrivalsPerHour: 300, meanHandleSeconds: 180, meanPatienceSeconds: 60 },
      { serviceLevel: 0.7 },
      0.9,
      Infinity,
    ],
    [{ arrivalsPerHour: 120, meanHandleSeconds: 300, waitingRoom: 2 }, { answerRate: 0.9 }, 0.6, 3],
    [{ arrivalsPerHour: 500, meanHandleSeconds: 240, meanPatienceSeconds: 120 }, { asaSeconds: 30 }, 1, 5],
  ])(
    '%o %o, redial %d, %d attempts at most: the scan',
    (load, target: StaffingTarget, redialProbability, maxAttempts) => {
      const meets = (agents: number): boolean =>
        meetsTarget(
          retrialEquilibrium({
            ...load,
            agents,
            freshCallsPerHour: load.arrivalsPerHour,
            answerWithinSeconds: 20,
            redialProbability,
            maxAttempts,
          }).metrics,
          target,
        );
      let scan = 0;
      while (!meets(scan)) scan++;
      expect(
        requiredAgentsWithRedials({ ...load, answerWithinSeconds: 20 }, target, {
          redialProbability,
          maxAttempts,
        }),
      ).toBe(scan);
    },
  );

  it('is requiredAgents without redials, and never fewer with them', () => {
    expect(requiredAgentsWithRedials(queue, { answerRate: 0.8 })).toBe(
      requiredAgents(queue, { answerRate: 0.8 }),
    );
    expect(requiredAgentsWithRedials(queue, { answerRate: 0.8 }, redial)).toBeGreaterThanOrEqual(
      requiredAgents(queue, { answerRate: 0.8 }),
    );
    // 200 calls/h of 180 s, service level 80% in 20 s: 14 agents (Erlang C, the CLI's README example).
    expect(
      requiredAgentsWithRedials(
        { arrivalsPerHour: 200, meanHandleSeconds: 180, answerWithinSeconds: 20 },
        { serviceLevel: 0.8 },
      ),
    ).toBe(14);
  });

  it('rejects a bad load, naming it', () => {
    expect(() =>
      requiredAgentsWithRedials({ ...queue, arrivalsPerHour: -1 }, { answerRate: 0.8 }, redial),
    ).toThrow(/arrivalsPerHour/);
  });
});
