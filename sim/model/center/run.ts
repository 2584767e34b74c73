import { Kernel } from '../../engine/kernel.js';
import { EventPriority } from '../priority.js';
import { onAbandonment } from './abandonment.js';
import { onFreshArrival, onRedial } from './arrival.js';
import { CallCenter, INITIAL_CAPACITY, type CallCenterInput } from './callCenter.js';
import { SlotState } from './callPool.js';
import { onFaultChange } from './fault.js';
import { closeInterval, integrate, onAdvance, onIntervalBoundary } from './interval.js';
import { Outcome } from './recorder.js';
import { dispatch, onServiceEnd } from './service.js';

/** What a run leaves besides the count columns. */
export interface RunOutput {
  endSeconds: number;
  stillWaiting: number;
  busy: number;
  pendingRedials: number;
  events: number;
  attempts: number;
  /** Fresh callers after `warmupSeconds` (measured or skipped). */
  postWarmup: number;
  openMeasured: number;
  unresolvedWaiting: number;
  /** Calls in service cut off by faults. */
  callsCutOff: number;
}

/**
 * Run the call center on the kernel: register a handler for each kind of event
 * (service ends in a bag; fresh arrivals, interval boundaries and fault starts
 * and ends as timers; abandonments and redials keyed by slot, cancelled when the
 * caller is answered first; the dispatch
 * of waiting callers as a deferred action; same-instant order `EventPriority`),
 * run to the horizon (or until the measured cohort is resolved), then close the
 * books: the last interval's sums, callers kept lazily whose patience ran out
 * before the end, callers still waiting.
 *
 * @param input what the run is made of (`prepareRun`)
 * @returns the end state and counts of the run; the count columns are filled in place
 * @example
 * const { input } = prepareRun(scenario, { seed: 1 }, 'hybrid');
 * runCallCenter(input).events; // => events processed
 */
export function runCallCenter(input: CallCenterInput): RunOutput {
  const kernel = new Kernel(INITIAL_CAPACITY);
  const c = new CallCenter(input, kernel);
  c.ends = kernel.bag(EventPriority.ServiceEnd, () => onServiceEnd(c), INITIAL_CAPACITY);
  // Fault changes before interval boundaries at the same instant (timers run in the order registered).
  const faults = c.faults;
  if (faults !== null) {
    const change = kernel.timer(EventPriority.StaffingChange, () => onFaultChange(c, change));
    kernel.setTimer(change, faults.nextChange());
  }
  const boundary = kernel.timer(EventPriority.StaffingChange, () => onIntervalBoundary(c, boundary));
  const arrival = kernel.timer(EventPriority.Arrival, () => onFreshArrival(c, arrival));
  c.abandonmentEvents = kernel.keyed(
    EventPriority.Abandonment,
    (slot) => onAbandonment(c, slot),
    INITIAL_CAPACITY,
  );
  c.redialEvents = kernel.keyed(EventPriority.Arrival, (slot) => onRedial(c, slot), INITIAL_CAPACITY);
  c.dispatchAction = kernel.deferred(EventPriority.Dispatch, () => dispatch(c));
  kernel.onAdvance(() => onAdvance(c));
  if (c.n > 1) kernel.setTimer(boundary, c.L);
  c.arrivals.advance();
  kernel.setTimer(arrival, c.arrivals.nextTime);
  kernel.run(c.H);
  return finishRun(c, kernel.wasStopped ? kernel.now : c.H);
}

/** The end of the run at `endSeconds`: close the last interval, count who is still waiting. */
function finishRun(c: CallCenter, endSeconds: number): RunOutput {
  const pool = c.pool;
  const queue = c.queue;
  if (endSeconds > c.kernel.now) integrate(c, c.kernel.now, endSeconds);
  // Callers kept lazily whose patience ran out before the end abandoned then (an
  // abandonment event before the end would have been processed).
  for (let k = queue.head; k < queue.tail; k++) {
    const slot = queue.at(k);
    if (pool.state[slot] !== SlotState.Waiting || !(pool.deadline[slot]! < endSeconds)) continue;
    pool.state[slot] = SlotState.Abandoned;
    c.abandonLazily(slot, endSeconds);
  }
  if (c.ci < c.n) closeInterval(c);
  let stillWaiting = 0;
  let unresolvedWaiting = 0;
  for (let k = queue.head; k < queue.tail; k++) {
    const slot = queue.at(k);
    if (pool.state[slot] !== SlotState.Waiting) continue;
    stillWaiting++;
    c.counts.stillWaiting[pool.row[slot]!]!++;
    unresolvedWaiting += pool.measured[slot]!;
    if (c.recording) c.record(slot, endSeconds - pool.arrival[slot]!, 0, Outcome.Waiting);
  }
  return {
    endSeconds,
    stillWaiting,
    busy: c.busy,
    pendingRedials: c.pendingRedials,
    events: c.kernel.events,
    attempts: c.attempts,
    postWarmup: c.postWarmup,
    openMeasured: c.openMeasured,
    unresolvedWaiting,
    callsCutOff: c.callsCutOff,
  };
}
