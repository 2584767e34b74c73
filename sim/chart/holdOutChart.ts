import type { HourComparison } from '../calibrate/holdOut.js';
import { chartConfig } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** Which figure of a held-out validation to draw. */
export type HoldOutMetric = 'abandonRate' | 'serviceLevel' | 'asaSeconds';

const LABELS: Record<HoldOutMetric, { y: string; title: string; format: string }> = {
  abandonRate: { y: '放弃率 Abandoned / offered', title: 'Abandonment by hour', format: '%' },
  serviceLevel: {
    y: '服务水平 Answered within the threshold / offered',
    title: 'Service level by hour',
    format: '%',
  },
  asaSeconds: { y: '平均应答速度 ASA (s)', title: 'Average speed of answer by hour', format: 'd' },
};

/** Options of {@link holdOutChart}. */
export interface HoldOutChartOptions {
  /**
   * Chart title.
   *
   * __Default value:__ `'<figure> by hour: observed against predicted (held-out days)'`
   */
  title?: string;
  /**
   * Hours with fewer observed calls are left out.
   *
   * __Default value:__ `50`
   */
  minCalls?: number;
}

/**
 * A held-out validation hour by hour (`validateHoldOut(...).byHour`): what the
 * records show on the test days (a line) against the simulated mean (points) and
 * the range of the replications, 5th to 95th percentile (bars). Pure: returns a
 * Vega-Lite spec; show it with `show(spec)`.
 *
 * @param hours the comparison by hour
 * @param metric abandonment, service level or ASA
 * @param options title and the fewest calls an hour needs to be drawn
 * @returns a Vega-Lite spec
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const validation = validateHoldOut(bank.records, {
 *   train: { from: '1999-02-01', to: '1999-02-14' }, test: { from: '1999-02-15', to: '1999-02-28' },
 *   thresholdSeconds: 20, replications: 2, seed: 1,
 * });
 * const spec = holdOutChart(validation.byHour, 'abandonRate');
 * spec.data.values.length; // => 17 (the hours with enough calls)
 * await show(spec);
 */
export function holdOutChart(
  hours: readonly HourComparison[],
  metric: HoldOutMetric,
  options: HoldOutChartOptions = {},
): VegaLiteSpec {
  const label = LABELS[metric];
  const minCalls = options.minCalls ?? 50;
  const x = { field: 'hour', type: 'ordinal', title: '时 Hour of the day', sort: null };
  const values = hours
    .filter(
      (h) => h.observed.offered >= minCalls && h.observed[metric] !== null && h.predicted[metric] !== null,
    )
    .map((h) => ({
      hour: `${String(h.hour).padStart(2, '0')}:00`,
      observed: h.observed[metric],
      predicted: h.predicted[metric],
      low: h.predictedRange[metric]?.[0] ?? h.predicted[metric],
      high: h.predictedRange[metric]?.[1] ?? h.predicted[metric],
      calls: h.observed.offered,
    }));
  const observedName = 'Observed (records of the held-out days)';
  const predictedName = 'Predicted: mean, and 5th-95th percentile of the replications';
  const format = label.format === '%' ? '.1%' : '.1f';
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? `${label.title}: observed against predicted (held-out days)`,
    width: 720,
    height: 280,
    config: chartConfig,
    data: { values },
    layer: [
      {
        mark: { type: 'line', point: true },
        encoding: {
          x,
          y: {
            field: 'observed',
            type: 'quantitative',
            title: label.y,
            axis: { format: label.format },
            scale: { zero: true },
          },
          color: { datum: observedName, type: 'nominal', title: null },
        },
      },
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'low', type: 'quantitative' },
          y2: { field: 'high' },
          color: { datum: predictedName, type: 'nominal' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 40, shape: 'diamond' },
        encoding: {
          x,
          y: { field: 'predicted', type: 'quantitative' },
          color: { datum: predictedName, type: 'nominal' },
          tooltip: [
            { field: 'hour', type: 'ordinal', title: 'Hour' },
            { field: 'calls', type: 'quantitative', format: ',.0f', title: 'Calls observed' },
            { field: 'observed', type: 'quantitative', format, title: 'Observed' },
            { field: 'predicted', type: 'quantitative', format, title: 'Predicted mean' },
            { field: 'low', type: 'quantitative', format, title: '5th percentile' },
            { field: 'high', type: 'quantitative', format, title: '95th percentile' },
          ],
        },
      },
    ],
  };
}
