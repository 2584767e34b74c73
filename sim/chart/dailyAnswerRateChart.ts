import { CHART_COLORS, chartConfig, targetLabel, targetRule } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** One day of a KPI across replications. */
export interface DailyRateRow {
  /** The day, ISO `YYYY-MM-DD`. */
  date: string;
  /** Mean of the KPI across replications, a fraction. */
  mean: number;
  /** 5th and 95th percentiles across replications, fractions. */
  p05: number;
  p95: number;
}

/** Target line and labels of the daily chart. */
export interface DailyRateChartOptions {
  /**
   * The target, drawn as a dashed rule; omit to draw none.
   *
   * __Default value:__ none
   */
  target?: number;
  /**
   * Title of the y axis.
   *
   * __Default value:__ `'综合接通率 Answer rate (answered / offered)'`
   */
  yTitle?: string;
  /**
   * Chart title.
   *
   * __Default value:__ `'每日接通率 Daily answer rate across replications'`
   */
  title?: string;
}

/**
 * A KPI per day over the horizon: the mean across replications as a line, the
 * band from the 5th to the 95th percentile (how much one year's day may
 * differ) shaded behind it, and the target as the house target line. Pure: returns a
 * Vega-Lite spec and draws nothing; show it with `show(spec)`.
 *
 * @param rows one row per day, in date order
 * @param options target, axis title and chart title
 * @returns a Vega-Lite spec
 * @example
 * // From `replicate`: result.days.map((d) => ({ date: d.period, mean: d.kpis.answerRate!.mean, ... }))
 * const rows = [
 *   { date: '2020-01-01', mean: 0.92, p05: 0.9, p95: 0.94 },
 *   { date: '2020-01-02', mean: 0.88, p05: 0.85, p95: 0.9 },
 * ];
 * const spec = dailyAnswerRateChart(rows, { target: 0.8 });
 * spec.layer.length; // => 4 (range, mean, target line, its label)
 * await show(spec);
 */
export function dailyAnswerRateChart(
  rows: readonly DailyRateRow[],
  options: DailyRateChartOptions = {},
): VegaLiteSpec {
  const yTitle = options.yTitle ?? '综合接通率 Answer rate (answered / offered)';
  // Dates are read and drawn in UTC, so the chart is the same in every time zone.
  const x = {
    field: 'date',
    type: 'temporal',
    title: '日期 Day',
    scale: { type: 'utc' },
    axis: { format: '%b' },
  };
  const bandName = '90%区间 5th to 95th percentile';
  const meanName = '平均 Mean of replications';
  const layer: object[] = [
    {
      mark: { type: 'area', opacity: 0.6 },
      encoding: {
        x,
        y: {
          field: 'p05',
          type: 'quantitative',
          title: yTitle,
          axis: { format: '%' },
          scale: { zero: false },
        },
        y2: { field: 'p95' },
        color: {
          datum: bandName,
          type: 'nominal',
          title: null,
          scale: { domain: [bandName, meanName], range: [CHART_COLORS.band, CHART_COLORS.primary] },
        },
      },
    },
    {
      mark: { type: 'line', strokeWidth: 1 },
      encoding: {
        x,
        y: { field: 'mean', type: 'quantitative' },
        color: { datum: meanName, type: 'nominal' },
        tooltip: [
          { field: 'date', type: 'temporal' },
          { field: 'mean', type: 'quantitative', format: '.2%' },
          { field: 'p05', type: 'quantitative', format: '.2%' },
          { field: 'p95', type: 'quantitative', format: '.2%' },
        ],
      },
    },
  ];
  if (options.target !== undefined) {
    layer.push(...targetRule(options.target, targetLabel(options.target)));
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? '每日接通率 Daily answer rate across replications',
    width: 720,
    height: 260,
    config: chartConfig,
    data: {
      values: rows.map((row) => ({ date: row.date, mean: row.mean, p05: row.p05, p95: row.p95 })),
      format: { parse: { date: "utc:'%Y-%m-%d'" } },
    },
    layer,
  };
}
