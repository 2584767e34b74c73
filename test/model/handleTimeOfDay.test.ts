import { describe, expect, it } from 'vitest';
import { deterministic } from '../../sim/model/distributions.js';
import { simulate } from '../../sim/model/simulate.js';
import type { Scenario } from '../../sim/model/types.js';

function day(overrides: Partial<Scenario>): Scenario {
  return {
    startDate: '2020-01-06',
    days: 2,
    intervalMinutes: 60,
    arrivals: { kind: 'at', seconds: [100, 3_700, 90_100] },
    handle: deterministic(100),
    agents: { kind: 'constant', count: 5 },
    answerWithinSeconds: 20,
    ...overrides,
  };
}

describe('handleTimeOfDayFactors', () => {
  // Exact, by hand: calls answered at once at 00:01:40 (factor 1), 01:01:40 (factor 2.5)
  // and on day 2 at 01:01:40 (factor 2.5 again: the factors repeat every day); a 100 s
  // handle time keeps 100, 250 and 250 agent-seconds busy in those intervals.
  it('multiplies the handle time by the factor of the interval of the answer, every day', () => {
    const factors = Array.from({ length: 24 }, (_, h) => (h === 1 ? 2.5 : 1));
    const run = simulate(day({ handleTimeOfDayFactors: factors }), { seed: 1 });
    expect(run.intervals[0]!.busyAgentSeconds).toBeCloseTo(100, 9);
    expect(run.intervals[1]!.busyAgentSeconds).toBeCloseTo(250, 9);
    expect(run.intervals[25]!.busyAgentSeconds).toBeCloseTo(250, 9);
    const plain = simulate(day({}), { seed: 1 });
    expect(plain.intervals[1]!.busyAgentSeconds).toBeCloseTo(100, 9);
  });

  it('rejects a list of the wrong length or a factor that is not positive', () => {
    expect(() => simulate(day({ handleTimeOfDayFactors: [1, 2] }), { seed: 1 })).toThrow(
      /handleTimeOfDayFactors must hold one factor per interval of the day, 24 \(got 2\)/,
    );
    const factors = new Array<number>(24).fill(1);
    factors[3] = 0;
    expect(() => simulate(day({ handleTimeOfDayFactors: factors }), { seed: 1 })).toThrow(
      /handleTimeOfDayFactors\[3\]/,
    );
  });
});
