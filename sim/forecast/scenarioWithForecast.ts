import type { Scenario } from '../model/types.js';
import { isoDayNumber } from './series.js';
import type { VolumeForecast } from './types.js';

/**
 * Expected calls entering per scenario interval from a forecast of calls
 * offered per forecast interval: each forecast interval's calls spread evenly
 * over the scenario intervals it holds, and divided by (1 - self-service share)
 * because a scenario's arrivals are calls entering, before the voice menu.
 *
 * @param forecast the forecast
 * @param intervalMinutes the scenario's interval, dividing the forecast's
 * @param selfServiceShare the scenario's share of calls finished in the voice menu
 * @returns calls entering per scenario interval over the forecast's horizon
 * @throws {RangeError} when the scenario's interval does not divide the forecast's
 * @example
 * const series = offeredCallsSeries(readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv').records, { intervalMinutes: 60 });
 * const forecast = await forecastVolumes(series, {
 *   train: { from: '1999-02-01', to: '1999-02-21' }, horizon: { from: '1999-02-22', to: '1999-02-28' },
 * });
 * enteringCallsPerInterval(forecast, 30, 0.15).length; // => 7 * 48 (7 days of half hours)
 */
export function enteringCallsPerInterval(
  forecast: VolumeForecast,
  intervalMinutes: number,
  selfServiceShare: number,
): number[] {
  if (!Number.isInteger(forecast.intervalMinutes / intervalMinutes)) {
    throw new RangeError(
      `enteringCallsPerInterval: the scenario's ${intervalMinutes}-minute intervals must divide the forecast's ${forecast.intervalMinutes} minutes`,
    );
  }
  const split = forecast.intervalMinutes / intervalMinutes;
  const scale = 1 / (1 - selfServiceShare) / split;
  return forecast.byInterval.flatMap((f) => new Array<number>(split).fill(f.mean * scale));
}

/**
 * A scenario whose arrivals are a forecast and which carries the forecast's
 * uncertainty into every replication: one gamma multiplier of the whole
 * horizon per replication (`volumeForecastCv`, the level CV of the backtest)
 * and one per day (`dayBusynessCv`, the day CV, which replaces the scenario's
 * own day-to-day busyness: the forecast's daily errors include it).
 * Everything else (handle time, patience, redials, agents, mechanisms) is the
 * scenario's. The scenario must be for the forecast's days exactly: cut a
 * longer one first (`periodOf` for a scenario read from a file, which also
 * keeps its workforce's year).
 *
 * @param scenario a scenario for the forecast's days (its start date and number of days)
 * @param forecast the forecast (`forecastVolumes`)
 * @returns the scenario with arrivals as a table of the forecast's calls entering
 * @throws {RangeError} when the scenario's days are not the forecast's, or the intervals do not fit
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * const params = calibrateFromRecords(bank.records, { source: 'bank', intervalMinutes: 60 });
 * const forecast = await forecastVolumes(offeredCallsSeries(bank.records, { intervalMinutes: 60 }), {
 *   train: { from: '1999-02-01', to: '1999-02-21' }, horizon: { from: '1999-02-22', to: '1999-02-28' },
 * });
 * const week = scenarioWithForecast(scenarioFromCalibration(params, { startDate: '1999-02-22', days: 7, answerWithinSeconds: 20 }), forecast);
 * week.volumeForecastCv === forecast.uncertainty.levelCv; // => true (the backtest's level CV)
 */
export function scenarioWithForecast(scenario: Scenario, forecast: VolumeForecast): Scenario {
  const from = isoDayNumber(forecast.horizon.from);
  const to = isoDayNumber(forecast.horizon.to);
  if (
    scenario.startDate !== forecast.horizon.from ||
    from === undefined ||
    to === undefined ||
    scenario.days !== to - from + 1
  ) {
    throw new RangeError(
      `scenarioWithForecast: the scenario (${scenario.startDate}, ${scenario.days} days) must be for the forecast's days ${forecast.horizon.from} to ${forecast.horizon.to} (cut it with periodOf)`,
    );
  }
  return {
    ...scenario,
    arrivals: {
      kind: 'table',
      callsPerInterval: enteringCallsPerInterval(
        forecast,
        scenario.intervalMinutes,
        scenario.selfServiceShare ?? 0,
      ),
    },
    volumeForecastCv: forecast.uncertainty.levelCv,
    dayBusynessCv: forecast.uncertainty.dayCv,
  };
}
