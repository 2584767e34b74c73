/** Argument checks shared by the statistics functions (messages in the house style). */

/** Require a non-empty array of finite numbers. */
export function requireFiniteValues(fn: string, values: readonly number[], minimum = 1): void {
  if (!Array.isArray(values) || values.length < minimum) {
    throw new RangeError(
      `${fn}: values must hold at least ${minimum} number(s) (got ${Array.isArray(values) ? values.length : String(values)})`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(`${fn}: values[${i}] must be a finite number (got ${String(value)})`);
    }
  }
}

/** Require a confidence level strictly between 0 and 1. */
export function requireLevel(fn: string, level: number): void {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new RangeError(`${fn}: level must be in (0, 1) (got ${String(level)})`);
  }
}
