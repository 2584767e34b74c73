import type { BacktestScore, ForecastInterval } from '../forecast/types.js';
import { CHART_COLORS, chartConfig } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** Calls counted in one interval (history, or what happened on the horizon). */
export interface CountedInterval {
  /** Interval start, `YYYY-MM-DDTHH:MM` (local clock). */
  start: string;
  /** Calls counted. */
  calls: number;
}

/** Labels of the forecast chart. */
export interface ForecastChartOptions {
  /**
   * Level of the band, for its legend (0.8 is "80%").
   *
   * __Default value:__ `0.8`
   */
  level?: number;
  /**
   * Chart title.
   *
   * __Default value:__ `'来电量预测 Calls: history and forecast'`
   */
  title?: string;
}

/**
 * History and forecast of calls per interval: the history as a grey line, the
 * forecast's mean as a line with its prediction band shaded behind it, and
 * (when given) what happened on the horizon as a dark line over the band.
 * Pure: returns a Vega-Lite spec and draws nothing; show it with `show(spec)`.
 *
 * @param history calls per interval before the horizon (a few weeks read best)
 * @param forecast the forecast's intervals (`VolumeForecast.byInterval`)
 * @param actual what happened on the horizon, for a held-out check (may be empty)
 * @param options band level and title
 * @returns a Vega-Lite spec
 * @example
 * const history = [
 *   { start: '1999-02-21T08:00', calls: 40 },
 *   { start: '1999-02-21T09:00', calls: 55 },
 * ];
 * const forecast = [{ start: '1999-02-22T08:00', mean: 42, lower: 33, upper: 52 }]; // `VolumeForecast.byInterval`
 * const spec = forecastChart(history, forecast, [], { level: 0.8 });
 * spec.layer.length; // => 2 (the history and the forecast with its band)
 * await show(spec);
 */
export function forecastChart(
  history: readonly CountedInterval[],
  forecast: readonly ForecastInterval[],
  actual: readonly CountedInterval[] = [],
  options: ForecastChartOptions = {},
): VegaLiteSpec {
  const level = options.level ?? 0.8;
  const bandName = `预测区间 ${Math.round(level * 100)}% prediction interval`;
  const names = {
    history: '历史 History',
    forecast: '预测 Forecast (mean)',
    actual: '实际 Actual (held out)',
  };
  const x = { field: 'start', type: 'temporal', title: '时间 Interval start', scale: { type: 'utc' } };
  const domain = [names.history, bandName, names.forecast, ...(actual.length > 0 ? [names.actual] : [])];
  const range = [
    CHART_COLORS.reference,
    CHART_COLORS.band,
    CHART_COLORS.primary,
    ...(actual.length > 0 ? [CHART_COLORS.secondary] : []),
  ];
  const color = { type: 'nominal', title: null, scale: { domain, range } };
  const lines = [
    ...history.map((r) => ({ start: r.start, calls: r.calls, series: names.history })),
    ...forecast.map((r) => ({ start: r.start, calls: r.mean, series: names.forecast })),
    ...actual.map((r) => ({ start: r.start, calls: r.calls, series: names.actual })),
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: chartConfig,
    title: options.title ?? '来电量预测 Calls: history and forecast',
    width: 720,
    height: 260,
    layer: [
      {
        data: { values: forecast.map((r) => ({ start: r.start, lower: r.lower, upper: r.upper })) },
        mark: { type: 'area', opacity: 0.6, interpolate: 'step-after' },
        encoding: {
          x,
          y: { field: 'lower', type: 'quantitative', title: '来电 Calls per interval' },
          y2: { field: 'upper' },
          color: { ...color, datum: bandName },
        },
      },
      {
        data: { values: lines },
        mark: { type: 'line', strokeWidth: 1.2, interpolate: 'step-after' },
        encoding: {
          x,
          y: { field: 'calls', type: 'quantitative' },
          color: { ...color, field: 'series' },
        },
      },
    ],
  };
}

/** Labels of the backtest chart. */
export interface BacktestChartOptions {
  /**
   * Chart title.
   *
   * __Default value:__ `'回测 Backtest: weighted MAPE by method'`
   */
  title?: string;
}

/**
 * The backtest's weighted MAPE of every method, by day and by interval, as
 * grouped bars (the naive first: the baseline a forecast must beat). Methods
 * that failed are left out. Pure: returns a Vega-Lite spec.
 *
 * @param scores `VolumeForecast.backtest.scores`
 * @param options title
 * @returns a Vega-Lite spec
 * @example
 * const scores = [
 *   { model: 'seasonalNaive', dailyWmape: 0.12, intervalWmape: 0.2, coverage: null, loss: 0.16 },
 *   { model: 'mstl', dailyWmape: 0.08, intervalWmape: 0.15, coverage: 0.8, loss: 0.115 },
 * ] as const; // `VolumeForecast.backtest.scores`
 * const spec = backtestChart(scores);
 * spec.data.values.length; // => 4 (two methods, by day and by interval)
 * await show(spec);
 */
export function backtestChart(
  scores: readonly BacktestScore[],
  options: BacktestChartOptions = {},
): VegaLiteSpec {
  const daily = '按日 Daily wMAPE';
  const interval = '按时段 Interval wMAPE';
  const values = scores.flatMap((s) => [
    ...(s.dailyWmape !== null ? [{ method: s.model, metric: daily, wmape: s.dailyWmape }] : []),
    ...(s.intervalWmape !== null ? [{ method: s.model, metric: interval, wmape: s.intervalWmape }] : []),
  ]);
  const methods = [...new Set(values.map((v) => v.method))];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: chartConfig,
    title: options.title ?? '回测 Backtest: weighted MAPE by method',
    data: { values },
    width: 240,
    height: 200,
    mark: 'bar',
    encoding: {
      column: { field: 'metric', type: 'nominal', title: null, sort: [daily, interval] },
      x: { field: 'method', type: 'nominal', title: '方法 Method', sort: methods, axis: { labelAngle: 0 } },
      y: { field: 'wmape', type: 'quantitative', title: 'wMAPE', axis: { format: '%' } },
      color: {
        field: 'method',
        type: 'nominal',
        legend: null,
        sort: methods,
      },
    },
  };
}
