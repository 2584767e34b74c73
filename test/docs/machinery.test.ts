import { describe, expect, it } from 'vitest';
import { exampleSteps, expectedExpression, extractExamples, mismatch } from './examples.js';

// The doc-test machinery itself: what counts as "exact", what is a value, what a step checks.

describe('mismatch: what a value written in an example must match', () => {
  it('takes a number with a decimal point as rounded to the decimals written, with at least 4 significant digits', () => {
    expect(mismatch(0.83118, 0.8312, '0.8312')).toBeNull();
    expect(mismatch(0.83118, 0.8311, '0.8311')).toMatch(/expected 0.8311, got 0.83118/);
    expect(mismatch(0.8312, 0.83, '0.83')).toMatch(/at least 4 significant digits/);
    expect(mismatch(0.83, 0.83, '0.83')).toBeNull();
    expect(mismatch(0.9299934, 0.93, '0.9300')).toBeNull();
  });

  it('takes integers written without a point, strings, booleans and null exactly', () => {
    expect(mismatch(198.00000000000003, 198, '198')).toMatch(/expected 198 exactly/);
    expect(mismatch('a', 'a', "'a'")).toBeNull();
    expect(mismatch(true, false, 'false')).toMatch(/expected false, got true/);
    expect(mismatch(undefined, null, 'null')).toMatch(/expected null/);
  });

  it('lets a double printed in full differ in its last bits only', () => {
    const x = 0.1 + 0.2;
    expect(mismatch(x, 0.30000000000000004, '0.30000000000000004')).toBeNull();
    expect(mismatch(x + 1e-12, 0.30000000000000004, '0.30000000000000004')).not.toBeNull();
  });

  it('reads the digits of each element of an array literal, and each key an object writes', () => {
    expect(mismatch(['x', 0.9299934, 2], ['x', 0.93, 2], "['x', 0.9300, 2]")).toBeNull();
    expect(mismatch([1, 2], [1, 2, 3], '[1, 2, 3]')).toMatch(/expected 3 elements/);
    expect(mismatch({ a: 0.83118, b: 1 }, { a: 0.8312 }, '{ a: 0.8312 }')).toBeNull();
    expect(mismatch({ a: 1 }, {}, '{}')).toMatch(/expected an empty object/);
  });
});

describe('reading an example', () => {
  it('separates a value from a remark in parentheses, and refuses prose', () => {
    expect(expectedExpression("29 (a leap year's February)")).toBe('29');
    expect(expectedExpression('0 (B(1, 1) = 1)')).toBe('0');
    expect(expectedExpression('about 0.9')).toBeNull();
    expect(expectedExpression('f(1)')).toBe('f(1)');
  });

  it('pairs each statement with the value its comment gives and the error it throws', () => {
    const steps = exampleSteps(
      'const a = 1 + 1; // => 2\nf(a);\n// => [\n//   2,\n// ]\ng(); // throws RangeError: bad',
    );
    expect(steps.map((step) => step.expected)).toEqual(['2', '[\n  2,\n]', null]);
    expect(steps[0]?.check).toEqual({ kind: 'variable', name: 'a' });
    expect(steps[2]?.throws).toEqual({ name: 'RangeError', message: 'bad' });
  });

  it('finds every @example with the name it documents and its line', () => {
    const source =
      '/**\n * Twice.\n *\n * @example\n * twice(2); // => 4\n */\nexport function twice(x: number) {\n  return 2 * x;\n}\n';
    expect(extractExamples('a.ts', source)).toEqual([
      { file: 'a.ts', name: 'twice', line: 4, code: 'twice(2); // => 4' },
    ]);
  });
});
