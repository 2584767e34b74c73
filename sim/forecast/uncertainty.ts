import { countCdf, countQuantile } from '../stats/countInterval.js';
import type { ForecastUncertainty } from './types.js';

/*
 * The forecast's uncertainty, learnt from backtest errors. The calls of an
 * interval are taken as Poisson around the forecast f times three independent
 * multipliers of mean 1: L, common to every day forecast from one origin (the
 * level: the whole horizon higher or lower), D, the day's own, and E, the
 * interval's own. Their squared coefficients of variation follow from the
 * errors by the method of moments, with the Poisson part removed:
 *
 *   days:       E[(A - F)^2] = F + F^2 X,  X = (1 + cL^2)(1 + cD^2) - 1
 *   two days of one origin:  E[(A_k - F_k)(A_j - F_j)] = F_k F_j cL^2
 *   intervals:  E[(a - f)^2] = f + f^2 ((1 + X)(1 + cE^2) - 1)
 *
 * each a ratio of sums over the errors (weighted least squares), floored at 0.
 * The day's X is taken from the days' totals as they are: it then holds the
 * whole spread of a day's calls around its forecast, which is what the
 * simulator's day multiplier must give (its arrivals within a day are Poisson,
 * with no interval multiplier). Were the intervals' own errors independent,
 * they would add (1 + X) cE^2 Σf^2 / F^2 to it (a day of 17 even hours: cE^2 /
 * 17); in real days they are mostly the shape of the day, which cancels in
 * its total.
 * These go to the simulator, whose Poisson arrivals add the rest.
 *
 * Prediction intervals are calibrated instead (split conformal prediction):
 * the interval of a count of mean f is that of a Poisson count whose mean
 * carries a gamma multiplier of CV c (`countQuantile`), and c is the least
 * that covers the share `level` of the backtest's errors: each error's own
 * covering CV (the least c whose interval holds its actual) is found, and c is
 * their ceil((n + 1) level)-th smallest. Moments weigh a few wild errors (an
 * outage, a spike) heavily and give intervals wider than the errors need;
 * the calibrated CV follows the errors' actual spread.
 */

/** One origin's forecast and what happened, per interval, over the days forecast from it. */
export interface OriginErrors {
  /** Forecast calls per interval, whole days. */
  readonly forecast: Float64Array;
  /** Actual calls per interval, the same intervals. */
  readonly actual: Float64Array;
}

function dayTotals(values: Float64Array, perDay: number): Float64Array {
  const days = values.length / perDay;
  const out = new Float64Array(days);
  for (let i = 0; i < values.length; i++) {
    const d = Math.floor(i / perDay);
    out[d] = (out[d] ?? 0) + (values[i] ?? 0);
  }
  return out;
}

/**
 * The coefficients of variation of the level, day and interval multipliers,
 * from the errors of forecasts made at several origins, by moments (see the
 * file's note). With no two days forecast from one origin the level cannot be
 * told from the days, and all the day-level variation is put in the day's.
 *
 * @param origins each origin's forecast and actual calls per interval
 * @param perDay intervals per day
 * @returns the CVs, and the number of days they come from
 * @example
 * // A day 8% over its forecast of 100 calls an hour, and one 8% under.
 * const forecast = Float64Array.from({ length: 48 }, () => 100);
 * const actual = Float64Array.from({ length: 48 }, (_, i) => (i < 24 ? 108 : 92));
 * estimateMultipliers([{ forecast, actual }], 24); // => { levelCv: 0, dayCv: 0.07735, intervalCv: 0, days: 2 }
 */
export function estimateMultipliers(
  origins: readonly OriginErrors[],
  perDay: number,
): Pick<ForecastUncertainty, 'levelCv' | 'dayCv' | 'intervalCv' | 'days'> {
  let dayNum = 0; // Σ over days of (A - F)^2 - F
  let dayF2 = 0; // Σ F^2 over days
  let pairNum = 0;
  let pairDen = 0;
  let intNum = 0; // Σ over intervals of (a - f)^2 - f
  let intF2 = 0; // Σ f^2 over intervals
  let days = 0;
  for (const { forecast, actual } of origins) {
    const f = dayTotals(forecast, perDay);
    const a = dayTotals(actual, perDay);
    let sumX = 0;
    let sumX2 = 0;
    let sumF = 0;
    let sumF2 = 0;
    for (let d = 0; d < f.length; d++) {
      const fd = f[d] ?? 0;
      if (fd <= 0) continue;
      const x = (a[d] ?? 0) - fd;
      dayNum += x * x - fd;
      dayF2 += fd * fd;
      sumX += x;
      sumX2 += x * x;
      sumF += fd;
      sumF2 += fd * fd;
      days++;
      for (let i = d * perDay; i < (d + 1) * perDay; i++) {
        const fi = forecast[i] ?? 0;
        if (fi <= 0) continue;
        const y = (actual[i] ?? 0) - fi;
        intNum += y * y - fi;
        intF2 += fi * fi;
      }
    }
    pairNum += sumX * sumX - sumX2;
    pairDen += sumF * sumF - sumF2;
  }
  const total = dayF2 > 0 ? Math.max(0, dayNum / dayF2) : 0;
  const all = intF2 > 0 ? Math.max(total, intNum / intF2) : total;
  const level = pairDen > 0 ? Math.min(total, Math.max(0, pairNum / pairDen)) : 0;
  return {
    levelCv: Math.sqrt(level),
    dayCv: Math.sqrt((1 + total) / (1 + level) - 1),
    intervalCv: Math.sqrt((1 + all) / (1 + total) - 1),
    days,
  };
}

/** Largest CV tried for a prediction interval: beyond it the gamma multiplier piles its mass at 0. */
export const MAX_BAND_CV = 2;

/**
 * The least CV whose prediction interval at `level` around `forecast` holds
 * `actual` (to 1e-4), or Infinity when none up to `MAX_BAND_CV` does.
 *
 * @param forecast the expected count
 * @param actual the count that happened
 * @param level the interval's level
 * @returns the covering CV
 * @example
 * coveringCv(100, 100, 0.8); // => 0 (the Poisson interval holds it)
 * coveringCv(100, 130, 0.8); // => 0.2005
 */
export function coveringCv(forecast: number, actual: number, level: number): number {
  const tail = (1 - level) / 2;
  // Inside [q(tail), q(1 - tail)] exactly when P(Y <= a) >= tail and P(Y <= a - 1) < 1 - tail.
  const covers = (cv: number): boolean =>
    countCdf(actual, forecast, cv) >= tail && countCdf(actual - 1, forecast, cv) < 1 - tail;
  if (covers(0)) return 0;
  if (!covers(MAX_BAND_CV)) return Infinity;
  let lo = 0;
  let hi = MAX_BAND_CV;
  while (hi - lo > 1e-4) {
    const mid = (lo + hi) / 2;
    if (covers(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The calibrated CV of prediction intervals: the ceil((n + 1) level)-th
 * smallest of n covering CVs (split conformal prediction), so that a new
 * error exchangeable with these falls inside with probability at least
 * `level`. With too few errors for that rank, the largest finite one.
 *
 * @param covering covering CVs (`coveringCv`) of the backtest's errors
 * @param level the intervals' level
 * @returns the CV, or null without errors
 * @example
 * calibratedCv([0, 0.1, 0.2, 0.3], 0.5); // => 0.2
 */
export function calibratedCv(covering: readonly number[], level: number): number | null {
  if (covering.length === 0) return null;
  const sorted = [...covering].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.ceil((sorted.length + 1) * level));
  const value = sorted[rank - 1] as number;
  if (Number.isFinite(value)) return value;
  const finite = sorted.filter(Number.isFinite);
  return finite.length > 0 ? (finite[finite.length - 1] as number) : MAX_BAND_CV;
}

/**
 * The prediction interval of a count with expected value `mean` whose mean
 * carries a gamma multiplier of coefficient of variation `cv`.
 *
 * @param mean expected calls
 * @param cv CV of the multiplier (`calibratedCv`)
 * @param level the interval's level, in (0, 1)
 * @returns the whole-number ends `[lower, upper]`
 * @example
 * predictionInterval(100, 0.1, 0.8); // => [82, 118]
 */
export function predictionInterval(mean: number, cv: number, level: number): [number, number] {
  const tail = (1 - level) / 2;
  return [countQuantile(tail, mean, cv), countQuantile(1 - tail, mean, cv)];
}
