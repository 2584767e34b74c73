import { PAID_HOURS_PER_STAFF_YEAR } from '../../sim/budget/whatBudgetBuys.js';
import { shanghai12333Defaults as d } from '../../sim/model/shanghai12333.js';

/* The figures behind the shipped staffing tables, shared by buildData.ts and its tests. */

/** Inputs of the 12333 staffing rule (FACTS §7.1). */
export const STAFFING_12333 = {
  target: { answerRate: d.answerRateTarget },
  staffOnPayroll: d.staffOnPayroll,
  paidHoursPerStaffYear: PAID_HOURS_PER_STAFF_YEAR,
  shrinkage: d.shrinkage,
  seats: d.seats,
} as const;

/** 12345 desk: transferred calls on working days 08:30-17:30 (FACTS §7.2). */
export const DESK_12345 = {
  staff: 50,
  shrinkage: 0.3,
  workOrdersPerDay: 300,
  staffMinutesPerWorkOrder: 45,
  openMinutes: [8 * 60 + 30, 17 * 60 + 30] as const,
};

/** Agents on the transfer seats in open hours: staff on duty less the work orders' staff time. */
export function deskAgentsOnPhones(): number {
  const onDuty = DESK_12345.staff * (1 - DESK_12345.shrinkage);
  const openHours = (DESK_12345.openMinutes[1] - DESK_12345.openMinutes[0]) / 60;
  const workOrderStaff = (DESK_12345.workOrdersPerDay * DESK_12345.staffMinutesPerWorkOrder) / 60 / openHours;
  return Math.floor(onDuty - workOrderStaff);
}

