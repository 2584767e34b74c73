import { buildResult } from './center/results.js';
import { runCallCenter } from './center/run.js';
import { prepareRun } from './center/setup.js';
import { simulateChannels } from './channels/simulateChannels.js';
import type { Scenario, SimulateOptions, SimulationResult } from './types.js';

export { DEFAULT_RECORD_CAP } from './center/setup.js';

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
 * result.kpis.answerRate; // => 0.9339
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
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * simulateWithScheme(scenario, { seed: 1 }, 'eager').horizon.abandoned === simulate(scenario, { seed: 1 }).horizon.abandoned; // => true
 */
export function simulateWithScheme(
  scenario: Scenario,
  options: SimulateOptions,
  scheme: 'eager' | 'hybrid',
): SimulationResult {
  if (scenario?.channels !== undefined) return simulateChannels(scenario, options);
  const wallStart = performance.now();
  const run = prepareRun(scenario, options, scheme);
  const result = buildResult(scenario, run, runCallCenter(run.input));
  result.timing.runSeconds = (performance.now() - wallStart) / 1000;
  return result;
}
