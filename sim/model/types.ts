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

import type { ChannelsSpec } from './channels/types.js';
import type { FaultLevelSpec } from './faults.js';
import type { SatisfactionModel } from './satisfaction.js';
import type { WorkforceSpec } from './workforce.js';

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
  | { readonly kind: 'empirical'; readonly samplesSeconds: readonly number[] }
  /**
   * A mixture: one component drawn with probability proportional to its weight, then
   * a duration from it (a population of caller classes, or short and ordinary services).
   */
  | { readonly kind: 'mixture'; readonly components: readonly MixtureComponent[] }
  /** The sum of independent durations, one draw of each term (talk plus after-call work). */
  | { readonly kind: 'sum'; readonly terms: readonly Distribution[] }
  /**
   * A duration given by its hazard rate, constant between breakpoints (the piecewise
   * exponential model): `hazardPerSecond[i]` applies from `breakpointsSeconds[i]` to the
   * next breakpoint, the last one for ever after. `breakpointsSeconds` starts at 0 and
   * increases; the last hazard is > 0, so that every draw is finite.
   */
  | {
      readonly kind: 'piecewiseHazard';
      readonly breakpointsSeconds: readonly number[];
      readonly hazardPerSecond: readonly number[];
    };

/** One component of a `mixture` distribution. */
export interface MixtureComponent {
  /** Relative weight, >= 0 (the weights need not sum to 1; at least one is > 0). */
  readonly weight: number;
  readonly distribution: Distribution;
}

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
 * Staff churn over the horizon (`Scenario.workforce`). `simulateWorkforce`
 * runs the workforce day by day on its own `churn` stream; the scenario's
 * `agents` table is the roster when the workforce is at plan, and each day it
 * is scaled by live agents / planned live agents:
 * `agents on the phones = round(planned x live_d / plannedLive)`, rounded to
 * the nearest integer, halves up (`Math.round`), so a workforce at plan gives
 * the table exactly and a shortfall thins every interval of the day in
 * proportion. A surplus (more live agents than planned) raises the roster in
 * the same proportion.
 *
 * The day's learning curve applies as the mean over its live agents: an
 * answered call's handle time is multiplied by the day's
 * `handleTimeMultiplier`, and the QA pass rate and satisfaction penalty of its
 * survey are the day's means. We use the day's mean rather than the identity of
 * the agent who answers: a pooled FIFO queue does not say which free agent
 * takes a call anyway, and keeping agent identities would cost a lookup per call
 * in the hot loop.
 */
export interface ScenarioWorkforce {
  /** The workforce: initial staff, turnover, hiring policy, learning curve. */
  readonly spec: WorkforceSpec;
  /**
   * Live agents the `agents` table was planned for (a positive number).
   *
   * __Default value:__ `spec.targetHeadcount ?? spec.initialStaff`
   */
  readonly plannedLiveAgents?: number;
  /**
   * Days of the staff's year before `startDate`, a non-negative integer: the
   * workforce is simulated from that many days earlier, so that a period cut
   * from a longer scenario (`periodOf`) starts with the staff, trainees and
   * learners that scenario has by then rather than with a fresh, fully trained
   * payroll. Those days cost CPU for the workforce only, never calls.
   *
   * __Default value:__ `0`
   */
  readonly daysBefore?: number;
}

/**
 * Platform faults (`Scenario.faults`): episodes drawn by `drawFaults` on the
 * `outages` stream. While episodes last, agents on the phones =
 * `floor(agents x (1 - lost) + 1e-9)` with `lost` the largest `capacityLost`
 * among them (overlapping faults do not add up; the 1e-9 keeps an exact
 * product such as 20 x 0.95 from rounding down to 18). Fault starts and ends
 * are events of priority `EventPriority.StaffingChange`.
 *
 * - Platform down (`capacityLost = 1`): at the start every caller waiting is
 *   dropped (counted `droppedByFault` in the interval the attempt arrived in)
 *   and every call in service is cut off (its agent freed; it stays counted as
 *   answered, and `callsCutOff` counts it); until the repair every arriving
 *   attempt is lost (`lostToFault`).
 * - Partial loss: calls in service beyond the reduced count are cut off, chosen
 *   uniformly at random among those in service (`faultCutOff` stream); the
 *   queue stays (it lives on the platform, not on the seats) and waits for the
 *   remaining agents.
 *
 * Dropped and lost attempts are failed attempts: the caller redials under the
 * scenario's redial rule (decided at the attempt's arrival, as for abandoned
 * ones). A call cut off in service does not redial (service ends carry no
 * caller, for speed). Calls that finish in the voice menu are not affected.
 */
export interface ScenarioFaults {
  /** Fault levels (rates, response and repair times, capacity lost); see `DEFAULT_FAULT_LEVELS`. */
  readonly levels: readonly FaultLevelSpec[];
}

/**
 * The post-call survey and quality checks (`Scenario.survey`). For each
 * measured answered attempt: whether the caller answers the survey
 * (`satisfaction.responseProbability`) and, if so, the rating
 * (`satisfactionProbability` of its wait, its attempt number and the day's
 * learning penalty; positive ratings split into satisfied / basically
 * satisfied by `satisfiedShareOfPositive`), on the `survey` stream; whether
 * it draws a complaint (`complaintsPerAnsweredCall`, `complaints` stream);
 * whether it is sampled for the quality check (`qaSampleShare`) and passes it
 * (the day's QA pass rate, or the default learning curve's last step, 0.99,
 * without a workforce), on the `quality` stream. Draws happen in the order
 * calls are answered.
 */
export interface SurveySpec {
  /** How callers rate calls; see `DEFAULT_SATISFACTION`. */
  readonly satisfaction: SatisfactionModel;
  /** Share of answered calls sampled for the quality check, in [0, 1]. */
  readonly qaSampleShare: number;
  /**
   * Minutes of review per dissatisfied rating (不满意电话当月抽检率 = 100%: every one is reviewed), >= 0.
   *
   * __Default value:__ `15` (an assumption: listening to the call and writing a note)
   */
  readonly reviewMinutesPerDissatisfied?: number;
}

/**
 * A call-center scenario: the calendar, the load, the callers' behaviour, the
 * agents and the target.
 *
 * Later mechanisms (workforce churn, platform faults, the post-call survey,
 * forecast error) are optional fields, each off by default: a scenario without
 * them gives exactly the results it gave before they existed.
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
   * Handle time by time of day: one factor per interval of the day
   * (`1440 / intervalMinutes` of them, each > 0); an answered call's handle time
   * is multiplied by the factor of the interval in which it is answered (on top
   * of the workforce's learning-curve multiplier). Real centers talk longer at
   * some hours than at others; calibration from call records measures it.
   *
   * __Default value:__ all 1
   */
  readonly handleTimeOfDayFactors?: readonly number[];
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
  /**
   * Staff churn and training: thins the roster day by day and slows learners.
   *
   * __Default value:__ none (the `agents` table as given, every agent experienced)
   */
  readonly workforce?: ScenarioWorkforce;
  /**
   * Platform faults that take seats (or the whole platform) down.
   *
   * __Default value:__ none (no fault)
   */
  readonly faults?: ScenarioFaults;
  /**
   * The post-call survey, complaints and quality checks.
   *
   * __Default value:__ none (survey counts stay 0 and their KPIs `null`)
   */
  readonly survey?: SurveySpec;
  /**
   * Coefficient of variation of the forecast error of the volume: each
   * replication multiplies every arrival rate by one gamma draw with mean 1 and
   * this CV (`forecastError` stream), on top of `dayBusynessCv`. Not applied to
   * `arrivals.kind === 'at'`.
   *
   * __Default value:__ `0` (the volume is known)
   */
  readonly volumeForecastCv?: number;
  /**
   * All-media channels besides the voice queue (online chat, offline messages,
   * callbacks, the intelligent assistant), the agent groups that serve them and
   * voice, and the routing between them (see `ChannelsSpec`). Voice keeps this
   * scenario's arrivals, handle time, patience, redials, waiting room and
   * self-service (and the survey, on calls answered live); the groups replace
   * `agents` as who answers (a group's agents may be a share of `agents`). Not
   * with `faults` or a measured cohort.
   *
   * __Default value:__ none (one voice queue answered by `agents`, as before)
   */
  readonly channels?: ChannelsSpec;
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

// What a run returns (counts, rows, KPIs, records, results of the mechanisms) lives in
// resultTypes.ts; re-exported here with the inputs, as the model's types.
export type {
  CallOutcome,
  CallRecord,
  EndState,
  FaultsResult,
  IntervalRow,
  Kpis,
  PeriodCounts,
  PeriodRow,
  SimulationResult,
  SurveyResult,
} from './resultTypes.js';
