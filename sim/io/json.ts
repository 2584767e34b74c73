import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { InputError, type InputIssue } from '../core/errors.js';
import { decodeText } from './encoding.js';
import { findJsonSyntaxError } from './jsonSyntax.js';
import { unknownNameMessage } from './nearestName.js';

/** Column name used in an {@link InputIssue} for JSON that does not parse. */
export const JSON_SYNTAX_COLUMN = '(json)';

/**
 * The JSON path of a value: `arrivals.profile[3].share`; `(root)` for the document itself.
 *
 * @param path the keys from the root (zod's `issue.path`)
 * @returns the path as text
 * @example
 * formatJsonPath(['arrivals', 'profile', 3, 'share']); // => 'arrivals.profile[3].share'
 */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

interface ZodDefLike {
  readonly type?: string;
  readonly shape?: Record<string, unknown>;
  readonly element?: unknown;
  readonly innerType?: unknown;
  readonly in?: unknown;
  readonly valueType?: unknown;
  readonly items?: readonly unknown[];
  readonly getter?: () => unknown;
}

function defOf(schema: unknown): ZodDefLike | undefined {
  return (schema as { _zod?: { def?: ZodDefLike } } | undefined)?._zod?.def;
}

/** The schema that validates the value at `path`, following objects, arrays, records and wrappers. */
function schemaAt(schema: unknown, path: readonly PropertyKey[]): unknown {
  let current = schema;
  let i = 0;
  for (let guard = 0; guard < 1000 && current !== undefined; guard++) {
    const def = defOf(current);
    if (def === undefined) return undefined;
    if (def.innerType !== undefined) {
      current = def.innerType; // optional, nullable, default, readonly, catch
      continue;
    }
    if (def.type === 'pipe') {
      current = def.in;
      continue;
    }
    if (def.type === 'lazy' && def.getter !== undefined) {
      current = def.getter();
      continue;
    }
    if (i === path.length) return current;
    const key = path[i++]!;
    if (def.type === 'object') current = def.shape?.[String(key)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'tuple') current = def.items?.[Number(key)];
    else return undefined;
  }
  return undefined;
}

/** The field names an object schema at `path` accepts. */
function knownKeysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  const def = defOf(schemaAt(schema, path));
  return def?.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : [];
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Turn zod's issues into {@link InputIssue}s: the JSON path as `column`, what was
 * expected and what was found as `message`, one issue per unknown field with the
 * nearest known name. Parse with `{ reportInput: true }` so the found values appear.
 *
 * @param issues `error.issues` from a failed `safeParse`
 * @param schema the schema that was used (to list the known fields)
 * @param file the file name
 * @returns the issues, in zod's order
 * @example
 * const schema = z.object({ agents: z.number().int() }).strict();
 * const r = schema.safeParse({ agents: 2.5 }, { reportInput: true });
 * r.success ? [] : zodIssuesToInputIssues(r.error.issues, schema, 'a.json').map((issue) => issue.column); // => ['agents']
 */
export function zodIssuesToInputIssues(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  file: string,
): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const path = issue.path as readonly PropertyKey[];
    const column = formatJsonPath(path);
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = knownKeysAt(schema, path);
        for (const key of issue.keys) {
          out.push({
            file,
            row: 0,
            column: formatJsonPath([...path, key]),
            message: unknownNameMessage('field', key, known),
          });
        }
        break;
      }
      case 'invalid_type':
        out.push({
          file,
          row: 0,
          column,
          message:
            input === undefined
              ? `is required (expected ${article(issue.expected)})`
              : typeof input === 'number' && issue.expected === 'number'
                ? `must be a finite number (got ${describeValue(input)})` // NaN, or Infinity from 1e400
                : `must be ${article(issue.expected)} (got ${describeValue(input)})`,
        });
        break;
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const bound = small
          ? (issue as { minimum: number | bigint }).minimum
          : (issue as { maximum: number | bigint }).maximum;
        const inclusive = (issue as { inclusive?: boolean }).inclusive ?? true;
        const op = small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
        const origin = (issue as { origin?: string }).origin;
        const message =
          origin === 'array' || origin === 'string' || origin === 'set'
            ? `must have ${small ? 'at least' : 'at most'} ${String(bound)} ${origin === 'string' ? 'characters' : 'items'} (got ${
                Array.isArray(input) || typeof input === 'string' ? input.length : describeValue(input)
              })`
            : `must be ${op} ${String(bound)} (got ${describeValue(input)})`;
        out.push({ file, row: 0, column, message });
        break;
      }
      case 'invalid_union': {
        // A union of literals (15 | 30 | 60) fails in every branch with invalid_value: list them.
        const branches = (issue as { errors?: readonly (readonly z.core.$ZodIssue[])[] }).errors ?? [];
        const values = branches.flatMap((b) =>
          b.length === 1 && b[0]!.code === 'invalid_value' && b[0]!.path.length === 0
            ? b[0]!.values
            : [undefined],
        );
        out.push({
          file,
          row: 0,
          column,
          message:
            values.length > 0 && !values.includes(undefined)
              ? `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')} (got ${describeValue(input)})`
              : `matches none of the allowed forms (got ${describeValue(input)})`,
        });
        break;
      }
      case 'invalid_value':
        out.push({
          file,
          row: 0,
          column,
          message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${describeValue(input)})`,
        });
        break;
      default:
        out.push({ file, row: 0, column, message: issue.message.replace(/\.$/, '') });
    }
  }
  return out;
}

/**
 * Parse JSON text and validate it with a zod schema. Use `.strict()` objects so
 * that unknown fields are errors (reported with the nearest known name).
 *
 * @param text the JSON text (a leading byte-order mark is ignored)
 * @param schema the zod schema
 * @param file the file name, for the messages
 * @returns the validated value
 * @throws {InputError} for a syntax error (with its line) or listing every schema problem
 * @example
 * parseJson('{"agents": 3}', z.object({ agents: z.number().int() }).strict(), 'a.json'); // => { agents: 3 }
 */
export function parseJson<S extends z.ZodType>(text: string, schema: S, file: string): z.output<S> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new InputError([
      { file, row: 0, column: JSON_SYNTAX_COLUMN, message: 'the file is empty (expected JSON)' },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const problem = findJsonSyntaxError(body);
    const reason =
      problem !== undefined
        ? `line ${problem.line}, column ${problem.column}: ${problem.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new InputError([
      { file, row: problem?.line ?? 0, column: JSON_SYNTAX_COLUMN, message: `invalid JSON at ${reason}` },
    ]);
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) throw new InputError(zodIssuesToInputIssues(result.error.issues, schema, file));
  return result.data;
}

/**
 * Read a JSON file (UTF-8, or GB18030 detected or declared) and validate it.
 *
 * @param path the file
 * @param schema the zod schema
 * @param encoding a declared encoding, or undefined to detect
 * @throws {InputError} for bad bytes, bad JSON, or listing every schema problem
 * @example
 * writeFileAtomic(join(tmpdir(), 'a.json'), '{"agents": 3}');
 * readJson(join(tmpdir(), 'a.json'), z.object({ agents: z.number().int() }).strict()); // => { agents: 3 }
 */
export function readJson<S extends z.ZodType>(path: string, schema: S, encoding?: string): z.output<S> {
  return parseJson(decodeText(readFileSync(path), path, encoding).text, schema, path);
}
