import type { BufferedSampler } from '../distributions.js';
import type { CallCenter } from './callCenter.js';
import { SlotState } from './callPool.js';

/**
 * Fresh calls entering: an exact non-homogeneous Poisson process with a rate
 * constant in each interval (one unit-rate exponential draw per call, mapped
 * through the integrated rate, so that a gap crossing an interval boundary
 * carries over exactly: no thinning, no approximation), or given instants.
 *
 * @example
 * const unit = new BufferedSampler(exponential(1), new AleaStream(1, 0, 'arrivals'));
 * const arrivals = new ArrivalProcess(Float64Array.of(1 / 60), 3_600, 1, null, unit);
 * arrivals.advance();
 * arrivals.nextTime; // => the first call's instant, seconds (mean 60)
 */
export class ArrivalProcess {
  /** The next call's instant, seconds (`Infinity` when there is none), set by `advance`. */
  nextTime = 0.5;
  /** The process's own clock: its last instant, seconds. */
  private clock = 0.5;
  private interval = 0;
  private explicitNext = 0;

  /**
   * @param rate calls per second in each interval
   * @param L interval length, seconds
   * @param n number of intervals
   * @param explicitTimes the instants of the calls, when given (then `rate` is not used)
   * @param unit unit-rate exponential draws (the `arrivals` stream)
   */
  constructor(
    private readonly rate: Float64Array,
    private readonly L: number,
    private readonly n: number,
    private readonly explicitTimes: Float64Array | null,
    private readonly unit: BufferedSampler,
  ) {
    this.clock = 0;
    this.nextTime = 0;
  }

  /** Move to the next call: its instant in `nextTime`. */
  advance(): void {
    const explicitTimes = this.explicitTimes;
    if (explicitTimes !== null) {
      this.nextTime =
        this.explicitNext < explicitTimes.length ? explicitTimes[this.explicitNext++]! : Infinity;
      return;
    }
    const rate = this.rate;
    const L = this.L;
    const n = this.n;
    let e = this.unit.next();
    let t = this.clock;
    let i = this.interval;
    let next = Infinity;
    while (i < n) {
      const r = rate[i]!;
      const end = (i + 1) * L;
      if (r > 0) {
        const dt = e / r;
        if (t + dt < end) {
          next = t + dt;
          break;
        }
        e -= r * (end - t);
        if (e < 0) e = 0;
      }
      i++;
      t = end;
    }
    this.interval = i;
    this.clock = next;
    this.nextTime = next;
  }
}

/** Handler of the arrival timer: a fresh call enters; the timer is set to the next one. */
export function onFreshArrival(c: CallCenter, timer: number): void {
  const kernel = c.kernel;
  const now = kernel.now;
  c.arrivals.advance();
  kernel.setTimer(timer, c.arrivals.nextTime);
  if (c.selfShare > 0 && c.uSelf.next() < c.selfShare) {
    c.counts.selfServed[!c.cohortClosed && now >= c.measureStart ? c.ci : c.n]!++;
    return;
  }
  // Is this caller measured? (Its position among the callers after the warm-up instant.)
  const position = now >= c.warmupSeconds ? c.postWarmup++ : -1;
  const m = position >= c.warmupArrivals && position < c.cohortEnd ? 1 : 0;
  if (c.measureStart === Infinity && position === c.warmupArrivals) c.measureStart = now;
  if (position === c.cohortEnd) closeCohort(c, now);
  const pool = c.pool;
  const slot = pool.take();
  const firstRow = m === 1 ? c.ci : c.n;
  pool.caller[slot] = c.callers++;
  pool.attempt[slot] = 1;
  pool.firstRow[slot] = firstRow;
  pool.measured[slot] = m;
  pool.refs[slot] = 0;
  c.counts.freshCallers[firstRow]!++;
  c.openMeasured += m;
  offerAttempt(c, slot);
}

/**
 * Handler of a redial event, keyed by slot: a caller who met a busy tone or was
 * dropped redials (the slot is its next attempt, pending), or a caller whose
 * patience ran out redials at its deadline plus the redial delay (the slot is the
 * attempt that waited; if it was not found out before, it abandoned at its
 * deadline, counted now).
 */
export function onRedial(c: CallCenter, key: number): void {
  const pool = c.pool;
  let slot = key;
  if (pool.state[key] !== SlotState.RedialPending) {
    if (pool.state[key] === SlotState.Waiting) {
      pool.state[key] = SlotState.Abandoned;
      c.abandonLazily(key, c.kernel.now);
    }
    slot = pool.nextAttempt(key);
    pool.unref(key); // this event's reference to the attempt that waited
  }
  c.pendingRedials--;
  pool.refs[slot]!--;
  offerAttempt(c, slot);
}

/**
 * An attempt (fresh or a redial) reaches the agent queue at `now`: answered at
 * once by a free agent, turned away (waiting room full, platform down), or
 * waiting with a patience deadline.
 *
 * Draws are attached to the attempt at its arrival, in arrival order, so that two
 * scenarios run with the same seed give each caller the same handle time,
 * patience and decision to redial should the attempt fail (common random
 * numbers), whatever the queue does.
 */
function offerAttempt(c: CallCenter, slot: number): void {
  const now = c.kernel.now;
  c.attempts++;
  const pool = c.pool;
  const row = pool.measured[slot] === 1 ? c.ci : c.n;
  pool.arrival[slot] = now;
  const h = c.handle.next();
  const patienceSeconds = c.patience !== null ? c.patience.next() : Infinity;
  pool.redialOnFailure[slot] =
    c.redials && pool.attempt[slot]! < c.maxAttempts && c.uRedial.next() < c.redialProbability ? 1 : 0;
  pool.handle[slot] = h;
  pool.row[slot] = row;
  c.counts.offered[row]!++;
  if (c.busy < c.staffed && c.waiting === 0) {
    c.answer(slot);
    pool.release(slot);
  } else if (c.down || c.waiting >= c.waitingRoom || c.agents[c.ci] === 0) {
    // Busy tone (the waiting room is full, or no agent is on duty in this interval: the
    // line is closed and the call is lost, not queued), or lost while the platform is down.
    c.fail(slot);
  } else {
    c.waiting++;
    c.counts.waited[row]!++;
    pool.state[slot] = SlotState.Waiting;
    c.queue.push(slot);
    const deadline = now + patienceSeconds;
    pool.deadline[slot] = deadline;
    pool.refs[slot] = 1; // the queue
    if (patienceSeconds < Infinity) {
      // Kept lazily in the queue where exact (see `lazyRoom`); measured callers after
      // the cohort closes are resolved eagerly (see `closeCohort`). A caller who will
      // redial gets its redial instant now, and one event: its abandonment (eager) or
      // its redial (lazy).
      const redials = pool.redialOnFailure[slot] === 1;
      const eager = !c.lazyRoom || (!redials && c.cohortClosed && pool.measured[slot] === 1);
      if (redials) {
        const redialAt = deadline + c.redialDelay!.next();
        pool.refs[slot] = 2;
        if (eager) {
          pool.redialAt[slot] = redialAt;
          c.abandonmentEvents.set(slot, deadline);
        } else {
          c.redialEvents.set(slot, redialAt);
        }
      } else if (eager) {
        pool.refs[slot] = 2;
        c.abandonmentEvents.set(slot, deadline);
      }
    }
  }
}

/**
 * The last measured caller has arrived: measurement ends now, and the run ends
 * when every measured caller is resolved. Measured callers kept lazily get their
 * abandonment event now (or, if their patience already ran out, abandon now),
 * so that the end comes at the same instant as under the eager scheme.
 */
function closeCohort(c: CallCenter, now: number): void {
  c.cohortClosed = true;
  c.measureEnd = now;
  const pool = c.pool;
  const queue = c.queue;
  for (let k = queue.head; k < queue.tail; k++) {
    const s = queue.at(k);
    if (pool.state[s] !== SlotState.Waiting || pool.measured[s] !== 1 || pool.refs[s] !== 1) continue;
    const deadline = pool.deadline[s]!;
    if (deadline === Infinity) continue;
    if (deadline > now) {
      pool.refs[s] = 2;
      c.abandonmentEvents.set(s, deadline);
      continue;
    }
    pool.state[s] = SlotState.Abandoned; // leaves the queue when it reaches the head
    c.abandonLazily(s, now);
  }
  if (c.openMeasured === 0) c.kernel.stop();
}
