import { describe, expect, it, vi } from 'vitest';
import {
  CHINA_CALENDAR,
  HolidayCalendar,
  NO_HOLIDAYS,
  addWorkingDays,
  calendarYears,
  dayKind,
  formatYears,
  isWorkingDay,
  workingDaysBetween,
} from '../../sim/core/calendar.js';

function isoDay(year: number, d: number): string {
  return new Date(Date.UTC(year, 0, 1 + d)).toISOString().slice(0, 10);
}

function range(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

// The 2020 official calendar as the two notices give it, typed from their text: the
// reference the chinese-days package is checked against.
// 国办发明电〔2019〕16号: 元旦 1 Jan; 春节 24-30 Jan, 19 Jan (Sun) and 1 Feb (Sat) worked;
// 清明节 4-6 Apr; 劳动节 1-5 May, 26 Apr (Sun) and 9 May (Sat) worked; 端午节 25-27 Jun,
// 28 Jun (Sun) worked; 国庆节·中秋节 1-8 Oct, 27 Sep (Sun) and 10 Oct (Sat) worked.
// 国办发明电〔2020〕1号: Spring Festival extended to 2 Feb (正月初九), work from 3 Feb: 31 Jan,
// 1 and 2 Feb become holidays, and 1 Feb is no longer worked.
const NOTICES_2020 = {
  daysOff: [
    '2020-01-01',
    ...range('2020-01-24', '2020-02-02'),
    ...range('2020-04-04', '2020-04-06'),
    ...range('2020-05-01', '2020-05-05'),
    ...range('2020-06-25', '2020-06-27'),
    ...range('2020-10-01', '2020-10-08'),
  ],
  worked: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
};

describe('the official calendar of mainland China, from the chinese-days package', () => {
  it('gives 2020 exactly as the two notices do, Spring Festival extension included', () => {
    const days = CHINA_CALENDAR.specialDays(2020);
    expect(days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual(NOTICES_2020.daysOff);
    expect(days.filter((d) => d.kind === 'adjustedWorkingDay').map((d) => d.date)).toEqual(NOTICES_2020.worked);
    // 1 + 10 + 3 + 5 + 3 + 8 = 30 days off, exact by hand.
    expect(NOTICES_2020.daysOff).toHaveLength(30);
    expect(days.find((d) => d.date === '2020-01-19')?.name).toBe('春节 Spring Festival');
  });

  it('has 249 working days in 2020: 262 weekdays - 19 weekday holidays + 6 worked weekend days', () => {
    // exact, by hand: 366 days = 104 weekend days + 262 weekdays. Weekday holidays: 1 Jan;
    // 24 and 27-31 Jan (6); 6 Apr; 1, 4, 5 May (3); 25, 26 Jun (2); 1, 2, 5-8 Oct (6) = 19.
    // Weekend days worked: 19 Jan, 26 Apr, 9 May, 28 Jun, 27 Sep, 10 Oct = 6. 262 - 19 + 6 = 249
    // (251 under 〔2019〕16号 alone, less 31 Jan and 1 Feb made holidays by 〔2020〕1号).
    let working = 0;
    for (let d = 0; d < 366; d++) if (isWorkingDay(isoDay(2020, d))) working++;
    expect(working).toBe(249);
  });

  it('gives 2025 as 国办发明电〔2024〕12号 does: Spring Festival 28 Jan-4 Feb, 26 Jan and 8 Feb worked', () => {
    for (const date of range('2025-01-28', '2025-02-04')) expect(CHINA_CALENDAR.dayKind(date)).toBe('holiday');
    expect(CHINA_CALENDAR.dayKind('2025-01-26')).toBe('adjustedWorkingDay'); // Sunday
    expect(CHINA_CALENDAR.dayKind('2025-02-08')).toBe('adjustedWorkingDay'); // Saturday
    expect(CHINA_CALENDAR.dayKind('2025-05-05')).toBe('holiday'); // 劳动节 1-5 May
    expect(CHINA_CALENDAR.dayKind('2025-04-27')).toBe('adjustedWorkingDay');
    expect(CHINA_CALENDAR.dayKind('2025-10-08')).toBe('holiday'); // 国庆节、中秋节 1-8 Oct
    expect(CHINA_CALENDAR.dayKind('2025-10-11')).toBe('adjustedWorkingDay');
  });

  it('covers every year from 2004 to the last one announced, without gaps', () => {
    const years = calendarYears();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
    expect(formatYears([2004, 2005, 2006, 2020, 2027, 2028])).toBe('2004-2006, 2020, 2027-2028');
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
    // Across the year: 31 Dec 2020 (Thu) + 1 is 4 Jan 2021, 1 Jan 2021 being 元旦 and 2-3 Jan a weekend.
    expect(addWorkingDays('2020-12-31', 1)).toBe('2021-01-04');
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

  it('refuses years the package does not cover, naming the year, and malformed dates', () => {
    const last = calendarYears().at(-1) as number;
    expect(() => isWorkingDay(`${last + 1}-01-04`)).toThrow(
      `isWorkingDay: the official calendar of mainland China is known for 2004-${last} only (got ${last + 1}-01-04)`,
    );
    expect(() => dayKind('2003-05-01')).toThrow(/known for 2004-\d{4} only \(got 2003-05-01\)/);
    expect(() => addWorkingDays(`${last}-12-30`, 5)).toThrow(`(got ${last + 1}-01-01)`);
    expect(() => isWorkingDay('2020-02-30')).toThrow('calendar: 2020-02-30 is not a calendar date');
    expect(() => addWorkingDays('2020-01-02', 1.5)).toThrow('addWorkingDays: n must be an integer (got 1.5)');
  });

  it('gives the same days whatever the time zone of the process (west of Greenwich too)', async () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      vi.resetModules();
      const fresh = await import('../../sim/core/calendar.js');
      expect(new Date(2020, 0, 1).getTimezoneOffset()).toBe(300); // the zone took effect
      expect(fresh.dayKind('2020-01-01')).toBe('holiday');
      expect(fresh.dayKind('2020-01-19')).toBe('adjustedWorkingDay');
      expect(fresh.CHINA_CALENDAR.specialDays(2020).map((d) => d.date)).toEqual(
        CHINA_CALENDAR.specialDays(2020).map((d) => d.date),
      );
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('HolidayCalendar: none, and a list of one’s own', () => {
  it('none has no special day in any year, Saturday and Sunday as the weekend', () => {
    expect(NO_HOLIDAYS.dayKind('1999-02-01')).toBe('working'); // a Monday
    expect(NO_HOLIDAYS.dayKind('2020-01-01')).toBe('working'); // New Year is an ordinary Wednesday
    expect(NO_HOLIDAYS.dayKind('2099-01-03')).toBe('weekend');
    expect(NO_HOLIDAYS.uncoveredYears('1999-02-01', 400)).toEqual([]);
    expect(NO_HOLIDAYS.description).toBe('no holidays');
  });

  it('a list covers its years and replaces the package on its dates', () => {
    const last = calendarYears().at(-1) as number;
    const next = last + 1;
    const calendar = new HolidayCalendar({
      base: 'china',
      days: [
        { date: `${next}-01-01`, kind: 'holiday', name: '元旦' },
        // Shanghai's 2020 rule: enterprises resumed on 10 Feb (a local rule, laid over the national one).
        { date: '2020-02-03', kind: 'holiday', name: 'Shanghai: no work before 10 Feb' },
      ],
      listName: 'holidays.csv',
    });
    expect(calendar.covers(next)).toBe(true);
    expect(calendar.covers(next + 1)).toBe(false);
    expect(calendar.dayKind(`${next}-01-01`)).toBe('holiday');
    expect(calendar.dayKind('2020-02-03')).toBe('holiday');
    expect(calendar.dayKind('2020-02-04')).toBe('working');
    expect(calendar.uncoveredYears(`${next}-12-01`, 62)).toEqual([next + 1]);
    expect(calendar.description).toBe(`China's official calendar (chinese-days, 2004-${last}) + holidays.csv (2020, ${next})`);
    expect(() => calendar.dayKind(`${next + 1}-01-01`)).toThrow(`and the holidays.csv for 2020, ${next} only`);
    expect(
      () =>
        new HolidayCalendar({
          base: 'none',
          days: [
            { date: '2020-01-01', kind: 'holiday', name: '' },
            { date: '2020-01-01', kind: 'holiday', name: '' },
          ],
        }),
    ).toThrow('HolidayCalendar: 2020-01-01 is given twice');
  });
});
