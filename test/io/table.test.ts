import { describe, expect, it } from 'vitest';
import { InputError } from '../../sim/core/errors.js';
import { parseCsv } from '../../sim/io/csv.js';
import {
  formatLocalDateTime,
  parseLocalDateTime,
  parseTable,
  parseTimeOfDay,
  type TableSpec,
} from '../../sim/io/table.js';

const spec: TableSpec = {
  name: 'test table',
  columns: [
    { name: 'start', type: 'date-time' },
    { name: 'agents', type: 'integer', min: 0, max: 500, unit: 'agents' },
    { name: 'rate', type: 'number', min: 0, unit: 'calls/h' },
    { name: 'note', type: 'string', required: false },
    { name: 'kind', type: 'string', values: ['a', 'b'], required: false },
  ],
  key: ['start'],
};

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError)
      return error.issues.map((i) => `${i.file}:${i.row} ${i.column}: ${i.message}`);
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseLocalDateTime and parseTimeOfDay', () => {
  // Exact, by hand: 1970-01-02 is one day (86400 s) after the epoch; 2020-01-01 is
  // 18262 days after it (50 years with 12 leap days: 50*365 + 12).
  it('reads local clock times as seconds with no time zone', () => {
    expect(parseLocalDateTime('1970-01-02 00:00')).toBe(86_400);
    expect(parseLocalDateTime('2020-01-01T08:30:15')).toBe(18_262 * 86_400 + 8 * 3600 + 30 * 60 + 15);
    expect(parseLocalDateTime('2020-02-29')).toBe((18_262 + 59) * 86_400);
    expect(formatLocalDateTime(18_262 * 86_400 + 30_615)).toBe('2020-01-01 08:30:15');
  });

  it('rejects impossible dates and times instead of rolling them over', () => {
    for (const bad of [
      '2020-02-30',
      '2019-02-29',
      '2020-13-01',
      '2020-01-01 24:00',
      '2020-1-1',
      '31/01/2020',
    ]) {
      expect(parseLocalDateTime(bad)).toBeUndefined();
    }
    expect(parseTimeOfDay('08:30')).toBe(30_600);
    expect(parseTimeOfDay('24:00')).toBe(86_400);
    expect(parseTimeOfDay('24:01')).toBeUndefined();
    expect(parseTimeOfDay('8:60')).toBeUndefined();
  });
});

describe('parseTable', () => {
  it('returns typed values, with empty optional cells undefined', () => {
    const table = parseTable(
      'start,agents,rate,note\n2020-01-01 08:00,12,100.5,\n2020-01-01 08:30,0,1e2,x\n',
      spec,
      't.csv',
    );
    expect(table.rows).toEqual([
      {
        row: 2,
        values: {
          start: 18_262 * 86_400 + 28_800,
          agents: 12,
          rate: 100.5,
          note: undefined,
          kind: undefined,
        },
      },
      {
        row: 3,
        values: { start: 18_262 * 86_400 + 30_600, agents: 0, rate: 100, note: 'x', kind: undefined },
      },
    ]);
  });

  it('counts blank lines, so row numbers are the line numbers an editor shows', () => {
    const table = parseTable('start,agents,rate\n\n2020-01-01 08:00,1,2\n', spec, 't.csv');
    expect(table.rows[0]?.row).toBe(3);
  });

  it('collects every problem of a file in one error', () => {
    const text = [
      'start,agnets,rate,colour',
      '2020-01-01 08:00,12,abc,red',
      '2020-01-01 08:00,3,-1,blue',
      '2020-02-30 08:00,2.5,1e400,',
    ].join('\n');
    expect(issuesOf(() => parseTable(text, spec, 't.csv'))).toEqual([
      't.csv:1 agnets: unknown column "agnets" (did you mean "agents"?)',
      't.csv:1 colour: unknown column "colour" (known: start, agents, rate, note, kind)',
      't.csv:1 agents: missing column (an integer from 0 to 500 agents)',
      't.csv:2 rate: must be a number (got "abc")',
      't.csv:3 rate: must be >= 0 calls/h (got -1)',
      't.csv:3 start: duplicate 2020-01-01 08:00 (first at row 2)',
      't.csv:4 start: must be a date-time like 2020-01-31 08:30 (got "2020-02-30 08:00")',
      't.csv:4 rate: must be a finite number (got 1e400)',
    ]);
  });

  it('reports integers that are fractional, too large for a double, or above the maximum', () => {
    const text =
      'start,agents,rate\n2020-01-01 08:00,2.5,1\n2020-01-01 09:00,99999999999999999999,1\n2020-01-01 10:00,501,1\n';
    expect(issuesOf(() => parseTable(text, spec, 't.csv'))).toEqual([
      't.csv:2 agents: must be an integer (got 2.5)',
      't.csv:3 agents: must be an integer of at most 9007199254740991 in size (got 99999999999999999999)',
      't.csv:4 agents: must be <= 500 agents (got 501)',
    ]);
  });

  it('reports an empty required cell, a value outside a list, and a short row', () => {
    const text = 'start,agents,rate,kind\n2020-01-01 08:00,,1,c\n2020-01-01 09:00,1\n';
    expect(issuesOf(() => parseTable(text, spec, 't.csv'))).toEqual([
      't.csv:3 (row): expected 4 fields as in the header (got 2)',
    ]);
    const text2 = 'start,agents,rate,kind\n2020-01-01 08:00,,1,c\n';
    expect(issuesOf(() => parseTable(text2, spec, 't.csv'))).toEqual([
      't.csv:2 agents: is empty (expected an integer from 0 to 500 agents)',
      't.csv:2 kind: must be one of a, b (got "c")',
    ]);
  });

  it('reports an empty file, a header with no rows, and an unclosed quote', () => {
    expect(issuesOf(() => parseTable('', spec, 't.csv'))).toEqual([
      't.csv:0 (row): the file is empty (expected a header row)',
    ]);
    expect(issuesOf(() => parseTable('start,agents,rate\n', spec, 't.csv'))).toEqual([
      't.csv:0 (rows): expected at least 1 data row(s) in the test table (got 0)',
    ]);
    expect(issuesOf(() => parseCsv('a,b\n"1,2\n', 't.csv'))[0]).toMatch(
      /^t\.csv:\d+ \(row\): unreadable CSV: quote not closed: the parsing is finished with an opening quote at line 2$/,
    );
  });

  it('reads quoted fields holding separators and line breaks', () => {
    const table = parseTable('start,agents,rate,note\n2020-01-01 08:00,1,2,"a, ""b""\nc"\n', spec, 't.csv');
    expect(table.rows[0]?.values.note).toBe('a, "b"\nc');
    expect(table.rows[0]?.row).toBe(2);
  });
});
