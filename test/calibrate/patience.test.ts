import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  exponentialPatience,
  kaplanMeier,
  patienceObservations,
  survivalAt,
  type PatienceObservation,
} from '../../sim/calibrate/patience.js';

const event = (seconds: number): PatienceObservation => ({ seconds, abandoned: true });
const censored = (seconds: number): PatienceObservation => ({ seconds, abandoned: false });

describe('kaplanMeier', () => {
  // Worked by hand: waits 3, 4+, 5, 5, 6+, 8 (+ = answered, censored).
  // S(3) = 5/6; at 5, 4 at risk and 2 abandon: S = 5/6 * 2/4 = 5/12; at 8, 1 at risk, 1 abandons: 0.
  // Greenwood: at 3, 1/(6*5) = 1/30; at 5, 1/30 + 2/(4*2) = 17/60.
  it('gives the product-limit steps and Greenwood errors of a hand-worked example', () => {
    const km = kaplanMeier([event(3), censored(4), event(5), event(5), censored(6), event(8)]);
    expect(km.steps.map((s) => [s.seconds, s.atRisk, s.abandoned])).toEqual([
      [3, 6, 1],
      [5, 4, 2],
      [8, 1, 1],
    ]);
    expect(km.steps[0]!.survival).toBeCloseTo(5 / 6, 15);
    expect(km.steps[1]!.survival).toBeCloseTo(5 / 12, 15);
    expect(km.steps[2]!.survival).toBe(0);
    expect(km.steps[0]!.standardError).toBeCloseTo((5 / 6) * Math.sqrt(1 / 30), 15);
    expect(km.steps[1]!.standardError).toBeCloseTo((5 / 12) * Math.sqrt(17 / 60), 15);
    expect(km.medianSeconds).toBe(5);
    expect([km.observations, km.abandoned, km.censored, km.maxObservedSeconds]).toEqual([6, 4, 2, 8]);
    expect([survivalAt(km, 2.9), survivalAt(km, 3), survivalAt(km, 4.5)]).toEqual([1, 5 / 6, 5 / 6]);
  });

  it('counts abandonments before censorings at the same time', () => {
    // by hand: at 10, 2 at risk, 1 abandons: S = 1/2 (the answered caller at 10 was still at risk)
    expect(kaplanMeier([censored(10), event(10)]).steps[0]!.survival).toBe(0.5);
  });

  it('without censoring, equals one minus the empirical distribution', () => {
    const waits = [4, 9, 9, 15, 30, 31, 60];
    const km = kaplanMeier(waits.map(event));
    for (const t of [0, 4, 9, 20, 31, 59, 60]) {
      expect(survivalAt(km, t)).toBeCloseTo(waits.filter((w) => w > t).length / waits.length, 14);
    }
  });

  it('has no median when the curve stays above one half', () => {
    expect(kaplanMeier([event(5), censored(10), censored(20)]).medianSeconds).toBeNull();
  });

  it('rejects empty input and negative waits', () => {
    expect(() => kaplanMeier([])).toThrow('kaplanMeier: observations must not be empty (got 0)');
    expect(() => kaplanMeier([event(-1)])).toThrow(
      'kaplanMeier: observations[0].seconds must be a finite number >= 0 (got -1)',
    );
  });
});

describe('exponentialPatience', () => {
  // By hand: 2 abandonments, waits 30 + 90 + 40 + 40 = 200 s, so θ̂ = 0.01 per second.
  it('is abandonments over the total wait of every queued caller', () => {
    const estimate = exponentialPatience([event(30), event(90), censored(40), censored(40)]);
    expect(estimate.ratePerSecond).toBe(0.01);
    expect(estimate.meanPatienceSeconds).toBe(100);
    expect([estimate.abandoned, estimate.queued, estimate.totalWaitSeconds]).toEqual([2, 4, 200]);
    // 95% interval from SE(θ̂) = θ̂/sqrt(2): mean in [100/(1 + 1.96/√2), ∞) since 1.96/√2 > 1
    expect(estimate.meanPatience95.lower).toBeCloseTo(100 / (1 + 1.959963984540054 / Math.SQRT2), 10);
    expect(estimate.meanPatience95.upper).toBe(Infinity);
  });

  it('recovers a known exponential patience from censored waits, where the naive mean fails', () => {
    // Simulated, seeded: patience ~ Exp(mean 120 s), offered wait ~ U(0, 300 s); the caller
    // abandons when patience < offered wait. Tolerance: 4 standard errors (θ̂/√d, d ≈ 5000).
    const random = seedrandom.alea('patience-test');
    const observations: PatienceObservation[] = [];
    for (let i = 0; i < 8000; i++) {
      const patience = -120 * Math.log(1 - random());
      const offered = 300 * random();
      observations.push(patience < offered ? event(patience) : censored(offered));
    }
    const estimate = exponentialPatience(observations);
    const se = estimate.meanPatienceSeconds / Math.sqrt(estimate.abandoned);
    expect(Math.abs(estimate.meanPatienceSeconds - 120)).toBeLessThan(4 * se);
    // the mean of the abandoners' waits alone is biased low (only short patiences are seen)
    const abandonedWaits = observations.filter((o) => o.abandoned).map((o) => o.seconds);
    expect(abandonedWaits.reduce((a, b) => a + b, 0) / abandonedWaits.length).toBeLessThan(90);
    // and the Kaplan-Meier median agrees with the exponential median 120 ln 2 = 83.2 s within 10%
    expect(Math.abs(kaplanMeier(observations).medianSeconds! / (120 * Math.LN2) - 1)).toBeLessThan(0.1);
  });

  it('has an infinite mean patience when nobody abandoned, and rejects abandonments with no wait', () => {
    expect(exponentialPatience([censored(10)]).meanPatienceSeconds).toBe(Infinity);
    expect(() => exponentialPatience([event(0)])).toThrow(
      'exponentialPatience: abandonments with no waiting time give no rate (got 1 abandonments, 0 s waited)',
    );
  });
});

describe('patienceObservations', () => {
  it('takes answered waits as censored, abandoned as observed, and leaves out blocked calls', () => {
    expect(
      patienceObservations([
        { arrivalSeconds: 0, waitSeconds: 30, outcome: 'answered', handleSeconds: 90 },
        { arrivalSeconds: 0, waitSeconds: 12, outcome: 'abandoned' },
        { arrivalSeconds: 0, waitSeconds: 0, outcome: 'blocked' },
      ]),
    ).toEqual([censored(30), event(12)]);
  });
});
