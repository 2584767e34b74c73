import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../sim/io/jsonSyntax.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  // Positions worked out by hand from the texts.
  it('gives the line, the column and what was expected', () => {
    expect(findJsonSyntaxError('{\n  "a": }')).toEqual({
      offset: 9,
      line: 2,
      column: 8,
      message: 'expected a value (got "}")',
    });
    expect(findJsonSyntaxError('{"a": 1,}')?.message).toBe(
      'expected a property name in double quotes (got "}")',
    );
    expect(findJsonSyntaxError('[1 2]')?.message).toBe(
      'expected "," or "]" after an array element (got "2")',
    );
    expect(findJsonSyntaxError('{"a": 01}')?.message).toBe(
      'expected "," or "}" after a property value (got "1")',
    );
    expect(findJsonSyntaxError('{"a": "x')?.message).toBe(
      'expected a closing quote (got the end of the text)',
    );
    expect(findJsonSyntaxError("{'a': 1}")?.column).toBe(2);
    expect(findJsonSyntaxError('{"a": NaN}')?.message).toBe('expected a value (got "N")');
    expect(findJsonSyntaxError('{"a": 1} x')?.message).toBe(
      'expected the end of the text after the value (got "x")',
    );
  });

  it('accepts exactly what JSON.parse accepts (valid documents and one-character edits of them)', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', '}', ']', ',', '"', ':', '-', '0', '\\', ' ', 'e', '\n'),
        (json, at, edit) => {
          expect(findJsonSyntaxError(json)).toBeUndefined();
          const position = json.length === 0 ? 0 : at % json.length;
          const mutated = json.slice(0, position) + edit + json.slice(position + 1);
          expect(findJsonSyntaxError(mutated) === undefined).toBe(parses(mutated));
        },
      ),
      { numRuns: 3000, seed: 42 },
    );
  });
});
