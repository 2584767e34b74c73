import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetExecution } from '../../sim/budget/budgetExecution.js';
import { costOfPlan, steadyPlanCost } from '../../sim/budget/costOfPlan.js';
import { settleQuarters } from '../../sim/budget/settleQuarters.js';
import {
  SHANGHAI_12333_BUDGET_2019_TOTAL,
  shanghai12333Budget2020,
  shanghai12333UnitCosts2020,
} from '../../sim/budget/shanghai12333Costs.js';
import {
  budgetLinesOfTotal,
  PAID_HOURS_PER_STAFF_YEAR,
  whatBudgetBuys,
} from '../../sim/budget/whatBudgetBuys.js';
import type { StaffingCostPlan, UnitCosts } from '../../sim/budget/types.js';

const flat = (staff: number, seats: number, hires = 0): StaffingCostPlan => ({
  staffOnPayroll: Array<number>(12).fill(staff),
  seats: Array<number>(12).fill(seats),
  hires: Array<number>(12).fill(hires),
});

describe('costOfPlan', () => {
  it('reproduces the 2020 12333 budget lines for 359 seats and 407 staff (SEED, FACTS §4.1)', () => {
    // The system cost per seat is derived from these figures, so the seat-rental line is exact
    // up to rounding: 407 x 9,100 x 12 + 359 x 18,072.98 = 50,932,600.
    const cost = costOfPlan(flat(407, 359), shanghai12333UnitCosts2020);
    expect(cost.byBudgetLine.seatRental).toBeCloseTo(50_932_600, 4);
    expect(cost.byBudgetLine.managementFee).toBe(4_137_700);
    expect(cost.year).toBeCloseTo(
      shanghai12333Budget2020.seatRental + shanghai12333Budget2020.managementFee,
      4,
    );
  });

  it('adds up: lines to budget lines, quarters to the year, every line charged to one budget line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (staffOnPayroll, seats, hires) => {
          const cost = costOfPlan({ staffOnPayroll, seats, hires }, shanghai12333UnitCosts2020);
          const linesTotal = cost.lines.reduce((a, l) => a + l.year, 0);
          const budgetLinesTotal = cost.byBudgetLine.seatRental + cost.byBudgetLine.managementFee;
          const quartersTotal = cost.quarters.reduce((a, b) => a + b, 0);
          for (const total of [linesTotal, budgetLinesTotal, quartersTotal]) {
            expect(Math.abs(total - cost.year)).toBeLessThanOrEqual(1e-9 * Math.max(1, cost.year));
          }
          for (const l of cost.lines) {
            expect(['seatRental', 'managementFee']).toContain(l.budgetLine);
            expect(Math.abs(l.quarters.reduce((a, b) => a + b, 0) - l.year)).toBeLessThanOrEqual(
              1e-9 * Math.max(1, l.year),
            );
          }
        },
      ),
    );
  });

  it('charges hires in the quarter they start, at the cost per hire', () => {
    const plan = { ...flat(100, 90), hires: [0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0] };
    const cost = costOfPlan(plan, shanghai12333UnitCosts2020);
    const hiring = cost.lines.find((l) => l.name === 'recruitmentAndTraining');
    expect(hiring?.quarters).toEqual([0, 35_000, 0, 0]); // 7 x 5,000 yuan in May (Q2)
  });

  it('rejects a plan that does not have 12 months, or fractional seats', () => {
    expect(() => costOfPlan({ ...flat(1, 1), seats: [1, 2] }, shanghai12333UnitCosts2020)).toThrow(
      'costOfPlan: plan.seats must have 12 monthly values (got 2)',
    );
    expect(() => costOfPlan(flat(1, 1.5), shanghai12333UnitCosts2020)).toThrow(
      /seats\[0\] must be an integer/,
    );
    expect(() => costOfPlan(flat(-1, 1), shanghai12333UnitCosts2020)).toThrow(/staffOnPayroll\[0\]/);
  });
});

describe('steadyPlanCost', () => {
  it('is costOfPlan of the same staff and seats every month with the hires spread evenly', () => {
    const steady = steadyPlanCost(
      { staffOnPayroll: 407, seats: 359, hiresPerYear: 120 },
      shanghai12333UnitCosts2020,
    );
    expect(steady).toEqual(costOfPlan(flat(407, 359, 10), shanghai12333UnitCosts2020));
    // 120 hires at 5,000 yuan on top of the 2020 seat-rental line.
    expect(steady.byBudgetLine.seatRental).toBeCloseTo(50_932_600 + 600_000, 4);
    expect(() =>
      steadyPlanCost({ staffOnPayroll: 1, seats: 1.5, hiresPerYear: 0 }, shanghai12333UnitCosts2020),
    ).toThrow(/seats\[0\] must be an integer/);
  });
});

describe('budgetLinesOfTotal', () => {
  it('gives the management fee its yearly amount and the seat rental the rest', () => {
    const total = shanghai12333Budget2020.seatRental + shanghai12333Budget2020.managementFee;
    expect(budgetLinesOfTotal(total, shanghai12333UnitCosts2020)).toEqual(shanghai12333Budget2020);
    expect(budgetLinesOfTotal(4_137_700, shanghai12333UnitCosts2020)).toEqual({
      seatRental: 0,
      managementFee: 4_137_700,
    });
    expect(() => budgetLinesOfTotal(4_137_699, shanghai12333UnitCosts2020)).toThrow(
      'budgetLinesOfTotal: totalYuan must cover the management fee of 4137700 yuan (got 4137699)',
    );
    expect(() => budgetLinesOfTotal(Number.NaN, shanghai12333UnitCosts2020)).toThrow(/totalYuan/);
  });
});

describe('whatBudgetBuys', () => {
  it('buys the 359 seats and 407 staff of 2020 with the 2020 budget (SEED, FACTS §1.1)', () => {
    const buys = whatBudgetBuys(shanghai12333Budget2020, shanghai12333UnitCosts2020, {
      staffPerSeat: 407 / 359,
      shrinkage: 0.3,
    });
    expect(buys.seats).toBe(359);
    expect(buys.staffOnPayroll).toBe(407);
    expect(buys.unspentSeatRental).toBeLessThan(1);
    // 407 x 2,000 h x 0.7 = 569,800 agent-hours; over 8,784 open hours = 64.87 agents on average.
    expect(buys.agentHoursYear).toBeCloseTo(407 * PAID_HOURS_PER_STAFF_YEAR * 0.7, 9);
    expect(buys.averageAgentsOnPhones).toBeCloseTo(569_800 / 8_784, 12);
    expect(buys.managementFeeCovered).toBe(true);
  });

  it('buys exactly the seats its unit costs imply: n seats fit, n + 1 do not', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2e8, noNaN: true }),
        fc.double({ min: 3000, max: 20000, noNaN: true }),
        fc.double({ min: 0, max: 50000, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        (seatRental, wage, system, staffPerSeat, turnover) => {
          const costs: UnitCosts = {
            loadedWagePerStaffMonth: wage,
            systemCostPerSeatYear: system,
            recruitmentAndTrainingPerHire: 5000,
            managementFeeYear: 0,
          };
          const buys = whatBudgetBuys({ seatRental, managementFee: 0 }, costs, {
            staffPerSeat,
            hiresPerStaffYear: turnover,
            shrinkage: 0.3,
          });
          const perSeat = staffPerSeat * (12 * wage + turnover * 5000) + system;
          expect(buys.costPerSeatYear).toBeCloseTo(perSeat, 6);
          expect(buys.seats * perSeat).toBeLessThanOrEqual(seatRental * (1 + 1e-9));
          expect((buys.seats + 1) * perSeat).toBeGreaterThan(seatRental);
          expect(buys.unspentSeatRental).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('buys fewer seats when the budget falls 22%, as from 2019 to 2020', () => {
    // SEED: 70,785,200 (2019) -> 55,070,152 (2020), -22.2%. Scale both lines by the same ratio.
    const ratio = SHANGHAI_12333_BUDGET_2019_TOTAL / 55_070_300;
    const buys2019 = whatBudgetBuys(
      {
        seatRental: shanghai12333Budget2020.seatRental * ratio,
        managementFee: shanghai12333Budget2020.managementFee * ratio,
      },
      shanghai12333UnitCosts2020,
      { staffPerSeat: 407 / 359, shrinkage: 0.3 },
    );
    expect(buys2019.seats).toBe(Math.floor(359 * ratio)); // 461 seats at 2020 unit costs
  });

  it('rejects a shrinkage of 1 or more and a non-positive staff ratio', () => {
    const args = { staffPerSeat: 1, shrinkage: 1 };
    expect(() => whatBudgetBuys(shanghai12333Budget2020, shanghai12333UnitCosts2020, args)).toThrow(
      'whatBudgetBuys: options.shrinkage must be in [0, 0.999] (got 1)',
    );
    expect(() =>
      whatBudgetBuys(shanghai12333Budget2020, shanghai12333UnitCosts2020, { staffPerSeat: 0, shrinkage: 0 }),
    ).toThrow(/staffPerSeat/);
  });
});

describe('settleQuarters', () => {
  const cost = costOfPlan(flat(407, 359), shanghai12333UnitCosts2020);

  it('pays everything when all four quarters pass', () => {
    const s = settleQuarters(cost, [true, true, true, true], { deductionShareOfQuarterFee: 0.1 });
    expect(s.deductedYear).toBe(0);
    expect(s.paidYear).toBeCloseTo(cost.year, 6);
  });

  it("deducts a failed quarter from the next quarter's management fee", () => {
    const s = settleQuarters(cost, [true, false, true, true], { deductionShareOfQuarterFee: 0.1 });
    // 10% of a quarter's fee: 4,137,700 / 4 x 0.1 = 103,442.5 yuan, taken in Q3.
    expect(s.deductedQuarters).toEqual([0, 0, 103_442.5, 0]);
    expect(s.paidQuarters[2]).toBeCloseTo((cost.quarters[2] ?? 0) - 103_442.5, 6);
  });

  it('charges a fourth-quarter failure to the fourth quarter, never more than its fee', () => {
    const s = settleQuarters(cost, [true, true, false, false], { deductionShareOfQuarterFee: 0.8 });
    expect(s.deductedQuarters[3]).toBe(4_137_700 / 4);
  });
});

describe('budgetExecution', () => {
  it('reads the 2019 execution of SEED: 70,784,807 spent of 70,785,200', () => {
    const e = budgetExecution(
      { seatRental: 70_784_807, managementFee: 0 },
      { seatRental: 70_785_200, managementFee: 0 },
      0.98,
    );
    expect(e.rate).toBeCloseTo(70_784_807 / 70_785_200, 15);
    expect(e.meetsTarget).toBe(true);
    expect(e.byLine.managementFee).toBeNull();
  });

  it('fails under-spending and over-spending alike', () => {
    const under = budgetExecution(
      { seatRental: 45e6, managementFee: 4_137_700 },
      shanghai12333Budget2020,
      0.98,
    );
    expect(under.rate).toBeLessThan(0.98);
    expect(under.meetsTarget).toBe(false);
    const over = budgetExecution({ seatRental: 51e6, managementFee: 4e6 }, shanghai12333Budget2020, 0.98);
    expect(over.overspentLines).toEqual(['seatRental']);
    expect(over.meetsTarget).toBe(false);
  });
});

describe('costPlanFromWorkforce', () => {
  it('prices a simulated workforce year: churn with six months of training costs hires but not more seats', async () => {
    const { simulateWorkforce } = await import('../../sim/model/workforce.js');
    const { costPlanFromWorkforce } = await import('../../sim/budget/costPlanFromWorkforce.js');
    const workforce = simulateWorkforce(
      {
        initialStaff: 407,
        turnover: 0.25,
        hiring: { policy: 'backfill', recruitmentLagDays: 30, trainingDays: 182 },
      },
      { startDate: '2020-01-01', days: 366, seed: 1 },
    );
    const plan = costPlanFromWorkforce(workforce, 359);
    const cost = costOfPlan(plan, shanghai12333UnitCosts2020);
    const hiring = cost.lines.find((l) => l.name === 'recruitmentAndTraining');
    expect(hiring?.year).toBe(workforce.hires * 5_000);
    // The payroll dips while vacancies are open, so the staff line is below the budgeted 407 x 12 x 9,100.
    const staff = cost.lines.find((l) => l.name === 'seatStaff');
    expect(staff?.year ?? Infinity).toBeLessThan(407 * 12 * 9_100);
    expect(() => costPlanFromWorkforce(workforce, [1, 2])).toThrow(/seats must be one number or 12/);
  });
});
