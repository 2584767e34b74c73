/*
 * What simulating a period of a scenario, rather than its whole horizon,
 * means for the target table, in sentences (Chinese and English).
 */

import { addDays, daysBetween } from '../core/dates.js';

/** A sentence in Chinese and English. */
export interface PeriodNote {
  zh: string;
  en: string;
}

/**
 * What simulating a period rather than the whole horizon means for the target
 * table, in sentences (none for the whole horizon): the period and the
 * horizon, the quarters it covers only in part (quarterly rows judge the days
 * simulated), the rows judged on the year, and the workforce's start.
 *
 * @param horizon the scenario file's first day and length
 * @param period the period simulated
 * @param hasWorkforce whether the scenario simulates its workforce
 * @returns the sentences, Chinese and English
 * @example
 * periodNotes({ startDate: '2020-01-01', days: 366 }, { startDate: '2020-07-01', days: 31 }, true)[1]?.en;
 * // => 'quarterly rows judge the days simulated only: 2020-Q3 has 31 of its 92 days'
 */
export function periodNotes(
  horizon: { startDate: string; days: number },
  period: { startDate: string; days: number },
  hasWorkforce: boolean,
): PeriodNote[] {
  if (period.startDate === horizon.startDate && period.days === horizon.days) return [];
  const last = addDays(period.startDate, period.days - 1);
  const horizonLast = addDays(horizon.startDate, horizon.days - 1);
  const notes: PeriodNote[] = [
    {
      zh: `模拟期：${period.startDate} 至 ${last}，为情景 ${horizon.days} 天（${horizon.startDate} 至 ${horizonLast}）中的 ${period.days} 天`,
      en:
        `period simulated: ${period.startDate} to ${last}, ${period.days} of the scenario's ${horizon.days} days ` +
        `(${horizon.startDate} to ${horizonLast})`,
    },
  ];
  const quarters = new Map<string, { simulated: number; total: number }>();
  for (let d = 0; d < period.days; d++) {
    const date = addDays(period.startDate, d);
    const year = Number(date.slice(0, 4));
    const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
    const key = `${year}-Q${q + 1}`;
    const entry = quarters.get(key);
    if (entry !== undefined) entry.simulated++;
    else {
      const month = (m: number): string =>
        `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
      quarters.set(key, { simulated: 1, total: daysBetween(month(q * 3), month(q * 3 + 3)) });
    }
  }
  const partial = [...quarters].filter(([, q]) => q.simulated < q.total);
  if (partial.length > 0) {
    notes.push({
      zh: `季度指标只按模拟的天数判定：${partial.map(([key, q]) => `${key} 模拟了 ${q.total} 天中的 ${q.simulated} 天`).join('，')}`,
      en:
        'quarterly rows judge the days simulated only: ' +
        partial.map(([key, q]) => `${key} has ${q.simulated} of its ${q.total} days`).join(', '),
    });
  }
  notes.push({
    zh: `按全年判定的指标（人员流失率、年度考核次数）只看这 ${period.days} 天`,
    en: `rows judged on the year (turnover, the yearly assessments) see only these ${period.days} days`,
  });
  if (hasWorkforce && period.startDate !== horizon.startDate) {
    notes.push({
      zh: `人员队伍按情景全年在 ${period.startDate} 的状态开始：先模拟自 ${horizon.startDate} 起的流失、招聘与培训`,
      en:
        `the workforce starts as the scenario's year has it on ${period.startDate}: its churn, hiring and ` +
        `training from ${horizon.startDate} are simulated first`,
    });
  }
  return notes;
}
