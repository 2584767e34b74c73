import type { BudgetLines, UnitCosts } from './types.js';

/**
 * 12333 budget figures from the source document (SEED) and FACTS.md §4.
 *
 * - 2020 budget 55,070,152 yuan: seat rental 50,932,600 and management fee
 *   4,137,700 [S, SEED] (the two lines sum to 55,070,300, 148 yuan above the
 *   total the document states; we keep the lines as printed).
 * - 2019 budget for the same project 70,785,200 yuan, of which 70,784,807 spent [S, SEED].
 */
export const shanghai12333Budget2020: BudgetLines = { seatRental: 50_932_600, managementFee: 4_137_700 };

/** The 2020 total as the source document states it, yuan [S, SEED]. */
export const SHANGHAI_12333_BUDGET_2020_TOTAL = 55_070_152;

/** The 2019 total for the same project, yuan [S, SEED]; its split into lines is not published. */
export const SHANGHAI_12333_BUDGET_2019_TOTAL = 70_785_200;

/**
 * Unit costs of the 12333 platform in 2020.
 *
 * - Loaded wage: 6,500 yuan gross a month x 1.4 employer on-costs = 9,100 [S: Shanghai agents
 *   6,000-7,000 a month, FACTS §4.2; on-cost 35-40% A].
 * - System running cost per seat: what is left of the seat-rental line once 407 staff are paid,
 *   spread over 359 seats: (50,932,600 - 407 x 9,100 x 12) / 359 = 18,072.98 yuan a seat-year [D].
 * - Recruitment and training per hire: 5,000 yuan ["cost to train one qualified agent >5,000
 *   yuan", FACTS §4.3, S]; the trainee's wage during the six months of training is counted in
 *   the staff cost, not here.
 * - Management fee: 4,137,700 yuan a year [S, SEED].
 */
export const shanghai12333UnitCosts2020: UnitCosts = {
  loadedWagePerStaffMonth: 9_100,
  systemCostPerSeatYear: (50_932_600 - 407 * 9_100 * 12) / 359,
  recruitmentAndTrainingPerHire: 5_000,
  managementFeeYear: 4_137_700,
};
