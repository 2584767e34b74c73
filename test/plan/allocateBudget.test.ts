import { describe, expect, it } from 'vitest';
import { shanghai12333UnitCosts2020 } from '../../sim/budget/shanghai12333Costs.js';
import { whatBudgetBuys } from '../../sim/budget/whatBudgetBuys.js';
import type { TargetSet } from '../../sim/io/targets.js';
import type { Scenario } from '../../sim/model/types.js';
import { allocateBudget, fillAgentHours } from '../../sim/plan/allocateBudget.js';
import { answerRateTargets, buying12333, twoDayScenario } from './fixtures.js';

const base: Scenario = twoDayScenario;

const targets: TargetSet = answerRateTargets(0.8);

const buying = buying12333;

describe('fillAgentHours', () => {
  // Exact, by hand: k = 2 gives [2, 4, 2] = 8 hours; the ninth hour goes to the interval furthest
  // below its share (all are at their share, so the earliest of the largest deficits: interval 0 ...
  // deficits are k x shape - agents = 0 for all at k = 2.25 - rounding: 2.25, 4.5 -> 5, 2.25).
  it('places every whole agent-interval the hours pay for', () => {
    const filled = fillAgentHours([1, 2, 1], 60, 9, 10);
    expect(filled.scheduledAgentHours).toBe(9);
    expect(filled.agents.reduce((a, b) => a + b, 0)).toBe(9);
    // Exact, by hand: 9.9 hours of 30-minute intervals are 19 whole agent-intervals (9.5 hours).
    expect(fillAgentHours([3, 1, 0, 2], 30, 9.9, 100).scheduledAgentHours).toBe(9.5);
  });

  it('never exceeds the seats nor staffs an interval whose shape is 0', () => {
    const filled = fillAgentHours([1, 0, 5], 60, 100, 4);
    expect(filled.agents).toEqual([4, 0, 4]); // exact, by hand: both open intervals full
    expect(filled.scheduledAgentHours).toBe(8);
  });
});

describe('allocateBudget', () => {
  it('uses exactly the agent-hours bought and never does worse than a flat allocation under common random numbers', async () => {
    const { costPerSeatYear } = whatBudgetBuys(
      { seatRental: 0, managementFee: 0 },
      shanghai12333UnitCosts2020,
      buying,
    );
    const budget = { seatRental: 36 * costPerSeatYear, managementFee: 4_137_700 };
    const allocation = await allocateBudget(base, targets, shanghai12333UnitCosts2020, budget, {
      buying,
      seed: 5,
      replications: 8,
      refinements: 1,
      workers: 0,
    });
    expect(allocation.purchase.seats).toBe(36);
    const halfHours = 0.5;
    const wholeUnits = Math.floor(allocation.availableAgentHours / halfHours + 1e-9);
    for (const candidate of allocation.candidates) {
      // Every candidate places every whole agent-interval bought, and no interval exceeds the seats.
      expect(candidate.scheduledAgentHours).toBeCloseTo(wholeUnits * halfHours, 9);
      expect(candidate.agents.reduce((a, b) => a + b, 0)).toBe(wholeUnits);
      expect(Math.max(...candidate.agents)).toBeLessThanOrEqual(36);
    }
    const names = allocation.candidates.map((c) => c.name);
    expect(names).toEqual(['flat', 'base', 'load', 'balanced', 'refined-1']);
    const flat = allocation.candidates[0]!;
    const chosen = allocation.candidates.find((c) => c.name === allocation.chosen)!;
    expect(chosen.probability.probability).toBeGreaterThanOrEqual(flat.probability.probability);
    // Shaping to the load is better than flat staffing on the same replications, not just as good:
    // the flat plan wastes agents at night and falls short at the peak.
    expect(chosen.meanMargin).toBeGreaterThan(flat.meanMargin);
    expect(allocation.evaluation.allTargets).toEqual(chosen.probability);
    const counts = allocation.scenario.agents.kind === 'perInterval' ? allocation.scenario.agents.counts : [];
    expect(counts).toEqual(chosen.agents);
    expect(allocation.replications).toBe(8 * allocation.candidates.length);
  }, 120_000);
});
