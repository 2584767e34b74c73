import { describe, expect, it } from 'vitest';
import { InputError } from '../../sim/core/errors.js';
import { parseRosterTable, parseWeekdays, weeklyAgentsOverHorizon } from '../../sim/io/roster.js';
import { rosterFromShifts } from '../../sim/model/shifts.js';

function issuesOf(action: () => unknown): { row: number; column: string; message: string }[] {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError)
      return error.issues.map(({ row, column, message }) => ({ row, column, message }));
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseWeekdays', () => {
  it('reads names, ranges (wrapping too) and all', () => {
    expect(parseWeekdays('Mon-Fri')).toEqual([0, 1, 2, 3, 4]);
    expect(parseWeekdays('sat, SUN')).toEqual([5, 6]);
    expect(parseWeekdays('Mon,Wed-Fri')).toEqual([0, 2, 3, 4]);
    expect(parseWeekdays('Fri-Mon')).toEqual([0, 4, 5, 6]);
    expect(parseWeekdays('all')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(parseWeekdays('Monday')).toBeUndefined();
    expect(parseWeekdays('Mon-')).toBeUndefined();
  });
});

describe('parseRosterTable', () => {
  const csv = [
    'start,end,agents,days,breakMinutes,breakStart,name',
    '08:00,16:30,10,Mon-Fri,30,12:00,day',
    '22:00,06:00,2,all,,,night',
    '09:00,13:00,4,Sat,,,',
  ].join('\n');

  it('turns shifts into agents per half hour of a week, breaks off the phones (exact, by hand)', () => {
    const { roster } = parseRosterTable(csv, 'roster.csv', { intervalMinutes: 30 });
    const monday = roster.agentsPerInterval.slice(0, 48);
    // 00:00-06:00: Sunday's night shift wraps round (2); 06:00-08:00 nobody; 08:00-12:00 day (10);
    // 12:00-12:30 the break (0); 12:30-16:30 day (10); 16:30-22:00 nobody; 22:00-24:00 night (2).
    const expected = Array.from({ length: 48 }, (_, s) =>
      s < 12 ? 2 : s < 16 ? 0 : s < 24 ? 10 : s < 25 ? 0 : s < 33 ? 10 : s < 44 ? 0 : 2,
    );
    expect(monday).toEqual(expected);
    // Saturday (day 5): 09:00-13:00 the short shift, plus the night shifts.
    const saturday = roster.agentsPerInterval.slice(5 * 48, 6 * 48);
    expect(saturday.slice(18, 26)).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
    expect(saturday[16]).toBe(0);
    expect(roster.shifts).toHaveLength(5 + 7 + 1);
    expect(roster.shifts[0]).toEqual({
      pattern: 'day',
      day: 0,
      weekday: 0,
      startMinutes: 480,
      lengthMinutes: 510,
      breakMinutes: 30,
      breakAfterMinutes: 240,
      agents: 10,
    });
    expect(roster.shifts.find((s) => s.weekday === 5 && s.startMinutes === 540)?.pattern).toBe('09:00-13:00');
  });

  it('agrees with the model computing the same shifts (rosterFromShifts)', () => {
    const { roster } = parseRosterTable(csv, 'roster.csv', { intervalMinutes: 30 });
    const again = rosterFromShifts(roster.shifts, { intervalMinutes: 30, days: 7, cyclic: true });
    expect(again.agentsPerInterval).toEqual(roster.agentsPerInterval);
  });

  it('repeats the week over a horizon by weekday', () => {
    const { roster } = parseRosterTable('start,end,agents,days\n00:00,00:00,3,Mon\n', 'r.csv', {
      intervalMinutes: 1440,
    });
    // A 24-hour shift on Mondays only; a horizon starting on a Wednesday (2).
    expect(weeklyAgentsOverHorizon(roster, 9, 2)).toEqual([0, 0, 0, 0, 0, 3, 0, 0, 0]);
  });

  it('lists every bad cell at once with its row and column', () => {
    const bad = [
      'start,end,agents,days,breakMinutes,breakStart',
      '08:15,16:00,10,Mon-Fri,,', // start off the grid
      '08:00,16:00,-1,Mon-Fri,,', // negative agents
      '08:00,16:00,3,Weekdays,,', // unknown days
      '08:00,10:00,3,Mon,120,', // break as long as the shift
      '08:00,16:00,3,Mon,60,15:30', // break ends after the shift
      '08:00,16:00,3,Mon,,12:00', // break start without a break
      '25:00,16:00,3,Mon,,', // not a time
    ].join('\n');
    expect(() => parseRosterTable(bad, 'roster.csv', { intervalMinutes: 30 })).toThrow(InputError);
    const issues = issuesOf(() => parseRosterTable(bad, 'roster.csv', { intervalMinutes: 30 }));
    // The type checks come first (rows 3 and 8); once they pass, the shift checks (rows 2, 4-7).
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'agents'],
      [8, 'start'],
    ]);
    const typed = bad
      .split('\n')
      .filter((_, i) => i !== 2 && i !== 7)
      .join('\n');
    expect(issuesOf(() => parseRosterTable(typed, 'roster.csv', { intervalMinutes: 30 }))).toEqual([
      { row: 2, column: 'start', message: 'must fall on the 30-minute grid (got 08:15)' },
      { row: 3, column: 'days', message: 'must be days like Mon-Fri, Sat,Sun or all (got "Weekdays")' },
      { row: 4, column: 'breakMinutes', message: "must be shorter than the shift's 120 minutes (got 120)" },
      {
        row: 5,
        column: 'breakStart',
        message: "must let the break end by the shift's end 16:00 (got 15:30 for 60 minutes)",
      },
      {
        row: 6,
        column: 'breakStart',
        message: 'is not used without breakMinutes (remove it, or give the break its length)',
      },
    ]);
  });

  it('reports a missing column and rejects an interval that does not divide the day', () => {
    expect(
      issuesOf(() => parseRosterTable('start,end,agents\n08:00,16:00,3\n', 'r.csv', { intervalMinutes: 30 })),
    ).toEqual([{ row: 1, column: 'days', message: 'missing column (string)' }]);
    expect(() => parseRosterTable('start,end,agents,days\n', 'r.csv', { intervalMinutes: 7 })).toThrow(
      'readRosterTable: intervalMinutes must be a positive divisor of 1440 (got 7)',
    );
  });
});
