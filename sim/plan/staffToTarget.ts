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
 * const staffed = staffToTarget(scenario, { answerRate: 0.8 }, { maxAgents: 359 });
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
