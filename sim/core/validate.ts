/**
 * Argument checks shared by every module. Each throws at entry, naming the
 * function, the argument and the value, so that a bad call is fixed from the
 * message alone. Messages are lower case, end without a period and quote the
 * value: `erlangC: agents must be a non-negative integer (got 2.5)`.
 */

/**
 * Require a non-negative integer (0, 1, 2, ...).
 *
 * @param fn name of the calling function, for the message
 * @param name name of the argument, for the message
 * @param value the value to check
 * @throws {RangeError} when `value` is not a non-negative integer
 * @example
 * requireNonNegativeInteger('erlangB', 'agents', 3); // passes
 * requireNonNegativeInteger('erlangB', 'agents', 2.5); // throws RangeError: erlangB: agents must be a non-negative integer (got 2.5)
 */
export function requireNonNegativeInteger(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`${fn}: ${name} must be a non-negative integer (got ${String(value)})`);
  }
}

/**
 * Require a positive integer (1, 2, 3, ...).
 *
 * @throws {RangeError} when `value` is not a positive integer
 * @example
 * requirePositiveInteger('simulateQueue', 'calls', 1000); // passes
 */
export function requirePositiveInteger(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${fn}: ${name} must be a positive integer (got ${String(value)})`);
  }
}

/**
 * Require a finite number that is zero or more.
 *
 * @throws {RangeError} when `value` is negative, NaN or infinite
 * @example
 * requireNonNegativeFinite('erlangB', 'trafficErlangs', 12.5); // passes
 */
export function requireNonNegativeFinite(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${fn}: ${name} must be a finite number >= 0 (got ${String(value)})`);
  }
}

/**
 * Require a finite number greater than zero.
 *
 * @throws {RangeError} when `value` is zero, negative, NaN or infinite
 * @example
 * requirePositiveFinite('queueMetrics', 'meanHandleSeconds', 220); // passes
 */
export function requirePositiveFinite(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${fn}: ${name} must be a finite number > 0 (got ${String(value)})`);
  }
}

/**
 * Require a number greater than zero that may be `Infinity` (for example a
 * mean patience, where `Infinity` means nobody abandons).
 *
 * @throws {RangeError} when `value` is zero, negative or NaN
 * @example
 * requirePositiveOrInfinite('queueMetrics', 'meanPatienceSeconds', Infinity); // passes
 */
export function requirePositiveOrInfinite(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new RangeError(`${fn}: ${name} must be a number > 0 or Infinity (got ${String(value)})`);
  }
}

/**
 * Require a probability: a finite number in [0, 1].
 *
 * @throws {RangeError} when `value` is outside [0, 1] or NaN
 * @example
 * requireProbability('retrialEquilibrium', 'redialProbability', 0.5); // passes
 */
export function requireProbability(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new RangeError(`${fn}: ${name} must be a probability in [0, 1] (got ${String(value)})`);
  }
}

/**
 * Require a number inside the open-closed or closed range given.
 *
 * @param min smallest allowed value (inclusive)
 * @param max largest allowed value (inclusive)
 * @throws {RangeError} when `value` is outside [min, max] or NaN
 * @example
 * requireInRange('staffingPlan', 'shrinkage', 0.3, 0, 0.99); // passes
 */
export function requireInRange(fn: string, name: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number' || !(value >= min && value <= max)) {
    throw new RangeError(`${fn}: ${name} must be in [${min}, ${max}] (got ${String(value)})`);
  }
}

/**
 * Require a non-negative integer or `Infinity` (for example a waiting room,
 * where `Infinity` means unlimited).
 *
 * @throws {RangeError} when `value` is negative, fractional or NaN
 * @example
 * requireNonNegativeIntegerOrInfinite('queueMetrics', 'waitingRoom', Infinity); // passes
 * requireNonNegativeIntegerOrInfinite('queueMetrics', 'waitingRoom', 2.5);
 * // throws RangeError: queueMetrics: waitingRoom must be a non-negative integer or Infinity (got 2.5)
 */
export function requireNonNegativeIntegerOrInfinite(fn: string, name: string, value: number): void {
  if (typeof value !== 'number' || !(value === Infinity || (Number.isInteger(value) && value >= 0))) {
    throw new RangeError(`${fn}: ${name} must be a non-negative integer or Infinity (got ${String(value)})`);
  }
}
