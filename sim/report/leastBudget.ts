/*
 * 达标所需最低预算: the least budget whose plan meets the targets money buys
 * (the queue targets: answer rate, service level, ASA) with the planner's
 * probability p, for the report. The search itself is `leastBudget` (plan/);
 * here: which days it simulates, what it is given, and what the report says
 * of its answer (the seats, the yuan, the targets and quarters that bind,
 * the cost of each extra point of probability).
 *
 * The search simulates the quarters that fall short at the planned budget,
 * not the whole year: more seats never take an agent from any interval, so
 * the quarters that meet the targets at the planned budget meet them with
 * more, and a search of the whole year costs four times as many simulated
 * days. The budget is for the year: the period gets the share of the year's
 * agent-hours that the scenario's own staffing puts in it.
 */
import type { BuyingOptions } from '../budget/whatBudgetBuys.js';
import { whatBudgetBuys } from '../budget/whatBudgetBuys.js';
import type { UnitCosts } from '../budget/types.js';
import { addDays } from '../core/dates.js';
import { formatNumber, formatPercent } from '../core/format.js';
import { SIMULATED_KPIS, type AnswerRateDefinition, type TargetSet } from '../core/targets.js';
import { periodOf } from '../io/scenarioFile.js';
import { kpisOf } from '../model/kpis.js';
import type { Scenario } from '../model/types.js';
import { decideProbability } from '../plan/decision.js';
import { meetsTargets } from '../plan/evaluatePlan.js';
import { leastBudgetTestJson, leastBudgetTestSentence, type LeastBudgetResult } from '../plan/leastBudget.js';
import type { ReplicationResult } from '../plan/replicate.js';
import { shareOfYearAgentHours } from '../plan/staffingByMonth.js';
import type { Bilingual, ReportLeastBudget, ReportLeastBudgetTest, ReportTargetTable } from './types.js';

/** The days the report's least-budget search simulates, and why. */
export interface LeastBudgetPeriod {
  /** The search's scenario: the report's scenario cut to the period. */
  scenario: Scenario;
  from: string;
  days: number;
  /** The quarters in the period, `YYYY-Qn`. */
  quarters: string[];
  /** Share of the year's agent-hours the scenario's staffing puts in the period (the buying rule's proration). */
  shareOfYear: number;
  why: Bilingual;
}

/** `YYYY-MM-DD` of the day `day` days after `startDate`. */
/**
 * The days the least-budget search simulates: from the first to the last
 * quarter in which fewer than p of the replications meet every queue target
 * (at the planned budget), or the report's whole period when every quarter
 * meets them; with the share of the year's agent-hours that falls in them.
 *
 * @param year the scenario file's whole horizon (the budget is for it)
 * @param scenario the report's scenario (the whole horizon, or a period of it)
 * @param result the report's replications of `scenario`
 * @param targets the target set and the answer-rate definition
 * @param confidence the probability p
 * @returns the period
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const scenario = periodOf(file.scenario, '2020-01-01', 2);
 * const result = await replicate(scenario, { replications: 2, seed: 1, workers: 0 });
 * const period = leastBudgetPeriod(file.scenario, scenario, result, file.meta.targets!, 0.9);
 * [period.from, period.days, period.quarters]; // => ['2020-01-01', 2, ['2020-Q1']] (the whole run: nothing falls short)
 */
export function leastBudgetPeriod(
  year: Scenario,
  scenario: Scenario,
  result: ReplicationResult,
  targets: { set: TargetSet; answerRateDefinition: AnswerRateDefinition },
  confidence: number,
): LeastBudgetPeriod {
  const periods = result.quarters.map((quarter) => quarter.period);
  const short = periods
    .map((period, q) => {
      const met = result.runs.filter((run) => {
        const row = run.quarters[q];
        return (
          row !== undefined &&
          meetsTargets(kpisOf(row), targets.set, scenario.answerWithinSeconds, targets.answerRateDefinition)
        );
      }).length;
      return { period, q, share: result.runs.length > 0 ? met / result.runs.length : 0 };
    })
    .filter((quarter) => quarter.share < confidence);
  const first = short[0];
  const last = short[short.length - 1];
  let from = scenario.startDate;
  let days = scenario.days;
  let quarters = periods;
  let why: Bilingual;
  if (first !== undefined && last !== undefined && (first.q > 0 || last.q < periods.length - 1)) {
    const start = result.quarters[first.q];
    const end = result.quarters[last.q];
    const firstDay = Math.round((start?.startSeconds ?? 0) / 86_400);
    const lastDay = Math.round((end?.endSeconds ?? scenario.days * 86_400) / 86_400);
    from = addDays(scenario.startDate, firstDay);
    days = Math.min(scenario.days - firstDay, lastDay - firstDay);
    quarters = periods.slice(first.q, last.q + 1);
    const others = periods.filter((period) => !quarters.includes(period));
    why = {
      zh:
        `在计划预算下，${quarters.join('、')} 满足全部排队类目标的重复次数比例低于 ${formatPercent(confidence, 0)}，` +
        `故只模拟这些季度；${others.join('、')} 在计划预算下已达到该比例，增加座席不会减少任何时段的座席，因此仍会达标。`,
      en:
        `At the planned budget fewer than ${formatPercent(confidence, 0)} of the replications meet every queue target in ` +
        `${quarters.join(', ')}, so the search simulates these quarters only; ${others.join(', ')} reach that share at the ` +
        'planned budget, and more seats never take an agent from any interval, so they keep meeting them.',
    };
  } else {
    why =
      first === undefined
        ? {
            zh: '计划预算下各季度均达到要求的比例，故在整个测算期内搜索可以节省的预算。',
            en: 'Every quarter reaches the share at the planned budget, so the search covers the whole period, for the budget that could be saved.',
          }
        : {
            zh: '未达标的季度首尾覆盖整个测算期，故模拟整个测算期。',
            en: 'The quarters that fall short span the whole period, so the search simulates all of it.',
          };
  }
  const search =
    from === scenario.startDate && days === scenario.days ? scenario : periodOf(scenario, from, days);
  const shareOfYear = shareOfYearAgentHours(search, year);
  return { scenario: search, from, days, quarters, shareOfYear, why };
}

/** What `leastBudgetSection` needs besides the search's answer. */
export interface LeastBudgetContext {
  period: LeastBudgetPeriod;
  confidence: number;
  unitCosts: UnitCosts;
  buying: BuyingOptions;
  /** The replications the search added at a time, and its most per budget. */
  batchReplications: number;
  maxReplications: number;
  /** The planned budget's stated total, yuan, or null. */
  plannedTotalYuan: number | null;
}

/**
 * The measured targets of a table that fall short and that seats do not
 * change: every measure but the queue's (faults, budget execution,
 * turnover...), failed, or undecided with fewer than p of the replications
 * meeting it.
 *
 * @param table the report's target table, or null
 * @returns their ids and names, in the table's order
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const report = await makeReport(file, {
 *   replications: 2, seed: 1, days: 2, workers: 0, desk: false, leastBudget: false, theory: false, date: '2019-12-31',
 *   generator: { version: '0.1.0', command: 'hotline report' },
 * });
 * targetsSeatsDoNotBuy(report.targets).map((row) => row.id); // => ['assessments'] (two days hold one assessment of four)
 */
export function targetsSeatsDoNotBuy(table: ReportTargetTable | null): { id: string; name: Bilingual }[] {
  const queueKeys = new Set<string>(SIMULATED_KPIS);
  return (table?.rows ?? [])
    .filter(
      (row) =>
        (row.status === 'fail' ||
          (row.status === 'undecided' && (row.probability?.probability ?? 1) < (table?.confidence ?? 0.9))) &&
        row.measuredBy !== null &&
        !queueKeys.has(row.measuredBy),
    )
    .map((row) => ({ id: row.id, name: { ...row.name } }));
}

/**
 * The report's least-budget section from the search's answer (`notBought`
 * is left empty: `buildReport` fills it from the report's own table).
 *
 * @param answer what `leastBudget` returned
 * @param context the period, p, costs, buying rule, sampling and the planned budget
 * @returns the section
 * @example
 * const file = readScenarioFile('data/shanghai-12333-2020/scenario.json');
 * const scenario = periodOf(file.scenario, '2020-07-06', 2);
 * const result = await replicate(scenario, { replications: 2, seed: 1, workers: 0 });
 * const period = leastBudgetPeriod(file.scenario, scenario, result, file.meta.targets!, 0.9);
 * const buying = { staffPerSeat: 407 / 359, shrinkage: 0.3 };
 * const answer = await leastBudget(period.scenario, file.meta.targets!.set, shanghai12333UnitCosts2020, {
 *   buying: periodBuyingRule(buying, period.days, period.shareOfYear), seed: 1, batchReplications: 2, maxReplications: 4, workers: 0,
 * });
 * const section = leastBudgetSection(answer, {
 *   period, confidence: 0.9, unitCosts: shanghai12333UnitCosts2020, buying,
 *   batchReplications: 2, maxReplications: 4, plannedTotalYuan: 55_070_152,
 * });
 * section.totalYuan === section.seats * section.costPerSeatYearYuan + 4_137_700; // => true (whole seat-years and the fee)
 * section.seats === answer.purchase.seats; // => true
 */
export function leastBudgetSection(
  answer: LeastBudgetResult,
  context: LeastBudgetContext,
): ReportLeastBudget {
  const { costPerSeatYear } = whatBudgetBuys(
    { seatRental: 0, managementFee: context.unitCosts.managementFeeYear },
    context.unitCosts,
    context.buying,
  );
  const n = answer.evaluation.replications;
  const seats = answer.purchase.seats;
  // One seat less on the answer's own replications: a paired difference, what the last seat buys.
  const below = answer.oneSeatLess;
  const probability = { ...answer.probability };
  const delta = below ? probability.probability - below.probability.probability : 0;
  const queueKeys = new Set<string>(SIMULATED_KPIS);
  const binding = answer.evaluation.targetTable.rows
    .filter((row) => row.measuredBy !== null && queueKeys.has(row.measuredBy))
    .flatMap((row) =>
      row.quarters.flatMap((quarter) =>
        quarter.estimate
          ? [
              {
                id: row.id,
                name: { ...row.name },
                period: quarter.period,
                probability: { ...quarter.estimate },
              },
            ]
          : [],
      ),
    )
    .filter((entry) => entry.probability.probability < 1)
    .sort((a, b) => a.probability.probability - b.probability.probability || a.period.localeCompare(b.period))
    .slice(0, 4);
  const planned = context.plannedTotalYuan;
  const test: ReportLeastBudgetTest = { ...leastBudgetTestJson(answer.test), level: answer.evaluation.level };
  return {
    confidence: context.confidence,
    period: {
      from: context.period.from,
      days: context.period.days,
      quarters: [...context.period.quarters],
      why: { ...context.period.why },
    },
    found: answer.found,
    seats,
    staffOnPayroll: answer.purchase.staffOnPayroll,
    seatRentalYuan: answer.budget.seatRental,
    managementFeeYuan: answer.budget.managementFee,
    totalYuan: answer.totalYuan,
    changeFromPlannedYuan: planned === null ? null : answer.totalYuan - planned,
    changeFromPlanned: planned === null || planned <= 0 ? null : answer.totalYuan / planned - 1,
    costPerSeatYearYuan: costPerSeatYear,
    probability,
    decision: decideProbability(probability, context.confidence),
    replications: n,
    replicationsRun: answer.replications,
    seatBelow: below
      ? {
          seats: below.seats,
          totalYuan: below.totalYuan,
          probability: { ...below.probability },
          replications: below.replications,
          judgedShortAfter: below.judgedShortAfter,
        }
      : null,
    costPerPointYuan: below && delta > 0 ? (answer.totalYuan - below.totalYuan) / (100 * delta) : null,
    binding,
    notBought: [],
    analyticSeats: answer.analyticSeats,
    test,
    rule: leastBudgetRule(test, context.batchReplications),
  };
}

/**
 * The least-budget search and the rule that judged each budget, in words, with
 * the rule's actual error rates (the report states them beside the answer).
 *
 * @param test the rule and its error rates (`ReportLeastBudget.test`)
 * @param batch replications simulated at a time for a budget
 * @returns the rule in Chinese and English
 * @example
 * const rule = leastBudgetTest({ maxReplications: 20 });
 * const words = leastBudgetRule({ ...rule, maxReplications: 20, level: 0.95 }, 4);
 * const from = words.en.indexOf('with the cap');
 * words.en.slice(from, words.en.indexOf(';', from));
 * // => 'with the cap, a budget whose probability is 85% is judged to reach 90% with probability 17.6%, one at 95% judged short with probability 26.4%'
 */
export function leastBudgetRule(test: ReportLeastBudgetTest, batch: number): Bilingual {
  const pct = (x: number, digits = 0): string => formatPercent(x, digits);
  const low = pct(test.p - test.delta);
  const high = pct(test.p + test.delta);
  const p = pct(test.p);
  const m = test.maxReplications;
  const mean = formatNumber(test.expectedReplicationsAtP, 0);
  return {
    zh:
      `先以排队公式（Erlang A，含重拨平衡）按季度筛选座席数，再在共同随机数下逐个预算模拟（每次 ${batch} 次重复）。` +
      `每个预算由带无差异区间的序贯检验判定：Wald 序贯概率比检验 P = ${low} 对 P = ${high}，` +
      `两侧名义错误率 α = β = ${pct(test.alpha)}，最多 ${m} 次重复，届时按似然比的符号判定。` +
      `含上限的实际错误率：达标概率为 ${low} 的预算被判为达到 ${p} 的概率为 ${pct(test.reachesAtLow, 1)}，` +
      `为 ${high} 的预算被判为未达到的概率为 ${pct(test.shortAtHigh, 1)}；达标概率恰为 ${p} 的预算平均读取 ${mean} 次重复。` +
      `最低预算判为达到 ${p}，少一个坐席则判为未达到；所列概率附 ${pct(test.level)} Wilson 区间。`,
    en:
      `The formulas (Erlang A with redials at equilibrium, per quarter) screen the seats; then budgets are simulated ` +
      `under common random numbers, ${batch} replications at a time, ${leastBudgetTestSentence(test)}. The least budget ` +
      `is judged to reach ${p} and one seat less is judged short; probabilities are shown with their ` +
      `${pct(test.level)} Wilson interval.`,
  };
}
