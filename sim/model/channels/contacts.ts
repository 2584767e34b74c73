/** Channel codes of a contact (the index of its queues and count columns). */
export const Channel = {
  Voice: 0,
  Chat: 1,
  Message: 2,
  Callback: 3,
} as const;

/** Number of channel codes. */
export const CHANNELS = 4;

/** States of a slot of the contact pool. */
export const ContactState = {
  /** On the free list. */
  Free: 0,
  /** Waiting in its channel's queue for an agent. */
  Waiting: 1,
  /** Being served (a call, a callback, a chat, a message being worked). */
  InService: 2,
  /** Done or gone (answered, abandoned, handled): the slot lives on while a queue still holds it. */
  Gone: 3,
  /** A caller's next attempt, waiting for its redial event. */
  RedialPending: 4,
  /** An online contact talking to the assistant. */
  WithAssistant: 5,
  /** A callback request waiting for its chosen time or its next try. */
  CallbackLater: 6,
} as const;

/**
 * The pool of contacts in the system (calls, chats, messages, callback
 * requests) as parallel typed arrays with a free list: a slot holds one contact
 * from its arrival until it is done and no queue holds it any more. Queues drop
 * gone contacts lazily, when they reach the head (`queued` counts the queues
 * holding a slot: 0 or 1).
 *
 * Read the columns through the pool after anything that may take a slot: taking
 * one may grow the pool, which replaces the arrays.
 *
 * @example
 * const pool = new ContactPool(16);
 * const slot = pool.take();
 * pool.arrival[slot] = 12.5;
 * pool.release(slot);
 */
export class ContactPool {
  channel: Uint8Array;
  skill: Uint8Array;
  state: Uint8Array;
  /** Whether a queue holds the slot (0 or 1). */
  queued: Uint8Array;
  /** Whether the contact is counted (it arrived after the warm-up): 0 or 1. */
  measured: Uint8Array;
  /** The instant its wait counts from, seconds (a transferred chat: its arrival at the assistant). */
  arrival: Float64Array;
  /** Its work, seconds: the handle time drawn at arrival (left to do, for a message interrupted). */
  work: Float64Array;
  /** Its patience deadline (calls and chats) or its answer deadline (messages), seconds. */
  deadline: Float64Array;
  /**
   * Voice: the instant the caller redials should this attempt run out of patience,
   * seconds (drawn when it starts to wait, as in the voice model).
   */
  redialAt: Float64Array;
  /** The count row of its channel (its interval, or the discard row when not measured). */
  row: Int32Array;
  /** Voice: the row of the caller's first attempt; callback: the row of the voice attempt. */
  firstRow: Int32Array;
  /** Voice: the caller's number; otherwise unused. */
  caller: Int32Array;
  /** Voice: the attempt number; callback: calls placed so far. */
  attempt: Uint8Array;
  /** Voice: 1 when the caller redials should this attempt fail; callback: 1 when the next call is answered. */
  flag: Uint8Array;
  private free: Int32Array;
  private freeCount = 0;

  /** @param capacity slots reserved before the first growth */
  constructor(capacity: number) {
    this.channel = new Uint8Array(capacity);
    this.skill = new Uint8Array(capacity);
    this.state = new Uint8Array(capacity);
    this.queued = new Uint8Array(capacity);
    this.measured = new Uint8Array(capacity);
    this.arrival = new Float64Array(capacity);
    this.work = new Float64Array(capacity);
    this.deadline = new Float64Array(capacity);
    this.redialAt = new Float64Array(capacity);
    this.row = new Int32Array(capacity);
    this.firstRow = new Int32Array(capacity);
    this.caller = new Int32Array(capacity);
    this.attempt = new Uint8Array(capacity);
    this.flag = new Uint8Array(capacity);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeCount = capacity;
  }

  /** A free slot (its fields hold the last contact's values: set them all). */
  take(): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.free[--this.freeCount] as number;
    this.queued[slot] = 0;
    return slot;
  }

  /** Give a slot back once its contact is done and no queue holds it. */
  release(slot: number): void {
    this.state[slot] = ContactState.Free;
    this.free[this.freeCount++] = slot;
  }

  /** The contact is done: its slot is released now, or when its queue drops it. */
  finish(slot: number): void {
    if (this.queued[slot] === 1) this.state[slot] = ContactState.Gone;
    else this.release(slot);
  }

  private grow(): void {
    const old = this.channel.length;
    const size = old * 2;
    const widen = <T extends Uint8Array | Int32Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.channel = widen(this.channel, Uint8Array);
    this.skill = widen(this.skill, Uint8Array);
    this.state = widen(this.state, Uint8Array);
    this.queued = widen(this.queued, Uint8Array);
    this.measured = widen(this.measured, Uint8Array);
    this.arrival = widen(this.arrival, Float64Array);
    this.work = widen(this.work, Float64Array);
    this.deadline = widen(this.deadline, Float64Array);
    this.redialAt = widen(this.redialAt, Float64Array);
    this.row = widen(this.row, Int32Array);
    this.firstRow = widen(this.firstRow, Int32Array);
    this.caller = widen(this.caller, Int32Array);
    this.attempt = widen(this.attempt, Uint8Array);
    this.flag = widen(this.flag, Uint8Array);
    const free = new Int32Array(size);
    free.set(this.free.subarray(0, this.freeCount));
    for (let i = old; i < size; i++) free[this.freeCount++] = size - 1 - (i - old);
    this.free = free;
  }
}

/**
 * A first-in first-out queue of contact slots on a ring that doubles when full,
 * with a slot put back at the head when its work is interrupted (a message).
 * Contacts that leave while queued (abandon) stay in the ring until they reach
 * the head, where `head()` drops them; `live` counts those still waiting.
 *
 * @example
 * const pool = new ContactPool(8);
 * const q = new ContactQueue(8);
 * const slot = pool.take();
 * q.push(slot, pool);
 * pool.state[slot] = ContactState.Waiting;
 * q.head(pool) === slot; // => true (the head, while it waits)
 * pool.state[slot] = ContactState.Gone;
 * q.head(pool); // => -1 (a contact gone from the head is dropped)
 */
export class ContactQueue {
  private ring: Int32Array;
  private mask: number;
  private first = 0;
  private end = 0;
  /** Contacts in the queue still waiting. */
  live = 0;

  /** @param capacity a power of two */
  constructor(capacity: number) {
    this.ring = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Add at the tail. */
  push(slot: number, pool: ContactPool): void {
    if (this.end - this.first === this.ring.length) this.grow();
    this.ring[this.end & this.mask] = slot;
    this.end++;
    pool.queued[slot] = 1;
    this.live++;
  }

  /** Put back at the head (an interrupted message keeps its place). */
  pushFront(slot: number, pool: ContactPool): void {
    if (this.end - this.first === this.ring.length) this.grow();
    this.first--;
    this.ring[this.first & this.mask] = slot;
    pool.queued[slot] = 1;
    this.live++;
  }

  /** The first contact still waiting (gone ones at the head are dropped and released), or -1. */
  head(pool: ContactPool): number {
    while (this.first < this.end) {
      const slot = this.ring[this.first & this.mask] as number;
      if (pool.state[slot] === ContactState.Waiting) return slot;
      this.first++;
      pool.queued[slot] = 0;
      if (pool.state[slot] === ContactState.Gone) pool.release(slot);
    }
    return -1;
  }

  /** Remove the head, which `head()` just returned. */
  pop(pool: ContactPool): void {
    const slot = this.ring[this.first & this.mask] as number;
    this.first++;
    pool.queued[slot] = 0;
    this.live--;
  }

  /** Every slot in the ring, head first (waiting or not), for the end of a run. */
  forEach(visit: (slot: number) => void): void {
    for (let k = this.first; k < this.end; k++) visit(this.ring[k & this.mask] as number);
  }

  private grow(): void {
    const size = this.ring.length * 2;
    const ring = new Int32Array(size);
    for (let k = this.first; k < this.end; k++) ring[k - this.first] = this.ring[k & this.mask] as number;
    this.end -= this.first;
    this.first = 0;
    this.ring = ring;
    this.mask = size - 1;
  }
}
