import { describe, expect, it } from 'vitest';
import { kpisOf } from '../../sim/model/kpis.js';
import type { Kpis, PeriodCounts } from '../../sim/model/types.js';
import { summariseKpis } from '../../sim/plan/replicate.js';
import { PERIOD_COUNT_FIELDS } from '../../sim/model/kpis.js';

/** Counts of one replication's period, zero but for the fields given. */
function counts(fields: Partial<PeriodCounts>): PeriodCounts {
  const row = {} as PeriodCounts;
  for (const field of PERIOD_COUNT_FIELDS) row[field] = 0;
  return { ...row, ...fields };
}

describe('summariseKpis', () => {
  it('summarises every KPI, the survey and QA ones included', () => {
    // Two replications, worked by hand: satisfaction 95/100 and 97/100 (mean 0.96),
    // complaints 1/1000 and 3/1000 (mean 0.002), QA 49/50 and 50/50 (mean 0.99).
    const runs: Kpis[] = [
      kpisOf(
        counts({
          offered: 1000,
          answered: 1000,
          answeredWithSurvey: 1000,
          surveyed: 100,
          surveyPositive: 95,
          complaints: 1,
          qaSampled: 50,
          qaPassed: 49,
        }),
      ),
      kpisOf(
        counts({
          offered: 1000,
          answered: 1000,
          answeredWithSurvey: 1000,
          surveyed: 100,
          surveyPositive: 97,
          complaints: 3,
          qaSampled: 50,
          qaPassed: 50,
        }),
      ),
    ];
    const summary = summariseKpis(runs);
    expect(summary.satisfaction?.mean).toBeCloseTo(0.96, 12);
    expect(summary.complaintRate?.mean).toBeCloseTo(0.002, 12);
    expect(summary.qaPassRate?.mean).toBeCloseTo(0.99, 12);
    // Every field of Kpis has an entry (a value or null), none is missing.
    expect(Object.keys(summary).sort()).toEqual(Object.keys(runs[0]!).sort());
  });

  it('gives null for a KPI no replication measures', () => {
    const summary = summariseKpis([kpisOf(counts({ offered: 10, answered: 10 }))]);
    expect(summary.satisfaction).toBeNull();
    expect(summary.answerRate?.mean).toBe(1);
  });
});
