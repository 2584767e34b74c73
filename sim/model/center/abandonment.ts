import type { CallCenter } from './callCenter.js';
import { SlotState } from './callPool.js';

/**
 * Handler of an abandonment event, kept for a caller whose patience cannot be
 * left in the queue (a limited waiting room, the eager scheme, a measured caller
 * after the cohort closed; cancelled if the caller is answered first): at the
 * deadline the caller, still waiting, hangs up, and redials at the instant drawn
 * when it started to wait, or gives up.
 */
export function onAbandonment(c: CallCenter, slot: number): void {
  const pool = c.pool;
  pool.state[slot] = SlotState.Abandoned; // the queue's reference stays until the slot reaches the head
  c.waiting--;
  c.recordAbandonment(slot, c.kernel.now - pool.arrival[slot]!);
  if (pool.redialOnFailure[slot] === 1) {
    c.pendingRedials++;
    c.redialEvents.set(slot, pool.redialAt[slot]!); // this event's reference carries over
  } else {
    pool.refs[slot]!--;
    c.resolveMeasured(pool.measured[slot]!);
  }
}
