/*
 * The doc-test machinery: every `@example` of a doc comment under sim/ is
 * extracted, turned into an async function and run, and each `// => value`
 * comment becomes an assertion on the statement it follows (an expression, or
 * the variable a `const` declares). Used by test/docs/examples.test.ts.
 *
 * What "exact" means for a value written in an example:
 * - strings, booleans, null and integers written without a decimal point
 *   must equal the result;
 * - a number with a decimal point must equal the result rounded to the
 *   decimals written, and must have at least 4 significant digits unless the
 *   result is that number itself (0.8 passes only for 0.8, 0.8312 for
 *   0.83118...), so no example says "about"; a double printed in full (15 or
 *   more significant digits) may differ in its last bits (4 units in the
 *   last place);
 * - an array must have the result's length and each element must match;
 * - an object must match on every key it writes (the result may have more:
 *   an example shows the fields it is about); `{}` matches an empty object only.
 * A statement followed by `// throws RangeError: message` must throw that
 * error (with that message, when one is written).
 * An expected value that is not a JavaScript expression (prose, `...`) fails;
 * a remark in parentheses after the value (`// => 29 (a leap year's
 * February)`) is not part of it.
 */
import ts from 'typescript';

/** One `@example` block of a doc comment. */
export interface DocExample {
  /** The file, relative to the repository root. */
  file: string;
  /** The name the doc comment documents (the declaration after it), or `?`. */
  name: string;
  /** 1-based line of the `@example` tag in the file. */
  line: number;
  /** The example's code, comment markers removed. */
  code: string;
}

/**
 * Every `@example` of the doc comments of a TypeScript source.
 *
 * @param file the file's path (for messages)
 * @param source the file's text
 * @returns the examples, in the file's order
 */
export function extractExamples(file: string, source: string): DocExample[] {
  const examples: DocExample[] = [];
  const comment = /\/\*\*([\s\S]*?)\*\//g;
  for (let match = comment.exec(source); match !== null; match = comment.exec(source)) {
    const body = match[1] ?? '';
    const at = body.indexOf('@example');
    if (at < 0) continue;
    const after = body.slice(at + '@example'.length);
    const end = after.search(/\n\s*\*\s*@\w/);
    const text = (end >= 0 ? after.slice(0, end) : after)
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''))
      .join('\n')
      .trim();
    const line = source.slice(0, match.index + 3 + at).split('\n').length;
    const next = source.slice(match.index + match[0].length, match.index + match[0].length + 300);
    const declared =
      /^\s*export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/.exec(
        next,
      );
    const member = /^\s*(?:(?:static|readonly|async|get|set)\s+)*([A-Za-z_$][\w$]*)\s*[(<:=]/.exec(next);
    examples.push({ file, name: declared?.[1] ?? member?.[1] ?? '?', line, code: text });
  }
  return examples;
}

/** A statement of an example and the value a `// =>` comment says it has, if any. */
interface Step {
  /** The statement's code. */
  code: string;
  /** The expected value's text, or null when the statement only runs. */
  expected: string | null;
  /** The error a `// throws Name: message` comment says the statement throws (message optional), or null. */
  throws: { name: string; message: string | null } | null;
  /** What the assertion checks: the statement's expression, or a variable it declares. */
  check: { kind: 'expression'; expression: string } | { kind: 'variable'; name: string } | null;
  /** 1-based line of the statement inside the example. */
  line: number;
}

/** The text of the `// =>` comments that follow a statement (a comment continued on the next lines joins it). */
function expectedAfter(code: string, from: number, until: number): string | null {
  const tail = code.slice(from, until);
  const lines = tail.split('\n');
  const parts: string[] = [];
  let found = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (found) break;
      continue;
    }
    const arrow = /^\/\/\s*=>\s?(.*)$/.exec(line);
    if (arrow && !found) {
      found = true;
      parts.push(arrow[1] ?? '');
      continue;
    }
    // A value continues on the next comment lines only while its brackets are open.
    if (found && balanced(parts.join('\n'))) break;
    if (found && /^\/\/\s/.test(line) && !/^\/\/\s*=>/.test(line)) {
      parts.push(line.replace(/^\/\/\s?/, ''));
      continue;
    }
    break;
  }
  return found ? parts.join('\n').trim() : null;
}

/** Whether every bracket opened in a text (outside quotes) is closed. */
function balanced(text: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (const ch of text) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
  }
  return depth <= 0 && quote === null;
}

/**
 * The statements of an example, each with the value its `// =>` comment
 * gives (the comment on the statement's last line, or on the lines right
 * after it).
 *
 * @param code the example's code
 * @returns the steps, in order
 */
export function exampleSteps(code: string): Step[] {
  const sourceFile = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const statements = sourceFile.statements;
  return statements.map((statement, i) => {
    const end = statement.getEnd();
    const nextStart =
      i + 1 < statements.length ? (statements[i + 1] as ts.Statement).getStart(sourceFile) : code.length;
    const expected = expectedAfter(code, end, nextStart);
    const thrown = code
      .slice(end, nextStart)
      .split('\n')
      .map((line) => /^\s*\/\/\s*throws\s+([A-Za-z]*Error)(?::\s*(.*))?$/.exec(line))
      .find((match) => match !== null);
    let check: Step['check'] = null;
    if (ts.isExpressionStatement(statement)) {
      check = { kind: 'expression', expression: statement.expression.getText(sourceFile) };
    } else if (ts.isVariableStatement(statement)) {
      const declaration = statement.declarationList.declarations.at(-1);
      if (declaration && ts.isIdentifier(declaration.name))
        check = { kind: 'variable', name: declaration.name.text };
    }
    return {
      code: statement.getText(sourceFile),
      expected,
      throws: thrown ? { name: thrown[1] ?? 'Error', message: thrown[2]?.trim() ?? null } : null,
      check,
      line: sourceFile.getLineAndCharacterOfPosition(statement.getStart(sourceFile)).line + 1,
    };
  });
}

/** Whether a text is a JavaScript expression (its syntax only; names are resolved when it runs). */
function isExpression(text: string): boolean {
  try {
    new Function(`return (${text});`);
    return true;
  } catch {
    return false;
  }
}

/** The text without a final remark in parentheses (balanced), or null when it ends otherwise. */
export function withoutRemark(text: string): string | null {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) return null;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    if (trimmed[i] === ')') depth++;
    else if (trimmed[i] === '(') depth--;
    if (depth === 0) return /\s/.test(trimmed[i - 1] ?? '') ? trimmed.slice(0, i).trimEnd() : null;
  }
  return null;
}

/**
 * The expression an expected text gives: the text without a final remark in
 * parentheses (`29 (a leap year's February)`), or the text itself; null when
 * neither is a JavaScript expression. A value written with a space before a
 * final parenthesis is read as a value and a remark.
 */
export function expectedExpression(text: string): string | null {
  // The remark goes first: "0 (B(1, 1) = 1)" would otherwise parse as a call.
  const value = withoutRemark(text);
  if (value !== null && isExpression(value)) return value;
  return isExpression(text) ? text : null;
}

/**
 * The example as TypeScript to transpile: the body of one async function that
 * sees the scope, `__check(actual, () => expected, text, line)`,
 * `__throws(error, name, message, line)` and `__notAValue(text, line)`. The
 * expected value is evaluated where the statement ran, so it may name the
 * example's own variables.
 */
export function exampleProgram(code: string): string {
  const steps = exampleSteps(code);
  const body = steps.map((step, i) => {
    if (step.throws !== null) {
      const { name, message } = step.throws;
      return (
        `{ let __thrown = null; try { ${step.code} } catch (error) { __thrown = error; }\n` +
        `await __throws(__thrown, ${JSON.stringify(name)}, ${JSON.stringify(message)}, ${step.line}); }`
      );
    }
    if (step.expected === null || step.check === null) return step.code;
    const text = JSON.stringify(step.expected);
    const expression = expectedExpression(step.expected);
    if (expression === null) return `${step.code}\n__notAValue(${text}, ${step.line});`;
    const expected = `() => (${expression})`;
    if (step.check.kind === 'expression')
      return `await __check(await (${step.check.expression}), ${expected}, ${JSON.stringify(expression)}, ${step.line}, ${i});`;
    return `${step.code}\nawait __check(${step.check.name}, ${expected}, ${JSON.stringify(expression)}, ${step.line}, ${i});`;
  });
  return body.join('\n');
}

/** Why a value does not match what an example writes, or null when it does. */
export function mismatch(
  actual: unknown,
  expected: unknown,
  expectedText: string,
  path = 'value',
): string | null {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number')
      return `${path}: expected the number ${expected}, got ${describe(actual)}`;
    if (Object.is(actual, expected)) return null;
    const written = numberLiteralText(expectedText, expected);
    const decimals = /\.(\d+)/.exec(written)?.[1]?.length ?? 0;
    if (decimals === 0) return `${path}: expected ${expected} exactly, got ${actual}`;
    const significant = written
      .replace(/^[-+]?0*\.?0*/, '')
      .replace(/\./, '')
      .replace(/e.*$/i, '').length;
    if (significant < 4)
      return `${path}: expected ${expected} exactly (write at least 4 significant digits to round), got ${actual}`;
    // A literal of 15 or more significant digits is a double printed in full: equal to 4 units in the last place.
    if (significant >= 15 && Math.abs(actual - expected) <= 4 * Number.EPSILON * Math.abs(expected))
      return null;
    const rounded = Number(actual.toFixed(Math.min(decimals, 100)));
    return rounded === expected
      ? null
      : `${path}: expected ${written}, got ${actual} (${rounded} at ${decimals} decimals)`;
  }
  if (expected === null || typeof expected !== 'object') {
    return Object.is(actual, expected)
      ? null
      : `${path}: expected ${describe(expected)}, got ${describe(actual)}`;
  }
  if (Array.isArray(expected)) {
    const list = ArrayBuffer.isView(actual) ? Array.from(actual as unknown as ArrayLike<unknown>) : actual;
    if (!Array.isArray(list)) return `${path}: expected an array, got ${describe(actual)}`;
    if (list.length !== expected.length)
      return `${path}: expected ${expected.length} elements, got ${list.length}: ${describe(list)}`;
    const texts = elementTexts(expectedText);
    for (let i = 0; i < expected.length; i++) {
      const text = texts?.length === expected.length ? (texts[i] ?? '') : (JSON.stringify(expected[i]) ?? '');
      const why = mismatch(list[i], expected[i], text, `${path}[${i}]`);
      if (why !== null) return why;
    }
    return null;
  }
  if (actual === null || typeof actual !== 'object')
    return `${path}: expected an object, got ${describe(actual)}`;
  const keys = Object.keys(expected as Record<string, unknown>);
  if (keys.length === 0 && Object.keys(actual).length > 0)
    return `${path}: expected an empty object, got ${describe(actual)}`;
  for (const [key, value] of Object.entries(expected as Record<string, unknown>)) {
    const why = mismatch(
      (actual as Record<string, unknown>)[key],
      value,
      literalOfKey(expectedText, key) ?? JSON.stringify(value) ?? '',
      `${path}.${key}`,
    );
    if (why !== null) return why;
  }
  return null;
}

/** The texts of the elements of an array literal (split at its top-level commas), or null when the text is not one. */
function elementTexts(text: string): string[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return null;
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 1;
  for (let i = 1; i < trimmed.length - 1; i++) {
    const ch = trimmed[i] as string;
    if (quote !== null) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(trimmed.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = trimmed.slice(start, -1).trim();
  if (last !== '') parts.push(last);
  return parts;
}

/** The text of a number as the example wrote it (its digits count), found in the expected text. */
function numberLiteralText(text: string, value: number): string {
  const trimmed = text.trim().replace(/_/g, '');
  if (/^[-+]?[\d.]+(e[-+]?\d+)?$/i.test(trimmed) && Number(trimmed) === value) return trimmed;
  return String(value);
}

/** The literal text written for a key of an object (`{ a: 0.8312 }` gives `0.8312` for `a`), when it is a number. */
function literalOfKey(text: string, key: string): string | null {
  const match = new RegExp(
    `(?:^|[{,\\s])${key.replace(/[$]/g, '\\$')}\\s*:\\s*([-+]?[\\d_.]+(?:e[-+]?\\d+)?)`,
    'i',
  ).exec(text);
  return match?.[1] ?? null;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 400 ? `${text.slice(0, 400)}...` : text;
  } catch {
    return String(value);
  }
}
