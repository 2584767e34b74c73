import { formatFixed, formatPercent as percentText, formatYuan as yuanText } from '../index.js';

/**
 * Human output of the `hotline` command: aligned plain-text tables, and the
 * command line's conventions on the one formatting module (core/format);
 * `--json` and `--xlsx` carry the numbers unformatted.
 */

import type { Summary } from '../index.js';

/** Column alignment: text to the left, numbers to the right. */
export type Align = 'left' | 'right';

/** A column of a text table: its header (with the unit) and alignment. */
export interface TextColumn {
  header: string;
  align?: Align;
}

/**
 * An aligned text table: a header line, a rule of dashes, one line per row,
 * columns two spaces apart.
 *
 * @param columns headers (units in them: `ASA (s)`) and alignments (right by default)
 * @param rows cell texts, one array per row
 * @returns the table, lines joined by `\n`, without a final newline
 * @example
 * formatTable([{ header: 'agents' }, { header: 'answer rate' }], [['14', '100.00%']]);
 * // => 'agents  answer rate\n------  -----------\n    14      100.00%'
 */
export function formatTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, c) =>
    Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[c] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, c) => pad(cells[c] ?? '', widths[c] as number, column.align ?? 'right'))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((column) => column.header)),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

/** Terminal columns of a text: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Shown for a value that does not exist (a rate with no calls). */
export const MISSING = '-';

/** What a rate or a wait shows when no call was offered (an empty load): there is nothing to divide by. */
export const NO_CALLS = 'no calls';

/**
 * A fraction as a percentage with two decimals: `0.88835` → `88.84%` (`formatPercent` of core/format).
 *
 * @param fraction a fraction, or null/undefined when there is no value
 * @param digits decimals shown
 * @example
 * formatPercent(0.17413); // => '17.41%'
 * formatPercent(null); // => '-'
 */
export function formatPercent(fraction: number | null | undefined, digits = 2): string {
  return percentText(fraction, digits, MISSING);
}

/**
 * A number with fixed decimals, `inf` for infinity, exponent notation from 1e9
 * (an almost unstable queue's wait): `formatFixed` of core/format.
 *
 * @example
 * formatNumber(7.8359, 1); // => '7.8'
 * formatNumber(undefined); // => '-'
 */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  return formatFixed(value, digits, MISSING);
}

/**
 * A number for JSON: null when absent or not finite (JSON has no infinity; an
 * interval of one replication is unbounded), the number otherwise.
 *
 * @example
 * finiteOrNull(-Infinity); // => null
 * finiteOrNull(0.8); // => 0.8
 */
export function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/**
 * An amount (yuan, hours) rounded to a whole number with thousands separators (`formatYuan` of core/format).
 *
 * @param value the amount, or null/undefined when there is none
 * @example
 * formatYuan(55_070_300.4); // => '55,070,300'
 */
export function formatYuan(value: number | null | undefined): string {
  return yuanText(value, MISSING);
}

/** A summary across replications as JSON: its fields, with non-finite interval ends (one replication) as null. */
export interface SummaryJson {
  n: number;
  mean: number;
  sd: number;
  ciLow: number | null;
  ciHigh: number | null;
  p05: number;
  p95: number;
}

/**
 * A summary across replications for `--json`: the same fields, the interval's
 * non-finite ends (a single replication) as null.
 *
 * @param summary the summary, or null/undefined when there is none
 * @returns the JSON form, or null
 * @example
 * summaryJson(summarise([0.8])); // => { n: 1, mean: 0.8, sd: 0, ciLow: null, ciHigh: null, p05: 0.8, p95: 0.8 }
 */
export function summaryJson(summary: Summary | null | undefined): SummaryJson | null {
  if (summary === null || summary === undefined) return null;
  return {
    n: summary.n,
    mean: summary.mean,
    sd: summary.sd,
    ciLow: finiteOrNull(summary.ciLow),
    ciHigh: finiteOrNull(summary.ciHigh),
    p05: summary.p05,
    p95: summary.p95,
  };
}
