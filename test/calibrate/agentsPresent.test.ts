import { describe, expect, it } from 'vitest';
import { agentsPresentPerInterval } from '../../sim/calibrate/agentsPresent.js';
import type { ObservedCall } from '../../sim/calibrate/types.js';

const served = (agentId: string | undefined, startSeconds: number, handleSeconds: number): ObservedCall => ({
  arrivalSeconds: startSeconds - 10,
  waitSeconds: 10,
  outcome: 'answered',
  handleSeconds,
  ...(agentId === undefined ? {} : { agentId }),
});

describe('agentsPresentPerInterval', () => {
  const h = 3600;
  // Agent A serves 08:00-08:10 and 08:20-08:30 (a 10-minute gap) then 10:00-10:10 (a 90-minute gap).
  // Agent B serves 08:15-08:45. All worked by hand with 30-minute intervals.
  const records = [
    served('A', 8 * h, 600),
    served('A', 8 * h + 1200, 600),
    served('A', 10 * h, 600),
    served('B', 8 * h + 900, 1800),
    served(undefined, 9 * h, 60),
  ];

  it('counts an agent present between the first and last call of a stretch', () => {
    const estimate = agentsPresentPerInterval(records, { intervalSeconds: 1800, maxIdleGapSeconds: 1800 });
    const byStart = new Map(estimate.intervals.map((i) => [i.startSeconds, i]));
    // 08:00-08:30: A present all 30 min (gap inside the stretch), B from 08:15: 1 + 0.5
    expect(byStart.get(8 * h)).toEqual({
      startSeconds: 8 * h,
      agentsPresent: 1.5,
      agentsBusy: (600 + 600 + 900) / 1800,
      agentsSeen: 2,
    });
    // 08:30-09:00: B until 08:45
    expect(byStart.get(8 * h + 1800)).toEqual({
      startSeconds: 8 * h + 1800,
      agentsPresent: 0.5,
      agentsBusy: 0.5,
      agentsSeen: 1,
    });
    // 09:00-10:00: A's 90-minute gap is longer than 30 minutes: nobody present
    expect(byStart.get(9 * h)?.agentsPresent).toBe(0);
    expect(byStart.get(10 * h)).toEqual({
      startSeconds: 10 * h,
      agentsPresent: 1 / 3,
      agentsBusy: 1 / 3,
      agentsSeen: 1,
    });
    expect(estimate.agents).toBe(2);
    expect(estimate.answeredWithoutAgent).toBe(1);
    expect(estimate.intervals[0]?.startSeconds).toBe(0); // from midnight of the first day
    expect(estimate.intervals).toHaveLength(21); // through 10:10, the last service's end
  });

  it('joins the long gap into one stretch when it is allowed', () => {
    const estimate = agentsPresentPerInterval(records, { intervalSeconds: 1800, maxIdleGapSeconds: 7200 });
    const nine = estimate.intervals.find((i) => i.startSeconds === 9 * h)!;
    expect(nine.agentsPresent).toBe(1);
    expect(nine.agentsBusy).toBe(0);
  });

  it('never reports fewer agents present than busy', () => {
    const estimate = agentsPresentPerInterval(records, { intervalSeconds: 900, maxIdleGapSeconds: 0 });
    for (const i of estimate.intervals) expect(i.agentsPresent).toBeGreaterThanOrEqual(i.agentsBusy - 1e-12);
  });
});
