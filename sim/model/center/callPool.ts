/** States of a slot of the call pool. */
export const SlotState = {
  /** On the free list. */
  Free: 0,
  /** The attempt waits in the queue. */
  Waiting: 1,
  /** The attempt was answered (its slot lives on while the queue or an event still refers to it). */
  Answered: 2,
  /** The attempt was abandoned or dropped (likewise). */
  Abandoned: 3,
  /** The caller's next attempt, waiting for its redial event. */
  RedialPending: 4,
} as const;

/**
 * The pool of attempts in the system, as parallel typed arrays (struct of
 * arrays) with a free list: a slot holds one attempt from its arrival (or the
 * scheduling of a redial) until nothing refers to it any more. `refs` counts the
 * references: the FIFO queue (abandoned callers are removed from it lazily, when
 * they reach its head) and a pending event keyed by the slot (its abandonment,
 * or its caller's redial; cancelled when the caller is answered).
 *
 * Read the columns through the pool (`pool.arrival[slot]`) after any call that
 * may take a slot: taking one may grow the pool, which replaces the arrays.
 *
 * @example
 * const pool = new CallPool(4);
 * const slot = pool.take();
 * pool.arrival[slot] = 12.5;
 * pool.release(slot);
 */
export class CallPool {
  /** Instant the attempt reached the queue, seconds. */
  arrival: Float64Array;
  /** Handle time the attempt will take if answered, seconds (drawn at its arrival). */
  handle: Float64Array;
  /** Instant the attempt's patience runs out, seconds (Infinity without patience). */
  deadline: Float64Array;
  /** Instant the caller redials should the attempt run out of patience, seconds (drawn when it starts to wait). */
  redialAt: Float64Array;
  /** The caller's number (fresh callers in order of arrival). */
  caller: Int32Array;
  /** The attempt's number, 1 for the first. */
  attempt: Int32Array;
  /** Row of the attempt's counts: its arrival interval, or the discard row when not measured. */
  row: Int32Array;
  /** Row of the caller's first attempt (or the discard row). */
  firstRow: Int32Array;
  /** 1 if the caller is measured, else 0. */
  measured: Uint8Array;
  /** 1 if the caller redials should this attempt fail (drawn at its arrival), else 0. */
  redialOnFailure: Uint8Array;
  /** A `SlotState`. */
  state: Uint8Array;
  /** References to the slot (queue, pending events). */
  refs: Uint8Array;
  private free: Int32Array;
  private freeCount: number;

  /** @param capacity slots before the first growth, a positive integer */
  constructor(capacity: number) {
    this.arrival = new Float64Array(capacity);
    this.handle = new Float64Array(capacity);
    this.deadline = new Float64Array(capacity);
    this.redialAt = new Float64Array(capacity);
    this.caller = new Int32Array(capacity);
    this.attempt = new Int32Array(capacity);
    this.row = new Int32Array(capacity);
    this.firstRow = new Int32Array(capacity);
    this.measured = new Uint8Array(capacity);
    this.redialOnFailure = new Uint8Array(capacity);
    this.state = new Uint8Array(capacity);
    this.refs = new Uint8Array(capacity);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeCount = capacity;
  }

  /** A free slot (the pool doubles when none is left; its fields hold stale values). */
  take(): number {
    if (this.freeCount === 0) this.grow();
    return this.free[--this.freeCount] as number;
  }

  /** Put a slot back on the free list. */
  release(slot: number): void {
    this.state[slot] = SlotState.Free;
    this.free[this.freeCount++] = slot;
  }

  /** Drop one reference to a slot, and release it when none is left. */
  unref(slot: number): void {
    if (--this.refs[slot]! === 0) this.release(slot);
  }

  /**
   * A slot for the caller's next attempt after the one in `slot`: the same
   * caller, the next attempt number, the same first row and measurement, pending
   * its redial event (one reference).
   */
  nextAttempt(slot: number): number {
    const next = this.take();
    this.caller[next] = this.caller[slot] as number;
    this.attempt[next] = (this.attempt[slot] as number) + 1;
    this.firstRow[next] = this.firstRow[slot] as number;
    this.measured[next] = this.measured[slot] as number;
    this.state[next] = SlotState.RedialPending;
    this.refs[next] = 1;
    return next;
  }

  /** Double the capacity; the new slots go on the free list. */
  private grow(): void {
    const old = this.arrival.length;
    const capacity = old * 2;
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    const u8 = (a: Uint8Array): Uint8Array => {
      const b = new Uint8Array(capacity);
      b.set(a);
      return b;
    };
    this.arrival = f64(this.arrival);
    this.handle = f64(this.handle);
    this.deadline = f64(this.deadline);
    this.redialAt = f64(this.redialAt);
    this.caller = i32(this.caller);
    this.attempt = i32(this.attempt);
    this.row = i32(this.row);
    this.firstRow = i32(this.firstRow);
    this.measured = u8(this.measured);
    this.redialOnFailure = u8(this.redialOnFailure);
    this.state = u8(this.state);
    this.refs = u8(this.refs);
    const free = new Int32Array(capacity);
    free.set(this.free.subarray(0, this.freeCount));
    for (let i = capacity - 1; i >= old; i--) free[this.freeCount++] = i;
    this.free = free;
  }
}

/**
 * The FIFO queue of waiting attempts: a ring buffer of pool slots whose
 * capacity is a power of 2 and doubles when full. Positions count up from 0
 * (`head` is the oldest entry, `tail` one past the newest) and are masked on
 * access. Abandoned attempts stay in it until they reach the head.
 *
 * @example
 * const queue = new CallQueue(4);
 * queue.push(7);
 * queue.at(queue.head); // => 7
 */
export class CallQueue {
  /** Position of the oldest entry. */
  head = 0;
  /** Position after the newest entry. */
  tail = 0;
  private ring: Int32Array;
  private mask: number;

  /** @param capacity entries before the first growth, a power of 2 */
  constructor(capacity: number) {
    this.ring = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Add a slot at the tail. */
  push(slot: number): void {
    if (this.tail - this.head === this.ring.length) this.grow();
    this.ring[this.tail & this.mask] = slot;
    this.tail++;
  }

  /** The slot at a position in `[head, tail)`. */
  at(position: number): number {
    return this.ring[position & this.mask] as number;
  }

  /** Remove the slot at the head and return it. */
  dequeue(): number {
    return this.ring[this.head++ & this.mask] as number;
  }

  private grow(): void {
    const grown = new Int32Array(this.ring.length * 2);
    for (let k = this.head, j = 0; k < this.tail; k++, j++) grown[j] = this.ring[k & this.mask] as number;
    this.tail -= this.head;
    this.head = 0;
    this.ring = grown;
    this.mask = grown.length - 1;
  }
}
