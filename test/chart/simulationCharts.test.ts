import { describe, expect, it } from 'vitest';
import { dailyAnswerRateChart } from '../../sim/chart/dailyAnswerRateChart.js';
import { intervalComparisonChart } from '../../sim/chart/intervalComparisonChart.js';
import { renderSvg } from '../../sim/chart/renderSvg.js';
import { weekdayHourHeatmap } from '../../sim/chart/weekdayHourHeatmap.js';
import { expectCompiles, expectGolden } from './golden.js';

// Made-up values (not model output).
const days = [
  { date: '2020-01-01', mean: 0.84, p05: 0.8, p95: 0.87 },
  { date: '2020-01-02', mean: 0.79, p05: 0.74, p95: 0.83 },
  { date: '2020-01-03', mean: 0.82, p05: 0.78, p95: 0.86 },
];
const cells = [
  { weekday: 0, hour: 9, value: 0.71 },
  { weekday: 0, hour: 10, value: 0.74 },
  { weekday: 6, hour: 3, value: 0.99 },
  { weekday: 6, hour: 4, value: null },
];
const intervals = [
  { intervalStart: '09:00', formula: 0.81, simulated: 0.8, ciLow: 0.79, ciHigh: 0.81 },
  { intervalStart: '09:30', formula: 0.83, simulated: 0.78, ciLow: 0.77, ciHigh: 0.79 },
];

describe('dailyAnswerRateChart', () => {
  const spec = dailyAnswerRateChart(days, { target: 0.8 });

  it('returns the committed spec and compiles in vega-lite', () => {
    expectGolden('dailyAnswerRateChart.vl.json', spec);
    expectCompiles(spec);
    expectCompiles(dailyAnswerRateChart(days));
  });

  it('renders the band, the mean and the target in the legend', async () => {
    const svg = await renderSvg(spec);
    expect(svg).toContain('5th to 95th percentile');
    expect(svg).toContain('Mean of replications');
    expect(svg).toContain('目标 Target 80%');
  });
});

describe('weekdayHourHeatmap', () => {
  const spec = weekdayHourHeatmap(cells);

  it('returns the committed spec and compiles in vega-lite', () => {
    expectGolden('weekdayHourHeatmap.vl.json', spec);
    expectCompiles(spec);
  });

  it('renders the weekdays and hours and rejects a cell out of range', async () => {
    const svg = await renderSvg(spec);
    expect(svg).toContain('Mon');
    expect(svg).toContain('09:00');
    expect(() => weekdayHourHeatmap([{ weekday: 7, hour: 0, value: 1 }])).toThrow(
      'weekdayHourHeatmap: weekday must be 0-6 and hour 0-23 (got 7, 0)',
    );
    expect(() => weekdayHourHeatmap([{ weekday: 0, hour: 24, value: 1 }])).toThrow(RangeError);
  });
});

describe('intervalComparisonChart', () => {
  const spec = intervalComparisonChart(intervals);

  it('returns the committed spec and compiles in vega-lite', () => {
    expectGolden('intervalComparisonChart.vl.json', spec);
    expectCompiles(spec);
  });

  it('renders the formula and the simulation in the legend', async () => {
    const svg = await renderSvg(spec);
    expect(svg).toContain('Erlang A (steady state)');
    expect(svg).toContain('Simulation, 95% interval of the mean');
  });
});
