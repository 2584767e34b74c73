import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calendarYears, formatYears } from '../../sim/core/calendar.js';
import { InputError } from '../../sim/core/errors.js';
import { parseHolidayList } from '../../sim/io/holidayList.js';
import { parseScenarioFile } from '../../sim/io/scenarioFile.js';

// The calendar of a scenario file (data/README.md, "Scenario files" and "Holiday list"):
// China's official calendar from the chinese-days package, none, or a holiday list of one's
// own laid over either. The two-day base scenario is test/io/scenarioFile.test.ts's.
const FOLDER = fileURLToPath(new URL('./bad-scenario/', import.meta.url));
const FILE = `${FOLDER}inline.json`;

const base = {
  formatVersion: 1,
  name: 'tiny',
  title: 'A two-day test scenario',
  horizon: { startDate: '2099-03-02', days: 2, intervalMinutes: 60 },
  arrivals: {
    kind: 'profile',
    inboundCallsPerDay: 240,
    weekdayFactors: [1.2, 1.1, 1.1, 1.1, 1.1, 0.75, 0.65],
    intradayProfileFile: 'ok-profile.csv',
    selfServiceShare: 0,
    dayBusynessCv: 0,
  },
  handle: { kind: 'exponential', meanSeconds: 200 },
  agents: { kind: 'constant', count: 3 },
  answerWithinSeconds: 15,
  sources: {
    horizon: 'assumed: a short horizon for tests',
    arrivals: 'assumed: a flat test load of 10 calls an hour',
    handle: 'assumed: FACTS-like handle time',
    agents: 'assumed: three agents all day for tests',
    answerWithinSeconds: 'GB/T 33358-2016: 15 s',
    calendar: 'assumed: a holiday rule for tests',
  },
};

const rule = { holidayLoadAs: 'Sunday', adjustedWorkingDayLoadAs: 'Tuesday', keepHorizonTotal: false };

function read(changes: Record<string, unknown>) {
  return parseScenarioFile(JSON.stringify({ ...base, ...changes }), FILE);
}

function problems(changes: Record<string, unknown>): string[] {
  try {
    read(changes);
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.column}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('a scenario file’s calendar', () => {
  it('refuses a year the package does not cover without a holiday list, naming every such year', () => {
    const years = formatYears(calendarYears());
    const hint =
      "list that year's holidays and worked weekend days in a holiday list (calendar.holidayFile, data/README.md)";
    expect(
      problems({
        horizon: { startDate: '2098-12-31', days: 2, intervalMinutes: 60 },
        calendar: { holidays: 'china-official', ...rule },
      }),
    ).toEqual([
      `calendar.holidays: the official calendar of mainland China is known for ${years} (chinese-days); the horizon reaches 2098: ${hint}`,
      `calendar.holidays: the official calendar of mainland China is known for ${years} (chinese-days); the horizon reaches 2099: ${hint}`,
    ]);
  });

  it('takes the year from a holiday list laid over China’s calendar (exact, by hand)', () => {
    const { meta } = read({
      calendar: { holidays: 'china-official', holidayFile: 'ok-holidays-2099.csv', ...rule },
    });
    // Mon 2 Mar 2099 is the list's holiday: a Sunday's 240 x 0.65 = 156; Tue 3 Mar: 240 x 1.1 = 264.
    expect(meta.specialDays).toEqual([{ date: '2099-03-02', kind: 'holiday' }]);
    expect(meta.inboundCallsByDay[0]).toBeCloseTo(156, 10);
    expect(meta.inboundCallsByDay[1]).toBeCloseTo(264, 10);
    // A horizon past the list's year is refused again, naming it.
    expect(
      problems({
        horizon: { startDate: '2099-12-31', days: 2, intervalMinutes: 60 },
        calendar: { holidays: 'china-official', holidayFile: 'ok-holidays-2099.csv', ...rule },
      }),
    ).toEqual([
      expect.stringContaining('and ok-holidays-2099.csv gives no day of 2100; the horizon reaches 2100'),
    ]);
  });

  it('none has no special day in any year, and the load rule is then not used', () => {
    const { meta } = read({
      horizon: { startDate: '1999-02-01', days: 2, intervalMinutes: 60 },
      calendar: { holidays: 'none' },
    });
    expect(meta.specialDays).toEqual([]);
    expect(meta.inboundCallsByDay).toEqual([240 * 1.2, 240 * 1.1]);
    expect(problems({ calendar: { holidays: 'none', ...rule } })).toEqual([
      'calendar.holidayLoadAs: is not used with holidays "none" and no holidayFile (no day is special) (remove it)',
      'calendar.adjustedWorkingDayLoadAs: is not used with holidays "none" and no holidayFile (no day is special) (remove it)',
      'calendar.keepHorizonTotal: is not used with holidays "none" and no holidayFile (no day is special) (remove it)',
    ]);
    // A list over none: its days only.
    const listed = read({ calendar: { holidays: 'none', holidayFile: 'ok-holidays-2099.csv', ...rule } });
    expect(listed.meta.specialDays).toEqual([{ date: '2099-03-02', kind: 'holiday' }]);
  });

  it('needs the load rule with holidays, and names a holiday list that cannot be read', () => {
    expect(
      problems({
        horizon: { startDate: '2020-09-30', days: 2, intervalMinutes: 60 },
        calendar: { holidays: 'china-official', holidayFile: 'no-such.csv' },
      }),
    ).toEqual([
      'calendar.holidayFile: names a file that cannot be read, relative to the scenario\'s folder (got "no-such.csv")',
      'calendar.holidayLoadAs: is required with a calendar of holidays (expected a weekday name, or true/false for keepHorizonTotal)',
      'calendar.adjustedWorkingDayLoadAs: is required with a calendar of holidays (expected a weekday name, or true/false for keepHorizonTotal)',
      'calendar.keepHorizonTotal: is required with a calendar of holidays (expected a weekday name, or true/false for keepHorizonTotal)',
    ]);
  });
});

describe('parseHolidayList', () => {
  it('reads dates, kinds and names, sorted by date', () => {
    expect(
      parseHolidayList('date,kind\n2027-01-02,adjustedWorkingDay\n2027-01-01,holiday\n', 'h.csv'),
    ).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '' },
      { date: '2027-01-02', kind: 'adjustedWorkingDay', name: '' },
    ]);
  });

  it('lists every bad row with its row and column', () => {
    const text = [
      'date,kind,name',
      '2027-01-01 08:00,holiday,a time',
      '2027-01-04,adjustedWorkingDay,a Monday',
      '2027-01-05,vacation,',
      '2027-02-30,holiday,',
      '2027-01-04,holiday,twice',
    ].join('\n');
    let issues: string[] = [];
    try {
      parseHolidayList(text, 'h.csv');
    } catch (error) {
      issues = (error as InputError).issues.map((i) => `${i.row} ${i.column}`);
    }
    expect(issues).toEqual(['4 kind', '5 date', '6 date']);
    let later: string[] = [];
    try {
      parseHolidayList('date,kind\n2027-01-01 08:00,holiday\n2027-01-04,adjustedWorkingDay\n', 'h.csv');
    } catch (error) {
      later = (error as InputError).issues.map((i) => `${i.row} ${i.column}: ${i.message}`);
    }
    expect(later).toEqual([
      '2 date: must be a date YYYY-MM-DD without a time',
      '3 kind: a day worked instead must be a Saturday or Sunday (2027-01-04 is a weekday, a working day anyway)',
    ]);
  });
});
