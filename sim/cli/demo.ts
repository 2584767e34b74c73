/**
 * `npm run demo`: the budget-justification report of the Shanghai 12333 2020
 * scenario (data/shanghai-12333-2020/scenario.json), as `hotline report` makes
 * it: `DEMO_REPLICATIONS` simulated years, a quick sensitivity run and the
 * validation checks, with the 12345 liaison desk's own target table as a
 * section (`makeReport`'s default for this scenario). It prints the verdict and the target table and writes
 * reports/shanghai-12333-2020/report.{html,md,json}, the committed sample (or, with `--out <dir>`,
 * the same files in that folder: `npm run bench` times it without touching the sample).
 *
 * Under the table it prints an analytic cross-check: the agents a typical
 * weekday's busiest half hour needs for an 80% answer rate under Erlang A
 * with redials (`weekdayStaffingRows`: exact formulas, no simulation; calls
 * arrive as a Poisson stream within each half hour, handle times and patience
 * are exponential).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  makeReport,
  readAnonymousBankCalls,
  readScenarioFile,
  retrialEquilibrium,
  sensitivityVariantCount,
  shanghai12333Defaults,
  shanghai12333Load2020,
  staffingPlan,
} from '../index.js';
import type { RetrialEquilibrium } from '../index.js';
import { packageVersion } from '../core/buildVersion.js';
import { packageRoot } from '../core/packageRoot.js';
import { Progress } from './output.js';
import {
  anonymousBankCheck,
  costModelFor,
  DEFAULT_BANK_RECORDS,
  formatReportSummary,
  writeReportFiles,
} from './report.js';

/** Index of the weekday shown (0 = Monday): Tuesday, the typical Tue-Fri weekday (factor 1.10). */
const TUESDAY = 1;
/** Length of an interval, hours. */
const HALF_HOUR = 0.5;

/** One half hour of the demo table. */
export interface DemoRow {
  /** `HH:MM` */
  start: string;
  /** Expected fresh (first) agent-bound attempts in the half hour. */
  calls: number;
  /** Expected attempts offered, redials included. */
  attempts: number;
  /** Agents on the phones for the answer-rate target, redials included. */
  agents: number;
  /** Agents the same target needs if nobody redialled (Erlang A alone). */
  agentsWithoutRedials: number;
  /** Staff to schedule: agents / (1 - shrinkage), rounded up. */
  staff: number;
  /** The equilibrium with redials at `agents`. */
  equilibrium: RetrialEquilibrium;
}

/** `HH:MM` of the start of half-hour slot `slot` (0 = 00:00). */
export function halfHourStart(slot: number): string {
  return `${String(Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 === 0 ? '00' : '30'}`;
}

/**
 * The demo's table: one row per half hour of a Tuesday under the 12333
 * default load, staffed so that at least `answerRateTarget` of the offered
 * attempts (redials included) are answered. The search starts from the
 * Erlang A answer without redials (`staffingPlan`), a lower bound since
 * redials only add load, and adds agents until the equilibrium meets the
 * target.
 *
 * @returns 48 rows, 00:00 first
 * @example
 * weekdayStaffingRows().find((row) => row.start === '09:30')?.agents; // agents needed at 09:30
 */
export function weekdayStaffingRows(): DemoRow[] {
  const d = shanghai12333Defaults;
  const callsPerDay = shanghai12333Load2020.dailyCalls * (shanghai12333Load2020.weekdayFactors[TUESDAY] ?? 1);
  const intervals = shanghai12333Load2020.intradayShares.map((share, slot) => ({
    start: halfHourStart(slot),
    arrivalsPerHour: (callsPerDay * share) / HALF_HOUR,
    meanHandleSeconds: d.meanHandleSeconds,
    meanPatienceSeconds: d.meanPatienceSeconds,
    answerWithinSeconds: d.answerWithinSeconds,
  }));
  const withoutRedials = staffingPlan(intervals, { answerRate: d.answerRateTarget });
  return intervals.map((interval, slot) => {
    const agentsWithoutRedials = withoutRedials[slot]?.requiredAgents ?? 0;
    const solve = (agents: number): RetrialEquilibrium =>
      retrialEquilibrium({
        agents,
        freshCallsPerHour: interval.arrivalsPerHour,
        meanHandleSeconds: interval.meanHandleSeconds,
        meanPatienceSeconds: interval.meanPatienceSeconds,
        answerWithinSeconds: interval.answerWithinSeconds,
        redialProbability: d.redialProbability,
        maxAttempts: d.maxAttempts,
      });
    let agents = agentsWithoutRedials;
    let equilibrium = solve(agents);
    while (equilibrium.answerRatePerAttempt < d.answerRateTarget) {
      agents += 1;
      equilibrium = solve(agents);
    }
    return {
      start: interval.start,
      calls: interval.arrivalsPerHour * HALF_HOUR,
      attempts: equilibrium.offeredAttemptsPerHour * HALF_HOUR,
      agents,
      agentsWithoutRedials,
      staff: Math.ceil(agents / (1 - d.shrinkage) - 1e-9),
      equilibrium,
    };
  });
}

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Replications of the 2020 year in the demo: enough for a stable verdict in under two minutes on two cores. */
export const DEMO_REPLICATIONS = 10;
/** The quick sensitivity run of the demo: the first 28 days, 4 replications per variant. */
export const DEMO_SENSITIVITY = { days: 28, replications: 4 } as const;
/** The scenario the demo reports on, relative to the package root. */
export const DEMO_SCENARIO = 'data/shanghai-12333-2020/scenario.json';

/** The one-line analytic cross-check printed under the report's table: Erlang A with redials at the peak. */
function analyticLine(): string {
  const d = shanghai12333Defaults;
  const rows = weekdayStaffingRows();
  const peak = rows.reduce((best, row) => (row.agents > best.agents ? row : best));
  return (
    `Analytic cross-check (Erlang A with redials, a Tuesday of the default load): the peak half hour ${peak.start} ` +
    `needs ${peak.agents} agents on the phones (${peak.staff} staff scheduled) for ${percent(d.answerRateTarget)}, ` +
    `against ${d.seats} seats.`
  );
}

/**
 * The folder `--out <dir>` names on the demo's command line (the benchmark writes the
 * report there instead of over the committed sample), or undefined.
 */
function demoOutput(args: readonly string[]): string | undefined {
  const at = args.indexOf('--out');
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(): Promise<void> {
  const started = Date.now();
  // Paths relative to the package, so that the report names no folder of this machine.
  process.chdir(packageRoot());
  const file = readScenarioFile(DEMO_SCENARIO);
  const bankPath = resolve(DEFAULT_BANK_RECORDS);
  const bank = existsSync(bankPath) ? readAnonymousBankCalls(bankPath) : undefined;
  const command = `npm run demo (hotline report ${DEMO_SCENARIO} --replications ${DEMO_REPLICATIONS} --seed 1)`;
  process.stdout.write(
    `hotline-planner demo: ${file.meta.title}\nSimulating ${DEMO_REPLICATIONS} years of every call, a quick sensitivity run ` +
      `(${DEMO_SENSITIVITY.days} days x ${DEMO_SENSITIVITY.replications} replications x ${sensitivityVariantCount(file.scenario)} variants), ` +
      `${DEMO_REPLICATIONS} years of the 12345 liaison desk and the validation checks...\n\n`,
  );
  const progress = new Progress(
    'simulations',
    DEMO_REPLICATIONS + sensitivityVariantCount(file.scenario) * DEMO_SENSITIVITY.replications,
  );
  let report;
  try {
    report = await makeReport(file, {
      replications: DEMO_REPLICATIONS,
      seed: 1,
      sensitivity: { ...DEMO_SENSITIVITY },
      costModel: costModelFor(file),
      realCallCenter: bank ? anonymousBankCheck(bank.records) : null,
      notes: bank
        ? []
        : [
            `The check against a real call center was not run: ${DEFAULT_BANK_RECORDS} was not found beside the package.`,
          ],
      generator: { version: packageVersion(), command },
      onProgress: (done) => progress.update(done),
    });
  } finally {
    progress.stop();
  }
  const paths = await writeReportFiles(
    demoOutput(process.argv.slice(2)) ?? join('reports', file.meta.name),
    report,
  );
  process.stdout.write(
    `${formatReportSummary(report)}\n${analyticLine()}\n\nWrote ${paths.html}, ${paths.markdown} and ${paths.json} ` +
      `in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`,
  );
}

// Print only when run as a program (`node dist/sim/cli/demo.js`), not when imported by a test.
if (/[\\/]demo\.[jt]s$/.test(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
