import { availableParallelism } from 'node:os';
import { requireNonNegativeInteger, requirePositiveInteger } from '../core/validate.js';
import { KPI_DEFINITIONS, kpisOf, PERIOD_COUNT_FIELDS } from '../model/kpis.js';
import { checkScenario } from '../model/scenario.js';
import type { Kpis, PeriodCounts, PeriodRow, Scenario } from '../model/types.js';
import { summarise, summariseProportion, type Summary } from '../stats/summarise.js';
import { summariseChannels, type ChannelSummary, type GroupSummary } from './channelSummaries.js';
import { borrowPool, type ReplicationPool } from './replicationPool.js';
import type { ReplicationRun } from './runReplication.js';

export type { ReplicationRun } from './runReplication.js';

/** Options of `replicate`. */
export interface ReplicateOptions {
  /** Number of independent replications, a positive integer; replication r is `simulate(scenario, { seed, replication: r })`. */
  replications: number;
  /** The seed shared by every replication, a non-negative integer. */
  seed: number;
  /**
   * Worker threads. `0` runs every replication in the calling thread, one after
   * the other (no build needed; handy in a debugger). `1` or more start that many
   * worker threads (never more than `replications`) from the compiled
   * `dist/sim/plan/replicateWorker.js`, which must be up to date (`npm run build`).
   * The results are identical whatever the number.
   *
   * __Default value:__ the smaller of `replications` and the machine's available parallelism
   */
  workers?: number;
  /**
   * Where the replications run: an open pool (`openReplicationPool`,
   * `openQueuePool`), left open; `workers` is then ignored. The results are
   * identical whatever the pool.
   *
   * __Default value:__ `workers` worker threads, opened and closed by the call
   */
  pool?: ReplicationPool;
  /**
   * Called in the calling thread each time a replication finishes, in the order
   * they finish (not necessarily replication order), with the count done so far.
   *
   * __Default value:__ none
   */
  onProgress?: (done: number, total: number, run: ReplicationRun) => void;
  /**
   * Confidence level of the intervals of the mean, in (0, 1).
   *
   * __Default value:__ `0.95`
   */
  level?: number;
  /**
   * Keep every replication's interval rows in `runs` (a year of half hours is
   * 17,520 rows per replication).
   *
   * __Default value:__ `false`
   */
  keepIntervals?: boolean;
}

/** Each KPI summarised across replications; `null` when no replication had a value (for example no offered calls). */
export type KpiSummaries = { [K in keyof Kpis]: Summary | null };

/** Each count summarised across replications. */
export type CountSummaries = { [K in keyof PeriodCounts]: Summary };

/** KPIs of one period (a quarter, a month, a day) across replications. */
export interface PeriodSummary {
  /** `YYYY-Qn`, `YYYY-MM` or `YYYY-MM-DD`. */
  period: string;
  /** Start and end of the period, seconds from the start of the horizon. */
  startSeconds: number;
  endSeconds: number;
  /** Each KPI of the period (a ratio of the period's sums in each replication) across replications. */
  kpis: KpiSummaries;
}

/** Result of `replicate`. Everything but the `timing` fields is determined by the scenario, the seed and the number of replications. */
export interface ReplicationResult {
  seed: number;
  replications: number;
  /** Confidence level of every `ciLow`/`ciHigh`. */
  level: number;
  /** KPIs of the whole horizon across replications. */
  kpis: KpiSummaries;
  /** Counts of the whole horizon across replications (offered, answered, ...). */
  counts: CountSummaries;
  /** Per quarter: KPIs and counts across replications. */
  quarters: (PeriodSummary & { counts: CountSummaries })[];
  /** Per month and per day: KPIs across replications. */
  months: PeriodSummary[];
  days: PeriodSummary[];
  /** Per day of the week and hour of the day (168 rows, Monday 00:00 first): KPIs across replications. */
  weekdayHours: { weekday: number; hour: number; kpis: KpiSummaries }[];
  /** Per interval (`period` is its local start `YYYY-MM-DDTHH:MM`), only with `keepIntervals: true`. */
  intervals?: PeriodSummary[];
  /** Every replication, in replication order. */
  runs: ReplicationRun[];
  /** Each distinct warning, prefixed by the replications that gave it: `[r0, r3] ...`. */
  warnings: string[];
  /**
   * Each channel across replications (KPIs and counts, whole horizon and per
   * quarter), when the scenario has channels; `voice` repeats the top level.
   */
  channels?: Partial<Record<'voice' | 'chat' | 'message' | 'callback', ChannelSummary>>;
  /** Each agent group across replications, when the scenario has channels. */
  groups?: GroupSummary[];
  /** Wall-clock time, worker threads of this process and where the runs went (`ReplicationPool.where`); differs between identical runs. */
  timing: { wallSeconds: number; workers: number; where: string; simulatedSeconds: number };
}

const KPI_NAMES = Object.keys(KPI_DEFINITIONS) as (keyof Kpis)[];

/**
 * Summarise each KPI across replications: mean, sd, confidence interval of the
 * mean, p05, p95; `summariseProportion` for the proportions of
 * `KPI_DEFINITIONS` (rates, service levels, occupancy, P(wait)), whose
 * intervals stay within [0, 1], and `summarise` (Student t) for the means in
 * seconds or callers. A replication whose KPI is `null` (its
 * denominator was 0, e.g. no call offered) is left out of that KPI's
 * summary, so `n` can be smaller than the number of replications; a KPI with
 * no value at all is `null`.
 *
 * @param kpisOfRuns one `Kpis` per replication (for example `kpisOf(run.quarters[0])`)
 * @param level confidence level of the intervals, in (0, 1); 0.95 by default
 * @returns a summary (or `null`) per KPI
 * @throws {RangeError} when `level` is outside (0, 1)
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const result = await replicate(scenario, { replications: 2, seed: 1, workers: 0 });
 * summariseKpis(result.runs.map((run) => kpisOf(run.horizon))).answerRate?.mean === result.kpis.answerRate?.mean; // => true
 * summariseKpis(result.runs.map((run) => kpisOf(run.horizon))).answerRate?.n; // => 2
 */
export function summariseKpis(kpisOfRuns: readonly Kpis[], level = 0.95): KpiSummaries {
  const summaries = {} as KpiSummaries;
  for (const name of KPI_NAMES) {
    const values: number[] = [];
    for (const kpis of kpisOfRuns) {
      const value = kpis[name];
      if (value !== null) values.push(value);
    }
    const summary = KPI_DEFINITIONS[name].proportion ? summariseProportion : summarise;
    summaries[name] = values.length > 0 ? summary(values, level) : null;
  }
  return summaries;
}

function summariseCounts(rows: readonly PeriodCounts[], level: number): CountSummaries {
  const summaries = {} as CountSummaries;
  for (const name of PERIOD_COUNT_FIELDS)
    summaries[name] = summarise(
      rows.map((row) => row[name]),
      level,
    );
  return summaries;
}

function summarisePeriods(
  runs: readonly ReplicationRun[],
  pick: (run: ReplicationRun) => readonly PeriodRow[],
  level: number,
): PeriodSummary[] {
  const picked = runs.map(pick);
  const first = picked[0];
  if (first === undefined) return [];
  return first.map((row, index) => ({
    period: row.period,
    startSeconds: row.startSeconds,
    endSeconds: row.endSeconds,
    kpis: summariseKpis(
      picked.map((rows) => kpisOf(rows[index] ?? row)),
      level,
    ),
  }));
}

/** Aggregate runs, given in replication order, into a `ReplicationResult`. */
function aggregate(
  runs: readonly ReplicationRun[],
  seed: number,
  level: number,
  intervalSeconds: number,
  timing: ReplicationResult['timing'],
): ReplicationResult {
  const quarters = summarisePeriods(runs, (run) => run.quarters, level).map((summary, index) => ({
    ...summary,
    counts: summariseCounts(
      runs.map((run) => run.quarters[index] as PeriodCounts),
      level,
    ),
  }));
  const warningRuns = new Map<string, number[]>();
  for (const run of runs) {
    for (const warning of run.warnings) {
      const list = warningRuns.get(warning) ?? [];
      list.push(run.replication);
      warningRuns.set(warning, list);
    }
  }
  const result: ReplicationResult = {
    seed,
    replications: runs.length,
    level,
    kpis: summariseKpis(
      runs.map((run) => run.kpis),
      level,
    ),
    counts: summariseCounts(
      runs.map((run) => run.horizon),
      level,
    ),
    quarters,
    months: summarisePeriods(runs, (run) => run.months, level),
    days: summarisePeriods(runs, (run) => run.days, level),
    weekdayHours: (runs[0]?.weekdayHours ?? []).map((cell, index) => ({
      weekday: cell.weekday,
      hour: cell.hour,
      kpis: summariseKpis(
        runs.map((run) => kpisOf(run.weekdayHours[index] ?? cell)),
        level,
      ),
    })),
    runs: [...runs],
    warnings: [...warningRuns].map(
      ([warning, list]) => `[${list.map((r) => `r${r}`).join(', ')}] ${warning}`,
    ),
    timing,
  };
  const channels = summariseChannels(runs, level);
  if (channels !== undefined) {
    result.channels = channels.channels;
    result.groups = channels.groups;
  }
  if (runs[0]?.intervals !== undefined) {
    result.intervals = summarisePeriods(
      runs,
      (run) =>
        (run.intervals ?? []).map((row) => ({
          ...row,
          period: row.start,
          endSeconds: row.startSeconds + intervalSeconds,
        })),
      level,
    );
  }
  return result;
}

/**
 * Run independent replications of a scenario, on worker threads, and
 * summarise every KPI across them: mean, standard deviation, confidence
 * interval of the mean (Student t, 95% by default) and 5th and 95th
 * percentiles, for the whole horizon and per quarter, month and day.
 *
 * Replication r is `simulate(scenario, { seed, replication: r })`; its random
 * streams depend only on (seed, r, stream name), and runs are aggregated in
 * replication order, so 0, 1, 2 or 4 workers give identical results (only the
 * `timing` fields differ). A period's KPI in one replication is a ratio of the
 * period's sums (an attempt counted in the period it arrives in, a caller in
 * the period of its first attempt); the summaries are across replications of
 * those ratios. The mean of the 95% interval is where the long-run KPI lies;
 * p05 and p95 say how much a single year may fall short of it.
 *
 * Replications run on `options.pool` when one is given (worker threads kept
 * open between calls, or a Redis queue that `hotline worker` processes on
 * other machines take from: `openQueuePool`), otherwise on `workers` worker
 * threads started from the compiled `dist/sim/plan/replicateWorker.js`, found
 * from the package root (`HOTLINE_PLANNER_ROOT`, or walking up from the
 * working directory), so the same call works from a notebook, the CLI and the
 * tests; `workers: 0` needs no build.
 *
 * @param scenario the scenario, checked before any worker starts
 * @param options replications, seed, workers or pool, onProgress, level, keepIntervals (see `ReplicateOptions`)
 * @returns a promise of the summaries and every run, in replication order
 * @throws {RangeError} (the promise rejects) for a bad scenario or option
 * @throws {Error} "run npm run build" when workers are asked for and `dist/` is missing or stale
 * @example
 * const scenario = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const result = await replicate(scenario, { replications: 2, seed: 1, workers: 0 });
 * [result.kpis.answerRate?.n, result.kpis.answerRate?.mean]; // => [2, 0.9083]
 * result.quarters.map((q) => q.period); // => ['2020-Q2']
 */
export async function replicate(scenario: Scenario, options: ReplicateOptions): Promise<ReplicationResult> {
  const { replications, seed, onProgress, level = 0.95, keepIntervals = false } = options;
  requirePositiveInteger('replicate', 'replications', replications);
  requireNonNegativeInteger('replicate', 'seed', seed);
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new RangeError(`replicate: level must be in (0, 1) (got ${String(level)})`);
  }
  const workers = Math.min(options.workers ?? availableParallelism(), replications);
  checkScenario('replicate', scenario);

  const started = performance.now();
  let done = 0;
  const { pool, release } = borrowPool('replicate', { ...options, workers }, workers);
  let runs: ReplicationRun[];
  try {
    runs = await pool.run(
      Array.from({ length: replications }, (_, replication) => ({
        scenario,
        seed,
        replication,
        keepIntervals,
      })),
      (run) => {
        done++;
        onProgress?.(done, replications, run);
      },
    );
  } finally {
    await release();
  }
  const simulatedSeconds = runs.reduce((sum, run) => sum + run.timing.runSeconds, 0);
  return aggregate(runs, seed, level, scenario.intervalMinutes * 60, {
    wallSeconds: (performance.now() - started) / 1000,
    workers: pool.workers,
    where: pool.where,
    simulatedSeconds,
  });
}
