import { sampleStandardDeviation } from 'simple-statistics';
import type { Augurs } from './augurs.js';
import { prepareHistory, withSpecialDays } from './dayTypes.js';
import { pointForecast } from './models.js';
import { isoDate } from './series.js';
import type { BacktestScore, DayTypeOf, ForecastModel } from './types.js';
import { calibratedCv, coveringCv, type OriginErrors } from './uncertainty.js';

/** Days of history a weekly pattern needs: two full weeks. */
export const MIN_HISTORY_DAYS = 14;

/**
 * Weighted mean absolute percentage error, Σ|forecast - actual| / Σ actual,
 * over the pairs kept by `keep` (all by default).
 *
 * @param forecast forecast values
 * @param actual actual values, the same length
 * @param keep which pairs count, by index and actual value
 * @returns the wMAPE as a fraction, or null when the kept actuals sum to 0
 * @example
 * weightedMape([110, 90], [100, 100]); // => 0.1
 */
export function weightedMape(
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
  keep: (index: number, actual: number) => boolean = () => true,
): number | null {
  let num = 0;
  let den = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] ?? 0;
    if (!keep(i, a)) continue;
    num += Math.abs((forecast[i] ?? 0) - a);
    den += a;
  }
  return den > 0 ? num / den : null;
}

/**
 * Sums of consecutive groups of `size` values (intervals to days).
 *
 * @param values the values, a whole number of groups (a last partial group is summed too)
 * @param size values per group
 * @returns one sum per group
 * @example
 * Array.from(groupSums([1, 2, 3, 4, 5, 6], 3)); // => [6, 15]
 */
export function groupSums(values: ArrayLike<number>, size: number): Float64Array {
  const out = new Float64Array(Math.ceil(values.length / size));
  for (let i = 0; i < values.length; i++) {
    const g = Math.floor(i / size);
    out[g] = (out[g] ?? 0) + (values[i] ?? 0);
  }
  return out;
}

/** One method's forecasts at every origin, or why it failed. */
export interface ModelRun {
  readonly model: ForecastModel;
  /** One per origin, in order; empty when the method failed. */
  readonly errors: readonly OriginErrors[];
  readonly failure?: string;
}

/** What `rollingOrigins` returns. */
export interface RollingOrigins {
  /** Last history day of each origin (ISO), oldest first. */
  readonly origins: readonly string[];
  readonly maxDaysAhead: number;
  readonly runs: readonly ModelRun[];
}

/**
 * Forecast from rolling origins inside a history: for each of the last
 * `maxOrigins` days that leave at least two weeks before them, every method
 * learns from the days before the origin only (special days replaced and
 * learnt from those days too) and forecasts the next days, up to
 * `maxDaysAhead` and never past the history's end.
 *
 * @param history calls per interval over the training days
 * @param startDay day number of its first day
 * @param perDay intervals per day
 * @param models the methods to run
 * @param options days ahead, most origins, calendar, augurs
 * @returns the origins and each method's forecasts and actuals
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const series = offeredCallsSeries(bank.records, { intervalMinutes: 60 });
 * const history = Float64Array.from(series.calls).slice(0, 21 * 24); // 1-21 February 1999, by the hour
 * const run = rollingOrigins(history, Date.parse(series.startDate) / 86_400_000, 24, ['naive', 'average'], {
 *   maxDaysAhead: 7, maxOrigins: 3, dayType: () => 'ordinary', augurs: await loadAugurs(),
 * });
 * run.origins; // => ['1999-02-18', '1999-02-19', '1999-02-20']
 */
export function rollingOrigins(
  history: Float64Array,
  startDay: number,
  perDay: number,
  models: readonly ForecastModel[],
  options: { maxDaysAhead: number; maxOrigins: number; dayType: DayTypeOf; augurs: Augurs },
): RollingOrigins {
  const days = history.length / perDay;
  const first = Math.max(MIN_HISTORY_DAYS, days - options.maxOrigins);
  const originDays: number[] = [];
  for (let o = first; o < days; o++) originDays.push(o);
  const runs = models.map((model) => {
    const errors: OriginErrors[] = [];
    for (const o of originDays) {
      const ahead = Math.min(options.maxDaysAhead, days - o);
      const past = history.subarray(0, o * perDay);
      const prepared = prepareHistory(past, startDay, perDay, options.dayType);
      let ordinary: Float64Array;
      try {
        ordinary = pointForecast(model, prepared.cleaned, perDay, ahead * perDay, options.augurs);
      } catch (error) {
        const failure = `failed with the history to ${isoDate(startDay + o - 1)}: ${(error as Error).message}`;
        return { model, errors: [], failure };
      }
      errors.push({
        forecast: withSpecialDays(ordinary, startDay + o, perDay, options.dayType, prepared),
        actual: history.slice(o * perDay, (o + ahead) * perDay),
      });
    }
    return { model, errors };
  });
  return {
    origins: originDays.map((o) => isoDate(startDay + o - 1)),
    maxDaysAhead: Math.min(options.maxDaysAhead, days - first),
    runs,
  };
}

/** Covering CVs (`coveringCv`) of one method's backtest errors, per origin. */
export interface CoveringCvs {
  /** Per origin, of each interval with at least `minCalls` actual calls. */
  readonly intervals: readonly (readonly number[])[];
  /** Per origin, of each day. */
  readonly days: readonly (readonly number[])[];
}

/**
 * The covering CV of every scored interval and every day of a method's
 * backtest, per origin: what the prediction intervals are calibrated on.
 *
 * @param errors the method's forecasts and actuals, one per origin
 * @param perDay intervals per day
 * @param minCalls intervals with fewer actual calls are left out
 * @param level the prediction intervals' level
 * @returns the covering CVs per origin
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const series = offeredCallsSeries(bank.records, { intervalMinutes: 60 });
 * const history = Float64Array.from(series.calls).slice(0, 21 * 24); // 1-21 February 1999, by the hour
 * const [naive] = rollingOrigins(history, Date.parse(series.startDate) / 86_400_000, 24, ['naive'], {
 *   maxDaysAhead: 7, maxOrigins: 3, dayType: () => 'ordinary', augurs: await loadAugurs(),
 * }).runs;
 * coveringCvs(naive!.errors, 24, 20, 0.8).intervals[0]?.length; // => 26 (the first origin's intervals with >= 20 calls)
 */
export function coveringCvs(
  errors: readonly OriginErrors[],
  perDay: number,
  minCalls: number,
  level: number,
): CoveringCvs {
  const intervals = errors.map(({ forecast, actual }) => {
    const out: number[] = [];
    for (let i = 0; i < actual.length; i++) {
      const a = actual[i] ?? 0;
      if (a >= minCalls) out.push(coveringCv(forecast[i] ?? 0, a, level));
    }
    return out;
  });
  const days = errors.map(({ forecast, actual }) => {
    const f = groupSums(forecast, perDay);
    return Array.from(groupSums(actual, perDay), (a, d) => coveringCv(f[d] ?? 0, a, level));
  });
  return { intervals, days };
}

/**
 * Scores of one method over the rolling origins: daily and interval wMAPE,
 * their mean (the loss `auto` compares) with its standard error over the
 * origins, and the coverage of the calibrated prediction intervals, each
 * origin's intervals calibrated on the other origins' errors (leave one
 * origin out), so that no interval is judged on the errors it was made from.
 *
 * @param run the method's forecasts at every origin
 * @param perDay intervals per day
 * @param minCalls intervals with fewer actual calls are left out of the interval wMAPE and the coverage
 * @param level the prediction intervals' level
 * @returns the scores
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const series = offeredCallsSeries(bank.records, { intervalMinutes: 60 });
 * const history = Float64Array.from(series.calls).slice(0, 21 * 24); // 1-21 February 1999, by the hour
 * const [naive] = rollingOrigins(history, Date.parse(series.startDate) / 86_400_000, 24, ['naive'], {
 *   maxDaysAhead: 7, maxOrigins: 3, dayType: () => 'ordinary', augurs: await loadAugurs(),
 * }).runs;
 * scoreRun(naive!, 24, 20, 0.8).dailyWmape; // => 0.1414
 */
export function scoreRun(run: ModelRun, perDay: number, minCalls: number, level: number): BacktestScore {
  if (run.failure !== undefined) {
    return {
      model: run.model,
      dailyWmape: null,
      intervalWmape: null,
      coverage: null,
      loss: null,
      lossStandardError: null,
      failure: run.failure,
    };
  }
  const originLosses: number[] = [];
  let dayNum = 0;
  let dayDen = 0;
  let intNum = 0;
  let intDen = 0;
  const covering = coveringCvs(run.errors, perDay, minCalls, level).intervals;
  let inside = 0;
  let judged = 0;
  run.errors.forEach(({ forecast, actual }, o) => {
    const f = groupSums(forecast, perDay);
    const a = groupSums(actual, perDay);
    for (let d = 0; d < a.length; d++) {
      dayNum += Math.abs((f[d] ?? 0) - (a[d] ?? 0));
      dayDen += a[d] ?? 0;
    }
    const own = lossOf(
      weightedMape(f, a),
      weightedMape(forecast, actual, (_, x) => x >= minCalls),
    );
    if (own !== null) originLosses.push(own);
    for (let i = 0; i < actual.length; i++) {
      const ai = actual[i] ?? 0;
      if (ai < minCalls) continue;
      intNum += Math.abs((forecast[i] ?? 0) - ai);
      intDen += ai;
    }
    const band = calibratedCv(covering.filter((_, k) => k !== o).flat(), level);
    if (band === null) return;
    for (const c of covering[o] ?? []) {
      judged++;
      if (c <= band) inside++;
    }
  });
  const dailyWmape = dayDen > 0 ? dayNum / dayDen : null;
  const intervalWmape = intDen > 0 ? intNum / intDen : null;
  const k = originLosses.length;
  return {
    model: run.model,
    dailyWmape,
    intervalWmape,
    coverage: judged > 0 ? inside / judged : null,
    loss: lossOf(dailyWmape, intervalWmape),
    lossStandardError: k >= 2 ? sampleStandardDeviation(originLosses) / Math.sqrt(k) : null,
  };
}

/** The mean of the daily and interval wMAPE, the daily one alone without intervals scored. */
function lossOf(daily: number | null, interval: number | null): number | null {
  if (daily === null) return null;
  return interval === null ? daily : (daily + interval) / 2;
}

/**
 * The method `auto` takes: the simplest (first in `scores`, which follow
 * `FORECAST_MODELS`) whose loss is within one standard error of the least
 * loss (the one-standard-error rule of cross-validation: Hastie, Tibshirani
 * and Friedman, The Elements of Statistical Learning, 2nd ed., section 7.10).
 * A handful of origins cannot tell apart methods closer than that, and the
 * simpler one is the safer bet.
 *
 * @param scores every method's backtest scores, simplest first
 * @returns the method chosen
 * @throws {Error} when every method failed
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const series = offeredCallsSeries(bank.records, { intervalMinutes: 60 });
 * const history = Float64Array.from(series.calls).slice(0, 21 * 24); // 1-21 February 1999, by the hour
 * const { runs } = rollingOrigins(history, Date.parse(series.startDate) / 86_400_000, 24, ['naive', 'average'], {
 *   maxDaysAhead: 7, maxOrigins: 3, dayType: () => 'ordinary', augurs: await loadAugurs(),
 * });
 * chooseModel(runs.map((run) => scoreRun(run, 24, 20, 0.8))); // => 'average'
 */
export function chooseModel(scores: readonly BacktestScore[]): ForecastModel {
  const scored = scores.filter((s) => s.loss !== null);
  if (scored.length === 0) throw new Error('chooseModel: every method failed in the backtest');
  const best = scored.reduce((b, s) => ((s.loss as number) < (b.loss as number) ? s : b));
  const bound = (best.loss as number) + (best.lossStandardError ?? 0);
  return (scored.find((s) => (s.loss as number) <= bound) ?? best).model;
}
