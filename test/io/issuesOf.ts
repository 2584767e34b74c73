import { InputError } from '../../sim/core/errors.js';

/**
 * The problems a reader reports, as `row column: message` lines (none when it
 * reads the input); anything but an `InputError` is rethrown.
 */
export function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.row} ${i.column}: ${i.message}`);
    throw error;
  }
  return [];
}
