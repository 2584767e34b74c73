import { loadAugurs } from './augurs.js';
import {
  chooseModel,
  coveringCvs,
  groupSums,
  MIN_HISTORY_DAYS,
  rollingOrigins,
  scoreRun,
  weightedMape,
} from './backtest.js';
import { prepareHistory, specialDayRules, withSpecialDays } from './dayTypes.js';
import { pointForecast } from './models.js';
import { intervalStart, isoDate, isoDayNumber } from './series.js';
import {
  FORECAST_MODELS,
  type DateRange,
  type ForecastDay,
  type ForecastInterval,
  type ForecastModel,
  type ForecastOptions,
  type VolumeForecast,
  type VolumeSeries,
} from './types.js';
import { calibratedCv, estimateMultipliers, predictionInterval } from './uncertainty.js';

/** Defaults of `ForecastOptions`. */
export const FORECAST_DEFAULTS = { level: 0.8, minCalls: 20, origins: 28 } as const;

const ORDINARY = (): 'ordinary' => 'ordinary';

function dayRange(range: DateRange, what: string, problems: string[]): [number, number] | undefined {
  const a = isoDayNumber(range.from);
  const b = isoDayNumber(range.to);
  if (a === undefined) problems.push(`${what}: ${JSON.stringify(range.from)} is not a date YYYY-MM-DD`);
  if (b === undefined) problems.push(`${what}: ${JSON.stringify(range.to)} is not a date YYYY-MM-DD`);
  if (a === undefined || b === undefined) return undefined;
  if (b < a) {
    problems.push(`${what}: ends (${range.to}) before it starts (${range.from})`);
    return undefined;
  }
  return [a, b];
}

/**
 * Every reason a forecast cannot be made from this history with these
 * options, at once: dates that are not dates, training days outside the
 * history or meeting a gap in it, fewer than two weeks of training (a weekly
 * pattern needs two), a horizon that does not start after the training ends,
 * and options out of range.
 *
 * @param series the history
 * @param options the forecast's options
 * @returns the problems, one sentence each; empty when the forecast can be made
 * @example
 * const series = offeredCallsSeries(readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv').records, { intervalMinutes: 60 });
 * forecastProblems(series, { train: { from: '1999-02-01', to: '1999-02-10' }, horizon: { from: '1999-02-11', to: '1999-02-17' } });
 * // => ['train: 1999-02-01 to 1999-02-10 is 10 days; a weekly pattern needs two weeks of history, and the backtest a day after them: at least 15 days']
 */
export function forecastProblems(series: VolumeSeries, options: ForecastOptions): string[] {
  const problems: string[] = [];
  if (![15, 30, 60].includes(series.intervalMinutes)) {
    problems.push(`the series' interval must be 15, 30 or 60 minutes (got ${series.intervalMinutes})`);
  }
  const start = isoDayNumber(series.startDate);
  const perDay = 1440 / series.intervalMinutes;
  if (start === undefined) problems.push(`the series' start ${series.startDate} is not a date YYYY-MM-DD`);
  if (!Number.isInteger(series.calls.length / perDay)) {
    problems.push(
      `the series must hold whole days (${series.calls.length} intervals of ${series.intervalMinutes} min)`,
    );
  }
  const bad = series.calls.findIndex((x) => !(Number.isFinite(x) && x >= 0));
  if (bad >= 0)
    problems.push(`the series' calls must be finite and >= 0 (interval ${bad}: ${series.calls[bad]})`);
  const train = dayRange(options.train, 'train', problems);
  const horizon = dayRange(options.horizon, 'horizon', problems);
  if (start !== undefined && train !== undefined) {
    const last = start + Math.floor(series.calls.length / perDay) - 1;
    if (train[0] < start || train[1] > last) {
      problems.push(
        `train: ${options.train.from} to ${options.train.to} is outside the history, which covers ${isoDate(start)} to ${isoDate(last)}`,
      );
    }
    const days = train[1] - train[0] + 1;
    if (days < MIN_HISTORY_DAYS + 1) {
      problems.push(
        `train: ${options.train.from} to ${options.train.to} is ${days} days; a weekly pattern needs two weeks of history, and the backtest a day after them: at least ${MIN_HISTORY_DAYS + 1} days`,
      );
    }
    for (const gap of series.gaps ?? []) {
      const gapFrom = isoDayNumber(gap.from.slice(0, 10)) ?? 0;
      const gapTo = isoDayNumber(gap.to.slice(0, 10)) ?? 0;
      if (gapTo >= train[0] && gapFrom <= train[1]) {
        problems.push(
          `the history has a gap from ${gap.from} to ${gap.to} (no data) inside the training days`,
        );
      }
    }
  }
  if (train !== undefined && horizon !== undefined && horizon[0] <= train[1]) {
    problems.push(
      `horizon: starts on ${options.horizon.from}, not after the training ends (${options.train.to}); a forecast is of days after its history`,
    );
  }
  const level = options.level ?? FORECAST_DEFAULTS.level;
  if (!(level > 0 && level < 1)) problems.push(`level: must be between 0 and 1 (got ${level})`);
  const minCalls = options.minCalls ?? FORECAST_DEFAULTS.minCalls;
  if (!(minCalls >= 0 && Number.isFinite(minCalls)))
    problems.push(`minCalls: must be >= 0 (got ${minCalls})`);
  const origins = options.origins ?? FORECAST_DEFAULTS.origins;
  if (!(Number.isInteger(origins) && origins >= 1)) {
    problems.push(`origins: must be a whole number >= 1 (got ${origins})`);
  }
  const model = options.model ?? 'auto';
  if (model !== 'auto' && !(FORECAST_MODELS as readonly string[]).includes(model)) {
    problems.push(`model: must be auto or one of ${FORECAST_MODELS.join(', ')} (got ${String(model)})`);
  }
  return problems;
}

/**
 * Forecast the calls of every interval of a horizon from a history, with
 * prediction intervals, after a backtest with rolling origins inside the
 * training days that chooses the method (`model: 'auto'`) and measures the
 * errors the intervals and the scenario's multipliers come from.
 *
 * Steps: the training days are cut from the series; holidays and worked
 * weekend days (`dayType`) are replaced by their weekday's pattern and learnt
 * as ratios (dayTypes.ts), then outliers by their neighbours' median
 * (outliers.ts); the backtest runs every method (`auto`) or the naive and the
 * method asked for, from each of the last `origins` days that leave two weeks
 * before them, forecasting up to the horizon's end as far as the training
 * allows; `auto` takes the simplest method within one standard error of the
 * least loss (`chooseModel`); the method then learns from every training day
 * and forecasts to the horizon's end; its backtest errors give the
 * uncertainty: CVs of level, day and interval multipliers by moments (for the
 * simulator), and the prediction intervals, those of a Poisson count whose
 * mean carries a gamma multiplier with the CV that covers `level` of the
 * backtest's intervals, or days (uncertainty.ts).
 *
 * @param series the history (calls per interval)
 * @param options training days, horizon, level, method, calendar, `minCalls`, origins
 * @returns the forecast, its uncertainty and the backtest
 * @throws {RangeError} listing every problem `forecastProblems` finds
 * @throws {Error} when augurs cannot be loaded, or the method asked for fails on this history
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const forecast = await forecastVolumes(offeredCallsSeries(bank.records, { intervalMinutes: 60 }), {
 *   train: { from: '1999-02-01', to: '1999-02-21' },
 *   horizon: { from: '1999-02-22', to: '1999-02-28' },
 * });
 * forecast.byInterval[10]; // => { start: '1999-02-22T10:00', mean: 111.67, lower: 85, upper: 140 }
 */
export async function forecastVolumes(
  series: VolumeSeries,
  options: ForecastOptions,
): Promise<VolumeForecast> {
  const problems = forecastProblems(series, options);
  if (problems.length > 0) throw new RangeError(`forecastVolumes: ${problems.join('; ')}`);
  const level = options.level ?? FORECAST_DEFAULTS.level;
  const minCalls = options.minCalls ?? FORECAST_DEFAULTS.minCalls;
  const dayType = options.dayType ?? ORDINARY;
  const asked = options.model ?? 'auto';
  const perDay = 1440 / series.intervalMinutes;
  const seriesStart = isoDayNumber(series.startDate) as number;
  const trainFrom = isoDayNumber(options.train.from) as number;
  const trainTo = isoDayNumber(options.train.to) as number;
  const horizonFrom = isoDayNumber(options.horizon.from) as number;
  const horizonTo = isoDayNumber(options.horizon.to) as number;
  const history = Float64Array.from(
    series.calls.slice((trainFrom - seriesStart) * perDay, (trainTo - seriesStart + 1) * perDay),
  );
  const augurs = await loadAugurs();
  const models: ForecastModel[] =
    asked === 'auto' ? [...FORECAST_MODELS] : asked === 'naive' ? ['naive'] : ['naive', asked];
  const daysAhead = horizonTo - trainTo;
  const rolling = rollingOrigins(history, trainFrom, perDay, models, {
    maxDaysAhead: daysAhead,
    maxOrigins: options.origins ?? FORECAST_DEFAULTS.origins,
    dayType,
    augurs,
  });
  const scores = rolling.runs.map((run) => scoreRun(run, perDay, minCalls, level));
  let model: ForecastModel;
  if (asked === 'auto') model = chooseModel(scores);
  else model = asked;
  const run = rolling.runs.find((r) => r.model === model);
  if (run?.failure !== undefined) throw new Error(`forecastVolumes: the ${model} method ${run.failure}`);

  const prepared = prepareHistory(history, trainFrom, perDay, dayType);
  const ordinary = pointForecast(model, prepared.cleaned, perDay, daysAhead * perDay, augurs);
  const all = withSpecialDays(ordinary, trainTo + 1, perDay, dayType, prepared);
  const skip = (horizonFrom - trainTo - 1) * perDay;
  const ahead = all.subarray(skip);
  const errors = run?.errors ?? [];
  const multipliers = estimateMultipliers(errors, perDay);
  const covering = coveringCvs(errors, perDay, minCalls, level);
  // Without a scored interval (a tiny center), the moments' combined CV.
  const momentsCv = Math.sqrt(
    (1 + multipliers.levelCv ** 2) * (1 + multipliers.dayCv ** 2) * (1 + multipliers.intervalCv ** 2) - 1,
  );
  const dayBandCv = calibratedCv(covering.days.flat(), level) ?? momentsCv;
  const intervalBandCv = calibratedCv(covering.intervals.flat(), level) ?? momentsCv;
  const uncertainty = { ...multipliers, intervalBandCv, dayBandCv };
  const byInterval: ForecastInterval[] = [];
  for (let i = 0; i < ahead.length; i++) {
    const mean = ahead[i] ?? 0;
    const [lower, upper] = predictionInterval(mean, intervalBandCv, level);
    byInterval.push({ start: intervalStart(horizonFrom, series.intervalMinutes, i), mean, lower, upper });
  }
  const byDay: ForecastDay[] = Array.from(groupSums(ahead, perDay), (mean, d) => {
    const [lower, upper] = predictionInterval(mean, dayBandCv, level);
    const date = isoDate(horizonFrom + d);
    return { date, dayType: dayType(date), mean, lower, upper };
  });

  const warnings: string[] = [];
  const specialDays = specialDayRules(prepared);
  for (const rule of specialDays) {
    const inHorizon = byDay.some((d) => d.dayType === rule.dayType);
    if (inHorizon && rule.basis === 'assumed') {
      warnings.push(
        `no ${rule.dayType === 'holiday' ? 'holiday' : 'worked weekend day'} in the training days: such days of the horizon are forecast like ${rule.asWeekdays?.join(', ')} (an assumed rule)`,
      );
    }
  }
  if (rolling.origins.length < 7) {
    warnings.push(
      `the backtest has ${rolling.origins.length} origin(s): its scores and the uncertainty rest on few forecasts`,
    );
  }
  if (rolling.maxDaysAhead < daysAhead) {
    warnings.push(
      `the backtest forecasts at most ${rolling.maxDaysAhead} days ahead, the horizon ${daysAhead}: errors further ahead are not measured`,
    );
  }
  return {
    model,
    chosenBy: asked === 'auto' ? 'backtest' : 'option',
    intervalMinutes: series.intervalMinutes,
    level,
    train: { from: options.train.from, to: options.train.to },
    horizon: { from: options.horizon.from, to: options.horizon.to },
    byInterval,
    byDay,
    uncertainty,
    backtest: {
      origins: rolling.origins,
      maxDaysAhead: rolling.maxDaysAhead,
      days: (run?.errors ?? []).reduce((s, e) => s + e.actual.length / perDay, 0),
      intervals: (run?.errors ?? []).reduce((s, e) => s + e.actual.filter((a) => a >= minCalls).length, 0),
      minCalls,
      scores,
    },
    specialDays,
    outliers: prepared.outliers.map((o) => ({
      start: intervalStart(trainFrom, series.intervalMinutes, o.index),
      calls: o.calls,
      replacement: o.replacement,
    })),
    warnings,
  };
}

/** How a forecast did against what happened on its horizon. */
export interface HoldoutScore {
  /** Σ|forecast - actual| / Σ actual over the horizon's days. */
  readonly dailyWmape: number | null;
  /** The same over the intervals with at least `minCalls` actual calls. */
  readonly intervalWmape: number | null;
  /** The same over every interval. */
  readonly allIntervalsWmape: number | null;
  /** Share of those intervals inside their prediction interval. */
  readonly coverage: number | null;
  /** Intervals with at least `minCalls` actual calls. */
  readonly intervals: number;
  /** The seasonal naive forecast (the same interval a week before the horizon's day), scored alike. */
  readonly naive: {
    readonly dailyWmape: number | null;
    readonly intervalWmape: number | null;
    readonly allIntervalsWmape: number | null;
  };
}

/**
 * Score a forecast against what the series holds for its horizon (a held-out
 * test): wMAPE by day, by interval (those with at least `minCalls` calls, and
 * all), the coverage of its prediction intervals, and the seasonal naive
 * forecast from the training's end scored the same way.
 *
 * @param series the history, covering the horizon (and the week before it)
 * @param forecast what `forecastVolumes` made
 * @returns the scores
 * @throws {RangeError} when the series does not cover the horizon, or has a gap in it
 * @example
 * const series = offeredCallsSeries(readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv').records, { intervalMinutes: 60 });
 * const forecast = await forecastVolumes(series, {
 *   train: { from: '1999-02-01', to: '1999-02-21' }, horizon: { from: '1999-02-22', to: '1999-02-28' },
 * });
 * holdoutScore(series, forecast).dailyWmape; // => 0.1371 (the bank, 22-28 February 1999)
 */
export function holdoutScore(series: VolumeSeries, forecast: VolumeForecast): HoldoutScore {
  const perDay = 1440 / series.intervalMinutes;
  const start = isoDayNumber(series.startDate) as number;
  const from = isoDayNumber(forecast.horizon.from) as number;
  const to = isoDayNumber(forecast.horizon.to) as number;
  const trainTo = isoDayNumber(forecast.train.to) as number;
  const last = start + series.calls.length / perDay - 1;
  if (from < start || to > last) {
    throw new RangeError(
      `holdoutScore: the series covers ${series.startDate} to ${isoDate(last)}, not the horizon ${forecast.horizon.from} to ${forecast.horizon.to}`,
    );
  }
  for (const gap of series.gaps ?? []) {
    const a = isoDayNumber(gap.from.slice(0, 10)) ?? 0;
    const b = isoDayNumber(gap.to.slice(0, 10)) ?? 0;
    if (b >= from && a <= to) {
      throw new RangeError(`holdoutScore: the series has a gap from ${gap.from} to ${gap.to} in the horizon`);
    }
  }
  const actual = series.calls.slice((from - start) * perDay, (to - start + 1) * perDay);
  const mean = forecast.byInterval.map((f) => f.mean);
  // The naive forecast made at the training's end: the last training week repeated.
  const lastWeek = series.calls.slice((trainTo - 6 - start) * perDay, (trainTo - start + 1) * perDay);
  const naive = actual.map((_, i) => lastWeek[((from - trainTo - 1) * perDay + i) % (7 * perDay)] ?? 0);
  const min = forecast.backtest.minCalls;
  const busy = (_: number, a: number): boolean => a >= min;
  let inside = 0;
  let judged = 0;
  forecast.byInterval.forEach((f, i) => {
    const a = actual[i] ?? 0;
    if (a < min) return;
    judged++;
    if (a >= f.lower && a <= f.upper) inside++;
  });
  const days = (values: ArrayLike<number>): Float64Array => groupSums(values, perDay);
  return {
    dailyWmape: weightedMape(days(mean), days(actual)),
    intervalWmape: weightedMape(mean, actual, busy),
    allIntervalsWmape: weightedMape(mean, actual),
    coverage: judged > 0 ? inside / judged : null,
    intervals: judged,
    naive: {
      dailyWmape: weightedMape(days(naive), days(actual)),
      intervalWmape: weightedMape(naive, actual, busy),
      allIntervalsWmape: weightedMape(naive, actual),
    },
  };
}
