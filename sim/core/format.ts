/*
 * Numbers as people read them: percentages, amounts of money, plain numbers
 * with thousands separators, durations in the unit a target names, and
 * sensible rounding. The one place where fractions become percentages; the
 * command line, the report and the charts print through these functions.
 */

/** The sign printed for a value that does not exist (no call offered, no fault). */
export const NO_VALUE = '–';

/** A language of the report and the charts: Chinese or English. */
export type Language = 'zh' | 'en';

/** Whether a value is a finite number (not null, undefined, NaN or infinite). */
function present(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/**
 * A fraction as a percentage.
 *
 * @param fraction a fraction (0.93456 is 93.456%), or null
 * @param digits decimals (1 by default)
 * @param missing what to print for null, undefined, NaN or infinity (`NO_VALUE` by default)
 * @returns the text
 * @example
 * formatPercent(0.93456); // => '93.5%'
 * formatPercent(0.93456, 2); // => '93.46%'
 * formatPercent(null); // => '–'
 */
export function formatPercent(fraction: number | null | undefined, digits = 1, missing = NO_VALUE): string {
  if (!present(fraction)) return missing;
  return `${(100 * fraction).toFixed(digits)}%`;
}

/**
 * A fraction as a percentage with no trailing zeros and no floating-point
 * noise, for values written by people (targets, required probabilities):
 * 0.07 is `7%`, not `7.000000000000001%`.
 *
 * @param fraction a fraction
 * @param maxDecimals most decimals of the percentage (8 by default); fewer when they are zeros
 * @returns the text, or `NO_VALUE` for NaN or infinity
 * @example
 * formatPercentShort(0.07); // => '7%'
 * formatPercentShort(0.975); // => '97.5%'
 * formatPercentShort(0.834567, 2); // => '83.46%'
 */
export function formatPercentShort(fraction: number, maxDecimals = 8): string {
  if (!present(fraction)) return NO_VALUE;
  const rounded = Number((100 * fraction).toFixed(maxDecimals));
  return `${rounded === 0 ? 0 : rounded}%`;
}

/**
 * A number with fixed decimals and thousands separators.
 *
 * @param value the number, or null
 * @param digits decimals (0 by default)
 * @param missing what to print for null, undefined, NaN or infinity (`NO_VALUE` by default)
 * @returns the text
 * @example
 * formatNumber(1234.567, 1); // => '1,234.6'
 * formatNumber(0.5); // => '1'
 * formatNumber(undefined); // => '–'
 */
export function formatNumber(value: number | null | undefined, digits = 0, missing = NO_VALUE): string {
  if (!present(value)) return missing;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * A number with fixed decimals and no separators, for plain-text tables a
 * program may read back: `inf` for infinity (an unstable queue's wait) and
 * exponent notation from 1e9.
 *
 * @param value the number, or null
 * @param digits decimals
 * @param missing what to print for null, undefined or NaN (`NO_VALUE` by default)
 * @returns the text
 * @example
 * formatFixed(7.8359, 1); // => '7.8'
 * formatFixed(1234.5, 0); // => '1235'
 * formatFixed(Infinity, 1); // => 'inf'
 * formatFixed(2.5e9, 1); // => '2.50e+9'
 */
export function formatFixed(value: number | null | undefined, digits: number, missing = NO_VALUE): string {
  if (value === null || value === undefined || Number.isNaN(value)) return missing;
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return Math.abs(value) >= 1e9 ? value.toExponential(2) : value.toFixed(digits);
}

/**
 * An amount of money in whole yuan, with thousands separators.
 *
 * @param yuan the amount, or null
 * @param missing what to print for null, undefined, NaN or infinity (`NO_VALUE` by default)
 * @returns the text, without the currency
 * @example
 * formatYuan(55070152.4); // => '55,070,152'
 * formatYuan(-1250.5); // => '-1,250'
 */
export function formatYuan(yuan: number | null | undefined, missing = NO_VALUE): string {
  if (!present(yuan)) return missing;
  const whole = Math.round(yuan);
  return (whole === 0 ? 0 : whole).toLocaleString('en-US');
}

/** A unit of time a target can name. */
export type TimeUnit = 'seconds' | 'minutes' | 'hours';

const TIME_UNIT_TEXT: Readonly<Record<TimeUnit, Readonly<Record<Language, string>>>> = {
  seconds: { zh: '秒', en: 's' },
  minutes: { zh: '分钟', en: 'min' },
  hours: { zh: '小时', en: 'h' },
};

const SECONDS_PER: Readonly<Record<TimeUnit, number>> = { seconds: 1, minutes: 60, hours: 3600 };

/**
 * A duration in a chosen unit, with the unit's name in the language asked.
 *
 * @param seconds the duration, seconds, or null
 * @param unit the unit to show it in
 * @param language `zh` (`15.4 小时`) or `en` (`15.4 h`)
 * @param digits decimals (1 by default)
 * @returns the text, or `NO_VALUE` for null
 * @example
 * formatDuration(55_440, 'hours', 'zh'); // => '15.4 小时'
 * formatDuration(55_440, 'minutes', 'en'); // => '924.0 min'
 * formatDuration(12.34, 'seconds', 'en', 0); // => '12 s'
 */
export function formatDuration(
  seconds: number | null | undefined,
  unit: TimeUnit,
  language: Language,
  digits = 1,
): string {
  if (!present(seconds)) return NO_VALUE;
  return `${formatNumber(seconds / SECONDS_PER[unit], digits)} ${TIME_UNIT_TEXT[unit][language]}`;
}

/**
 * A duration in words for a person, rounded as an estimate is: `about 14 h`,
 * `about 2 h 5 min`, `about 40 min`, `about 30 s` (the command line's
 * estimate of a long run).
 *
 * @param seconds a duration, >= 0
 * @returns the text
 * @example
 * formatApproximateDuration(50_400); // => 'about 14 h'
 * formatApproximateDuration(7_500); // => 'about 2 h 5 min'
 * formatApproximateDuration(29.6); // => 'about 30 s'
 */
export function formatApproximateDuration(seconds: number): string {
  if (!(seconds >= 60)) return `about ${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours >= 10 || rest === 0 ? `about ${Math.round(minutes / 60)} h` : `about ${hours} h ${rest} min`;
}

/**
 * A number rounded to a few significant digits, for values a person reads
 * (29,411.764705882353 is read as 29,410): the rounding of the shown value,
 * never of a value computed with.
 *
 * @param value the number
 * @param digits significant digits (4 by default)
 * @returns the rounded number (0 stays 0)
 * @example
 * significant(29411.764705882353); // => 29410
 * significant(0.8181818181818182, 2); // => 0.82
 */
export function significant(value: number, digits = 4): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/**
 * A number for reading: rounded to `digits` significant digits, printed with
 * thousands separators and no trailing zeros.
 *
 * @param value the number
 * @param digits significant digits (4 by default)
 * @returns the text
 * @example
 * formatSignificant(29411.764705882353); // => '29,410'
 * formatSignificant(0.8181818181818182, 2); // => '0.82'
 * formatSignificant(5e-6); // => '0.000005'
 */
export function formatSignificant(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  const rounded = significant(value, digits);
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 12 });
}
