import { CHART_COLORS, chartConfig, targetRule } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** One interval of a day's staffing plan. */
export interface StaffingChartRow {
  /** Start of the interval as `HH:MM`, e.g. `'09:30'`. */
  intervalStart: string;
  /** Agents needed on the phones to meet the target. */
  requiredAgents: number;
  /**
   * Agents the plan puts on the phones; where it is below `requiredAgents` the
   * gap is drawn in red (under-coverage). Omit to draw no plan.
   */
  plannedAgents?: number;
  /** Staff to schedule so that `requiredAgents` are on the phones after shrinkage. Omit to draw no such line. */
  scheduledStaff?: number;
}

/** Reference lines and labels of the staffing chart. */
export interface StaffingChartOptions {
  /**
   * Physical seats, drawn as a dashed reference line; omit to draw none.
   *
   * __Default value:__ none
   */
  seats?: number;
  /**
   * Chart title.
   *
   * __Default value:__ `'人员配置 Agents needed per half hour'`
   */
  title?: string;
  /**
   * Legend of the `plannedAgents` line (agents after staff churn, say).
   *
   * __Default value:__ `'计划 Agents planned on the phones'`
   */
  plannedLabel?: string;
  /**
   * Legend of the `scheduledStaff` line (a staffing table before churn, say).
   *
   * __Default value:__ `'排班 Staff scheduled (after shrinkage)'`
   */
  scheduledLabel?: string;
}

/** Whole hours every two hours, as axis labels for a day of half hours. */
const EVEN_HOURS = Array.from({ length: 12 }, (_, i) => `${String(2 * i).padStart(2, '0')}:00`);

const REQUIRED = '所需 Agents required on the phones';
const PLANNED_DEFAULT = '计划 Agents planned on the phones';
const SHORT = '缺口 Under-coverage (planned < required)';
const SCHEDULED_DEFAULT = '排班 Staff scheduled (after shrinkage)';

/**
 * Staffing against requirement over a day: the agents needed per interval
 * (bars), the agents the plan puts on the phones (a step line) with every
 * shortfall drawn in red from the plan up to the requirement, the staff to
 * schedule after shrinkage (a step line), and the physical seats as a dashed
 * reference line. The subtitle counts the intervals under-covered and the
 * agent-intervals missing. Pure: returns a Vega-Lite spec and draws nothing.
 *
 * @param rows one row per interval, in time order (`plannedAgents` and `scheduledStaff` are drawn when present)
 * @param options seats to draw and the title
 * @returns a Vega-Lite spec
 * @example
 * const spec = staffingByHalfHourChart(
 *   [{ intervalStart: '09:00', requiredAgents: 280, plannedAgents: 262, scheduledStaff: 400 }],
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
    title: '时段 Start of the half hour',
    sort: null,
    axis: {
      labelAngle: 0,
      values: EVEN_HOURS.filter((hour) => rows.some((row) => row.intervalStart === hour)),
    },
  };
  const PLANNED = options.plannedLabel ?? PLANNED_DEFAULT;
  const SCHEDULED = options.scheduledLabel ?? SCHEDULED_DEFAULT;
  const hasPlan = rows.some((row) => row.plannedAgents !== undefined);
  const hasScheduled = rows.some((row) => row.scheduledStaff !== undefined);
  const domain = [REQUIRED, ...(hasPlan ? [PLANNED, SHORT] : []), ...(hasScheduled ? [SCHEDULED] : [])];
  const palette: Record<string, string> = {
    [REQUIRED]: CHART_COLORS.band,
    [PLANNED]: CHART_COLORS.primary,
    [SHORT]: CHART_COLORS.shortfall,
    [SCHEDULED]: CHART_COLORS.secondary,
  };
  const layer: object[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        x,
        y: { field: 'requiredAgents', type: 'quantitative', title: '坐席 Agents' },
        color: {
          datum: REQUIRED,
          type: 'nominal',
          title: null,
          scale: { domain, range: domain.map((name) => palette[name]) },
        },
        tooltip: [
          { field: 'intervalStart', type: 'ordinal', title: 'Interval' },
          { field: 'requiredAgents', type: 'quantitative', title: 'Required' },
          ...(hasPlan ? [{ field: 'plannedAgents', type: 'quantitative', title: 'Planned' }] : []),
          ...(hasScheduled ? [{ field: 'scheduledStaff', type: 'quantitative', title: 'Scheduled' }] : []),
        ],
      },
    },
  ];
  if (hasPlan) {
    layer.push(
      {
        transform: [{ filter: 'isValid(datum.plannedAgents) && datum.plannedAgents < datum.requiredAgents' }],
        mark: { type: 'bar' },
        encoding: {
          x,
          y: { field: 'plannedAgents', type: 'quantitative' },
          y2: { field: 'requiredAgents' },
          color: { datum: SHORT, type: 'nominal' },
        },
      },
      {
        mark: { type: 'line', interpolate: 'step', strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'plannedAgents', type: 'quantitative' },
          color: { datum: PLANNED, type: 'nominal' },
        },
      },
    );
  }
  if (hasScheduled) {
    layer.push({
      mark: { type: 'line', interpolate: 'step' },
      encoding: {
        x,
        y: { field: 'scheduledStaff', type: 'quantitative' },
        color: { datum: SCHEDULED, type: 'nominal' },
      },
    });
  }
  if (options.seats !== undefined) {
    layer.push(...targetRule(options.seats, `座席 Seats (${options.seats})`, 'y', CHART_COLORS.reference));
  }
  let short = 0;
  let shortAgents = 0;
  for (const row of rows) {
    if (row.plannedAgents !== undefined && row.plannedAgents < row.requiredAgents) {
      short += 1;
      shortAgents += row.requiredAgents - row.plannedAgents;
    }
  }
  const title = options.title ?? '人员配置 Agents needed per half hour';
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: hasPlan
      ? {
          text: title,
          subtitle: `Under-covered: ${short} of ${rows.length} intervals, ${Math.round(shortAgents)} agent-intervals short`,
        }
      : title,
    config: chartConfig,
    width: 640,
    height: 260,
    data: {
      values: rows.map((row) => ({
        intervalStart: row.intervalStart,
        requiredAgents: row.requiredAgents,
        ...(row.plannedAgents !== undefined ? { plannedAgents: row.plannedAgents } : {}),
        ...(row.scheduledStaff !== undefined ? { scheduledStaff: row.scheduledStaff } : {}),
      })),
    },
    layer,
  };
}
