/*
 * The report's staffing section: the agent-hours the scenario plans, the
 * averages over the 24 hours and over the busy hours of the day, and the day
 * of the weakest quarter interval by interval: agents scheduled, agents live
 * once staff churn has thinned them, and the agents Erlang A needs with
 * redials at their equilibrium, so that an under-covered interval shows.
 */
import { requiredAgentsWithRedials } from '../analytic/requiredAgentsWithRedials.js';
import { addDays } from '../core/dates.js';
import type { TargetSet } from '../core/targets.js';
import { distributionMean } from '../model/distributions.js';
import { agentsPerInterval, expectedArrivalsPerInterval } from '../model/scenario.js';
import type { Kpis, Scenario } from '../model/types.js';
import type { ReplicationResult } from '../plan/replicate.js';
import type { ReportStaffing } from './types.js';

/** The busy hours of the day the daytime average covers, minutes from midnight: 08:00 to 20:00. */
export const DAYTIME_MINUTES = { from: 8 * 60, to: 20 * 60 } as const;

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` of the day `day` days after `startDate`. */

/** `YYYY-MM-DDTHH:MM` of an instant `seconds` after midnight of `startDate`. */
function localStamp(startDate: string, seconds: number): string {
  return new Date(Date.parse(`${startDate}T00:00:00Z`) + seconds * 1000).toISOString().slice(0, 16);
}

/**
 * The quarter whose mean answer rate (of the measure that judges the answer-rate
 * target) is the lowest, with its days; null when the run has fewer than two
 * quarters (then the whole horizon is the period shown).
 */
function weakestQuarter(
  result: ReplicationResult,
  measure: keyof Kpis,
): { period: string; firstDay: number; days: number } | null {
  if (result.quarters.length < 2) return null;
  let weakest: (typeof result.quarters)[number] | null = null;
  for (const quarter of result.quarters) {
    const mean = quarter.kpis[measure]?.mean;
    if (mean === undefined) continue;
    if (weakest === null || mean <= (weakest.kpis[measure]?.mean ?? Infinity)) weakest = quarter;
  }
  if (weakest === null) return null;
  const firstDay = Math.round(weakest.startSeconds / 86_400);
  return { period: weakest.period, firstDay, days: Math.round(weakest.endSeconds / 86_400) - firstDay };
}

/**
 * The staffing section of a report.
 *
 * @param scenario the scenario simulated
 * @param result its replications (the weakest quarter, and the live share of staff under churn)
 * @param set the target set (its answer-rate target sets the requirement; 80% without one)
 * @param answerRateMeasure the KPI that judges the answer-rate target (`answerRate` per attempt by default)
 * @returns the section
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const scenario = periodOf(file.scenario, '2020-01-01', 2);
 * const result = await replicate(scenario, { replications: 2, seed: 1, workers: 0 });
 * const staffing = staffingSection(scenario, result, file.meta.targets?.set);
 * [staffing.slots.length, staffing.requirementTarget, staffing.daytime]; // => [48, 0.8, { from: '08:00', to: '20:00' }]
 */
export function staffingSection(
  scenario: Scenario,
  result: ReplicationResult,
  set: TargetSet | undefined,
  answerRateMeasure: keyof Kpis = 'answerRate',
): ReportStaffing {
  const agents = agentsPerInterval(scenario);
  const entering = expectedArrivalsPerInterval(scenario);
  const agentBound = 1 - (scenario.selfServiceShare ?? 0);
  const intervalHours = scenario.intervalMinutes / 60;
  const perDay = Math.round((24 * 60) / scenario.intervalMinutes);
  const totalDays = Math.max(1, Math.floor(agents.length / perDay));
  const agentHours = agents.reduce((sum, a) => sum + a * intervalHours, 0);
  let peak = 0;
  for (let i = 1; i < agents.length; i++) if ((agents[i] ?? 0) > (agents[peak] ?? 0)) peak = i;
  let daytimeSum = 0;
  let daytimeCount = 0;
  agents.forEach((count, i) => {
    const minute = (i % perDay) * scenario.intervalMinutes;
    if (minute >= DAYTIME_MINUTES.from && minute < DAYTIME_MINUTES.to) {
      daytimeSum += count;
      daytimeCount++;
    }
  });

  const weakest = weakestQuarter(result, answerRateMeasure);
  const firstDay = weakest?.firstDay ?? 0;
  const days = Math.max(1, Math.min(weakest?.days ?? totalDays, totalDays - firstDay));
  const slotMean = (values: readonly number[], slot: number): number => {
    let sum = 0;
    for (let d = firstDay; d < firstDay + days; d++) sum += values[d * perDay + slot] ?? 0;
    return sum / days;
  };
  const from = addDays(scenario.startDate, firstDay);
  const to = addDays(scenario.startDate, firstDay + days - 1);

  // The live share: live staff over the staff the table assumes, on the period's days, mean across replications.
  const planned = scenario.workforce
    ? (scenario.workforce.plannedLiveAgents ??
      scenario.workforce.spec.targetHeadcount ??
      scenario.workforce.spec.initialStaff)
    : 0;
  const shares = result.runs.flatMap((run) => {
    const inPeriod = run.workforce?.days.filter((day) => day.date >= from && day.date <= to) ?? [];
    if (inPeriod.length === 0 || !(planned > 0)) return [];
    return [inPeriod.reduce((sum, day) => sum + day.live, 0) / (inPeriod.length * planned)];
  });
  const liveShare = shares.length > 0 ? shares.reduce((a, b) => a + b, 0) / shares.length : 1;

  const answerRateIndicator = set?.indicators.find((i) => i.kpi === 'answerRate');
  const requirementTarget =
    answerRateIndicator && typeof answerRateIndicator.value === 'number' ? answerRateIndicator.value : 0.8;
  const meanHandleSeconds = distributionMean(scenario.handle);
  const meanPatienceSeconds = scenario.patience ? distributionMean(scenario.patience) : undefined;
  const redial =
    scenario.redial && scenario.redial.maxAttempts > 1
      ? { redialProbability: scenario.redial.redialProbability, maxAttempts: scenario.redial.maxAttempts }
      : undefined;
  const slots = Array.from({ length: perDay }, (_, slot) => {
    const callsPerHour = (slotMean(entering, slot) * agentBound) / intervalHours;
    const scheduledAgents = slotMean(agents, slot);
    const requiredAgents = requiredAgentsWithRedials(
      {
        arrivalsPerHour: callsPerHour,
        meanHandleSeconds,
        ...(meanPatienceSeconds !== undefined && Number.isFinite(meanPatienceSeconds)
          ? { meanPatienceSeconds }
          : {}),
        answerWithinSeconds: scenario.answerWithinSeconds,
      },
      { answerRate: requirementTarget },
      redial,
    );
    return {
      start: hhmm(slot * scenario.intervalMinutes),
      callsPerHour,
      scheduledAgents,
      liveAgents: scheduledAgents * liveShare,
      requiredAgents,
    };
  });
  return {
    agentHours,
    meanAgents: agents.length > 0 ? agentHours / (agents.length * intervalHours) : 0,
    meanAgentsDaytime: daytimeCount > 0 ? daytimeSum / daytimeCount : 0,
    daytime: { from: hhmm(DAYTIME_MINUTES.from), to: hhmm(DAYTIME_MINUTES.to) },
    peakAgents: agents[peak] ?? 0,
    peakInterval: localStamp(scenario.startDate, peak * scenario.intervalMinutes * 60),
    slotsPeriod: {
      label: weakest?.period ?? `${from}/${to}`,
      from,
      to,
      why: weakest
        ? {
            zh: `${weakest.period}（接通率最低的季度）各天的平均`,
            en: `the days of ${weakest.period}, the quarter with the lowest answer rate, averaged`,
          }
        : { zh: '测算期各天的平均', en: 'the days of the horizon, averaged' },
    },
    liveShare,
    slots,
    requirementTarget,
    shortSlots: slots.filter((slot) => slot.liveAgents < slot.requiredAgents).length,
  };
}
