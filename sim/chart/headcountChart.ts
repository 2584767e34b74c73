import type { WorkforcePeriod } from '../model/workforce.js';
import { CHART_COLORS, chartConfig } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** Labels of the headcount chart. */
export interface HeadcountChartOptions {
  /**
   * Chart title.
   *
   * __Default value:__ `'人员与培训 Headcount and trainees by week'`
   */
  title?: string;
}

/** The three groups, in legend order (top of the stack first), with their legend labels. */
const GROUPS = ['experienced', 'learners', 'trainees'] as const;
const GROUP_LABELS: Record<(typeof GROUPS)[number], string> = {
  experienced: '熟练 Experienced agents',
  learners: '学习期 Learners (first 3 months live)',
  trainees: '培训 Trainees (not taking calls)',
};

/**
 * Headcount over the year, week by week, as stacked areas: trainees (on
 * payroll, not taking calls) at the bottom, learners (live, in their first
 * three months, slower and less accurate) above them, and experienced agents
 * on top, so the small groups sit on the baseline where they can be read and
 * the top edge is the payroll. Weekly averages of `simulateWorkforce(...).weeks`;
 * weeks start on the date given and are drawn in UTC. One data row per week
 * (53 rows for a year).
 *
 * Pure: returns a Vega-Lite spec; show it with `show(spec)`.
 *
 * @param weeks the weeks of a `WorkforceResult`, in date order (`period` is the week's first day, `YYYY-MM-DD`)
 * @param options the title
 * @returns a Vega-Lite spec
 * @example
 * const spec = { initialStaff: 407, turnover: 0.2, hiring: { policy: 'backfill', recruitmentLagDays: 30, trainingDays: 182 } } as const;
 * const year = simulateWorkforce(spec, { startDate: '2020-01-01', days: 366, seed: 1 });
 * year.weeks.length; // => 53
 * await show(headcountChart(year.weeks));
 */
export function headcountChart(
  weeks: readonly WorkforcePeriod[],
  options: HeadcountChartOptions = {},
): VegaLiteSpec {
  const labelExpr = `{${GROUPS.map((group) => `'${group}': '${GROUP_LABELS[group]}'`).join(', ')}}[datum.label]`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? '人员与培训 Headcount and trainees by week',
      subtitle: 'Weekly averages; the top edge is the staff on payroll.',
    },
    config: chartConfig,
    width: 720,
    height: 260,
    data: {
      values: weeks.map((week) => ({
        week: week.period,
        experienced: week.averageLive - week.averageLearners,
        learners: week.averageLearners,
        trainees: week.averageTrainees,
      })),
      format: { parse: { week: "utc:'%Y-%m-%d'" } },
    },
    transform: [{ fold: [...GROUPS], as: ['group', 'staff'] }],
    mark: { type: 'area', interpolate: 'step-after', opacity: 0.9 },
    encoding: {
      x: {
        field: 'week',
        type: 'temporal',
        title: '周 Week starting',
        scale: { type: 'utc' },
        axis: { format: '%b' },
      },
      y: { field: 'staff', type: 'quantitative', title: '人数 Staff (weekly average)', stack: 'zero' },
      color: {
        field: 'group',
        type: 'nominal',
        title: null,
        sort: [...GROUPS],
        scale: {
          domain: [...GROUPS],
          range: [CHART_COLORS.primary, CHART_COLORS.band, CHART_COLORS.secondary],
        },
        legend: { labelExpr },
      },
      tooltip: [
        { field: 'week', type: 'temporal', title: 'Week starting', timeUnit: 'utcyearmonthdate' },
        { field: 'group', type: 'nominal', title: 'Group' },
        { field: 'staff', type: 'quantitative', title: 'Staff', format: ',.1f' },
      ],
    },
  };
}
