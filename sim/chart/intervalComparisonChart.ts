import { chartConfig } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** One interval: the formula's value and the simulation's, with its confidence interval. */
export interface IntervalComparisonRow {
  /** Start of the interval, `HH:MM`. */
  intervalStart: string;
  /** The formula's value (for example Erlang A's answer rate), a fraction. */
  formula: number;
  /** Mean across replications of the simulated value, a fraction. */
  simulated: number;
  /** Confidence interval of the simulated mean. */
  ciLow: number;
  ciHigh: number;
}

/** Labels of the comparison chart. */
export interface IntervalComparisonChartOptions {
  /**
   * Legend name of the formula.
   *
   * __Default value:__ `'Erlang A (steady state)'`
   */
  formulaName?: string;
  /**
   * Title of the y axis.
   *
   * __Default value:__ `'综合接通率 Answer rate (answered / offered)'`
   */
  yTitle?: string;
  /**
   * Chart title.
   *
   * __Default value:__ `'Simulation against the formula, interval by interval'`
   */
  title?: string;
}

/**
 * A formula's value per interval of a day (a line) against the simulated mean
 * (points) with its confidence interval (vertical bars). Where the bars miss
 * the line, the interval is not in the formula's steady state (queues carry
 * over at load changes) or the model differs from the formula's assumptions.
 * Pure: returns a Vega-Lite spec; show it with `show(spec)`.
 *
 * @param rows one row per interval, in time order
 * @param options legend, axis and chart titles
 * @returns a Vega-Lite spec
 * @example
 * await show(intervalComparisonChart([{ intervalStart: '09:00', formula: 0.81, simulated: 0.79, ciLow: 0.78, ciHigh: 0.80 }]));
 */
export function intervalComparisonChart(
  rows: readonly IntervalComparisonRow[],
  options: IntervalComparisonChartOptions = {},
): VegaLiteSpec {
  const formulaName = options.formulaName ?? 'Erlang A (steady state)';
  const yTitle = options.yTitle ?? '综合接通率 Answer rate (answered / offered)';
  const x = { field: 'intervalStart', type: 'ordinal', title: '时段 Start of the interval', sort: null };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? 'Simulation against the formula, interval by interval',
    width: 720,
    height: 280,
    config: chartConfig,
    data: {
      values: rows.map((row) => ({
        intervalStart: row.intervalStart,
        formula: row.formula,
        simulated: row.simulated,
        ciLow: row.ciLow,
        ciHigh: row.ciHigh,
      })),
    },
    layer: [
      {
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x,
          y: {
            field: 'formula',
            type: 'quantitative',
            title: yTitle,
            axis: { format: '%' },
            scale: { zero: false },
          },
          color: { datum: formulaName, type: 'nominal', title: null },
        },
      },
      {
        mark: { type: 'rule' },
        encoding: {
          x,
          y: { field: 'ciLow', type: 'quantitative' },
          y2: { field: 'ciHigh' },
          color: { datum: 'Simulation, 95% interval of the mean', type: 'nominal' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 20 },
        encoding: {
          x,
          y: { field: 'simulated', type: 'quantitative' },
          color: { datum: 'Simulation, 95% interval of the mean', type: 'nominal' },
          tooltip: [
            { field: 'intervalStart', type: 'ordinal', title: 'Interval' },
            { field: 'formula', type: 'quantitative', format: '.2%', title: formulaName },
            { field: 'simulated', type: 'quantitative', format: '.2%', title: 'Simulated mean' },
            { field: 'ciLow', type: 'quantitative', format: '.2%' },
            { field: 'ciHigh', type: 'quantitative', format: '.2%' },
          ],
        },
      },
    ],
  };
}
