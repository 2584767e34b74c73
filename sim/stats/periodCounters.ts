/**
 * Sums per period (per interval, day, month, quarter) for a fixed list of
 * fields (offered, answered, abandoned, sum of waits...), stored in one
 * `Float64Array` of `periods x fields.length` numbers, row by row. Counts stay
 * exact up to 2^53. Adding is O(1) and allocation-free, for the hot loop;
 * periods are rolled up (intervals to days, days to quarters) afterwards with
 * `rollUp`, so a KPI over a longer period is always a ratio of sums.
 *
 * @example
 * const counters = new PeriodCounters(['offered', 'answered'], 2); // 2 intervals
 * const offered = counters.index('offered');
 * const answered = counters.index('answered');
 * counters.add(0, offered);
 * counters.add(0, answered);
 * counters.add(1, offered, 3);
 * counters.get(1, 'offered'); // => 3
 * counters.total('offered'); // => 4
 * counters.rollUp([0, 0], 1).get(0, 'answered'); // => 1 (both intervals in one day)
 */
export class PeriodCounters<Field extends string> {
  /** The sums, row-major: `values[period * fields.length + fieldIndex]`. */
  readonly values: Float64Array;
  private readonly width: number;

  /**
   * @param fields names of the summed quantities, distinct
   * @param periods number of periods, a non-negative integer
   * @throws {RangeError} when `periods` is not a non-negative integer or a field is repeated
   */
  constructor(
    readonly fields: readonly Field[],
    readonly periods: number,
  ) {
    if (!Number.isInteger(periods) || periods < 0) {
      throw new RangeError(`PeriodCounters: periods must be a non-negative integer (got ${String(periods)})`);
    }
    if (new Set(fields).size !== fields.length) {
      throw new RangeError(`PeriodCounters: fields must be distinct (got ${fields.join(', ')})`);
    }
    this.width = fields.length;
    this.values = new Float64Array(periods * fields.length);
  }

  /**
   * Position of a field, to pass to `add` in a hot loop.
   *
   * @throws {RangeError} when the field is not one of `fields`
   */
  index(field: Field): number {
    const position = this.fields.indexOf(field);
    if (position < 0) throw new RangeError(`PeriodCounters: unknown field ${String(field)}`);
    return position;
  }

  /**
   * Add `amount` to a field of a period.
   *
   * @param period 0-based period
   * @param fieldIndex position of the field, from `index(field)`
   * @param amount what to add; 1 by default
   * @throws {RangeError} when the period or field is out of range (a typed array would drop the write silently)
   */
  add(period: number, fieldIndex: number, amount = 1): void {
    if (!(period >= 0 && period < this.periods && fieldIndex >= 0 && fieldIndex < this.width)) {
      throw new RangeError(
        `PeriodCounters.add: period ${String(period)} or field ${String(fieldIndex)} out of range (${this.periods} periods, ${this.width} fields)`,
      );
    }
    this.values[period * this.width + fieldIndex] += amount;
  }

  /** The sum of `field` in `period`. */
  get(period: number, field: Field): number {
    if (!(Number.isInteger(period) && period >= 0 && period < this.periods)) {
      throw new RangeError(
        `PeriodCounters.get: period must be in [0, ${this.periods - 1}] (got ${String(period)})`,
      );
    }
    return this.values[period * this.width + this.index(field)] ?? 0;
  }

  /** The sums of `field`, one per period (a copy). */
  column(field: Field): Float64Array {
    const position = this.index(field);
    const column = new Float64Array(this.periods);
    for (let period = 0; period < this.periods; period++) {
      column[period] = this.values[period * this.width + position] ?? 0;
    }
    return column;
  }

  /** The sum of `field` over all periods. */
  total(field: Field): number {
    const position = this.index(field);
    let total = 0;
    for (let period = 0; period < this.periods; period++)
      total += this.values[period * this.width + position] ?? 0;
    return total;
  }

  /**
   * Sum periods into groups: period p is added to group `groupOfPeriod[p]`.
   *
   * @param groupOfPeriod for each period, its 0-based group (for example the day of each interval)
   * @param groups number of groups
   * @returns new counters with one period per group
   * @throws {RangeError} when `groupOfPeriod` has the wrong length or a group out of range
   */
  rollUp(groupOfPeriod: ArrayLike<number>, groups: number): PeriodCounters<Field> {
    if (groupOfPeriod.length !== this.periods) {
      throw new RangeError(
        `PeriodCounters.rollUp: groupOfPeriod must have one entry per period (${this.periods}, got ${groupOfPeriod.length})`,
      );
    }
    const rolled = new PeriodCounters(this.fields, groups);
    for (let period = 0; period < this.periods; period++) {
      const group = groupOfPeriod[period] ?? -1;
      if (!(Number.isInteger(group) && group >= 0 && group < groups)) {
        throw new RangeError(
          `PeriodCounters.rollUp: group of period ${period} must be in [0, ${groups - 1}] (got ${group})`,
        );
      }
      for (let field = 0; field < this.width; field++) {
        rolled.values[group * this.width + field] += this.values[period * this.width + field] ?? 0;
      }
    }
    return rolled;
  }

  /** One plain object per period, `{ field: sum, ... }`. */
  toRows(): Record<Field, number>[] {
    const rows: Record<Field, number>[] = [];
    for (let period = 0; period < this.periods; period++) {
      const row = {} as Record<Field, number>;
      this.fields.forEach((field, position) => {
        row[field] = this.values[period * this.width + position] ?? 0;
      });
      rows.push(row);
    }
    return rows;
  }
}
