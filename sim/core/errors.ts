/** One problem found in an input file. Rows are 1-based; the header is row 1. */
export interface InputIssue {
  /** The file (or `<memory>` for an object passed in code). */
  readonly file: string;
  /** 1-based row for a table (the header is row 1); 0 when the problem is not tied to a row. */
  readonly row: number;
  /** The column name, or the JSON path (`arrivals.dailyVolume`) for JSON input. */
  readonly column: string;
  /** What was expected and what was found, lower case, no final period: `must be >= 0 (got -3)`. */
  readonly message: string;
}

/**
 * Thrown once per input, carrying every problem so the input can be fixed in one
 * pass. The CLI prints `message` and exits with status 2, without a stack trace.
 *
 * @example
 * new InputError([{ file: 'arrivals.csv', row: 3, column: 'calls', message: 'must be >= 0 (got -3)' }]).message;
 * // => '1 problem(s) in input\n  arrivals.csv:3 calls: must be >= 0 (got -3)'
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly issues: readonly InputIssue[]) {
    super(
      `${issues.length} problem(s) in input\n` +
        issues.map((i) => `  ${i.file}${i.row > 0 ? `:${i.row}` : ''} ${i.column}: ${i.message}`).join('\n'),
    );
  }
}
