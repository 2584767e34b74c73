import { kpisOf } from '../model/kpis.js';
import type { Kpis, PeriodRow } from '../model/types.js';
import type { ReplicationResult, ReplicationRun } from './replicate.js';

/** One period of a KPI across replications, with the share of replications meeting a target. */
export interface PeriodTableRow {
  /** `YYYY-Qn`, `YYYY-MM`, `YYYY-MM-DD` or `horizon`. */
  period: string;
  /** Replications with a value (the KPI's denominator was not 0). */
  n: number;
  /** Mean across replications, with its confidence interval (level of the result). */
  mean: number;
  ciLow: number;
  ciHigh: number;
  /** 5th and 95th percentiles across replications. */
  p05: number;
  p95: number;
  /** Share of replications whose value meets the target; `null` without a target. */
  shareMeetingTarget: number | null;
}

/** Which side of the target is good. */
export type TargetDirection = 'atLeast' | 'atMost';

/**
 * A KPI per quarter (or per month, or for the horizon) across replications,
 * as table rows: mean, confidence interval of the mean, 5th and 95th
 * percentiles, and the share of replications (simulated years) whose value
 * meets the target. The last is the planner's risk: a mean of 82% with a
 * share of 0.7 means about one year in three fails that quarter's assessment.
 *
 * @param result a `replicate` result
 * @param kpi the KPI, e.g. `'answerRate'`
 * @param options `target` (optional), `direction` (`'atLeast'` by default: a rate
 *   meets the target at or above it; use `'atMost'` for waits and abandonment),
 *   `periods` (`'quarters'` by default, `'months'` or `'horizon'`)
 * @returns one row per period with data
 * @example
 * const base = {
 *   startDate: '2020-05-11', days: 2, intervalMinutes: 30, arrivals: { kind: 'profile', dailyVolume: 2400 },
 *   handle: exponential(200), patience: exponential(90), agents: { kind: 'constant', count: 7 }, answerWithinSeconds: 15,
 * } as const;
 * const result = await replicate(base, { replications: 2, seed: 1, workers: 0 });
 * const [quarter] = periodTable(result, 'answerRate', { target: 0.8 });
 * [quarter?.period, quarter?.n, quarter?.shareMeetingTarget]; // => ['2020-Q2', 2, 1]
 */
export function periodTable(
  result: ReplicationResult,
  kpi: keyof Kpis,
  options: { target?: number; direction?: TargetDirection; periods?: 'quarters' | 'months' | 'horizon' } = {},
): PeriodTableRow[] {
  const { target, direction = 'atLeast', periods = 'quarters' } = options;
  if (target !== undefined && (typeof target !== 'number' || !Number.isFinite(target))) {
    throw new RangeError(`periodTable: target must be a finite number (got ${String(target)})`);
  }
  const summaries =
    periods === 'horizon'
      ? [{ period: 'horizon', kpis: result.kpis }]
      : result[periods].map((row) => ({ period: row.period, kpis: row.kpis }));
  const rowsOf = (run: ReplicationRun): readonly PeriodRow[] =>
    periods === 'horizon' ? [run.horizon] : run[periods];
  const table: PeriodTableRow[] = [];
  summaries.forEach((summary, index) => {
    const s = summary.kpis[kpi];
    if (s === null) return;
    let shareMeetingTarget: number | null = null;
    if (target !== undefined) {
      const values = result.runs
        .map((run) => {
          const row = rowsOf(run)[index];
          return row === undefined ? null : kpisOf(row)[kpi];
        })
        .filter((value): value is number => value !== null);
      const meeting = values.filter((value) => (direction === 'atLeast' ? value >= target : value <= target));
      shareMeetingTarget = values.length > 0 ? meeting.length / values.length : null;
    }
    table.push({
      period: summary.period,
      n: s.n,
      mean: s.mean,
      ciLow: s.ciLow,
      ciHigh: s.ciHigh,
      p05: s.p05,
      p95: s.p95,
      shareMeetingTarget,
    });
  });
  return table;
}
