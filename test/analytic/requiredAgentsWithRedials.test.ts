import { describe, expect, it } from 'vitest';
import { requiredAgents } from '../../sim/analytic/requiredAgents.js';
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
