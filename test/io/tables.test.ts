import { describe, expect, it } from 'vitest';
import { InputError } from '../../sim/core/errors.js';
import { parseArrivalProfile, parseArrivalRates, parseStaffingTable } from '../../sim/io/tables.js';
import { parseLocalDateTime } from '../../sim/io/table.js';

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.row} ${i.column}: ${i.message}`);
    throw error;
  }
  throw new Error('expected an InputError');
}

const hours = (shares: readonly number[]) =>
  'intervalStart,share\n' + shares.map((s, h) => `${String(h).padStart(2, '0')}:00,${s}`).join('\n') + '\n';

describe('arrival profile', () => {
  it('reads 24 hourly shares that sum to one', () => {
    const profile = parseArrivalProfile(hours(new Array(24).fill(1 / 24)), 'p.csv');
    expect(profile).toHaveLength(24);
    expect(profile[9]).toEqual({ startSecondsOfDay: 32_400, share: 1 / 24 });
  });

  it('rejects shares that do not sum to one, and intervals off the grid', () => {
    const shares = new Array(24).fill(0.04); // sums to 0.96
    expect(issuesOf(() => parseArrivalProfile(hours(shares), 'p.csv'))).toEqual([
      '0 share: shares must sum to 1 (got 0.96)',
    ]);
    const offGrid = hours(new Array(24).fill(1 / 24)).replace('05:00', '05:10');
    expect(issuesOf(() => parseArrivalProfile(offGrid, 'p.csv'))).toEqual([
      '7 intervalStart: must start on a 60-minute boundary (got 05:10)',
    ]);
    expect(
      issuesOf(() => parseArrivalProfile('intervalStart,share\n00:00,0.5\n12:00,0.5\n', 'p.csv')),
    ).toEqual(['0 intervalStart: expected 24, 48 or 96 intervals covering the day (got 2)']);
  });
});

describe('staffing table', () => {
  const jan1 = parseLocalDateTime('2020-01-01')!;
  it('reads agents per interval, sorted by start', () => {
    const table = parseStaffingTable(
      'intervalStart,agents\n2020-01-01 08:30,14\n2020-01-01 08:00,12\n',
      's.csv',
    );
    expect(table).toEqual([
      { startSeconds: jan1 + 28_800, agents: 12 },
      { startSeconds: jan1 + 30_600, agents: 14 },
    ]);
  });

  it('rejects dates outside the horizon and starts off the interval grid', () => {
    const text = 'intervalStart,agents\n2019-12-31 23:30,1\n2020-01-01 08:10,1\n2020-01-02 00:00,1\n';
    expect(
      issuesOf(() =>
        parseStaffingTable(text, 's.csv', {
          horizon: { startSeconds: jan1, days: 1 },
          intervalSeconds: 1800,
        }),
      ),
    ).toEqual([
      '2 intervalStart: must be within the horizon 2020-01-01 00:00:00 to 2020-01-01 23:59:59 (got 2019-12-31 23:30:00)',
      '3 intervalStart: must start on a 30-minute boundary (got 2020-01-01 08:10:00)',
      '4 intervalStart: must be within the horizon 2020-01-01 00:00:00 to 2020-01-01 23:59:59 (got 2020-01-02 00:00:00)',
    ]);
  });
});

describe('arrival rates', () => {
  it('reads rates with an optional mean handle time', () => {
    const rates = parseArrivalRates(
      'intervalStart,arrivalsPerHour,meanHandleSeconds\n2020-01-01 08:00,120,\n2020-01-01 09:00,90.5,200\n',
      'a.csv',
    );
    expect(rates[0]).toEqual({ startSeconds: parseLocalDateTime('2020-01-01 08:00'), arrivalsPerHour: 120 });
    expect(rates[1]?.meanHandleSeconds).toBe(200);
  });

  it('rejects a negative rate', () => {
    expect(
      issuesOf(() => parseArrivalRates('intervalStart,arrivalsPerHour\n2020-01-01 08:00,-5\n', 'a.csv')),
    ).toEqual(['2 arrivalsPerHour: must be >= 0 calls/h (got -5)']);
  });
});
