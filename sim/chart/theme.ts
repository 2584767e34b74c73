/**
 * The house look of every chart in `sim/chart/`: one font list that covers
 * Chinese on every platform, font sizes, a colour palette and one style for
 * target lines. Each chart function sets `config: chartConfig` on its spec, so
 * notebooks, the SVG of the report and the interactive copy look the same.
 */

import { formatPercentShort } from '../core/format.js';

/**
 * Fonts for chart text, in order of preference: the CJK families of Linux
 * (Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei), macOS (PingFang
 * SC) and Windows (Microsoft YaHei), then the browser's sans-serif. The SVG
 * keeps Chinese as text (not outlines), so whichever of these the viewer has
 * draws it.
 */
export const CJK_FONT_FAMILY =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

/** Named colours of the house palette (CSS hex). */
export const CHART_COLORS = {
  /** The main series: a simulated mean, required agents. */
  primary: '#1f77b4',
  /** The second series: planned staff, a second model. */
  secondary: '#ff7f0e',
  /** The 90% range band behind a mean. */
  band: '#9ecae1',
  /** Target lines and their labels. */
  target: '#b2182b',
  /** Shortfalls: under-coverage, a target missed. */
  shortfall: '#d62728',
  /** Reference lines that are not targets (a baseline, seats). */
  reference: '#555555',
} as const;

/** Category colours, in the order series are given colours (Tableau 10, colour-blind friendly first). */
const CATEGORY = [
  CHART_COLORS.primary,
  CHART_COLORS.secondary,
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/**
 * The Vega-Lite `config` every chart carries: the CJK font list for all text
 * (titles, axes, legends, text marks), readable sizes (11 px labels, 12 px
 * axis titles, 15 px chart titles), the house palette, titles anchored left,
 * and legend labels never cut short.
 *
 * @example
 * const spec = { $schema: VEGA_LITE_SCHEMA, config: chartConfig, mark: 'bar', data: { values: [{ x: 1 }] } };
 * spec.config.font; // => CJK_FONT_FAMILY
 */
export const chartConfig = {
  font: CJK_FONT_FAMILY,
  title: { fontSize: 15, subtitleFontSize: 12, subtitleColor: '#444444', anchor: 'start', offset: 8 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#222222' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 0 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  range: { category: CATEGORY },
} as const;

/**
 * The label of a target line: `目标 Target 80%`.
 *
 * @param fraction the target, a fraction (0.8 for 80%)
 * @returns the label, in Chinese and English, with the target as a percentage
 * @example
 * targetLabel(0.8); // => '目标 Target 80%'
 * targetLabel(0.975); // => '目标 Target 97.5%'
 */
export function targetLabel(fraction: number): string {
  return `目标 Target ${formatPercentShort(fraction)}`;
}

/**
 * Layers drawing a target (or another reference value) as the house target
 * line: a dashed dark-red rule across the panel, with its label in the same
 * colour above the line at the right end (horizontal) or at the top (vertical).
 * Add them to a chart's `layer` array.
 *
 * @param value the value where the line is drawn, in the units of the axis
 * @param label the text beside the line, e.g. `targetLabel(0.8)`
 * @param axis `'y'` for a horizontal line (a value on the y axis), `'x'` for a vertical one
 * @param color the line's colour; `CHART_COLORS.target` by default, `CHART_COLORS.reference` for lines that are not targets
 * @param labelOffset pixels to move the label along the line (down for a vertical line), so that labels of nearby lines do not overlap
 * @returns two layers: the rule and its label
 * @example
 * const layer = [...targetRule(0.8, targetLabel(0.8))];
 * layer.length; // => 2 (the dashed rule and its label)
 */
export function targetRule(
  value: number,
  label: string,
  axis: 'x' | 'y' = 'y',
  color: string = CHART_COLORS.target,
  labelOffset = 0,
): object[] {
  const position = { datum: value };
  // One datum of its own: a layer inheriting the chart's data would draw the line once per row.
  const data = { values: [{}] };
  if (axis === 'y') {
    return [
      {
        data,
        mark: { type: 'rule', color, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: position },
      },
      {
        data,
        mark: {
          type: 'text',
          color,
          align: 'right',
          baseline: 'bottom',
          ...(labelOffset === 0 ? {} : { dx: -labelOffset }),
          dy: -2,
          fontSize: 11,
        },
        encoding: { y: position, x: { value: 'width' }, text: { value: label } },
      },
    ];
  }
  return [
    { data, mark: { type: 'rule', color, strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { x: position } },
    {
      data,
      mark: {
        type: 'text',
        color,
        align: 'left',
        baseline: 'top',
        dx: 3,
        ...(labelOffset === 0 ? {} : { dy: labelOffset }),
        fontSize: 11,
      },
      encoding: { x: position, y: { value: 0 }, text: { value: label } },
    },
  ];
}
