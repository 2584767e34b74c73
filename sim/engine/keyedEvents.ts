import { requireNonNegativeInteger } from '../core/validate.js';

/**
 * Events keyed by small non-negative integers (an index into the model's own
 * arrays), at most one pending per key, which can be moved or cancelled before
 * they come due: a kind registered with `Kernel.keyed`. A model that knows an
 * event may turn out not to be needed cancels it (a removal from the middle of
 * the heap, about as cheap as taking the earliest) instead of leaving it to come
 * up and be ignored, which would cost a full turn of the loop.
 *
 * A 4-ary min-heap on typed arrays ordered by time, then by the order in which
 * events were set (so a run is fully determined by its seed), with each key's
 * position in the heap; everything doubles when full, nothing is allocated per
 * event. Like the other heaps, methods take and return no doubles but `set`'s
 * time: a double passed to or returned from a call that is not inlined is
 * allocated.
 *
 * @example
 * const kernel = new Kernel();
 * const fired: number[] = [];
 * const due = kernel.keyed(2, (key) => fired.push(key));
 * due.set(7, 30);
 * due.set(3, 10);
 * due.cancel(3);
 * kernel.run(Infinity);
 * fired; // => [7]
 */
export class KeyedEvents {
  private times: Float64Array;
  /** The order in which each entry was set, for ties. */
  private sequences: Float64Array;
  private keys: Int32Array;
  /** Position in the heap of each key, or -1. */
  private positions: Int32Array;
  private count = 0;
  private sequence = 0;

  /**
   * @param initialCapacity entries (and keys) reserved before the first growth
   * @throws {RangeError} when `initialCapacity` is not a non-negative integer
   */
  constructor(initialCapacity = 256) {
    requireNonNegativeInteger('KeyedEvents', 'initialCapacity', initialCapacity);
    const capacity = Math.max(4, initialCapacity);
    this.times = new Float64Array(capacity).fill(Infinity);
    this.sequences = new Float64Array(capacity);
    this.keys = new Int32Array(capacity);
    this.positions = new Int32Array(capacity).fill(-1);
  }

  /** Number of pending events. */
  get size(): number {
    return this.count;
  }

  /** The earliest pending instant, seconds, or `Infinity` when none is pending. */
  get min(): number {
    return this.times[0] as number;
  }

  /** The key of the earliest pending event (meaningful only when one is pending). */
  get minKey(): number {
    return this.keys[0] as number;
  }

  /** Whether an event is pending for `key`. */
  has(key: number): boolean {
    return key < this.positions.length && (this.positions[key] as number) >= 0;
  }

  /**
   * Set the event of `key` at `time`: scheduled, or moved when one is pending
   * (it then counts as set now for ties). The kernel checks nothing here: the
   * time must not be before its clock (see `Kernel.keyed`).
   *
   * @param key a non-negative integer
   * @param time its instant, seconds
   */
  set(key: number, time: number): void {
    if (key >= this.positions.length) this.growKeys(key);
    const at = this.positions[key] as number;
    let i: number;
    if (at >= 0) {
      i = at;
    } else {
      i = this.count++;
      if (i === this.times.length) this.grow();
    }
    this.times[i] = time;
    this.sequences[i] = this.sequence++;
    this.keys[i] = key;
    this.positions[key] = i;
    this.restore(i);
  }

  /** Cancel the event of `key`, if one is pending. */
  cancel(key: number): void {
    if (key >= this.positions.length) return;
    const i = this.positions[key] as number;
    if (i < 0) return;
    this.positions[key] = -1;
    const last = --this.count;
    if (i !== last) {
      this.moveEntry(last, i);
      this.restore(i);
    }
    this.times[last] = Infinity;
  }

  /** Remove the earliest event (its key is `minKey` before the call). */
  removeMin(): void {
    if (this.count > 0) this.cancel(this.keys[0] as number);
  }

  /** Move the entry at `i` up or down until the heap order holds. */
  private restore(i: number): void {
    if (i > 0 && this.before(i, (i - 1) >> 2)) this.siftUp(i);
    else this.siftDown(i);
  }

  /** Whether the entry at `a` comes before the entry at `b`. */
  private before(a: number, b: number): boolean {
    const ta = this.times[a] as number;
    const tb = this.times[b] as number;
    return ta < tb || (ta === tb && (this.sequences[a] as number) < (this.sequences[b] as number));
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 2;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const n = this.count;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let best = first;
      const end = first + 4 < n ? first + 4 : n;
      for (let c = first + 1; c < end; c++) if (this.before(c, best)) best = c;
      if (!this.before(best, i)) break;
      this.swap(i, best);
      i = best;
    }
  }

  private swap(a: number, b: number): void {
    const times = this.times;
    const sequences = this.sequences;
    const keys = this.keys;
    const t = times[a] as number;
    const s = sequences[a] as number;
    const k = keys[a] as number;
    times[a] = times[b] as number;
    sequences[a] = sequences[b] as number;
    keys[a] = keys[b] as number;
    times[b] = t;
    sequences[b] = s;
    keys[b] = k;
    this.positions[keys[a] as number] = a;
    this.positions[k] = b;
  }

  /** Copy the entry at `from` to `to` (the entry at `to` is gone). */
  private moveEntry(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.sequences[to] = this.sequences[from] as number;
    const key = this.keys[from] as number;
    this.keys[to] = key;
    this.positions[key] = to;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity).fill(Infinity);
    const sequences = new Float64Array(capacity);
    const keys = new Int32Array(capacity);
    times.set(this.times);
    sequences.set(this.sequences);
    keys.set(this.keys);
    this.times = times;
    this.sequences = sequences;
    this.keys = keys;
  }

  private growKeys(key: number): void {
    requireNonNegativeInteger('KeyedEvents.set', 'key', key);
    let capacity = this.positions.length * 2;
    while (capacity <= key) capacity *= 2;
    const positions = new Int32Array(capacity).fill(-1);
    positions.set(this.positions);
    this.positions = positions;
  }
}
