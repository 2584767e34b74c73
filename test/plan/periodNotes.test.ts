import { describe, expect, it } from 'vitest';
import { periodNotes } from '../../sim/plan/periodNotes.js';

describe('periodNotes', () => {
  it('says what a period means for the targets, in Chinese and English (exact)', () => {
    const notes = periodNotes(
      { startDate: '2020-01-01', days: 366 },
      { startDate: '2020-07-01', days: 31 },
      true,
    );
    expect(notes[1]).toEqual({
      zh: '季度指标只按模拟的天数判定：2020-Q3 模拟了 92 天中的 31 天',
      en: 'quarterly rows judge the days simulated only: 2020-Q3 has 31 of its 92 days',
    });
    expect(notes).toHaveLength(4);
    expect(notes[3]?.zh).toBe(
      '人员队伍按情景全年在 2020-07-01 的状态开始：先模拟自 2020-01-01 起的流失、招聘与培训',
    );
    expect(
      periodNotes({ startDate: '2020-01-01', days: 366 }, { startDate: '2020-01-01', days: 366 }, true),
    ).toEqual([]);
  });
});
