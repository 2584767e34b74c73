import type { PlanCost } from './types.js';

/**
 * The mean of plan costs (each line, each budget line, each quarter and the
 * year), across replications whose churn made their payroll differ.
 *
 * @param costs one plan cost per replication, at least one, all with the same lines
 * @returns their mean
 * @throws {RangeError} when `costs` is empty
 * @example
 * const plan = (staff: number) => ({ staffOnPayroll: Array(12).fill(staff), seats: Array(12).fill(359), hires: Array(12).fill(0) });
 * const costA = costOfPlan(plan(407), shanghai12333UnitCosts2020);
 * const costB = costOfPlan(plan(397), shanghai12333UnitCosts2020);
 * meanPlanCost([costA, costB]).year === (costA.year + costB.year) / 2; // => true
 * meanPlanCost([costA, costB]).byBudgetLine.seatRental; // => 50_386_600 (5 staff fewer on average: 5 x 9,100 x 12 less)
 */
export function meanPlanCost(costs: readonly PlanCost[]): PlanCost {
  const first = costs[0];
  if (first === undefined)
    throw new RangeError('meanPlanCost: costs must hold at least one plan cost (got 0)');
  const n = costs.length;
  const mean = (pick: (cost: PlanCost) => number): number => costs.reduce((sum, c) => sum + pick(c), 0) / n;
  return {
    lines: first.lines.map((line, i) => ({
      ...line,
      quarters: line.quarters.map((_, q) => mean((c) => c.lines[i]?.quarters[q] ?? 0)),
      year: mean((c) => c.lines[i]?.year ?? 0),
    })),
    byBudgetLine: {
      seatRental: mean((c) => c.byBudgetLine.seatRental),
      managementFee: mean((c) => c.byBudgetLine.managementFee),
    },
    quarters: first.quarters.map((_, q) => mean((c) => c.quarters[q] ?? 0)),
    year: mean((c) => c.year),
  };
}
