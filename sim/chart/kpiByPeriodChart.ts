import { formatPercentShort } from '../core/format.js';
import type { Kpis } from '../model/types.js';
import type { Summary } from '../stats/summarise.js';
import { CHART_COLORS, chartConfig, targetRule } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** A KPI of the simulator (`Kpis` in `sim/model/types.ts`). */
export type KpiName = keyof Kpis;

/**
 * One period's KPIs: either summaries across replications (a `PeriodSummary`
 * of `replicate`, the `quarters` of `evaluatePlan`) or the plain values of one
 * run (`{ period, kpis: kpisOf(row) }`). A `null` KPI is drawn as a gap.
 */
export interface KpiPeriodRow {
  /** `YYYY-MM-DDTHH:MM` (interval), `YYYY-MM-DD` (day), `YYYY-MM` (month) or `YYYY-Qn` (quarter). */
  period: string;
  /** The KPIs of the period; only the charted ones are read. */
  kpis: { readonly [K in KpiName]?: Summary | number | null };
}

/** The kind of period on the x axis. */
export type PeriodKind = 'interval' | 'day' | 'month' | 'quarter';

/** What `kpiByPeriodChart` draws. */
export interface KpiByPeriodOptions {
  /** The KPI to draw, or several (one panel each, stacked, sharing the x axis). */
  kpi: KpiName | readonly KpiName[];
  /** The kind of period in `rows`. */
  period: PeriodKind;
  /**
   * Targets per KPI, drawn as the house target line (fractions for rates).
   *
   * __Default value:__ none
   */
  targets?: { readonly [K in KpiName]?: number };
  /**
   * Chart title.
   *
   * __Default value:__ the KPIs' names and the period, e.g. `'接通率 Answer rate, 按月 by month'`
   */
  title?: string;
}

/** Most interval rows one chart takes: 31 days of half hours (a year would be 17,568 points). */
export const MAX_INTERVAL_ROWS = 31 * 48;

/** Chinese and English names of the KPIs, as axis titles. */
export const KPI_LABELS: { readonly [K in KpiName]?: string } = {
  answerRate: '综合接通率 Answer rate',
  callerAnswerRate: '来电人接通率 Caller answer rate',
  answerRateIncludingSelfService: '含自助接通率 Answer rate incl. self-service',
  abandonRate: '放弃率 Abandon rate',
  blockRate: '阻塞率 Block rate',
  probWait: '排队概率 Probability of waiting',
  serviceLevel: '服务水平 Service level',
  serviceLevelOfAnswered: '已接通服务水平 Service level of answered',
  serviceLevelExcludingShortAbandons: '服务水平(除短放弃) Service level excl. short abandons',
  asaSeconds: '平均应答时间 ASA (s)',
  meanWaitSeconds: '平均等待 Mean wait (s)',
  occupancy: '坐席占用率 Occupancy',
  meanQueueLength: '平均队长 Mean queue (calls)',
  satisfaction: '综合满意度 Satisfaction',
  complaintRate: '公众投诉率 Complaint rate',
  qaPassRate: '校验合格率 QA pass rate',
};

/** KPIs that are not fractions (drawn as plain numbers, not percentages). */
const NOT_FRACTIONS: ReadonlySet<string> = new Set(['asaSeconds', 'meanWaitSeconds', 'meanQueueLength']);

const PERIOD_TITLES: Record<PeriodKind, string> = {
  interval: '按时段 by interval',
  day: '按日 by day',
  month: '按月 by month',
  quarter: '按季度 by quarter',
};

const PERIOD_FORMS: Record<PeriodKind, { pattern: RegExp; example: string }> = {
  interval: { pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, example: '2020-01-06T09:30' },
  day: { pattern: /^\d{4}-\d{2}-\d{2}$/, example: '2020-01-06' },
  month: { pattern: /^\d{4}-\d{2}$/, example: '2020-01' },
  quarter: { pattern: /^\d{4}-Q[1-4]$/, example: '2020-Q1' },
};

const MEAN = '平均 Mean across replications';
const BAND = '90%区间 90% range (5th to 95th percentile)';
const VALUE = '模拟 Simulated';

/** The x encoding for a kind of period, and how the data reads the period. */
function xFor(period: PeriodKind, rows: readonly KpiPeriodRow[]): { x: object; parse?: object } {
  if (period === 'month' || period === 'quarter') {
    const title = period === 'month' ? '月份 Month' : '季度 Quarter';
    return { x: { field: 'period', type: 'ordinal', title, sort: null, axis: { labelAngle: 0 } } };
  }
  // Read and drawn in UTC, so the chart is the same in every time zone.
  const format = period === 'interval' ? '%Y-%m-%dT%H:%M' : '%Y-%m-%d';
  const days = new Set(rows.map((row) => row.period.slice(0, 10))).size;
  const axisFormat =
    period === 'interval' ? (days <= 1 ? '%H:%M' : '%d %b %H:%M') : days > 62 ? '%b' : '%d %b';
  return {
    x: {
      field: 'period',
      type: 'temporal',
      title: period === 'interval' ? '时段 Start of the interval' : '日期 Day',
      scale: { type: 'utc' },
      axis: { format: axisFormat },
    },
    parse: { period: `utc:'${format}'` },
  };
}

/** One panel: the band (when summaries), the mean or value, and the target. */
function panel(
  kpi: KpiName,
  period: PeriodKind,
  x: object,
  hasBand: boolean,
  target: number | undefined,
  height: number,
): object {
  const fraction = !NOT_FRACTIONS.has(kpi);
  const format = fraction ? '.1%' : ',.1f';
  const ordinal = period === 'month' || period === 'quarter';
  const seriesName = hasBand ? MEAN : VALUE;
  const domain = hasBand ? [MEAN, BAND] : [VALUE];
  const range = hasBand ? [CHART_COLORS.primary, CHART_COLORS.band] : [CHART_COLORS.primary];
  const y = {
    field: kpi,
    type: 'quantitative',
    title: KPI_LABELS[kpi] ?? kpi,
    axis: fraction ? { format: '%' } : {},
    scale: { zero: false },
  };
  const tooltip = [
    ordinal
      ? { field: 'period', type: 'ordinal', title: 'Period' }
      : { field: 'period', type: 'temporal', title: 'Period', timeUnit: 'utcyearmonthdatehoursminutes' },
    { field: kpi, type: 'quantitative', format, title: hasBand ? 'Mean' : 'Value' },
    ...(hasBand
      ? [
          { field: `${kpi}P05`, type: 'quantitative', format, title: '5th percentile' },
          { field: `${kpi}P95`, type: 'quantitative', format, title: '95th percentile' },
        ]
      : []),
  ];
  const layer: object[] = [];
  if (hasBand) {
    layer.push({
      mark: ordinal ? { type: 'rule', strokeWidth: 6, opacity: 0.8 } : { type: 'area', opacity: 0.7 },
      encoding: {
        x,
        y: { ...y, field: `${kpi}P05` },
        y2: { field: `${kpi}P95` },
        color: { datum: BAND, type: 'nominal' },
      },
    });
  }
  layer.push({
    mark: { type: 'line', strokeWidth: ordinal ? 2 : 1.25, point: ordinal },
    encoding: {
      x,
      y,
      color: { datum: seriesName, type: 'nominal', title: null, scale: { domain, range } },
      tooltip,
    },
  });
  if (target !== undefined) {
    layer.push(
      ...targetRule(target, `目标 Target ${fraction ? formatPercentShort(target) : String(target)}`),
    );
  }
  return { width: 720, height, layer };
}

/**
 * A KPI (answer rate, service level, ...) by interval, day, month or quarter:
 * the mean across replications as a line with the 90% range of the
 * replications (5th to 95th percentile: how much one year may differ) as a
 * band behind it, or the plain values of one run, and the target as the house
 * target line. Several KPIs are stacked as panels sharing the x axis.
 * Periods are drawn in UTC whatever the viewer's time zone; months and
 * quarters are categories, with the range as a thick bar.
 *
 * Size: one data row per period, three numbers per KPI (about 60 bytes each).
 * A year of half hours (17,568 points) is refused; chart days or months for a
 * year, and intervals for a day or a week (at most `MAX_INTERVAL_ROWS`).
 *
 * Pure: returns a Vega-Lite spec; show it with `show(spec)`.
 *
 * @param rows one row per period, in time order (`result.months`, `result.days`, `evaluation.quarters`...)
 * @param options the KPI or KPIs, the kind of period, targets and title
 * @returns a Vega-Lite spec
 * @throws {RangeError} when a period is not of the stated kind, or there are more than `MAX_INTERVAL_ROWS` intervals
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 3, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const result = await replicate(scenario, { replications: 2, seed: 1, workers: 0 });
 * const spec = kpiByPeriodChart(result.days, { kpi: ['answerRate', 'serviceLevel'], period: 'day', targets: { answerRate: 0.8 } });
 * spec.vconcat.length; // => 2 (one panel per KPI)
 * await show(spec);
 */
export function kpiByPeriodChart(rows: readonly KpiPeriodRow[], options: KpiByPeriodOptions): VegaLiteSpec {
  const kpis: readonly KpiName[] = typeof options.kpi === 'string' ? [options.kpi] : options.kpi;
  const form = PERIOD_FORMS[options.period];
  if (kpis.length === 0) throw new RangeError('kpiByPeriodChart: kpi must name at least one KPI (got none)');
  const bad = rows.find((row) => !form.pattern.test(row.period));
  if (bad !== undefined) {
    throw new RangeError(
      `kpiByPeriodChart: a ${options.period} period must look like ${form.example} (got ${JSON.stringify(bad.period)})`,
    );
  }
  if (options.period === 'interval' && rows.length > MAX_INTERVAL_ROWS) {
    throw new RangeError(
      `kpiByPeriodChart: at most ${MAX_INTERVAL_ROWS} intervals (31 days of half hours) in one chart (got ${rows.length}); ` +
        'chart days or months for a longer horizon',
    );
  }
  const hasBand = new Map(
    kpis.map((kpi) => [kpi, rows.some((row) => typeof row.kpis[kpi] === 'object' && row.kpis[kpi] !== null)]),
  );
  const values = rows.map((row) => {
    const value: Record<string, string | number | null> = { period: row.period };
    for (const kpi of kpis) {
      const cell = row.kpis[kpi];
      if (typeof cell === 'number') value[kpi] = cell;
      else if (cell === null || cell === undefined) value[kpi] = null;
      else {
        value[kpi] = cell.mean;
        value[`${kpi}P05`] = cell.p05;
        value[`${kpi}P95`] = cell.p95;
      }
    }
    return value;
  });
  const { x, parse } = xFor(options.period, rows);
  const height = kpis.length === 1 ? 260 : 180;
  const panels = kpis.map((kpi) =>
    panel(kpi, options.period, x, hasBand.get(kpi) === true, options.targets?.[kpi], height),
  );
  const anyBand = [...hasBand.values()].some((band) => band);
  const anyTarget = kpis.some((kpi) => options.targets?.[kpi] !== undefined);
  const subtitle = [
    anyBand
      ? 'Line: mean across replications; band: 90% of replications lie inside (5th to 95th percentile).'
      : '',
    anyTarget ? 'Dashed: target.' : '',
  ]
    .filter((text) => text !== '')
    .join(' ');
  const title =
    options.title ??
    `${kpis.map((kpi) => KPI_LABELS[kpi] ?? kpi).join(', ')}, ${PERIOD_TITLES[options.period]}`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle === '' ? title : { text: title, subtitle },
    config: chartConfig,
    data: parse === undefined ? { values } : { values, format: { parse } },
    ...(panels.length === 1 ? (panels[0] as object) : { vconcat: panels }),
  };
}
