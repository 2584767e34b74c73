import { chartConfig, targetRule } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** One bar of `channelComparisonChart`: a measure (a channel's KPI) of one variant (a split, a rule). */
export interface ChannelComparisonRow {
  /** The variant compared: `'9% online'`, `'blended'`. */
  variant: string;
  /** The measure: `'calls: answer rate'`, `'chat: service level (120 s)'`. */
  measure: string;
  /** Its value, a fraction in [0, 1] (the mean across replications). */
  value: number;
  /** 5th and 95th percentiles across replications, drawn as a range when given. */
  low?: number;
  high?: number;
}

/** Labels and the target line of `channelComparisonChart`. */
export interface ChannelComparisonOptions {
  /** Chart title. __Default value:__ `'全媒体 Channels compared'` */
  title?: string;
  /** A target drawn as a dashed line (the 80% of 综合接通率), with its label. __Default value:__ none */
  target?: { value: number; label: string };
}

/**
 * Channels' KPIs compared across variants (agent splits, pooled or separate
 * groups, routing rules, callbacks on or off): one group of bars per variant,
 * a bar per measure, each with its 90% range across replications when given,
 * and a target line. Pure: returns a Vega-Lite spec and draws nothing.
 *
 * @param rows one row per variant and measure, variants in the order to draw them
 * @param options title and target line
 * @returns a Vega-Lite spec
 * @example
 * channelComparisonChart(
 *   [{ variant: '9% online', measure: 'calls: answer rate', value: 0.78 },
 *    { variant: '9% online', measure: 'chat: service level (120 s)', value: 0.83 }],
 *   { target: { value: 0.8, label: '目标 80%' } },
 * );
 */
export function channelComparisonChart(
  rows: readonly ChannelComparisonRow[],
  options: ChannelComparisonOptions = {},
): VegaLiteSpec {
  const variants = [...new Set(rows.map((row) => row.variant))];
  const x = { field: 'variant', type: 'nominal', title: null, sort: variants, axis: { labelAngle: 0 } };
  const color = { field: 'measure', type: 'nominal', title: null, legend: { orient: 'bottom', columns: 2 } };
  const withRange = rows.some((row) => row.low !== undefined && row.high !== undefined);
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: chartConfig,
    title: options.title ?? '全媒体 Channels compared',
    width: Math.max(320, variants.length * 110),
    height: 260,
    layer: [
      {
        data: { values: rows.map((row) => ({ ...row })) },
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              x,
              xOffset: { field: 'measure', type: 'nominal' },
              y: {
                field: 'value',
                type: 'quantitative',
                title: null,
                axis: { format: '%' },
                scale: { domain: [0, 1] },
              },
              color,
              tooltip: [
                { field: 'variant', type: 'nominal' },
                { field: 'measure', type: 'nominal' },
                { field: 'value', type: 'quantitative', format: '.1%' },
              ],
            },
          },
          ...(withRange
            ? [
                {
                  mark: { type: 'rule', color: '#222222' },
                  encoding: {
                    x,
                    xOffset: { field: 'measure', type: 'nominal' },
                    y: { field: 'low', type: 'quantitative' },
                    y2: { field: 'high' },
                  },
                },
              ]
            : []),
        ],
      },
      ...(options.target !== undefined ? targetRule(options.target.value, options.target.label) : []),
    ],
  };
}

/** One point of `channelDayChart`: a series' value in a half hour of a day. */
export interface ChannelDayRow {
  /** Start of the half hour, `HH:MM`. */
  time: string;
  /** The series: `'no callbacks'`, `'30% accept a callback'`. */
  series: string;
  /** The value, a fraction in [0, 1]. */
  value: number;
}

/**
 * A KPI over the half hours of a day, one line per series (callbacks at the
 * peak: the answer rate of calls with and without them), with a target line.
 * Pure: returns a Vega-Lite spec and draws nothing.
 *
 * @param rows one row per series and half hour, in time order
 * @param options title, the y axis's title and a target line
 * @returns a Vega-Lite spec
 * @example
 * channelDayChart([{ time: '09:00', series: 'no callbacks', value: 0.62 }], { yTitle: 'Answer rate' });
 */
export function channelDayChart(
  rows: readonly ChannelDayRow[],
  options: { title?: string; yTitle?: string; target?: { value: number; label: string } } = {},
): VegaLiteSpec {
  const times = [...new Set(rows.map((row) => row.time))];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: chartConfig,
    title: options.title ?? '全媒体 A day by half hour',
    width: 560,
    height: 260,
    layer: [
      {
        data: { values: rows.map((row) => ({ ...row })) },
        mark: { type: 'line', point: true },
        encoding: {
          x: {
            field: 'time',
            type: 'ordinal',
            title: '时段 Start of the half hour',
            sort: times,
            axis: {
              labelAngle: 0,
              values: times.filter((t) => t.endsWith(':00') && Number(t.slice(0, 2)) % 2 === 0),
            },
          },
          y: {
            field: 'value',
            type: 'quantitative',
            title: options.yTitle ?? null,
            axis: { format: '%' },
            scale: { domain: [0, 1] },
          },
          color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom' } },
          tooltip: [
            { field: 'time', type: 'ordinal' },
            { field: 'series', type: 'nominal' },
            { field: 'value', type: 'quantitative', format: '.1%' },
          ],
        },
      },
      ...(options.target !== undefined ? targetRule(options.target.value, options.target.label) : []),
    ],
  };
}
