import { describe, expect, it } from 'vitest';
import {
  CHINA_HOLIDAYS_2020,
  addWorkingDays,
  dayKind,
  isWorkingDay,
  workingDaysBetween,
} from '../../sim/core/calendar.js';

// Expected values counted by hand from the two notices (国办发明电〔2019〕16号 and
// 〔2020〕1号) on a 2020 wall calendar.
describe('2020 official calendar of mainland China', () => {
  it('has 249 working days: 262 weekdays - 19 weekday holidays + 6 worked weekend days', () => {
    // exact, by hand: 366 days = 104 weekend days + 262 weekdays. Weekday holidays: 1 Jan;
    // 24 and 27-31 Jan (6); 6 Apr; 1, 4, 5 May (3); 25, 26 Jun (2); 1, 2, 5-8 Oct (6) = 19.
    // Weekend days worked: 19 Jan, 26 Apr, 9 May, 28 Jun, 27 Sep, 10 Oct = 6. 262 - 19 + 6 = 249.
    let working = 0;
    for (let d = 0; d < 366; d++) {
      const iso = new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10);
      if (isWorkingDay(iso)) working++;
    }
    // Check: 251 under 〔2019〕16号 alone (the widely published count), less 31 Jan (Friday)
    // and 1 Feb (a Saturday that was to be worked), both made holidays by 〔2020〕1号.
    expect(working).toBe(249);
  });

  it('lists 30 days off in 2020 (1 + 10 + 3 + 5 + 3 + 8, exact by hand)', () => {
    expect(CHINA_HOLIDAYS_2020.flatMap((p) => p.daysOff)).toHaveLength(30);
  });

  it.each([
    ['2020-01-01', 'holiday'], // New Year
    ['2020-01-19', 'adjustedWorkingDay'], // Sunday worked before Spring Festival
    ['2020-01-23', 'working'], // Thursday
    ['2020-01-24', 'holiday'], // 除夕
    ['2020-02-01', 'holiday'], // Saturday: worked under 〔2019〕16号, holiday after 〔2020〕1号
    ['2020-02-02', 'holiday'], // last day of the extension
    ['2020-02-03', 'working'], // Monday, back to work
    ['2020-04-06', 'holiday'], // Qingming (Monday)
    ['2020-04-26', 'adjustedWorkingDay'], // Sunday
    ['2020-05-09', 'adjustedWorkingDay'], // Saturday
    ['2020-06-28', 'adjustedWorkingDay'], // Sunday
    ['2020-09-27', 'adjustedWorkingDay'], // Sunday
    ['2020-10-08', 'holiday'], // Thursday
    ['2020-10-10', 'adjustedWorkingDay'], // Saturday
    ['2020-10-11', 'weekend'], // Sunday
  ] as const)('%s is %s', (date, kind) => {
    expect(dayKind(date)).toBe(kind);
  });

  it('adds working days across holidays and worked weekends (exact, by hand)', () => {
    expect(addWorkingDays('2020-09-30', 1)).toBe('2020-10-09');
    expect(addWorkingDays('2020-09-30', 2)).toBe('2020-10-10'); // the worked Saturday
    expect(addWorkingDays('2020-01-23', 1)).toBe('2020-02-03');
    expect(addWorkingDays('2020-04-24', 1)).toBe('2020-04-26'); // Friday -> worked Sunday
    expect(addWorkingDays('2020-06-24', 5)).toBe('2020-07-02'); // 28 (Sun, worked), 29, 30 Jun, 1, 2 Jul
    expect(addWorkingDays('2020-10-09', -1)).toBe('2020-09-30');
    expect(addWorkingDays('2020-03-15', 0)).toBe('2020-03-15');
  });

  it('workingDaysBetween inverts addWorkingDays', () => {
    for (const [date, n] of [
      ['2020-01-10', 15],
      ['2020-04-20', 5],
      ['2020-12-01', -20],
    ] as const) {
      expect(workingDaysBetween(date, addWorkingDays(date, n))).toBe(n);
    }
  });

  it('refuses dates outside the known years and malformed ones', () => {
    expect(() => isWorkingDay('2021-01-04')).toThrow(
      'isWorkingDay: the official calendar is known for 2020 only (got 2021-01-04)',
    );
    expect(() => addWorkingDays('2020-12-30', 5)).toThrow(
      'addWorkingDays: the official calendar is known for 2020 only (got 2021-01-01)',
    );
    expect(() => isWorkingDay('2020-02-30')).toThrow('calendar: 2020-02-30 is not a calendar date');
    expect(() => addWorkingDays('2020-01-02', 1.5)).toThrow('addWorkingDays: n must be an integer (got 1.5)');
  });
});
