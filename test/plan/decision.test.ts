import { describe, expect, it } from 'vitest';
import { decideProbability, replicationsToDecide } from '../../sim/plan/decision.js';
import { wilsonInterval } from '../../sim/plan/evaluatePlan.js';

describe('decideProbability: the confidence bound decides', () => {
  // Wilson 95% intervals, by hand with z = 1.959964: 10 of 10 is [n / (n + z^2), 1] = [0.7225, 1];
  // 40 of 40 is [0.9124, 1]; 1 of 10 is [0.0179, 0.4042].
  it('passes only when the lower end reaches p, fails when the upper end is below, else asks for more', () => {
    expect(wilsonInterval(10, 10).low).toBeCloseTo(10 / (10 + 1.959964 ** 2), 6);
    expect(decideProbability(wilsonInterval(10, 10), 0.9)).toBe('undecided');
    expect(decideProbability(wilsonInterval(40, 40), 0.9)).toBe('pass');
    expect(decideProbability(wilsonInterval(1, 10), 0.9)).toBe('fail');
    expect(decideProbability(wilsonInterval(4, 10), 0.4)).toBe('undecided');
    // At p = 0 everything passes: every interval lies at or above 0.
    expect(decideProbability(wilsonInterval(0, 10), 0)).toBe('pass');
    expect(() => decideProbability(wilsonInterval(1, 2), 1.2)).toThrow(/confidence/);
  });
});

describe('replicationsToDecide', () => {
  // All met: n / (n + z^2) >= 0.9 first holds at n = 35 (34.57 = 9 z^2); at 0.95, 73 (72.99 = 19 z^2).
  it('gives the least count whose interval would no longer straddle p if the share held', () => {
    expect(replicationsToDecide(wilsonInterval(10, 10), 0.9)).toBe(35);
    expect(replicationsToDecide(wilsonInterval(3, 3), 0.95)).toBe(73);
    expect(replicationsToDecide(wilsonInterval(40, 40), 0.9)).toBeNull(); // already decided
    // A share equal to p is never decided.
    expect(replicationsToDecide(wilsonInterval(9, 10), 0.9)).toBeNull();
  });

  it('gives a count whose interval decides, and none smaller at or above the current one does', () => {
    for (const [successes, trials, p] of [
      [8, 10, 0.6],
      [3, 5, 0.8],
      [19, 20, 0.9],
      [0, 1, 0.5],
    ] as const) {
      const estimate = wilsonInterval(successes, trials);
      const n = replicationsToDecide(estimate, p);
      expect(n).not.toBeNull();
      const share = successes / trials;
      const decides = (m: number) =>
        decideProbability(wilsonInterval(Math.round(share * m), m), p) !== 'undecided';
      expect(decides(n as number)).toBe(true);
      for (let m = trials + 1; m < (n as number); m++) expect(decides(m)).toBe(false);
    }
  });
});
