import { describe, expect, it } from 'vitest';
import type { ObservedCall } from '../../sim/calibrate/types.js';
import { InputError } from '../../sim/core/errors.js';
import {
  gapsOf,
  isOfferedCall,
  offeredCallsSeries,
  volumeSeriesFromRows,
} from '../../sim/forecast/series.js';

const at = (iso: string): number => Date.parse(`${iso}Z`) / 1000;
const call = (iso: string, outcome: ObservedCall['outcome'], wait = 5): ObservedCall => ({
  arrivalSeconds: at(iso),
  waitSeconds: outcome === 'blocked' ? 0 : wait,
  outcome,
  ...(outcome === 'answered' ? { handleSeconds: 60 } : {}),
});

describe('offeredCallsSeries', () => {
  it('counts answered, blocked and abandoned-after-waiting calls in the interval of their arrival', () => {
    const records = [
      call('2020-03-02T08:10:00', 'answered', 0),
      call('2020-03-02T08:59:59', 'abandoned', 12),
      call('2020-03-02T08:30:00', 'abandoned', 0), // hung up as it joined the queue: not offered
      call('2020-03-02T09:00:00', 'blocked'),
      call('2020-03-03T23:30:00', 'answered'),
    ];
    expect(records.map(isOfferedCall)).toEqual([true, true, false, true, true]);
    const series = offeredCallsSeries(records, { intervalMinutes: 60 });
    expect(series.startDate).toBe('2020-03-02');
    expect(series.calls).toHaveLength(48);
    expect(series.calls[8]).toBe(2);
    expect(series.calls[9]).toBe(1);
    expect(series.calls[47]).toBe(1);
    expect(series.calls.reduce((s, x) => s + x, 0)).toBe(4);
    expect(series.gaps).toBeUndefined();
    const half = offeredCallsSeries(records, {
      intervalMinutes: 30,
      range: { from: '2020-03-02', to: '2020-03-02' },
    });
    expect(half.calls).toHaveLength(48);
    expect([half.calls[16], half.calls[17], half.calls[18]]).toEqual([1, 1, 1]);
  });

  it('marks a day without records as a gap, unless its weekday never has one', () => {
    // Three weeks of Monday-Friday calls (the weekends closed), with Wednesday 11 March missing.
    const records: ObservedCall[] = [];
    for (let d = 0; d < 19; d++) {
      const date = new Date(Date.UTC(2020, 2, 2 + d)).toISOString().slice(0, 10);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6 || date === '2020-03-11') continue;
      records.push(call(`${date}T10:00:00`, 'answered'));
    }
    const series = offeredCallsSeries(records, { intervalMinutes: 60 });
    expect(series.gaps).toEqual([{ from: '2020-03-11T00:00', to: '2020-03-11T23:00' }]);
  });

  it('rejects an interval length other than 15, 30 or 60', () => {
    expect(() => offeredCallsSeries([], { intervalMinutes: 20 })).toThrow(
      'intervalMinutes must be 15, 30 or 60',
    );
    expect(() => offeredCallsSeries([], { intervalMinutes: 60 })).toThrow('no records');
  });
});

describe('volumeSeriesFromRows', () => {
  const rows = (entries: [string, string, number][]) =>
    entries.map(([date, time, calls], i) => ({
      row: i + 2,
      date,
      startMinutes: Number(time.slice(0, 2)) * 60 + Number(time.slice(3)),
      calls,
    }));

  it('adds half hours up into hours, and treats slots never reported as closed', () => {
    const table = rows([
      ['2020-03-02', '08:00', 10],
      ['2020-03-02', '08:30', 12],
      ['2020-03-02', '09:00', 7],
      ['2020-03-02', '09:30', 3],
      ['2020-03-03', '08:00', 4],
      ['2020-03-03', '08:30', 5],
      ['2020-03-03', '09:00', 6],
      ['2020-03-03', '09:30', 1],
    ]);
    const series = volumeSeriesFromRows(table, 'v.csv', 60);
    expect(series.calls).toHaveLength(48);
    expect([series.calls[8], series.calls[9], series.calls[32], series.calls[33]]).toEqual([22, 10, 9, 7]);
    expect(series.gaps).toBeUndefined();
  });

  it('reports a missing row as a gap', () => {
    const table = rows([
      ['2020-03-02', '08:00', 10],
      ['2020-03-02', '08:30', 12],
      ['2020-03-03', '08:00', 4],
    ]);
    expect(volumeSeriesFromRows(table, 'v.csv', 30).gaps).toEqual([
      { from: '2020-03-03T08:30', to: '2020-03-03T08:30' },
    ]);
    expect(volumeSeriesFromRows(table, 'v.csv', 60).gaps).toEqual([
      { from: '2020-03-03T08:00', to: '2020-03-03T08:00' },
    ]);
  });

  it('refuses rows coarser than the intervals asked for, and an empty table', () => {
    const hourly = rows([
      ['2020-03-02', '08:00', 10],
      ['2020-03-02', '09:00', 12],
    ]);
    expect(() => volumeSeriesFromRows(hourly, 'v.csv', 30)).toThrow(
      'rows are 60 minutes apart: 30-minute intervals need a row at least every 30 minutes',
    );
    expect(() => volumeSeriesFromRows([], 'v.csv', 30)).toThrow(InputError);
  });
});

describe('gapsOf', () => {
  it('merges consecutive missing cells, as interval starts, and skips a weekday never reported', () => {
    // 1999-01-01 is a Friday; two 12-hour slots a day for four days. Saturday's afternoon is
    // missing; Sunday 3 January has no data, and no other Sunday does: closed, not a gap.
    const present = Uint8Array.from([1, 1, 1, 0, 0, 0, 1, 1]);
    expect(gapsOf(present, 10_592, 2, 720, 60)).toEqual([
      { from: '1999-01-02T12:00', to: '1999-01-02T23:00' },
    ]);
    // With data on Sunday 10 January, the first Sunday is missing too.
    const tenDays = Uint8Array.from([1, 1, 1, 0, 0, 0, ...new Array<number>(14).fill(1)]);
    expect(gapsOf(tenDays, 10_592, 2, 720, 60)).toEqual([
      { from: '1999-01-02T12:00', to: '1999-01-03T23:00' },
    ]);
  });
});
