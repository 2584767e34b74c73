import type { SatisfactionModel, SatisfactionObservation } from '../model/satisfaction.js';
import { CHART_COLORS, chartConfig, targetLabel, targetRule } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** The target, the axis length and the title of the satisfaction chart. */
export interface SatisfactionCurveChartOptions {
  /**
   * The satisfaction target (综合满意度 > 97% for 12333), drawn as the house target line.
   *
   * __Default value:__ none
   */
  target?: number;
  /**
   * The longest wait on the x axis, seconds.
   *
   * __Default value:__ the larger of 600 s, the last knot plus a quarter, and the end of the last observed band
   */
  maxWaitSeconds?: number;
  /**
   * Chart title.
   *
   * __Default value:__ `'满意度与等待 Satisfaction against waiting time'`
   */
  title?: string;
}

const MODEL = '模型 Model: P(satisfied or basically satisfied)';
const SURVEY = '调查 Survey, by wait band (size: respondents)';

/**
 * Satisfaction against the wait before the answer: the model's curve
 * (`SatisfactionModel.curve`, linear between knots and flat outside them, as
 * `satisfactionProbability` reads it for a first attempt to an experienced
 * agent), and, when given, the survey's share satisfied per wait band as a
 * point at the band's middle (sized by respondents) with a line across the
 * band, so a fitted curve can be checked against its data. The target is the
 * house target line.
 *
 * Pure: returns a Vega-Lite spec; show it with `show(spec)`.
 *
 * @param model the survey model (its `curve` is drawn)
 * @param observed survey counts by wait band, e.g. those given to `fitSatisfactionCurve`
 * @param options the target, the axis length and the title
 * @returns a Vega-Lite spec
 * @throws {RangeError} when a band is empty or inverted, or has more satisfied than respondents
 * @example
 * await show(satisfactionCurveChart(DEFAULT_SATISFACTION, undefined, { target: 0.97 }));
 */
export function satisfactionCurveChart(
  model: SatisfactionModel,
  observed: readonly SatisfactionObservation[] = [],
  options: SatisfactionCurveChartOptions = {},
): VegaLiteSpec {
  for (const band of observed) {
    if (!(
      band.waitToSeconds > band.waitFromSeconds &&
      band.respondents > 0 &&
      band.satisfied >= 0 &&
      band.satisfied <= band.respondents
    )) {
      throw new RangeError(
        `satisfactionCurveChart: a band needs from < to and 0 <= satisfied <= respondents, respondents > 0 ` +
          `(got ${band.waitFromSeconds}-${band.waitToSeconds} s, ${band.satisfied} of ${band.respondents})`,
      );
    }
  }
  const curve = [...model.curve].sort((a, b) => a.waitSeconds - b.waitSeconds);
  const last = curve[curve.length - 1];
  const maxWait =
    options.maxWaitSeconds ??
    Math.max(
      600,
      last === undefined ? 0 : last.waitSeconds * 1.25,
      ...observed.map((band) => band.waitToSeconds),
    );
  // Flat before the first knot and after the last (1 everywhere without knots), as satisfactionProbability reads it.
  const first = curve[0];
  const points = [
    { waitSeconds: 0, satisfied: first?.satisfied ?? 1 },
    ...curve.filter((knot) => knot.waitSeconds > 0 && knot.waitSeconds < maxWait),
    { waitSeconds: maxWait, satisfied: last?.satisfied ?? 1 },
  ].map((point) => ({ waitSeconds: point.waitSeconds, satisfied: point.satisfied }));
  const bands = observed.map((band) => ({
    from: band.waitFromSeconds,
    to: band.waitToSeconds,
    middle: (band.waitFromSeconds + band.waitToSeconds) / 2,
    share: band.satisfied / band.respondents,
    respondents: band.respondents,
  }));
  const x = {
    field: 'waitSeconds',
    type: 'quantitative',
    title: '等待时间 Wait before the answer (s)',
    scale: { domain: [0, maxWait], nice: false },
  };
  const y = {
    field: 'satisfied',
    type: 'quantitative',
    title: '满意率 Satisfied or basically satisfied',
    axis: { format: '%' },
    scale: { zero: false },
  };
  const color = {
    datum: MODEL,
    type: 'nominal',
    title: null,
    scale: {
      domain: bands.length > 0 ? [MODEL, SURVEY] : [MODEL],
      range: [CHART_COLORS.primary, CHART_COLORS.secondary],
    },
  };
  const layer: object[] = [
    {
      data: { values: points },
      mark: { type: 'line', strokeWidth: 2, point: true },
      encoding: {
        x,
        y,
        color,
        tooltip: [
          { field: 'waitSeconds', type: 'quantitative', title: 'Wait (s)' },
          { field: 'satisfied', type: 'quantitative', title: 'P(satisfied)', format: '.2%' },
        ],
      },
    },
  ];
  if (bands.length > 0) {
    layer.push(
      {
        data: { values: bands },
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: {
          x: { ...x, field: 'from' },
          x2: { field: 'to' },
          y: { ...y, field: 'share' },
          color: { datum: SURVEY, type: 'nominal' },
        },
      },
      {
        data: { values: bands },
        mark: { type: 'point', filled: true, opacity: 0.9 },
        encoding: {
          x: { ...x, field: 'middle' },
          y: { ...y, field: 'share' },
          color: { datum: SURVEY, type: 'nominal' },
          size: { field: 'respondents', type: 'quantitative', legend: null, scale: { range: [30, 300] } },
          tooltip: [
            { field: 'from', type: 'quantitative', title: 'Wait from (s)' },
            { field: 'to', type: 'quantitative', title: 'Wait to (s)' },
            { field: 'respondents', type: 'quantitative', title: 'Respondents' },
            { field: 'share', type: 'quantitative', title: 'Satisfied', format: '.2%' },
          ],
        },
      },
    );
  }
  if (options.target !== undefined) layer.push(...targetRule(options.target, targetLabel(options.target)));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? '满意度与等待 Satisfaction against waiting time',
    config: chartConfig,
    width: 560,
    height: 260,
    layer,
  };
}
