import { requiredAgents, type StaffingTarget } from '../analytic/requiredAgents.js';
import type { Scenario } from '../model/types.js';
import { formulaQueues } from './formulaQueues.js';

/** Options of `staffToTarget`. */
export interface StaffToTargetOptions {
  /**
   * Most agents on the phones at once (for example the physical seats); an
   * interval that needs more gets this many.
   *
   * __Default value:__ `Infinity`
   */
  maxAgents?: number;
}

/**
 * The scenario with agents per interval set to the least number that meets
 * `target` in that interval by the exact stationary formulas (`requiredAgents`
 * on `formulaQueues(scenario)`: Erlang A with the scenario's mean patience, or
 * Erlang C, or the finite-room model), capped at `maxAgents`. This is how a
 * planner staffs from a forecast; simulating the result shows what the
 * formulas miss (carry-over between intervals, redials, day-to-day busyness).
 * Intervals with no expected calls get 0 agents. Identical loads are sized once.
 *
 * @param scenario the scenario to staff (its `agents` are replaced)
 * @param target the per-interval target, as for `requiredAgents` (e.g. `{ answerRate: 0.8 }`)
 * @param options `maxAgents`
 * @returns a new scenario with `agents: { kind: 'perInterval', counts }`
 * @throws {RangeError} for an invalid scenario, target or `maxAgents`, or a target no count meets
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const staffed = staffToTarget(base, { answerRate: 0.8 }, { maxAgents: 359 });
 * staffed.agents.kind === 'perInterval' ? staffed.agents.counts[20] : null; // => 6 (Erlang A's least for 80% at 10:00)
 */
export function staffToTarget(
  scenario: Scenario,
  target: StaffingTarget,
  options: StaffToTargetOptions = {},
): Scenario {
  const maxAgents = options.maxAgents ?? Infinity;
  if (
    typeof maxAgents !== 'number' ||
    !(maxAgents >= 0) ||
    (maxAgents !== Infinity && !Number.isInteger(maxAgents))
  ) {
    throw new RangeError(
      `staffToTarget: maxAgents must be a non-negative integer or Infinity (got ${String(maxAgents)})`,
    );
  }
  const sized = new Map<number, number>();
  const counts = formulaQueues(scenario).map((q) => {
    if (q.arrivalsPerHour === 0) return 0;
    let agents = sized.get(q.arrivalsPerHour);
    if (agents === undefined) {
      const { agents: _ignored, ...load } = q;
      agents = requiredAgents(load, target);
      sized.set(q.arrivalsPerHour, agents);
    }
    return Math.min(agents, maxAgents);
  });
  return { ...scenario, agents: { kind: 'perInterval', counts } };
}
