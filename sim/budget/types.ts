/**
 * Unit costs, in yuan, that turn a staffing plan into the budget lines of a
 * hotline project, and back. All amounts are yuan; periods are in the names.
 */
export interface UnitCosts {
  /**
   * Loaded cost of one member of staff on payroll for a month: gross pay plus
   * the employer's social insurance and housing fund. Trainees are on payroll
   * and cost the same.
   */
  readonly loadedWagePerStaffMonth: number;
  /** Running cost of one seat for a year: platform, telephony, licences, space. */
  readonly systemCostPerSeatYear: number;
  /** One-off cost of recruiting and training a new hire, on top of their wage while in training. */
  readonly recruitmentAndTrainingPerHire: number;
  /**
   * Management fee for the year, yuan, settled in four equal quarterly parts.
   * Each part may be cut by the deduction rule of `QuarterlySettlementRule`.
   */
  readonly managementFeeYear: number;
}

/** The budget lines of a project, in yuan for the year. */
export interface BudgetLines {
  /** Seat rental (坐席租赁费): seat staff cost plus system running cost. */
  readonly seatRental: number;
  /** Management fee (管理费). */
  readonly managementFee: number;
}

/** How a failed quarterly assessment is settled. */
export interface QuarterlySettlementRule {
  /**
   * Share of a quarter's management fee deducted when the PREVIOUS quarter
   * failed its assessment, in [0, 1]. A failure in the fourth quarter is
   * deducted from the fourth quarter's own settlement (the project ends with
   * the year).
   */
  readonly deductionShareOfQuarterFee: number;
}

/** The workforce that a plan pays for, month by month (12 months, January first). */
export interface StaffingCostPlan {
  /** Average staff on payroll in each month, trainees included (12 values, >= 0). */
  readonly staffOnPayroll: readonly number[];
  /** Seats rented in each month (12 values, non-negative integers). */
  readonly seats: readonly number[];
  /** New hires who start in each month (12 values, >= 0). */
  readonly hires: readonly number[];
}

/** One cost line: its amount and the budget line it is charged to (专款专用: every line maps to one). */
export interface CostLine {
  readonly name: 'seatStaff' | 'systemRunning' | 'recruitmentAndTraining' | 'managementFee';
  /** The budget line this cost is charged to. */
  readonly budgetLine: keyof BudgetLines;
  /** Amount per quarter, yuan (4 values, Q1 first). */
  readonly quarters: readonly number[];
  /** Amount for the year, yuan. */
  readonly year: number;
}

/** What a plan costs, line by line and quarter by quarter. */
export interface PlanCost {
  readonly lines: readonly CostLine[];
  /** Totals per budget line for the year, yuan. */
  readonly byBudgetLine: BudgetLines;
  /** Total per quarter, yuan (4 values): the cash profile of quarterly settlement. */
  readonly quarters: readonly number[];
  /** Total for the year, yuan. */
  readonly year: number;
}
