import { queueMetrics } from '../analytic/queueMetrics.js';
import { calibrateFromRecords } from '../calibrate/calibrateFromRecords.js';
import type { ObservedCall } from '../calibrate/types.js';
import { requireNonNegativeInteger, requirePositiveFinite } from '../core/validate.js';
import { scenarioFromCalibration } from '../io/calibratedScenario.js';
import { distributionMean } from '../model/distributions.js';
import { simulate } from '../model/simulate.js';
import { simulateQueue } from '../model/simulateQueue.js';
import { summarise, type Summary } from '../stats/summarise.js';
import type { RealCallCenterCheck, ReportStaffing, ReportSummary, TheoryCheck } from './types.js';
import type { Scenario } from '../model/types.js';

function reportSummary(summary: Summary): ReportSummary {
  return {
    mean: summary.mean,
    p05: summary.p05,
    p95: summary.p95,
    ciLow: Number.isFinite(summary.ciLow) ? summary.ciLow : null,
    ciHigh: Number.isFinite(summary.ciHigh) ? summary.ciHigh : null,
  };
}

const inside = (value: number, s: ReportSummary): boolean =>
  s.ciLow !== null && s.ciHigh !== null && value >= s.ciLow && value <= s.ciHigh;

/**
 * The simulator against exact Erlang A at the scenario's busiest half hour of
 * a typical day: that slot's load (agent-bound fresh calls per hour, no
 * redials) and its scheduled agents (rounded), with exponential handle times
 * and patience of the scenario's means, simulated as a stationary queue
 * (`simulateQueue`) `replications` times. An exact value outside the 99%
 * interval of the simulated mean is evidence against the simulator.
 *
 * @param scenario the scenario (its handle and patience means)
 * @param staffing the report's staffing section (the slot's load and agents)
 * @param options replications (10), measured calls per replication (20,000), seed (1)
 * @returns the exact and simulated values with the verdict per KPI
 * @throws {RangeError} when the counts are not positive integers or the busiest slot has no agent
 * @example
 * theoryCheck(scenario, report.staffing).agrees; // => { answerRate: true, serviceLevel: true, asaSeconds: true }
 */
export function theoryCheck(
  scenario: Scenario,
  staffing: Pick<ReportStaffing, 'slots'>,
  options: { replications?: number; calls?: number; seed?: number } = {},
): TheoryCheck {
  const fn = 'theoryCheck';
  const replications = options.replications ?? 10;
  const calls = options.calls ?? 20_000;
  const seed = options.seed ?? 1;
  requirePositiveFinite(fn, 'replications', replications);
  requireNonNegativeInteger(fn, 'replications', replications);
  requirePositiveFinite(fn, 'calls', calls);
  requireNonNegativeInteger(fn, 'calls', calls);
  requireNonNegativeInteger(fn, 'seed', seed);
  const busiest = staffing.slots.reduce<(typeof staffing.slots)[number] | undefined>(
    (best, slot) => (best === undefined || slot.callsPerHour > best.callsPerHour ? slot : best),
    undefined,
  );
  const agents = Math.round(busiest?.scheduledAgents ?? 0);
  if (busiest === undefined || agents < 1) {
    throw new RangeError(`${fn}: the busiest interval must have at least one agent (got ${agents})`);
  }
  const meanHandleSeconds = distributionMean(scenario.handle);
  const meanPatienceSeconds = scenario.patience ? distributionMean(scenario.patience) : Infinity;
  const q = {
    agents,
    arrivalsPerHour: busiest.callsPerHour,
    meanHandleSeconds,
    meanPatienceSeconds,
    answerWithinSeconds: scenario.answerWithinSeconds,
  };
  const exact = queueMetrics(q);
  const runs = Array.from({ length: replications }, (_, replication) =>
    simulateQueue(q, { calls, seed, replication }),
  );
  const summary = (pick: (run: (typeof runs)[number]) => number): ReportSummary =>
    reportSummary(summarise(runs.map(pick), 0.99));
  const simulated = {
    answerRate: summary((run) => run.answerRate),
    serviceLevel: summary((run) => run.serviceLevel),
    asaSeconds: summary((run) => run.asaSeconds),
  };
  return {
    description:
      `The busiest half hour of a typical day (${busiest.start}): Erlang A (exponential handle time and patience, ` +
      'no redials) against the simulator run as a stationary queue with the same inputs; the exact value should ' +
      'lie in the 99% interval of the simulated mean',
    arrivalsPerHour: busiest.callsPerHour,
    agents,
    meanHandleSeconds,
    meanPatienceSeconds: Number.isFinite(meanPatienceSeconds) ? meanPatienceSeconds : 0,
    exact: { answerRate: exact.answerRate, serviceLevel: exact.serviceLevel, asaSeconds: exact.asaSeconds },
    simulated,
    replications,
    callsPerReplication: calls,
    agrees: {
      answerRate: inside(exact.answerRate, simulated.answerRate),
      serviceLevel: inside(exact.serviceLevel, simulated.serviceLevel),
      asaSeconds: inside(exact.asaSeconds, simulated.asaSeconds),
    },
  };
}

/** Which records to compare with, and how (`realCallCenterCheck`). */
export interface RealCallCenterOptions {
  /** Where the records come from, in words (shown in the report). */
  source: string;
  /** First day of the records, ISO `YYYY-MM-DD`; records are seconds from its midnight, local time. */
  startDate: string;
  /** Whole days covered. */
  days: number;
  /** Service-level threshold, seconds. */
  answerWithinSeconds: number;
  /** __Default value:__ `10` */
  replications?: number;
  /** __Default value:__ `1999` */
  seed?: number;
}

interface Totals {
  offered: number;
  abandoned: number;
  waitSeconds: number;
  waited: number;
  answeredWithin: number;
}

const rates = (t: Totals, replications: number): RealCallCenterCheck['observed'] => ({
  offered: t.offered / replications,
  abandonRate: t.offered > 0 ? t.abandoned / t.offered : 0,
  meanWaitSeconds: t.waited > 0 ? t.waitSeconds / t.waited : 0,
  serviceLevel: t.offered > 0 ? t.answeredWithin / t.offered : 0,
});

/**
 * The simulator against a real call center: calibrate the model on call
 * records (`calibrateFromRecords`: arrivals per hour and weekday, handle
 * times, patience, agents present per hour), simulate the same days
 * `replications` times, and compare the whole period: calls offered, the
 * abandonment rate, the mean wait (answered and abandoned calls) and the
 * service level. The model is not tuned to the records; the comparison is
 * reported as it comes out.
 *
 * @param records the call records (every queued call of whole days)
 * @param options the records' source, first day, days and service-level threshold
 * @returns what the records show and what the simulation gives, with the finding in words
 * @throws {RangeError} from the calibration when the records are too few
 * @example
 * realCallCenterCheck(bank.records, { source: 'Anonymous Bank, Feb 1999', startDate: '1999-02-01', days: 28, answerWithinSeconds: 20 });
 */
export function realCallCenterCheck(
  records: readonly ObservedCall[],
  options: RealCallCenterOptions,
): RealCallCenterCheck {
  const replications = options.replications ?? 10;
  const seed = options.seed ?? 1999;
  const start = Date.parse(`${options.startDate}T00:00:00Z`) / 1000;
  const end = start + options.days * 86_400;
  const observed: Totals = { offered: 0, abandoned: 0, waitSeconds: 0, waited: 0, answeredWithin: 0 };
  for (const r of records) {
    if (r.arrivalSeconds < start || r.arrivalSeconds >= end) continue;
    observed.offered++;
    if (r.outcome === 'abandoned') observed.abandoned++;
    if (r.outcome !== 'blocked') {
      observed.waitSeconds += r.waitSeconds;
      observed.waited++;
    }
    if (r.outcome === 'answered' && r.waitSeconds <= options.answerWithinSeconds) observed.answeredWithin++;
  }
  const params = calibrateFromRecords(records, { source: options.source, intervalMinutes: 60 });
  const scenario = scenarioFromCalibration(params, {
    startDate: options.startDate,
    days: options.days,
    answerWithinSeconds: options.answerWithinSeconds,
  });
  const simulated: Totals = { offered: 0, abandoned: 0, waitSeconds: 0, waited: 0, answeredWithin: 0 };
  for (let replication = 0; replication < replications; replication++) {
    for (const row of simulate(scenario, { seed, replication }).intervals) {
      simulated.offered += row.offered;
      simulated.abandoned += row.abandoned;
      simulated.waitSeconds += row.waitAnsweredSeconds + row.waitAbandonedSeconds;
      simulated.waited += row.answered + row.abandoned;
      simulated.answeredWithin += row.answeredWithin;
    }
  }
  const o = rates(observed, 1);
  const s = rates(simulated, replications);
  const loadError = o.offered > 0 ? s.offered / o.offered - 1 : 0;
  const optimistic = s.abandonRate < o.abandonRate && s.meanWaitSeconds < o.meanWaitSeconds;
  return {
    source: options.source,
    days: options.days,
    replications,
    observed: o,
    simulated: s,
    answerWithinSeconds: options.answerWithinSeconds,
    finding:
      `The simulated load is within ${(100 * Math.abs(loadError)).toFixed(1)}% of the records'. ` +
      (optimistic
        ? `The simulation is optimistic: ${(100 * s.abandonRate).toFixed(1)}% abandon against ${(100 * o.abandonRate).toFixed(1)}% ` +
          `observed, a mean wait of ${s.meanWaitSeconds.toFixed(0)} s against ${o.meanWaitSeconds.toFixed(0)} s. ` +
          'Agents counted as present from their calls are not all free to answer (notebook 06 gives the reasons), ' +
          'so a plan should keep a margin above the simulated answer rate.'
        : `Abandonment ${(100 * s.abandonRate).toFixed(1)}% simulated against ${(100 * o.abandonRate).toFixed(1)}% observed; ` +
          `mean wait ${s.meanWaitSeconds.toFixed(0)} s against ${o.meanWaitSeconds.toFixed(0)} s.`),
  };
}
