import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstDaysOf, periodOf, readScenarioFile } from '../../sim/io/scenarioFile.js';
import { simulate } from '../../sim/model/simulate.js';
import { simulateWorkforce } from '../../sim/model/workforce.js';

const SCENARIO = fileURLToPath(new URL('../../data/shanghai-12333-2020/scenario.json', import.meta.url));

describe('periodOf: a chosen period of a scenario', () => {
  const { scenario } = readScenarioFile(SCENARIO);
  const july = periodOf(scenario, '2020-07-01', 31);

  it('cuts the tables to the period and dates it (1 July 2020 is day 182 of the leap year)', () => {
    expect(july.startDate).toBe('2020-07-01');
    expect(july.days).toBe(31);
    const calls = scenario.arrivals.kind === 'table' ? scenario.arrivals.callsPerInterval : [];
    const counts = scenario.agents.kind === 'perInterval' ? scenario.agents.counts : [];
    expect(july.arrivals).toEqual({ kind: 'table', callsPerInterval: calls.slice(182 * 48, 213 * 48) });
    expect(july.agents).toEqual({ kind: 'perInterval', counts: counts.slice(182 * 48, 213 * 48) });
    expect(july.workforce?.daysBefore).toBe(182);
    expect(periodOf(scenario, '2020-01-01', 7)).toEqual(firstDaysOf(scenario, 7));
  });

  it('starts the workforce with the staff the year has by then, day for day', () => {
    const spec = scenario.workforce!.spec;
    const year = simulateWorkforce(spec, { startDate: '2020-01-01', days: 366, seed: 3, replication: 2 });
    const period = simulateWorkforce(spec, {
      startDate: '2020-07-01',
      days: 31,
      seed: 3,
      replication: 2,
      daysBefore: 182,
    });
    expect(period.days).toEqual(year.days.slice(182, 213));
    expect(period.months).toEqual([year.months[6]]);
    expect(period.days[0]?.trainees).toBeGreaterThan(0); // the year's replacements are still training
    const fresh = simulateWorkforce(spec, { startDate: '2020-07-01', days: 31, seed: 3, replication: 2 });
    expect(fresh.days[0]?.trainees).toBe(0); // what the period would wrongly start with
    const run = simulate(periodOf(scenario, '2020-07-01', 2), { seed: 3, replication: 2 });
    expect(run.workforce?.days).toEqual(year.days.slice(182, 184));
  });

  it('refuses a period outside the horizon, naming it', () => {
    expect(() => periodOf(scenario, '2021-01-01', 1)).toThrow(
      'periodOf: from must be within the horizon 2020-01-01 to 2020-12-31 (got 2021-01-01)',
    );
    expect(() => periodOf(scenario, '2020-12-01', 32)).toThrow(
      'periodOf: days must be an integer from 1 to 31, the days left from 2020-12-01 to 2020-12-31 (got 32)',
    );
    expect(() => periodOf(scenario, '2020-02-30', 1)).toThrow('from must be a date YYYY-MM-DD');
  });
});
