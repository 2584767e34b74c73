import { requireNonNegativeInteger } from '../core/validate.js';
import { EventCalendar, InstantHeap } from './calendar.js';
import { KeyedEvents } from './keyedEvents.js';

/** The handler of a kind of event kept in the calendar: it gets the event's data word. */
export type EventHandler = (data: number) => void;

/** The handler of a timer, a bag of instants or a deferred action. */
export type Action = () => void;

/**
 * The hook the kernel runs when its clock has moved forward, before the event's
 * handler: `previous` holds the instant the clock left, `now` the new one.
 */
export type AdvanceHook = () => void;

/** Most timers, bags, keyed heaps and deferred actions a kernel takes (a model needs a few of each). */
const MAX_TIMERS = 8;
const MAX_BAGS = 4;
const MAX_KEYED = 4;
const MAX_DEFERRED = 8;
/** Sources of the next event, besides timer numbers 0..MAX_TIMERS-1. */
const FROM_CALENDAR = -1;
const FROM_BAG = MAX_TIMERS;
const FROM_KEYED = MAX_TIMERS + MAX_BAGS;

const ignoreAdvance: AdvanceHook = () => {};

/**
 * The discrete-event kernel: a clock and the loop that runs events in order,
 * calling the handlers a model registers. It knows nothing of what the events
 * mean. A model registers its kinds of event, each with a same-instant
 * priority (integers in [0, 255], lower first; the model writes down its order
 * and why), in one of four forms:
 *
 * - `kind(priority, handler)`: events in the calendar (`EventCalendar`), each
 *   with a data word the handler receives (an index into the model's arrays);
 *   same time and priority run in the order scheduled.
 * - `timer(priority, handler)`: at most one pending instant, set again by the
 *   model (`setTimer`), for a process whose next event is known one at a time
 *   (the next event of a renewal process, the next boundary of a fixed grid).
 *   A timer costs a comparison, not a heap insertion.
 * - `bag(priority, handler)`: an `InstantHeap` of bare instants, for a kind of
 *   event that carries no data and whose events are interchangeable, so that
 *   their order among themselves does not matter. The model pushes into the
 *   heap it gets back, and may remove from it.
 * - `keyed(priority, handler)`: `KeyedEvents`, at most one pending event per
 *   key (an index into the model's arrays), which the model sets, moves or
 *   cancels; the handler gets the key. For events that often turn out not to
 *   be needed: cancelled, they cost no turn of the loop.
 * - `deferred(priority, handler)`: an action requested (`request`) any number
 *   of times during an instant and run once, at that instant, after the
 *   events of lower priority and before those of equal or higher priority
 *   (and before the clock moves on).
 *
 * Same instant, same priority: bags first, then keyed events, then the
 * calendar, then timers in the order registered. A run is fully determined by
 * the model's draws.
 *
 * `run(until)` processes events while the next is before `until` and no
 * handler called `stop()`; `step()` processes one. At each event that moves
 * the clock, the advance hook (`onAdvance`) runs first, with the old instant in
 * `previous`, for time-weighted sums.
 *
 * Why a kernel of this shape (measured by `npm run bench`): handlers are
 * called through the registration tables, never inlined into one loop, so a
 * handler first reached late in a run (months into a simulated year) is
 * compiled on its own and does not make the compiler throw away and rebuild
 * the loop; the most frequent events avoid the heap (timers) or use the lighter
 * one (bags); nothing is allocated per event.
 *
 * @example
 * const kernel = new Kernel();
 * const seen: number[] = [];
 * const tick = kernel.kind(1, (data) => seen.push(data));
 * kernel.schedule(tick, 5, 50);
 * kernel.schedule(tick, 2, 20);
 * kernel.run(Infinity);
 * seen; // => [20, 50]
 * kernel.now; // => 5
 */
export class Kernel {
  /** The clock: the instant of the event being processed, or of the last one, seconds. */
  now = 0.5; // declared a double, so that its field holds doubles in place; starts at 0
  /** The instant the clock left when it last moved forward, seconds (for the advance hook). */
  previous = 0.5;
  /** Events processed since construction (deferred actions are not counted). */
  events = 0;

  private readonly calendar: EventCalendar;
  private readonly kindPriorities = new Uint8Array(256);
  private readonly kindHandlers: EventHandler[] = [];
  private readonly timerTimes = new Float64Array(MAX_TIMERS).fill(Infinity);
  private readonly timerPriorities = new Int32Array(MAX_TIMERS);
  private readonly timerHandlers: Action[] = [];
  private timerCount = 0;
  /** The earliest timer's instant (Infinity when none is set) and number. */
  private timerMin = 0.5;
  private timerNext = 0;
  /** Whether a timer was set or fired since `timerMin` was found (it is found again at the next choice). */
  private timersChanged = false;
  private readonly bags: InstantHeap[] = [];
  private readonly bagPriorities = new Int32Array(MAX_BAGS);
  private readonly bagHandlers: Action[] = [];
  private bagCount = 0;
  private readonly keyedHeaps: KeyedEvents[] = [];
  private readonly keyedPriorities = new Int32Array(MAX_KEYED);
  private readonly keyedHandlers: EventHandler[] = [];
  private keyedCount = 0;
  private readonly deferredPriorities = new Int32Array(MAX_DEFERRED);
  private readonly deferredHandlers: Action[] = [];
  /** Bit d set: deferred action d is requested. */
  private pending = 0;
  private stopped = false;
  private advance: AdvanceHook = ignoreAdvance;

  /**
   * @param initialCapacity calendar entries reserved before the first growth
   * @throws {RangeError} when `initialCapacity` is not a non-negative integer
   */
  constructor(initialCapacity = 256) {
    requireNonNegativeInteger('Kernel', 'initialCapacity', initialCapacity);
    this.calendar = new EventCalendar(initialCapacity);
    this.now = 0;
    this.previous = 0;
    this.timerMin = Infinity;
  }

  /**
   * Register a kind of event kept in the calendar.
   *
   * @param priority same-instant order, an integer in [0, 255], lower first
   * @param handler called with the event's data word
   * @returns the kind's number, for `schedule`
   * @throws {RangeError} when the priority is out of range or 256 kinds are registered
   */
  kind(priority: number, handler: EventHandler): number {
    checkPriority('kind', priority);
    const kind = this.kindHandlers.length;
    if (kind >= 256) throw new RangeError('Kernel.kind: at most 256 kinds (got one more)');
    this.kindPriorities[kind] = priority;
    this.kindHandlers.push(handler);
    return kind;
  }

  /**
   * Register a timer: one pending instant at most (none until `setTimer`).
   *
   * @param priority same-instant order, an integer in [0, 255], lower first
   * @param handler called when the timer comes due (it is then unset)
   * @returns the timer's number, for `setTimer`
   * @throws {RangeError} when the priority is out of range or too many timers are registered
   */
  timer(priority: number, handler: Action): number {
    checkPriority('timer', priority);
    const timer = this.timerCount;
    if (timer >= MAX_TIMERS)
      throw new RangeError(`Kernel.timer: at most ${MAX_TIMERS} timers (got one more)`);
    this.timerPriorities[timer] = priority;
    this.timerHandlers.push(handler);
    this.timerCount = timer + 1;
    return timer;
  }

  /**
   * Register a bag of instants: events without data, interchangeable among
   * themselves. The handler runs once per instant, after it is removed.
   *
   * @param priority same-instant order, an integer in [0, 255], lower first
   * @param handler called for each instant that comes due
   * @param initialCapacity instants reserved before the heap first grows
   * @returns the bag's heap, into which the model pushes instants (never before the clock)
   * @throws {RangeError} when the priority is out of range or too many bags are registered
   */
  bag(priority: number, handler: Action, initialCapacity = 256): InstantHeap {
    checkPriority('bag', priority);
    const bag = this.bagCount;
    if (bag >= MAX_BAGS) throw new RangeError(`Kernel.bag: at most ${MAX_BAGS} bags (got one more)`);
    const heap = new InstantHeap(initialCapacity);
    this.bags.push(heap);
    this.bagPriorities[bag] = priority;
    this.bagHandlers.push(handler);
    this.bagCount = bag + 1;
    return heap;
  }

  /**
   * Register keyed events: at most one pending per key, set, moved or cancelled
   * by the model through the heap returned (never at a time before the clock).
   *
   * @param priority same-instant order, an integer in [0, 255], lower first
   * @param handler called with the key of each event that comes due (it is then no longer pending)
   * @param initialCapacity events and keys reserved before the heap first grows
   * @returns the events' heap
   * @throws {RangeError} when the priority is out of range or too many are registered
   */
  keyed(priority: number, handler: EventHandler, initialCapacity = 256): KeyedEvents {
    checkPriority('keyed', priority);
    const k = this.keyedCount;
    if (k >= MAX_KEYED) throw new RangeError(`Kernel.keyed: at most ${MAX_KEYED} keyed kinds (got one more)`);
    const heap = new KeyedEvents(initialCapacity);
    this.keyedHeaps.push(heap);
    this.keyedPriorities[k] = priority;
    this.keyedHandlers.push(handler);
    this.keyedCount = k + 1;
    return heap;
  }

  /**
   * Register a deferred action (see the class's description).
   *
   * @param priority same-instant order, an integer in [0, 255]: the action runs before events of this priority or higher
   * @param handler the action
   * @returns its number, for `request`
   * @throws {RangeError} when the priority is out of range or too many are registered
   */
  deferred(priority: number, handler: Action): number {
    checkPriority('deferred', priority);
    const d = this.deferredHandlers.length;
    if (d >= MAX_DEFERRED) {
      throw new RangeError(`Kernel.deferred: at most ${MAX_DEFERRED} deferred actions (got one more)`);
    }
    this.deferredPriorities[d] = priority;
    this.deferredHandlers.push(handler);
    return d;
  }

  /**
   * Set the hook called at each event that moves the clock forward, once the
   * clock has moved and before the event's handler (`previous` and `now` then hold
   * the old and the new instant).
   *
   * @param hook the hook
   */
  onAdvance(hook: AdvanceHook): void {
    this.advance = hook;
  }

  /**
   * Add an event of a calendar kind.
   *
   * @param kind a number from `kind()`
   * @param time its instant, seconds, not before the clock
   * @param data the word its handler receives, a 32-bit integer
   * @throws {RangeError} when `time` is NaN or before the clock (a bug in the model)
   */
  schedule(kind: number, time: number, data: number): void {
    if (!(time >= this.now)) this.rejectTime('schedule', time);
    this.calendar.schedule(time, this.kindPriorities[kind] as number, kind, data);
  }

  /**
   * Set a timer's pending instant, replacing any.
   *
   * @param timer a number from `timer()`
   * @param time the instant, seconds, not before the clock; `Infinity` unsets it
   * @throws {RangeError} when `time` is NaN or before the clock (a bug in the model)
   */
  setTimer(timer: number, time: number): void {
    if (!(time >= this.now)) this.rejectTime('setTimer', time);
    this.timerTimes[timer] = time;
    this.timersChanged = true;
  }

  /** The earliest timer (ties: lower priority, then the first registered), found again after a change. */
  private findTimer(): void {
    this.timersChanged = false;
    const times = this.timerTimes;
    const priorities = this.timerPriorities;
    let best = 0;
    let bestTime = Infinity;
    for (let k = 0; k < this.timerCount; k++) {
      const tk = times[k] as number;
      if (tk < bestTime || (tk === bestTime && (priorities[k] as number) < (priorities[best] as number))) {
        best = k;
        bestTime = tk;
      }
    }
    this.timerMin = bestTime;
    this.timerNext = best;
  }

  private rejectTime(method: string, time: number): never {
    throw new RangeError(`Kernel.${method}: time must be >= the clock ${this.now} (got ${time})`);
  }

  /**
   * Ask for a deferred action to run at the current instant (once, however often asked).
   *
   * @param deferred a number from `deferred()`
   */
  request(deferred: number): void {
    this.pending |= 1 << deferred;
  }

  /** End `run` before the next event (after any deferred action due first). */
  stop(): void {
    this.stopped = true;
  }

  /** Whether the last `run` or `step` ended because a handler called `stop()`. */
  get wasStopped(): boolean {
    return this.stopped;
  }

  /**
   * Process events in order while the next one falls before `until` and no
   * handler stops the run. Deferred actions requested for the current instant
   * run first, even when the next event falls after `until`.
   *
   * @param until the instant the run stops at, seconds (events at `until` or later are left pending)
   * @returns the number of events processed
   */
  run(until: number): number {
    return this.loop(until, Infinity);
  }

  /**
   * Process the next event (after any deferred action due before it).
   *
   * @returns whether there was an event to process
   */
  step(): boolean {
    return this.loop(Infinity, 1) === 1;
  }

  /**
   * The dispatch loop. Every event goes through it; it stays small, with no
   * branch per kind of event, so that it is compiled once and for good.
   * Priorities are read only where times tie (rare with continuous times).
   */
  private loop(until: number, limit: number): number {
    const calendar = this.calendar;
    const bags = this.bags;
    const bagPriorities = this.bagPriorities;
    const bagCount = this.bagCount;
    const keyedHeaps = this.keyedHeaps;
    const keyedPriorities = this.keyedPriorities;
    const keyedCount = this.keyedCount;
    let processed = 0;
    this.stopped = false;
    for (;;) {
      // The earliest pending event: calendar, timers, bags.
      let t = calendar.peekTime();
      let source = FROM_CALENDAR;
      if (this.timersChanged) this.findTimer();
      const tt = this.timerMin;
      if (
        tt < t ||
        (tt === t && tt < Infinity && this.priorityOf(this.timerNext) < this.priorityOf(source))
      ) {
        t = tt;
        source = this.timerNext;
      }
      for (let k = 0; k < keyedCount; k++) {
        const tk = (keyedHeaps[k] as KeyedEvents).min;
        if (
          tk < t ||
          (tk === t && tk < Infinity && (keyedPriorities[k] as number) <= this.priorityOf(source))
        ) {
          t = tk;
          source = FROM_KEYED + k;
        }
      }
      for (let b = 0; b < bagCount; b++) {
        const tb = (bags[b] as InstantHeap).min;
        if (
          tb < t ||
          (tb === t && tb < Infinity && (bagPriorities[b] as number) <= this.priorityOf(source))
        ) {
          t = tb;
          source = FROM_BAG + b;
        }
      }
      const now = this.now;
      if (this.pending !== 0) {
        const d = this.firstPending();
        if (t > now || this.priorityOf(source) >= (this.deferredPriorities[d] as number)) {
          this.pending &= ~(1 << d);
          (this.deferredHandlers[d] as Action)();
          continue; // the action may have added earlier events
        }
      }
      if (this.stopped || t >= until || processed >= limit) break;
      this.events++;
      processed++;
      if (t > now) {
        this.previous = now;
        this.now = t;
        this.advance();
      } else if (!(t === now)) {
        throw new Error(`Kernel: internal error, the clock would go back from ${now} to ${t}`);
      }
      if (source === FROM_CALENDAR) {
        calendar.pop();
        (this.kindHandlers[calendar.kind] as EventHandler)(calendar.data);
      } else if (source < FROM_BAG) {
        this.timerTimes[source] = Infinity;
        this.timersChanged = true;
        (this.timerHandlers[source] as Action)();
      } else if (source < FROM_KEYED) {
        (bags[source - FROM_BAG] as InstantHeap).removeMin();
        (this.bagHandlers[source - FROM_BAG] as Action)();
      } else {
        const heap = keyedHeaps[source - FROM_KEYED] as KeyedEvents;
        const key = heap.minKey;
        heap.removeMin();
        (this.keyedHandlers[source - FROM_KEYED] as EventHandler)(key);
      }
      // A deferred action the handler asked for runs now when no event of lower priority
      // remains at this instant (the usual case), which spares choosing the next event twice.
      if (this.pending !== 0) this.runDeferredNow();
    }
    return processed;
  }

  /** Run the requested deferred actions that nothing pending at this instant must precede. */
  private runDeferredNow(): void {
    while (this.pending !== 0) {
      const d = this.firstPending();
      if (this.pendingBefore(this.deferredPriorities[d] as number)) return;
      this.pending &= ~(1 << d);
      (this.deferredHandlers[d] as Action)();
    }
  }

  /** Whether an event is pending at the current instant with a priority below `priority`. */
  private pendingBefore(priority: number): boolean {
    const now = this.now;
    if (this.calendar.peekTime() === now && this.calendar.peekPriority() < priority) return true;
    for (let k = 0; k < this.timerCount; k++) {
      if (this.timerTimes[k] === now && (this.timerPriorities[k] as number) < priority) return true;
    }
    for (let k = 0; k < this.keyedCount; k++) {
      if ((this.keyedHeaps[k] as KeyedEvents).min === now && (this.keyedPriorities[k] as number) < priority) {
        return true;
      }
    }
    for (let b = 0; b < this.bagCount; b++) {
      if ((this.bags[b] as InstantHeap).min === now && (this.bagPriorities[b] as number) < priority)
        return true;
    }
    return false;
  }

  /** The priority of the next event of a source (`Infinity` for an empty calendar). */
  private priorityOf(source: number): number {
    if (source === FROM_CALENDAR) return this.calendar.peekPriority();
    if (source < FROM_BAG) return this.timerPriorities[source] as number;
    if (source < FROM_KEYED) return this.bagPriorities[source - FROM_BAG] as number;
    return this.keyedPriorities[source - FROM_KEYED] as number;
  }

  /** The requested deferred action of lowest priority (ties: the first registered). */
  private firstPending(): number {
    let best = -1;
    for (let d = 0; d < this.deferredHandlers.length; d++) {
      if ((this.pending & (1 << d)) !== 0) {
        if (best < 0 || (this.deferredPriorities[d] as number) < (this.deferredPriorities[best] as number)) {
          best = d;
        }
      }
    }
    return best;
  }
}

function checkPriority(method: string, priority: number): void {
  if (!Number.isInteger(priority) || priority < 0 || priority > 255) {
    throw new RangeError(`Kernel.${method}: priority must be an integer in [0, 255] (got ${priority})`);
  }
}
