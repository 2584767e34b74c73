import { chartConfig } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** One cell of the heatmap. */
export interface WeekdayHourCell {
  /** Day of the week, 0 = Monday ... 6 = Sunday. */
  weekday: number;
  /** Hour of the day, 0 to 23. */
  hour: number;
  /** The value shown, a fraction (an answer rate, a service level...), or null for no data. */
  value: number | null;
}

/** Labels of the heatmap. */
export interface WeekdayHourHeatmapOptions {
  /**
   * Title of the colour legend.
   *
   * __Default value:__ `'综合接通率 Answer rate'`
   */
  valueTitle?: string;
  /**
   * Chart title.
   *
   * __Default value:__ `'按星期与小时 Answer rate by day of the week and hour'`
   */
  title?: string;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * A weekday x hour heatmap of a fraction: one cell per hour of each day of the
 * week (Monday at the top), coloured from red (low) to blue (high), with the
 * value as a tooltip. Cells without data stay empty. Pure: returns a
 * Vega-Lite spec; show it with `show(spec)`.
 *
 * @param cells up to 168 cells (weekday, hour, value)
 * @param options legend and chart titles
 * @returns a Vega-Lite spec
 * @throws {RangeError} when a weekday or hour is out of range
 * @example
 * // From `replicate`: result.weekdayHours.map((c) => ({ weekday: c.weekday, hour: c.hour, value: c.kpis.answerRate?.mean ?? null }))
 * const spec = weekdayHourHeatmap([
 *   { weekday: 0, hour: 9, value: 0.8 },
 *   { weekday: 1, hour: 9, value: 0.85 },
 * ]);
 * spec.data.values.length; // => 2
 * await show(spec);
 */
export function weekdayHourHeatmap(
  cells: readonly WeekdayHourCell[],
  options: WeekdayHourHeatmapOptions = {},
): VegaLiteSpec {
  const valueTitle = options.valueTitle ?? '综合接通率 Answer rate';
  const values = cells.map((cell) => {
    const day = WEEKDAYS[cell.weekday];
    if (day === undefined || !Number.isInteger(cell.hour) || cell.hour < 0 || cell.hour > 23) {
      throw new RangeError(
        `weekdayHourHeatmap: weekday must be 0-6 and hour 0-23 (got ${cell.weekday}, ${cell.hour})`,
      );
    }
    return { day, hour: `${String(cell.hour).padStart(2, '0')}:00`, value: cell.value };
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? '按星期与小时 Answer rate by day of the week and hour',
    config: chartConfig,
    width: 720,
    height: 210,
    data: { values },
    transform: [{ filter: 'datum.value !== null' }],
    mark: 'rect',
    encoding: {
      x: { field: 'hour', type: 'ordinal', title: '小时 Hour of the day' },
      y: { field: 'day', type: 'ordinal', title: null, sort: WEEKDAYS },
      color: {
        field: 'value',
        type: 'quantitative',
        title: valueTitle,
        legend: { format: '%' },
        scale: { scheme: 'redyellowblue' },
      },
      tooltip: [
        { field: 'day', type: 'ordinal', title: 'Day' },
        { field: 'hour', type: 'ordinal', title: 'Hour' },
        { field: 'value', type: 'quantitative', title: valueTitle, format: '.1%' },
      ],
    },
  };
}
