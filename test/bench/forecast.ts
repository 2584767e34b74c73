/**
 * Benchmarks of the forecast (printed by `npm run bench`, not a test): the
 * Anonymous Bank's week (504 training hours, every method, 7 origins), and a
 * year of 12333-like half hours (a 2020 history with Poisson noise around the
 * default load, forecasting January 2021 with every method and 28 origins).
 * Wall-clock and CPU seconds, and the peak resident memory of the process.
 */
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { forecastVolumes } from '../../sim/forecast/forecastVolumes.js';
import { offeredCallsSeries } from '../../sim/forecast/series.js';
import { readAnonymousBankCalls } from '../../sim/io/anonymousBank.js';
import { shanghai12333Load2020 } from '../../sim/model/shanghai12333.js';

async function timed(label: string, run: () => Promise<unknown>): Promise<void> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(
    `  ${label}: ${wall.toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU, ${rss.toFixed(0)} MB resident`,
  );
}

/** 2020 by half hours around the 12333 default load, Poisson (normal approximation above 50 calls). */
function year2020(): { startDate: string; intervalMinutes: number; calls: number[] } {
  const { dailyCalls, monthFactors, weekdayFactors, intradayShares } = shanghai12333Load2020;
  const rng = seedrandom.alea('forecast-bench');
  const calls: number[] = [];
  for (let d = 0; d < 366; d++) {
    const date = new Date(Date.UTC(2020, 0, 1 + d));
    const day =
      dailyCalls *
      (monthFactors[date.getUTCMonth()] ?? 1) *
      (weekdayFactors[(date.getUTCDay() + 6) % 7] ?? 1);
    for (let slot = 0; slot < 48; slot++) {
      const mean = day * (intradayShares[slot] ?? 0);
      const z = Math.sqrt(-2 * Math.log(rng() || 1e-12)) * Math.cos(2 * Math.PI * rng());
      calls.push(Math.max(0, Math.round(mean + Math.sqrt(mean) * z)));
    }
  }
  return { startDate: '2020-01-01', intervalMinutes: 30, calls };
}

export async function benchForecast(): Promise<void> {
  console.log('forecast (forecastVolumes, model auto: all five methods in the backtest)');
  const bank = readAnonymousBankCalls(
    fileURLToPath(new URL('../../../data/anonymous-bank/calls-1999-02.tsv', import.meta.url)),
  );
  const series = offeredCallsSeries(bank.records, { intervalMinutes: 60 });
  await timed('bank, 21 days of hours, 7 origins, 7 days ahead', () =>
    forecastVolumes(series, {
      train: { from: '1999-02-01', to: '1999-02-21' },
      horizon: { from: '1999-02-22', to: '1999-02-28' },
    }),
  );
  await timed('12333-like year of half hours (2020), 28 origins, January 2021', () =>
    forecastVolumes(year2020(), {
      train: { from: '2020-01-01', to: '2020-12-31' },
      horizon: { from: '2021-01-01', to: '2021-01-31' },
    }),
  );
}
