import { join } from 'node:path';
import { readScenarioFile } from '../../sim/io/scenarioFile.js';
import { makeReport, shanghai12333CostModel } from '../../sim/report/makeReport.js';
import type { Report } from '../../sim/report/types.js';

/**
 * The seeded short run behind the golden files and the browser test: the
 * 12333 2020 scenario's first 14 days, 3 replications, seed 7, a 3-day
 * sensitivity run with 2 replications per variant, the Erlang A check, the
 * 12333 cost model and no real-records check (the records live outside the
 * repository). Everything runs in this thread (`workers: 0`), so no build is
 * needed. The generator is fixed, so that a version bump changes no golden file.
 */
export const GOLDEN_RUN = {
  days: 14,
  replications: 3,
  seed: 7,
  sensitivity: { days: 3, replications: 2 },
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
    notes: ['The check against a real call center is not part of the golden run.'],
    generator: { version: 'golden', command: 'test/report/goldenRun.ts' },
  });
  return cached;
}
