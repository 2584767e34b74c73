import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shanghai12333UnitCosts2020 } from '../../sim/budget/shanghai12333Costs.js';
import { whatBudgetBuys } from '../../sim/budget/whatBudgetBuys.js';
import { periodOf, readScenarioFile } from '../../sim/io/scenarioFile.js';
import { agentsPerInterval } from '../../sim/model/scenario.js';
import { leastBudget } from '../../sim/plan/leastBudget.js';
import { replicate } from '../../sim/plan/replicate.js';
import { leastBudgetPeriod, leastBudgetSection } from '../../sim/report/leastBudget.js';
import { periodBuyingRule } from '../../sim/plan/staffingByMonth.js';

const file = readScenarioFile(join('data', 'shanghai-12333-2020', 'scenario.json'));
const targets = file.meta.targets!;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const buying = { staffPerSeat: 407 / 359, shrinkage: 0.3, hiresPerStaffYear: 0 };

describe('the least budget of the report', () => {
  // Four days across the Q1/Q2 boundary: two quarters in the run.
  const scenario = periodOf(file.scenario, '2020-03-30', 4);

  it('searches the quarters that fall short, with the share of the year’s agent-hours they hold', async () => {
    const result = await replicate(scenario, { replications: 2, seed: 3, workers: 0 });
    expect(result.quarters.map((q) => q.period)).toEqual(['2020-Q1', '2020-Q2']);
    // At p = 0 no quarter falls short: the search covers the whole period.
    const none = leastBudgetPeriod(file.scenario, scenario, result, targets, 0);
    expect([none.from, none.days, none.quarters]).toEqual(['2020-03-30', 4, ['2020-Q1', '2020-Q2']]);
    expect(none.scenario).toBe(scenario);
    // The share of the year's agent-hours, from the scenario's own staffing (exact).
    expect(none.shareOfYear).toBeCloseTo(
      sum(agentsPerInterval(scenario)) / sum(agentsPerInterval(file.scenario)),
      12,
    );
    // The buying rule prorates by that share: 24 h x 4 days / share.
    expect(periodBuyingRule(buying, none.days, none.shareOfYear).openHoursYear).toBeCloseTo(
      (24 * 4) / none.shareOfYear,
      9,
    );
  }, 60_000);

  it('gives the seats, the yuan, one seat less and the cost of a point of probability, from the search', async () => {
    const search = periodOf(file.scenario, '2020-07-06', 2);
    const period = {
      scenario: search,
      from: '2020-07-06',
      days: 2,
      quarters: ['2020-Q3'],
      shareOfYear: sum(agentsPerInterval(search)) / sum(agentsPerInterval(file.scenario)),
      why: { zh: '测试', en: 'test' },
    };
    const answer = await leastBudget(search, targets.set, shanghai12333UnitCosts2020, {
      buying: periodBuyingRule(buying, period.days, period.shareOfYear),
      seed: 2,
      batchReplications: 2,
      maxReplications: 4,
      workers: 0,
    });
    const section = leastBudgetSection(answer, {
      period,
      confidence: 0.9,
      unitCosts: shanghai12333UnitCosts2020,
      buying,
      batchReplications: 2,
      maxReplications: 4,
      plannedTotalYuan: 55_070_152,
    });
    const { costPerSeatYear } = whatBudgetBuys(
      { seatRental: 0, managementFee: shanghai12333UnitCosts2020.managementFeeYear },
      shanghai12333UnitCosts2020,
      buying,
    );
    // Exact: whole seat-years plus the management fee; the change against the planned budget.
    expect(section.seats).toBe(answer.purchase.seats);
    expect(section.totalYuan).toBeCloseTo(section.seats * costPerSeatYear + 4_137_700, 6);
    expect(section.changeFromPlannedYuan).toBeCloseTo(section.totalYuan - 55_070_152, 6);
    expect(section.costPerSeatYearYuan).toBeCloseTo(costPerSeatYear, 9);
    expect(section.probability).toEqual(answer.probability);
    const below = section.seatBelow;
    expect(below).not.toBeNull();
    if (below !== null) {
      expect(below.seats).toBe(section.seats - 1);
      // judged short by the test after the replications it read there ...
      const judged = answer.evaluations.filter((e) => e.seats === below.seats).at(-1);
      expect(judged?.meets).toBe(false);
      expect(below.judgedShortAfter).toBe(judged?.replications);
      // ... and its probability read on the least budget's own replications (a paired difference)
      expect(below.replications).toBe(answer.evaluation.replications);
      expect(below.probability).toEqual(answer.oneSeatLess?.probability);
      const delta = section.probability.probability - below.probability.probability;
      // One seat-year buys delta x 100 points.
      expect(section.costPerPointYuan).toBeCloseTo(costPerSeatYear / (100 * delta), 6);
    }
    // The binding targets are queue targets, least likely first.
    const ps = section.binding.map((b) => b.probability.probability);
    expect([...ps].sort((a, b) => a - b)).toEqual(ps);
    expect(section.binding.every((b) => ['answerRate'].includes(b.id))).toBe(true);
    // The rule that judged each budget, with its exact error rates at the cap, stated beside the answer.
    expect(section.test).toEqual({
      p: 0.9,
      delta: answer.test.delta,
      alpha: answer.test.alpha,
      beta: answer.test.beta,
      maxReplications: 4,
      reachesAtLow: answer.test.reachesAtLow,
      shortAtHigh: answer.test.shortAtHigh,
      expectedReplicationsAtP: answer.test.expectedReplicationsAtP,
      level: 0.95,
    });
    expect(section.rule.en).toContain("Wald's SPRT of P = 85% against P = 95%");
    expect(section.rule.en).toContain(
      `judged to reach 90% with probability ${(100 * answer.test.reachesAtLow).toFixed(1)}%`,
    );
    expect(section.rule.zh).toContain(`${(100 * answer.test.shortAtHigh).toFixed(1)}%`);
  }, 120_000);
});
