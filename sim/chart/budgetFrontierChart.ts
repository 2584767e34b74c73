import { formatNumber, formatPercentShort } from '../core/format.js';
import { CHART_COLORS, chartConfig, targetRule } from './theme.js';
import { VEGA_LITE_SCHEMA } from './vegaLiteVersion.js';
import type { VegaLiteSpec } from './vegaLiteVersion.js';

/** One budget tried: its total and the probability of meeting every target (a `BudgetEvaluation` of `leastBudget` fits). */
export interface BudgetFrontierPoint {
  /** The budget, yuan. */
  totalYuan: number;
  /** Probability of meeting every measured target in every quarter, with its Wilson interval, in [0, 1]. */
  probability: { probability: number; low: number; high: number };
  /** Seats the budget buys, shown in the tooltip. */
  seats?: number;
  /** Whether the search judged it to meet the targets at the required confidence; by default, probability >= confidence. */
  meets?: boolean;
}

/** The required confidence, the marks and the title of the budget chart. */
export interface BudgetFrontierOptions {
  /** The probability of meeting every target that a budget must reach (`leastBudget`'s confidence p), in [0, 1]. */
  confidence: number;
  /**
   * The least budget, yuan, marked by a vertical line.
   *
   * __Default value:__ the smallest budget among the points that meet the targets; none if no point does
   */
  leastYuan?: number;
  /**
   * Other budgets to mark, e.g. `[{ label: '2020 预算 2020 budget', yuan: 55_070_152 }]`.
   *
   * __Default value:__ none
   */
  references?: readonly { label: string; yuan: number }[];
  /**
   * Chart title.
   *
   * __Default value:__ `'预算与达标概率 Budget against the probability of meeting every target'`
   */
  title?: string;
}

const MEETS = '达标 Meets the required probability';
const MISSES = '未达标 Below it';

/** Millions of yuan, to 4 decimals (100 yuan), as the axis and labels show them. */
function millions(yuan: number): number {
  return Math.round(yuan / 100) / 10_000;
}

/**
 * Budget against the probability of meeting every target: each budget tried
 * (million yuan) with the share of replications meeting every target in every
 * quarter as a point and its Wilson interval as a bar, joined in budget order;
 * the required probability p as the house target line; the least budget
 * meeting it as a vertical line with its amount; and other budgets (this
 * year's, last year's) as grey vertical lines.
 *
 * Pure: returns a Vega-Lite spec; show it with `show(spec)`.
 *
 * @param points the budgets tried, in any order (`leastBudget(...).evaluations`)
 * @param options the required probability, the least budget, other budgets and the title
 * @returns a Vega-Lite spec
 * @throws {RangeError} when `confidence` is outside [0, 1] or a point's interval does not hold its probability
 * @example
 * // Two budgets a least-budget search judged (`leastBudget(...).evaluations`): 366 seats fall short, 367 reach p.
 * const spec = budgetFrontierChart(
 *   [
 *     { seats: 366, totalYuan: 56_063_415, probability: wilsonInterval(17, 20), meets: false },
 *     { seats: 367, totalYuan: 56_205_288, probability: wilsonInterval(18, 20), meets: true },
 *   ],
 *   { confidence: 0.9, leastYuan: 56_205_288, references: [{ label: '2020 预算 2020 budget', yuan: 55_070_152 }] },
 * );
 * spec.layer.length; // => 9
 * await show(spec);
 */
export function budgetFrontierChart(
  points: readonly BudgetFrontierPoint[],
  options: BudgetFrontierOptions,
): VegaLiteSpec {
  const { confidence } = options;
  if (!(confidence >= 0 && confidence <= 1)) {
    throw new RangeError(`budgetFrontierChart: confidence must be in [0, 1] (got ${confidence})`);
  }
  for (const point of points) {
    const { probability, low, high } = point.probability;
    if (!(low >= 0 && low <= probability && probability <= high && high <= 1)) {
      throw new RangeError(
        `budgetFrontierChart: need 0 <= low <= probability <= high <= 1 (got ${low}, ${probability}, ${high} at ${point.totalYuan} yuan)`,
      );
    }
  }
  const values = [...points]
    .sort((a, b) => a.totalYuan - b.totalYuan)
    .map((point) => ({
      budgetMillionYuan: millions(point.totalYuan),
      probability: point.probability.probability,
      low: point.probability.low,
      high: point.probability.high,
      meets: point.meets ?? point.probability.probability >= confidence,
      ...(point.seats === undefined ? {} : { seats: point.seats }),
    }));
  const leastYuan =
    options.leastYuan ??
    [...points]
      .filter((point) => point.meets ?? point.probability.probability >= confidence)
      .reduce<number | undefined>(
        (least, point) => (least === undefined || point.totalYuan < least ? point.totalYuan : least),
        undefined,
      );
  const x = {
    field: 'budgetMillionYuan',
    type: 'quantitative',
    title: '预算 Budget (million yuan)',
    scale: { zero: false, nice: false, padding: 12 },
  };
  const y = {
    field: 'probability',
    type: 'quantitative',
    title: '全部达标概率 P(every target met)',
    axis: { format: '%' },
    scale: { domain: [0, 1] },
  };
  const color = {
    field: 'status',
    type: 'nominal',
    title: null,
    scale: { domain: [MEETS, MISSES], range: [CHART_COLORS.primary, CHART_COLORS.shortfall] },
    legend: { orient: 'bottom' },
  };
  const layer: object[] = [
    { mark: { type: 'line', color: '#999999', strokeWidth: 1 }, encoding: { x, y } },
    {
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color },
    },
    {
      mark: { type: 'point', filled: true, size: 50 },
      encoding: {
        x,
        y,
        color,
        tooltip: [
          { field: 'budgetMillionYuan', type: 'quantitative', title: 'Budget (M yuan)', format: ',.2f' },
          ...(values.some((value) => 'seats' in value)
            ? [{ field: 'seats', type: 'quantitative', title: 'Seats' }]
            : []),
          { field: 'probability', type: 'quantitative', title: 'P(every target met)', format: '.1%' },
          { field: 'low', type: 'quantitative', title: 'Interval low', format: '.1%' },
          { field: 'high', type: 'quantitative', title: 'Interval high', format: '.1%' },
        ],
      },
    },
    ...targetRule(confidence, `要求 Required ${formatPercentShort(confidence)}`),
  ];
  if (leastYuan !== undefined) {
    layer.push(
      ...targetRule(
        millions(leastYuan),
        `最低预算 Least budget ${formatNumber(millions(leastYuan), 2)} M`,
        'x',
        CHART_COLORS.primary,
      ),
    );
  }
  (options.references ?? []).forEach((reference, i) => {
    layer.push(
      ...targetRule(
        millions(reference.yuan),
        `${reference.label} ${formatNumber(millions(reference.yuan), 2)} M`,
        'x',
        CHART_COLORS.reference,
        16 * (i + (leastYuan === undefined ? 0 : 1)),
      ),
    );
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: options.title ?? '预算与达标概率 Budget against the probability of meeting every target',
      subtitle:
        'Point: share of replications meeting every target in every quarter; bar: its Wilson interval.',
    },
    config: chartConfig,
    width: 640,
    height: 300,
    data: { values },
    transform: [{ calculate: `datum.meets ? '${MEETS}' : '${MISSES}'`, as: 'status' }],
    layer,
  };
}
