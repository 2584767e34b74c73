import { requireNonNegativeInteger } from '../core/validate.js';

/** Sequence numbers go up to 2^44 (1.7e13 events); priorities take the bits above. */
const SEQUENCE_SPAN = 2 ** 44;
/** Largest priority accepted (priorities are small non-negative integers). */
const MAX_PRIORITY = 255;

/**
 * The event calendar and clock of a discrete-event simulation: a 4-ary min-heap
 * on typed arrays, ordered by time, then by priority (the model's same-instant order), then
 * by the order in which events were scheduled. It knows nothing of what events
 * mean: each carries two integers, a `kind` and a `data` word, for the model to
 * interpret.
 *
 * Nothing is allocated per event: entries live in parallel typed arrays that
 * double when full, and `pop()` leaves the removed event's fields in `time`,
 * `priority`, `kind` and `data` instead of returning an object. A 4-ary heap is
 * half as deep as a binary one and its four children sit side by side in
 * memory, which makes it faster here for heaps of a few hundred entries.
 *
 * The clock is `time`: the instant of the event last popped. Scheduling an event
 * before it is a bug in the model and throws. An event scheduled at the current
 * instant with a lower priority than the one being processed runs next (the
 * order is decided among pending events, at each pop).
 *
 * @example
 * const calendar = new EventCalendar();
 * calendar.schedule(5, 4, 1, 42);
 * calendar.schedule(5, 0, 2, 7);
 * calendar.pop(); // => true
 * [calendar.time, calendar.kind, calendar.data]; // => [5, 2, 7]: same instant, lower priority first
 */
export class EventCalendar {
  /** Instant of the event last popped, seconds (the clock); 0 before the first pop. */
  time = 0.5; // a double from the start (see the constructor)
  /** Priority of the event last popped. */
  priority = 0;
  /** Kind of the event last popped (the model's code). */
  kind = 0;
  /** Data word of the event last popped (the model's payload, e.g. an index). */
  data = 0;

  private times: Float64Array;
  private keys: Float64Array; // priority * 2^44 + sequence
  private kinds: Int32Array;
  private datas: Int32Array;
  private count = 0;
  private sequence = 0;

  /**
   * @param initialCapacity entries reserved before the first growth, a positive integer
   * @throws {RangeError} when `initialCapacity` is not a non-negative integer
   */
  constructor(initialCapacity = 256) {
    requireNonNegativeInteger('EventCalendar', 'initialCapacity', initialCapacity);
    const capacity = Math.max(4, initialCapacity);
    // `time` is declared with a non-integer double so that its field holds doubles
    // in place from the start (a field first holding an integer is changed later, and
    // the code using it thrown away); it starts at 0.
    this.time = 0;
    this.times = new Float64Array(capacity);
    this.keys = new Float64Array(capacity);
    this.kinds = new Int32Array(capacity);
    this.datas = new Int32Array(capacity);
  }

  /** Number of events waiting in the calendar. */
  get size(): number {
    return this.count;
  }

  /** Number of events scheduled since construction (the next sequence number). */
  get scheduled(): number {
    return this.sequence;
  }

  /** Instant of the earliest event, or `Infinity` when the calendar is empty. */
  peekTime(): number {
    return this.count > 0 ? (this.times[0] as number) : Infinity;
  }

  /** Priority of the earliest event, or `Infinity` when the calendar is empty. */
  peekPriority(): number {
    return this.count > 0 ? Math.floor((this.keys[0] as number) / SEQUENCE_SPAN) : Infinity;
  }

  /**
   * Add an event.
   *
   * @param time instant of the event, seconds, not before the clock (`time`)
   * @param priority same-instant order, an integer in [0, 255], lower first
   * @param kind the model's code for the event, a 32-bit integer
   * @param data the model's payload, a 32-bit integer
   * @throws {RangeError} when `time` is NaN or before the clock, or `priority` is out of range
   *   (both are bugs in the calling model)
   */
  schedule(time: number, priority: number, kind: number, data: number): void {
    // (priority & 255) === priority holds exactly for the integers 0..255 (not for NaN,
    // fractions, negatives or larger values).
    if (!(time >= this.time) || (priority & MAX_PRIORITY) !== priority) this.reject(time, priority);
    // Append, then restore the heap order. This method stays small so that the
    // optimising compiler inlines it where events are scheduled (a call that is
    // not inlined would box the time argument); the sift takes only an index.
    const i = this.count;
    if (i === this.times.length) this.grow();
    this.times[i] = time;
    this.keys[i] = priority * SEQUENCE_SPAN + this.sequence++;
    this.kinds[i] = kind;
    this.datas[i] = data;
    this.count = i + 1;
    if (i > 0) this.siftUp(i);
  }

  /**
   * Remove the earliest event and advance the clock to it. Its fields are then
   * in `time`, `priority`, `kind` and `data`.
   *
   * @returns false (and changes nothing) when the calendar is empty
   */
  pop(): boolean {
    const n = this.count;
    if (n === 0) return false;
    this.time = this.times[0] as number;
    this.priority = Math.floor((this.keys[0] as number) / SEQUENCE_SPAN);
    this.kind = this.kinds[0] as number;
    this.data = this.datas[0] as number;
    this.count = n - 1;
    if (n > 1) this.siftDown(n - 1);
    return true;
  }

  /** Move the entry at `i` up until its parent is not later. */
  private siftUp(i: number): void {
    const times = this.times;
    const keys = this.keys;
    const kinds = this.kinds;
    const datas = this.datas;
    const time = times[i] as number;
    const key = keys[i] as number;
    const kind = kinds[i] as number;
    const data = datas[i] as number;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (keys[parent] as number) < key)) break;
      times[i] = pt;
      keys[i] = keys[parent] as number;
      kinds[i] = kinds[parent] as number;
      datas[i] = datas[parent] as number;
      i = parent;
    }
    times[i] = time;
    keys[i] = key;
    kinds[i] = kind;
    datas[i] = data;
  }

  /**
   * Fill the hole at the root with the entry at `last` (now outside the heap).
   * Bottom-up (Floyd): the hole goes down to a leaf along the smallest children
   * without comparing with the entry, which then climbs back up, usually by a
   * level or none, since it came from the bottom. Keys are read only on equal times.
   */
  private siftDown(last: number): void {
    const times = this.times;
    const keys = this.keys;
    const kinds = this.kinds;
    const datas = this.datas;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      // Smallest of up to four children.
      let best = first;
      let bt = times[first] as number;
      let tied = true;
      if (first + 4 <= last) {
        // Four children: a tournament of comparisons turned into 0 or 1, without branches
        // for the processor to mispredict (half the time, each); equal times (rare) are
        // left to the loop below, which reads the keys.
        const t1 = times[first + 1] as number;
        const t2 = times[first + 2] as number;
        const t3 = times[first + 3] as number;
        const a = first + +(t1 < bt);
        const b = first + 2 + +(t3 < t2);
        const ta = times[a] as number;
        const tb = times[b] as number;
        if (t1 !== bt && t3 !== t2 && ta !== tb) {
          tied = false;
          best = a + +(tb < ta) * (b - a);
          bt = times[best] as number;
        }
      }
      if (tied) {
        const end = first + 4 < last ? first + 4 : last;
        for (let c = first + 1; c < end; c++) {
          const ct = times[c] as number;
          if (ct < bt || (ct === bt && (keys[c] as number) < (keys[best] as number))) {
            best = c;
            bt = ct;
          }
        }
      }
      times[i] = bt;
      keys[i] = keys[best] as number;
      kinds[i] = kinds[best] as number;
      datas[i] = datas[best] as number;
      i = best;
    }
    // Put the entry at `last` into the hole at i and let it climb.
    const t = times[last] as number;
    const k = keys[last] as number;
    const kd = kinds[last] as number;
    const d = datas[last] as number;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent] as number;
      if (pt < t || (pt === t && (keys[parent] as number) < k)) break;
      times[i] = pt;
      keys[i] = keys[parent] as number;
      kinds[i] = kinds[parent] as number;
      datas[i] = datas[parent] as number;
      i = parent;
    }
    times[i] = t;
    keys[i] = k;
    kinds[i] = kd;
    datas[i] = d;
  }

  private reject(time: number, priority: number): never {
    if (!(time >= this.time)) {
      throw new RangeError(`EventCalendar.schedule: time must be >= the clock ${this.time} (got ${time})`);
    }
    throw new RangeError(`EventCalendar.schedule: priority must be an integer in [0, 255] (got ${priority})`);
  }

  /** Remove every event and reset the clock to 0 (the sequence keeps counting). */
  clear(): void {
    this.count = 0;
    this.time = 0;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const keys = new Float64Array(capacity);
    const kinds = new Int32Array(capacity);
    const datas = new Int32Array(capacity);
    times.set(this.times);
    keys.set(this.keys);
    kinds.set(this.kinds);
    datas.set(this.datas);
    this.times = times;
    this.keys = keys;
    this.kinds = kinds;
    this.datas = datas;
  }
}

/**
 * A min-heap of bare instants (seconds): for a kind of event that carries no
 * data and whose same-instant order does not matter because any two of them
 * are interchangeable (for example the ends of identical activities, each of
 * which frees one unit of a resource): a kind registered with `Kernel.bag`. The
 * kernel merges its top with the calendar's when it chooses the next event; every
 * sift then moves one double instead of four fields, and no tie-break key is read.
 *
 * A 4-ary heap on one `Float64Array` that doubles when full. When the heap is
 * empty, `min` is `Infinity`, so it is compared without a test for size.
 *
 * @example
 * const ends = new InstantHeap();
 * ends.push(30);
 * ends.push(10);
 * ends.min; // => 10
 * ends.pop(); // => 10; ends.min is now 30
 */
export class InstantHeap {
  private times: Float64Array;
  private count = 0;

  /**
   * @param initialCapacity entries reserved before the first growth
   * @throws {RangeError} when `initialCapacity` is not a non-negative integer
   */
  constructor(initialCapacity = 256) {
    requireNonNegativeInteger('InstantHeap', 'initialCapacity', initialCapacity);
    this.times = new Float64Array(Math.max(4, initialCapacity));
    this.times[0] = Infinity;
  }

  /** Number of instants in the heap. */
  get size(): number {
    return this.count;
  }

  /** The earliest instant, seconds, or `Infinity` when the heap is empty. */
  get min(): number {
    return this.times[0] as number;
  }

  /**
   * Add an instant.
   *
   * @param time the instant, seconds (not NaN: the duty of whoever pushes it, as for `EventCalendar`,
   *   whose clock check it does not repeat)
   */
  push(time: number): void {
    const i = this.count;
    if (i === this.times.length) this.grow();
    this.count = i + 1;
    this.times[i] = time;
    this.siftUp(i);
  }

  /**
   * Remove the earliest instant.
   *
   * @returns the instant removed, seconds, or `Infinity` when the heap was empty
   */
  pop(): number {
    const top = this.times[0] as number;
    this.removeMin();
    return top;
  }

  /**
   * Remove the earliest instant (nothing when the heap is empty). `pop` without its
   * result: where the call is not inlined, a double returned would be allocated.
   */
  removeMin(): void {
    const n = this.count;
    // Without a branch taken only when the heap empties (late in a run, after the
    // event loop is optimised, such code makes the compiler throw that loop away):
    // the last entry fills the hole at the root, or Infinity when nothing is left.
    const last = n - 1 + +(n === 0);
    this.count = last;
    this.siftDown(last);
  }

  /** Remove every instant. */
  clear(): void {
    this.count = 0;
    this.times[0] = Infinity;
  }

  /**
   * Remove the instant at a position of the heap's array. Every instant holds
   * exactly one position, so a position drawn uniformly from `[0, size)`
   * removes an instant chosen uniformly at random.
   *
   * @param position a position in `[0, size)`
   * @returns the instant removed, seconds
   * @throws {RangeError} when `position` is not an integer in `[0, size)`
   * @example
   * const ends = new InstantHeap();
   * ends.push(30);
   * ends.push(10);
   * ends.removeAt(0); // => 10 (the earliest sits at position 0); ends.min is now 30
   */
  removeAt(position: number): number {
    const last = this.count - 1;
    if (!Number.isInteger(position) || position < 0 || position > last) {
      throw new RangeError(
        `InstantHeap.removeAt: position must be an integer in [0, ${this.count}) (got ${position})`,
      );
    }
    const times = this.times;
    const removed = times[position] as number;
    this.count = last;
    if (position === last) {
      if (last === 0) times[0] = Infinity;
      return removed;
    }
    const t = times[last] as number;
    if (position > 0 && (times[(position - 1) >> 2] as number) > t) {
      times[position] = t;
      this.siftUp(position);
      return removed;
    }
    // Sift down from the position, top-down.
    let i = position;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      let best = first;
      const end = Math.min(first + 4, last);
      for (let c = first + 1; c < end; c++) if ((times[c] as number) < (times[best] as number)) best = c;
      if (!((times[best] as number) < t)) break;
      times[i] = times[best] as number;
      i = best;
    }
    times[i] = t;
    return removed;
  }

  // The sifts take positions only, and read the instant to place from the array: a
  // double passed to a call that is not inlined would be allocated.

  /** Move the instant at `i` up until its parent is not later. */
  private siftUp(i: number): void {
    const times = this.times;
    const time = times[i] as number;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent] as number;
      if (pt <= time) break;
      times[i] = pt;
      i = parent;
    }
    times[i] = time;
  }

  /**
   * Fill the hole at the root with the instant at `last` (now outside the heap),
   * bottom-up as `EventCalendar` does; `Infinity` when the heap is empty.
   */
  private siftDown(last: number): void {
    const times = this.times;
    if (last === 0) {
      // Stored, not merged with the instants below: a value that is either a double
      // read from the array or the global `Infinity` would be allocated at each call.
      times[0] = Infinity;
      return;
    }
    const t = times[last] as number;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      let best = first;
      if (first + 4 <= last) {
        // Four children: a tournament of comparisons turned into 0 or 1 (no branch for
        // the processor to mispredict, half the time, at each comparison).
        const a = first + +((times[first + 1] as number) < (times[first] as number));
        const b = first + 2 + +((times[first + 3] as number) < (times[first + 2] as number));
        best = a + +((times[b] as number) < (times[a] as number)) * (b - a);
      } else {
        for (let c = first + 1; c < last; c++) if ((times[c] as number) < (times[best] as number)) best = c;
      }
      times[i] = times[best] as number;
      i = best;
    }
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent] as number;
      if (pt <= t) break;
      times[i] = pt;
      i = parent;
    }
    times[i] = t;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
  }
}
