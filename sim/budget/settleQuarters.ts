import { requireProbability } from '../core/validate.js';
import type { PlanCost, QuarterlySettlementRule } from './types.js';

/** The quarterly settlement of a plan after the assessments. */
export interface Settlement {
  /** Amount paid per quarter after deductions, yuan (4 values). */
  readonly paidQuarters: readonly number[];
  /** Management fee deducted per quarter, yuan (4 values). */
  readonly deductedQuarters: readonly number[];
  /** Amount paid for the year, yuan. */
  readonly paidYear: number;
  /** Deducted for the year, yuan. */
  readonly deductedYear: number;
}

/**
 * Settle a plan's cost quarter by quarter (SEED: "settled quarterly; a failed
 * assessment is deducted from the next quarter's management fee"). A failure
 * in quarter q cuts `deductionShareOfQuarterFee` of quarter q+1's management
 * fee; a failure in the fourth quarter cuts the fourth quarter's own fee.
 *
 * @param cost the plan's cost from `costOfPlan`
 * @param passed whether each quarter passed its assessment (4 booleans, Q1 first)
 * @param rule the deduction rule
 * @returns paid and deducted amounts per quarter and for the year, yuan
 * @throws {RangeError} when `passed` does not have 4 values or the deduction share is outside [0, 1]
 * @example
 * const plan = { staffOnPayroll: Array(12).fill(407), seats: Array(12).fill(359), hires: Array(12).fill(0) };
 * const cost = costOfPlan(plan, shanghai12333UnitCosts2020);
 * settleQuarters(cost, [true, false, true, true], { deductionShareOfQuarterFee: 0.1 }).deductedQuarters;
 * // => [0, 0, 103442.5, 0] (10% of Q3's quarter of the 4,137,700 management fee)
 */
export function settleQuarters(
  cost: PlanCost,
  passed: readonly boolean[],
  rule: QuarterlySettlementRule,
): Settlement {
  if (passed.length !== 4) {
    throw new RangeError(`settleQuarters: passed must have 4 values (got ${passed.length})`);
  }
  requireProbability('settleQuarters', 'rule.deductionShareOfQuarterFee', rule.deductionShareOfQuarterFee);
  const fee = cost.lines.find((l) => l.name === 'managementFee');
  const deductedQuarters = [0, 0, 0, 0];
  passed.forEach((ok, q) => {
    if (ok) return;
    const target = Math.min(q + 1, 3);
    deductedQuarters[target] =
      (deductedQuarters[target] ?? 0) + (fee?.quarters[target] ?? 0) * rule.deductionShareOfQuarterFee;
  });
  // Two failures charged to the fourth quarter cannot take more than its whole fee.
  deductedQuarters[3] = Math.min(deductedQuarters[3] ?? 0, fee?.quarters[3] ?? 0);
  const paidQuarters = cost.quarters.map((amount, q) => amount - (deductedQuarters[q] ?? 0));
  return {
    paidQuarters,
    deductedQuarters,
    paidYear: paidQuarters.reduce((a, b) => a + b, 0),
    deductedYear: deductedQuarters.reduce((a, b) => a + b, 0),
  };
}
