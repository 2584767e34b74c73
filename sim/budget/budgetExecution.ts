import { requireNonNegativeFinite } from '../core/validate.js';
import type { BudgetLines } from './types.js';

/** Budget execution (预算执行率): planned spend over budget, overall and per line. */
export interface BudgetExecution {
  /** Spend / budget over all lines, a fraction (1 = fully spent). */
  readonly rate: number;
  /** Spend / budget for each line; `null` for a line with no budget (then any spend is an over-spend). */
  readonly byLine: { readonly seatRental: number | null; readonly managementFee: number | null };
  /** Lines whose spend exceeds their budget (an over-spend is never allowed). */
  readonly overspentLines: readonly (keyof BudgetLines)[];
  /** Whether the rate is above the target (SEED: > 98% for 12333, > 95% for the 12345 desk) and nothing is over-spent. */
  readonly meetsTarget: boolean;
}

/**
 * Budget execution rate: planned spend over budget. Under-spending fails the
 * target as surely as over-spending breaks the budget.
 *
 * @param spend spend per budget line, yuan
 * @param budget budget per line, yuan
 * @param target the execution target, a fraction (the rate must be strictly above it)
 * @returns the overall and per-line rates and whether the target is met
 * @throws {RangeError} when an amount is negative or not finite, or the budget is 0
 * @example
 * budgetExecution({ seatRental: 50e6, managementFee: 4.1377e6 }, shanghai12333Budget2020, 0.98);
 * // => { rate: 0.9831, overspentLines: [], meetsTarget: true }
 */
export function budgetExecution(spend: BudgetLines, budget: BudgetLines, target: number): BudgetExecution {
  const keys = ['seatRental', 'managementFee'] as const;
  for (const key of keys) {
    requireNonNegativeFinite('budgetExecution', `spend.${key}`, spend[key]);
    requireNonNegativeFinite('budgetExecution', `budget.${key}`, budget[key]);
  }
  requireNonNegativeFinite('budgetExecution', 'target', target);
  const total = budget.seatRental + budget.managementFee;
  if (total === 0) throw new RangeError('budgetExecution: budget must be > 0 in total (got 0)');
  const rate = (spend.seatRental + spend.managementFee) / total;
  const lineRate = (key: (typeof keys)[number]): number | null =>
    budget[key] > 0 ? spend[key] / budget[key] : null;
  const overspentLines = keys.filter((key) => spend[key] > budget[key]);
  return {
    rate,
    byLine: { seatRental: lineRate('seatRental'), managementFee: lineRate('managementFee') },
    overspentLines,
    meetsTarget: rate > target && overspentLines.length === 0,
  };
}
