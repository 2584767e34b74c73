import { describe, expect, it } from 'vitest';
import { arrivalRatesByWeekday } from '../../sim/calibrate/arrivalRates.js';
import type { ObservedCall } from '../../sim/calibrate/types.js';
import { parseLocalDateTime } from '../../sim/io/table.js';

const at = (text: string): ObservedCall => ({
  arrivalSeconds: parseLocalDateTime(text)!,
  waitSeconds: 0,
  outcome: 'abandoned',
});

describe('arrivalRatesByWeekday', () => {
  // 2020-03-02 and 2020-03-09 are Mondays, 2020-03-03 a Tuesday (calendar).
  const records = [
    at('2020-03-02 08:10'),
    at('2020-03-02 08:20'),
    at('2020-03-02 08:59:59'),
    at('2020-03-09 08:00'),
    at('2020-03-03 23:30'),
  ];

  it('averages calls per interval over the days of each weekday, by hand', () => {
    const rates = arrivalRatesByWeekday(records, { intervalSeconds: 3600 });
    expect(rates.days).toBe(8); // 2 March to 9 March
    expect(rates.dailyCalls).toEqual([3, 1, 0, 0, 0, 0, 0, 1]);
    const monday = rates.weekdays.find((w) => w.weekdayName === 'Monday')!;
    expect(monday.days).toBe(2);
    expect(monday.meanCalls[8]).toBe(2); // (3 + 1) / 2
    expect(monday.sdCalls[8]).toBeCloseTo(Math.SQRT2, 15); // sample sd of {3, 1}
    expect(monday.arrivalsPerHour[8]).toBe(2);
    const tuesday = rates.weekdays.find((w) => w.weekdayName === 'Tuesday')!;
    expect([tuesday.days, tuesday.meanCalls[23], tuesday.sdCalls[23]]).toEqual([1, 1, 0]);
    // a Wednesday with no call counts as a day of zeros
    expect(rates.weekdays.find((w) => w.weekdayName === 'Wednesday')!.meanCalls.every((m) => m === 0)).toBe(
      true,
    );
    expect(rates.weekdays.map((w) => w.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('converts calls per interval to calls per hour', () => {
    const rates = arrivalRatesByWeekday(records, { intervalSeconds: 900 });
    const monday = rates.weekdays.find((w) => w.weekdayName === 'Monday')!;
    // 08:00-08:15 holds 08:10 (1st Monday) and 08:00 (2nd): mean 1 call per 15 min = 4 per hour
    expect(monday.meanCalls[32]).toBe(1);
    expect(monday.arrivalsPerHour[32]).toBe(4);
  });

  it('leaves out records outside a given period and counts them', () => {
    const rates = arrivalRatesByWeekday(records, {
      firstDaySeconds: parseLocalDateTime('2020-03-02')!,
      days: 1,
    });
    expect(rates.outside).toBe(2);
    expect(rates.weekdays).toHaveLength(1);
    expect(rates.weekdays[0]!.meanCalls[16]).toBe(2); // 08:00-08:30 holds 08:10 and 08:20
  });

  it('rejects an interval that does not divide a day', () => {
    expect(() => arrivalRatesByWeekday(records, { intervalSeconds: 7000 })).toThrow(
      'arrivalRatesByWeekday: intervalSeconds must divide a day of 86400 s (got 7000)',
    );
  });
});
