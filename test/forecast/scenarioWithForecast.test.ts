import { beforeAll, describe, expect, it } from 'vitest';
import { forecastVolumes } from '../../sim/forecast/forecastVolumes.js';
import { enteringCallsPerInterval, scenarioWithForecast } from '../../sim/forecast/scenarioWithForecast.js';
import type { VolumeForecast } from '../../sim/forecast/types.js';
import type { Scenario } from '../../sim/model/types.js';
import { hourlySeries } from './synthetic.js';

let forecast: VolumeForecast;
beforeAll(async () => {
  const series = hourlySeries({ startDate: '2020-03-02', days: 21, seed: 'scenario', dayCv: 0.05 });
  forecast = await forecastVolumes(series, {
    train: { from: '2020-03-02', to: '2020-03-22' },
    horizon: { from: '2020-03-23', to: '2020-03-24' },
    model: 'average',
    origins: 5,
  });
});

const base = (days: number, startDate = '2020-03-23'): Scenario => ({
  startDate,
  days,
  intervalMinutes: 30,
  arrivals: { kind: 'table', callsPerInterval: new Array<number>(days * 48).fill(1) },
  selfServiceShare: 0.2,
  dayBusynessCv: 0.3,
  handle: { kind: 'exponential', meanSeconds: 180 },
  agents: { kind: 'constant', count: 5 },
  answerWithinSeconds: 20,
});

describe('enteringCallsPerInterval', () => {
  // By hand: an hour's forecast m becomes two half hours of m / 2 / (1 - 0.2) calls entering.
  it('spreads each forecast interval over the scenario intervals it holds, before self-service', () => {
    const entering = enteringCallsPerInterval(forecast, 30, 0.2);
    expect(entering).toHaveLength(2 * 48);
    const m = forecast.byInterval[10]!.mean;
    expect(entering[20]).toBeCloseTo(m / 2 / 0.8, 12);
    expect(entering[21]).toBeCloseTo(m / 2 / 0.8, 12);
    expect(() => enteringCallsPerInterval(forecast, 45, 0)).toThrow(
      "the scenario's 45-minute intervals must divide",
    );
  });
});

describe('scenarioWithForecast', () => {
  it('puts the forecast in as arrivals and its level and day CVs into the replications', () => {
    const s = scenarioWithForecast(base(2), forecast);
    expect(s.arrivals).toEqual({
      kind: 'table',
      callsPerInterval: enteringCallsPerInterval(forecast, 30, 0.2),
    });
    expect(s.volumeForecastCv).toBe(forecast.uncertainty.levelCv);
    expect(s.dayBusynessCv).toBe(forecast.uncertainty.dayCv);
    expect(s.agents).toEqual({ kind: 'constant', count: 5 });
    expect(s.selfServiceShare).toBe(0.2);
  });

  it("refuses a scenario that is not for the forecast's days", () => {
    expect(() => scenarioWithForecast(base(3), forecast)).toThrow(
      "must be for the forecast's days 2020-03-23 to 2020-03-24",
    );
    expect(() => scenarioWithForecast(base(2, '2020-03-22'), forecast)).toThrow(/cut it with periodOf/);
  });
});
