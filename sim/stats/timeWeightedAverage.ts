/**
 * The time average of a piecewise-constant level (callers waiting, busy
 * agents, agents on the phones): the integral of the level over time divided
 * by the elapsed time, kept in O(1) memory.
 *
 * Call `update(time, level)` whenever the level changes; the previous level
 * is credited for the time since the last update. Times are seconds of
 * simulated time and must never go backwards (that would be an engine bug,
 * so it throws). Allocation-free, for the hot loop.
 *
 * @example
 * const queue = new TimeWeightedAverage(0, 0); // from t = 0 s, level 0
 * queue.update(10, 2); // 0 callers for 10 s, then 2
 * queue.update(40, 1); // 2 callers for 30 s, then 1
 * queue.mean(50); // => 1.4 ((0 x 10 + 2 x 30 + 1 x 10) / 50)
 * queue.max; // => 2
 */
export class TimeWeightedAverage {
  /** Time of the last update, seconds. */
  private lastTime: number;
  /** Integral of the level from the start to `lastTime` (level x seconds). */
  private areaSoFar = 0;
  /** The current level. */
  level: number;
  /** Highest level seen. */
  max: number;
  /** Lowest level seen. */
  min: number;

  /**
   * @param startSeconds the time the average starts, in seconds
   * @param initialLevel the level at `startSeconds`
   * @throws {RangeError} when either is NaN or infinite
   */
  constructor(
    readonly startSeconds: number,
    initialLevel: number,
  ) {
    if (!Number.isFinite(startSeconds) || !Number.isFinite(initialLevel)) {
      throw new RangeError(
        `TimeWeightedAverage: startSeconds and initialLevel must be finite (got ${String(startSeconds)}, ${String(initialLevel)})`,
      );
    }
    this.lastTime = startSeconds;
    this.level = initialLevel;
    this.max = initialLevel;
    this.min = initialLevel;
  }

  /**
   * The level changes to `level` at `timeSeconds`.
   *
   * @throws {RangeError} when time goes backwards or a value is not finite
   */
  update(timeSeconds: number, level: number): void {
    if (!(timeSeconds >= this.lastTime) || !Number.isFinite(level) || !Number.isFinite(timeSeconds)) {
      throw new RangeError(
        `TimeWeightedAverage.update: time must be finite and not before ${this.lastTime} and level finite (got ${String(timeSeconds)}, ${String(level)})`,
      );
    }
    this.areaSoFar += this.level * (timeSeconds - this.lastTime);
    this.lastTime = timeSeconds;
    this.level = level;
    if (level > this.max) this.max = level;
    if (level < this.min) this.min = level;
  }

  /**
   * Integral of the level from the start to `untilSeconds` (level x seconds).
   *
   * @throws {RangeError} when `untilSeconds` is before the last update
   */
  area(untilSeconds: number): number {
    if (!(untilSeconds >= this.lastTime)) {
      throw new RangeError(
        `TimeWeightedAverage.area: untilSeconds must not be before ${this.lastTime} (got ${String(untilSeconds)})`,
      );
    }
    return this.areaSoFar + this.level * (untilSeconds - this.lastTime);
  }

  /**
   * Time average of the level from the start to `untilSeconds`; the current
   * level when no time has passed.
   *
   * @throws {RangeError} when `untilSeconds` is before the last update
   */
  mean(untilSeconds: number): number {
    const elapsed = untilSeconds - this.startSeconds;
    const area = this.area(untilSeconds);
    return elapsed > 0 ? area / elapsed : this.level;
  }
}
