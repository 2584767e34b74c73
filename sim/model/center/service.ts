import type { CallCenter } from './callCenter.js';
import { SlotState } from './callPool.js';

/** Handler of the bag of service ends: a call ends and its agent is free (or logs off). */
export function onServiceEnd(c: CallCenter): void {
  c.busy--;
  c.dispatchIfNeeded();
}

/**
 * The deferred dispatch: once this instant's service ends, staffing changes and
 * abandonments are done, free agents take waiting callers in FIFO order. A caller
 * already gone (abandoned, dropped) leaves the queue as it reaches the head; a
 * caller kept lazily whose patience ran out before now (an abandonment event
 * then would have come before the dispatch) abandoned at its deadline.
 */
export function dispatch(c: CallCenter): void {
  const pool = c.pool;
  const queue = c.queue;
  const now = c.kernel.now;
  while (c.busy < c.staffed && c.waiting > 0) {
    const slot = queue.dequeue();
    if (pool.state[slot] !== SlotState.Waiting) {
      pool.unref(slot);
      continue;
    }
    if (pool.deadline[slot]! <= now) {
      c.abandonLazily(slot, now);
      pool.refs[slot] = 0;
      pool.release(slot);
      continue;
    }
    pool.refs[slot]!--;
    c.waiting--;
    pool.state[slot] = SlotState.Answered;
    c.answer(slot);
    if (pool.refs[slot] === 0) pool.release(slot);
  }
}
