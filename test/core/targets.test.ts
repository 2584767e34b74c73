import { describe, expect, it } from 'vitest';
import {
  describeMeasure,
  formatTarget,
  indicatorMeasure,
  measureKey,
  meetsIndicator,
  resolveMeasure,
} from '../../sim/core/targets.js';
import { parseTargetSet } from '../../sim/io/targets.js';

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

describe('resolveMeasure', () => {
  it('keys a fault indicator by its level and an answer rate by the definition', () => {
    const repair = { ...indicator, kpi: 'faultRepairMinutes' as const, comparison: '<=' as const, value: 90 };
    expect(resolveMeasure({ ...repair, faultLevel: 2 })).toEqual({ key: 'faultRepairMinutes:2', scale: 1 });
    expect(resolveMeasure(repair)).toEqual({
      key: null,
      reason: 'not simulated (a faultRepairMinutes indicator needs its faultLevel)',
    });
    expect(resolveMeasure(indicator, { answerRateDefinition: 'perCaller' })).toEqual({
      key: 'callerAnswerRate',
      scale: 1,
    });
    expect(resolveMeasure({ ...indicator, kpi: 'turnoverRate' })).toEqual({ key: 'turnoverRate', scale: 1 });
  });

  it('judges a service level only at the measured threshold', () => {
    const sl = { ...indicator, kpi: 'serviceLevel' as const, answerWithinSeconds: 15 };
    expect(resolveMeasure(sl).key).toBeNull();
    expect(resolveMeasure(sl, { answerWithinSeconds: 15 })).toEqual({ key: 'serviceLevel', scale: 1 });
    expect(resolveMeasure(sl, { answerWithinSeconds: 20 }).key).toBeNull();
  });

  it('measureKey needs a level for a fault KPI', () => {
    expect(measureKey('faultResponseMinutes', 3)).toBe('faultResponseMinutes:3');
    expect(() => measureKey('faultResponseMinutes')).toThrow(
      'measureKey: faultLevel must be a positive integer for faultResponseMinutes (got undefined)',
    );
  });
});

describe('formatTarget', () => {
  it('prints the document text when the file gives it, else builds it (exact, by hand)', () => {
    expect(formatTarget({ comparison: '>', value: 0.8, unit: 'fraction', targetText: '>80%' })).toBe('>80%');
    expect(formatTarget({ comparison: '<', value: 0.0001, unit: 'fraction' })).toBe('<0.01%');
    expect(formatTarget({ comparison: '>=', value: 0.95, unit: 'fraction' })).toBe('≥95%');
    expect(formatTarget({ comparison: '<=', value: 90, unit: 'minutes' })).toBe('≤90分钟');
    expect(formatTarget({ comparison: '=', value: 4, unit: 'count' })).toBe('=4');
    expect(formatTarget({ comparison: null, value: '健全 sound', unit: 'text' })).toBe('健全 sound');
  });
});

describe('parseTargetSet (fault levels and target text)', () => {
  const row = {
    id: 'fault1Repair',
    level1: { zh: '产出目标', en: 'outputs' },
    level2: { zh: '时效', en: 'timeliness' },
    name: { zh: '一级故障处理时间', en: 'level-1 fault repair time' },
    comparison: '<=',
    value: 90,
    targetText: '≤90分钟',
    unit: 'minutes',
    kpi: 'faultRepairMinutes',
    modelledBy: 'faults',
    source: 'test',
  };
  const file = (indicator: object) =>
    JSON.stringify({
      formatVersion: 1,
      id: 't',
      title: { zh: '测', en: 't' },
      source: 's',
      indicators: [indicator],
    });

  it('requires the level of a fault indicator and keeps the document text', () => {
    expect(() => parseTargetSet(file(row), 't.json')).toThrow(
      't.json indicators[0].faultLevel: is required for a faultRepairMinutes indicator (expected 1, 2 or 3)',
    );
    const set = parseTargetSet(file({ ...row, faultLevel: 1 }), 't.json');
    expect(set.indicators[0]?.targetText).toBe('≤90分钟');
    expect(resolveMeasure(set.indicators[0]!)).toEqual({ key: 'faultRepairMinutes:1', scale: 1 });
  });
});

describe('describeMeasure', () => {
  it('says a fault value is the longest time of its level', () => {
    expect(describeMeasure('faultRepairMinutes:1')).toEqual({
      zh: '1级故障最长处理时间（分钟）',
      en: 'longest level-1 repair time, minutes',
    });
    expect(describeMeasure('faultResponseMinutes:3').en).toBe('longest level-3 response time, minutes');
    expect(describeMeasure('satisfaction').en).toBe('(satisfied + basically satisfied) / respondents');
  });
});
