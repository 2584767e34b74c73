import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isCalendarDate } from '../../sim/core/dates.js';

describe('dates', () => {
  it('knows which texts are calendar dates (leap years by the Gregorian rule)', () => {
    for (const date of ['2020-02-29', '2000-02-29', '2019-12-31', '1999-01-01'])
      expect(isCalendarDate(date)).toBe(true);
    for (const text of [
      '2019-02-29',
      '1900-02-29',
      '2020-13-01',
      '2020-04-31',
      '2020-2-1',
      '2020-02-01T00:00',
      ' 2020-02-01',
      '',
    ])
      expect(isCalendarDate(text)).toBe(false);
  });

  it('adds days across months, leap days and years, and counts them back', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
    expect(addDays('2019-02-28', 1)).toBe('2019-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-01-01', -1)).toBe('2019-12-31');
    expect(addDays('2020-01-01', 365)).toBe('2020-12-31');
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
    expect(daysBetween('2021-01-01', '2020-01-01')).toBe(-366);
    // Every day of 2019-2021 one step after the one before, and as far from the start as its index.
    let date = '2019-01-01';
    for (let i = 1; i <= 1096; i++) {
      const next = addDays(date, 1);
      expect(daysBetween('2019-01-01', next)).toBe(i);
      expect(addDays('2019-01-01', i)).toBe(next);
      date = next;
    }
    expect(date).toBe('2022-01-01');
  });

  it('rejects what is not a date, naming the argument', () => {
    expect(() => addDays('2020-02-30', 1)).toThrow(
      'addDays: date must be a calendar date YYYY-MM-DD (got "2020-02-30")',
    );
    expect(() => addDays('2020-02-01', 0.5)).toThrow('addDays: days must be an integer (got 0.5)');
    expect(() => daysBetween('2020-01-01', '2020/01/02')).toThrow(
      'daysBetween: to must be a calendar date YYYY-MM-DD (got "2020/01/02")',
    );
  });
});
