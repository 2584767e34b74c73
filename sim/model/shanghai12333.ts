/**
 * The default load of the Shanghai 12333 hotline (SEED project 1), built from
 * the public facts in FACTS.md §7.1 until `data/` ships the scenario as a file
 * (issue 4). Every figure names its source; "[A]" marks an assumption.
 *
 * Volumes are agent-bound FIRST attempts (fresh calls that leave the voice
 * menu asking for an agent), before redials.
 */

/** A daily load profile: how many calls, and how they spread over the year, the week and the day. */
export interface DailyLoadProfile {
  /** Agent-bound first attempts per day, annual mean (calls/day). */
  readonly dailyCalls: number;
  /**
   * Month factors, January to December. Normalised so that their mean weighted
   * by the days of each month in `year` is exactly 1: the annual mean of
   * `dailyCalls x monthFactor` over the year's days is `dailyCalls`.
   */
  readonly monthFactors: readonly number[];
  /** Day-of-week factors, Monday to Sunday, mean exactly 1. */
  readonly weekdayFactors: readonly number[];
  /** Share of a day's calls in each half hour, 48 values summing to 1; slot 0 is 00:00-00:30. */
  readonly intradayShares: readonly number[];
  /** The calendar year the month factors are normalised for. */
  readonly year: number;
}

/**
 * Number of days in each month of `year` (Gregorian), January first.
 *
 * @param year the calendar year
 * @returns 12 day counts
 * @example
 * daysInMonths(2020)[1]; // => 29 (a leap year's February)
 */
export function daysInMonths(year: number): number[] {
  return Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
}

/**
 * Scale month factors so that their mean, weighted by the days of each month
 * of `year`, is exactly 1 (FACTS.md gives factors that average 1.0083).
 *
 * @param factors 12 raw month factors, January first
 * @param year the calendar year whose month lengths weight the mean
 * @returns the 12 normalised factors
 * @throws {RangeError} when there are not 12 positive finite factors
 * @example
 * normaliseMonthFactors(Array(12).fill(2), 2020); // => [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
 */
export function normaliseMonthFactors(factors: readonly number[], year: number): number[] {
  if (factors.length !== 12 || !factors.every((f) => Number.isFinite(f) && f > 0)) {
    throw new RangeError(
      `normaliseMonthFactors: factors must be 12 positive numbers (got ${factors.length})`,
    );
  }
  const days = daysInMonths(year);
  const totalDays = days.reduce((a, b) => a + b, 0);
  const weighted = factors.reduce((sum, f, m) => sum + f * (days[m] ?? 0), 0);
  return factors.map((f) => (f * totalDays) / weighted);
}

/**
 * Spread 24 hourly shares over 48 half hours, smoothly, keeping every hour's
 * total exact. Starts from equal halves, then alternates a three-point
 * smoothing of the half-hour values (weights 1/4, 1/2, 1/4; the day wraps
 * around) with a rescaling of each hour's two halves back to the hour's total,
 * 200 times. The result is as smooth as the hour totals allow.
 *
 * @param hourlyShares 24 non-negative shares of the day (any total)
 * @returns 48 half-hour shares with the same total; slots 2h and 2h+1 sum to hour h
 * @throws {RangeError} when there are not 24 non-negative finite shares
 * @example
 * halfHourSharesFromHourly(Array(24).fill(1 / 24)).every((share) => share === 1 / 48); // => true
 */
export function halfHourSharesFromHourly(hourlyShares: readonly number[]): number[] {
  if (hourlyShares.length !== 24 || !hourlyShares.every((s) => Number.isFinite(s) && s >= 0)) {
    throw new RangeError('halfHourSharesFromHourly: hourlyShares must be 24 non-negative numbers');
  }
  let halves = hourlyShares.flatMap((s) => [s / 2, s / 2]);
  for (let iteration = 0; iteration < 200; iteration++) {
    const smooth = halves.map(
      (v, i) => 0.25 * (halves[(i + 47) % 48] ?? 0) + 0.5 * v + 0.25 * (halves[(i + 1) % 48] ?? 0),
    );
    halves = smooth.map((v, i) => {
      const h = Math.floor(i / 2);
      const pair = (smooth[2 * h] ?? 0) + (smooth[2 * h + 1] ?? 0);
      const total = hourlyShares[h] ?? 0;
      return pair > 0 ? (v * total) / pair : total / 2;
    });
  }
  return halves;
}

/**
 * Hourly shares of a weekday's calls, 00:00 first, built to match the
 * aggregates of FACTS.md §7.1 exactly: 00-08 = 3% of the day in all; 09-11 =
 * 28% (14% an hour, the busy hour; Huawei's busy-hour share 10-14%); 14-16 =
 * 26% (13% an hour). The shape of the other hours (a lunch dip at 12-13, a
 * shoulder at 08 and 16-17, an evening tail) is assumed [A], scaled so that the
 * day sums to 1. Source of the aggregates: gzqhw 2023 municipal-hotline
 * profile and the Huawei busy-hour rule (FACTS.md §5).
 */
export const SHANGHAI_12333_HOURLY_SHARES: readonly number[] = (() => {
  // Night 00-08: fixed shape, 3% in total.
  const night = [0.6, 0.4, 0.3, 0.25, 0.25, 0.3, 0.4, 0.5].map((s) => s / 100);
  // Peaks, exact.
  const peaks: Record<number, number> = { 9: 0.14, 10: 0.14, 14: 0.13, 15: 0.13 };
  // Other hours: assumed shape, scaled to the remaining 43%.
  const shoulder: Record<number, number> = {
    8: 5,
    11: 9.5,
    12: 5.5,
    13: 8.5,
    16: 8.5,
    17: 4.5,
    18: 2.5,
    19: 2,
    20: 1.5,
    21: 1.2,
    22: 0.9,
    23: 0.7,
  };
  const shoulderTotal = Object.values(shoulder).reduce((a, b) => a + b, 0);
  const remaining = 1 - 0.03 - 0.28 - 0.26;
  return Array.from({ length: 24 }, (_, h) => {
    if (h < 8) return night[h] ?? 0;
    if (h in peaks) return peaks[h] ?? 0;
    return ((shoulder[h] ?? 0) * remaining) / shoulderTotal;
  });
})();

/**
 * Raw month factors from FACTS.md §7.1 (January first): Jan 1.05, Feb 0.85,
 * Mar-Apr 1.10 (2020 epidemic policies [A]), May 0.95, Jun 1.00, Jul 1.15 (the
 * summer surge and +9% year on year [S]), Aug 1.05, Sep-Nov 0.95, Dec 1.00.
 * They average 1.0083, not 1; `shanghai12333Load2020` normalises them.
 */
export const SHANGHAI_12333_RAW_MONTH_FACTORS: readonly number[] = [
  1.05, 0.85, 1.1, 1.1, 0.95, 1.0, 1.15, 1.05, 0.95, 0.95, 0.95, 1.0,
];

/**
 * The 12333 default load for 2020: 25,000 agent-bound first attempts a day
 * (30,000 calls a day [S] less an assumed 15% finished in self-service [A]),
 * month factors normalised for 2020 (a leap year), weekday factors Mon 1.20,
 * Tue-Fri 1.10, Sat 0.75, Sun 0.65 [A] (they average exactly 1), and the
 * half-hour profile above.
 *
 * @example
 * const { dailyCalls, weekdayFactors, intradayShares } = shanghai12333Load2020;
 * const tuesday0930 = dailyCalls * (weekdayFactors[1] ?? 1) * (intradayShares[19] ?? 0); // calls in 09:30-10:00
 */
export const shanghai12333Load2020: DailyLoadProfile = {
  dailyCalls: 25_000,
  monthFactors: normaliseMonthFactors(SHANGHAI_12333_RAW_MONTH_FACTORS, 2020),
  weekdayFactors: [1.2, 1.1, 1.1, 1.1, 1.1, 0.75, 0.65],
  intradayShares: halfHourSharesFromHourly(SHANGHAI_12333_HOURLY_SHARES),
  year: 2020,
};

/**
 * The other 12333 defaults of FACTS.md §7.1, in the units the names say.
 * Each is a parameter a planner can change, never a constant in model code.
 */
export const shanghai12333Defaults = {
  /** All inbound calls a day, including those finished in the voice menu [S: "近3万/日"]. */
  inboundCallsPerDay: 30_000,
  /** Share of inbound calls finished in self-service, never asking for an agent [A; Ningxia 60%, Hangzhou 42%, Dongying 29%]. */
  selfServiceShare: 0.15,
  /** Mean talk time, seconds [S: "3 minutes"]; lognormal. */
  meanTalkSeconds: 180,
  /** Coefficient of variation of talk time [A]; lognormal shape [S: Brown et al. 2005]. */
  talkCv: 1.0,
  /** After-call work, seconds [A]. */
  wrapUpSeconds: 40,
  /** Mean handle time = talk + wrap-up, seconds [D]. */
  meanHandleSeconds: 220,
  /** Mean caller patience, seconds, exponential [A: literature ~2 min, IVR message at 60 s]. */
  meanPatienceSeconds: 90,
  /** Probability that a caller whose attempt failed (abandoned or blocked) redials [A; industry 33%]. */
  redialProbability: 0.5,
  /** Attempts in all, the first included: at most 3 retries [A]. */
  maxAttempts: 4,
  /** Mean delay before a redial, seconds, exponential [A: ~10 min]. */
  meanRedialDelaySeconds: 600,
  /** Service-level threshold, seconds: GB/T 33358-2016 asks government hotlines to answer within 15 s [S]. */
  answerWithinSeconds: 15,
  /** Physical seats [S, c.2017-18]. */
  seats: 359,
  /** Consultants on payroll [S, c.2017-18]. */
  staffOnPayroll: 407,
  /** Shrinkage: share of paid time not on the phones (breaks, leave, training) [S: 30-35%]. */
  shrinkage: 0.3,
  /** Occupancy cap [D: 80-90 calls x ~4 min in an 8 h shift]. */
  maxOccupancy: 0.85,
  /** The SEED target for the overall answer rate (综合接通率 > 80%). */
  answerRateTarget: 0.8,
} as const;
