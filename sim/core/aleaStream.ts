import seedrandom from 'seedrandom';
import type { StreamName } from './rng.js';
import { requireNonNegativeInteger } from './validate.js';

/**
 * One named random stream as an object: exactly the draws of
 * `randomStreams(seed, replication).stream(name)` (seedrandom's Alea, seeded
 * with `"<seed>/<replication>/<name>"`, 0 mapped to 2^-53), but with the
 * generator's state in fields and `next()` a method of one class.
 *
 * Why it exists: a simulation's hot loop calls its streams millions of times.
 * A closure made afresh for every run is a different call target each run, so
 * the optimising compiler throws away the loop it inlined the previous run's
 * closure into; one class method is the same target in every run and is
 * inlined for good. Seeding goes through seedrandom itself (its `state`
 * option), so the two forms cannot drift apart.
 *
 * @example
 * const u = new AleaStream(42, 0, 'arrivals');
 * u.next(); // === randomStreams(42, 0).stream('arrivals')()
 */
export class AleaStream {
  // Fields start as non-integer doubles so that V8 stores them unboxed in place from
  // the first draw; a field declared without a value starts as `undefined` and would
  // then box every double written to it (an allocation per draw).
  private s0 = 0.5;
  private s1 = 0.5;
  private s2 = 0.5;
  private c = 0;

  /**
   * @param seed the run's seed, a non-negative integer
   * @param replication replication number, a non-negative integer
   * @param name the stream's name
   * @throws {RangeError} when `seed` or `replication` is not a non-negative integer
   */
  constructor(seed: number, replication: number, name: StreamName) {
    requireNonNegativeInteger('AleaStream', 'seed', seed);
    requireNonNegativeInteger('AleaStream', 'replication', replication);
    const generator = seedrandom.alea(`${seed}/${replication}/${name}`, { state: true });
    const state = generator.state() as unknown as { c: number; s0: number; s1: number; s2: number };
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
    this.c = state.c;
  }

  /** The next uniform draw in (0, 1). */
  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    const c = t | 0;
    this.c = c;
    const u = t - c;
    this.s2 = u;
    return u > 0 ? u : 1.1102230246251565e-16; // 2^-53, as randomStreams
  }

  /**
   * The next `count` uniform draws in (0, 1), written to `out[0..count)`: the same
   * values as `count` calls of `next()`, with the generator's state in local
   * variables for the length of the loop (several times faster per draw than
   * `next()`, whose state goes through the object's fields at each step).
   *
   * @param out where the draws go, at least `count` long
   * @param count number of draws, a non-negative integer no larger than `out.length`
   * @throws {RangeError} when `count` is not such an integer
   * @example
   * const a = new AleaStream(42, 0, 'handleTime');
   * const out = new Float64Array(3);
   * a.fill(out, 3); // out[0] === new AleaStream(42, 0, 'handleTime').next()
   */
  fill(out: Float64Array, count: number): void {
    if (!(Number.isInteger(count) && count >= 0 && count <= out.length)) {
      throw new RangeError(`AleaStream.fill: count must be an integer in [0, ${out.length}] (got ${count})`);
    }
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let c = this.c;
    for (let i = 0; i < count; i++) {
      const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
      s0 = s1;
      s1 = s2;
      c = t | 0;
      const u = t - c;
      s2 = u;
      out[i] = u > 0 ? u : 1.1102230246251565e-16; // 2^-53, as next()
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.c = c;
  }
}
