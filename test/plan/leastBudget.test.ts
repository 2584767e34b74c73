import { describe, expect, it } from 'vitest';
import { costOfPlan } from '../../sim/budget/costOfPlan.js';
import { shanghai12333UnitCosts2020 } from '../../sim/budget/shanghai12333Costs.js';
import { whatBudgetBuys } from '../../sim/budget/whatBudgetBuys.js';
import { firstDaysOf, periodOf, readScenarioFile } from '../../sim/io/scenarioFile.js';
import { readTargetSet } from '../../sim/io/targets.js';
import { scenarioForBudget } from '../../sim/plan/budgetScenario.js';
import { evaluatePlan } from '../../sim/plan/evaluatePlan.js';
import { kpisOf } from '../../sim/model/kpis.js';
import { targetMargin } from '../../sim/plan/evaluatePlan.js';
import { analyticScreen, leastBudget, type LeastBudgetProgress } from '../../sim/plan/leastBudget.js';
import { runReplication } from '../../sim/plan/runReplication.js';
import type { Scenario } from '../../sim/model/types.js';
import { expectedCapacity, screenPlan } from '../../sim/plan/screenCapacity.js';
import { agentsPerInterval } from '../../sim/model/scenario.js';
import { SequentialTest, sequentialOperatingCharacteristic } from '../../sim/stats/sequentialTest.js';

// Three days of the 12333 year (Wednesday 1 to Friday 3 January 2020, 29,412 calls a day), with
// day-to-day busyness (CV 0.1) so that the outcome is uncertain, judged on the shipped 12333
// targets (answer rate per attempt > 80% in the quarter).
const base = {
  ...firstDaysOf(readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario, 3),
  dayBusynessCv: 0.1,
};
const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
const buying = { staffPerSeat: 407 / 359, shrinkage: 0.3 }; // data/README.md, 12333 staffing
const options = { buying, seed: 7, confidence: 0.9, workers: 0, batchReplications: 6, maxReplications: 24 };

/** The plan of a scenario that a number of seats buys (the screen's input): whole seat-years and the 12333 fee. */
const planOf =
  (scenario: Scenario) =>
  (seats: number): Scenario => {
    const { costPerSeatYear } = whatBudgetBuys(
      { seatRental: 0, managementFee: 0 },
      shanghai12333UnitCosts2020,
      buying,
    );
    return scenarioForBudget(
      scenario,
      { seatRental: seats * costPerSeatYear, managementFee: 4_137_700 },
      shanghai12333UnitCosts2020,
      buying,
    ).scenario;
  };

describe('leastBudget', () => {
  it('is reproducible for a seed, monotone around its answer, and its costs add up', async () => {
    const progress: LeastBudgetProgress[] = [];
    const first = await leastBudget(base, targets, shanghai12333UnitCosts2020, {
      ...options,
      onProgress: (step) => progress.push(step),
    });
    const second = await leastBudget(base, targets, shanghai12333UnitCosts2020, options);
    expect(second.evaluations).toEqual(first.evaluations);
    expect(second.totalYuan).toBe(first.totalYuan);

    expect(first.found).toBe(true);
    const seats = first.purchase.seats;
    // The answer is judged to reach p by the sequential test; one seat less was judged short.
    const answer = first.evaluations.find((e) => e.seats === seats);
    expect(answer?.meets).toBe(true);
    const below = first.evaluations.find((e) => e.seats === seats - 1);
    expect(below?.meets).toBe(false);
    // Each verdict is the test's on the replications it read (0, 1, ... in order).
    const test = new SequentialTest(first.test);
    for (const e of first.evaluations) {
      expect(test.verdict(e.probability.successes, e.replications)).toBe(e.meets ? 'reaches' : 'short');
      if (e.replications > 1) {
        // The test had not stopped one replication earlier.
        const before = e.probability.successes - (e.meets ? 1 : 0);
        if (e.replications < first.test.maxTrials)
          expect(test.verdict(before, e.replications - 1)).toBe('continue');
      }
    }
    // The rule and its actual error rates are reported: with at most 24 replications, exactly
    // as sequentialOperatingCharacteristic gives them.
    expect(first.test).toMatchObject({ p: 0.9, delta: 0.05, alpha: 0.1, beta: 0.1, maxTrials: 24 });
    expect(first.test.reachesAtLow).toBeCloseTo(
      sequentialOperatingCharacteristic(first.test, 0.85).reaches,
      12,
    );
    expect(first.test.shortAtHigh).toBeGreaterThan(0);
    // The screen is a first guess, not the answer: redials and busy days cost seats Erlang A does not see.
    expect(first.analyticSeats).toBeGreaterThan(0);

    // Costs add up: the seat rental buys exactly these seats, and with the unspent remainder
    // equals the cost of the seats and their staff for twelve months (costOfPlan).
    expect(whatBudgetBuys(first.budget, shanghai12333UnitCosts2020, buying).seats).toBe(seats);
    expect(first.totalYuan).toBeCloseTo(first.budget.seatRental + first.budget.managementFee, 6);
    const staff = first.purchase.staffOnPayroll;
    const cost = costOfPlan(
      { staffOnPayroll: Array(12).fill(staff), seats: Array(12).fill(seats), hires: Array(12).fill(0) },
      shanghai12333UnitCosts2020,
    );
    expect(cost.byBudgetLine.seatRental + first.purchase.unspentSeatRental).toBeCloseTo(
      first.budget.seatRental,
      4,
    );

    // Progress only moves forward and ends with every replication counted.
    const done = progress.map((step) => step.replicationsDone);
    done.forEach((value, i) => expect(value).toBeGreaterThanOrEqual(done[i - 1] ?? 0));
    expect(done.at(-1)).toBe(first.replications);
    // The answer's evaluation simulates every replication its test read at it, with the
    // same successes, and reports them with their Wilson interval.
    expect(first.evaluation.replications).toBe(answer?.replications);
    expect(first.evaluation.allTargets.successes).toBe(answer?.probability.successes);
    expect(first.probability.low).toBeLessThanOrEqual(first.probability.probability);
    // Fewer runs than judging every budget with every replication it read.
    expect(first.replications).toBeLessThan(first.evaluations.reduce((sum, e) => sum + e.replications, 0));

    // One seat less is read on the answer's own replications: the same probability as evaluating that
    // plan directly on replications 0 .. n-1 with the same seed (every one simulated, none implied).
    const less = first.oneSeatLess;
    expect(less).not.toBeNull();
    expect(less).toMatchObject({
      seats: seats - 1,
      replications: answer?.replications,
      judgedShortAfter: below?.replications,
    });
    const { costPerSeatYear } = whatBudgetBuys(
      { seatRental: 0, managementFee: 0 },
      shanghai12333UnitCosts2020,
      buying,
    );
    const direct = await evaluatePlan(
      scenarioForBudget(
        base,
        {
          seatRental: (seats - 1) * costPerSeatYear,
          managementFee: shanghai12333UnitCosts2020.managementFeeYear,
        },
        shanghai12333UnitCosts2020,
        buying,
      ).scenario,
      targets,
      { replications: answer?.replications ?? 0, seed: options.seed, workers: 0 },
    );
    expect(less?.probability).toEqual(direct.allTargets);
    expect(less?.totalYuan).toBeCloseTo(first.totalYuan - costPerSeatYear, 6);
    // The last seat buys probability on the same replications (common random numbers: never less).
    expect(less?.probability.successes).toBeLessThanOrEqual(first.probability.successes);
  }, 180_000);

  it('screens on the agents churn and faults leave: more seats than the planned agents would need', () => {
    // The shipped year loses staff to churn (trainees and vacancies, growing from none on
    // 1 January as leavers are replaced by trainees) and seats to faults, which the screen now
    // counts instead of finding them by simulation. Four weeks of October, with the staff the
    // year has by then (periodOf: the workforce starts 274 days before).
    const year = periodOf(
      readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario,
      '2020-10-01',
      28,
    );
    const capacity = expectedCapacity(year, 7);
    capacity.liveShare.forEach((share) => {
      expect(share).toBeLessThan(0.95);
      expect(share).toBeGreaterThan(0.7);
    });
    expect(Math.max(...capacity.handleFactor)).toBeGreaterThan(1); // learners (live from August) are slower
    expect(capacity.faultShare).toBeGreaterThan(0);
    const planned = agentsPerInterval(year);
    const thinned = agentsPerInterval(screenPlan(year, capacity));
    thinned.forEach((agents, i) => expect(agents).toBeLessThanOrEqual(planned[i] as number));
    // Without churn and faults, the same year needs fewer seats by the formulas.
    const { workforce: _w, faults: _f, ...plain } = year;
    const screenOptions = { seed: 7, confidence: 0.9 };
    const withCapacity = analyticScreen(year, targets, planOf(year), screenOptions).analyticSeats;
    const without = analyticScreen(plain, targets, planOf(plain), screenOptions).analyticSeats;
    expect(withCapacity).toBeGreaterThan(without * 1.05);
  }, 120_000);

  it('screens on the time-of-day handle factors of a calibrated scenario: longer calls, fewer agents counted', () => {
    // Three days without churn or faults, calls 25% longer from 08:00 to 20:00 (as `hotline calibrate`
    // writes them): the screen counts 1/1.25 of the agents there and needs more seats for the same targets.
    const { workforce: _w, faults: _f, ...plain } = base;
    const perDay = 1_440 / plain.intervalMinutes;
    const factors = Array.from({ length: perDay }, (_, i) =>
      i >= perDay / 3 && i < (5 * perDay) / 6 ? 1.25 : 1,
    );
    const longer = { ...plain, handleTimeOfDayFactors: factors };
    const capacity = expectedCapacity(longer, 7);
    const planned = agentsPerInterval(longer);
    const screened = agentsPerInterval(screenPlan(longer, capacity));
    screened.forEach((agents, i) =>
      expect(agents).toBe(Math.floor((planned[i] as number) / (factors[i % perDay] as number) + 1e-9)),
    );
    const screenOptions = { seed: 7, confidence: 0.9 };
    expect(analyticScreen(longer, targets, planOf(longer), screenOptions).analyticSeats).toBeGreaterThan(
      analyticScreen(plain, targets, planOf(plain), screenOptions).analyticSeats,
    );
  }, 120_000);

  it('honours a forecast error on the volume: a wider distribution of the volume needs at least as much', async () => {
    const small = { ...options, batchReplications: 6, maxReplications: 12 };
    const known = await leastBudget(base, targets, shanghai12333UnitCosts2020, small);
    const uncertain = await leastBudget(
      { ...base, volumeForecastCv: 0.05 },
      targets,
      shanghai12333UnitCosts2020,
      small,
    );
    // The screen sizes for the volume's 90% quantile (about 1.064 by Wilson-Hilferty for CV 0.05).
    expect(uncertain.analyticSeats).toBeGreaterThan(known.analyticSeats);
    expect(uncertain.purchase.seats).toBeGreaterThanOrEqual(known.purchase.seats);
    expect(uncertain.probability.probability).toBeGreaterThanOrEqual(0.9);
  }, 240_000);

  // The premise of the search's inference: under common random numbers, a replication's margin
  // never falls when seats are added, so one that fails with a budget fails with less.
  it("never lowers one replication's target margin when seats are added (common random numbers)", () => {
    const { costPerSeatYear } = whatBudgetBuys(
      { seatRental: 0, managementFee: 0 },
      shanghai12333UnitCosts2020,
      buying,
    );
    const plans = [300, 330, 345, 360, 390].map(
      (seats) =>
        scenarioForBudget(
          base,
          { seatRental: seats * costPerSeatYear, managementFee: 4_137_700 },
          shanghai12333UnitCosts2020,
          buying,
        ).scenario,
    );
    for (const replication of [0, 1, 2, 3]) {
      const margins = plans.map((plan) =>
        targetMargin(
          runReplication(plan, 11, replication, false).quarters.map((row) => kpisOf(row)),
          targets,
          plan.answerWithinSeconds,
        ),
      );
      margins.forEach((margin, i) => expect(margin).toBeGreaterThanOrEqual(margins[i - 1] ?? -Infinity));
      // The range spans the target: failing at 300 seats, passing at 390.
      expect(margins[0]).toBeLessThan(0);
      expect(margins.at(-1)).toBeGreaterThan(0);
    }
  }, 120_000);

  it('more budget never lowers the probability of meeting the targets under common random numbers', async () => {
    const probabilities: number[] = [];
    for (let seats = 290; seats <= 390; seats += 10) {
      const { costPerSeatYear } = whatBudgetBuys(
        { seatRental: 0, managementFee: 0 },
        shanghai12333UnitCosts2020,
        buying,
      );
      const plan = scenarioForBudget(
        base,
        { seatRental: seats * costPerSeatYear, managementFee: 4_137_700 },
        shanghai12333UnitCosts2020,
        buying,
      );
      const evaluation = await evaluatePlan(plan.scenario, targets, {
        replications: 12,
        seed: 3,
        workers: 0,
      });
      probabilities.push(evaluation.allTargets.probability);
    }
    probabilities.forEach((value, i) => expect(value).toBeGreaterThanOrEqual(probabilities[i - 1] ?? 0));
    // The range spans the decision: from failing to passing.
    expect(probabilities[0]).toBeLessThan(0.5);
    expect(probabilities.at(-1)).toBe(1);
  }, 120_000);
});
