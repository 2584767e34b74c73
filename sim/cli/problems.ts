/*
 * How a long list of input problems is printed: problems of one cause in one
 * file and column (the same message on many rows) as one line, then the first
 * `PROBLEM_LINES` lines and a count of the rest. A staffing table of 14,321
 * dated rows, every one outside a moved horizon, is one line, not 2 MB.
 */

import { formatNumber } from '../index.js';

/** Lines of problems printed before the rest are only counted. */
export const PROBLEM_LINES = 20;

/** Problems of one cause from this many rows on are printed as one line. */
export const GROUP_FROM = 3;

/** `file:row column: message`, as `InputError` writes a problem tied to a row. */
const ROW_PROBLEM = /^(.+):(\d+) (\S+): (.*)$/;

/** The message without what was found: `must be >= 0 (got -3)` -> `must be >= 0`. */
function causeOf(message: string): { cause: string; got: string | undefined } {
  const m = /^(.*) \(got (.*)\)$/.exec(message);
  return m === null ? { cause: message, got: undefined } : { cause: m[1] as string, got: m[2] };
}

/** A count with thousands separators: `14,321`. */
function count(n: number): string {
  return formatNumber(n);
}

/**
 * Problem lines as printed: the problems of one cause (same file, column and
 * message but for what was found) on `GROUP_FROM` rows or more as one line
 * with the rows' range and count, in the place of the first; then at most
 * `max` lines, and a last line counting the problems left out.
 *
 * @param problems one problem a line (`file:row column: message`, or any text)
 * @param max lines to print before counting the rest
 * @returns the lines to print
 * @example
 * capProblems(['s.csv:2 agents: must be >= 0 (got -1)', 's.csv:3 agents: must be >= 0 (got -2)', 's.csv:4 agents: must be >= 0 (got -5)']);
 * // => ['s.csv rows 2 to 4 (3 rows) agents: must be >= 0 (the first got -1)']
 */
export function capProblems(problems: readonly string[], max = PROBLEM_LINES): string[] {
  const groups = new Map<string, { rows: number[]; got: string | undefined }>();
  const keys: (string | null)[] = problems.map((line) => {
    const m = ROW_PROBLEM.exec(line);
    if (m === null) return null;
    const { cause, got } = causeOf(m[4] as string);
    const key = `${m[1]}\u0000${m[3]}\u0000${cause}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { rows: [Number(m[2])], got });
    else group.rows.push(Number(m[2]));
    return key;
  });
  const lines: { text: string; problems: number }[] = [];
  const printed = new Set<string>();
  problems.forEach((line, i) => {
    const key = keys[i];
    const group = key === null || key === undefined ? undefined : groups.get(key);
    if (key === null || key === undefined || group === undefined || group.rows.length < GROUP_FROM) {
      lines.push({ text: line, problems: 1 });
      return;
    }
    if (printed.has(key)) return;
    printed.add(key);
    const [file, column, cause] = key.split('\u0000') as [string, string, string];
    const first = Math.min(...group.rows);
    const last = Math.max(...group.rows);
    lines.push({
      text:
        `${file} rows ${first} to ${last} (${count(group.rows.length)} rows) ${column}: ${cause}` +
        (group.got !== undefined ? ` (the first got ${group.got})` : ''),
      problems: group.rows.length,
    });
  });
  if (lines.length <= max) return lines.map((l) => l.text);
  const shown = lines.slice(0, max);
  const rest = lines.slice(max).reduce((sum, l) => sum + l.problems, 0);
  return [
    ...shown.map((l) => l.text),
    `... and ${count(rest)} more problem${rest === 1 ? '' : 's'} (fix these and run again to see them)`,
  ];
}
