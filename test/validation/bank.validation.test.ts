import { expect, it } from 'vitest';
import { validateHoldOut } from '../../sim/calibrate/holdOut.js';
import { recordsInDays } from '../../sim/calibrate/periodInputs.js';
import { bankCalls, describeBankData } from '../io/bankData.js';

// Held-out validation against a real call center (issue 13), `hotline validate`'s
// computation: behaviour (talk time, the after-call time agents left waiting callers
// unanswered, a piecewise patience hazard) calibrated on 1-14 February 1999 of the
// Anonymous Bank's records only; 15-28 February simulated from their calls and agents
// scheduled per 15 minutes only; observed against predicted hour by hour (test days
// pooled), cells with at least 50 calls seen. The model was chosen on 1-14 February
// alone (fit one week, predict the other, both ways: the second test below); 15-28
// February was run twice to report (data/README.md says which model each run had).
// The bounds are the figures reached, to the precision reported, never widened:
// issue 13's goal is 2 pp / 6 pp / 10 s, not reached; data/README.md gives the measured
// causes (talk time 12% longer in the test weeks than in the training weeks).
// Before issue 13 the month-average model scored 8.0 pp / 28.6 pp / 28.7 s, optimistic
// in every hour.

const TRAIN = { from: '1999-02-01', to: '1999-02-14' };
const TEST = { from: '1999-02-15', to: '1999-02-28' };

describeBankData('the Anonymous Bank, calibrated on 1-14 February 1999 and judged on 15-28 February', () => {
  it('predicts the held-out hours within the errors reached: 3.3 pp, 14.1 pp, 14.4 s', () => {
    const v = validateHoldOut(bankCalls().records, {
      train: TRAIN,
      test: TEST,
      thresholdSeconds: 20,
      replications: 10,
      seed: 1,
    });
    const e = v.errors.byHour;
    expect(e.cells).toBe(17);
    expect(e.abandonRate).toBeLessThanOrEqual(0.033);
    expect(e.serviceLevel).toBeLessThanOrEqual(0.141);
    expect(e.asaSeconds).toBeLessThanOrEqual(14.45);
    // The offered calls are the test days' own (the inputs), within Poisson noise of 10 replications.
    expect(Math.abs(v.overall.predicted.offered / v.overall.observed.offered - 1)).toBeLessThan(0.01);
    // It beats the best constant a planner could take from the training days: their abandonment rate in every hour.
    const training = recordsInDays(bankCalls().records, TRAIN);
    const constant = training.filter((r) => r.outcome === 'abandoned').length / training.length;
    const kept = v.byHour.filter((h) => h.observed.offered >= 50);
    const constantError =
      kept.reduce((a, h) => a + Math.abs(h.observed.abandonRate! - constant), 0) / kept.length;
    expect(e.abandonRate).toBeLessThan(constantError);
  });

  // The choice of the model (defaults of calibrateBehaviour) on the training days only.
  it('fits one training week from the other within 3.3 pp, 8.0 pp and 9.8 s on average, both ways', () => {
    const weeks = [
      { from: '1999-02-01', to: '1999-02-07' },
      { from: '1999-02-08', to: '1999-02-14' },
    ] as const;
    const folds = [
      validateHoldOut(bankCalls().records, {
        train: weeks[0],
        test: weeks[1],
        thresholdSeconds: 20,
        replications: 10,
        seed: 1,
      }),
      validateHoldOut(bankCalls().records, {
        train: weeks[1],
        test: weeks[0],
        thresholdSeconds: 20,
        replications: 10,
        seed: 1,
      }),
    ];
    const mean = (f: (v: (typeof folds)[number]) => number): number => (f(folds[0]!) + f(folds[1]!)) / 2;
    expect(mean((v) => v.errors.byHour.abandonRate)).toBeLessThanOrEqual(0.0335);
    expect(mean((v) => v.errors.byHour.serviceLevel)).toBeLessThanOrEqual(0.08);
    expect(mean((v) => v.errors.byHour.asaSeconds)).toBeLessThanOrEqual(9.85);
  });
});
