import { describe, expect, it } from 'vitest';
import { backtestChart, forecastChart } from '../../sim/chart/forecastChart.js';
import { renderSvg } from '../../sim/chart/renderSvg.js';
import { expectCompiles, expectGolden, svgTexts } from './golden.js';

// Made-up values (not model output): three hours of history, two forecast, two actual.
const history = [
  { start: '1999-02-21T08:00', calls: 80 },
  { start: '1999-02-21T09:00', calls: 120 },
  { start: '1999-02-21T10:00', calls: 130 },
];
const forecast = [
  { start: '1999-02-22T08:00', mean: 85.5, lower: 70, upper: 102 },
  { start: '1999-02-22T09:00', mean: 118.2, lower: 99, upper: 139 },
];
const actual = [
  { start: '1999-02-22T08:00', calls: 90 },
  { start: '1999-02-22T09:00', calls: 101 },
];
const scores = [
  {
    model: 'naive',
    dailyWmape: 0.17,
    intervalWmape: 0.26,
    coverage: 0.81,
    loss: 0.215,
    lossStandardError: 0.005,
  },
  {
    model: 'average',
    dailyWmape: 0.115,
    intervalWmape: 0.174,
    coverage: 0.82,
    loss: 0.145,
    lossStandardError: 0.004,
  },
  {
    model: 'mstl',
    dailyWmape: null,
    intervalWmape: null,
    coverage: null,
    loss: null,
    lossStandardError: null,
    failure: 'x',
  },
] as const;

describe('forecastChart', () => {
  const spec = forecastChart(history, forecast, actual, { level: 0.8 });

  it('returns the committed spec, a valid Vega-Lite spec', () => {
    expectGolden('forecastChart.vl.json', spec);
    expectCompiles(spec);
  });

  it('draws history, band, forecast and actual, with the legend naming each', async () => {
    const texts = svgTexts(await renderSvg(spec));
    for (const label of [
      '历史 History',
      '预测区间 80% prediction interval',
      '预测 Forecast (mean)',
      '实际 Actual (held out)',
    ])
      expect(texts).toContain(label);
    const plain = forecastChart(history, forecast);
    expect(svgTexts(await renderSvg(plain))).not.toContain('实际 Actual (held out)');
  });
});

describe('backtestChart', () => {
  const spec = backtestChart(scores);

  it('returns the committed spec, a valid Vega-Lite spec, and leaves failed methods out', () => {
    expectGolden('backtestChart.vl.json', spec);
    expectCompiles(spec);
    expect(JSON.stringify(spec)).not.toContain('"mstl"');
  });
});
