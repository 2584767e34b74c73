import type { WorkforceResult } from '../model/workforce.js';
import type { StaffingCostPlan } from './types.js';

/**
 * The month-by-month plan that `costOfPlan` prices, from a simulated
 * workforce year: average staff on payroll (trainees included) and hires of
 * each calendar month, and the seats rented.
 *
 * @param workforce a year from `simulateWorkforce` covering 12 calendar months
 * @param seats seats rented, one number for the whole year or 12 monthly values
 * @returns `{ staffOnPayroll, seats, hires }`, 12 values each
 * @throws {RangeError} when the workforce does not cover exactly 12 months, or `seats` has not 1 or 12 values
 * @example
 * const spec = { initialStaff: 407, turnover: 0.2, hiring: { policy: 'backfill', recruitmentLagDays: 30, trainingDays: 182 } } as const;
 * const plan = costPlanFromWorkforce(simulateWorkforce(spec, { startDate: '2020-01-01', days: 366, seed: 1 }), 359);
 * plan.hires.reduce((sum, hires) => sum + hires, 0); // => 81
 * costOfPlan(plan, shanghai12333UnitCosts2020).byBudgetLine.seatRental; // => 50584302.54 (yuan: vacancies leave 348,297 unspent)
 */
export function costPlanFromWorkforce(
  workforce: WorkforceResult,
  seats: number | readonly number[],
): StaffingCostPlan {
  if (workforce.months.length !== 12) {
    throw new RangeError(
      `costPlanFromWorkforce: workforce must cover 12 months (got ${workforce.months.length})`,
    );
  }
  const seatList = typeof seats === 'number' ? Array<number>(12).fill(seats) : [...seats];
  if (seatList.length !== 12) {
    throw new RangeError(`costPlanFromWorkforce: seats must be one number or 12 (got ${seatList.length})`);
  }
  return {
    staffOnPayroll: workforce.months.map((m) => m.averagePayroll),
    seats: seatList,
    hires: workforce.months.map((m) => m.hires),
  };
}
