import { simulateChannels } from './channels/simulateChannels.js';
import { AleaStream } from '../core/aleaStream.js';
import { randomStreams } from '../core/rng.js';
import { requireNonNegativeInteger } from '../core/validate.js';
import { EventCalendar, InstantHeap } from '../engine/calendar.js';
import { EventPriority } from '../engine/priority.js';
import { BufferedSampler, compileSampler, distributionMean, gamma } from './distributions.js';
import { drawFaults, summariseFaults, type FaultEpisode } from './faults.js';
import {
  DEFAULT_REVIEW_MINUTES_PER_DISSATISFIED,
  PERIOD_COUNT_FIELDS,
  kpisOf,
  quarterOf,
  reviewHours,
} from './kpis.js';
import { satisfactionProbabilityUnchecked, type SatisfactionModel } from './satisfaction.js';
import {
  agentsPerInterval,
  checkScenario,
  expectedArrivalsPerInterval,
  localDateTime,
  scenarioCalendar,
} from './scenario.js';
import { DEFAULT_LEARNING_CURVE, simulateWorkforce, type WorkforceResult } from './workforce.js';
import type {
  CallOutcome,
  CallRecord,
  IntervalRow,
  PeriodCounts,
  PeriodRow,
  Scenario,
  SimulateOptions,
  SimulationResult,
} from './types.js';

/** Records kept when `recordCalls` is `true`. */
export const DEFAULT_RECORD_CAP = 100_000;

// Event kinds in the calendar (the engine only sees integers); service ends are kept
// apart, in an `InstantHeap`.
const ABANDONMENT = 1;
const REDIAL = 2;
const FAULT_START = 3;
const FAULT_END = 4;
/** Runs the fault handler without a change (see where the loop schedules it). */
const FAULT_TOUCH = 5;

// Same-instant priorities, as plain constants for the hot loop.
const P_SERVICE_END = EventPriority.ServiceEnd;
const P_STAFFING = EventPriority.StaffingChange;
const P_ABANDONMENT = EventPriority.Abandonment;
const P_DISPATCH = EventPriority.Dispatch;
const P_ARRIVAL = EventPriority.Arrival;

// States of a slot of the call pool.
const FREE = 0;
const WAITING = 1;
const ANSWERED = 2;
const ABANDONED = 3;
const REDIAL_PENDING = 4;

// Outcome codes of records.
const OUTCOMES: readonly CallOutcome[] = ['answered', 'abandoned', 'blocked', 'waiting', 'dropped', 'lost'];
const OUTCOME_DROPPED = 4;
const OUTCOME_LOST = 5;

/** Initial sizes of the pool, the queue and the calendar; all double when full. */
const INITIAL_CAPACITY = 1 << 14;

/**
 * The pool of attempts in the system, as parallel typed arrays (struct of
 * arrays) with a free list: a slot holds one attempt from its arrival (or the
 * scheduling of a redial) until nothing refers to it any more. `refs` counts the
 * references: the FIFO queue (abandoned callers are removed from it lazily, when
 * they reach its head), a pending abandonment event (left in the calendar when
 * the caller is answered, and ignored when it comes up), and a pending redial.
 */
class CallPool {
  arrival: Float64Array;
  /** Handle time the attempt will take if answered, seconds (drawn at its arrival). */
  handle: Float64Array;
  /** Instant the attempt's patience runs out, seconds (Infinity without patience). */
  deadline: Float64Array;
  caller: Int32Array;
  attempt: Int32Array;
  /** Row of the attempt's counts: its arrival interval, or the discard row when not measured. */
  row: Int32Array;
  /** Row of the caller's first attempt (or the discard row). */
  firstRow: Int32Array;
  measured: Uint8Array;
  /** 1 if the caller redials should this attempt fail (drawn at its arrival), else 0. */
  redialOnFailure: Uint8Array;
  state: Uint8Array;
  refs: Uint8Array;
  free: Int32Array;
  freeCount: number;

  constructor(capacity: number) {
    this.arrival = new Float64Array(capacity);
    this.handle = new Float64Array(capacity);
    this.deadline = new Float64Array(capacity);
    this.caller = new Int32Array(capacity);
    this.attempt = new Int32Array(capacity);
    this.row = new Int32Array(capacity);
    this.firstRow = new Int32Array(capacity);
    this.measured = new Uint8Array(capacity);
    this.redialOnFailure = new Uint8Array(capacity);
    this.state = new Uint8Array(capacity);
    this.refs = new Uint8Array(capacity);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeCount = capacity;
  }

  /** Double the capacity; the new slots go on the free list. */
  grow(): void {
    const old = this.arrival.length;
    const capacity = old * 2;
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    const u8 = (a: Uint8Array): Uint8Array => {
      const b = new Uint8Array(capacity);
      b.set(a);
      return b;
    };
    this.arrival = f64(this.arrival);
    this.handle = f64(this.handle);
    this.deadline = f64(this.deadline);
    this.caller = i32(this.caller);
    this.attempt = i32(this.attempt);
    this.row = i32(this.row);
    this.firstRow = i32(this.firstRow);
    this.measured = u8(this.measured);
    this.redialOnFailure = u8(this.redialOnFailure);
    this.state = u8(this.state);
    this.refs = u8(this.refs);
    const free = new Int32Array(capacity);
    free.set(this.free.subarray(0, this.freeCount));
    for (let i = capacity - 1; i >= old; i--) free[this.freeCount++] = i;
    this.free = free;
  }
}

/** Call records in typed arrays, up to a cap. */
class Recorder {
  count = 0;
  overflow = false;
  private capacity: number;
  caller: Int32Array;
  attempt: Int32Array;
  arrival: Float64Array;
  wait: Float64Array;
  handle: Float64Array;
  outcome: Uint8Array;
  measured: Uint8Array;

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

  /** Add a record; returns false once the cap is reached (the record is then dropped). */
  add(
    caller: number,
    attempt: number,
    arrival: number,
    wait: number,
    handle: number,
    outcome: number,
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

/**
 * Failures before the next success in a sequence of independent trials with
 * success probability `p` (a geometric draw; `Infinity` when `p` is 0): the
 * survey, complaint and quality draws skip from one selected call to the next
 * instead of drawing for every answered call, with the same law.
 */
function trialsToNext(u: AleaStream, p: number, logQ: number): number {
  if (p >= 1) return 0;
  if (p <= 0) return Infinity;
  return Math.floor(Math.log(u.next()) / logQ);
}

/**
 * The post-call survey, complaints and quality checks of answered attempts
 * (`Scenario.survey`): each answered attempt is exposed to three independent
 * selections (the caller answers the survey; the call draws a complaint; the
 * call is sampled for the quality check), each drawn as a geometric count of
 * answered attempts to skip, then the rating and the check's result for the
 * selected ones. Streams: `survey` (responses and ratings), `complaints`,
 * `quality` (sampling and pass).
 */
export class SurveyDraws {
  /** Position (0-based, among answered attempts) of the next one selected for each draw. */
  private nextResponse: number;
  private nextComplaint: number;
  private nextQa: number;
  /** The smallest of the three: the next answered attempt that needs `select`. */
  private next: number;
  private readonly pResponse: number;
  private readonly pComplaint: number;
  private readonly pSatisfied: number;
  /** log(1 - p) of each selection, computed once (the geometric draws divide by it). */
  private readonly logQResponse: number;
  private readonly logQComplaint: number;
  private readonly logQQa: number;
  // The columns written, held directly (reading them from the record of columns by
  // name at each call costs more than the rest of the call).
  private readonly surveyed: Float64Array;
  private readonly surveyPositive: Float64Array;
  private readonly surveySatisfied: Float64Array;
  private readonly surveyDissatisfied: Float64Array;
  private readonly complaints: Float64Array;
  private readonly qaSampled: Float64Array;
  private readonly qaPassed: Float64Array;

  constructor(
    private readonly model: SatisfactionModel,
    private readonly qaShare: number,
    /** Satisfaction penalty of each day (the day's learning penalty; 0 without a workforce). */
    private readonly penalty: Float64Array,
    /** QA pass rate of each day. */
    private readonly qaRate: Float64Array,
    private readonly uSurvey: AleaStream,
    private readonly uComplaints: AleaStream,
    private readonly uQuality: AleaStream,
    columns: Record<keyof PeriodCounts, Float64Array>,
  ) {
    this.surveyed = columns.surveyed;
    this.surveyPositive = columns.surveyPositive;
    this.surveySatisfied = columns.surveySatisfied;
    this.surveyDissatisfied = columns.surveyDissatisfied;
    this.complaints = columns.complaints;
    this.qaSampled = columns.qaSampled;
    this.qaPassed = columns.qaPassed;
    this.pResponse = model.responseProbability;
    this.pComplaint = model.complaintsPerAnsweredCall;
    this.pSatisfied = model.satisfiedShareOfPositive;
    this.logQResponse = Math.log1p(-this.pResponse);
    this.logQComplaint = Math.log1p(-this.pComplaint);
    this.logQQa = Math.log1p(-qaShare);
    this.nextResponse = trialsToNext(uSurvey, this.pResponse, this.logQResponse);
    this.nextComplaint = trialsToNext(uComplaints, this.pComplaint, this.logQComplaint);
    this.nextQa = trialsToNext(uQuality, qaShare, this.logQQa);
    this.next = Math.min(this.nextResponse, this.nextComplaint, this.nextQa);
  }

  /** Answered attempts to skip before the first call to `select` (`Infinity`: none). */
  firstGap(): number {
    return this.next;
  }

  /**
   * The next selected answered attempt (counted in `row`, answered at `now` after
   * waiting `wait` seconds, at attempt `attempt`): its survey rating, complaint and
   * quality check, as selected. Returns the answered attempts to skip before the next
   * call (`Infinity`: none); the event loop counts them down, so that attempts not
   * selected cost one decrement.
   */
  select(row: number, wait: number, attempt: number, now: number): number {
    const position = this.next;
    const day = (now / 86_400) | 0;
    if (this.nextResponse === position) {
      this.surveyed[row]!++;
      const p = satisfactionProbabilityUnchecked(this.model, wait, attempt, this.penalty[day] ?? 0);
      if (this.uSurvey.next() < p) {
        this.surveyPositive[row]!++;
        if (this.uSurvey.next() < this.pSatisfied) this.surveySatisfied[row]!++;
      } else {
        this.surveyDissatisfied[row]!++;
      }
      this.nextResponse = position + 1 + trialsToNext(this.uSurvey, this.pResponse, this.logQResponse);
    }
    if (this.nextComplaint === position) {
      this.complaints[row]!++;
      this.nextComplaint = position + 1 + trialsToNext(this.uComplaints, this.pComplaint, this.logQComplaint);
    }
    if (this.nextQa === position) {
      this.qaSampled[row]!++;
      if (this.uQuality.next() < (this.qaRate[day] ?? 1)) this.qaPassed[row]!++;
      this.nextQa = position + 1 + trialsToNext(this.uQuality, this.qaShare, this.logQQa);
    }
    this.next = Math.min(this.nextResponse, this.nextComplaint, this.nextQa);
    return this.next - position - 1;
  }
}

/** Faults as parallel arrays, by start. */
interface FaultInput {
  start: Float64Array;
  end: Float64Array;
  lost: Float64Array;
  /** Picks which calls in service a partial loss cuts off. */
  uCut: AleaStream;
}

/** Everything the event loop needs, prepared once per run. */
interface RunInput {
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
  agents: Int32Array;
  selfShare: number;
  waitingRoom: number;
  threshold: number;
  maxAttempts: number;
  redialProbability: number;
  redials: boolean;
  uArrival: AleaStream;
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
  columns: Record<keyof PeriodCounts, Float64Array>;
  /**
   * Handle-time multiplier of each interval (the day's learning curve x the time-of-day
   * factor; 1 without either), applied when a call is answered; `n + 1` entries.
   */
  handleMultiplier: Float64Array;
  survey: SurveyDraws | null;
  faults: FaultInput | null;
}

/** What the event loop leaves besides the columns. */
interface RunOutput {
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
 * Simulate a call-center scenario once: callers arrive (an exact
 * non-homogeneous Poisson process with a rate constant in each interval, or at
 * given instants), some finish in self-service, the rest queue first-in
 * first-out for the agents on duty, hang up when their patience runs out or get
 * a busy tone when the waiting room is full or no agent is on duty in their
 * interval (the line is closed then: the call is blocked, not queued), and may
 * redial. Returns plain
 * counts per interval, roll-ups per day, month, quarter and horizon, the
 * horizon's KPIs, warnings and the state at the end.
 *
 * Exactness and order:
 * - Arrivals: one unit-rate exponential draw per arrival, mapped through the
 *   integrated rate, so a gap that crosses an interval boundary carries over
 *   exactly (no thinning, no approximation).
 * - Same-instant events follow `EventPriority`: service ends, then staffing
 *   changes (interval boundaries), then abandonments, then free agents take
 *   waiting callers, then arrivals (redials before fresh calls). So a call
 *   arriving at the instant a shift changes meets the new shift, and a caller
 *   whose patience ends at the instant an agent frees has hung up.
 * - Agents who must log off while busy finish their call first, then leave
 *   (see `AgentSpec`).
 * - Abandonment: a caller who will redial if this attempt fails (decided by a
 *   draw at its arrival), or who waits for a limited room, gets an abandonment event, which stays in the
 *   calendar until it comes due (ignored then if the caller was answered), so
 *   that the redial is scheduled from the exact instant. Any other caller keeps
 *   only a patience deadline in the queue and is found to have abandoned at it
 *   when an agent frees (or the run ends); the counts are the same as with
 *   events, and the caller-seconds of waiting are corrected (see
 *   `simulateWithScheme`).
 *
 * Random streams (see `randomStreams`): `arrivals`, `selfService`, `handleTime`,
 * `patience`, `redial`, `redialDelay`, `dailyBusyness` (and those of the optional
 * mechanisms below), each keyed by (seed,
 * replication), so that a run is fully determined by them and a change to one
 * mechanism leaves the others' draws alone. Each attempt draws its handle time,
 * its patience and (with redials, before the last attempt) whether the caller
 * will redial should it fail (probability `redialProbability`) when it arrives,
 * in arrival order, whether or not it will wait or be answered: the same seed gives every caller the same draws under
 * any staffing (common random numbers), so that, without redials, adding an
 * agent never lowers the answer rate.
 *
 * Optional mechanisms (each off unless the scenario has its field; see the
 * field's type for the rules):
 * - `workforce` (`ScenarioWorkforce`): `simulateWorkforce` on the `churn`
 *   stream; each day the roster is `round(planned x live / plannedLive)` and an
 *   answered call's handle time (drawn at arrival) is multiplied, when it is
 *   answered, by the day's mean handle-time multiplier of the live agents.
 * - `faults` (`ScenarioFaults`): episodes from `drawFaults` (`outages` stream),
 *   start and end as `StaffingChange` events; agents = floor(agents x (1 -
 *   largest loss)); platform down drops the queue, cuts calls in service off and
 *   loses arrivals (counted `droppedByFault`, `lostToFault`; they may redial);
 *   a partial loss cuts calls in service beyond the reduced count, chosen at
 *   random (`faultCutOff` stream).
 * - `survey` (`SurveySpec`): response and rating (`survey` stream), complaint
 *   (`complaints`), QA sample and pass (`quality`) for answered attempts, drawn
 *   as geometric skips between selected calls, in the order calls are answered.
 * - `volumeForecastCv`: one gamma multiplier of all rates (`forecastError` stream).
 *
 * Lazy abandonment stays exact under faults: a caller kept lazily whose patience
 * ran out before a platform-down fault is counted abandoned at its deadline, the
 * others are dropped (a test checks the eager and lazy schemes agree).
 *
 * Memory is flat: typed arrays per interval, a pool of the attempts in the
 * system, and call records only when asked for (capped).
 *
 * @param scenario the scenario (checked first)
 * @param options seed, replication and call records
 * @returns counts, roll-ups, KPIs, warnings, end state and timing
 * @throws {RangeError} when the scenario or an option is invalid, naming the field
 * @example
 * const result = simulate(
 *   {
 *     startDate: '2020-01-01', days: 1, intervalMinutes: 30,
 *     arrivals: { kind: 'profile', dailyVolume: 4_800 },
 *     handle: exponential(180), patience: exponential(90),
 *     agents: { kind: 'constant', count: 12 }, answerWithinSeconds: 20,
 *   },
 *   { seed: 1 },
 * );
 * result.kpis.answerRate; // => about 0.9
 */
export function simulate(scenario: Scenario, options: SimulateOptions): SimulationResult {
  return simulateWithScheme(scenario, options, 'hybrid');
}

/**
 * `simulate` with a choice of abandonment scheme, for the test that proves the
 * two equivalent (not part of the public API): `'eager'` gives every waiting
 * caller with a finite patience an abandonment event; `'hybrid'` (what
 * `simulate` uses) keeps those callers whose abandonment ends their attempt for
 * good (the caller will not redial after it, the waiting room is unlimited, and they are
 * not among the last measured callers when the measured cohort closes) only
 * as patience deadlines in the queue, resolved when an agent frees or the run
 * ends. Both give the same counts for the same seed; time-weighted sums agree to
 * rounding.
 *
 * @param scenario the scenario (checked first)
 * @param options seed, replication and call records
 * @param scheme `'hybrid'` or `'eager'`
 * @returns as `simulate`
 * @throws {RangeError} as `simulate`
 * @example
 * simulateWithScheme(scenario, { seed: 1 }, 'eager').horizon.abandoned; // === simulate(scenario, { seed: 1 }).horizon.abandoned
 */
export function simulateWithScheme(
  scenario: Scenario,
  options: SimulateOptions,
  scheme: 'eager' | 'hybrid',
): SimulationResult {
  if (scenario?.channels !== undefined) return simulateChannels(scenario, options);
  const wallStart = performance.now();
  checkScenario('simulate', scenario);
  if (typeof options !== 'object' || options === null) {
    throw new RangeError(`simulate: options must be an object with a seed (got ${String(options)})`);
  }
  const seed = options.seed;
  const replication = options.replication ?? 0;
  requireNonNegativeInteger('simulate', 'options.seed', seed);
  requireNonNegativeInteger('simulate', 'options.replication', replication);
  const recordOption = options.recordCalls ?? false;
  if (typeof recordOption === 'number') {
    requireNonNegativeInteger('simulate', 'options.recordCalls', recordOption);
  }
  const recordCap = recordOption === true ? DEFAULT_RECORD_CAP : recordOption === false ? 0 : recordOption;

  // ---- Calendar, rates and staffing, precomputed once ----
  const { intervalSeconds: L, intervals: n, horizonSeconds: H, startMs } = scenarioCalendar(scenario);
  const expected = expectedArrivalsPerInterval(scenario);
  const plannedAgents = Int32Array.from(agentsPerInterval(scenario));
  const streams = randomStreams(seed, replication);
  const rate = new Float64Array(n);
  const explicitTimes = scenario.arrivals.kind === 'at' ? Float64Array.from(scenario.arrivals.seconds) : null;
  if (explicitTimes === null) {
    const busyness = new Float64Array(scenario.days).fill(1);
    const busynessCv = scenario.dayBusynessCv ?? 0;
    if (busynessCv > 0) {
      const draw = compileSampler(gamma(1, busynessCv), streams.stream('dailyBusyness'));
      for (let d = 0; d < scenario.days; d++) busyness[d] = draw();
    }
    for (let i = 0; i < n; i++) {
      rate[i] = ((expected[i] ?? 0) * (busyness[Math.floor((i * L) / 86_400)] ?? 1)) / L;
    }
    // The forecast error of the volume: one multiplier for the whole replication.
    const forecastCv = scenario.volumeForecastCv ?? 0;
    if (forecastCv > 0) {
      const factor = compileSampler(gamma(1, forecastCv), streams.stream('forecastError'))();
      for (let i = 0; i < n; i++) rate[i] = (rate[i] as number) * factor;
    }
  }

  // ---- Workforce: the roster thinned day by day, the day's learning curve ----
  const days = scenario.days;
  const dayHandleMultiplier = new Float64Array(days).fill(1);
  const penalty = new Float64Array(days);
  const lastStep = DEFAULT_LEARNING_CURVE[DEFAULT_LEARNING_CURVE.length - 1]!;
  const qaRate = new Float64Array(days).fill(lastStep.qaPassRate);
  let agents = plannedAgents;
  let workforce: WorkforceResult | undefined;
  if (scenario.workforce !== undefined) {
    const spec = scenario.workforce.spec;
    workforce = simulateWorkforce(spec, {
      startDate: scenario.startDate,
      days,
      seed,
      replication,
      daysBefore: scenario.workforce.daysBefore ?? 0,
    });
    const plannedLive = scenario.workforce.plannedLiveAgents ?? spec.targetHeadcount ?? spec.initialStaff;
    agents = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const day = workforce.days[Math.floor((i * L) / 86_400)]!;
      agents[i] = Math.round(((plannedAgents[i] as number) * day.live) / plannedLive);
    }
    workforce.days.forEach((day, d) => {
      dayHandleMultiplier[d] = day.handleTimeMultiplier;
      penalty[d] = day.satisfactionPenalty;
      qaRate[d] = day.qaPassRate;
    });
  }

  // The handle-time multiplier of each interval: the day's learning curve times the
  // time-of-day factor; one entry more for answers after the last interval closes.
  const handleMultiplier = new Float64Array(n + 1);
  const timeOfDay = scenario.handleTimeOfDayFactors;
  const perDay = Math.round(86_400 / L);
  for (let i = 0; i <= n; i++) {
    const k = Math.min(i, n - 1);
    const factor = timeOfDay === undefined ? 1 : (timeOfDay[k % perDay] as number);
    handleMultiplier[i] = (dayHandleMultiplier[Math.floor((k * L) / 86_400)] as number) * factor;
  }

  // ---- Faults, drawn on their own stream ----
  const faultLevels = scenario.faults?.levels;
  let episodes: FaultEpisode[] | null = null;
  let faults: FaultInput | null = null;
  if (faultLevels !== undefined) {
    episodes = drawFaults(faultLevels, H, seed, replication);
    faults = {
      start: Float64Array.from(episodes, (e) => e.startSeconds),
      end: Float64Array.from(episodes, (e) => e.repairedSeconds),
      lost: Float64Array.from(episodes, (e) => e.capacityLost),
      uCut: new AleaStream(seed, replication, 'faultCutOff'),
    };
  }
  const redial = scenario.redial;
  const redials = redial !== undefined && redial.maxAttempts > 1 && redial.redialProbability > 0;
  const columns = {} as Record<keyof PeriodCounts, Float64Array>;
  for (const field of PERIOD_COUNT_FIELDS) columns[field] = new Float64Array(n + 1);
  const input: RunInput = {
    n,
    L,
    H,
    rate,
    explicitTimes,
    agents,
    selfShare: scenario.selfServiceShare ?? 0,
    waitingRoom: scenario.waitingRoom ?? Infinity,
    threshold: scenario.answerWithinSeconds,
    maxAttempts: redial?.maxAttempts ?? 1,
    redialProbability: redial?.redialProbability ?? 0,
    redials,
    uArrival: new AleaStream(seed, replication, 'arrivals'),
    uSelf: new AleaStream(seed, replication, 'selfService'),
    handle: new BufferedSampler(scenario.handle, new AleaStream(seed, replication, 'handleTime')),
    patience: scenario.patience
      ? new BufferedSampler(scenario.patience, new AleaStream(seed, replication, 'patience'))
      : null,
    uRedial: new AleaStream(seed, replication, 'redial'),
    redialDelay: redials
      ? new BufferedSampler(redial.delay, new AleaStream(seed, replication, 'redialDelay'))
      : null,
    warmupSeconds: scenario.measurement?.warmupSeconds ?? 0,
    warmupArrivals: scenario.measurement?.warmupArrivals ?? 0,
    cohortLimit: scenario.measurement?.arrivals ?? Infinity,
    lazyAbandonment: scheme === 'hybrid',
    recorder: recordCap > 0 ? new Recorder(recordCap) : null,
    columns,
    handleMultiplier,
    survey:
      scenario.survey !== undefined
        ? new SurveyDraws(
            scenario.survey.satisfaction,
            scenario.survey.qaSampleShare,
            penalty,
            qaRate,
            new AleaStream(seed, replication, 'survey'),
            new AleaStream(seed, replication, 'complaints'),
            new AleaStream(seed, replication, 'quality'),
            columns,
          )
        : null,
    faults,
  };

  const out = runLoop(input);
  // With a survey every answered attempt is exposed to its draws.
  if (input.survey !== null) columns.answeredWithSurvey.set(columns.answered);

  // ---- Plain rows, roll-ups, KPIs, warnings ----
  const intervals: IntervalRow[] = new Array<IntervalRow>(n);
  for (let i = 0; i < n; i++) {
    const row = {
      index: i,
      startSeconds: i * L,
      start: localDateTime(startMs, i * L),
      agents: agents[i] ?? 0,
      agentsPlanned: plannedAgents[i] ?? 0,
    } as IntervalRow;
    for (const field of PERIOD_COUNT_FIELDS) row[field] = columns[field][i] as number;
    intervals[i] = row;
  }
  const horizon = rollUpColumns(columns, n, L, () => 'horizon')[0]!;
  const warnings: string[] = [];
  if (!scenario.patience) {
    const meanHandle = distributionMean(scenario.handle);
    let unstable = 0;
    let first = -1;
    for (let i = 0; i < n; i++) {
      const load = (((expected[i] ?? 0) * (1 - input.selfShare)) / L) * meanHandle;
      if (load > 0 && load >= (agents[i] ?? 0)) {
        unstable++;
        if (first < 0) first = i;
      }
    }
    if (unstable > 0) {
      warnings.push(
        `${unstable} interval(s) have an offered load at or above the agents and nobody abandons, so the queue grows without limit there (first at ${localDateTime(startMs, first * L)})`,
      );
    }
  }
  if (out.postWarmup <= input.warmupArrivals) {
    warnings.push(
      `no caller was measured: the warm-up (${input.warmupSeconds} s, ${input.warmupArrivals} arrivals) covers the whole run`,
    );
  } else if (input.cohortLimit !== Infinity && out.postWarmup - input.warmupArrivals < input.cohortLimit) {
    warnings.push(
      `only ${out.postWarmup - input.warmupArrivals} of the ${input.cohortLimit} callers to measure arrived before the end of the horizon`,
    );
  }
  if (input.cohortLimit !== Infinity && out.openMeasured > 0) {
    warnings.push(
      `${out.openMeasured} measured caller(s) were unresolved at the end of the horizon (${out.unresolvedWaiting} waiting, the others waiting to redial)`,
    );
  }
  if (input.recorder?.overflow) {
    warnings.push(`call records stopped at the cap of ${recordCap}; later attempts were not recorded`);
  }

  const result: SimulationResult = {
    seed,
    replication,
    intervals,
    days: rollUpColumns(columns, n, L, (i) => intervals[i]!.start.slice(0, 10)),
    months: rollUpColumns(columns, n, L, (i) => intervals[i]!.start.slice(0, 7)),
    quarters: rollUpColumns(columns, n, L, (i) => quarterOf(intervals[i]!)),
    horizon,
    kpis: kpisOf(horizon),
    warnings,
    endState: {
      endSeconds: out.endSeconds,
      stillWaiting: out.stillWaiting,
      busyAgents: out.busy,
      pendingRedials: out.pendingRedials,
    },
    timing: { runSeconds: 0, events: out.events, attempts: out.attempts },
  };
  if (input.recorder) result.records = input.recorder.toRecords();
  if (workforce !== undefined) result.workforce = workforce;
  if (faultLevels !== undefined && episodes !== null) {
    const all = episodes;
    result.faults = {
      episodes: all,
      byLevel: summariseFaults(faultLevels, all),
      byQuarter: result.quarters.map((q) => ({
        period: q.period,
        byLevel: summariseFaults(
          faultLevels,
          all.filter((e) => e.startSeconds >= q.startSeconds && e.startSeconds < q.endSeconds),
        ),
      })),
      callsCutOff: out.callsCutOff,
    };
  }
  if (scenario.survey !== undefined) {
    const minutes = scenario.survey.reviewMinutesPerDissatisfied ?? DEFAULT_REVIEW_MINUTES_PER_DISSATISFIED;
    result.survey = {
      reviewMinutesPerDissatisfied: minutes,
      reviewByMonth: result.months.map((m) => ({
        period: m.period,
        dissatisfied: m.surveyDissatisfied,
        reviewHours: reviewHours(m, minutes),
      })),
    };
  }
  result.timing.runSeconds = (performance.now() - wallStart) / 1000;
  return result;
}

/**
 * `rollUp` on the columns rather than the row objects (the same sums, added in the
 * same order, so the same values; column by column is several times faster for a
 * year of intervals).
 */
function rollUpColumns(
  columns: Record<keyof PeriodCounts, Float64Array>,
  n: number,
  L: number,
  key: (interval: number) => string,
): PeriodRow[] {
  const out: PeriodRow[] = [];
  let i = 0;
  while (i < n) {
    const period = key(i);
    let j = i + 1;
    while (j < n && key(j) === period) j++;
    const row = { period, startSeconds: i * L, endSeconds: j * L } as PeriodRow;
    for (const field of PERIOD_COUNT_FIELDS) {
      const column = columns[field];
      let sum = 0;
      for (let k = i; k < j; k++) sum += column[k]!;
      row[field] = sum;
    }
    out.push(row);
    i = j;
  }
  return out;
}

/**
 * Take back the caller-seconds of waiting counted for a caller kept lazily in
 * the queue after its patience ran out, from `from` (its deadline) to `to`
 * (when it was found out), within the measured time: from the current
 * interval's running sum (`acc[3]`, interval `ci`) and the closed intervals'
 * column.
 */
function uncountWaiting(
  acc: Float64Array,
  waitingSeconds: Float64Array,
  clock: Float64Array,
  L: number,
  ci: number,
  from: number,
  to: number,
): void {
  let a = Math.max(from, clock[5]!);
  const b = Math.min(to, clock[6]!);
  for (let k = Math.min(Math.floor(a / L), ci); a < b; k++) {
    const end = k >= ci ? b : Math.min(b, (k + 1) * L);
    if (end > a) {
      if (k >= ci) acc[3] -= end - a;
      else waitingSeconds[k] -= end - a;
      a = end;
    }
  }
}

/** What the fault handler reads and writes besides the scalars it gets and returns. */
interface FaultContext {
  faults: FaultInput;
  faultActive: Uint8Array;
  agents: Int32Array;
  pool: CallPool;
  ends: InstantHeap;
  calendar: EventCalendar;
  redialDelay: BufferedSampler | null;
  recorder: Recorder | null;
  columns: Record<keyof PeriodCounts, Float64Array>;
  acc: Float64Array;
  clock: Float64Array;
  L: number;
  threshold: number;
}

/**
 * A fault starts or ends (see `ScenarioFaults`): the largest loss under way sets
 * the agents on the phones; when the platform goes down, calls in service are cut
 * off and callers waiting dropped (a caller kept lazily past its patience had
 * abandoned at its deadline); when seats are lost, calls in service beyond the
 * reduced count are cut off at random. Kept out of the event loop, with the loop's
 * scalars passed in and out through `io` and `times` (layout where the loop
 * declares them), so that code first reached at the first fault, months into a
 * run, does not make the compiler throw the optimised loop away.
 */
function faultEvent(
  ctx: FaultContext,
  fifo: Int32Array,
  fifoMask: number,
  kind: number,
  episode: number,
  io: Int32Array,
  times: Float64Array,
): void {
  const { faults, faultActive, pool, ends, calendar, recorder, acc, clock, L, threshold } = ctx;
  const c = ctx.columns;
  const now = times[0]!;
  const ci = io[7]!;
  let busy = io[0]!;
  let waiting = io[1]!;
  let openMeasured = io[2]!;
  let pendingRedials = io[3]!;
  let recording = io[6] === 1;
  let callsCutOff = io[10]!;
  if (kind !== FAULT_TOUCH) faultActive[episode] = kind === FAULT_START ? 1 : 0;
  let lost = 0;
  for (let k = 0; k < faultActive.length; k++) {
    if (faultActive[k] === 1 && faults.lost[k]! > lost) lost = faults.lost[k]!;
  }
  const wasDown = io[9] === 1;
  const down = lost >= 1;
  let staffed = ctx.agents[ci] ?? 0;
  if (lost > 0) staffed = Math.floor(staffed * (1 - lost) + 1e-9);
  if (down && !wasDown) {
    // The platform goes down: calls in service are cut off, callers waiting dropped.
    callsCutOff += busy;
    ends.clear();
    busy = 0;
    const fifoTail = io[5]!;
    for (let k = io[4]!; k < fifoTail; k++) {
      const s = fifo[k & fifoMask]!;
      pool.refs[s]!--; // the FIFO's reference
      if (pool.state[s] === WAITING) {
        waiting--;
        pool.state[s] = ABANDONED; // a pending abandonment event will find it gone
        const deadline = pool.deadline[s]!;
        const row = pool.row[s]!;
        if (deadline < now) {
          // Kept lazily past its patience: it had abandoned at its deadline.
          uncountWaiting(acc, c.waitingCallerSeconds, clock, L, ci, deadline, now);
          const w = deadline - pool.arrival[s]!;
          c.abandoned[row]!++;
          c.waitAbandonedSeconds[row]! += w;
          if (w <= threshold) c.abandonedWithin[row]!++;
          openMeasured -= pool.measured[s]!;
          if (recording) {
            recording = recorder!.add(
              pool.caller[s]!,
              pool.attempt[s]!,
              pool.arrival[s]!,
              w,
              0,
              1,
              pool.measured[s]!,
            );
          }
        } else {
          c.droppedByFault[row]!++;
          if (recording) {
            recording = recorder!.add(
              pool.caller[s]!,
              pool.attempt[s]!,
              pool.arrival[s]!,
              now - pool.arrival[s]!,
              0,
              OUTCOME_DROPPED,
              pool.measured[s]!,
            );
          }
          if (pool.redialOnFailure[s] === 1) {
            if (pool.freeCount === 0) pool.grow();
            const next = pool.free[--pool.freeCount]!;
            pool.caller[next] = pool.caller[s]!;
            pool.attempt[next] = pool.attempt[s]! + 1;
            pool.firstRow[next] = pool.firstRow[s]!;
            pool.measured[next] = pool.measured[s]!;
            pool.state[next] = REDIAL_PENDING;
            pool.refs[next] = 1;
            pendingRedials++;
            calendar.schedule(now + ctx.redialDelay!.next(), P_ARRIVAL, REDIAL, next);
          } else {
            openMeasured -= pool.measured[s]!;
          }
        }
      }
      if (pool.refs[s] === 0) {
        pool.state[s] = FREE;
        pool.free[pool.freeCount++] = s;
      }
    }
    io[4] = fifoTail; // the queue is empty
  } else if (kind === FAULT_START) {
    // Seats lost: calls in service beyond the reduced count are cut off, chosen
    // uniformly at random among those in service.
    while (busy > staffed && ends.size > 0) {
      ends.removeAt(Math.floor(faults.uCut.next() * ends.size));
      busy--;
      callsCutOff++;
    }
  }
  io[0] = busy;
  io[1] = waiting;
  io[2] = openMeasured;
  io[3] = pendingRedials;
  io[6] = recording ? 1 : 0;
  io[8] = staffed;
  io[9] = down ? 1 : 0;
  io[10] = callsCutOff;
  io[11] = busy < staffed && waiting > 0 ? 1 : 0;
  times[1] = lost;
}

/**
 * The event loop. Kept apart from the set-up so that it stays small for the
 * optimising compiler, and written so that every arithmetic operation runs from
 * the first events on (unmeasured attempts are counted in a discard row rather
 * than skipped by a branch): code first reached late in a run would make the
 * compiler throw away the optimised loop and rebuild it.
 */
function runLoop(input: RunInput): RunOutput {
  const { n, L, H, rate, explicitTimes, agents, selfShare, waitingRoom, threshold } = input;
  const { maxAttempts, redialProbability, redials, uArrival, uSelf, handle, patience } = input;
  const { uRedial, redialDelay, warmupSeconds, warmupArrivals, cohortLimit, recorder } = input;
  const { handleMultiplier, survey, faults } = input;
  // Abandonment kept lazily (a deadline in the queue, no event) for attempts it ends
  // for good: exact only with an unlimited waiting room (a caller kept past its
  // deadline would take a place) and when the caller will not redial after it (the
  // redial would be scheduled in the past). Such callers stay in `waiting` past their deadline
  // until an agent frees or the run ends; the caller-seconds they add meanwhile are
  // taken back then (`uncountWaiting`).
  const lazyRoom = input.lazyAbandonment && waitingRoom === Infinity;
  const c = input.columns;
  const offered = c.offered;
  const freshCallers = c.freshCallers;
  const freshCallersAnswered = c.freshCallersAnswered;
  const selfServed = c.selfServed;
  const answered = c.answered;
  const abandoned = c.abandoned;
  const blocked = c.blocked;
  const waited = c.waited;
  const answeredWithin = c.answeredWithin;
  const abandonedWithin = c.abandonedWithin;
  const waitAnswered = c.waitAnsweredSeconds;
  const waitAbandoned = c.waitAbandonedSeconds;
  const stillWaiting = c.stillWaiting;
  const measuredSeconds = c.measuredSeconds;
  const agentSeconds = c.agentSeconds;
  const busySeconds = c.busyAgentSeconds;
  const overtimeSeconds = c.overtimeAgentSeconds;
  const waitingSeconds = c.waitingCallerSeconds;
  const lostToFault = c.lostToFault;

  const cohortEnd = warmupArrivals + cohortLimit; // position after the last measured caller
  let postWarmup = 0; // fresh callers arrived at or after warmupSeconds
  let openMeasured = 0; // measured callers not yet answered nor given up
  let cohortClosed = false;
  // The clock's doubles that live from one event to the next, in a typed array: the
  // optimising compiler may box (allocate) such values when they are loop variables.
  // [0] now; [1] time-weighted sums are up to date until here; [2] next fresh arrival;
  // [3] the arrival process's own clock; [4] next interval boundary; [5] start of the
  // measured time (the time-weighted sums count from it until the cohort closes).
  // [6] end of the measured time (when the cohort closes).
  const clock = new Float64Array(7);
  clock[6] = Infinity;
  clock[2] = Infinity;
  clock[4] = n > 1 ? L : Infinity;
  clock[5] = warmupArrivals === 0 ? warmupSeconds : Infinity;
  let measureDone = false;
  let recording = recorder !== null;

  const calendar = new EventCalendar(INITIAL_CAPACITY);
  // Service ends (the most frequent events) in a heap of their own: they carry no data
  // and two at the same instant are interchangeable, so their order among themselves
  // does not matter; ServiceEnd is the first priority, so one at the chosen instant
  // goes before any other event.
  const ends = new InstantHeap(INITIAL_CAPACITY);
  const pool = new CallPool(INITIAL_CAPACITY);
  let pArrival = pool.arrival;
  let pHandle = pool.handle;
  let pDeadline = pool.deadline;
  let pCaller = pool.caller;
  let pAttempt = pool.attempt;
  let pRow = pool.row;
  let pFirstRow = pool.firstRow;
  let pMeasured = pool.measured;
  let pRedialOnFailure = pool.redialOnFailure;
  let pState = pool.state;
  let pRefs = pool.refs;
  let fifo = new Int32Array(INITIAL_CAPACITY); // ring buffer of slots, capacity a power of 2
  let fifoMask = fifo.length - 1;
  let fifoHead = 0; // position of the oldest entry (counts up; masked on access)
  let fifoTail = 0; // position after the newest entry

  let ci = 0; // current interval
  let staffed = agents[0] ?? 0;
  let busy = 0;
  let waiting = 0; // callers waiting (abandoned callers still in the FIFO excluded)
  let pendingRedials = 0;
  let pendingDispatch = false;
  // Time-weighted sums of the current interval: measured seconds, agent-seconds, busy
  // agent-seconds, caller-seconds waiting, overtime agent-seconds. Kept in a typed array
  // rather than in local variables, which the optimising compiler may box (allocate) at
  // every update.
  const acc = new Float64Array(5);
  // -0 is never a small integer in V8, so the sums stay doubles from the first event.
  const NEGATIVE_ZERO = -0;
  let events = 0;
  let attempts = 0;
  let callers = 0; // agent-bound fresh callers so far (their numbers)
  let endSeconds = H;

  // The next fresh arrival and the next interval boundary are scalars merged with
  // the calendar's top, not calendar entries.
  let arrivalInterval = 0;
  let explicitNext = 0;
  let needArrival = true;

  // Faults: their starts and ends are calendar events (data: the episode's number).
  // `faultKeep[0]` is 1 minus the largest share of capacity lost among the faults under
  // way (a typed array keeps it a double: a share such as 0.5 arriving late in a local
  // would make the compiler throw the optimised loop away); `down` says the whole
  // platform is down (arrivals are lost).
  const faultActive = new Uint8Array(faults !== null ? faults.start.length : 0);
  const faultKeep = new Float64Array(1).fill(1);
  let down = false;
  let callsCutOff = 0;
  // Answered attempts to skip before the next one the survey selects (see `SurveyDraws`).
  let surveyGap = survey !== null ? survey.firstGap() : 0;
  // The fault handler's state in and out (see `faultEvent`): [0] busy, [1] waiting,
  // [2] open measured callers, [3] pending redials, [4] FIFO head, [5] FIFO tail,
  // [6] recording, [7] current interval, [8] staffed (out), [9] down, [10] calls cut
  // off, [11] dispatch needed (out); times: [0] now, [1] the largest loss (out).
  const faultIo = new Int32Array(12);
  const faultTimes = new Float64Array(2);
  const faultContext: FaultContext | null =
    faults === null
      ? null
      : {
          faults,
          faultActive,
          agents,
          pool,
          ends,
          calendar,
          redialDelay,
          recorder,
          columns: c,
          acc,
          clock,
          L,
          threshold,
        };
  if (faults !== null && faults.start.length > 0) {
    // Events that run the fault handler without a change, every 10 minutes of the first
    // 6 hours: the loop's call to it then has the type feedback the compiler needs, so
    // that the first real fault, months into a run, does not make it throw the
    // optimised loop away (code first run after the loop is optimised does).
    for (let k = 1; k <= 36; k++) calendar.schedule(k * 600, P_STAFFING, FAULT_TOUCH, 0);
    for (let k = 0; k < faults.start.length; k++) {
      calendar.schedule(faults.start[k]!, P_STAFFING, FAULT_START, k);
      calendar.schedule(faults.end[k]!, P_STAFFING, FAULT_END, k);
    }
  }

  for (;;) {
    let now = clock[0]!;
    if (needArrival) {
      // Next fresh arrival: a unit exponential mapped through the integrated rate.
      needArrival = false;
      if (explicitTimes !== null) {
        clock[2] = explicitNext < explicitTimes.length ? explicitTimes[explicitNext++]! : Infinity;
      } else {
        let e = -Math.log(uArrival.next());
        let tt = clock[3]!;
        let i = arrivalInterval;
        let next = Infinity;
        while (i < n) {
          const r = rate[i]!;
          const end = (i + 1) * L;
          if (r > 0) {
            const dt = e / r;
            if (tt + dt < end) {
              next = tt + dt;
              break;
            }
            e -= r * (end - tt);
            if (e < 0) e = 0;
          }
          i++;
          tt = end;
        }
        arrivalInterval = i;
        clock[2] = next;
        clock[3] = next;
      }
    }

    // ---- The next event: calendar top, next boundary or next fresh arrival ----
    let t: number;
    let priority: number;
    let source: number; // 0 calendar, 1 boundary, 2 fresh arrival, 3 service end
    const nextArrival = clock[2]!;
    const nextBoundary = clock[4]!;
    if (nextBoundary <= nextArrival) {
      t = nextBoundary;
      priority = P_STAFFING;
      source = 1;
    } else {
      t = nextArrival;
      priority = P_ARRIVAL;
      source = 2;
    }
    const tc = calendar.peekTime();
    if (tc < t || (tc === t && tc !== Infinity && calendar.peekPriority() <= priority)) {
      t = tc;
      priority = calendar.peekPriority();
      source = 0;
    }
    const te = ends.min;
    if (te <= t) {
      t = te;
      priority = P_SERVICE_END;
      source = 3;
    }

    // ---- Free agents take waiting callers once this instant's earlier events are done ----
    if (pendingDispatch && (t > now || priority >= P_DISPATCH)) {
      pendingDispatch = false;
      while (busy < staffed && waiting > 0) {
        const slot = fifo[fifoHead & fifoMask]!;
        fifoHead++;
        if (pState[slot] !== WAITING) {
          // An abandoned caller reaching the head leaves the queue now.
          if (--pRefs[slot]! === 0) {
            pState[slot] = FREE;
            pool.free[pool.freeCount++] = slot;
          }
          continue;
        }
        if (pDeadline[slot]! <= now) {
          // Kept lazily, its patience ran out before this instant (an abandonment
          // event then would have come before the dispatch): it abandoned at its deadline.
          const deadline = pDeadline[slot]!;
          pState[slot] = FREE;
          pRefs[slot] = 0;
          pool.free[pool.freeCount++] = slot;
          waiting--;
          uncountWaiting(acc, waitingSeconds, clock, L, ci, deadline, now);
          const w = deadline - pArrival[slot]!;
          const row = pRow[slot]!;
          abandoned[row]!++;
          waitAbandoned[row]! += w;
          if (w <= threshold) abandonedWithin[row]!++;
          openMeasured -= pMeasured[slot]!;
          if (recording) {
            recording = recorder!.add(
              pCaller[slot]!,
              pAttempt[slot]!,
              pArrival[slot]!,
              w,
              0,
              1,
              pMeasured[slot]!,
            );
          }
          continue;
        }
        pRefs[slot]!--;
        waiting--;
        const w = now - pArrival[slot]!;
        // The interval's handle-time multiplier (learners are slower; time of day) applies at the answer.
        const h = pHandle[slot]! * handleMultiplier[ci]!;
        busy++;
        ends.push(now + h);
        pState[slot] = ANSWERED;
        const row = pRow[slot]!;
        answered[row]!++;
        waitAnswered[row]! += w;
        if (w <= threshold) answeredWithin[row]!++;
        freshCallersAnswered[pFirstRow[slot]!]!++;
        openMeasured -= pMeasured[slot]!;
        if (survey !== null && surveyGap-- === 0) surveyGap = survey.select(row, w, pAttempt[slot]!, now);
        if (recording) {
          recording = recorder!.add(
            pCaller[slot]!,
            pAttempt[slot]!,
            pArrival[slot]!,
            w,
            h,
            0,
            pMeasured[slot]!,
          );
        }
        if (pRefs[slot] === 0) {
          pState[slot] = FREE;
          pool.free[pool.freeCount++] = slot;
        }
      }
      // Choose again only if a service just begun ends before the chosen event.
      // (Dispatch schedules nothing else; a service end at the chosen instant goes first.)
      if (ends.min <= t) continue;
    }

    if (openMeasured === 0 && cohortClosed) {
      endSeconds = now;
      break;
    }
    if (t >= H) break;

    // ---- Advance the clock and the time-weighted sums ----
    const lastT = clock[1]!;
    if (t > lastT) {
      const measureStart = clock[5]!;
      const from = measureStart > lastT ? measureStart : lastT;
      const span = t - from; // -Infinity before measurement starts
      // Unconditional updates (adding -0 outside the measured time): code first reached
      // when measurement starts would make the compiler rebuild the loop.
      const dt = !measureDone && span > 0 ? span : NEGATIVE_ZERO;
      acc[0] += dt;
      acc[1] += staffed * dt;
      acc[2] += busy * dt;
      acc[3] += waiting * dt;
      acc[4] += Math.max(0, busy - staffed) * dt; // agents finishing a call past their shift's end
      clock[1] = t;
    }
    if (t < now) throw new Error(`simulate: internal error, the clock would go back from ${now} to ${t}`);
    now = t;
    clock[0] = t;
    events++;

    if (source === 1) {
      // ---- Interval boundary: close the interval's time-weighted sums, change staffing ----
      measuredSeconds[ci] = acc[0]!;
      agentSeconds[ci] = acc[1]!;
      busySeconds[ci] = acc[2]!;
      waitingSeconds[ci] = acc[3]!;
      overtimeSeconds[ci] = acc[4]!;
      acc.fill(0);
      ci++;
      // Without a fault the factor is 1 and floor(agents + 1e-9) = agents; computed at every
      // boundary (no branch) so that the first boundary under a fault finds it compiled.
      staffed = Math.floor((agents[ci] ?? 0) * faultKeep[0]! + 1e-9);
      clock[4] = ci + 1 < n ? (ci + 1) * L : Infinity;
      if (busy < staffed && waiting > 0) pendingDispatch = true;
      continue;
    }

    if (source === 3) {
      ends.pop();
      busy--;
      if (waiting > 0 && busy < staffed) pendingDispatch = true;
      continue;
    }

    let slot: number;
    if (source === 0) {
      calendar.pop();
      const kind = calendar.kind;
      slot = calendar.data;
      if (kind >= FAULT_START) {
        // ---- A fault starts or ends (in a function of its own: see `faultEvent`) ----
        faultIo[0] = busy;
        faultIo[1] = waiting;
        faultIo[2] = openMeasured;
        faultIo[3] = pendingRedials;
        faultIo[4] = fifoHead;
        faultIo[5] = fifoTail;
        faultIo[6] = recording ? 1 : 0;
        faultIo[7] = ci;
        faultIo[9] = down ? 1 : 0;
        faultIo[10] = callsCutOff;
        faultIo[11] = 0;
        faultTimes[0] = now;
        faultEvent(faultContext!, fifo, fifoMask, kind, slot, faultIo, faultTimes);
        busy = faultIo[0]!;
        waiting = faultIo[1]!;
        openMeasured = faultIo[2]!;
        pendingRedials = faultIo[3]!;
        fifoHead = faultIo[4]!;
        recording = faultIo[6] === 1;
        staffed = faultIo[8]!;
        down = faultIo[9] === 1;
        callsCutOff = faultIo[10]!;
        if (faultIo[11] === 1) pendingDispatch = true;
        faultKeep[0] = 1 - faultTimes[1]!;
        // A redial may have grown the pool.
        pArrival = pool.arrival;
        pHandle = pool.handle;
        pDeadline = pool.deadline;
        pCaller = pool.caller;
        pAttempt = pool.attempt;
        pRow = pool.row;
        pFirstRow = pool.firstRow;
        pMeasured = pool.measured;
        pRedialOnFailure = pool.redialOnFailure;
        pState = pool.state;
        pRefs = pool.refs;
        continue;
      }
      if (kind === ABANDONMENT) {
        if (pState[slot] !== WAITING) {
          // The caller was answered before its patience ran out: nothing happens.
          if (--pRefs[slot]! === 0) {
            pState[slot] = FREE;
            pool.free[pool.freeCount++] = slot;
          }
          continue;
        }
        pRefs[slot]!--; // this event; the FIFO entry stays until it reaches the head
        pState[slot] = ABANDONED;
        waiting--;
        const w = now - pArrival[slot]!;
        const row = pRow[slot]!;
        abandoned[row]!++;
        waitAbandoned[row]! += w;
        if (w <= threshold) abandonedWithin[row]!++;
        if (recording) {
          recording = recorder!.add(
            pCaller[slot]!,
            pAttempt[slot]!,
            pArrival[slot]!,
            w,
            0,
            1,
            pMeasured[slot]!,
          );
        }
        // A failed attempt: the caller redials, or gives up.
        if (pRedialOnFailure[slot] === 1) {
          if (pool.freeCount === 0) {
            pool.grow();
            pArrival = pool.arrival;
            pHandle = pool.handle;
            pDeadline = pool.deadline;
            pCaller = pool.caller;
            pAttempt = pool.attempt;
            pRow = pool.row;
            pFirstRow = pool.firstRow;
            pMeasured = pool.measured;
            pRedialOnFailure = pool.redialOnFailure;
            pState = pool.state;
            pRefs = pool.refs;
          }
          const next = pool.free[--pool.freeCount]!;
          pCaller[next] = pCaller[slot]!;
          pAttempt[next] = pAttempt[slot]! + 1;
          pFirstRow[next] = pFirstRow[slot]!;
          pMeasured[next] = pMeasured[slot]!;
          pState[next] = REDIAL_PENDING;
          pRefs[next] = 1;
          pendingRedials++;
          calendar.schedule(now + redialDelay!.next(), P_ARRIVAL, REDIAL, next);
        } else {
          openMeasured -= pMeasured[slot]!;
        }
        continue;
      }
      // kind === REDIAL: the caller tries again, as an arrival (below).
      pendingRedials--;
      pRefs[slot]!--;
    } else {
      // ---- A fresh call enters ----
      needArrival = true;
      if (selfShare > 0 && uSelf.next() < selfShare) {
        selfServed[!measureDone && now >= clock[5]! ? ci : n]!++;
        continue;
      }
      // Is this caller measured? Computed without branches that would first run late.
      const position = now >= warmupSeconds ? postWarmup++ : -1;
      const m = (position >= warmupArrivals ? 1 : 0) & (position < cohortEnd ? 1 : 0);
      if (clock[5] === Infinity && position === warmupArrivals) clock[5] = now;
      if (position === cohortEnd) {
        measureDone = true;
        cohortClosed = true;
        clock[6] = now;
        // The run ends when the last measured caller is resolved: measured callers
        // kept lazily get their abandonment event now (or, if their patience already
        // ran out, abandon now), so that the end comes at the same instant as eagerly.
        for (let k = fifoHead; k < fifoTail; k++) {
          const s = fifo[k & fifoMask]!;
          if (pState[s] !== WAITING || pMeasured[s] !== 1 || pRefs[s] !== 1) continue;
          const deadline = pDeadline[s]!;
          if (deadline === Infinity) continue;
          if (deadline > now) {
            pRefs[s] = 2;
            calendar.schedule(deadline, P_ABANDONMENT, ABANDONMENT, s);
            continue;
          }
          pState[s] = ABANDONED; // leaves the FIFO when it reaches the head
          waiting--;
          uncountWaiting(acc, waitingSeconds, clock, L, ci, deadline, now);
          const w = deadline - pArrival[s]!;
          const row = pRow[s]!;
          abandoned[row]!++;
          waitAbandoned[row]! += w;
          if (w <= threshold) abandonedWithin[row]!++;
          openMeasured--;
          if (recording) recording = recorder!.add(pCaller[s]!, pAttempt[s]!, pArrival[s]!, w, 0, 1, 1);
        }
      }
      if (pool.freeCount === 0) {
        pool.grow();
        pArrival = pool.arrival;
        pHandle = pool.handle;
        pDeadline = pool.deadline;
        pCaller = pool.caller;
        pAttempt = pool.attempt;
        pRow = pool.row;
        pFirstRow = pool.firstRow;
        pMeasured = pool.measured;
        pRedialOnFailure = pool.redialOnFailure;
        pState = pool.state;
        pRefs = pool.refs;
      }
      slot = pool.free[--pool.freeCount]!;
      const firstRow = m === 1 ? ci : n;
      pCaller[slot] = callers++;
      pAttempt[slot] = 1;
      pFirstRow[slot] = firstRow;
      pMeasured[slot] = m;
      pRefs[slot] = 0;
      freshCallers[firstRow]!++;
      openMeasured += m;
    }

    // ---- An attempt (fresh or redial) reaches the agent queue ----
    attempts++;
    const row = pMeasured[slot] === 1 ? ci : n;
    pArrival[slot] = now;
    // Draws are attached to the attempt at its arrival, in arrival order, so that two
    // scenarios run with the same seed give each caller the same handle time,
    // patience and decision to redial should the attempt fail (common random
    // numbers), whatever the queue does.
    const h = handle.next();
    const patienceSeconds = patience !== null ? patience.next() : Infinity;
    pRedialOnFailure[slot] =
      redials && pAttempt[slot]! < maxAttempts && uRedial.next() < redialProbability ? 1 : 0;
    pHandle[slot] = h;
    pRow[slot] = row;
    offered[row]!++;
    if (busy < staffed && waiting === 0) {
      // A free agent answers at once (at the interval's handle-time multiplier).
      const hAnswered = h * handleMultiplier[ci]!;
      busy++;
      ends.push(now + hAnswered);
      answered[row]!++;
      answeredWithin[row]!++;
      freshCallersAnswered[pFirstRow[slot]!]!++;
      openMeasured -= pMeasured[slot]!;
      if (survey !== null && surveyGap-- === 0) surveyGap = survey.select(row, 0, pAttempt[slot]!, now);
      if (recording) {
        recording = recorder!.add(pCaller[slot]!, pAttempt[slot]!, now, 0, hAnswered, 0, pMeasured[slot]!);
      }
      pState[slot] = FREE;
      pool.free[pool.freeCount++] = slot;
    } else if (down || waiting >= waitingRoom || agents[ci] === 0) {
      // Busy tone (the waiting room is full, or no agent is on duty in this interval:
      // the line is closed and the call is lost, not queued), or lost while the
      // platform is down.
      if (down) lostToFault[row]!++;
      else blocked[row]!++;
      if (recording) {
        recording = recorder!.add(
          pCaller[slot]!,
          pAttempt[slot]!,
          now,
          0,
          0,
          down ? OUTCOME_LOST : 2,
          pMeasured[slot]!,
        );
      }
      if (pRedialOnFailure[slot] === 1) {
        // The same slot carries the next attempt (nothing else refers to it).
        pAttempt[slot]!++;
        pState[slot] = REDIAL_PENDING;
        pRefs[slot] = 1;
        pendingRedials++;
        calendar.schedule(now + redialDelay!.next(), P_ARRIVAL, REDIAL, slot);
      } else {
        openMeasured -= pMeasured[slot]!;
        pState[slot] = FREE;
        pool.free[pool.freeCount++] = slot;
      }
    } else {
      // Wait in the queue.
      waiting++;
      waited[row]!++;
      pState[slot] = WAITING;
      if (fifoTail - fifoHead === fifo.length) {
        const grown = new Int32Array(fifo.length * 2);
        for (let k = fifoHead, j = 0; k < fifoTail; k++, j++) grown[j] = fifo[k & fifoMask]!;
        fifoTail -= fifoHead;
        fifoHead = 0;
        fifo = grown;
        fifoMask = fifo.length - 1;
      }
      fifo[fifoTail & fifoMask] = slot;
      fifoTail++;
      const deadline = now + patienceSeconds;
      pDeadline[slot] = deadline;
      // (After the cohort closes, measured callers are still resolved eagerly: see there.)
      const lazy = lazyRoom && pRedialOnFailure[slot] === 0 && !(cohortClosed && pMeasured[slot] === 1);
      if (patienceSeconds === Infinity || lazy) {
        pRefs[slot] = 1; // the FIFO only (kept lazily when patience is finite)
      } else {
        pRefs[slot] = 2;
        calendar.schedule(deadline, P_ABANDONMENT, ABANDONMENT, slot);
      }
    }
  }

  // ---- End of the run: close the last interval, count who is still waiting ----
  const lastT = clock[1]!;
  if (endSeconds > lastT) {
    const measureStart = clock[5]!;
    const from = measureStart > lastT ? measureStart : lastT;
    const span = endSeconds - from;
    if (!measureDone && span > 0) {
      acc[0] += span;
      acc[1] += staffed * span;
      acc[2] += busy * span;
      acc[3] += waiting * span;
      acc[4] += Math.max(0, busy - staffed) * span;
    }
  }
  // Callers kept lazily whose patience ran out before the end abandoned then (an
  // abandonment event before the end would have been processed).
  for (let k = fifoHead; k < fifoTail; k++) {
    const slot = fifo[k & fifoMask]!;
    const deadline = pDeadline[slot]!;
    if (pState[slot] !== WAITING || !(deadline < endSeconds)) continue;
    pState[slot] = ABANDONED;
    waiting--;
    uncountWaiting(acc, waitingSeconds, clock, L, ci, deadline, endSeconds);
    const w = deadline - pArrival[slot]!;
    const row = pRow[slot]!;
    abandoned[row]!++;
    waitAbandoned[row]! += w;
    if (w <= threshold) abandonedWithin[row]!++;
    openMeasured -= pMeasured[slot]!;
    if (recording) {
      recording = recorder!.add(pCaller[slot]!, pAttempt[slot]!, pArrival[slot]!, w, 0, 1, pMeasured[slot]!);
    }
  }
  if (ci < n) {
    measuredSeconds[ci] = acc[0]!;
    agentSeconds[ci] = acc[1]!;
    busySeconds[ci] = acc[2]!;
    waitingSeconds[ci] = acc[3]!;
    overtimeSeconds[ci] = acc[4]!;
  }
  let stillWaitingAll = 0;
  let unresolvedWaiting = 0;
  for (let k = fifoHead; k < fifoTail; k++) {
    const slot = fifo[k & fifoMask]!;
    if (pState[slot] !== WAITING) continue;
    stillWaitingAll++;
    stillWaiting[pRow[slot]!]!++;
    unresolvedWaiting += pMeasured[slot]!;
    if (recording) {
      recording = recorder!.add(
        pCaller[slot]!,
        pAttempt[slot]!,
        pArrival[slot]!,
        endSeconds - pArrival[slot]!,
        0,
        3,
        pMeasured[slot]!,
      );
    }
  }
  return {
    endSeconds,
    stillWaiting: stillWaitingAll,
    busy,
    pendingRedials,
    events,
    attempts,
    postWarmup,
    openMeasured,
    unresolvedWaiting,
    callsCutOff,
  };
}
