/**
 * A streaming tally of observations (waits, handle times, daily answer
 * rates...): count, sum, mean, sample variance, minimum and maximum, in O(1)
 * memory, updated by Welford's method so that the variance stays accurate
 * when the values are large and close together (no sum of squares is kept).
 *
 * Allocation-free after construction, so it can sit in the simulator's hot
 * loop. Two tallies of disjoint data can be merged (Chan, Golub and LeVeque's
 * pairwise update), which gives the same mean and variance as one tally of
 * all the data up to rounding.
 *
 * @example
 * const waits = new Tally();
 * for (const seconds of [4, 7, 13, 16]) waits.add(seconds);
 * waits.mean; // => 10
 * waits.variance; // => 30 (sample variance, n - 1 in the denominator)
 * waits.min; // => 4
 */
export class Tally {
  /** Number of observations. */
  count = 0;
  /** Running mean; 0 while empty. */
  mean = 0;
  /** Sum of squared deviations from the mean (Welford's M2). */
  private m2 = 0;
  /** Smallest observation; `Infinity` while empty. */
  min = Infinity;
  /** Largest observation; `-Infinity` while empty. */
  max = -Infinity;

  /**
   * Record one observation.
   *
   * @param value a finite number
   * @throws {RangeError} when `value` is NaN or infinite (a broken invariant upstream)
   */
  add(value: number): void {
    if (!Number.isFinite(value)) {
      throw new RangeError(`Tally.add: value must be a finite number (got ${String(value)})`);
    }
    const count = this.count + 1;
    const delta = value - this.mean;
    const mean = this.mean + delta / count;
    this.m2 += delta * (value - mean);
    this.mean = mean;
    this.count = count;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** Sum of the observations (count x mean). */
  get sum(): number {
    return this.count * this.mean;
  }

  /** Sample variance (denominator n - 1); 0 with fewer than two observations. */
  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : 0;
  }

  /** Sample standard deviation; 0 with fewer than two observations. */
  get standardDeviation(): number {
    return Math.sqrt(this.variance);
  }

  /**
   * Fold another tally (of different observations) into this one.
   *
   * @param other the tally to add; it is not changed
   * @returns this tally, for chaining
   */
  merge(other: Tally): this {
    if (other.count === 0) return this;
    if (this.count === 0) {
      this.count = other.count;
      this.mean = other.mean;
      this.m2 = other.m2;
      this.min = other.min;
      this.max = other.max;
      return this;
    }
    const count = this.count + other.count;
    const delta = other.mean - this.mean;
    this.mean += (delta * other.count) / count;
    this.m2 += other.m2 + (delta * delta * this.count * other.count) / count;
    this.count = count;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    return this;
  }
}
