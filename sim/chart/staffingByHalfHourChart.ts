import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** One interval of a day's staffing plan. */
export interface StaffingChartRow {
  /** Start of the interval as `HH:MM`, e.g. `'09:30'`. */
  intervalStart: string;
  /** Agents needed on the phones to meet the target. */
  requiredAgents: number;
  /** Staff to schedule so that `requiredAgents` are on the phones after shrinkage. */
  scheduledStaff: number;
}

/** Reference lines and labels of the staffing chart. */
export interface StaffingChartOptions {
  /**
   * Physical seats, drawn as a dashed rule; omit to draw none.
   *
   * __Default value:__ none
   */
  seats?: number;
  /**
   * Chart title.
   *
   * __Default value:__ `'Agents needed per half hour'`
   */
  title?: string;
}

/** Whole hours every two hours, as axis labels for a day of half hours. */
const EVEN_HOURS = Array.from({ length: 12 }, (_, i) => `${String(2 * i).padStart(2, '0')}:00`);

/**
 * Agents needed per interval of a day (bars) and the staff to schedule after
 * shrinkage (a step line), with the physical seats as a dashed rule. Pure:
 * returns a Vega-Lite spec and draws nothing.
 *
 * @param rows one row per interval, in time order
 * @param options seats to draw and the title
 * @returns a Vega-Lite spec
 * @example
 * const spec = staffingByHalfHourChart(
 *   [{ intervalStart: '09:00', requiredAgents: 280, scheduledStaff: 400 }],
 *   { seats: 359 },
 * );
 */
export function staffingByHalfHourChart(
  rows: readonly StaffingChartRow[],
  options: StaffingChartOptions = {},
): VegaLiteSpec {
  const x = {
    field: 'intervalStart',
    type: 'ordinal',
    title: 'Start of the half hour',
    sort: null,
    axis: {
      labelAngle: 0,
      values: EVEN_HOURS.filter((hour) => rows.some((row) => row.intervalStart === hour)),
    },
  };
  const layer: object[] = [
    {
      mark: { type: 'bar', opacity: 0.8 },
      encoding: {
        x,
        y: { field: 'requiredAgents', type: 'quantitative', title: 'Agents' },
        color: { datum: 'Agents on the phones', type: 'nominal', title: null },
      },
    },
    {
      mark: { type: 'line', interpolate: 'step-after' },
      encoding: {
        x,
        y: { field: 'scheduledStaff', type: 'quantitative' },
        color: { datum: 'Staff scheduled (after shrinkage)', type: 'nominal' },
      },
    },
  ];
  if (options.seats !== undefined) {
    layer.push({
      mark: { type: 'rule', strokeDash: [4, 4] },
      encoding: {
        y: { datum: options.seats },
        color: { datum: `Seats (${options.seats})`, type: 'nominal' },
      },
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? 'Agents needed per half hour',
    config: { legend: { labelLimit: 0 } },
    width: 640,
    height: 260,
    data: {
      values: rows.map((row) => ({
        intervalStart: row.intervalStart,
        requiredAgents: row.requiredAgents,
        scheduledStaff: row.scheduledStaff,
      })),
    },
    layer,
  };
}
