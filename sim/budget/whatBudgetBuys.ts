import { requireInRange, requireNonNegativeFinite, requirePositiveFinite } from '../core/validate.js';
import type { BudgetLines, UnitCosts } from './types.js';

/**
 * Paid working hours of one full-time member of staff in a year: 250 working
 * days x 8 hours (劳社部发〔2008〕3号: 年工作日 250 天, 月工作日 20.83 天).
 */
export const PAID_HOURS_PER_STAFF_YEAR = 2_000;

/** How the seat-rental money is turned into seats and staff. */
export interface BuyingOptions {
  /** Staff on payroll per seat (12333: 407 / 359 = 1.134 [S]); > 0. */
  readonly staffPerSeat: number;
  /**
   * New hires a year per member of staff (the annual turnover, when every leaver is replaced), >= 0.
   *
   * __Default value:__ `0`
   */
  readonly hiresPerStaffYear?: number;
  /** Share of paid time not on the phones (breaks, leave, training, meetings), in [0, 1). */
  readonly shrinkage: number;
  /**
   * Paid hours of one member of staff in a year.
   *
   * __Default value:__ `PAID_HOURS_PER_STAFF_YEAR` (2,000)
   */
  readonly paidHoursPerStaffYear?: number;
  /**
   * Hours the hotline is open in the year (24 x 366 for a 24/7 line in 2020).
   *
   * __Default value:__ `8784` (24 hours x 366 days)
   */
  readonly openHoursYear?: number;
}

/** What a budget buys under given unit costs. */
export interface BudgetPurchase {
  /** Seats the seat-rental line pays for, with their staff, for the whole year. */
  readonly seats: number;
  /** Staff on payroll: floor(seats x staffPerSeat). */
  readonly staffOnPayroll: number;
  /** Cost of one seat-year with its staff, hires and system, yuan. */
  readonly costPerSeatYear: number;
  /** Seat-rental money left over once the seats and the whole staff are paid, yuan (less than one seat-year plus one member of staff). */
  readonly unspentSeatRental: number;
  /** Agent-hours on the phones in the year: staff x paid hours x (1 - shrinkage). */
  readonly agentHoursYear: number;
  /** Average agents on the phones at any open moment: agentHoursYear / openHoursYear. */
  readonly averageAgentsOnPhones: number;
  /** Whether the management-fee line covers the unit costs' yearly fee. */
  readonly managementFeeCovered: boolean;
}

/**
 * What a budget buys: the seats (with their staff, hires and system running
 * cost) that the seat-rental line pays for over a year, and the agent-hours
 * on the phones that those staff give after shrinkage.
 *
 * One seat-year costs `staffPerSeat x (12 x loaded wage + hiresPerStaffYear x
 * cost per hire) + system cost per seat-year`; the budget buys
 * floor(seat rental / that) seats. Use `costOfPlan` for the exact cost of a
 * month-by-month plan.
 *
 * @param budget the budget lines, yuan for the year
 * @param costs unit costs, yuan
 * @param options staff per seat, hiring, shrinkage and hours
 * @returns seats, staff, leftover money and agent-hours
 * @throws {RangeError} when an amount is negative, `staffPerSeat` is not > 0, or shrinkage is outside [0, 1)
 * @example
 * const buys = whatBudgetBuys(shanghai12333Budget2020, shanghai12333UnitCosts2020, {
 *   staffPerSeat: 407 / 359,
 *   shrinkage: 0.3,
 * });
 * buys.seats; // => 359
 */
export function whatBudgetBuys(
  budget: BudgetLines,
  costs: UnitCosts,
  options: BuyingOptions,
): BudgetPurchase {
  const fn = 'whatBudgetBuys';
  requireNonNegativeFinite(fn, 'budget.seatRental', budget.seatRental);
  requireNonNegativeFinite(fn, 'budget.managementFee', budget.managementFee);
  requirePositiveFinite(fn, 'options.staffPerSeat', options.staffPerSeat);
  const hiresPerStaffYear = options.hiresPerStaffYear ?? 0;
  requireNonNegativeFinite(fn, 'options.hiresPerStaffYear', hiresPerStaffYear);
  requireInRange(fn, 'options.shrinkage', options.shrinkage, 0, 0.999);
  const paidHours = options.paidHoursPerStaffYear ?? PAID_HOURS_PER_STAFF_YEAR;
  requirePositiveFinite(fn, 'options.paidHoursPerStaffYear', paidHours);
  const openHours = options.openHoursYear ?? 24 * 366;
  requirePositiveFinite(fn, 'options.openHoursYear', openHours);

  const costPerSeatYear =
    options.staffPerSeat *
      (12 * costs.loadedWagePerStaffMonth + hiresPerStaffYear * costs.recruitmentAndTrainingPerHire) +
    costs.systemCostPerSeatYear;
  if (!(costPerSeatYear > 0)) {
    throw new RangeError(`${fn}: a seat-year must cost more than 0 (got ${costPerSeatYear})`);
  }
  // A relative tolerance of 1e-12 keeps a budget computed as n x cost from buying n - 1 seats.
  const seats = Math.floor((budget.seatRental / costPerSeatYear) * (1 + 1e-12));
  const staffOnPayroll = Math.floor(seats * options.staffPerSeat * (1 + 1e-12));
  const agentHoursYear = staffOnPayroll * paidHours * (1 - options.shrinkage);
  const spent =
    staffOnPayroll *
      (12 * costs.loadedWagePerStaffMonth + hiresPerStaffYear * costs.recruitmentAndTrainingPerHire) +
    seats * costs.systemCostPerSeatYear;
  return {
    seats,
    staffOnPayroll,
    costPerSeatYear,
    unspentSeatRental: Math.max(0, budget.seatRental - spent),
    agentHoursYear,
    averageAgentsOnPhones: agentHoursYear / openHours,
    managementFeeCovered: budget.managementFee >= costs.managementFeeYear,
  };
}

/**
 * The budget lines of a total for the year: the management-fee line takes the
 * unit costs' yearly fee, the seat-rental line the rest (the rule of
 * `hotline plan --budget` and `hotline sweep --budget`).
 *
 * @param totalYuan the total budget for the year, yuan, at least the fee
 * @param costs unit costs (their `managementFeeYear`)
 * @returns the two lines, summing to `totalYuan`
 * @throws {RangeError} when the total is negative, not finite or below the management fee
 * @example
 * budgetLinesOfTotal(55_070_300, shanghai12333UnitCosts2020); // => { seatRental: 50_932_600, managementFee: 4_137_700 }
 * budgetLinesOfTotal(1_000_000, shanghai12333UnitCosts2020); // throws RangeError: budgetLinesOfTotal: totalYuan must cover the management fee of 4137700 yuan (got 1000000)
 */
export function budgetLinesOfTotal(totalYuan: number, costs: UnitCosts): BudgetLines {
  const fn = 'budgetLinesOfTotal';
  requireNonNegativeFinite(fn, 'totalYuan', totalYuan);
  const fee = costs.managementFeeYear;
  requireNonNegativeFinite(fn, 'costs.managementFeeYear', fee);
  if (totalYuan < fee) {
    throw new RangeError(`${fn}: totalYuan must cover the management fee of ${fee} yuan (got ${totalYuan})`);
  }
  return { seatRental: totalYuan - fee, managementFee: fee };
}
