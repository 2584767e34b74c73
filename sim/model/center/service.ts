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
 * caller kept lazily whose patience ran out before now abandoned at its deadline.
 * A caller answered has its pending event (abandonment or redial) cancelled.
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
      // Kept lazily, it abandoned at its deadline (an abandonment event then would
      // have come before this dispatch); a caller who redials keeps its redial event.
      pool.state[slot] = SlotState.Abandoned;
      c.abandonLazily(slot, now);
      pool.unref(slot);
      continue;
    }
    c.waiting--;
    c.cancelEvent(slot);
    c.answer(slot);
    pool.refs[slot] = 0;
    pool.release(slot);
  }
}
