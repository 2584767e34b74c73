import { describe, expect, it } from 'vitest';
import {
  ALL_QUARTER_TARGETS,
  quarterlyAssessmentChart,
  quarterlyAssessmentRows,
} from '../../sim/chart/quarterlyAssessmentChart.js';
import { renderSvg } from '../../sim/chart/renderSvg.js';
import type { TargetAssessment } from '../../sim/plan/assessTargets.js';
import { expectCompiles, expectGolden, svgTexts } from './golden.js';

// Made-up probabilities (not model output), with made-up intervals around them.
const rows = [
  { quarter: '2020-Q1', indicator: ALL_QUARTER_TARGETS, probability: 0.75, low: 0.6, high: 0.86 },
  { quarter: '2020-Q2', indicator: ALL_QUARTER_TARGETS, probability: 0.95, low: 0.84, high: 0.99 },
  { quarter: '2020-Q1', indicator: '综合接通率 overall answer rate', probability: 0.8, low: 0.66, high: 0.9 },
  { quarter: '2020-Q2', indicator: '综合接通率 overall answer rate', probability: 1, low: 0.89, high: 1 },
];

describe('quarterlyAssessmentChart', () => {
  const spec = quarterlyAssessmentChart(rows, { confidence: 0.9 });

  it('returns the committed spec, which vega-lite compiles', () => {
    expectGolden('quarterlyAssessmentChart.vl.json', spec);
    expectCompiles(spec);
  });

  it('draws each interval as a bar and each probability as a point, indicators in the given order', () => {
    expect((spec.data as { values: unknown[] }).values).toEqual(rows);
    const [bars, points, rule] = spec.layer as {
      encoding: Record<string, { field?: string; sort?: unknown; datum?: number }>;
    }[];
    expect(bars!.encoding.x!.field).toBe('low');
    expect(bars!.encoding.x2!.field).toBe('high');
    expect(points!.encoding.x!.field).toBe('probability');
    expect(points!.encoding.y!.sort).toEqual([ALL_QUARTER_TARGETS, '综合接通率 overall answer rate']);
    expect(points!.encoding.color!.field).toBe('quarter');
    expect(rule!.encoding.x!.datum).toBe(0.9);
  });

  it('renders the indicators, the quarters and the required confidence as text', async () => {
    const texts = svgTexts(await renderSvg(spec));
    expect(texts).toContain('综合接通率 overall answer rate');
    expect(texts).toContain('全部季度指标 All quarterly targets');
    expect(texts).toContain('2020-Q2');
    expect(texts).toContain('要求 Required 90%');
    expect(texts).toContain('达标概率 Probability of meeting the target');
  });

  it('refuses an interval that does not hold its probability', () => {
    expect(() =>
      quarterlyAssessmentChart([
        { quarter: '2020-Q1', indicator: 'x', probability: 0.5, low: 0.6, high: 0.9 },
      ]),
    ).toThrow(
      'quarterlyAssessmentChart: need 0 <= low <= probability <= high <= 1 (got 0.6, 0.5, 0.9 for x in 2020-Q1)',
    );
  });
});

describe('quarterlyAssessmentRows', () => {
  it('takes every quarter of every quarter-judged indicator, after all of them together', () => {
    const estimate = (probability: number) => ({
      successes: 0,
      trials: 0,
      probability,
      low: probability / 2,
      high: 1,
    });
    // Only the fields the function reads; the rest of a TargetAssessment is irrelevant here.
    const assessment = {
      quarterly: [
        { period: '2020-Q1', allMet: estimate(0.7) },
        { period: '2020-Q2', allMet: estimate(0.8) },
      ],
      rows: [
        {
          name: { zh: '综合接通率', en: 'overall answer rate' },
          quarters: [
            { period: '2020-Q1', estimate: estimate(0.9) },
            { period: '2020-Q2', estimate: estimate(0.95) },
          ],
        },
        // Judged on the year: no quarterly rows.
        {
          name: { zh: '预算执行率', en: 'budget execution rate' },
          quarters: [{ period: '2020-Q1', estimate: null }],
        },
      ],
    } as unknown as TargetAssessment;
    expect(quarterlyAssessmentRows(assessment)).toEqual([
      { quarter: '2020-Q1', indicator: ALL_QUARTER_TARGETS, probability: 0.7, low: 0.35, high: 1 },
      { quarter: '2020-Q2', indicator: ALL_QUARTER_TARGETS, probability: 0.8, low: 0.4, high: 1 },
      {
        quarter: '2020-Q1',
        indicator: '综合接通率 overall answer rate',
        probability: 0.9,
        low: 0.45,
        high: 1,
      },
      {
        quarter: '2020-Q2',
        indicator: '综合接通率 overall answer rate',
        probability: 0.95,
        low: 0.475,
        high: 1,
      },
    ]);
  });
});
