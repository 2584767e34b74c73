import { requireNonNegativeFinite } from '../core/validate.js';
import type { CostLine, PlanCost, StaffingCostPlan, UnitCosts } from './types.js';

/**
 * Check a month-by-month staffing plan and unit costs; throws on the first problem.
 * @internal
 */
export function requireCostInputs(fn: string, plan: StaffingCostPlan, costs: UnitCosts): void {
  for (const key of ['staffOnPayroll', 'seats', 'hires'] as const) {
    const values = plan[key];
    if (!Array.isArray(values) || values.length !== 12) {
      throw new RangeError(`${fn}: plan.${key} must have 12 monthly values (got ${String(values?.length)})`);
    }
    values.forEach((v: number, m: number) => requireNonNegativeFinite(fn, `plan.${key}[${m}]`, v));
  }
  plan.seats.forEach((v, m) => {
    if (!Number.isInteger(v)) throw new RangeError(`${fn}: plan.seats[${m}] must be an integer (got ${v})`);
  });
  for (const key of [
    'loadedWagePerStaffMonth',
    'systemCostPerSeatYear',
    'recruitmentAndTrainingPerHire',
    'managementFeeYear',
  ] as const) {
    requireNonNegativeFinite(fn, `costs.${key}`, costs[key]);
  }
}

/** Sum 12 monthly amounts into 4 quarters. */
function toQuarters(monthly: readonly number[]): number[] {
  const quarters = [0, 0, 0, 0];
  monthly.forEach((amount, m) => {
    quarters[Math.floor(m / 3)] = (quarters[Math.floor(m / 3)] ?? 0) + amount;
  });
  return quarters;
}

function line(
  name: CostLine['name'],
  budgetLine: CostLine['budgetLine'],
  monthly: readonly number[],
): CostLine {
  const quarters = toQuarters(monthly);
  return { name, budgetLine, quarters, year: quarters.reduce((a, b) => a + b, 0) };
}

/**
 * What a staffing plan costs, line by line and quarter by quarter, before any
 * deduction for a failed assessment (see `settleQuarters`).
 *
 * Cost lines and the budget line each is charged to (专款专用, funds used as designated):
 * - `seatStaff` = staff on payroll (trainees included) x loaded monthly wage, each month → seat rental;
 * - `systemRunning` = seats x system cost per seat-year / 12, each month → seat rental;
 * - `recruitmentAndTraining` = hires x cost per hire, in the month they start → seat rental;
 * - `managementFee` = the yearly fee in four equal quarterly parts → management fee.
 *
 * @param plan staff on payroll, seats and hires for each of the 12 months
 * @param costs unit costs in yuan
 * @returns every line per quarter and for the year, totals per budget line, the quarterly cash profile
 * @throws {RangeError} when a plan array does not have 12 non-negative values, seats are
 *   fractional, or a unit cost is negative or not finite
 * @example
 * const cost = costOfPlan(
 *   { staffOnPayroll: Array(12).fill(407), seats: Array(12).fill(359), hires: Array(12).fill(0) },
 *   shanghai12333UnitCosts2020,
 * );
 * cost.byBudgetLine.seatRental; // => 50_932_600 (the 2020 seat-rental line, by construction of the unit costs)
 */
export function costOfPlan(plan: StaffingCostPlan, costs: UnitCosts): PlanCost {
  requireCostInputs('costOfPlan', plan, costs);
  const lines: CostLine[] = [
    line(
      'seatStaff',
      'seatRental',
      plan.staffOnPayroll.map((staff) => staff * costs.loadedWagePerStaffMonth),
    ),
    line(
      'systemRunning',
      'seatRental',
      plan.seats.map((seats) => (seats * costs.systemCostPerSeatYear) / 12),
    ),
    line(
      'recruitmentAndTraining',
      'seatRental',
      plan.hires.map((hires) => hires * costs.recruitmentAndTrainingPerHire),
    ),
    line(
      'managementFee',
      'managementFee',
      Array.from({ length: 12 }, (_, m) => (m % 3 === 2 ? costs.managementFeeYear / 4 : 0)),
    ),
  ];
  const byBudgetLine = {
    seatRental: lines.filter((l) => l.budgetLine === 'seatRental').reduce((a, l) => a + l.year, 0),
    managementFee: lines.filter((l) => l.budgetLine === 'managementFee').reduce((a, l) => a + l.year, 0),
  };
  const quarters = [0, 1, 2, 3].map((q) => lines.reduce((a, l) => a + (l.quarters[q] ?? 0), 0));
  return { lines, byBudgetLine, quarters, year: quarters.reduce((a, b) => a + b, 0) };
}

/** A plan that keeps the same staff and seats all year. */
export interface SteadyPlan {
  /** Staff on payroll every month, >= 0. */
  readonly staffOnPayroll: number;
  /** Seats every month, a non-negative integer. */
  readonly seats: number;
  /** New hires over the year, spread evenly over the months, >= 0. */
  readonly hiresPerYear: number;
}

/**
 * What a steady plan costs (`costOfPlan` of the same staff and seats every
 * month, the hires spread evenly): the cost of what a budget buys before
 * churn moves the payroll.
 *
 * @param plan staff, seats and hires for the year
 * @param costs unit costs in yuan
 * @returns every line per quarter and for the year, as `costOfPlan`
 * @throws {RangeError} as `costOfPlan`, naming the monthly value
 * @example
 * const cost = steadyPlanCost({ staffOnPayroll: 407, seats: 359, hiresPerYear: 120 }, shanghai12333UnitCosts2020);
 * [cost.byBudgetLine.seatRental, cost.quarters[0]]; // => [51_532_600, 13_917_575] (120 hires at 5,000 yuan on top of the 2020 seat rental)
 */
export function steadyPlanCost(plan: SteadyPlan, costs: UnitCosts): PlanCost {
  const months = (value: number): number[] => Array.from({ length: 12 }, () => value);
  return costOfPlan(
    {
      staffOnPayroll: months(plan.staffOnPayroll),
      seats: months(plan.seats),
      hires: months(plan.hiresPerYear / 12),
    },
    costs,
  );
}
