import { describe, expect, it } from 'vitest';
import { calibrateFromRecords } from '../../sim/calibrate/calibrateFromRecords.js';
import type { ObservedCall } from '../../sim/calibrate/types.js';
import { parseLocalDateTime } from '../../sim/io/table.js';

const call = (
  at: string,
  wait: number,
  outcome: 'answered' | 'abandoned',
  handle?: number,
  agentId?: string,
): ObservedCall => ({
  arrivalSeconds: parseLocalDateTime(at)!,
  waitSeconds: wait,
  outcome,
  ...(handle === undefined ? {} : { handleSeconds: handle }),
  ...(agentId === undefined ? {} : { agentId }),
});

describe('calibrateFromRecords', () => {
  // Two Mondays (2020-03-02 and 2020-03-09) and the days between; everything by hand.
  const records = [
    call('2020-03-02 08:00:00', 0, 'answered', 1800, 'A'), // A busy 08:00-08:30 on the first Monday
    call('2020-03-02 08:10:00', 60, 'abandoned'),
    call('2020-03-09 08:00:00', 0, 'answered', 900, 'B'), // B busy 08:00-08:15 on the second Monday
    call('2020-03-09 08:05:00', 140, 'abandoned'),
  ];

  it('averages arrivals and agents present over the days of each weekday', () => {
    const c = calibrateFromRecords(records, { source: 'hand example', intervalMinutes: 30 });
    const monday = c.weekdays.find((w) => w.weekday === 'Monday')!;
    expect(monday.days).toBe(2);
    expect(monday.arrivalsPerHour[16]).toBe(4); // 4 calls over 2 Mondays in 08:00-08:30: 2 per half hour
    expect(monday.agentsPresent[16]).toBe(0.75); // (1 + 0.5) / 2
    expect(c.weekdays.find((w) => w.weekday === 'Tuesday')!.agentsPresent.every((a) => a === 0)).toBe(true);
  });

  it('takes the patience from abandonments over total wait, with the Kaplan-Meier median beside it', () => {
    const c = calibrateFromRecords(records, { source: 'hand example' });
    // 2 abandonments, waits 0 + 60 + 0 + 140 = 200 s: mean patience 100 s. Kaplan-Meier:
    // at 60 s, 2 at risk, 1 abandons: 1/2; the median is 60 s.
    expect(c.patience).toEqual({
      distribution: 'exponential',
      meanSeconds: 100,
      kaplanMeierMedianSeconds: 60,
    });
    expect(c.source).toBe('hand example');
    expect(c.intervalMinutes).toBe(30);
  });
});
