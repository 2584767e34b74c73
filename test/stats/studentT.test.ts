import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../sim/stats/studentT.js';

// Reference: mpmath at 50 digits, t found by findroot on 1/2 I_x(nu/2, 1/2) with
// x = nu / (nu + t^2) (mpmath.betainc, regularized), a method independent of ours
// (values printed as the nearest doubles).
const quantiles: readonly (readonly [number, number, number])[] = [
  [0.9, 1, 3.0776835371752536],
  [0.95, 1, 6.313751514675043],
  [0.975, 1, 12.706204736174705],
  [0.995, 1, 63.65674116287158],
  [0.9995, 1, 636.6192487687197],
  [0.025, 1, -12.706204736174705],
  [1e-12, 1, -318309886183.79065],
  [0.9, 2, 1.8856180831641267],
  [0.975, 2, 4.302652729749464],
  [0.9995, 2, 31.59905457644362],
  [1e-12, 2, -707106.7811854868],
  [0.9, 3, 1.6377443536962102],
  [0.95, 3, 2.3533634348018238],
  [0.975, 3, 3.1824463052837095],
  [0.995, 3, 5.840909309733357],
  [0.9995, 3, 12.923978636687483],
  [1e-12, 3, -10331.108244292485],
  [0.9, 4.5, 1.5008853175085575],
  [0.975, 4.5, 2.658912347204404],
  [0.9995, 4.5, 7.580740499372559],
  [1e-12, 4.5, -670.942702505106],
  [0.9, 9, 1.3830287383966322],
  [0.95, 9, 1.8331129326562372],
  [0.975, 9, 2.2621571627982053],
  [0.995, 9, 3.2498355415921263],
  [0.9995, 9, 4.780912585931139],
  [0.025, 9, -2.2621571627982053],
  [1e-12, 9, -51.41491602328223],
  [0.9, 29, 1.311433647301551],
  [0.95, 29, 1.699127026533498],
  [0.975, 29, 2.0452296421327043],
  [0.995, 29, 2.7563859036706053],
  [0.9995, 29, 3.659405019466333],
  [1e-12, 29, -11.613158011561406],
  [0.9, 100, 1.290074761346516],
  [0.975, 100, 1.9839715185235522],
  [0.995, 100, 2.6258905214380177],
  [1e-12, 100, -8.025825594493254],
  [0.9, 1000, 1.2823987214609245],
  [0.975, 1000, 1.9623390808264085],
  [0.995, 1000, 2.580754698065951],
  [1e-12, 1000, -7.1242289253144095],
];

const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.abs(expected);

describe('studentTQuantile', () => {
  it.each(quantiles)('t(p = %s, nu = %s) matches mpmath to 1e-12 relative', (p, nu, expected) => {
    expect(relativeError(studentTQuantile(p, nu), expected)).toBeLessThan(1e-12);
  });

  // Published: the two-sided critical values of the NIST/SEMATECH e-Handbook of
  // Statistical Methods, table 1.3.6.7.2, given to 3 decimals.
  it.each([
    [0.975, 1, 12.706],
    [0.975, 10, 2.228],
    [0.975, 29, 2.045],
    [0.995, 29, 2.756],
    [0.95, 5, 2.015],
    [0.995, 100, 2.626],
  ])('t(%s, %s) rounds to the printed table value %s', (p, nu, printed) => {
    expect(studentTQuantile(p, nu)).toBeCloseTo(printed, 3);
  });

  // Exact: 0 at p = 1/2 by symmetry; the infinite ends at 0 and 1.
  it('is 0 at p = 1/2 and infinite at p = 0 and 1', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0, 7)).toBe(-Infinity);
    expect(studentTQuantile(1, 7)).toBe(Infinity);
  });

  // Exact: for nu = 2, t = (2p - 1) / sqrt(2 p (1 - p)); at p = 0.9 that is 0.8 / sqrt(0.18).
  it('agrees with the closed form for 2 degrees of freedom', () => {
    expect(relativeError(studentTQuantile(0.9, 2), 0.8 / Math.sqrt(0.18))).toBeLessThan(1e-15);
  });

  // Where t^2 overflows, the power-law tail: for nu = 1, P(T < t) ~ 1 / (pi |t|), so
  // p = 1e-300 gives t ~ -1 / (pi 1e-300), exact to double precision by hand.
  it('reaches the far tail where t^2 overflows', () => {
    expect(relativeError(studentTQuantile(1e-300, 1), -1 / (Math.PI * 1e-300))).toBeLessThan(1e-12);
  });

  it('inverts studentTCdf, is odd about p = 1/2 and increases in p (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        fc.double({ min: 0.2, max: 5_000, noNaN: true }),
        (p, nu) => {
          const t = studentTQuantile(p, nu);
          const tail = Math.min(p, 1 - p);
          expect(Math.abs(studentTCdf(t, nu) - p)).toBeLessThan(1e-11 * tail);
          // 1 - (1 - p) is exact, so the two quantiles are of complementary probabilities
          const upper = 1 - p;
          if (p !== 0.5) {
            expect(relativeError(studentTQuantile(upper, nu), -studentTQuantile(1 - upper, nu))).toBeLessThan(
              1e-12,
            );
          }
          if (p < 0.999) expect(studentTQuantile(p + 0.0005, nu)).toBeGreaterThan(t);
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });

  it('rejects a probability outside [0, 1] and bad degrees of freedom, naming the argument', () => {
    expect(() => studentTQuantile(1.5, 3)).toThrow(
      'studentTQuantile: p must be a probability in [0, 1] (got 1.5)',
    );
    expect(() => studentTQuantile(Number.NaN, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(
      'studentTQuantile: degreesOfFreedom must be a finite number > 0 (got 0)',
    );
    expect(() => studentTQuantile(0.9, Infinity)).toThrow(/degreesOfFreedom/);
  });
});

describe('studentTCdf', () => {
  // Reference: mpmath at 50 digits, 1 - I_x(nu/2, 1/2)/2 with x = nu / (nu + t^2).
  it.each([
    [1.5, 7, 0.911350756505015],
    [-3, 2.5, 0.03628804777451592],
    [0.1, 30, 0.5394951941048645],
    [-25, 4, 0.000007598762881657869],
    [8, 200, 0.9999999999999506],
  ])('P(T <= %s) with nu = %s matches mpmath', (t, nu, expected) => {
    expect(relativeError(studentTCdf(t, nu), expected)).toBeLessThan(1e-13);
  });

  // Exact: the Cauchy distribution (nu = 1) has P(T <= t) = 1/2 + atan(t) / pi.
  it('is the Cauchy distribution for one degree of freedom', () => {
    for (const t of [-40, -1, -0.2, 0, 0.3, 1, 7]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
    }
  });

  it('rejects NaN and bad degrees of freedom', () => {
    expect(() => studentTCdf(Number.NaN, 3)).toThrow('studentTCdf: t must be a number (got NaN)');
    expect(() => studentTCdf(1, -2)).toThrow(/degreesOfFreedom must be a finite number > 0 \(got -2\)/);
  });
});
