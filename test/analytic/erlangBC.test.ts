import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB } from '../../sim/analytic/erlangB.js';
import { erlangC } from '../../sim/analytic/erlangC.js';

/** Relative error |x - ref| / |ref| (absolute when ref is 0). */
const rel = (x: number, ref: number): number => Math.abs(x - ref) / (ref === 0 ? 1 : Math.abs(ref));

// [agents, erlangs, B, C]: mpmath 60 digits (printed as the nearest double), direct sum of A^k/k!, test/reference/erlang_b_c.py
const REFERENCE: [number, number, number, number][] = [
  [5, 2, 0.03669724770642202, 0.05970149253731343],
  [14, 10, 0.05681914338652086, 0.17413193359504983],
  [1, 0.5, 0.3333333333333333, 0.5],
  [10, 7.5, 0.09954371305634095, 0.3066112002212966],
  [100, 90, 0.026957380464359214, 0.2169404809063664],
  [500, 480, 0.014325780722426129, 0.26651251996236414],
  [1000, 950.5, 0.003753022312759599, 0.07072200792079447],
  [2000, 1900, 0.0006789692964986019, 0.013406437303190343],
  [5000, 4900, 0.002215767902497243, 0.09993787723448766],
  [5000, 5000, 0.011199358278505486, 1.0],
  [4900, 5000, 0.026245810100372646, 1.0],
  [50, 10, 1.4927267257774841e-19, 1.8659084072218552e-19],
  [5000, 4500, 1.291831807852809e-14, 1.2918318078526586e-13],
];

describe('erlangB', () => {
  // Exact, by hand: B(5, 2) = (2^5/5!) / sum_{k=0..5} 2^k/k! = (4/15) / (109/15) = 4/109.
  it('erlangB(5, 2) equals the exact value 4/109', () => {
    expect(rel(erlangB(5, 2), 4 / 109)).toBeLessThan(1e-15);
  });

  it.each(REFERENCE)('erlangB(%d, %d) matches mpmath to 1e-12 relative', (c, a, b) => {
    expect(rel(erlangB(c, a), b)).toBeLessThan(1e-12);
  });

  // Exact, by hand: with no agents every call is lost; with no load none is.
  it('is 1 with no agents and 0 with no load', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(0, 0)).toBe(1);
    expect(erlangB(1, 0)).toBe(0);
  });

  it('decreases in agents and increases in load (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.double({ min: 0, max: 4000, noNaN: true }),
        (c, a) => {
          const b = erlangB(c, a);
          expect(b).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(1);
          expect(erlangB(c + 1, a)).toBeLessThanOrEqual(b);
          expect(erlangB(c, a * 1.01 + 1e-9)).toBeGreaterThanOrEqual(b);
        },
      ),
    );
  });

  it('rejects bad arguments, naming the function, argument and value', () => {
    expect(() => erlangB(2.5, 1)).toThrow('erlangB: agents must be a non-negative integer (got 2.5)');
    expect(() => erlangB(-1, 1)).toThrow(RangeError);
    expect(() => erlangB(3, -1)).toThrow('erlangB: trafficErlangs must be a finite number >= 0 (got -1)');
    expect(() => erlangB(3, Number.NaN)).toThrow(/erlangB: trafficErlangs .*NaN/);
    expect(() => erlangB(3, Infinity)).toThrow(RangeError);
  });
});

describe('erlangC', () => {
  // Exact, by hand: M/M/2 with A = 1: C = (1/2 * 2/1) / (1 + 1 + 1) = 1/3.
  it('erlangC(2, 1) equals the exact value 1/3', () => {
    expect(rel(erlangC(2, 1), 1 / 3)).toBeLessThan(1e-15);
  });

  // Published example: 100 calls per 30 min, 3-min handle (10 erlangs), 14 agents: P(wait) = 0.17413.
  it('matches the published example P(wait) = 0.17413', () => {
    expect(erlangC(14, 10)).toBeCloseTo(0.17413, 5);
  });

  it.each(REFERENCE)('erlangC(%d, %d) matches mpmath to 1e-12 relative', (c, a, _b, cRef) => {
    expect(rel(erlangC(c, a), cRef)).toBeLessThan(1e-12);
  });

  // By definition (documented): every call waits at or above capacity, none with no load.
  it('is 1 at or above capacity and 0 with no load', () => {
    expect(erlangC(3, 3)).toBe(1);
    expect(erlangC(3, 7)).toBe(1);
    expect(erlangC(0, 2)).toBe(1);
    expect(erlangC(4, 0)).toBe(0);
  });

  it('decreases in agents, increases in load and is at least Erlang B (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.double({ min: 0, max: 4000, noNaN: true }),
        (c, a) => {
          const value = erlangC(c, a);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
          expect(value).toBeGreaterThanOrEqual(erlangB(c, a) * (1 - 1e-12));
          expect(erlangC(c + 1, a)).toBeLessThanOrEqual(value);
          expect(erlangC(c, a * 1.01 + 1e-9)).toBeGreaterThanOrEqual(value);
        },
      ),
    );
  });

  it('rejects bad arguments, naming the function, argument and value', () => {
    expect(() => erlangC(1.5, 1)).toThrow('erlangC: agents must be a non-negative integer (got 1.5)');
    expect(() => erlangC(2, -0.5)).toThrow('erlangC: trafficErlangs must be a finite number >= 0 (got -0.5)');
    expect(() => erlangC(2, Infinity)).toThrow(RangeError);
  });
});
