import { queueMetrics } from '../analytic/queueMetrics.js';
import type { ObservedCall } from '../calibrate/types.js';
import { requireNonNegativeInteger, requirePositiveFinite } from '../core/validate.js';
import { validateHoldOut } from '../calibrate/holdOut.js';
import { distributionMean } from '../model/distributions.js';
import { simulateQueue } from '../model/simulateQueue.js';
import { summarise, summariseProportion, type Summary } from '../stats/summarise.js';
import { formatNumber, formatPercent } from '../core/format.js';
import type { Bilingual, RealCallCenterCheck, ReportStaffing, ReportSummary, TheoryCheck } from './types.js';
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
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const scenario = periodOf(file.scenario, '2020-01-01', 2);
 * const staffing = staffingSection(scenario, await replicate(scenario, { replications: 1, seed: 1, workers: 0 }), file.meta.targets?.set);
 * theoryCheck(scenario, staffing, { replications: 3, calls: 5_000 }).agrees; // => { answerRate: true, serviceLevel: true, asaSeconds: true }
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
  const summary = (pick: (run: (typeof runs)[number]) => number, proportion: boolean): ReportSummary =>
    reportSummary((proportion ? summariseProportion : summarise)(runs.map(pick), 0.99));
  const simulated = {
    answerRate: summary((run) => run.answerRate, true),
    serviceLevel: summary((run) => run.serviceLevel, true),
    asaSeconds: summary((run) => run.asaSeconds, false),
  };
  return {
    description: {
      zh:
        `所示日的最忙时段（${busiest.start}）：以相同输入，将 Erlang A 精确值（处理时长与耐心服从指数分布、无重拨）` +
        '与模拟器的平稳排队结果对照；精确值应落在模拟均值的 99% 置信区间内',
      en:
        `The busiest interval of the day shown (${busiest.start}): Erlang A (exponential handle time and patience, ` +
        'no redials) against the simulator run as a stationary queue with the same inputs; the exact value should ' +
        'lie in the 99% interval of the simulated mean',
    },
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

/** The Anonymous Bank records, named as the report cites them. */
export const ANONYMOUS_BANK_SOURCE: Bilingual = {
  zh: 'Anonymous Bank 呼叫中心 1999 年 2 月逐通记录（Technion SEE 实验室）',
  en: 'Anonymous Bank call center, February 1999 (Technion SEE Laboratory)',
};

/** Which records to compare with, and how (`realCallCenterCheck`). */
export interface RealCallCenterOptions {
  /** Where the records come from, in words (shown in the report). */
  source: Bilingual;
  /** Days to calibrate on, ISO dates, both included. */
  train: { from: string; to: string };
  /** Days to predict (held out), ISO dates, both included. */
  test: { from: string; to: string };
  /** Service-level threshold, seconds. */
  answerWithinSeconds: number;
  /** __Default value:__ `10` */
  replications?: number;
  /** __Default value:__ `1` */
  seed?: number;
}

/**
 * The simulator against a real call center, held out: `validateHoldOut`
 * calibrates behaviour on the training days and predicts the test days from
 * their calls and agents scheduled only; the report shows the test days as a
 * whole and the mean absolute errors hour by hour (what `hotline validate` and
 * notebook 06 show in full).
 *
 * @param records the call records (training and test days)
 * @param options the records' source, the two periods and the service-level threshold
 * @returns what the records show on the test days, the prediction, the hourly errors and the finding in words
 * @throws {RangeError} from `validateHoldOut` (bad periods, a test day no named agent served)
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * realCallCenterCheck(bank.records, { source: ANONYMOUS_BANK_SOURCE, train: { from: '1999-02-01', to: '1999-02-14' },
 *   test: { from: '1999-02-15', to: '1999-02-28' }, answerWithinSeconds: 20, replications: 2 }).hourlyErrors;
 * // => { hours: 17, abandonRate: 0.03640, serviceLevel: 0.1477, asaSeconds: 15.79 }
 */
export function realCallCenterCheck(
  records: readonly ObservedCall[],
  options: RealCallCenterOptions,
): RealCallCenterCheck {
  const replications = options.replications ?? 10;
  const v = validateHoldOut(records, {
    train: options.train,
    test: options.test,
    thresholdSeconds: options.answerWithinSeconds,
    replications,
    seed: options.seed ?? 1,
  });
  const e = v.errors.byHour;
  const o = v.overall.observed;
  const p = v.overall.predicted;
  const pct = (x: number | null): string => formatPercent(x, 1);
  const optimistic = (p.abandonRate ?? 0) < (o.abandonRate ?? 0);
  return {
    source: { ...options.source },
    train: { ...options.train },
    test: { ...options.test },
    replications,
    observed: {
      offered: o.offered,
      abandonRate: o.abandonRate,
      serviceLevel: o.serviceLevel,
      asaSeconds: o.asaSeconds,
    },
    simulated: {
      offered: p.offered,
      abandonRate: p.abandonRate,
      serviceLevel: p.serviceLevel,
      asaSeconds: p.asaSeconds,
    },
    hourlyErrors: {
      hours: e.cells,
      abandonRate: e.abandonRate,
      serviceLevel: e.serviceLevel,
      asaSeconds: e.asaSeconds,
    },
    answerWithinSeconds: options.answerWithinSeconds,
    finding: {
      zh:
        `在留出的日期上逐小时比较，预测的放弃率平均偏差 ${formatNumber(100 * e.abandonRate, 1)} 个百分点，服务水平偏差 ` +
        `${formatNumber(100 * e.serviceLevel, 1)} 个百分点，平均应答时间偏差 ${formatNumber(e.asaSeconds, 0)} 秒。` +
        `留出期整体预测放弃率 ${pct(p.abandonRate)}，实际 ${pct(o.abandonRate)}` +
        (optimistic
          ? '：预测偏乐观，主要因为留出期的通话比训练期更长（规划时既要预测话务量，也要预测处理时长），故方案应在模拟接通率之上留有余量。'
          : '。'),
      en:
        `Hour by hour on the held-out days the prediction misses abandonment by ${formatNumber(100 * e.abandonRate, 1)} percentage points on average, ` +
        `the service level by ${formatNumber(100 * e.serviceLevel, 1)} points and ASA by ${formatNumber(e.asaSeconds, 0)} s. ` +
        `Over the held-out days ${pct(p.abandonRate)} abandon in the prediction against ${pct(o.abandonRate)} observed` +
        (optimistic
          ? ': the prediction is optimistic, mostly because calls were longer on the held-out days than on the training days ' +
            '(a planner must forecast handle time as well as volume), so a plan should keep a margin above the simulated answer rate.'
          : '.'),
    },
  };
}
