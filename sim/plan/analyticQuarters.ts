import { queueMetrics } from '../analytic/queueMetrics.js';
import { retrialEquilibrium } from '../analytic/retrialEquilibrium.js';
import { scenarioCalendar } from '../model/scenario.js';
import type { Kpis, Scenario } from '../model/types.js';
import { formulaQueues } from './formulaQueues.js';

/**
 * The quarter (`YYYY-Qn`) each interval of a scenario starts in.
 *
 * @param scenario the scenario (its horizon)
 * @returns one key per interval
 * @example
 * quarterOfIntervals(year)[0]; // => '2020-Q1'
 */
export function quarterOfIntervals(scenario: Scenario): string[] {
  const calendar = scenarioCalendar(scenario);
  return Array.from({ length: calendar.intervals }, (_, i) => {
    const date = new Date(calendar.startMs + i * calendar.intervalSeconds * 1000);
    return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  });
}

/** One interval's queue as the formulas solve it: attempts offered per hour and its rates. */
export interface SolvedQueue {
  offered: number;
  answer: number;
  abandon: number;
  sl: number;
  asa: number;
}

/**
 * The formulas' view of a plan, quarter by quarter (quarters in order of first interval): each interval's
 * stationary queue (`formulaQueues`) fed by its fresh calls and, when the
 * scenario has redials, their redials at equilibrium (`retrialEquilibrium`),
 * the interval's rates weighted by its offered attempts. Queues carried
 * between intervals and day busyness are left out. Intervals with the same
 * load and agents are solved once. A quarter with no call offered is left out.
 *
 * @param scenario a scenario with `arrivals` of kind `profile` or `table`
 * @param quarters the quarter of each interval (`quarterOfIntervals(scenario)`)
 * @param solved the queues solved so far, by agents and arrival rate: pass the same map to
 *   calls on plans of one scenario (a search over budgets: the same handle and patience
 *   times, waiting room, threshold and redials) so that each queue is solved once in all;
 *   a fresh map by default
 * @returns the KPIs of each quarter (answer rate per attempt, abandon rate, service level, ASA; other fields null)
 * @throws {RangeError} when the scenario is invalid
 * @example
 * analyticQuarterKpis(plan, quarterOfIntervals(plan)).map((k) => k.answerRate); // e.g. [0.81, 0.80, 0.80, 0.81]
 */
export function analyticQuarterKpis(
  scenario: Scenario,
  quarters: readonly string[],
  solved: Map<string, SolvedQueue> = new Map(),
): Kpis[] {
  const sums = new Map<
    string,
    { offered: number; answered: number; abandoned: number; within: number; wait: number }
  >();
  const redial = scenario.redial;
  formulaQueues(scenario).forEach((queue, i) => {
    const key = quarters[i] ?? '';
    const sum = sums.get(key) ?? { offered: 0, answered: 0, abandoned: 0, within: 0, wait: 0 };
    sums.set(key, sum);
    if (queue.arrivalsPerHour <= 0) return;
    const cacheKey = `${queue.agents} ${queue.arrivalsPerHour}`;
    let one = solved.get(cacheKey);
    if (one === undefined) {
      if (redial !== undefined && redial.maxAttempts > 1 && redial.redialProbability > 0) {
        const { arrivalsPerHour, ...rest } = queue;
        const eq = retrialEquilibrium({
          ...rest,
          freshCallsPerHour: arrivalsPerHour,
          redialProbability: redial.redialProbability,
          maxAttempts: redial.maxAttempts,
        });
        const m = eq.metrics;
        one = {
          offered: eq.offeredAttemptsPerHour,
          answer: m.answerRate,
          abandon: m.abandonRate,
          sl: m.serviceLevel,
          asa: m.asaSeconds,
        };
      } else {
        const m = queueMetrics(queue);
        one = {
          offered: queue.arrivalsPerHour,
          answer: m.answerRate,
          abandon: m.abandonRate,
          sl: m.serviceLevel,
          asa: m.asaSeconds,
        };
      }
      solved.set(cacheKey, one);
    }
    sum.offered += one.offered;
    sum.answered += one.offered * one.answer;
    sum.abandoned += one.offered * one.abandon;
    sum.within += one.offered * one.sl;
    sum.wait += one.offered * one.answer * one.asa;
  });
  const kpis: Kpis[] = [];
  for (const sum of sums.values()) {
    if (sum.offered === 0) continue;
    const answerRate = sum.answered / sum.offered;
    kpis.push({
      answerRate,
      callerAnswerRate: null,
      answerRateIncludingSelfService: null,
      abandonRate: sum.abandoned / sum.offered,
      blockRate: null,
      probWait: null,
      serviceLevel: sum.within / sum.offered,
      serviceLevelOfAnswered: sum.answered > 0 ? sum.within / sum.answered : null,
      serviceLevelExcludingShortAbandons: null,
      asaSeconds: sum.answered > 0 ? sum.wait / sum.answered : null,
      meanWaitSeconds: null,
      occupancy: null,
      meanQueueLength: null,
    } as Kpis);
  }
  return kpis;
}
