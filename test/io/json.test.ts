import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../../sim/core/errors.js';
import { formatJsonPath, parseJson } from '../../sim/io/json.js';

const schema = z
  .object({
    name: z.string(),
    arrivals: z
      .object({
        dailyVolume: z.number().nonnegative(),
        profile: z.array(z.object({ share: z.number().min(0).max(1) }).strict()).min(1),
      })
      .strict(),
    intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).optional(),
    discipline: z.enum(['fifo', 'priority']).default('fifo'),
  })
  .strict();

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

describe('formatJsonPath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(formatJsonPath(['arrivals', 'profile', 3, 'share'])).toBe('arrivals.profile[3].share');
    expect(formatJsonPath([])).toBe('(root)');
  });
});

describe('parseJson', () => {
  it('returns the validated value with defaults applied', () => {
    const value = parseJson(
      '{"name":"x","arrivals":{"dailyVolume":10,"profile":[{"share":1}]}}',
      schema,
      'a.json',
    );
    expect(value).toEqual({
      name: 'x',
      arrivals: { dailyVolume: 10, profile: [{ share: 1 }] },
      discipline: 'fifo',
    });
  });

  it('reports every problem with its JSON path, unknown fields with the nearest known name', () => {
    const text = JSON.stringify({
      name: 3,
      arrivals: { dailyVolme: 10, profile: [{ share: 1.5 }, { shares: 0.2, share: 0.1 }] },
      discipline: 'lifo',
      intervalMinutes: 20,
      colour: 'red',
    });
    expect(issuesOf(() => parseJson(text, schema, 'a.json'))).toEqual([
      'a.json:0 name: must be a string (got 3)',
      'a.json:0 arrivals.dailyVolume: is required (expected a number)',
      'a.json:0 arrivals.profile[0].share: must be <= 1 (got 1.5)',
      'a.json:0 arrivals.profile[1].shares: unknown field "shares" (did you mean "share"?)',
      'a.json:0 arrivals.dailyVolme: unknown field "dailyVolme" (did you mean "dailyVolume"?)',
      'a.json:0 intervalMinutes: must be one of 15, 30, 60 (got 20)',
      'a.json:0 discipline: must be one of "fifo", "priority" (got "lifo")',
      'a.json:0 colour: unknown field "colour" (known: name, arrivals, intervalMinutes, discipline)',
    ]);
  });

  it('reports a syntax error with its line, and an empty file', () => {
    expect(issuesOf(() => parseJson('{\n  "name": "x",\n  "arrivals": }\n', schema, 'a.json'))).toEqual([
      'a.json:3 (json): invalid JSON at line 3, column 15: expected a value (got "}")',
    ]);
    expect(issuesOf(() => parseJson(' \n', schema, 'a.json'))).toEqual([
      'a.json:0 (json): the file is empty (expected JSON)',
    ]);
  });
});
