import type { AleaStream } from '../../core/aleaStream.js';
import type { FaultEpisode } from '../faults.js';
import type { CallCenter } from './callCenter.js';
import { SlotState } from './callPool.js';
import { Outcome } from './recorder.js';

/**
 * A run's platform faults (`Scenario.faults`): the episodes drawn by
 * `drawFaults`, as parallel arrays by start, with which are under way, and
 * their starts and ends as one list of changes in time order, which a timer
 * walks (one pending change at a time, rather than every change in the
 * calendar for the whole run).
 *
 * @example
 * const faults = new FaultEvents(drawFaults(DEFAULT_FAULT_LEVELS, 86_400 * 366, 1, 0), new AleaStream(1, 0, 'faultCutOff'));
 * faults.nextChange(); // => the first fault's start, seconds
 */
export class FaultEvents {
  /** Start of each episode, seconds. */
  readonly start: Float64Array;
  /** Its repair (end), seconds. */
  readonly end: Float64Array;
  /** Share of seats it takes, in [0, 1]. */
  readonly lost: Float64Array;
  /** 1 while the episode is under way. */
  readonly active: Uint8Array;
  /** The changes in time order (ties: episode by episode, a start before its end), as 2 x episode + (1 for an end). */
  private readonly changes: Int32Array;
  /** Position of the next change in `changes`. */
  private position = 0;

  /**
   * @param episodes the episodes, by start
   * @param uCut the `faultCutOff` stream: which calls in service a partial loss cuts off
   */
  constructor(
    episodes: readonly FaultEpisode[],
    readonly uCut: AleaStream,
  ) {
    this.start = Float64Array.from(episodes, (e) => e.startSeconds);
    this.end = Float64Array.from(episodes, (e) => e.repairedSeconds);
    this.lost = Float64Array.from(episodes, (e) => e.capacityLost);
    this.active = new Uint8Array(episodes.length);
    const at = (change: number): number => ((change & 1) === 0 ? this.start : this.end)[change >> 1]!;
    this.changes = Int32Array.from({ length: 2 * episodes.length }, (_, k) => k).sort(
      (a, b) => at(a) - at(b) || a - b,
    );
  }

  /** The instant of the next change, seconds (`Infinity` when none is left). */
  nextChange(): number {
    if (this.position >= this.changes.length) return Infinity;
    const change = this.changes[this.position]!;
    return ((change & 1) === 0 ? this.start : this.end)[change >> 1]!;
  }

  /** Take the next change: its episode, and whether it starts (the change is applied by `onFault`). */
  takeChange(): { episode: number; starts: boolean } {
    const change = this.changes[this.position++]!;
    return { episode: change >> 1, starts: (change & 1) === 0 };
  }

  /** The largest share of seats lost among the episodes under way (0 when none is). */
  largestLoss(): number {
    let lost = 0;
    for (let k = 0; k < this.active.length; k++) {
      if (this.active[k] === 1 && this.lost[k]! > lost) lost = this.lost[k]!;
    }
    return lost;
  }
}

/** Handler of the fault timer: the next start or end of a fault takes effect; the timer moves to the one after. */
export function onFaultChange(c: CallCenter, timer: number): void {
  const faults = c.faults!;
  const { episode, starts } = faults.takeChange();
  onFault(c, episode, starts);
  c.kernel.setTimer(timer, faults.nextChange());
}

/**
 * Handler of a fault's start or end (`starts`) for episode `episode`: the
 * largest loss under way sets the agents on the phones; when the platform goes
 * down, calls in service are cut off and callers waiting dropped; when seats are
 * lost, calls in service beyond the reduced count are cut off at random.
 */
function onFault(c: CallCenter, episode: number, starts: boolean): void {
  const faults = c.faults!;
  faults.active[episode] = starts ? 1 : 0;
  const lost = faults.largestLoss();
  const down = lost >= 1;
  c.keep = 1 - lost;
  const staffed = c.staffedNow();
  if (down && !c.down) {
    platformDown(c);
  } else if (starts) {
    // Seats lost: calls in service beyond the reduced count are cut off, chosen
    // uniformly at random among those in service.
    const ends = c.ends;
    while (c.busy > staffed && ends.size > 0) {
      ends.removeAt(Math.floor(faults.uCut.next() * ends.size));
      c.busy--;
      c.callsCutOff++;
    }
  }
  c.staffed = staffed;
  c.down = down;
  c.dispatchIfNeeded();
}

/**
 * The platform goes down: every call in service is cut off and every caller
 * waiting is dropped (and may redial); a caller kept lazily whose patience ran
 * out before now had abandoned at its deadline. The queue is emptied.
 */
function platformDown(c: CallCenter): void {
  const now = c.kernel.now;
  const pool = c.pool;
  const queue = c.queue;
  c.callsCutOff += c.busy;
  c.ends.clear();
  c.busy = 0;
  for (let k = queue.head; k < queue.tail; k++) {
    const s = queue.at(k);
    pool.refs[s]!--; // the queue's reference
    if (pool.state[s] === SlotState.Waiting) {
      pool.state[s] = SlotState.Abandoned;
      if (pool.deadline[s]! < now) {
        c.abandonLazily(s, now); // a caller who redials keeps its redial event
      } else {
        c.waiting--;
        c.cancelEvent(s);
        c.counts.droppedByFault[pool.row[s]!]!++;
        if (c.recording) c.record(s, now - pool.arrival[s]!, 0, Outcome.Dropped);
        if (pool.redialOnFailure[s] === 1) c.scheduleRedial(pool.nextAttempt(s));
        else c.resolveMeasured(pool.measured[s]!);
      }
    }
    if (pool.refs[s] === 0) pool.release(s);
  }
  queue.head = queue.tail;
}
