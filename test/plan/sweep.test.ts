import { describe, expect, it } from 'vitest';
import { shanghai12333UnitCosts2020 } from '../../sim/budget/shanghai12333Costs.js';
import { whatBudgetBuys } from '../../sim/budget/whatBudgetBuys.js';
import type { TargetSet } from '../../sim/io/targets.js';
import type { Scenario } from '../../sim/model/types.js';
import { wilsonInterval } from '../../sim/plan/evaluatePlan.js';
import { tornado, varyAssumption, type SensitivityRow } from '../../sim/plan/sensitivity.js';
import { frontier, sweep } from '../../sim/plan/sweep.js';
import { answerRateTargets, buying12333, twoDayScenario } from './fixtures.js';

const base: Scenario = twoDayScenario;

const targets: TargetSet = answerRateTargets(0.8);
const buying = buying12333;
const { costPerSeatYear } = whatBudgetBuys(
  { seatRental: 0, managementFee: 0 },
  shanghai12333UnitCosts2020,
  buying,
);

describe('sweep and frontier', () => {
  it('gives one row per grid point, and more budget never lowers the probability under common random numbers', async () => {
    const seatsGrid = [30, 34, 38, 42, 46, 50, 54];
    const rows = await sweep(
      base,
      targets,
      shanghai12333UnitCosts2020,
      {
        seatRentalYuan: seatsGrid.map((seats) => seats * costPerSeatYear),
        seats: [null, 40],
        assumptions: { volume: [0.9, 1.1] },
      },
      { buying, seed: 2, replications: 8, workers: 0 },
    );
    // 7 budgets x 2 seat settings x (baseline + 2 volume factors).
    expect(rows).toHaveLength(7 * 2 * 3);
    expect(rows.map((r) => r.seatsBought).filter((_, i) => i % 6 === 0)).toEqual(seatsGrid);
    for (const row of rows) {
      expect(row.totalYuan).toBeCloseTo(row.seatRentalYuan + 4_137_700, 6);
      expect(row.seatsUsed).toBe(row.siteSeats === null ? row.seatsBought : Math.min(40, row.seatsBought));
      expect(row.probability).toEqual(wilsonInterval(row.probability.successes, 8, 0.95));
    }
    for (const select of [{}, { assumption: 'volume' as const, factor: 1.1 }, { siteSeats: 40 }]) {
      const points = frontier(rows, select);
      expect(points).toHaveLength(7);
      points.forEach((point, i) => {
        expect(point.totalYuan).toBeGreaterThan(points[i - 1]?.totalYuan ?? 0);
        expect(point.probability.probability).toBeGreaterThanOrEqual(
          points[i - 1]?.probability.probability ?? 0,
        );
      });
    }
    // The baseline frontier spans the decision: from failing to passing.
    const baseline = frontier(rows);
    expect(baseline[0]!.probability.probability).toBeLessThan(0.5);
    expect(baseline.at(-1)!.probability.probability).toBe(1);
    // 10% more calls never helps: at every budget, P(meet) with volume x 1.1 <= baseline.
    const more = frontier(rows, { assumption: 'volume', factor: 1.1 });
    more.forEach((point, i) =>
      expect(point.probability.probability).toBeLessThanOrEqual(baseline[i]!.probability.probability),
    );
  }, 120_000);
});

describe('tornado', () => {
  const row = (
    assumption: SensitivityRow['assumption'],
    factor: number,
    successes: number,
  ): SensitivityRow => ({
    assumption,
    factor,
    probability: wilsonInterval(successes, 10),
    answerRate: null,
  });
  // Exact, by hand: swings are volume 0.9 - 0.1 = 0.8, handle 0.7 - 0.5 = 0.2, patience 0.6 - 0.5 = 0.1.
  it('sorts the assumptions by how far they move the measure, largest first', () => {
    const bars = tornado(
      [
        row('baseline', 1, 5),
        row('patience', 0.9, 5),
        row('patience', 1.1, 6),
        row('volume', 1.2, 1),
        row('volume', 0.8, 9),
        row('handle', 1.1, 7),
        row('handle', 0.9, 5),
      ],
      'probability',
    );
    expect(bars.map((b) => b.assumption)).toEqual(['volume', 'handle', 'patience']);
    expect(bars[0]).toMatchObject({
      lowFactor: 0.8,
      highFactor: 1.2,
      baseline: 0.5,
      atLow: 0.9,
      atHigh: 0.1,
    });
    expect(bars[0]!.swing).toBeCloseTo(0.8, 12);
    expect(bars[1]!.swing).toBeCloseTo(0.2, 12);
    expect(() => tornado([row('volume', 1.1, 3)], 'probability')).toThrow(/baseline/);
  });

  // Exact, by hand: every band's rate scaled, the rest of the workforce kept.
  it('varies turnover through the workforce, and leaves a scenario without one unchanged', () => {
    expect(varyAssumption(base, 'turnover', 2)).toBe(base);
    const withWorkforce = {
      ...base,
      workforce: {
        spec: {
          initialStaff: 10,
          turnover: [
            { fromMonth: 0, annualRate: 0.4 },
            { fromMonth: 12, annualRate: 0.1 },
          ],
          hiring: { kind: 'none' },
        },
      },
    } as unknown as Scenario;
    const varied = varyAssumption(withWorkforce, 'turnover', 1.5);
    expect(varied.workforce?.spec.turnover).toEqual([
      { fromMonth: 0, annualRate: 0.4 * 1.5 },
      { fromMonth: 12, annualRate: 0.1 * 1.5 },
    ]);
    expect(varied.workforce?.spec.initialStaff).toBe(10);
  });
});
