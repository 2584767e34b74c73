import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { meetsIndicator, parseTargetSet, readTargetSet } from '../../sim/io/targets.js';

const TARGETS = fileURLToPath(new URL('../../data/targets/', import.meta.url));

describe('target sets', () => {
  it('holds every row of the SEED 12333 table, with its level 1 and 2 and both names', () => {
    // SEED project 1 table (../shared/seed/000_dd49376814964fe1.txt): 20 rows once each fault
    // row is split into a response and a repair indicator (exact, by hand: 4 + 2 + 3 + 6 + 1 + 2 + 2).
    const set = readTargetSet(`${TARGETS}shanghai-12333-2020.json`);
    expect(set.indicators).toHaveLength(20);
    const answer = set.indicators.find((t) => t.id === 'answerRate');
    expect(answer).toMatchObject({
      level1: { zh: '产出目标' },
      level2: { zh: '数量' },
      name: { zh: '综合接通率', en: 'overall answer rate' },
      comparison: '>',
      value: 0.8,
      kpi: 'answerRate',
    });
    expect(set.indicators.find((t) => t.id === 'fault3Repair')).toMatchObject({ value: 1440, unit: 'minutes' });
    expect(set.indicators.find((t) => t.id === 'satisfaction')?.value).toBe(0.97);
    expect(set.indicators.find((t) => t.id === 'complaintRate')?.value).toBe(0.0001); // < 0.01%
  });

  it('holds the 18 rows of the SEED 12345 desk table', () => {
    expect(readTargetSet(`${TARGETS}shanghai-12345-desk-2020.json`).indicators).toHaveLength(18);
  });

  it('offers GB/T 33358-2016 as an alternative: 95% answered over 24 h, and a 15 s service level', () => {
    const set = readTargetSet(`${TARGETS}gbt-33358-2016.json`);
    expect(set.indicators.map((t) => [t.kpi, t.comparison, t.value, t.answerWithinSeconds])).toEqual([
      ['answerRate', '>=', 0.95, undefined],
      ['serviceLevel', '>=', 0.8, 15],
    ]);
  });

  it('compares measured values with each comparison', () => {
    expect(meetsIndicator({ comparison: '>', value: 0.8 }, 0.8)).toBe(false);
    expect(meetsIndicator({ comparison: '>=', value: 0.8 }, 0.8)).toBe(true);
    expect(meetsIndicator({ comparison: '<', value: 0.2 }, 0.19)).toBe(true);
    expect(meetsIndicator({ comparison: '<=', value: 90 }, 91)).toBe(false);
    expect(meetsIndicator({ comparison: '=', value: 4 }, 4)).toBe(true);
    expect(meetsIndicator({ comparison: null, value: '健全 sound' }, 1)).toBe(false);
  });

  it('reports every problem of a bad set at once', () => {
    const indicator = {
      id: 'a',
      level1: { zh: '产出目标', en: 'outputs' },
      level2: { zh: '数量', en: 'quantity' },
      name: { zh: '综合接通率', en: 'answer rate' },
      comparison: '>',
      value: 'high',
      unit: 'fraction',
      kpi: 'serviceLevel',
      modelledBy: 'x',
      source: 'y',
    };
    const text = JSON.stringify({
      formatVersion: 1,
      id: 'bad',
      title: { zh: '坏', en: 'bad' },
      source: 'test',
      indicators: [indicator, { ...indicator, value: 0.8, kpi: 'answerRates' }],
    });
    expect(() => parseTargetSet(text, 'bad.json')).toThrow(
      [
        '1 problem(s) in input',
        '  bad.json indicators[1].kpi: must be one of "answerRate", "callerAnswerRate", "answerRateIncludingSelfService", "abandonRate", "serviceLevel", "serviceLevelOfAnswered", "asaSeconds", "occupancy", "assessmentsPerYear", "budgetExecutionRate", "earmarkedShare", "qaPassRate", "trainedBeforeCallsShare", "dissatisfiedReviewedShare", "faultResponseMinutes", "faultRepairMinutes", "complaintRate", "satisfaction", "turnoverRate", "firstContactRate", "onTimeCompletionRate", "resolutionRate" (got "answerRates")',
      ].join('\n'),
    );
    const fixed = text.replace('"answerRates"', '"answerRate"');
    expect(() => parseTargetSet(fixed, 'bad.json')).toThrow(
      [
        '3 problem(s) in input',
        '  bad.json indicators[0].value: must be a number when comparison is given (got "high")',
        '  bad.json indicators[0].answerWithinSeconds: is required for a serviceLevel indicator (expected a number)',
        '  bad.json indicators[1].id: duplicate id "a" (first at indicators[0])',
      ].join('\n'),
    );
  });
});
