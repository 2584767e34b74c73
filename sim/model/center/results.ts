import { distributionMean } from '../distributions.js';
import { summariseFaults } from '../faults.js';
import { PERIOD_COUNT_FIELDS, kpisOf, quarterOf } from '../kpis.js';
import { localDateTime } from '../scenario.js';
import type { IntervalRow, PeriodCounts, PeriodRow, Scenario, SimulationResult } from '../types.js';
import type { CountColumns } from './callCenter.js';
import type { RunOutput } from './run.js';
import type { PreparedRun } from './setup.js';
import { surveyReview } from './survey.js';

/**
 * Every count at 0, with the fields in their order: rows start from it and have
 * their counts set by name (adding the fields one by one by name would turn each
 * row into a dictionary, slow to build, to read and to send between threads).
 */
const ZERO_COUNTS: PeriodCounts = Object.fromEntries(PERIOD_COUNT_FIELDS.map((field) => [field, 0])) as never;

/**
 * The result of a run as plain rows: one per interval, roll-ups per day, month,
 * quarter and the horizon, the horizon's KPIs, warnings, the end state, and the
 * optional sections (call records, the workforce year, faults, the survey's
 * review workload).
 *
 * @param scenario the scenario run
 * @param run what `prepareRun` prepared
 * @param out what `runCallCenter` left
 * @returns the simulation's result (timing's `runSeconds` left at 0 for the caller)
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const run = prepareRun(scenario, { seed: 1 }, 'hybrid');
 * const result = buildResult(scenario, run, runCallCenter(run.input));
 * result.kpis.answerRate; // => 0.9005
 * result.kpis.answerRate === simulate(scenario, { seed: 1 }).kpis.answerRate; // => true (what simulate gives)
 */
export function buildResult(scenario: Scenario, run: PreparedRun, out: RunOutput): SimulationResult {
  const { n, L, columns, agents, recorder } = run.input;
  // With a survey every answered attempt is exposed to its draws.
  if (run.input.survey !== null) columns.answeredWithSurvey.set(columns.answered);
  const intervals: IntervalRow[] = new Array<IntervalRow>(n);
  for (let i = 0; i < n; i++) {
    const row: IntervalRow = {
      index: i,
      startSeconds: i * L,
      start: localDateTime(run.startMs, i * L),
      agents: agents[i] ?? 0,
      agentsPlanned: run.plannedAgents[i] ?? 0,
      ...ZERO_COUNTS,
    };
    for (const field of PERIOD_COUNT_FIELDS) row[field] = columns[field][i] as number;
    intervals[i] = row;
  }
  const horizon = rollUpColumns(columns, n, L, () => 'horizon')[0]!;
  const result: SimulationResult = {
    seed: run.seed,
    replication: run.replication,
    intervals,
    days: rollUpColumns(columns, n, L, (i) => intervals[i]!.start.slice(0, 10)),
    months: rollUpColumns(columns, n, L, (i) => intervals[i]!.start.slice(0, 7)),
    quarters: rollUpColumns(columns, n, L, (i) => quarterOf(intervals[i]!)),
    horizon,
    kpis: kpisOf(horizon),
    warnings: warningsOf(scenario, run, out),
    endState: {
      endSeconds: out.endSeconds,
      stillWaiting: out.stillWaiting,
      busyAgents: out.busy,
      pendingRedials: out.pendingRedials,
    },
    timing: { runSeconds: 0, events: out.events, attempts: out.attempts },
  };
  if (recorder) result.records = recorder.toRecords();
  if (run.workforce !== undefined) result.workforce = run.workforce;
  const faultLevels = scenario.faults?.levels;
  if (faultLevels !== undefined && run.episodes !== null) {
    const all = run.episodes;
    result.faults = {
      episodes: all,
      byLevel: summariseFaults(faultLevels, all),
      byQuarter: result.quarters.map((q) => ({
        period: q.period,
        byLevel: summariseFaults(
          faultLevels,
          all.filter((e) => e.startSeconds >= q.startSeconds && e.startSeconds < q.endSeconds),
        ),
      })),
      callsCutOff: out.callsCutOff,
    };
  }
  if (scenario.survey !== undefined) result.survey = surveyReview(scenario.survey, result.months);
  return result;
}

/** Modelling concerns of a run: an unstable queue, a warm-up covering the run, an incomplete cohort, capped records. */
function warningsOf(scenario: Scenario, run: PreparedRun, out: RunOutput): string[] {
  const { n, L, agents, selfShare, warmupSeconds, warmupArrivals, cohortLimit, recorder } = run.input;
  const warnings: string[] = [];
  if (!scenario.patience) {
    const meanHandle = distributionMean(scenario.handle);
    let unstable = 0;
    let first = -1;
    for (let i = 0; i < n; i++) {
      const load = (((run.expected[i] ?? 0) * (1 - selfShare)) / L) * meanHandle;
      if (load > 0 && load >= (agents[i] ?? 0)) {
        unstable++;
        if (first < 0) first = i;
      }
    }
    if (unstable > 0) {
      warnings.push(
        `${unstable} interval(s) have an offered load at or above the agents and nobody abandons, so the queue grows without limit there (first at ${localDateTime(run.startMs, first * L)})`,
      );
    }
  }
  if (out.postWarmup <= warmupArrivals) {
    warnings.push(
      `no caller was measured: the warm-up (${warmupSeconds} s, ${warmupArrivals} arrivals) covers the whole run`,
    );
  } else if (cohortLimit !== Infinity && out.postWarmup - warmupArrivals < cohortLimit) {
    warnings.push(
      `only ${out.postWarmup - warmupArrivals} of the ${cohortLimit} callers to measure arrived before the end of the horizon`,
    );
  }
  if (cohortLimit !== Infinity && out.openMeasured > 0) {
    warnings.push(
      `${out.openMeasured} measured caller(s) were unresolved at the end of the horizon (${out.unresolvedWaiting} waiting, the others waiting to redial)`,
    );
  }
  if (recorder?.overflow) {
    warnings.push(`call records stopped at the cap of ${run.recordCap}; later attempts were not recorded`);
  }
  return warnings;
}

/**
 * `rollUp` on the columns rather than the row objects (the same sums, added in the
 * same order, so the same values; column by column is several times faster for a
 * year of intervals).
 */
function rollUpColumns(
  columns: CountColumns,
  n: number,
  L: number,
  key: (interval: number) => string,
): PeriodRow[] {
  const out: PeriodRow[] = [];
  let i = 0;
  while (i < n) {
    const period = key(i);
    let j = i + 1;
    while (j < n && key(j) === period) j++;
    const row: PeriodRow = { period, startSeconds: i * L, endSeconds: j * L, ...ZERO_COUNTS };
    for (const field of PERIOD_COUNT_FIELDS) {
      const column = columns[field];
      let sum = 0;
      for (let k = i; k < j; k++) sum += column[k]!;
      row[field] = sum;
    }
    out.push(row);
    i = j;
  }
  return out;
}
