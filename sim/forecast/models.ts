import type { Augurs } from './augurs.js';
import type { ForecastModel } from './types.js';

/*
 * The forecasting methods, as point forecasts of the intervals after a
 * history of whole days. The history has no special days left in it (they
 * are replaced by their weekday's pattern first: see dayTypes.ts), and the
 * steps forecast are whole days. See `FORECAST_MODELS` for what each does.
 */

/** Weeks of history the `average` method and the `daily` method's intraday shares use. */
export const WEEKS_AVERAGED = 4;

/** Days of history MSTL needs for a yearly period besides the weekly one (two full years). */
export const DAYS_FOR_YEARLY_PERIOD = 2 * 365;

function naive(history: Float64Array, week: number, steps: number): Float64Array {
  const out = new Float64Array(steps);
  const n = history.length;
  for (let t = 0; t < steps; t++) out[t] = history[n - week + (t % week)] ?? 0;
  return out;
}

function average(history: Float64Array, week: number, steps: number): Float64Array {
  const n = history.length;
  const weeks = Math.min(WEEKS_AVERAGED, Math.floor(n / week));
  const out = new Float64Array(steps);
  for (let t = 0; t < steps; t++) {
    let sum = 0;
    for (let k = 1; k <= weeks; k++) sum += history[n - k * week + (t % week)] ?? 0;
    out[t] = sum / weeks;
  }
  return out;
}

/** MSTL with AutoETS on log(1 + y), back-transformed; never below 0. */
function mstlLog(augurs: Augurs, y: Float64Array, periods: readonly number[], steps: number): Float64Array {
  const model = augurs.mstlEts(periods);
  try {
    model.fit(y.map(Math.log1p));
    const point = model.predict(steps).point;
    const out = new Float64Array(steps);
    for (let t = 0; t < steps; t++) {
      const v = Math.expm1(point[t] ?? Number.NaN);
      if (!Number.isFinite(v)) throw new Error(`augurs MSTL returned ${String(point[t])} at step ${t + 1}`);
      out[t] = Math.max(0, v);
    }
    return out;
  } finally {
    model.free();
  }
}

function daily(augurs: Augurs, history: Float64Array, perDay: number, steps: number): Float64Array {
  const days = history.length / perDay;
  const totals = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    let sum = 0;
    for (let s = 0; s < perDay; s++) sum += history[d * perDay + s] ?? 0;
    totals[d] = sum;
  }
  const aheadDays = steps / perDay;
  const periods = days >= DAYS_FOR_YEARLY_PERIOD ? [7, 365] : [7];
  const dayForecast = mstlLog(augurs, totals, periods, aheadDays);
  // Intraday shares: each interval's calls over the day's, on the same weekday over the last weeks.
  const out = new Float64Array(steps);
  for (let j = 0; j < aheadDays; j++) {
    const shares = new Float64Array(perDay);
    let total = 0;
    const first = Math.floor(j / 7) + 1; // weeks back to the last same weekday inside the history
    for (let k = first; k < first + WEEKS_AVERAGED; k++) {
      const d = days + j - 7 * k;
      if (d < 0) break;
      for (let s = 0; s < perDay; s++) shares[s] = (shares[s] ?? 0) + (history[d * perDay + s] ?? 0);
      total += totals[d] ?? 0;
    }
    for (let s = 0; s < perDay; s++) {
      out[j * perDay + s] = total > 0 ? ((dayForecast[j] ?? 0) * (shares[s] ?? 0)) / total : 0;
    }
  }
  return out;
}

/**
 * Point forecast of the `steps` intervals after a history, by one method.
 *
 * @param model the method (see `FORECAST_MODELS`)
 * @param history calls per interval, whole days, at least two weeks, no NaN
 * @param perDay intervals per day (24 for hours)
 * @param steps intervals to forecast, whole days
 * @param augurs the loaded library (`loadAugurs`), for `daily`, `mstl` and `ensemble`
 * @returns expected calls per interval, >= 0
 * @throws {Error} when augurs fails on the series (the backtest reports it)
 * @example
 * const twoWeeksHourly = Float64Array.from({ length: 14 * 24 }, (_, i) => i % 24); // i calls in hour i of each day
 * Array.from(pointForecast('naive', twoWeeksHourly, 24, 24, await loadAugurs())).slice(0, 4); // => [0, 1, 2, 3]
 */
export function pointForecast(
  model: ForecastModel,
  history: Float64Array,
  perDay: number,
  steps: number,
  augurs: Augurs,
): Float64Array {
  const week = 7 * perDay;
  switch (model) {
    case 'naive':
      return naive(history, week, steps);
    case 'average':
      return average(history, week, steps);
    case 'daily':
      return daily(augurs, history, perDay, steps);
    case 'mstl':
      return mstlLog(augurs, history, [perDay, week], steps);
    case 'ensemble': {
      const a = daily(augurs, history, perDay, steps);
      const b = mstlLog(augurs, history, [perDay, week], steps);
      return a.map((x, i) => (x + (b[i] ?? 0)) / 2);
    }
  }
}
