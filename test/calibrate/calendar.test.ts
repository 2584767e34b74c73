import { describe, expect, it } from 'vitest';
import { calibrateFromRecords, specialDaysOfRecords } from '../../sim/calibrate/calibrateFromRecords.js';
import type { ObservedCall } from '../../sim/calibrate/types.js';
import { CHINA_CALENDAR, NO_HOLIDAYS } from '../../sim/core/calendar.js';
import { parseLocalDateTime } from '../../sim/io/table.js';

const answered = (at: string, agentId: string): ObservedCall => ({
  arrivalSeconds: parseLocalDateTime(at)!,
  waitSeconds: 0,
  outcome: 'answered',
  handleSeconds: 900,
  agentId,
});

// Four Thursdays around National Day 2020, everything by hand: 24 Sep (1 call at 08:00),
// 1 Oct (5 calls, a holiday), 8 Oct (none, a holiday), 15 Oct (3 calls). In the period
// 24 Sep - 15 Oct the official calendar has 1-8 Oct off and 27 Sep (Sun) and 10 Oct (Sat) worked.
const records = [
  answered('2020-09-24 08:00:00', 'A'),
  ...[0, 1, 2, 3, 4].map((i) => answered(`2020-10-01 08:0${i}:00`, `H${i}`)),
  answered('2020-10-15 08:00:00', 'A'),
  answered('2020-10-15 08:01:00', 'B'),
  answered('2020-10-15 08:02:00', 'C'),
];

describe('calibration with a holiday calendar', () => {
  it('lists the holidays and worked weekend days of the records’ period', () => {
    const days = specialDaysOfRecords(records, CHINA_CALENDAR);
    expect(days.map((d) => `${d.day} ${d.date} ${d.kind}`)).toEqual([
      '3 2020-09-27 adjustedWorkingDay',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `${n + 6} 2020-10-0${n} holiday`),
      '16 2020-10-10 adjustedWorkingDay',
    ]);
    expect(specialDaysOfRecords(records, NO_HOLIDAYS)).toEqual([]);
  });

  it('leaves them out of the weekday means of arrivals and agents present', () => {
    const plain = calibrateFromRecords(records, { source: 'hand example', intervalMinutes: 30 });
    const thursday = plain.weekdays.find((w) => w.weekday === 'Thursday')!;
    // Without a calendar: 4 Thursdays, (1 + 5 + 0 + 3) / 4 = 2.25 calls per half hour = 4.5 an hour.
    expect(thursday.days).toBe(4);
    expect(thursday.arrivalsPerHour[16]).toBe(4.5);
    const china = calibrateFromRecords(records, {
      source: 'hand example',
      intervalMinutes: 30,
      calendar: CHINA_CALENDAR,
    });
    const ordinary = china.weekdays.find((w) => w.weekday === 'Thursday')!;
    // With it: 24 Sep and 15 Oct only, (1 + 3) / 2 = 2 per half hour = 4 an hour; agents present
    // 08:00-08:30: 1 on 24 Sep (A, 15 min = 0.5 of the interval) and 3 x 0.5 on 15 Oct: (0.5 + 1.5) / 2.
    expect(ordinary.days).toBe(2);
    expect(ordinary.arrivalsPerHour[16]).toBe(4);
    expect(ordinary.agentsPresent[16]).toBe(1);
    // Sundays 27 Sep (worked) and 4 Oct (holiday) are out; 11 Oct is left.
    expect(china.weekdays.find((w) => w.weekday === 'Sunday')!.days).toBe(1);
    // Handle time keeps every call.
    expect(china.handleTime).toEqual(plain.handleTime);
  });
});
