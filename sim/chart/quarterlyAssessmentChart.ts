import { formatPercentShort } from '../core/format.js';
import type { TargetAssessment } from '../plan/assessTargets.js';
import { chartConfig, targetRule } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** The probability of meeting one indicator's target in one quarter, with its interval. */
export interface QuarterlyAssessmentRow {
  /** The quarter, `YYYY-Qn`. */
  quarter: string;
  /** The indicator's name as the axis shows it, e.g. `'综合接通率 overall answer rate'`. */
  indicator: string;
  /** Probability of meeting the target, in [0, 1]. */
  probability: number;
  /** The interval of the probability (Wilson), in [0, 1]. */
  low: number;
  high: number;
}

/** Labels and the required confidence of the quarterly assessment chart. */
export interface QuarterlyAssessmentChartOptions {
  /**
   * The probability a quarter must reach to pass, drawn as the house target line.
   *
   * __Default value:__ `0.9`
   */
  confidence?: number;
  /**
   * Chart title.
   *
   * __Default value:__ `'季度考核 Quarterly assessment: probability of meeting each target'`
   */
  title?: string;
}

/** The indicator name of the row for every quarter-judged indicator together. */
export const ALL_QUARTER_TARGETS = '全部季度指标 All quarterly targets';

/**
 * The rows of the quarterly assessment chart from `assessTargets`: for each
 * quarter, every indicator judged per quarter (its probability of meeting the
 * target and Wilson interval), then all of them together (the quarterly
 * assessment passes). Indicators judged on the year have no quarterly rows.
 *
 * @param assessment what `assessTargets` returned
 * @returns rows for `quarterlyAssessmentChart`, all-targets rows first
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 3, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const assessment = (await evaluatePlan(scenario, targets, { replications: 2, seed: 1, workers: 0 })).targetTable;
 * const rows = quarterlyAssessmentRows(assessment);
 * rows.map((row) => row.indicator); // => ['全部季度指标 All quarterly targets', '综合接通率 overall answer rate']
 * const spec = quarterlyAssessmentChart(rows, { confidence: assessment.confidence });
 */
export function quarterlyAssessmentRows(assessment: TargetAssessment): QuarterlyAssessmentRow[] {
  const rows: QuarterlyAssessmentRow[] = assessment.quarterly.map((quarter) => ({
    quarter: quarter.period,
    indicator: ALL_QUARTER_TARGETS,
    probability: quarter.allMet.probability,
    low: quarter.allMet.low,
    high: quarter.allMet.high,
  }));
  for (const row of assessment.rows) {
    for (const quarter of row.quarters) {
      if (quarter.estimate === null) continue;
      rows.push({
        quarter: quarter.period,
        indicator: `${row.name.zh} ${row.name.en}`,
        probability: quarter.estimate.probability,
        low: quarter.estimate.low,
        high: quarter.estimate.high,
      });
    }
  }
  return rows;
}

/**
 * The quarterly assessment: for each indicator (a row of the chart, in the
 * order given) and each quarter (a colour), the probability of meeting the
 * target as a point with its interval as a bar, on a 0-100% axis, and the
 * required confidence as the house target line. A point left of the line
 * fails that quarter's assessment at that confidence.
 *
 * Pure: returns a Vega-Lite spec; show it with `show(spec)`.
 *
 * @param rows one row per quarter and indicator (`quarterlyAssessmentRows(assessment)`, or built by hand)
 * @param options the required confidence and the title
 * @returns a Vega-Lite spec
 * @throws {RangeError} when a probability or interval end is outside [0, 1] or the interval does not hold the probability
 * @example
 * await show(quarterlyAssessmentChart([
 *   { quarter: '2020-Q1', indicator: '综合接通率 overall answer rate', probability: 0.95, low: 0.86, high: 0.98 },
 * ], { confidence: 0.9 }));
 */
export function quarterlyAssessmentChart(
  rows: readonly QuarterlyAssessmentRow[],
  options: QuarterlyAssessmentChartOptions = {},
): VegaLiteSpec {
  const confidence = options.confidence ?? 0.9;
  for (const row of rows) {
    if (!(row.low >= 0 && row.low <= row.probability && row.probability <= row.high && row.high <= 1)) {
      throw new RangeError(
        `quarterlyAssessmentChart: need 0 <= low <= probability <= high <= 1 ` +
          `(got ${row.low}, ${row.probability}, ${row.high} for ${row.indicator} in ${row.quarter})`,
      );
    }
  }
  const indicators = [...new Set(rows.map((row) => row.indicator))];
  const quarters = [...new Set(rows.map((row) => row.quarter))];
  const y = { field: 'indicator', type: 'nominal', title: null, sort: indicators, axis: { labelLimit: 320 } };
  const yOffset = { field: 'quarter', type: 'nominal', sort: quarters };
  const color = {
    field: 'quarter',
    type: 'nominal',
    title: '季度 Quarter',
    sort: quarters,
    legend: { orient: 'bottom' },
  };
  const x = {
    field: 'probability',
    type: 'quantitative',
    title: '达标概率 Probability of meeting the target',
    axis: { format: '%' },
    scale: { domain: [0, 1] },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? '季度考核 Quarterly assessment: probability of meeting each target',
      subtitle: `Point: share of replications meeting the target; bar: its interval. Dashed: required ${formatPercentShort(confidence)}.`,
    },
    config: chartConfig,
    width: 560,
    // With an offset channel the step is that of one quarter inside an indicator's band.
    height: { step: 9 },
    data: { values: rows.map((row) => ({ ...row })) },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y, yOffset, x: { ...x, field: 'low' }, x2: { field: 'high' }, color },
      },
      {
        mark: { type: 'point', filled: true, size: 40 },
        encoding: {
          y,
          yOffset,
          x,
          color,
          tooltip: [
            { field: 'indicator', type: 'nominal', title: 'Indicator' },
            { field: 'quarter', type: 'nominal', title: 'Quarter' },
            { field: 'probability', type: 'quantitative', format: '.1%', title: 'Probability' },
            { field: 'low', type: 'quantitative', format: '.1%', title: 'Interval low' },
            { field: 'high', type: 'quantitative', format: '.1%', title: 'Interval high' },
          ],
        },
      },
      ...targetRule(confidence, `要求 Required ${formatPercentShort(confidence)}`, 'x'),
    ],
  };
}
