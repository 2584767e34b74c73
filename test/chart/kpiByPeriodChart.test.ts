import { describe, expect, it } from 'vitest';
import { kpiByPeriodChart, MAX_INTERVAL_ROWS } from '../../sim/chart/kpiByPeriodChart.js';
import type { KpiPeriodRow } from '../../sim/chart/kpiByPeriodChart.js';
import { renderSvg } from '../../sim/chart/renderSvg.js';
import { chartConfig } from '../../sim/chart/theme.js';
import type { PeriodSummary } from '../../sim/plan/replicate.js';
import { expectCompiles, expectGolden, svgTexts } from './golden.js';

// The rows of `replicate` (months, days, intervals) and of `evaluatePlan` (quarters) are accepted as they are.
const fromReplicate: readonly KpiPeriodRow[] = [] as PeriodSummary[];

// Made-up summaries (not model output): mean, 5th and 95th percentiles across replications.
function summary(mean: number, p05: number, p95: number) {
  return { n: 8, mean, sd: 0.01, ciLow: mean - 0.005, ciHigh: mean + 0.005, p05, p95 };
}
const months: KpiPeriodRow[] = [
  {
    period: '2020-01',
    kpis: { answerRate: summary(0.83, 0.8, 0.86), serviceLevel: summary(0.7, 0.65, 0.74) },
  },
  {
    period: '2020-02',
    kpis: { answerRate: summary(0.78, 0.74, 0.81), serviceLevel: summary(0.62, 0.58, 0.66) },
  },
  { period: '2020-03', kpis: { answerRate: null, serviceLevel: summary(0.6, 0.55, 0.64) } },
];

describe('kpiByPeriodChart', () => {
  const spec = kpiByPeriodChart(months, {
    kpi: ['answerRate', 'serviceLevel'],
    period: 'month',
    targets: { answerRate: 0.8 },
  });

  it('returns the committed spec, which vega-lite compiles', () => {
    expect(fromReplicate).toEqual([]);
    expectGolden('kpiByPeriodChart.months.vl.json', spec);
    expectCompiles(spec);
    expect(spec.config).toEqual(chartConfig);
  });

  it('carries each period once, with the mean and the 5th and 95th percentiles of each KPI', () => {
    expect((spec.data as { values: unknown[] }).values).toEqual([
      {
        period: '2020-01',
        answerRate: 0.83,
        answerRateP05: 0.8,
        answerRateP95: 0.86,
        serviceLevel: 0.7,
        serviceLevelP05: 0.65,
        serviceLevelP95: 0.74,
      },
      {
        period: '2020-02',
        answerRate: 0.78,
        answerRateP05: 0.74,
        answerRateP95: 0.81,
        serviceLevel: 0.62,
        serviceLevelP05: 0.58,
        serviceLevelP95: 0.66,
      },
      {
        period: '2020-03',
        answerRate: null,
        serviceLevel: 0.6,
        serviceLevelP05: 0.55,
        serviceLevelP95: 0.64,
      },
    ]);
  });

  it('draws one panel per KPI: the range, the mean, and the target only where one is given', () => {
    const panels = spec.vconcat as {
      layer: { mark: { type: string }; encoding: Record<string, { field?: string; datum?: number }> }[];
    }[];
    expect(panels.length).toBe(2);
    const [answer, service] = panels as [(typeof panels)[0], (typeof panels)[0]];
    expect(answer.layer.map((layer) => layer.mark.type)).toEqual(['rule', 'line', 'rule', 'text']);
    expect(answer.layer[0]!.encoding.y!.field).toBe('answerRateP05');
    expect(answer.layer[0]!.encoding.y2!.field).toBe('answerRateP95');
    expect(answer.layer[1]!.encoding.y!.field).toBe('answerRate');
    expect(answer.layer[2]!.encoding.y!.datum).toBe(0.8);
    expect(service.layer.map((layer) => layer.mark.type)).toEqual(['rule', 'line']);
  });

  it('renders the bilingual axis titles, the legend and the target label as text', async () => {
    const texts = svgTexts(await renderSvg(spec));
    expect(texts).toContain('综合接通率 Answer rate');
    expect(texts).toContain('服务水平 Service level');
    expect(texts).toContain('目标 Target 80%');
    expect(texts).toContain('平均 Mean across replications');
    expect(texts).toContain('2020-02');
    expect(texts.join(' ')).toContain('综合接通率 Answer rate, 服务水平 Service level, 按月 by month');
  });

  // Made-up values of one run (not model output): plain numbers, so there is no band.
  const intervals: KpiPeriodRow[] = ['08:00', '08:30', '09:00', '09:30'].map((time, i) => ({
    period: `2020-03-02T${time}`,
    kpis: { answerRate: [0.95, 0.9, 0.76, 0.81][i]!, asaSeconds: [3, 8, 41, 22][i]! },
  }));

  it('draws one run per interval without a band, in UTC whatever the time zone', async () => {
    const one = kpiByPeriodChart(intervals, { kpi: ['answerRate', 'asaSeconds'], period: 'interval' });
    expectGolden('kpiByPeriodChart.intervals.vl.json', one);
    expectCompiles(one);
    expect(JSON.stringify(one)).not.toContain('P05');
    expect(one.data).toMatchObject({ format: { parse: { period: "utc:'%Y-%m-%dT%H:%M'" } } });
    const previous = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = await renderSvg(one);
      process.env.TZ = 'Asia/Shanghai';
      expect(await renderSvg(one)).toBe(utc);
      expect(svgTexts(utc)).toContain('09:00');
      expect(svgTexts(utc)).toContain('平均应答时间 ASA (s)');
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('refuses periods of another kind, too many intervals and no KPI, saying what it expected', () => {
    expect(() => kpiByPeriodChart(months, { kpi: 'answerRate', period: 'day' })).toThrow(
      'kpiByPeriodChart: a day period must look like 2020-01-06 (got "2020-01")',
    );
    const year = Array.from({ length: MAX_INTERVAL_ROWS + 1 }, (_, i) => ({
      period: new Date(Date.UTC(2020, 0, 1) + i * 1_800_000).toISOString().slice(0, 16),
      kpis: { answerRate: 0.8 },
    }));
    expect(() =>
      kpiByPeriodChart(year.slice(0, MAX_INTERVAL_ROWS), { kpi: 'answerRate', period: 'interval' }),
    ).not.toThrow();
    expect(() => kpiByPeriodChart(year, { kpi: 'answerRate', period: 'interval' })).toThrow(
      `at most 1488 intervals (31 days of half hours) in one chart (got 1489)`,
    );
    expect(() => kpiByPeriodChart(months, { kpi: [], period: 'month' })).toThrow(RangeError);
  });
});
