import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logBeta, regularizedIncompleteBeta } from '../../sim/stats/incompleteBeta.js';

const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.abs(expected);

describe('regularizedIncompleteBeta', () => {
  // Reference: mpmath.betainc(a, b, 0, x, regularized=True) at 50 digits.
  it.each([
    [0.3, 2.5, 4, 0.35219758590676725],
    [0.9, 0.5, 0.5, 0.7951672353008665],
    [0.001, 3, 7, 8.362275516053981e-8],
    [0.7, 50, 20, 0.38250924838123357],
    [0.5, 200, 210, 0.6894852134274162],
  ])('I_%s(%s, %s) matches mpmath to 1e-13', (x, a, b, expected) => {
    expect(relativeError(regularizedIncompleteBeta(x, a, b), expected)).toBeLessThan(1e-13);
  });

  // Exact, by hand: I_x(a, 1) = x^a, I_x(1, b) = 1 - (1 - x)^b, and for a = 1/2, b = 1/2 the
  // arcsine law I_x = (2/pi) asin(sqrt x).
  it('matches the closed forms for b = 1, a = 1 and the arcsine law', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        (x, s) => {
          expect(regularizedIncompleteBeta(x, s, 1)).toBeCloseTo(x ** s, 13);
          expect(regularizedIncompleteBeta(x, 1, s)).toBeCloseTo(1 - (1 - x) ** s, 13);
          // atan2 form of (2/pi) asin(sqrt x): asin near 1 would amplify rounding in the reference itself
          expect(regularizedIncompleteBeta(x, 0.5, 0.5)).toBeCloseTo(
            (2 / Math.PI) * Math.atan2(Math.sqrt(x), Math.sqrt(1 - x)),
            13,
          );
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });

  it('satisfies I_x(a, b) = 1 - I_(1-x)(b, a) and is 0 and 1 at the ends (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        (raw, a, b) => {
          const y = 1 - raw; // x and y = 1 - x both exact in binary, so the identity holds exactly
          const x = 1 - y;
          expect(regularizedIncompleteBeta(x, a, b) + regularizedIncompleteBeta(y, b, a)).toBeCloseTo(1, 12);
        },
      ),
      { numRuns: 200, seed: 5 },
    );
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('rejects x outside [0, 1] and non-positive shapes, naming the argument', () => {
    expect(() => regularizedIncompleteBeta(1.2, 1, 1)).toThrow(
      'regularizedIncompleteBeta: x must be in [0, 1] (got 1.2)',
    );
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(
      'regularizedIncompleteBeta: a must be a finite number > 0 (got 0)',
    );
    expect(() => regularizedIncompleteBeta(0.5, 1, Number.NaN)).toThrow(/b must be/);
  });
});

describe('logBeta', () => {
  // Reference: mpmath.log(mpmath.beta(a, b)) at 50 digits; (500000, 0.5) is where the
  // three log-gammas are about 6e6 and cancel to -6.
  it.each([
    [500000, 0.5, -5.988816495777464],
    [20, 30, -33.968820791977386],
    [3, 1e6, -40.75338749333038],
    [0.25, 7, 0.815088285969639],
  ])('ln B(%s, %s) matches mpmath to 1e-14', (a, b, expected) => {
    expect(relativeError(logBeta(a, b), expected)).toBeLessThan(1e-14);
  });

  // Exact: B(1/2, 1/2) = pi and B(1, 1) = 1.
  it('gives ln pi at (1/2, 1/2) and 0 at (1, 1)', () => {
    expect(relativeError(logBeta(0.5, 0.5), Math.log(Math.PI))).toBeLessThan(2e-15);
    expect(Math.abs(logBeta(1, 1))).toBeLessThan(2e-15);
  });
});
