import { countCdf } from '../stats/countInterval.js';
import { WEEKS_AVERAGED } from './models.js';

/*
 * Outages and one-off spikes in a history: an interval whose calls are far
 * outside what its neighbours of the same weekday and time (up to four, a
 * week or more away on either side) make plausible is replaced by their
 * median before any method learns from it. A recording gap in a busy hour (0
 * calls where 60 are usual) would otherwise pull a smoothed level down for
 * days, and a campaign's spike push it up. Plausible means inside the 0.1%
 * tails of a Poisson count whose mean, the neighbours' median, carries a gamma
 * multiplier of CV 0.35: wide enough for ordinary week-to-week changes (an
 * hour 50% busier than its median is not touched at 40 calls), narrow enough
 * to catch an empty busy hour. Only the history is cleaned; forecasts are
 * always judged against what was counted.
 */

/** CV of the week-to-week variation an interval may show before it is an outlier. */
export const OUTLIER_CV = 0.35;

/** Probability in each tail below which an interval is an outlier. */
export const OUTLIER_TAIL = 0.001;

/** One interval of a history replaced as an outlier. */
export interface ReplacedInterval {
  /** Index of the interval in the history. */
  readonly index: number;
  /** Calls counted. */
  readonly calls: number;
  /** Calls put in their place: the median of the same weekday and time in the nearest weeks. */
  readonly replacement: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The same weekday and time in the nearest weeks, on either side: up to `WEEKS_AVERAGED` indices. */
function neighbourIndices(i: number, length: number, week: number): number[] {
  const out: number[] = [];
  for (let k = 1; out.length < WEEKS_AVERAGED && (i - k * week >= 0 || i + k * week < length); k++) {
    for (const j of [i - k * week, i + k * week]) {
      if (j >= 0 && j < length && out.length < WEEKS_AVERAGED) out.push(j);
    }
  }
  return out;
}

/** Whether `calls` is outside the plausible range around `reference` (floored at 1 call). */
function implausible(calls: number, reference: number): boolean {
  const m = Math.max(1, reference);
  return (
    countCdf(calls, m, OUTLIER_CV) < OUTLIER_TAIL ||
    (calls > 0 && 1 - countCdf(calls - 1, m, OUTLIER_CV) < OUTLIER_TAIL)
  );
}

/**
 * Replace the outliers of a history (see the file's note), in place. Two
 * passes, so that one outlier does not make its neighbours look like outliers
 * or become their replacement: the first flags intervals against the median
 * of all their neighbours; the second judges every interval again against the
 * median of its neighbours not flagged by the first (all of them when every
 * one was), and that median replaces the outliers it finds.
 *
 * @param history calls per interval, whole days (changed in place)
 * @param perDay intervals per day
 * @returns the intervals replaced, in order
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const series = offeredCallsSeries(bank.records, { intervalMinutes: 60 });
 * const history = Float64Array.from(series.calls).slice(0, 21 * 24); // 1-21 February 1999, by the hour
 * replaceOutliers(history, 24).length; // => 3 (intervals replaced by their neighbours' median)
 */
export function replaceOutliers(history: Float64Array, perDay: number): ReplacedInterval[] {
  const week = 7 * perDay;
  const original = Float64Array.from(history);
  const n = original.length;
  const value = (j: number): number => original[j] ?? 0;
  const flagged = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const around = neighbourIndices(i, n, week);
    if (around.length >= 2 && implausible(value(i), median(around.map(value)))) flagged[i] = 1;
  }
  const replaced: ReplacedInterval[] = [];
  for (let i = 0; i < n; i++) {
    const around = neighbourIndices(i, n, week);
    if (around.length < 2) continue;
    const clean = around.filter((j) => flagged[j] === 0);
    const reference = median((clean.length > 0 ? clean : around).map(value));
    if (implausible(value(i), reference)) {
      history[i] = reference;
      replaced.push({ index: i, calls: value(i), replacement: reference });
    }
  }
  return replaced;
}
