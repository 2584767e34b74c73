import { describe, expect, it } from 'vitest';
import { answerRateAgainstAgentsChart } from '../../sim/chart/answerRateAgainstAgentsChart.js';
import { dailyAnswerRateChart } from '../../sim/chart/dailyAnswerRateChart.js';
import { intervalComparisonChart } from '../../sim/chart/intervalComparisonChart.js';
import { renderSvg } from '../../sim/chart/renderSvg.js';
import { staffingByHalfHourChart } from '../../sim/chart/staffingByHalfHourChart.js';
import { CJK_FONT_FAMILY, chartConfig, targetLabel, targetRule } from '../../sim/chart/theme.js';
import { VEGA_LITE_SCHEMA } from '../../sim/chart/vegaLiteVersion.js';
import { weekdayHourHeatmap } from '../../sim/chart/weekdayHourHeatmap.js';

describe('the house theme', () => {
  it('lists a CJK font for Linux, macOS and Windows, then sans-serif', () => {
    for (const family of [
      '"Noto Sans CJK SC"',
      '"Source Han Sans SC"',
      '"PingFang SC"',
      '"Microsoft YaHei"',
      '"WenQuanYi Micro Hei"',
    ]) {
      expect(CJK_FONT_FAMILY).toContain(family);
    }
    expect(CJK_FONT_FAMILY.endsWith(', sans-serif')).toBe(true);
    expect(chartConfig.font).toBe(CJK_FONT_FAMILY);
  });

  it('writes targets as percentages without floating-point noise', () => {
    // Exact, by hand: 0.07 * 100 is 7.000000000000001 in binary floating point.
    expect(targetLabel(0.8)).toBe('目标 Target 80%');
    expect(targetLabel(0.975)).toBe('目标 Target 97.5%');
  });

  it('draws a target as a dashed rule with its label, across or up the panel', () => {
    const [rule, text] = targetRule(0.8, 'T') as [
      { mark: { strokeDash: number[] }; encoding: object },
      { encoding: object },
    ];
    expect(rule.mark.strokeDash).toEqual([6, 4]);
    expect(rule.encoding).toEqual({ y: { datum: 0.8 } });
    expect(text.encoding).toMatchObject({ text: { value: 'T' }, y: { datum: 0.8 } });
    expect(targetRule(5, 'T', 'x')[0]).toMatchObject({ encoding: { x: { datum: 5 } } });
  });

  // Made-up inputs (not model output): one row each.
  const specs = {
    answerRateAgainstAgentsChart: answerRateAgainstAgentsChart(
      [{ agents: 10, model: 'Erlang A', answerRate: 0.9, serviceLevel: 0.7 }],
      { answerRate: 0.8, serviceLevel: 0.8, answerWithinSeconds: 15 },
    ),
    dailyAnswerRateChart: dailyAnswerRateChart([{ date: '2020-01-01', mean: 0.8, p05: 0.7, p95: 0.9 }]),
    intervalComparisonChart: intervalComparisonChart([
      { intervalStart: '09:00', formula: 0.8, simulated: 0.8, ciLow: 0.79, ciHigh: 0.81 },
    ]),
    staffingByHalfHourChart: staffingByHalfHourChart([{ intervalStart: '09:00', requiredAgents: 10 }]),
    weekdayHourHeatmap: weekdayHourHeatmap([{ weekday: 0, hour: 9, value: 0.8 }]),
  };
  for (const [name, spec] of Object.entries(specs)) {
    it(`${name} carries the house config`, () => {
      expect(spec.config).toEqual(chartConfig);
    });
  }

  it('keeps Chinese as text in the SVG, in the CJK font list', async () => {
    const svg = await renderSvg({
      $schema: VEGA_LITE_SCHEMA,
      config: chartConfig,
      title: '接通率 Answer rate',
      data: {
        values: [
          { x: 1, y: 0.9 },
          { x: 2, y: 0.85 },
          { x: 3, y: 0.7 },
        ],
      },
      layer: [
        {
          mark: 'point',
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
        },
        ...targetRule(0.8, targetLabel(0.8)),
      ],
    });
    expect(svg).toMatch(/<text[^>]*>接通率 Answer rate<\/text>/);
    // Once, although the chart has three rows: the target line has a datum of its own.
    expect(svg.match(/<text[^>]*>目标 Target 80%<\/text>/g)?.length).toBe(1);
    expect(svg).toContain('font-family="&quot;Noto Sans CJK SC&quot;, &quot;Source Han Sans SC&quot;');
  });
});
