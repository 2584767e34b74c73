/*
 * Number formatting shared by the report's renderers and its verdict text.
 * Fractions become percentages here and nowhere earlier.
 */
import type { ReportTargetRow } from './types.js';

/** The sign printed for a value that does not exist. */
export const NONE = '–';

/**
 * A fraction as a percentage.
 *
 * @param value a fraction, or null
 * @param digits decimals (1 by default)
 * @returns `93.5%`, or `–` for null
 * @example
 * percent(0.93456); // => '93.5%'
 */
export function percent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return `${(100 * value).toFixed(digits)}%`;
}

/**
 * An amount of money in whole yuan with thousands separators.
 *
 * @param value yuan, or null
 * @returns `55,070,152`, or `–` for null
 * @example
 * yuan(55070152.4); // => '55,070,152'
 */
export function yuan(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return Math.round(value).toLocaleString('en-US');
}

/**
 * A number with fixed decimals and thousands separators.
 *
 * @param value the number, or null
 * @param digits decimals (0 by default)
 * @returns the text, or `–` for null
 * @example
 * decimal(1234.567, 1); // => '1,234.6'
 */
export function decimal(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * A predicted value in a target row's unit (one decimal more than a target).
 *
 * @param unit the row's unit
 * @param value the value, or null
 * @returns the text
 * @example
 * predictedValue('fraction', 0.93456); // => '93.5%'
 */
export function predictedValue(unit: ReportTargetRow['unit'], value: number | null): string {
  if (value === null) return NONE;
  if (unit === 'fraction')
    return percent(value, (value > 0.999 && value < 1) || (value > 0 && value < 0.001) ? 3 : 1);
  if (unit === 'minutes') return `${decimal(value, 1)} min`;
  if (unit === 'seconds') return `${decimal(value, 1)} s`;
  return decimal(value, Number.isInteger(value) ? 0 : 2);
}

/** The status of a target row in both languages. */
export const STATUS_LABEL: Record<ReportTargetRow['status'], { zh: string; en: string }> = {
  pass: { zh: '达标', en: 'pass' },
  fail: { zh: '未达标', en: 'FAIL' },
  notSimulated: { zh: '未模拟', en: 'not simulated' },
};
