import { describe, expect, it } from 'vitest';
import type { TargetSet } from '../../sim/core/targets.js';
import { assessTargets, type MeasuredRun } from '../../sim/plan/assessTargets.js';
import { reportTargetTable, rowNote } from '../../sim/report/targetTable.js';
import { testIndicator as indicator } from '../plan/fixtures.js';

const PERIODS = ['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4'];

const set: TargetSet = {
  formatVersion: 1,
  id: 'test',
  title: { zh: '测试', en: 'test' },
  source: 'test',
  indicators: [
    indicator('answer', { targetText: '>80%' }),
    indicator('repair3', {
      comparison: '<=',
      value: 1440,
      unit: 'minutes',
      kpi: 'faultRepairMinutes',
      faultLevel: 3,
      targetText: '≤24小时',
    }),
    indicator('earmarked', { comparison: '=', value: 1, kpi: 'earmarkedShare', targetText: '=1' }),
    indicator('rules', {
      comparison: null,
      value: '健全',
      unit: 'text',
      kpi: null,
      modelledBy: 'not modelled (qualitative)',
    }),
  ],
};

/** A run from its quarterly answer rates and level-3 repair minutes; the year's share earmarked is 1. */
function run(answer: number[], repair: (number | null)[]): MeasuredRun {
  return {
    quarters: PERIODS.map((period, q) => ({
      period,
      values: { answerRate: answer[q] ?? null, 'faultRepairMinutes:3': repair[q] ?? null },
    })),
    year: { earmarkedShare: 1 },
  };
}

// Four replications. Answer rate (> 0.8): Q3 fails in r0 and r1, Q4 in r1 only, so Q3 is the weakest
// (2 of 4 met) although Q4's mean is lower. Level-3 repair (<= 1,440 min): always met.
const runs = [
  run([0.85, 0.84, 0.79, 0.81], [600, null, 700, 900]),
  run([0.86, 0.83, 0.78, 0.75], [500, 800, null, null]),
  run([0.84, 0.85, 0.82, 0.81], [null, null, 650, 720]),
  run([0.87, 0.84, 0.83, 0.76], [550, 610, 630, null]),
];
const assessment = assessTargets(set, runs, { confidence: 0.9 });
const table = reportTargetTable(set, assessment, 'perAttempt', {
  earmarkedShare: { zh: '按构造为 1', en: 'one by construction' },
});
const row = (id: string) => table.rows.find((r) => r.id === id)!;

describe('reportTargetTable', () => {
  it('shows each quarter’s value and marks the quarter least likely to meet the target (exact, by hand)', () => {
    const answer = row('answer');
    expect(answer.quarters.map((q) => q.mean)).toEqual([
      (0.85 + 0.86 + 0.84 + 0.87) / 4,
      (0.84 + 0.83 + 0.85 + 0.84) / 4,
      (0.79 + 0.78 + 0.82 + 0.83) / 4,
      (0.81 + 0.75 + 0.81 + 0.76) / 4,
    ]);
    expect(answer.quarters.map((q) => q.probability?.successes)).toEqual([4, 4, 2, 2]);
    // Q3 and Q4 tie at 2 of 4; Q4's mean (0.7825) is the worse: it is the weakest.
    expect(answer.worstQuarter).toBe(3);
    expect(answer.displayUnit).toBe('percent');
    // Met in every quarter by r2 only: 1 of 4, Wilson [0.046, 0.699], below 0.9.
    expect(answer.probability?.successes).toBe(1);
    expect(answer.status).toBe('fail');
  });

  it('shows a ≤24小时 row in hours and a =1 row as a ratio', () => {
    expect(row('repair3').displayUnit).toBe('hours');
    expect(row('earmarked').displayUnit).toBe('ratio');
  });

  it('says why a row true by construction holds, only when every replication meets it', () => {
    expect(row('earmarked')).toMatchObject({
      status: 'byConstruction',
      byConstruction: { en: 'one by construction' },
    });
    expect(row('repair3').byConstruction).toBeNull();
    expect(row('rules')).toMatchObject({ status: 'notSimulated', note: { zh: '定性指标，不作模拟' } });
  });

  it('gives the replications that would decide an undecided row', () => {
    // Level-3 repair met in all 4: [0.51, 1] straddles 0.9; 35 all-met replications would decide.
    expect(row('repair3')).toMatchObject({ status: 'undecided', replicationsToDecide: 35 });
    expect(row('answer').replicationsToDecide).toBeNull(); // decided: it fails
  });

  it('translates the reasons a row is not simulated', () => {
    expect(rowNote('not simulated (not modelled (the platform exists))').zh).toBe('平台已建成，不作模拟');
    expect(rowNote(null)).toEqual({ zh: '', en: '' });
    expect(rowNote('not simulated (something new)')).toEqual({
      zh: '未模拟（not simulated: something new）',
      en: 'not simulated: something new',
    });
  });
});
