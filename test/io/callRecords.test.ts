import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ObservedCall } from '../../sim/calibrate/types.js';
import { InputError } from '../../sim/core/errors.js';
import {
  formatCallRecords,
  parseCallRecords,
  readCallRecords,
  writeCallRecords,
} from '../../sim/io/callRecords.js';

const fixturePath = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const HEADER = 'callId,arrivalTime,waitSeconds,outcome,handleSeconds,agentId,priority,callClass';
// 2020-03-02 is 18323 days after 1970-01-01 (by hand: 18262 to 2020-01-01, + 31 + 29 + 1).
const MARCH_2 = 18_323 * 86_400;

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.row} ${i.column}: ${i.message}`);
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('call records', () => {
  const expected: ObservedCall[] = [
    {
      callId: '1',
      row: 2,
      arrivalSeconds: MARCH_2 + 28_805,
      waitSeconds: 12,
      outcome: 'answered',
      handleSeconds: 180,
      agentId: '张伟',
      priority: 0,
      callClass: '政策咨询',
    },
    {
      callId: '2',
      row: 3,
      arrivalSeconds: MARCH_2 + 28_870,
      waitSeconds: 95,
      outcome: 'abandoned',
      priority: 0,
      callClass: '社保查询',
    },
    {
      callId: '3',
      row: 4,
      arrivalSeconds: MARCH_2 + 28_920,
      waitSeconds: 0,
      outcome: 'answered',
      handleSeconds: 240,
      agentId: '李娜',
      priority: 2,
      callClass: '转接',
    },
  ];

  it('reads the same records from UTF-8, UTF-8 with BOM and GB18030 files', () => {
    for (const name of ['calls-utf8.csv', 'calls-utf8-bom.csv', 'calls-gb18030.csv']) {
      expect(readCallRecords(fixturePath(name))).toEqual(expected);
    }
  });

  it('round-trips through the writer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-calls-'));
    try {
      writeCallRecords(join(dir, 'calls.csv'), expected);
      expect(readFileSync(join(dir, 'calls.csv'), 'utf8').split('\n')[0]).toBe(HEADER);
      expect(readCallRecords(join(dir, 'calls.csv'))).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('quotes text that holds a comma or a quote', () => {
    const text = formatCallRecords([
      { arrivalSeconds: 0, waitSeconds: 0, outcome: 'answered', handleSeconds: 1, agentId: 'Li, "Na"' },
    ]);
    expect(text).toBe(`${HEADER}\n,1970-01-01 00:00:00,0,answered,1,"Li, ""Na""",,\n`);
    expect(parseCallRecords(text, 'c.csv')[0]?.agentId).toBe('Li, "Na"');
  });

  it('checks the fields against each other: handle time iff answered, no wait when blocked', () => {
    const text = [
      'arrivalTime,waitSeconds,outcome,handleSeconds',
      '2020-03-02 08:00,5,answered,',
      '2020-03-02 08:01,5,abandoned,30',
      '2020-03-02 08:02,5,blocked,',
      '2020-03-02 08:03,5,hung up,',
    ].join('\n');
    expect(issuesOf(() => parseCallRecords(text, 'c.csv'))).toEqual([
      '5 outcome: must be one of answered, abandoned, blocked (got "hung up")',
    ]);
    expect(issuesOf(() => parseCallRecords(text.split('\n').slice(0, 4).join('\n'), 'c.csv'))).toEqual([
      '2 handleSeconds: is empty (expected a number >= 0 s for an answered call)',
      '3 handleSeconds: must be empty for an abandoned call (got 30)',
      '4 waitSeconds: must be 0 for a blocked call (got 5)',
    ]);
  });

  it('rejects a repeated call id', () => {
    const text = `callId,arrivalTime,waitSeconds,outcome\n7,2020-03-02 08:00,5,abandoned\n7,2020-03-02 08:01,5,abandoned\n`;
    expect(issuesOf(() => parseCallRecords(text, 'c.csv'))).toEqual([
      '3 callId: duplicate 7 (first at row 2)',
    ]);
  });
});

describe('call records round trip (property)', () => {
  it('formatCallRecords then parseCallRecords gives back any valid records', () => {
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== '');
    const record = fc.oneof(
      fc.record({
        callId: fc.nat().map(String),
        arrivalSeconds: fc.integer({ min: 0, max: 4_000_000_000 }),
        waitSeconds: fc.integer({ min: 0, max: 3_600 }),
        outcome: fc.constant('answered' as const),
        handleSeconds: fc.double({ min: 0, max: 86_400, noNaN: true }),
        agentId: text,
        priority: fc.integer({ min: 0, max: 3 }),
        callClass: text,
      }),
      fc.record({
        arrivalSeconds: fc.integer({ min: 0, max: 4_000_000_000 }),
        waitSeconds: fc.double({ min: 0, max: 3_600, noNaN: true }),
        outcome: fc.constant('abandoned' as const),
      }),
      fc.record({
        arrivalSeconds: fc.integer({ min: 0, max: 4_000_000_000 }),
        waitSeconds: fc.constant(0),
        outcome: fc.constant('blocked' as const),
      }),
    );
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 20 }), (records) => {
        // call ids must be unique: number them by position
        const unique = records.map((r, i) => ('callId' in r ? { ...r, callId: String(i) } : r));
        expect(parseCallRecords(formatCallRecords(unique), 'c.csv')).toEqual(
          unique.map((r, i) => ({ ...r, row: i + 2 })),
        );
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
