/*
 * How the report prints a target row's values: in the unit its target names
 * (`>80%` as a percentage, `≤24小时` in hours, `≤90分钟` in minutes, `=1` as
 * a plain ratio), and the verdicts' labels. Numbers go through core/format.
 */
import { formatDuration, formatNumber, formatPercent, NO_VALUE, type Language } from '../core/format.js';
import type { TargetIndicator } from '../core/targets.js';
import type { Bilingual, DisplayUnit, ReportTargetRow, TargetStatus } from './types.js';

/**
 * The unit a target row's values are shown in: the one its target text names
 * (`小时` hours, `分钟` minutes, `秒` seconds, `%` percent), else the
 * indicator's own (a fraction without `%`, such as `=1`, is a plain ratio).
 *
 * @param indicator the row's unit and target text
 * @returns the display unit
 * @example
 * displayUnitOf({ unit: 'minutes', target: '≤24小时' }); // => 'hours'
 * displayUnitOf({ unit: 'fraction', target: '>80%' }); // => 'percent'
 * displayUnitOf({ unit: 'fraction', target: '=1' }); // => 'ratio'
 */
export function displayUnitOf(indicator: { unit: TargetIndicator['unit']; target: string }): DisplayUnit {
  const target = indicator.target;
  if (indicator.unit === 'text') return 'text';
  if (indicator.unit === 'count') return 'count';
  if (/小时|hours?\b/.test(target)) return 'hours';
  if (/分钟|min/.test(target)) return 'minutes';
  if (/秒|\bs\b|seconds?/.test(target)) return 'seconds';
  if (indicator.unit === 'minutes') return 'minutes';
  if (indicator.unit === 'seconds') return 'seconds';
  return /%/.test(target) ? 'percent' : 'ratio';
}

/** Decimals of a percentage: one, or three where one would print 100.0% or 0.0% for a value that is neither. */
function percentDigits(value: number): number {
  return (value > 0.999 && value < 1) || (value > 0 && value < 0.001) ? 3 : 1;
}

/**
 * A value of a target row in its display unit.
 *
 * @param row the row's unit (of the value) and display unit
 * @param value the value in `row.unit` (a fraction, minutes, seconds, a count), or null
 * @param language the language of the unit's name
 * @returns the text, or `NO_VALUE` for null
 * @example
 * rowValue({ unit: 'minutes', displayUnit: 'hours' }, 924.7, 'zh'); // => '15.4 小时'
 * rowValue({ unit: 'fraction', displayUnit: 'percent' }, 0.7962, 'en'); // => '79.6%'
 * rowValue({ unit: 'fraction', displayUnit: 'ratio' }, 1, 'en'); // => '1.000'
 */
export function rowValue(
  row: Pick<ReportTargetRow, 'unit' | 'displayUnit'>,
  value: number | null | undefined,
  language: Language,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const seconds = row.unit === 'minutes' ? value * 60 : value;
  switch (row.displayUnit) {
    case 'percent':
      return formatPercent(value, percentDigits(value));
    case 'ratio':
      return formatNumber(value, 3);
    case 'hours':
      return formatDuration(seconds, 'hours', language);
    case 'minutes':
      return formatDuration(seconds, 'minutes', language);
    case 'seconds':
      return formatDuration(seconds, 'seconds', language);
    default:
      return formatNumber(value, Number.isInteger(value) ? 0 : 2);
  }
}

/**
 * A probability with its interval: `40% (17%–69%)`.
 *
 * @param p the estimate, or null
 * @returns the text
 * @example
 * probabilityText({ probability: 0.4, low: 0.168, high: 0.687 }); // => '40% (17%–69%)'
 */
export function probabilityText(p: { probability: number; low: number; high: number } | null): string {
  return p === null
    ? NO_VALUE
    : `${formatPercent(p.probability, 0)} (${formatPercent(p.low, 0)}–${formatPercent(p.high, 0)})`;
}

/** The label of each target status, Chinese and English. */
export const STATUS_LABEL: Readonly<Record<TargetStatus, Bilingual>> = {
  pass: { zh: '达标', en: 'pass' },
  fail: { zh: '未达标', en: 'FAIL' },
  undecided: { zh: '需更多重复', en: 'more replications needed' },
  byConstruction: { zh: '按构造成立', en: 'true by construction' },
  notSimulated: { zh: '未模拟', en: 'not simulated' },
};

/** The verdict of a whole plan, Chinese and English. */
export const PLAN_VERDICT: Readonly<Record<'pass' | 'fail' | 'undecided', Bilingual>> = {
  pass: { zh: '方案达标', en: 'The plan PASSES' },
  fail: { zh: '方案未达标', en: 'The plan FAILS' },
  undecided: {
    zh: '现有重复次数不足以判定方案是否达标',
    en: 'The replications are too few to tell whether the plan passes',
  },
};

/**
 * A quarter label for a reader: `2020-Q3` as `2020年第三季度` or `2020 Q3`.
 *
 * @param period `YYYY-Qn` (any other text is returned as it is)
 * @param language the language
 * @returns the label
 * @example
 * quarterLabel('2020-Q3', 'zh'); // => '2020年第三季度'
 * quarterLabel('2020-Q3', 'en'); // => '2020 Q3'
 */
export function quarterLabel(period: string, language: Language): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (match === null) return period;
  const [, year, q] = match;
  return language === 'zh' ? `${year}年第${'一二三四'[Number(q) - 1]}季度` : `${year} Q${q}`;
}
