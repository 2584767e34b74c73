/** What happened to a call that asked for an agent. */
export type ObservedOutcome = 'answered' | 'abandoned' | 'blocked';

/**
 * One call that asked for an agent (after the voice menu), as a real call center's
 * switch recorded it: the input of calibration. The CSV format is "call records" in
 * data/README.md. (The simulator's own per-attempt `CallRecord` in sim/model is a
 * different thing: attempts of simulated callers, timed from the horizon start.)
 */
export interface ObservedCall {
  /** The call's identifier in the source, when it has one. */
  readonly callId?: string;
  /**
   * When the call joined the queue for an agent (left the voice menu), in seconds
   * since 1970-01-01 00:00 on the center's local clock, with no time zone or
   * daylight-saving shift (see `LocalSeconds` in sim/io/table.ts).
   */
  readonly arrivalSeconds: number;
  /**
   * Seconds in the queue: until an agent answered, or until the caller hung up.
   * 0 for a call answered at once and for a blocked call.
   */
  readonly waitSeconds: number;
  readonly outcome: ObservedOutcome;
  /** Talk plus wrap-up, in seconds; only for answered calls. */
  readonly handleSeconds?: number;
  /** The agent who answered; only for answered calls, and absent when the source lost it. */
  readonly agentId?: string;
  /** Priority class (an integer; in the Anonymous Bank data 2 = high, 0 and 1 = regular). */
  readonly priority?: number;
  /** Kind of call (the bank's `type`: PS, NW, ...), free text. */
  readonly callClass?: string;
  /** The record's row in its file (the header is row 1), for messages about it. */
  readonly row?: number;
}

/** Weekday names, Sunday first (the index is `Date.getUTCDay`). */
export type WeekdayName = 'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday';

/**
 * What a center's call records say, in a form a scenario can be built from; the
 * JSON file format is "calibrated parameters" in data/README.md.
 */
export interface CalibratedParameters {
  /** Where the records came from, free text. */
  source: string;
  /** Interval length, in minutes. */
  intervalMinutes: 15 | 30 | 60;
  /** Per weekday present in the records: one value per interval of the day. */
  weekdays: {
    weekday: WeekdayName;
    /** Days of this weekday the means are taken over. */
    days: number;
    /** Mean arrivals per hour (calls that asked for an agent). */
    arrivalsPerHour: number[];
    /** Mean agents present (see `agentsPresentPerInterval`). */
    agentsPresent: number[];
  }[];
  /** Handle time: the better of the exponential and lognormal fits by AIC. */
  handleTime: { distribution: 'exponential' | 'lognormal'; meanSeconds: number; cv: number };
  /** Patience: exponential with mean 1/θ̂, and the Kaplan-Meier median beside it. */
  patience: { distribution: 'exponential'; meanSeconds: number; kaplanMeierMedianSeconds: number | null };
}
