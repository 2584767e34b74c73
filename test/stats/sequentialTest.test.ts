import { describe, expect, it } from 'vitest';
import {
  defaultDelta,
  SequentialTest,
  sequentialOperatingCharacteristic,
  type IndifferenceZoneTest,
} from '../../sim/stats/sequentialTest.js';

const DEFAULT: IndifferenceZoneTest = { p: 0.9, delta: 0.05, alpha: 0.1, beta: 0.1, maxTrials: 60 };

describe('SequentialTest', () => {
  // By hand: a success adds ln(0.95/0.85) = 0.111226, a failure ln(0.05/0.15) = -1.098612;
  // the boundaries are +-ln 9 = +-2.197225.
  it('stops on the boundaries Wald places: 20 straight successes reach p, 2 failures fall short', () => {
    const test = new SequentialTest(DEFAULT);
    expect(test.successStep).toBeCloseTo(Math.log(0.95 / 0.85), 12);
    expect(test.failureStep).toBeCloseTo(Math.log(1 / 3), 12);
    expect(test.verdict(19, 19)).toBe('continue'); // 2.113 < 2.197
    expect(test.verdict(20, 20)).toBe('reaches'); // 2.225
    expect(test.verdict(0, 1)).toBe('continue');
    expect(test.verdict(0, 2)).toBe('short'); // exactly ln(1/9): on the boundary, crossing it
    expect(test.verdict(29, 30)).toBe('continue'); // 29 x 0.111226 - 1.098612 = 2.127
    expect(test.verdict(30, 31)).toBe('reaches'); // 2.238
  });

  it('judges an undecided test at the cap by the sign of its log-likelihood ratio', () => {
    // 10 trials at most: 9 successes and 1 failure give 9 x 0.111226 - 1.098612 = -0.0976 < 0.
    const test = new SequentialTest({ ...DEFAULT, maxTrials: 10 });
    expect(test.verdict(9, 9)).toBe('continue');
    expect(test.verdict(9, 10)).toBe('short');
  });

  it('run stops at the first verdict, in order', () => {
    const test = new SequentialTest(DEFAULT);
    const seen: number[] = [];
    const result = test.run((i) => {
      seen.push(i);
      return true;
    });
    expect(result).toEqual({ verdict: 'reaches', trials: 20, successes: 20 });
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('rejects parameters that leave (0, 1), naming the field', () => {
    expect(() => new SequentialTest({ ...DEFAULT, p: 0.97, delta: 0.05 })).toThrow(/delta must be above 0/);
    expect(() => new SequentialTest({ ...DEFAULT, alpha: 0.6 })).toThrow(/alpha/);
    expect(() => new SequentialTest({ ...DEFAULT, maxTrials: 0 })).toThrow(/maxTrials/);
    expect(() => new SequentialTest(DEFAULT).verdict(3, 2)).toThrow(
      /successes must be an integer in \[0, 2\]/,
    );
  });

  it('defaultDelta is 0.05, or half the distance to 0 or 1', () => {
    expect(defaultDelta(0.9)).toBe(0.05);
    expect(defaultDelta(0.95)).toBeCloseTo(0.025, 15);
    expect(defaultDelta(0.04)).toBe(0.02);
  });
});

describe('sequentialOperatingCharacteristic', () => {
  // Reference: test/reference/sequential_test.py (exact rationals, mpmath boundaries at 50 digits).
  const cases: [IndifferenceZoneTest, number, number, number][] = [
    [DEFAULT, 0.85, 0.12583312963129942, 27.967189227239917],
    [DEFAULT, 0.95, 0.9104027037843042, 34.309055510152994],
    [DEFAULT, 0.9, 0.4571790145586806, 37.10008125416265],
    [
      { p: 0.8, delta: 0.05, alpha: 0.05, beta: 0.05, maxTrials: 40 },
      0.75,
      0.18199260166280865,
      36.778741870822344,
    ],
    [
      { p: 0.8, delta: 0.05, alpha: 0.05, beta: 0.05, maxTrials: 40 },
      0.85,
      0.7559608764003737,
      38.765621705281916,
    ],
  ];
  it.each(cases)(
    'at %o and true P %f: P(reaches) and E[trials] as the exact enumeration',
    (test, trueP, reaches, trials) => {
      const oc = sequentialOperatingCharacteristic(test, trueP);
      expect(Math.abs(oc.reaches - reaches)).toBeLessThan(1e-9 * reaches);
      expect(Math.abs(oc.expectedTrials - trials)).toBeLessThan(1e-9 * trials);
      expect(oc.reaches + oc.short).toBeCloseTo(1, 12);
    },
  );

  it('is monotone in the true probability', () => {
    let previous = -1;
    for (const trueP of [0.5, 0.8, 0.85, 0.9, 0.95, 0.99]) {
      const { reaches } = sequentialOperatingCharacteristic(DEFAULT, trueP);
      expect(reaches).toBeGreaterThan(previous);
      previous = reaches;
    }
  });
});
