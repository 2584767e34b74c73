import type { QueueParams } from '../analytic/types.js';
import { distributionMean } from '../model/distributions.js';
import { agentsPerInterval, expectedArrivalsPerInterval } from '../model/scenario.js';
import type { Scenario } from '../model/types.js';

/**
 * The stationary queue the formulas see in each interval of a scenario: the
 * interval's expected agent-bound arrivals (after self-service) as a Poisson
 * rate, its agents, the means of the handle and patience distributions, the
 * waiting room and the threshold. What the formulas leave out (queues
 * carried over between intervals, redials, day busyness, non-exponential
 * times) is exactly what the simulator adds.
 *
 * @param scenario a scenario with `arrivals` of kind `profile` or `table`
 * @returns one `QueueParams` per interval of the horizon
 * @throws {RangeError} when the scenario is invalid
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const queues = formulaQueues(base);
 * [queues.length, queueMetrics(queues[20]!).answerRate]; // => [96, 0.9036] (Erlang A per interval)
 */
export function formulaQueues(scenario: Scenario): QueueParams[] {
  const expected = expectedArrivalsPerInterval(scenario);
  const agents = agentsPerInterval(scenario);
  const perHour = (3600 / (scenario.intervalMinutes * 60)) * (1 - (scenario.selfServiceShare ?? 0));
  const meanHandleSeconds = distributionMean(scenario.handle);
  const meanPatienceSeconds = scenario.patience ? distributionMean(scenario.patience) : Infinity;
  const waitingRoom = scenario.waitingRoom ?? Infinity;
  return expected.map((calls, interval) => ({
    agents: agents[interval] ?? 0,
    arrivalsPerHour: calls * perHour,
    meanHandleSeconds,
    meanPatienceSeconds,
    waitingRoom,
    answerWithinSeconds: scenario.answerWithinSeconds,
  }));
}
