import { describe, expect, it } from 'vitest';
import { outcomesByClass } from '../../sim/calibrate/byClass.js';
import type { ObservedCall } from '../../sim/calibrate/types.js';

describe('outcomesByClass', () => {
  const records: ObservedCall[] = [
    { arrivalSeconds: 0, waitSeconds: 10, outcome: 'answered', handleSeconds: 60, priority: 2 },
    { arrivalSeconds: 0, waitSeconds: 30, outcome: 'answered', handleSeconds: 60, priority: 2 },
    { arrivalSeconds: 0, waitSeconds: 60, outcome: 'abandoned', priority: 2 },
    { arrivalSeconds: 0, waitSeconds: 100, outcome: 'answered', handleSeconds: 60, priority: 0 },
    { arrivalSeconds: 0, waitSeconds: 0, outcome: 'blocked' },
  ];

  // All by hand from the five records above.
  it('measures waits, abandonment and service level per priority', () => {
    expect(outcomesByClass(records, { answerWithinSeconds: 20 })).toEqual([
      {
        callClass: '0',
        offered: 1,
        answered: 1,
        abandoned: 0,
        blocked: 0,
        abandonmentFraction: 0,
        serviceLevel: 0,
        meanWaitSeconds: 100,
        meanWaitAnsweredSeconds: 100,
        meanPatienceSeconds: Infinity,
      },
      {
        callClass: '2',
        offered: 3,
        answered: 2,
        abandoned: 1,
        blocked: 0,
        abandonmentFraction: 1 / 3,
        serviceLevel: 1 / 3,
        meanWaitSeconds: 100 / 3,
        meanWaitAnsweredSeconds: 20,
        meanPatienceSeconds: 100,
      },
      {
        callClass: 'none',
        offered: 1,
        answered: 0,
        abandoned: 0,
        blocked: 1,
        abandonmentFraction: 0,
        serviceLevel: 0,
        meanWaitSeconds: 0,
        meanWaitAnsweredSeconds: 0,
        meanPatienceSeconds: Infinity,
      },
    ]);
  });

  it('groups by any key', () => {
    const rows = outcomesByClass(records, { classOf: (r) => (r.outcome === 'blocked' ? 'b' : 'q') });
    expect(rows.map((r) => [r.callClass, r.offered])).toEqual([
      ['b', 1],
      ['q', 4],
    ]);
  });
});
