import type { CallOutcome, CallRecord } from '../types.js';

/** Outcome codes of call records, as stored (`OUTCOMES[code]` is the outcome's name). */
export const Outcome = {
  Answered: 0,
  Abandoned: 1,
  Blocked: 2,
  Waiting: 3,
  Dropped: 4,
  Lost: 5,
} as const;

/** One of the `Outcome` codes. */
export type OutcomeCode = (typeof Outcome)[keyof typeof Outcome];

/** The outcomes' names, by code. */
const OUTCOMES: readonly CallOutcome[] = ['answered', 'abandoned', 'blocked', 'waiting', 'dropped', 'lost'];

/**
 * Call records in typed arrays, up to a cap: one row per attempt, added when its
 * outcome is known, turned into `CallRecord` objects at the end.
 *
 * @example
 * const recorder = new Recorder(10);
 * recorder.add(0, 1, 5, 0, 180, Outcome.Answered, 1);
 * recorder.toRecords()[0].outcome; // => 'answered'
 */
export class Recorder {
  /** Records kept. */
  count = 0;
  /** Whether a record was dropped at the cap. */
  overflow = false;
  private capacity: number;
  private caller: Int32Array;
  private attempt: Int32Array;
  private arrival: Float64Array;
  private wait: Float64Array;
  private handle: Float64Array;
  private outcome: Uint8Array;
  private measured: Uint8Array;

  /** @param cap most records kept, a positive integer */
  constructor(readonly cap: number) {
    this.capacity = Math.min(cap, 1024);
    this.caller = new Int32Array(this.capacity);
    this.attempt = new Int32Array(this.capacity);
    this.arrival = new Float64Array(this.capacity);
    this.wait = new Float64Array(this.capacity);
    this.handle = new Float64Array(this.capacity);
    this.outcome = new Uint8Array(this.capacity);
    this.measured = new Uint8Array(this.capacity);
  }

  /**
   * Add a record (times in seconds; `measured` 0 or 1).
   *
   * @returns false once the cap is reached (the record is then dropped)
   */
  add(
    caller: number,
    attempt: number,
    arrival: number,
    wait: number,
    handle: number,
    outcome: OutcomeCode,
    measured: number,
  ): boolean {
    if (this.count >= this.cap) {
      this.overflow = true;
      return false;
    }
    if (this.count === this.capacity) this.grow();
    const k = this.count++;
    this.caller[k] = caller;
    this.attempt[k] = attempt;
    this.arrival[k] = arrival;
    this.wait[k] = wait;
    this.handle[k] = handle;
    this.outcome[k] = outcome;
    this.measured[k] = measured;
    return true;
  }

  /** The records as objects, in order of arrival (ties: caller, then attempt). */
  toRecords(): CallRecord[] {
    const records: CallRecord[] = new Array<CallRecord>(this.count);
    for (let k = 0; k < this.count; k++) {
      records[k] = {
        caller: this.caller[k]!,
        attempt: this.attempt[k]!,
        arrivalSeconds: this.arrival[k]!,
        waitSeconds: this.wait[k]!,
        outcome: OUTCOMES[this.outcome[k]!]!,
        handleSeconds: this.handle[k]!,
        measured: this.measured[k] === 1,
      };
    }
    records.sort(
      (a, b) => a.arrivalSeconds - b.arrivalSeconds || a.caller - b.caller || a.attempt - b.attempt,
    );
    return records;
  }

  private grow(): void {
    this.capacity = Math.min(this.cap, this.capacity * 2);
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.caller = grow(this.caller, new Int32Array(this.capacity));
    this.attempt = grow(this.attempt, new Int32Array(this.capacity));
    this.arrival = grow(this.arrival, new Float64Array(this.capacity));
    this.wait = grow(this.wait, new Float64Array(this.capacity));
    this.handle = grow(this.handle, new Float64Array(this.capacity));
    this.outcome = grow(this.outcome, new Uint8Array(this.capacity));
    this.measured = grow(this.measured, new Uint8Array(this.capacity));
  }
}
