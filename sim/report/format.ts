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
 * A value in a target row's unit: percentages for fractions, minutes and seconds with their unit.
 *
 * @param unit the row's unit
 * @param value the value, text for a qualitative target, or null
 * @returns the text
 * @example
 * targetValue('fraction', 0.8); // => '80%'
 * targetValue('minutes', 90); // => '90 min'
 */
export function targetValue(unit: ReportTargetRow['unit'], value: number | string | null): string {
  if (value === null) return NONE;
  if (typeof value === 'string') return value;
  if (unit === 'fraction') {
    // Targets such as 0.01% or 98% keep the digits they need.
    const digits = Number.isInteger(value * 100) ? 0 : Number.isInteger(value * 1000) ? 1 : 2;
    return percent(value, digits);
  }
  if (unit === 'minutes') return `${decimal(value, Number.isInteger(value) ? 0 : 1)} min`;
  if (unit === 'seconds') return `${decimal(value, Number.isInteger(value) ? 0 : 1)} s`;
  return decimal(value, Number.isInteger(value) ? 0 : 2);
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
  return decimal(value, 2);
}

/**
 * The target as written in the source document: comparison and value.
 *
 * @param row the target row
 * @returns `> 80%`, `= 4`, `健全 sound`
 * @example
 * targetText({ comparison: '>', value: 0.8, unit: 'fraction' }); // => '> 80%'
 */
export function targetText(row: Pick<ReportTargetRow, 'comparison' | 'value' | 'unit'>): string {
  const value = targetValue(row.unit, row.value);
  return row.comparison === null ? value : `${row.comparison} ${value}`;
}

/** The status of a target row in both languages. */
export const STATUS_LABEL: Record<ReportTargetRow['status'], { zh: string; en: string }> = {
  pass: { zh: '达标', en: 'pass' },
  fail: { zh: '未达标', en: 'FAIL' },
  notSimulated: { zh: '未模拟', en: 'not simulated' },
};
