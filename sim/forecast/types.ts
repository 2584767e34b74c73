/**
 * A history of call volumes: calls offered per interval, every interval of
 * consecutive whole days. Offered means asked for an agent (after the voice
 * menu); see `offeredCallsSeries` for how call records are counted.
 */
export interface VolumeSeries {
  /** First day, ISO `YYYY-MM-DD` (local calendar). */
  readonly startDate: string;
  /** Interval length, in minutes: 15, 30 or 60. */
  readonly intervalMinutes: number;
  /**
   * Calls per interval, from `startDate` 00:00, `1440 / intervalMinutes` a day,
   * whole days only. Counts are >= 0 (a volume table may hold fractions).
   */
  readonly calls: readonly number[];
  /**
   * Stretches with no data (missing rows of a volume table, days without a
   * single call record), as interval starts `YYYY-MM-DDTHH:MM`, `to` being the
   * last missing interval; `calls` holds 0 there. A training range that meets
   * one is refused.
   */
  readonly gaps?: readonly { readonly from: string; readonly to: string }[];
}

/**
 * What kind of day a date is for the forecast: an ordinary day (its weekday
 * gives its pattern), a public holiday, or a weekend day worked instead of one
 * (调休上班). Special days are learnt from the history when it holds some.
 */
export type DayType = 'ordinary' | 'holiday' | 'workedWeekend';

/** The day type of an ISO date `YYYY-MM-DD`; the caller's calendar (`--calendar`). */
export type DayTypeOf = (date: string) => DayType;

/** An inclusive range of ISO dates. */
export interface DateRange {
  /** First day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day, `YYYY-MM-DD` (inclusive). */
  readonly to: string;
}

/**
 * The forecasting methods, simplest first (the backtest prefers the simpler
 * of two methods whose losses differ by less than a standard error):
 * - `naive`: the same interval a week before (the seasonal naive forecast,
 *   the baseline any forecast must beat);
 * - `average`: the mean of the same interval over the last four weeks (what
 *   `hotline calibrate` does with a history);
 * - `daily`: calls per day by augurs' MSTL (weekly period; and yearly with two
 *   years of history) with an AutoETS trend, on log(1 + calls), spread over
 *   the day by the mean share of each interval on that weekday over the last
 *   four weeks;
 * - `mstl`: augurs' MSTL on log(1 + calls) per interval, with daily and weekly
 *   periods and an AutoETS trend;
 * - `ensemble`: the mean of `daily` and `mstl`.
 */
export const FORECAST_MODELS = ['naive', 'average', 'daily', 'mstl', 'ensemble'] as const;

/** One forecasting method (see `FORECAST_MODELS`). */
export type ForecastModel = (typeof FORECAST_MODELS)[number];

/** Options of `forecastVolumes`. */
export interface ForecastOptions {
  /** Days the models learn from: whole days of the series, at least 14 (two weekly periods). */
  readonly train: DateRange;
  /** Days to forecast: after the training ends (a gap is allowed). */
  readonly horizon: DateRange;
  /**
   * Level of the prediction intervals, in (0, 1).
   *
   * __Default value:__ `0.8`
   */
  readonly level?: number;
  /**
   * The method, or `auto`: chosen by the backtest with rolling origins inside
   * the training days, by the one-standard-error rule: the simplest method
   * (in `FORECAST_MODELS` order) whose loss (mean of daily and interval
   * wMAPE) is within one standard error of the least loss.
   *
   * __Default value:__ `'auto'`
   */
  readonly model?: ForecastModel | 'auto';
  /**
   * The calendar: the day type of each date.
   *
   * __Default value:__ every day ordinary (`--calendar none`)
   */
  readonly dayType?: DayTypeOf;
  /**
   * Intervals with fewer actual calls are left out of the interval wMAPE and of
   * the coverage (their relative errors say little).
   *
   * __Default value:__ `20`
   */
  readonly minCalls?: number;
  /**
   * Most rolling origins of the backtest: the last days of the training that
   * leave at least 14 days before them.
   *
   * __Default value:__ `28`
   */
  readonly origins?: number;
}

/** One interval of the forecast. */
export interface ForecastInterval {
  /** Interval start, local clock, `YYYY-MM-DDTHH:MM`. */
  readonly start: string;
  /** Expected calls offered. */
  readonly mean: number;
  /** Lower end of the prediction interval, calls (a whole number). */
  readonly lower: number;
  /** Upper end of the prediction interval, calls (a whole number). */
  readonly upper: number;
}

/** One day of the forecast. */
export interface ForecastDay {
  /** ISO date. */
  readonly date: string;
  readonly dayType: DayType;
  /** Expected calls offered in the day. */
  readonly mean: number;
  /** Lower end of the day's prediction interval, calls. */
  readonly lower: number;
  /** Upper end of the day's prediction interval, calls. */
  readonly upper: number;
}

/**
 * The forecast's uncertainty, learnt from the backtest errors of the method
 * chosen, as coefficients of variation of gamma multipliers of mean 1 on the
 * expected calls: one for the whole horizon (the level), one per day, one per
 * interval beyond its day (by moments); the counts are Poisson around the
 * multiplied rate. The first two go to a scenario as `volumeForecastCv` and
 * `dayBusynessCv`. The prediction intervals use CVs calibrated on coverage.
 */
export interface ForecastUncertainty {
  /** CV of one multiplier common to every day of a forecast: errors shared by the days of an origin. */
  readonly levelCv: number;
  /** CV of each day's own multiplier. */
  readonly dayCv: number;
  /** CV of each interval's own multiplier, beyond its day's. */
  readonly intervalCv: number;
  /**
   * CV of the gamma multiplier of an interval's prediction interval,
   * calibrated to cover `level` of the backtest's intervals with at least
   * `minCalls` calls (split conformal prediction; see uncertainty.ts).
   */
  readonly intervalBandCv: number;
  /** The same for a day's prediction interval, calibrated on the backtest's days. */
  readonly dayBandCv: number;
  /** Forecast days the CVs are estimated from (origins x days ahead). */
  readonly days: number;
}

/** How one method did over the rolling origins. */
export interface BacktestScore {
  readonly model: ForecastModel;
  /** Σ|forecast - actual| / Σ actual over the days forecast; null when the method failed. */
  readonly dailyWmape: number | null;
  /** The same over the intervals with at least `minCalls` actual calls; null when none. */
  readonly intervalWmape: number | null;
  /**
   * Share of those intervals inside their prediction interval, each origin's
   * intervals calibrated on the other origins' errors (leave one origin out);
   * null with fewer than two origins.
   */
  readonly coverage: number | null;
  /**
   * What `auto` compares: the mean of `dailyWmape` and `intervalWmape` (the
   * daily one alone when no interval is scored); null when the method failed.
   */
  readonly loss: number | null;
  /**
   * Standard error of `loss` over the origins: the standard deviation of the
   * origins' own losses over the square root of their number; null with fewer
   * than two origins.
   */
  readonly lossStandardError: number | null;
  /** Why the method failed at some origin, when it did (then it is not chosen). */
  readonly failure?: string;
}

/** The rolling-origin backtest inside the training days. */
export interface Backtest {
  /** Last training day of each origin, ISO dates, oldest first. */
  readonly origins: readonly string[];
  /** Most days ahead forecast from an origin (the horizon's lead, cut at the training's end). */
  readonly maxDaysAhead: number;
  /** Days scored, over all origins. */
  readonly days: number;
  /** Intervals scored (at least `minCalls` actual calls), over all origins. */
  readonly intervals: number;
  readonly minCalls: number;
  /** Every method, in `FORECAST_MODELS` order (the naive first). */
  readonly scores: readonly BacktestScore[];
}

/** How a kind of special day is forecast. */
export interface SpecialDayRule {
  readonly dayType: 'holiday' | 'workedWeekend';
  /** `history`: learnt from the days of this type in the training; `assumed`: the default rule. */
  readonly basis: 'history' | 'assumed';
  /** With `history`: calls of such a day over the ordinary pattern of its date. */
  readonly ratio?: number;
  /**
   * With `assumed`: the weekdays whose mean level and intraday shares such a day
   * takes (a holiday: the quietest weekday; a worked weekend day: the five busiest).
   */
  readonly asWeekdays?: readonly string[];
  /** Days of this type in the training. */
  readonly daysInHistory: number;
}

/** What `forecastVolumes` returns. */
export interface VolumeForecast {
  /** The method used. */
  readonly model: ForecastModel;
  /** Whether it was chosen by the backtest (`auto`) or asked for. */
  readonly chosenBy: 'backtest' | 'option';
  readonly intervalMinutes: number;
  /** Level of the prediction intervals. */
  readonly level: number;
  readonly train: DateRange;
  readonly horizon: DateRange;
  /** Every interval of the horizon. */
  readonly byInterval: readonly ForecastInterval[];
  /** Every day of the horizon. */
  readonly byDay: readonly ForecastDay[];
  readonly uncertainty: ForecastUncertainty;
  readonly backtest: Backtest;
  /** Holidays and worked weekend days: how they are forecast. */
  readonly specialDays: readonly SpecialDayRule[];
  /**
   * Intervals of the training days replaced as outliers before the methods
   * learnt from them (an outage's empty hour, a one-off spike): start, calls
   * counted, calls put in their place.
   */
  readonly outliers: readonly {
    readonly start: string;
    readonly calls: number;
    readonly replacement: number;
  }[];
  /** Things the planner should know (an assumed special-day rule used, few origins). */
  readonly warnings: readonly string[];
}
