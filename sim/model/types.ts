/**
 * The call-center model's inputs and outputs, in memory. `simulate(scenario,
 * options)` reads a `Scenario` and returns a `SimulationResult`; the next issue
 * makes the scenario a validated file format. Every field carries its unit and
 * its default. Time is in seconds from the start of the horizon (00:00 of
 * `startDate`, local calendar time with no daylight saving).
 *
 * Entry point (in `simulate.ts`):
 * `simulate(scenario: Scenario, options: SimulateOptions): SimulationResult`.
 */

/**
 * A probability distribution of a duration, in seconds, as plain data (so that
 * a scenario can be sent to a worker thread or written to JSON). Build one with
 * the constructors in `distributions.ts` (`exponential(180)`,
 * `lognormal(180, 1)`, ...), which check their arguments; `distributionMean` and
 * `distributionVariance` give its mean and variance.
 */
export type Distribution =
  /** Exponential with the given mean (memoryless; the Erlang assumption). */
  | { readonly kind: 'exponential'; readonly meanSeconds: number }
  /** Lognormal with the given mean and coefficient of variation (standard deviation / mean). */
  | { readonly kind: 'lognormal'; readonly meanSeconds: number; readonly cv: number }
  /** Gamma with the given mean and coefficient of variation (shape 1/cv^2). */
  | { readonly kind: 'gamma'; readonly meanSeconds: number; readonly cv: number }
  /** Erlang: the sum of `phases` exponential phases, total mean `meanSeconds` (cv = 1/sqrt(phases)). */
  | { readonly kind: 'erlang'; readonly meanSeconds: number; readonly phases: number }
  /** Always exactly `meanSeconds`. */
  | { readonly kind: 'deterministic'; readonly meanSeconds: number }
  /** Resamples the given values, each with equal probability (mean and variance of the sample, 1/n). */
  | { readonly kind: 'empirical'; readonly samplesSeconds: readonly number[] };

/**
 * Expected arrivals, as calls entering the hotline (before self-service).
 * Whatever the form, the rate is constant within each interval, and arrivals
 * are an exact non-homogeneous Poisson process with that piecewise-constant
 * rate (unit-rate exponential draws mapped through the integrated rate).
 */
export type ArrivalSpec =
  | {
      /**
       * Calls per interval = dailyVolume x monthFactor x weekdayFactor x intraday share of the interval.
       */
      readonly kind: 'profile';
      /** Calls entering per day (before self-service), annual mean, >= 0. */
      readonly dailyVolume: number;
      /**
       * 12 month factors, January first, each >= 0, applied as given (normalise them first
       * if they should average 1).
       *
       * __Default value:__ all 1
       */
      readonly monthFactors?: readonly number[];
      /**
       * 7 day-of-week factors, Monday first, each >= 0.
       *
       * __Default value:__ all 1
       */
      readonly weekdayFactors?: readonly number[];
      /**
       * Share of a day's calls in each equal slot of the day, slot 0 starting at 00:00; the
       * number of slots must divide 1,440 minutes (24 hourly, 48 half-hour, 96 quarter-hour
       * shares, ...). Shares are normalised to sum to 1. When a slot and an interval differ in
       * length, the rate is taken as constant within a slot and integrated over the interval.
       *
       * __Default value:__ a flat day (equal shares)
       */
      readonly intradayShares?: readonly number[];
    }
  | {
      /** Expected calls in each interval, given explicitly. */
      readonly kind: 'table';
      /** Expected calls entering in each interval, >= 0, one per interval of the horizon. */
      readonly callsPerInterval: readonly number[];
    }
  | {
      /**
       * Calls at given instants (deterministic; for exact tests and replaying a call log).
       * Day busyness does not apply.
       */
      readonly kind: 'at';
      /** Arrival instants in seconds from the start of the horizon, non-decreasing, within the horizon. */
      readonly seconds: readonly number[];
    };

/** Callers who try again after a failed (abandoned or blocked) attempt. */
export interface RedialOptions {
  /**
   * Probability that a caller whose attempt fails (abandoned or blocked) tries again, in [0, 1].
   * As in `retrialEquilibrium`.
   */
  readonly redialProbability: number;
  /** Most attempts a caller makes in all, the first included, a positive integer (1 = no redial). */
  readonly maxAttempts: number;
  /** Time from the failure (abandonment or busy tone) to the next attempt, seconds. */
  readonly delay: Distribution;
}

/**
 * Agents on the phones. The count may change only at interval boundaries.
 *
 * Policy when the count drops while agents are busy: the agents who must log off
 * finish their call first, and leave when it ends; they take no new call. Until
 * then they are counted as busy (so busy agents can briefly exceed the count, and
 * an interval's occupancy can exceed 1). When the count rises, the new agents take
 * waiting callers at once, in FIFO order.
 */
export type AgentSpec =
  | { readonly kind: 'constant'; /** Agents, a non-negative integer. */ readonly count: number }
  | {
      readonly kind: 'perInterval';
      /** Agents in each interval of the horizon, non-negative integers (a staffing table). */
      readonly counts: readonly number[];
    };

/**
 * Which callers the statistics count. A caller is measured when its first
 * attempt arrives at or after the start of measurement (and, with
 * `arrivals`, is among the first `arrivals` such callers); all its attempts
 * (redials included) are then counted, in the interval each one arrives in.
 * Time-weighted quantities (agent-seconds, busy agent-seconds, callers waiting)
 * are counted from the start of measurement to its end.
 */
export interface MeasurementOptions {
  /**
   * Ignore callers whose first attempt arrives before this instant, seconds.
   *
   * __Default value:__ `0`
   */
  readonly warmupSeconds?: number;
  /**
   * Ignore the first `warmupArrivals` agent-bound fresh callers; measurement
   * starts at the arrival of the next one. Applies after `warmupSeconds`.
   *
   * __Default value:__ `0`
   */
  readonly warmupArrivals?: number;
  /**
   * Measure only this many fresh callers after the warm-up, then stop measuring
   * time-weighted quantities (at the arrival of the next fresh caller); the run
   * goes on, with arrivals continuing so that the load stays as specified,
   * until every attempt of the measured callers is resolved (answered,
   * abandoned, blocked, or redials exhausted), and then stops. Used by
   * `simulateQueue`. The horizon still bounds the run.
   *
   * __Default value:__ `Infinity` (every caller after the warm-up; the run ends at the horizon)
   */
  readonly arrivals?: number;
}

/**
 * A call-center scenario: the calendar, the load, the callers' behaviour, the
 * agents and the target.
 *
 * Room is left for later mechanisms (workforce churn and hiring, platform
 * faults, satisfaction surveys, costs): they will be optional fields of this
 * type, each off by default, so that a scenario without them keeps its results.
 */
export interface Scenario {
  /** First day of the horizon, ISO `YYYY-MM-DD`. Fixes weekdays and months. */
  readonly startDate: string;
  /** Length of the horizon in days, a positive integer (1 to 366 for a planning year). */
  readonly days: number;
  /**
   * Length of a statistics and staffing interval, minutes: 15, 30 or 60 for
   * planning; any positive integer that divides the horizon (`days x 1440`) is
   * accepted, so that a whole horizon can be one stationary interval.
   */
  readonly intervalMinutes: number;
  /** Expected arrivals (calls entering, before self-service). */
  readonly arrivals: ArrivalSpec;
  /**
   * Coefficient of variation of a day-to-day "busyness" multiplier: each day's
   * arrival rates are multiplied by an independent gamma draw with mean 1 and this
   * CV (real daily volumes vary several times more than Poisson). Not applied to
   * `arrivals.kind === 'at'`.
   *
   * __Default value:__ `0` (no day-to-day variation beyond Poisson)
   */
  readonly dayBusynessCv?: number;
  /**
   * Share of entering calls that finish in the voice menu (self-service) and never
   * ask for an agent, in [0, 1]. Each call draws independently. Redials always ask
   * for an agent.
   *
   * __Default value:__ `0`
   */
  readonly selfServiceShare?: number;
  /** Handle time (talk + wrap-up) of an answered call, seconds. */
  readonly handle: Distribution;
  /**
   * Patience of a waiting caller, seconds: a caller not answered within it abandons.
   *
   * __Default value:__ none (nobody abandons)
   */
  readonly patience?: Distribution;
  /**
   * Places for callers waiting (trunk lines minus agents), a non-negative integer
   * or `Infinity`; a caller who finds them all taken is blocked (busy tone).
   *
   * __Default value:__ `Infinity` (unlimited)
   */
  readonly waitingRoom?: number;
  /**
   * Redials after failed attempts.
   *
   * __Default value:__ none (every caller makes one attempt)
   */
  readonly redial?: RedialOptions;
  /** Agents on the phones per interval. */
  readonly agents: AgentSpec;
  /** The service-level threshold t, seconds: "answered within t". >= 0. */
  readonly answerWithinSeconds: number;
  /**
   * Which callers and which time the statistics count (warm-up, measured cohort).
   *
   * __Default value:__ every caller, the whole horizon
   */
  readonly measurement?: MeasurementOptions;
  /** Service discipline. Only first-in, first-out exists. __Default value:__ `'fifo'` */
  readonly discipline?: 'fifo';
}

/** Options of one run. */
export interface SimulateOptions {
  /** The run's seed, a non-negative integer. */
  readonly seed: number;
  /**
   * Replication number, a non-negative integer; with the seed it keys every random stream.
   *
   * __Default value:__ `0`
   */
  readonly replication?: number;
  /**
   * Keep a record of each attempt. `true` keeps up to 100,000 records; a number keeps up
   * to that many. Attempts are recorded when they are resolved (answered, abandoned or
   * blocked), and those still waiting at the end last; once the cap is reached, recording
   * stops and `warnings` says so. Records use about 100 bytes each.
   *
   * __Default value:__ `false` (no records; memory does not grow with the number of calls)
   */
  readonly recordCalls?: boolean | number;
}

/**
 * Counts and sums over a period, for measured callers only. An attempt is
 * counted in the period it arrives in; a caller in the period of its first
 * attempt; time-weighted sums in the period the time falls in.
 */
export interface PeriodCounts {
  /** Attempts that reached the agent queue (after self-service); redials count again. */
  offered: number;
  /** First attempts: callers whose first attempt arrived in the period. */
  freshCallers: number;
  /** Of `freshCallers`, those answered at some attempt (per-caller answer rate = this / freshCallers). */
  freshCallersAnswered: number;
  /** Entering calls that finished in self-service (not offered). */
  selfServed: number;
  /** Attempts answered by an agent. */
  answered: number;
  /** Attempts that hung up while waiting. */
  abandoned: number;
  /** Attempts that found the waiting room full (busy tone). */
  blocked: number;
  /** Attempts that were admitted and found no free agent (they waited, even if 0 s). */
  waited: number;
  /** Attempts answered within `answerWithinSeconds` (wait <= t). */
  answeredWithin: number;
  /** Attempts that abandoned within `answerWithinSeconds` (wait <= t). */
  abandonedWithin: number;
  /** Sum of the waits of answered attempts, seconds. */
  waitAnsweredSeconds: number;
  /** Sum of the waits of abandoned attempts (until they hung up), seconds. */
  waitAbandonedSeconds: number;
  /** Attempts still waiting when the run ended (offered = answered + abandoned + blocked + stillWaiting). */
  stillWaiting: number;
  /** Measured time in the period, seconds. */
  measuredSeconds: number;
  /** Agents on the phones x time, agent-seconds (measured time only). */
  agentSeconds: number;
  /** Agents in service x time, agent-seconds (measured time only; includes agents finishing after log-off). */
  busyAgentSeconds: number;
  /** Callers waiting x time, caller-seconds (measured time only). */
  waitingCallerSeconds: number;
}

/** One row per interval of the horizon. */
export interface IntervalRow extends PeriodCounts {
  /** 0-based interval number. */
  index: number;
  /** Start of the interval, seconds from the start of the horizon. */
  startSeconds: number;
  /** Start of the interval as local date-time `YYYY-MM-DDTHH:MM`. */
  start: string;
  /** Agents on the phones in the interval (the staffing table's value). */
  agents: number;
}

/** A roll-up of interval rows over a day, a month, a quarter or the horizon. */
export interface PeriodRow extends PeriodCounts {
  /** `YYYY-MM-DD` for a day, `YYYY-MM` for a month, `YYYY-Qn` for a quarter, `horizon` for the whole run. */
  period: string;
  /** Start of the period's first interval, seconds from the start of the horizon. */
  startSeconds: number;
  /** End of the period's last interval, seconds from the start of the horizon. */
  endSeconds: number;
}

/**
 * KPIs of a period, computed from its counts. Definitions as in `QueueMetrics`
 * (shares of offered attempts unless said). A ratio whose denominator is 0 is
 * `null` (never NaN).
 */
export interface Kpis {
  /** Answered / offered attempts (the SEED per-attempt answer rate). */
  answerRate: number | null;
  /** Fresh callers answered at some attempt / fresh callers. */
  callerAnswerRate: number | null;
  /** (Answered + self-served) / (offered + self-served): the IVR-inclusive answer rate. */
  answerRateIncludingSelfService: number | null;
  /** Abandoned / offered. */
  abandonRate: number | null;
  /** Blocked / offered. */
  blockRate: number | null;
  /** Waited / offered. */
  probWait: number | null;
  /** Answered within t / offered. */
  serviceLevel: number | null;
  /** Answered within t / answered. */
  serviceLevelOfAnswered: number | null;
  /** Answered within t / (offered - blocked - abandoned within t). */
  serviceLevelExcludingShortAbandons: number | null;
  /** Mean wait of answered attempts, seconds (ASA). */
  asaSeconds: number | null;
  /** Mean wait of answered and abandoned attempts, seconds (blocked and still waiting excluded). */
  meanWaitSeconds: number | null;
  /** Busy agent-seconds / agent-seconds. */
  occupancy: number | null;
  /** Time-average number of callers waiting. */
  meanQueueLength: number | null;
}

/** What an attempt became. `waiting`: still waiting when the run ended. */
export type CallOutcome = 'answered' | 'abandoned' | 'blocked' | 'waiting';

/** One attempt, kept only when `recordCalls` asks for it. */
export interface CallRecord {
  /** 0-based number of the fresh caller (in order of first attempts). */
  caller: number;
  /** 1 for the first attempt, 2 for the first redial, ... */
  attempt: number;
  /** Arrival instant, seconds from the start of the horizon. */
  arrivalSeconds: number;
  /** Wait until answered, abandoned or the end of the run, seconds (0 when blocked). */
  waitSeconds: number;
  outcome: CallOutcome;
  /** Handle time of an answered attempt, seconds (0 otherwise). */
  handleSeconds: number;
  /** Whether the attempt is counted in the statistics (its caller is measured). */
  measured: boolean;
}

/** The system when the run ended. */
export interface EndState {
  /** Instant the run ended, seconds (the horizon, or earlier when a measured cohort is complete). */
  endSeconds: number;
  /** Attempts waiting (all callers, measured or not). */
  stillWaiting: number;
  /** Agents in service. */
  busyAgents: number;
  /** Redials scheduled after the end (never offered). */
  pendingRedials: number;
}

/** Result of `simulate`. Everything but `timing` is determined by the scenario, the seed and the replication. */
export interface SimulationResult {
  /** Seed and replication of the run. */
  seed: number;
  replication: number;
  /** One row per interval. */
  intervals: IntervalRow[];
  /** Roll-ups; an interval belongs to the day, month and quarter in which it starts. */
  days: PeriodRow[];
  months: PeriodRow[];
  quarters: PeriodRow[];
  horizon: PeriodRow;
  /** KPIs of the whole horizon. */
  kpis: Kpis;
  /** Modelling concerns found in the run (never printed). */
  warnings: string[];
  endState: EndState;
  /** Attempt records, when asked for. */
  records?: CallRecord[];
  /** Work done; `runSeconds` is wall-clock and differs between identical runs. */
  timing: { runSeconds: number; events: number; attempts: number };
}
