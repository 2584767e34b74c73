import { formatPercentShort } from '../core/format.js';
import type { Assumption, SensitivityRow } from '../plan/sensitivity.js';
import { CHART_COLORS, chartConfig, targetRule } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** What the tornado measures, and its title. */
export interface TornadoChartOptions {
  /**
   * The result compared: the probability of meeting every target (with its
   * Wilson interval) or the year's answer rate (mean across replications, with
   * the confidence interval of the mean).
   *
   * __Default value:__ `'probability'`
   */
  measure?: 'probability' | 'answerRate';
  /**
   * Chart title.
   *
   * __Default value:__ `'敏感性 Sensitivity: what each assumption does to the plan'`
   */
  title?: string;
}

/** Chinese and English names of the assumptions `sensitivity` varies, and of its baseline. */
export const ASSUMPTION_NAMES: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  baseline: { zh: '基准', en: 'Baseline' },
  volume: { zh: '话务量', en: 'Call volume' },
  handle: { zh: '通话时长', en: 'Handle time' },
  patience: { zh: '等待耐心', en: 'Caller patience' },
  redialProbability: { zh: '重拨概率', en: 'Redial probability' },
  turnover: { zh: '人员流失', en: 'Staff turnover' },
};

/** The chart's labels of the assumptions, Chinese then English; one missing here is shown by its key. */
export const ASSUMPTION_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ASSUMPTION_NAMES)
    .filter(([key]) => key !== 'baseline')
    .map(([key, name]) => [key, `${name.zh} ${name.en}`]),
);

const LOWER = '调低 Assumption lowered';
const HIGHER = '调高 Assumption raised';

/** The value, and its interval, that a row gives for the measure; null when it has none. */
function measured(
  row: SensitivityRow,
  measure: 'probability' | 'answerRate',
): { value: number; low: number; high: number } | null {
  if (measure === 'probability') {
    return { value: row.probability.probability, low: row.probability.low, high: row.probability.high };
  }
  return row.answerRate === null
    ? null
    : { value: row.answerRate.mean, low: row.answerRate.ciLow, high: row.answerRate.ciHigh };
}

/**
 * The sensitivity tornado: for each assumption varied (call volume, handle
 * time, patience, redial probability...), a bar from the baseline to the result with
 * the assumption at its lowest factor and one to the result at its highest
 * (labelled with the factor, e.g. `×1.2`), thin lines for their intervals,
 * assumptions sorted by swing (the range over every factor tried, baseline
 * included, as `tornado` computes it: the largest effect on top), and the baseline as
 * a grey vertical line. Factors between the extremes (×0.9 when ×0.8 was also
 * run) are left out: the tornado shows the range.
 *
 * Pure: returns a Vega-Lite spec; show it with `show(spec)`.
 *
 * @param rows what `sensitivity` returned: the baseline row and one row per assumption and factor
 * @param options the measure and the title
 * @returns a Vega-Lite spec
 * @throws {RangeError} when there is no baseline row, or the baseline has no value for the measure
 * @example
 * const plan = {
 *   startDate: '2020-05-11', days: 3, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const targets = readTargetSet('data/targets/shanghai-12333-2020.json');
 * const rows = await sensitivity(plan, targets, { replications: 2, seed: 1, workers: 0 });
 * rows.length; // => 11 (the baseline; volume at four factors; handle, patience and redials at two)
 * await show(tornadoChart(rows));
 */
export function tornadoChart(
  rows: readonly SensitivityRow[],
  options: TornadoChartOptions = {},
): VegaLiteSpec {
  const measure = options.measure ?? 'probability';
  const baselineRow = rows.find((row) => row.assumption === 'baseline');
  const base = baselineRow === undefined ? null : measured(baselineRow, measure);
  if (base === null) {
    throw new RangeError(
      `tornadoChart: need the baseline row with a value for ${measure} (got ${rows.length} rows without one)`,
    );
  }
  const bars: {
    assumption: string;
    side: string;
    factor: string;
    value: number;
    low: number;
    high: number;
  }[] = [];
  // Swing as `tornado` in plan/sensitivity.ts defines it: the range over every factor tried,
  // baseline included; largest first, ties by the assumption's key.
  const swings: { label: string; key: string; swing: number }[] = [];
  const assumptions = [...new Set(rows.map((row) => row.assumption))].filter(
    (assumption): assumption is Assumption => assumption !== 'baseline',
  );
  for (const assumption of assumptions) {
    const label = ASSUMPTION_LABELS[assumption] ?? assumption;
    const varied = rows.filter((row) => row.assumption === assumption).sort((a, b) => a.factor - b.factor);
    const extremes = varied.length === 0 ? [] : [varied[0]!, varied[varied.length - 1]!];
    for (const row of new Set(extremes)) {
      const result = measured(row, measure);
      if (result === null || row.factor === 1) continue;
      bars.push({
        assumption: label,
        side: row.factor < 1 ? LOWER : HIGHER,
        factor: `×${row.factor}`,
        ...result,
      });
    }
    const values = varied.flatMap((row) => measured(row, measure)?.value ?? []);
    if (values.length > 0) {
      const swing = Math.max(base.value, ...values) - Math.min(base.value, ...values);
      swings.push({ label, key: assumption, swing });
    }
  }
  const order = swings
    .sort((a, b) => b.swing - a.swing || a.key.localeCompare(b.key))
    .map((entry) => entry.label);
  const xTitle =
    measure === 'probability' ? '全部达标概率 P(every target met)' : '综合接通率 Answer rate (year)';
  const x = {
    field: 'value',
    type: 'quantitative',
    title: xTitle,
    axis: { format: '%' },
    scale: measure === 'probability' ? { domain: [0, 1] } : { zero: false },
  };
  const y = { field: 'assumption', type: 'nominal', title: null, sort: order, axis: { labelLimit: 260 } };
  const text = (side: 'left' | 'right'): object => ({
    transform: [{ filter: `datum.value ${side === 'left' ? '<' : '>='} ${base.value}` }],
    mark: {
      type: 'text',
      align: side === 'left' ? 'right' : 'left',
      dx: side === 'left' ? -4 : 4,
      fontSize: 11,
    },
    encoding: { x, y, text: { field: 'factor' } },
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? '敏感性 Sensitivity: what each assumption does to the plan',
      subtitle:
        'Each assumption varied alone, same random numbers; bars from the baseline to the result at the extreme factors; thin lines: intervals.',
    },
    config: chartConfig,
    width: 560,
    height: { step: 44 },
    data: { values: bars },
    layer: [
      {
        mark: { type: 'bar', height: 16 },
        encoding: {
          x,
          x2: { datum: base.value },
          y,
          color: {
            field: 'side',
            type: 'nominal',
            title: null,
            scale: { domain: [LOWER, HIGHER], range: [CHART_COLORS.primary, CHART_COLORS.secondary] },
            legend: { orient: 'bottom' },
          },
          tooltip: [
            { field: 'assumption', type: 'nominal', title: 'Assumption' },
            { field: 'factor', type: 'nominal', title: 'Factor' },
            { field: 'value', type: 'quantitative', title: xTitle, format: '.1%' },
            { field: 'low', type: 'quantitative', title: 'Interval low', format: '.1%' },
            { field: 'high', type: 'quantitative', title: 'Interval high', format: '.1%' },
          ],
        },
      },
      {
        mark: { type: 'rule', color: '#222222' },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, y },
      },
      text('left'),
      text('right'),
      ...targetRule(
        base.value,
        `基准 Baseline ${formatPercentShort(base.value, 2)}`,
        'x',
        CHART_COLORS.reference,
      ),
    ],
  };
}
