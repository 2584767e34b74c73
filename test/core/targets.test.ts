import { describe, expect, it } from 'vitest';
import { indicatorMeasure, meetsIndicator } from '../../sim/core/targets.js';

const indicator = {
  kpi: 'answerRate' as const,
  comparison: '>' as const,
  value: 0.8,
  unit: 'fraction' as const,
  modelledBy: 'answered / offered',
};

describe('indicatorMeasure', () => {
  it('measures an answer-rate indicator by the scenario definition', () => {
    expect(indicatorMeasure(indicator, 'perAttempt', 15)).toEqual({ kpi: 'answerRate', scale: 1 });
    expect(indicatorMeasure(indicator, 'perCaller', 15)).toEqual({ kpi: 'callerAnswerRate', scale: 1 });
    expect(indicatorMeasure(indicator, 'includingSelfService', 15)).toEqual({
      kpi: 'answerRateIncludingSelfService',
      scale: 1,
    });
  });

  it('converts an ASA target in minutes (exact: 1/60)', () => {
    expect(indicatorMeasure({ ...indicator, kpi: 'asaSeconds', unit: 'minutes' }, 'perAttempt', 15)).toEqual({
      kpi: 'asaSeconds',
      scale: 1 / 60,
    });
  });

  it('does not measure a service level at another threshold, nor what the simulator does not report', () => {
    expect(
      indicatorMeasure({ ...indicator, kpi: 'serviceLevel', answerWithinSeconds: 20 }, 'perAttempt', 15),
    ).toEqual({ kpi: null, reason: 'not simulated (threshold 20 s; the scenario measures 15 s)' });
    expect(
      indicatorMeasure({ ...indicator, kpi: 'serviceLevel', answerWithinSeconds: 15 }, 'perAttempt', 15),
    ).toEqual({ kpi: 'serviceLevel', scale: 1 });
    expect(
      indicatorMeasure({ ...indicator, kpi: 'satisfaction', modelledBy: 'survey' }, 'perAttempt', 15),
    ).toEqual({
      kpi: null,
      reason: 'not simulated (survey)',
    });
    expect(indicatorMeasure({ ...indicator, comparison: null }, 'perAttempt', 15).kpi).toBeNull();
  });
});

describe('meetsIndicator', () => {
  it('applies the comparison strictly as written', () => {
    expect(meetsIndicator(indicator, 0.8)).toBe(false);
    expect(meetsIndicator({ ...indicator, comparison: '>=' }, 0.8)).toBe(true);
    expect(meetsIndicator({ ...indicator, comparison: '<', value: 0.0001 }, 0.00005)).toBe(true);
    expect(meetsIndicator({ ...indicator, comparison: null }, 1)).toBe(false);
  });
});
