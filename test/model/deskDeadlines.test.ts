import { describe, expect, it } from 'vitest';
import { calendarYears } from '../../sim/core/calendar.js';
import { BusinessCalendar } from '../../sim/model/desk/businessCalendar.js';
import { workOrderDeadlines } from '../../sim/model/desk/deadlines.js';
import { TaskQueue } from '../../sim/model/desk/taskQueue.js';

// Every date below is counted by hand on the 2020 official calendar
// (国办发明电〔2019〕16号, extended by 〔2020〕1号): holidays and the weekend days
// worked instead, with business hours 08:30-17:30 (9 open hours a day).
describe('workOrderDeadlines', () => {
  it('an order arriving on the Friday afternoon before Qingming (4-6 Apr) counts from Tuesday 7 Apr', () => {
    // Working days after Fri 3 Apr: Tue 7 (1), Wed 8, Thu 9, Fri 10, Mon 13 (5).
    expect(workOrderDeadlines('2020-04-03 15:00', 'simple')).toEqual({
      firstContact: '2020-04-07 17:30',
      closure: '2020-04-13 17:30',
    });
    // ... 14-17 Apr (9), 20-24 Apr (14), Sun 26 Apr, a weekend day worked before Labour Day (15).
    expect(workOrderDeadlines('2020-04-03 15:00', 'complex').closure).toBe('2020-04-26 17:30');
  });

  it('an urgent order counts working hours across the holiday: 1 h on Friday, then Tuesday', () => {
    // Arrives Fri 16:30: 1 open hour left on Friday; first contact 2 working hours -> Tue 09:30;
    // reply 9 working hours -> 8 hours into Tuesday -> 16:30.
    expect(workOrderDeadlines('2020-04-03 16:30', 'urgent')).toEqual({
      firstContact: '2020-04-07 09:30',
      closure: '2020-04-07 16:30',
    });
  });

  it('the Friday before National Day counts Sunday 27 Sep (worked) and skips 1-8 Oct', () => {
    // Working days after Fri 25 Sep: Sun 27 (1), Mon 28 (2), Tue 29 (3), Wed 30 (4), Fri 9 Oct (5).
    expect(workOrderDeadlines('2020-09-25 14:00', 'simple')).toEqual({
      firstContact: '2020-09-27 17:30',
      closure: '2020-10-09 17:30',
    });
  });

  it('the day before the extended Spring Festival (24 Jan - 2 Feb) counts from 3 Feb', () => {
    // Working days after Thu 23 Jan: Mon 3 Feb (1) ... Fri 7 Feb (5).
    expect(workOrderDeadlines('2020-01-23 16:00', 'simple')).toEqual({
      firstContact: '2020-02-03 17:30',
      closure: '2020-02-07 17:30',
    });
  });

  it('an order arriving on a holiday or after closing counts from the next working day', () => {
    // Sat 4 Apr (Qingming): the next working days are 7, 8, 9, 10, 13 Apr.
    expect(workOrderDeadlines('2020-04-04 10:00', 'simple').closure).toBe('2020-04-13 17:30');
    // Mon 13 Apr 19:00, after closing: 2 working hours are 08:30-10:30 on Tuesday.
    expect(workOrderDeadlines('2020-04-13 19:00', 'urgent').firstContact).toBe('2020-04-14 10:30');
    // Exactly at closing, 9 working hours end at the next day's closing (not its opening).
    expect(workOrderDeadlines('2020-04-13 17:30', 'urgent').closure).toBe('2020-04-14 17:30');
  });

  it('rejects a malformed arrival, an unknown type and a deadline beyond the official calendar', () => {
    expect(() => workOrderDeadlines('2020-04-03T15:00', 'simple')).toThrow(
      /arrival must be YYYY-MM-DD HH:MM/,
    );
    expect(() => workOrderDeadlines('2020-04-03 15:00', 'routine')).toThrow(
      /type must be one of simple, complex, urgent/,
    );
    const last = calendarYears().at(-1) as number;
    expect(() => workOrderDeadlines(`${last}-12-28 10:00`, 'complex')).toThrow(/after the official calendar/);
    // Across a year the package covers, the next year's holidays count: 元旦 2021 (Friday 1 Jan).
    expect(workOrderDeadlines('2020-12-31 10:00', 'simple').firstContact).toBe('2021-01-04 17:30');
  });
});

describe('BusinessCalendar', () => {
  const cal = new BusinessCalendar('2020-04-01', 30, 30_600, 63_000, 10);

  it('counts open seconds only on working days', () => {
    // 1-3 Apr are working days (Wed-Fri), 4-6 Apr Qingming: 3 x 9 h by Tuesday's opening.
    expect(cal.businessAt(6 * 86_400 + 30_600)).toBe(3 * 32_400);
    expect(cal.businessAt(0)).toBe(0);
    expect(cal.businessAt(12 * 3_600)).toBe(3.5 * 3_600); // 12:00 on day 0
  });

  it('maps business time back: a boundary is a closing for a deadline and an opening for work', () => {
    const endOfFriday = 3 * 32_400;
    expect(cal.timeAtBusiness(endOfFriday, true)).toBe(2 * 86_400 + 63_000); // Fri 3 Apr 17:30
    expect(cal.timeAtBusiness(endOfFriday, false)).toBe(6 * 86_400 + 30_600); // Tue 7 Apr 08:30
    for (const t of [30_600, 40_000, 6 * 86_400 + 45_000, 20 * 86_400 + 50_000]) {
      expect(cal.timeAtBusiness(cal.businessAt(t), false)).toBe(t);
    }
  });

  it('refuses a horizon outside the official calendar', () => {
    expect(() => new BusinessCalendar('2003-01-06', 5, 30_600, 63_000)).toThrow(/must lie in 2004-\d{4}/);
    expect(() => new BusinessCalendar('2020-04-01', 5, 63_000, 30_600)).toThrow(/close after they open/);
  });
});

describe('TaskQueue', () => {
  it('pops the smallest key first and equal keys in the order they were pushed', () => {
    const q = new TaskQueue();
    const keys = [5, 3, 5, 1, 3, 5, 0, 2];
    keys.forEach((k, i) => q.push(k, i));
    const out: number[] = [];
    while (q.size > 0) out.push(q.pop());
    // Sorted by key, stable: 0 (6), 1 (3), 2 (7), 3 (1, 4), 5 (0, 2, 5).
    expect(out).toEqual([6, 3, 7, 1, 4, 0, 2, 5]);
    expect(q.pop()).toBe(-1);
  });

  it('keeps the order through growth past its first capacity', () => {
    const q = new TaskQueue();
    for (let i = 0; i < 1_000; i++) q.push((i * 7919) % 1_000, i);
    let previous = -1;
    for (let i = 0; i < 1_000; i++) {
      q.pop();
      expect(q.lastKey).toBeGreaterThanOrEqual(previous);
      previous = q.lastKey;
    }
  });
});
