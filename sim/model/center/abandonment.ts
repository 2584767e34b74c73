import type { CallCenter } from './callCenter.js';
import { SlotState } from './callPool.js';

/**
 * Handler of an abandonment event (a caller whose patience is kept as an event:
 * one who will redial should this attempt fail, or who waits for a limited room,
 * or every caller under the eager scheme): at the deadline, a caller still
 * waiting hangs up, and redials or gives up; one already answered (or dropped)
 * leaves nothing to do.
 */
export function onAbandonment(c: CallCenter, slot: number): void {
  const pool = c.pool;
  if (pool.state[slot] !== SlotState.Waiting) {
    pool.unref(slot);
    return;
  }
  pool.refs[slot]!--; // this event; the queue's reference stays until the slot reaches the head
  pool.state[slot] = SlotState.Abandoned;
  c.waiting--;
  c.recordAbandonment(slot, c.kernel.now - pool.arrival[slot]!);
  if (pool.redialOnFailure[slot] === 1) c.scheduleRedial(pool.nextAttempt(slot));
  else c.resolveMeasured(pool.measured[slot]!);
}
