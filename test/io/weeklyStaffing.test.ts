import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenarioFile } from '../../sim/io/scenarioFile.js';
import { parseWeeklyStaffing, STAFFING_DAY_COLUMNS } from '../../sim/io/weeklyStaffing.js';
import { issuesOf } from './issuesOf.js';

const HEADER = 'intervalStart,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday';

describe('parseWeeklyStaffing', () => {
  it('holds each row until the next, per kind of day (exact, by hand)', () => {
    const table = parseWeeklyStaffing(
      `${HEADER},holiday\n00:00,2,2,2,2,2,1,1,1\n08:00,9,8,8,8,8,4,3,3\n18:00,2,2,2,2,2,1,1,0\n`,
      'w.csv',
      { intervalMinutes: 60 },
    );
    expect(table.columns).toEqual(STAFFING_DAY_COLUMNS.slice(0, 8)); // the weekdays and holiday
    expect(table.blocks).toHaveLength(1);
    const monday = table.blocks[0]?.agents.Monday;
    expect(monday).toEqual([...new Array(8).fill(2), ...new Array(10).fill(9), ...new Array(6).fill(2)]);
    expect(table.blocks[0]?.agents.holiday?.[20]).toBe(0);
    expect(table.blocks[0]?.agents.adjustedWorkingDay).toBeUndefined();
  });

  it('reads one block per month', () => {
    const table = parseWeeklyStaffing(
      `month,${HEADER}\n2,00:00,5,5,5,5,5,5,5\n1,00:00,3,3,3,3,3,3,3\n1,12:00,4,4,4,4,4,4,4\n`,
      'w.csv',
      { intervalMinutes: 60 },
    );
    expect(table.blocks.map((b) => b.month)).toEqual([1, 2]);
    expect(table.blocks[0]?.agents.Sunday?.[12]).toBe(4);
    expect(table.blocks[1]?.agents.Sunday?.[12]).toBe(5);
  });

  it('lists every problem with its row and column', () => {
    expect(
      issuesOf(() =>
        parseWeeklyStaffing(
          `month,${HEADER},holiday\n1,00:00,1,1,1,1,1,1,1,1\n1,08:15,2,2,2,2,2,2,2,2\n1,09:00,2,2,2,2,2,2,2,\n2,06:00,1,1,1,1,1,1,1,1\n`,
          'w.csv',
          { intervalMinutes: 30 },
        ),
      ),
    ).toEqual([
      "3 intervalStart: must start on a 30-minute boundary, the scenario's interval (got 08:15)",
      '4 holiday: is empty (expected an integer from 0 to 100000 agents)',
      '5 intervalStart: the first row of month 2 must start at 00:00, each row holding until the next (got 06:00)',
    ]);
    expect(
      issuesOf(() =>
        parseWeeklyStaffing('intervalStart,Monday\n00:00,1\n', 'w.csv', { intervalMinutes: 60 }),
      ),
    ).toEqual(
      ['Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map(
        (day) => `1 ${day}: missing column (an integer from 0 to 100000 agents)`,
      ),
    );
  });
});

// A scenario whose agents come from a weekly table (test/io/bad-scenario/ok-weekly*.csv),
// two days over National Day 2020 (Wed 30 Sep, Thu 1 Oct, a holiday).
const FOLDER = fileURLToPath(new URL('./bad-scenario/', import.meta.url));
const FILE = `${FOLDER}inline.json`;
const scenario = (changes: Record<string, unknown>) => ({
  formatVersion: 1,
  name: 'tiny',
  title: 'A two-day test scenario',
  horizon: { startDate: '2020-09-30', days: 2, intervalMinutes: 60 },
  arrivals: {
    kind: 'profile',
    inboundCallsPerDay: 240,
    intradayProfileFile: 'ok-profile.csv',
    selfServiceShare: 0,
    dayBusynessCv: 0,
  },
  handle: { kind: 'exponential', meanSeconds: 200 },
  agents: { kind: 'weekly', staffingFile: 'ok-weekly.csv' },
  answerWithinSeconds: 15,
  calendar: {
    holidays: 'china-official',
    holidayLoadAs: 'Sunday',
    adjustedWorkingDayLoadAs: 'Tuesday',
    keepHorizonTotal: false,
  },
  sources: {
    horizon: 'assumed: a short horizon for tests',
    arrivals: 'assumed: a flat test load of 10 calls an hour',
    handle: 'assumed: FACTS-like handle time',
    agents: 'assumed: a weekly table for tests',
    answerWithinSeconds: 'GB/T 33358-2016: 15 s',
    calendar: '国办发明电〔2019〕16号',
  },
  ...changes,
});

describe('a scenario with agents of kind "weekly"', () => {
  it('gives each day the column of its kind: a holiday its own, any other day its weekday', () => {
    const { scenario: s } = parseScenarioFile(JSON.stringify(scenario({})), FILE);
    const counts = s.agents.kind === 'perInterval' ? s.agents.counts : [];
    // ok-weekly.csv: Wednesday 3 all day, 6 from 08:00 to 18:00; holiday 1 all day.
    expect(counts.slice(0, 24)).toEqual([
      ...new Array(8).fill(3),
      ...new Array(10).fill(6),
      ...new Array(6).fill(3),
    ]);
    expect(counts.slice(24)).toEqual(new Array(24).fill(1));
    // Without the calendar, 1 Oct is a Thursday (Thursday column: 4, 7 in the day).
    const { calendar: _, ...sources } = scenario({}).sources;
    const plain = parseScenarioFile(
      JSON.stringify(scenario({ calendar: undefined, sources })),
      FILE,
    ).scenario;
    expect(plain.agents.kind === 'perInterval' && plain.agents.counts[24 + 12]).toBe(7);
  });

  it('names a kind of day or a month the horizon needs and the table lacks', () => {
    expect(
      issuesOf(() =>
        parseScenarioFile(
          JSON.stringify(scenario({ agents: { kind: 'weekly', staffingFile: 'ok-weekly-no-holiday.csv' } })),
          FILE,
        ),
      ),
    ).toEqual(['1 holiday: missing column: the horizon has public holidays (1 day, the first 2020-10-01)']);
    expect(
      issuesOf(() =>
        parseScenarioFile(
          JSON.stringify(scenario({ agents: { kind: 'weekly', staffingFile: 'ok-weekly-september.csv' } })),
          FILE,
        ),
      ),
    ).toEqual(['0 month: has no rows for month 10, which the horizon reaches (1 day, the first 2020-10-01)']);
  });
});
