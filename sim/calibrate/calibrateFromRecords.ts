import { agentsPresentPerInterval } from './agentsPresent.js';
import { arrivalRatesByWeekday } from './arrivalRates.js';
import { fitHandleTimes, handleTimeSamples } from './handleTimeFit.js';
import { exponentialPatience, kaplanMeier, patienceObservations } from './patience.js';
import type { CalibratedParameters, ObservedCall, WeekdayName } from './types.js';

/** Options of {@link calibrateFromRecords}. */
export interface CalibrateOptions {
  /** Where the records came from, free text (kept in the result). */
  source: string;
  /**
   * Interval length, in minutes.
   *
   * __Default value:__ `30`
   */
  intervalMinutes?: 15 | 30 | 60;
  /**
   * Shortest handle time used in the fit, in seconds (see `handleTimeSamples`).
   *
   * __Default value:__ `0` (every positive handle time)
   */
  minHandleSeconds?: number;
  /**
   * Longest idle gap inside an agent's stretch of work, in seconds (see `agentsPresentPerInterval`).
   *
   * __Default value:__ `1800`
   */
  maxIdleGapSeconds?: number;
}

/**
 * Everything a scenario needs from call records, in one call: arrival rates per
 * weekday and interval (`arrivalRatesByWeekday`), agents present per weekday and
 * interval (`agentsPresentPerInterval`, averaged over the days of each weekday),
 * the handle-time distribution that fits better by AIC (`fitHandleTimes`), and an
 * exponential patience from abandonments over total wait (`exponentialPatience`)
 * with the Kaplan-Meier median beside it (`kaplanMeier`).
 *
 * @param records call records covering whole days
 * @param options source label, interval length and the estimators' options
 * @returns the parameters, in the shape of the calibrated-parameters file
 * @throws {RangeError} when the records hold fewer than 2 answered calls or no queued call
 * @example
 * calibrateFromRecords(bank.records, { source: 'Anonymous Bank, February 1999' }).patience.meanSeconds;
 */
export function calibrateFromRecords(
  records: readonly ObservedCall[],
  options: CalibrateOptions,
): CalibratedParameters {
  const intervalMinutes = options.intervalMinutes ?? 30;
  const intervalSeconds = intervalMinutes * 60;
  const rates = arrivalRatesByWeekday(records, { intervalSeconds });
  const agentOptions: { intervalSeconds: number; maxIdleGapSeconds?: number } = { intervalSeconds };
  if (options.maxIdleGapSeconds !== undefined) agentOptions.maxIdleGapSeconds = options.maxIdleGapSeconds;
  const agents = agentsPresentPerInterval(records, agentOptions);

  const perDay = 1440 / intervalMinutes;
  const agentSums = Array.from({ length: 7 }, () => new Array<number>(perDay).fill(0));
  for (const interval of agents.intervals) {
    const day = Math.floor((interval.startSeconds - rates.firstDaySeconds) / 86_400);
    if (day < 0 || day >= rates.days) continue;
    const weekday = new Date(interval.startSeconds * 1000).getUTCDay();
    const slot = Math.floor((interval.startSeconds - rates.firstDaySeconds - day * 86_400) / intervalSeconds);
    agentSums[weekday]![slot]! += interval.agentsPresent;
  }

  const handle = fitHandleTimes(handleTimeSamples(records, options.minHandleSeconds ?? 0).seconds);
  const observations = patienceObservations(records);
  const patience = exponentialPatience(observations);
  const km = kaplanMeier(observations);
  return {
    source: options.source,
    intervalMinutes,
    weekdays: rates.weekdays.map((w) => ({
      weekday: w.weekdayName as WeekdayName,
      days: w.days,
      arrivalsPerHour: [...w.arrivalsPerHour],
      agentsPresent: agentSums[w.weekday]!.map((sum) => sum / w.days),
    })),
    handleTime:
      handle.better === 'lognormal'
        ? { distribution: 'lognormal', meanSeconds: handle.lognormal.meanSeconds, cv: handle.lognormal.cv }
        : { distribution: 'exponential', meanSeconds: handle.exponential.meanSeconds, cv: 1 },
    patience: {
      distribution: 'exponential',
      meanSeconds: patience.meanPatienceSeconds,
      kaplanMeierMedianSeconds: km.medianSeconds,
    },
  };
}
