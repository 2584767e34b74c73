import { describe, expect, it } from 'vitest';
import { channelComparisonChart, channelDayChart } from '../../sim/chart/channelCharts.js';
import { renderSvg } from '../../sim/chart/renderSvg.js';
import { expectCompiles, expectGolden, svgTexts } from './golden.js';

// Made-up values (not model output): two splits, two measures; two series over three half hours.
const rows = [
  { variant: '6% online', measure: 'calls: answer rate', value: 0.81, low: 0.8, high: 0.82 },
  { variant: '6% online', measure: 'chat: service level (120 s)', value: 0.55, low: 0.5, high: 0.6 },
  { variant: '12% online', measure: 'calls: answer rate', value: 0.74, low: 0.73, high: 0.75 },
  { variant: '12% online', measure: 'chat: service level (120 s)', value: 0.93, low: 0.92, high: 0.94 },
];
const day = [
  { time: '08:00', series: 'no callbacks', value: 0.9 },
  { time: '08:30', series: 'no callbacks', value: 0.7 },
  { time: '09:00', series: 'no callbacks', value: 0.6 },
  { time: '08:00', series: 'callbacks', value: 0.92 },
  { time: '08:30', series: 'callbacks', value: 0.78 },
  { time: '09:00', series: 'callbacks', value: 0.7 },
];

describe('channelComparisonChart', () => {
  const spec = channelComparisonChart(rows, { target: { value: 0.8, label: '目标 80%' } });
  it('returns the committed spec, which vega-lite compiles', () => {
    expectGolden('channelComparisonChart.vl.json', spec);
    expectCompiles(spec);
  });
  it('draws a bar per variant and measure, the ranges and the target', async () => {
    const svg = await renderSvg(spec);
    const texts = svgTexts(svg);
    for (const label of ['6% online', '12% online', 'calls: answer rate', '目标 80%'])
      expect(texts).toContain(label);
    expect((svg.match(/role-mark/g) ?? []).length).toBeGreaterThan(0);
  });
});

describe('channelDayChart', () => {
  const spec = channelDayChart(day, { yTitle: 'Answer rate', target: { value: 0.8, label: '目标 80%' } });
  it('returns the committed spec, which vega-lite compiles', () => {
    expectGolden('channelDayChart.vl.json', spec);
    expectCompiles(spec);
  });
  it('draws one line per series with its legend', async () => {
    const texts = svgTexts(await renderSvg(spec));
    for (const label of ['no callbacks', 'callbacks', 'Answer rate', '08:00']) expect(texts).toContain(label);
  });
});
