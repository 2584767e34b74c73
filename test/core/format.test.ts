import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatFixed,
  formatNumber,
  formatPercent,
  formatPercentShort,
  formatSignificant,
  formatYuan,
  NO_VALUE,
  significant,
} from '../../sim/core/format.js';

// Exact, by hand.
describe('the formatting module', () => {
  it('prints fractions as percentages, with the missing sign for no value', () => {
    expect(formatPercent(0.93456)).toBe('93.5%');
    expect(formatPercent(0.93456, 2)).toBe('93.46%');
    expect(formatPercent(0.8, 0)).toBe('80%');
    expect(formatPercent(null)).toBe(NO_VALUE);
    expect(formatPercent(Number.NaN)).toBe(NO_VALUE);
    expect(formatPercent(undefined, 1, '-')).toBe('-');
  });

  it('prints a percentage written by people without floating-point noise or trailing zeros', () => {
    // 0.07 * 100 is 7.000000000000001 in binary floating point.
    expect(formatPercentShort(0.07)).toBe('7%');
    expect(formatPercentShort(0.975)).toBe('97.5%');
    expect(formatPercentShort(0.1 + 0.2)).toBe('30%');
    expect(formatPercentShort(0.834567, 2)).toBe('83.46%');
    expect(formatPercentShort(-0.00001, 2)).toBe('0%');
    expect(formatPercentShort(Number.NaN)).toBe(NO_VALUE);
  });

  it('prints plain fixed numbers for tables a program reads back', () => {
    expect(formatFixed(7.8359, 1)).toBe('7.8');
    expect(formatFixed(1234.5, 0)).toBe('1235');
    expect(formatFixed(-Infinity, 1)).toBe('-inf');
    expect(formatFixed(2.5e9, 1)).toBe('2.50e+9');
    expect(formatFixed(null, 1)).toBe(NO_VALUE);
    expect(formatFixed(undefined, 1, '-')).toBe('-');
  });

  it('prints numbers and money with thousands separators', () => {
    expect(formatNumber(1234.567, 1)).toBe('1,234.6');
    expect(formatNumber(1234.567)).toBe('1,235');
    expect(formatNumber(Infinity)).toBe(NO_VALUE);
    expect(formatYuan(55_070_152.4)).toBe('55,070,152');
    expect(formatYuan(-1_250.4)).toBe('-1,250');
    expect(formatYuan(-0.4)).toBe('0');
  });

  it('prints a duration in the unit a target names, in either language', () => {
    // 924.7 minutes = 55,482 s = 15.41 h.
    expect(formatDuration(924.7 * 60, 'hours', 'zh')).toBe('15.4 小时');
    expect(formatDuration(924.7 * 60, 'hours', 'en')).toBe('15.4 h');
    expect(formatDuration(924.7 * 60, 'minutes', 'zh')).toBe('924.7 分钟');
    expect(formatDuration(12.34, 'seconds', 'en', 0)).toBe('12 s');
    expect(formatDuration(null, 'seconds', 'en')).toBe(NO_VALUE);
  });

  it('rounds values a person reads to a few significant digits', () => {
    expect(significant(29411.764705882353)).toBe(29410);
    expect(significant(0.8181818181818182, 2)).toBe(0.82);
    expect(significant(0)).toBe(0);
    expect(formatSignificant(29411.764705882353)).toBe('29,410');
    expect(formatSignificant(5e-6)).toBe('0.000005');
    expect(formatSignificant(141874.0111, 3)).toBe('142,000');
  });
});
