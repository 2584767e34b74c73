import { describe, expect, it } from 'vitest';
import { CHINA_CALENDAR, HolidayCalendar, NO_HOLIDAYS } from '../../sim/core/calendar.js';
import { dayTypesOf, prepareHistory, specialDayRules, withSpecialDays } from '../../sim/forecast/dayTypes.js';
import { isoDayNumber } from '../../sim/forecast/series.js';
import type { DayTypeOf } from '../../sim/forecast/types.js';
import { hourlySeries, WEEKDAY_CALLS, WORKDAY_PROFILE } from './synthetic.js';

const start = isoDayNumber('2020-03-02') as number; // a Monday
// Five weeks with no noise; Wednesdays 11 and 18 March are holidays at half the calls, all in the
// afternoon (12:00-18:00), and Saturday 21 March is a worked weekend day with a Monday's calls.
const HOLIDAYS = new Set(['2020-03-11', '2020-03-18']);
const calendar: DayTypeOf = (date) =>
  HOLIDAYS.has(date) ? 'holiday' : date === '2020-03-21' ? 'workedWeekend' : 'ordinary';
const ordinary = hourlySeries({ startDate: '2020-03-02', days: 35 }).calls;
const history = Float64Array.from(ordinary);
for (const d of [9, 16]) {
  const total = (WEEKDAY_CALLS[3] as number) / 2;
  for (let h = 0; h < 24; h++) history[d * 24 + h] = h >= 12 && h < 18 ? total / 6 : 0;
}
for (let h = 0; h < 24; h++)
  history[19 * 24 + h] = (WEEKDAY_CALLS[1] as number) * (WORKDAY_PROFILE[h] as number);

describe('prepareHistory', () => {
  const prepared = prepareHistory(history, start, 24, calendar);

  it("replaces each special day by its weekday's ordinary days", () => {
    for (const d of [9, 16, 19]) {
      for (let h = 0; h < 24; h++)
        expect(prepared.cleaned[d * 24 + h]).toBeCloseTo(ordinary[d * 24 + h] as number, 9);
    }
    expect(prepared.counts).toEqual({ holiday: 2, workedWeekend: 1 });
    expect(prepared.outliers).toEqual([]);
  });

  // Exact: each holiday has half its Wednesday's calls; the worked Saturday a Monday's over a Saturday's.
  it('learns the ratio of such days to their ordinary pattern, and how they spread over the day', () => {
    const rules = specialDayRules(prepared);
    expect(rules[0]).toMatchObject({ dayType: 'holiday', basis: 'history', daysInHistory: 2 });
    expect(rules[0]?.ratio).toBeCloseTo(0.5, 12);
    expect(rules[1]?.ratio).toBeCloseTo((WEEKDAY_CALLS[1] as number) / (WEEKDAY_CALLS[6] as number), 12);
    const holidayForecast = withSpecialDays(
      Float64Array.from(ordinary.slice(0, 7 * 24)),
      start,
      24,
      (date) => (date === '2020-03-04' ? 'holiday' : 'ordinary'),
      prepared,
    );
    // Wednesday 4 March as a holiday: half its calls, evenly over 12:00-18:00
    for (let h = 0; h < 24; h++) {
      expect(holidayForecast[2 * 24 + h]).toBeCloseTo(
        h >= 12 && h < 18 ? (WEEKDAY_CALLS[3] as number) / 12 : 0,
        9,
      );
    }
    expect(holidayForecast[0]).toBe(ordinary[0]); // ordinary days untouched
  });

  it('without such days in the history, forecasts a holiday like the quietest weekday and a worked weekend day like the five busiest', () => {
    const plain = prepareHistory(Float64Array.from(ordinary), start, 24, () => 'ordinary');
    const rules = specialDayRules(plain);
    expect(rules).toEqual([
      { dayType: 'holiday', basis: 'assumed', asWeekdays: ['Sunday'], daysInHistory: 0 },
      {
        dayType: 'workedWeekend',
        basis: 'assumed',
        asWeekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
        daysInHistory: 0,
      },
    ]);
    const week = Float64Array.from(ordinary.slice(0, 7 * 24)); // Monday to Sunday
    const out = withSpecialDays(
      week,
      start,
      24,
      (date) => (date === '2020-03-02' ? 'holiday' : date === '2020-03-07' ? 'workedWeekend' : 'ordinary'),
      plain,
    );
    const day = (d: number) => out.slice(d * 24, d * 24 + 24).reduce((s, x) => s + x, 0);
    expect(day(0)).toBeCloseTo(WEEKDAY_CALLS[0] as number, 6); // Monday as a Sunday
    const busiest = [1, 2, 3, 4, 5].reduce((s, w) => s + (WEEKDAY_CALLS[w] as number), 0) / 5;
    expect(day(5)).toBeCloseTo(busiest, 6); // Saturday as the mean of Monday-Friday
  });
});

describe('dayTypesOf', () => {
  // sim/core/calendar.ts: National Day 1-8 Oct 2020, 27 Sep (Sunday) and 10 Oct (Saturday) worked.
  it("maps a holiday calendar's kinds of day to the forecast's day types", () => {
    const china = dayTypesOf(CHINA_CALENDAR);
    expect(china('2020-10-01')).toBe('holiday');
    expect(china('2020-09-27')).toBe('workedWeekend');
    expect(china('2020-10-09')).toBe('ordinary');
    expect(china('2020-10-11')).toBe('ordinary'); // a plain Sunday: its weekday gives its pattern
    expect(() => china('1999-02-01')).toThrow(RangeError);
    expect(dayTypesOf(NO_HOLIDAYS)('1999-02-01')).toBe('ordinary');
    const purim = new HolidayCalendar({
      base: 'none',
      days: [{ date: '1999-03-02', kind: 'holiday', name: 'Purim' }],
    });
    expect(dayTypesOf(purim)('1999-03-02')).toBe('holiday');
  });
});
