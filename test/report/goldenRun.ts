import { join } from 'node:path';
import { readScenarioFile } from '../../sim/io/scenarioFile.js';
import { makeReport, shanghai12333CostModel } from '../../sim/report/makeReport.js';
import type { Report } from '../../sim/report/types.js';

/**
 * The seeded short run behind the golden files and the browser test: the
 * 12333 2020 scenario's first 14 days, 3 replications, seed 7, a 3-day
 * sensitivity run with 2 replications per variant, the Erlang A check, the
 * 12333 cost model, a least-budget search of 2 then 4 replications a budget,
 * no real-records check (it has its own test) and a fixed date on the cover.
 * Everything runs in this thread (`workers: 0`), so no build is needed. The
 * generator is fixed, so that a version bump changes no golden file.
 */
export const GOLDEN_RUN = {
  days: 14,
  replications: 3,
  seed: 7,
  sensitivity: { days: 3, replications: 2 },
  leastBudget: { batchReplications: 2, maxReplications: 4 },
  date: '2019-12-31',
} as const;

let cached: Promise<Report> | undefined;

/** The report of the golden run (made once per test file). */
export function goldenReport(): Promise<Report> {
  cached ??= makeReport(readScenarioFile(join('data', 'shanghai-12333-2020', 'scenario.json')), {
    replications: GOLDEN_RUN.replications,
    seed: GOLDEN_RUN.seed,
    days: GOLDEN_RUN.days,
    workers: 0,
    sensitivity: { ...GOLDEN_RUN.sensitivity },
    costModel: shanghai12333CostModel(),
    leastBudget: { ...GOLDEN_RUN.leastBudget },
    notes: [
      {
        zh: '金标准测算不含真实呼叫中心对照。',
        en: 'The check against a real call center is not part of the golden run.',
      },
    ],
    date: GOLDEN_RUN.date,
    generator: { version: 'golden', command: 'test/report/goldenRun.ts' },
  });
  return cached;
}
