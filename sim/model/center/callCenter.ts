import type { AleaStream } from '../../core/aleaStream.js';
import type { InstantHeap } from '../../engine/calendar.js';
import type { KeyedEvents } from '../../engine/keyedEvents.js';
import type { Kernel } from '../../engine/kernel.js';
import type { BufferedSampler } from '../distributions.js';
import type { PeriodCounts } from '../types.js';
import { ArrivalProcess } from './arrival.js';
import { CallPool, CallQueue, SlotState } from './callPool.js';
import type { FaultEvents } from './fault.js';
import { Outcome, type OutcomeCode, type Recorder } from './recorder.js';
import type { SurveyDraws } from './survey.js';

/** Per-interval counts, one `Float64Array` a field; row `n` is the discard row of unmeasured attempts. */
export type CountColumns = Record<keyof PeriodCounts, Float64Array>;

/** Initial sizes of the pool, the queue, the calendar and the bag of service ends; all double when full. */
export const INITIAL_CAPACITY = 1 << 14;

/** What a run of the call center is made of, prepared once from the scenario (`prepareRun`). */
export interface CallCenterInput {
  /** Number of intervals; row `n` of every column is the discard row for unmeasured attempts. */
  n: number;
  /** Interval length, seconds. */
  L: number;
  /** Horizon, seconds. */
  H: number;
  /** Calls entering per second in each interval. */
  rate: Float64Array;
  /** Explicit arrival instants, or null for Poisson arrivals. */
  explicitTimes: Float64Array | null;
  /** Agents on the phones in each interval (the roster, thinned by the workforce). */
  agents: Int32Array;
  selfShare: number;
  waitingRoom: number;
  /** Service-level threshold, seconds. */
  threshold: number;
  maxAttempts: number;
  redialProbability: number;
  /** Whether failed attempts may redial at all. */
  redials: boolean;
  /** Unit-rate exponential draws of the `arrivals` stream, mapped through the integrated rate. */
  unitArrivals: BufferedSampler;
  uSelf: AleaStream;
  handle: BufferedSampler;
  patience: BufferedSampler | null;
  uRedial: AleaStream;
  redialDelay: BufferedSampler | null;
  warmupSeconds: number;
  warmupArrivals: number;
  cohortLimit: number;
  /** Whether abandonment may be resolved lazily where that is exact (see `simulateWithScheme`). */
  lazyAbandonment: boolean;
  recorder: Recorder | null;
  columns: CountColumns;
  /**
   * Handle-time multiplier of each interval (the day's learning curve x the time-of-day
   * factor; 1 without either), applied when a call is answered; `n + 1` entries.
   */
  handleMultiplier: Float64Array;
  survey: SurveyDraws | null;
  faults: FaultEvents | null;
}

/**
 * The state of one run of the call center, and the bookkeeping every event
 * kind shares: answering an attempt, failing it, counting an abandonment,
 * scheduling a redial, resolving a measured caller, keeping call records. The
 * handlers of each kind of event (one file each: `arrival.ts`, `service.ts`,
 * `abandonment.ts`, `interval.ts`, `fault.ts`) read and change it; the kernel
 * (`Kernel`) calls them in order (`runCallCenter`).
 *
 * Slots of the call pool are read through `pool` after anything that may take a
 * slot (a redial), since taking one may grow the pool's arrays.
 *
 * @example
 * const center = new CallCenter(prepareRun(scenario, options, 'hybrid').input, new Kernel());
 */
export class CallCenter {
  readonly pool = new CallPool(INITIAL_CAPACITY);
  readonly queue = new CallQueue(INITIAL_CAPACITY);
  readonly counts: CountColumns;
  /** Fresh calls entering. */
  readonly arrivals: ArrivalProcess;
  readonly n: number = 0;
  readonly L: number = 0;
  readonly H: number = 0;
  readonly agents: Int32Array;
  readonly selfShare: number = 0;
  readonly waitingRoom: number = 0;
  readonly threshold: number = 0;
  readonly maxAttempts: number = 0;
  readonly redialProbability: number = 0;
  readonly redials: boolean = false;
  readonly uSelf: AleaStream;
  readonly handle: BufferedSampler;
  readonly patience: BufferedSampler | null;
  readonly uRedial: AleaStream;
  readonly redialDelay: BufferedSampler | null;
  readonly warmupSeconds: number = 0;
  readonly warmupArrivals: number = 0;
  /** Position (among fresh callers after the warm-up instant) after the last measured caller. */
  readonly cohortEnd: number = 0;
  /**
   * Abandonment kept lazily (a deadline in the queue, no abandonment event):
   * exact only with an unlimited waiting room (a caller kept past its deadline
   * would take a place). Such callers stay in `waiting` past their deadline until
   * an agent frees, their redial comes due or the run ends; the caller-seconds
   * they add meanwhile are taken back then (`uncountWaiting`). A caller who will
   * redial should the attempt fail gets one event instead, its redial at the
   * deadline plus the redial delay, cancelled if it is answered in time.
   */
  readonly lazyRoom: boolean = false;
  readonly recorder: Recorder | null;
  readonly handleMultiplier: Float64Array;
  readonly survey: SurveyDraws | null;
  readonly faults: FaultEvents | null;

  /** Current interval. */
  ci = 0;
  /** Agents on the phones now. */
  staffed = 0;
  /** Agents busy (may exceed `staffed` briefly, while those logging off finish). */
  busy = 0;
  /** Callers waiting (abandoned callers still in the queue excluded). */
  waiting = 0;
  /** Redials scheduled and not yet made. */
  pendingRedials = 0;
  /** Measured callers not yet answered nor given up. */
  openMeasured = 0;
  /** Whether the measured cohort is complete (its last caller has arrived); measurement has ended. */
  cohortClosed = false;
  /** Fresh callers arrived at or after `warmupSeconds`. */
  postWarmup = 0;
  /** Agent-bound fresh callers so far (their numbers). */
  callers = 0;
  /** Attempts offered to the queue (fresh and redials). */
  attempts = 0;
  /** Whether call records are still being kept (false without a recorder, or once its cap is reached). */
  recording = false;
  /** Answered attempts to skip before the next one the survey selects (see `SurveyDraws`). */
  surveyGap = 0.5;
  /** Whether the platform is down (arrivals are lost). */
  down = false;
  /** 1 minus the largest share of seats lost among the faults under way. */
  keep = 1.5;
  /** Calls in service cut off by faults. */
  callsCutOff = 0;
  /** Start of the measured time, seconds (Infinity until the first measured caller). */
  measureStart = 0.5;
  /** End of the measured time, seconds (when the cohort closes; Infinity until then). */
  measureEnd = 0.5;
  /** Time-weighted sums of the current interval: measured seconds. */
  measuredSum = 0.5;
  /** Agent-seconds on the phones. */
  agentSum = 0.5;
  /** Busy agent-seconds. */
  busySum = 0.5;
  /** Caller-seconds of waiting. */
  waitingSum = 0.5;
  /** Agent-seconds of overtime: agents finishing a call past their shift's end (busy above staffed). */
  overtimeSum = 0.5;

  /** The kernel's events and deferred action (set by `runCallCenter`): service ends, abandonments and redials by slot. */
  ends!: InstantHeap;
  abandonmentEvents!: KeyedEvents;
  redialEvents!: KeyedEvents;
  dispatchAction = 0;

  constructor(
    input: CallCenterInput,
    readonly kernel: Kernel,
  ) {
    this.counts = input.columns;
    this.arrivals = new ArrivalProcess(input.rate, input.L, input.n, input.explicitTimes, input.unitArrivals);
    this.n = input.n;
    this.L = input.L;
    this.H = input.H;
    this.agents = input.agents;
    this.selfShare = input.selfShare;
    this.waitingRoom = input.waitingRoom;
    this.threshold = input.threshold;
    this.maxAttempts = input.maxAttempts;
    this.redialProbability = input.redialProbability;
    this.redials = input.redials;
    this.uSelf = input.uSelf;
    this.handle = input.handle;
    this.patience = input.patience;
    this.uRedial = input.uRedial;
    this.redialDelay = input.redialDelay;
    this.warmupSeconds = input.warmupSeconds;
    this.warmupArrivals = input.warmupArrivals;
    this.cohortEnd = input.warmupArrivals + input.cohortLimit;
    this.lazyRoom = input.lazyAbandonment && input.waitingRoom === Infinity;
    this.recorder = input.recorder;
    this.handleMultiplier = input.handleMultiplier;
    this.survey = input.survey;
    this.faults = input.faults;
    this.staffed = input.agents[0] ?? 0;
    this.recording = input.recorder !== null;
    this.surveyGap = input.survey !== null ? input.survey.firstGap() : 0;
    this.measureStart = input.warmupArrivals === 0 ? input.warmupSeconds : Infinity;
    // Fields that hold doubles are declared with a non-integer double, so that they
    // store doubles in place from the start (a field first holding an integer, or
    // nothing, would later box every double written to it); then their real start.
    this.measureEnd = Infinity;
    this.keep = 1;
    this.measuredSum = 0;
    this.agentSum = 0;
    this.busySum = 0;
    this.waitingSum = 0;
    this.overtimeSum = 0;
  }

  /**
   * Keep a call record of the attempt in `slot`; call it only while `recording`
   * (tested by the caller, so that no double is passed when nothing is recorded).
   */
  record(slot: number, wait: number, handle: number, outcome: OutcomeCode): void {
    const pool = this.pool;
    this.recording = this.recorder!.add(
      pool.caller[slot]!,
      pool.attempt[slot]!,
      pool.arrival[slot]!,
      wait,
      handle,
      outcome,
      pool.measured[slot]!,
    );
  }

  /** A measured caller (`measured` 1) is resolved; the run ends once the cohort is closed and none is left. */
  resolveMeasured(measured: number): void {
    this.openMeasured -= measured;
    if (this.openMeasured === 0 && this.cohortClosed) this.kernel.stop();
  }

  /**
   * An agent answers the attempt in `slot` now, after it waited since its
   * arrival: the agent is busy for its handle time (at the day's multiplier:
   * learners are slower), and the answer is counted, surveyed and recorded.
   */
  answer(slot: number): void {
    const pool = this.pool;
    const counts = this.counts;
    const now = this.kernel.now;
    const wait = now - pool.arrival[slot]!;
    const h = pool.handle[slot]! * this.handleMultiplier[this.ci]!;
    this.busy++;
    this.ends.push(now + h);
    const row = pool.row[slot]!;
    counts.answered[row]!++;
    counts.waitAnsweredSeconds[row]! += wait;
    if (wait <= this.threshold) counts.answeredWithin[row]!++;
    counts.freshCallersAnswered[pool.firstRow[slot]!]!++;
    this.resolveMeasured(pool.measured[slot]!);
    if (this.survey !== null && this.surveyGap-- === 0) {
      this.surveyGap = this.survey.select(row, wait, pool.attempt[slot]!, now);
    }
    if (this.recording) this.record(slot, wait, h, Outcome.Answered);
  }

  /**
   * The attempt in `slot` meets a busy tone (the waiting room is full) or is
   * lost (the platform is down): counted and recorded; the caller redials, the
   * same slot carrying the next attempt, or gives up.
   */
  fail(slot: number): void {
    const pool = this.pool;
    const row = pool.row[slot]!;
    if (this.down) this.counts.lostToFault[row]!++;
    else this.counts.blocked[row]!++;
    if (this.recording) this.record(slot, 0, 0, this.down ? Outcome.Lost : Outcome.Blocked);
    if (pool.redialOnFailure[slot] === 1) {
      pool.attempt[slot]!++;
      pool.state[slot] = SlotState.RedialPending;
      pool.refs[slot] = 1;
      this.scheduleRedial(slot);
    } else {
      this.resolveMeasured(pool.measured[slot]!);
      pool.release(slot);
    }
  }

  /** The caller's next attempt (in `slot`, pending) is made after a redial delay from now. */
  scheduleRedial(slot: number): void {
    this.pendingRedials++;
    this.redialEvents.set(slot, this.kernel.now + this.redialDelay!.next());
  }

  /** Cancel the event pending for the attempt in `slot` (its abandonment or its redial), if any. */
  cancelEvent(slot: number): void {
    if (this.abandonmentEvents.has(slot)) this.abandonmentEvents.cancel(slot);
    else if (this.redialEvents.has(slot)) this.redialEvents.cancel(slot);
    else return;
    this.pool.refs[slot]!--;
  }

  /** Count the abandonment of the attempt in `slot` after `wait` seconds, and record it. */
  recordAbandonment(slot: number, wait: number): void {
    const pool = this.pool;
    const counts = this.counts;
    const row = pool.row[slot]!;
    counts.abandoned[row]!++;
    counts.waitAbandonedSeconds[row]! += wait;
    if (wait <= this.threshold) counts.abandonedWithin[row]!++;
    if (this.recording) this.record(slot, wait, 0, Outcome.Abandoned);
  }

  /**
   * A caller kept lazily in the queue (see `lazyRoom`) is found at `at` to have
   * run out of patience at its deadline: it leaves the waiting count, the
   * caller-seconds counted since its deadline are taken back, and its
   * abandonment is counted at the deadline. A caller who redials has its redial
   * pending (its event); any other is resolved. The slot's state is the
   * caller's to set.
   */
  abandonLazily(slot: number, at: number): void {
    const pool = this.pool;
    const deadline = pool.deadline[slot]!;
    this.waiting--;
    this.uncountWaiting(deadline, at);
    this.recordAbandonment(slot, deadline - pool.arrival[slot]!);
    if (pool.redialOnFailure[slot] === 1) this.pendingRedials++;
    else this.resolveMeasured(pool.measured[slot]!);
  }

  /**
   * Take back the caller-seconds of waiting counted for a caller kept lazily in
   * the queue after its patience ran out, from `from` (its deadline) to `to`
   * (when it was found out), within the measured time: from the current
   * interval's running sum and the closed intervals' column.
   */
  uncountWaiting(from: number, to: number): void {
    const L = this.L;
    const ci = this.ci;
    const waitingSeconds = this.counts.waitingCallerSeconds;
    let a = Math.max(from, this.measureStart);
    const b = Math.min(to, this.measureEnd);
    for (let k = Math.min(Math.floor(a / L), ci); a < b; k++) {
      const end = k >= ci ? b : Math.min(b, (k + 1) * L);
      if (end > a) {
        if (k >= ci) this.waitingSum -= end - a;
        else waitingSeconds[k]! -= end - a;
        a = end;
      }
    }
  }

  /** Agents on the phones in the current interval, less the seats lost to faults under way. */
  staffedNow(): number {
    return Math.floor((this.agents[this.ci] ?? 0) * this.keep + 1e-9);
  }

  /** Ask for free agents to take waiting callers at this instant, when some are free and some wait. */
  dispatchIfNeeded(): void {
    if (this.busy < this.staffed && this.waiting > 0) this.kernel.request(this.dispatchAction);
  }
}
