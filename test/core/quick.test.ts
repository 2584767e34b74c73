import { describe, expect, it } from 'vitest';
import { QUICK_ENV_VAR, isQuickRun, replicationsFor } from '../../sim/core/quick.js';

describe('quick run switch', () => {
  // Exact, by definition: only the value "1" asks for a quick run.
  it('is on only for HOTLINE_QUICK=1', () => {
    expect(QUICK_ENV_VAR).toBe('HOTLINE_QUICK');
    expect(isQuickRun({ HOTLINE_QUICK: '1' })).toBe(true);
    expect(isQuickRun({})).toBe(false);
    expect(isQuickRun({ HOTLINE_QUICK: '0' })).toBe(false);
    expect(isQuickRun({ HOTLINE_QUICK: 'true' })).toBe(false);
  });

  // Exact, by definition: the full count normally, the quick count under the switch.
  it('replicationsFor picks the count for the run', () => {
    expect(replicationsFor(200, 10, {})).toBe(200);
    expect(replicationsFor(200, 10, { HOTLINE_QUICK: '1' })).toBe(10);
    expect(replicationsFor(5, 5, { HOTLINE_QUICK: '1' })).toBe(5);
  });

  it('replicationsFor reads process.env by default', () => {
    const saved = process.env[QUICK_ENV_VAR];
    try {
      process.env[QUICK_ENV_VAR] = '1';
      expect(replicationsFor(100, 3)).toBe(3);
      delete process.env[QUICK_ENV_VAR];
      expect(replicationsFor(100, 3)).toBe(100);
    } finally {
      if (saved === undefined) delete process.env[QUICK_ENV_VAR];
      else process.env[QUICK_ENV_VAR] = saved;
    }
  });

  it('rejects counts that are not positive integers, or a quick count above the full one', () => {
    expect(() => replicationsFor(0, 1, {})).toThrow(
      'replicationsFor: full must be a positive integer (got 0)',
    );
    expect(() => replicationsFor(10, 2.5, {})).toThrow(/quick/);
    expect(() => replicationsFor(10, 20, {})).toThrow('replicationsFor: quick must be <= full (got 20 > 10)');
  });
});
