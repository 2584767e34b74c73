import { describe, expect, it } from 'vitest';
import { countCdf } from '../../sim/stats/countInterval.js';
import {
  calibratedCv,
  coveringCv,
  estimateMultipliers,
  MAX_BAND_CV,
  predictionInterval,
  type OriginErrors,
} from '../../sim/forecast/uncertainty.js';
import { gammaMeanOne, poisson, uniforms, WORKDAY_PROFILE } from './synthetic.js';

describe('estimateMultipliers', () => {
  // 600 origins of 7 days of 24 hours, 1,000 calls a day: actual = Poisson(f x L x D x E) with
  // gamma multipliers of CV 0.06 (level), 0.08 (day) and 0.12 (interval). The day's squared CV
  // is estimated from the day totals, which here also hold the independent interval multipliers:
  // their expected share is (1 + X) cE^2 Σp^2 (uncertainty.ts), so the day CV expected is
  // computed below. Over 20 seeds (measured) the estimates of the level, day and interval CVs
  // had standard deviations 0.0023, 0.0012 and 0.0007; the bounds are about four of them.
  it('recovers the level, day and interval CVs of simulated errors', () => {
    const u = uniforms('multipliers');
    const origins: OriginErrors[] = [];
    for (let o = 0; o < 600; o++) {
      const level = gammaMeanOne(0.06, u);
      const forecast = new Float64Array(7 * 24);
      const actual = new Float64Array(7 * 24);
      for (let d = 0; d < 7; d++) {
        const day = gammaMeanOne(0.08, u);
        for (let h = 0; h < 24; h++) {
          const f = 1000 * (WORKDAY_PROFILE[h] as number);
          forecast[d * 24 + h] = f;
          actual[d * 24 + h] = poisson(f * level * day * gammaMeanOne(0.12, u), u);
        }
      }
      origins.push({ forecast, actual });
    }
    const m = estimateMultipliers(origins, 24);
    expect(m.days).toBe(4200);
    expect(m.levelCv).toBeGreaterThan(0.051);
    expect(m.levelCv).toBeLessThan(0.069);
    const x = (1 + 0.06 ** 2) * (1 + 0.08 ** 2) - 1;
    const herfindahl = WORKDAY_PROFILE.reduce((sum, p) => sum + p * p, 0);
    const dayCv = Math.sqrt((1 + x + (1 + x) * 0.12 ** 2 * herfindahl) / (1 + 0.06 ** 2) - 1);
    expect(m.dayCv).toBeGreaterThan(dayCv - 0.005);
    expect(m.dayCv).toBeLessThan(dayCv + 0.005);
    // the interval's then comes out a little low: (1 + X')(1 + cE'^2) = (1 + X)(1 + cE^2)
    const intervalCv = Math.sqrt(
      ((1 + x) * (1 + 0.12 ** 2)) / (1 + x + (1 + x) * 0.12 ** 2 * herfindahl) - 1,
    );
    expect(m.intervalCv).toBeGreaterThan(intervalCv - 0.003);
    expect(m.intervalCv).toBeLessThan(intervalCv + 0.003);
  });

  it('puts everything in the day when no origin forecasts two days, and gives 0 without errors', () => {
    const one = [{ forecast: Float64Array.of(100), actual: Float64Array.of(130) }];
    const m = estimateMultipliers(one, 1);
    expect(m.levelCv).toBe(0);
    // (30^2 - 100) / 100^2 = 0.08 = dayCv^2, exactly
    expect(m.dayCv).toBeCloseTo(Math.sqrt(0.08), 12);
    expect(estimateMultipliers([], 24)).toEqual({ levelCv: 0, dayCv: 0, intervalCv: 0, days: 0 });
  });
});

describe('coveringCv and calibratedCv', () => {
  it('coveringCv is the least CV whose interval holds the actual', () => {
    expect(coveringCv(100, 100, 0.8)).toBe(0);
    const c = coveringCv(100, 140, 0.8);
    const [, upper] = predictionInterval(100, c, 0.8);
    expect(upper).toBeGreaterThanOrEqual(140);
    expect(predictionInterval(100, c - 2e-4, 0.8)[1]).toBeLessThan(140);
    expect(coveringCv(100, 10_000, 0.8)).toBe(Infinity);
    expect(coveringCv(0, 5, 0.8)).toBe(Infinity); // nothing expected, calls came: no CV covers it
  });

  it('predictionInterval is the pair of count quantiles', () => {
    const [lower, upper] = predictionInterval(100, 0.1, 0.8);
    expect([lower, upper]).toEqual([82, 118]); // count_references.py, quantiles 0.1 and 0.9
    expect(countCdf(upper, 100, 0.1)).toBeGreaterThanOrEqual(0.9);
  });

  // By hand: n = 4, level 0.5: rank ceil(5 x 0.5) = 3, the third smallest.
  it('calibratedCv takes the ceil((n + 1) level)-th smallest covering CV', () => {
    expect(calibratedCv([0.3, 0, 0.2, 0.1], 0.5)).toBe(0.2);
    expect(calibratedCv([0.3, 0, 0.2, 0.1], 0.99)).toBe(0.3);
    expect(calibratedCv([0.1, Infinity, Infinity], 0.9)).toBe(0.1);
    expect(calibratedCv([Infinity], 0.9)).toBe(MAX_BAND_CV);
    expect(calibratedCv([], 0.8)).toBeNull();
  });
});
