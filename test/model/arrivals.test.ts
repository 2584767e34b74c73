import { describe, expect, it } from 'vitest';
import { deterministic, exponential } from '../../sim/model/distributions.js';
import { expectedArrivalsPerInterval } from '../../sim/model/scenario.js';
import { simulate } from '../../sim/model/simulate.js';
import type { Scenario } from '../../sim/model/types.js';

/** Plenty of agents and short calls: arrivals are what is tested. */
function base(overrides: Partial<Scenario>): Scenario {
  return {
    startDate: '2020-01-06', // a Monday
    days: 1,
    intervalMinutes: 30,
    arrivals: { kind: 'profile', dailyVolume: 1_000 },
    handle: deterministic(1),
    agents: { kind: 'constant', count: 50 },
    answerWithinSeconds: 20,
    ...overrides,
  };
}

describe('arrivals', () => {
  it('expected calls per interval = daily volume x month x weekday x share of the interval', () => {
    // Exact, by hand: 4,800 calls a day, January factor 1.05, Monday factor 1.2, hour 9
    // has 10% of the day and the other 23 hours share 90% equally; a half hour of hour 9
    // gets 4,800 x 1.05 x 1.2 x 0.05 = 302.4 calls.
    const shares = Array.from({ length: 24 }, (_, h) => (h === 9 ? 0.1 : 0.9 / 23));
    const monthFactors = [1.05, ...new Array<number>(11).fill(1)];
    const weekdayFactors = [1.2, 1, 1, 1, 1, 1, 1];
    const expected = expectedArrivalsPerInterval(
      base({
        arrivals: {
          kind: 'profile',
          dailyVolume: 4_800,
          monthFactors,
          weekdayFactors,
          intradayShares: shares,
        },
      }),
    );
    expect(expected).toHaveLength(48);
    expect(expected[18]).toBeCloseTo(302.4, 10);
    expect(expected[19]).toBeCloseTo(302.4, 10);
    expect(expected.reduce((a, b) => a + b, 0)).toBeCloseTo(4_800 * 1.05 * 1.2, 8);
  });

  it('a 15-minute interval takes a quarter of an hourly slot; a 2-day interval adds the days up', () => {
    // Exact, by hand: flat day of 960 calls -> 10 per 15 minutes; Monday 1.2 + Tuesday 1.0.
    expect(
      expectedArrivalsPerInterval(
        base({ intervalMinutes: 15, arrivals: { kind: 'profile', dailyVolume: 960 } }),
      )[5],
    ).toBeCloseTo(10, 12);
    const twoDays = expectedArrivalsPerInterval(
      base({
        days: 2,
        intervalMinutes: 2_880,
        arrivals: { kind: 'profile', dailyVolume: 100, weekdayFactors: [1.2, 1, 1, 1, 1, 1, 1] },
      }),
    );
    expect(twoDays).toHaveLength(1);
    expect(twoDays[0]).toBeCloseTo(220, 10);
  });

  it('the piecewise-constant Poisson process gives each interval its expected count, and none where the rate is 0', () => {
    // Poisson counts: over 20 days each position of the pattern expects 20 x 12 x rate
    // calls, with standard deviation its square root; 4.5 s.e. bounds.
    const pattern = [0, 100, 300, 20];
    const days = 20;
    const table = Array.from({ length: 48 * days }, (_, i) => pattern[i % 4]!);
    const run = simulate(base({ days, arrivals: { kind: 'table', callsPerInterval: table } }), { seed: 11 });
    const totals = [0, 0, 0, 0];
    run.intervals.forEach((row, i) => (totals[i % 4]! += row.offered));
    expect(totals[0]).toBe(0);
    pattern.forEach((rate, k) => {
      const expected = rate * 12 * days;
      expect(Math.abs(totals[k]! - expected)).toBeLessThanOrEqual(4.5 * Math.sqrt(expected));
    });
  });

  it('gaps carry across boundaries exactly: a rate far below one call per interval still gives the right count', () => {
    // 0.05 expected calls per 30 minutes over 366 days = 878.4 calls; almost every gap crosses
    // many boundaries. Poisson: 4.5 s.e. = 4.5 x sqrt(878.4).
    const run = simulate(
      base({
        days: 366,
        arrivals: { kind: 'table', callsPerInterval: new Array<number>(48 * 366).fill(0.05) },
      }),
      { seed: 12 },
    );
    expect(Math.abs(run.horizon.offered - 878.4)).toBeLessThanOrEqual(4.5 * Math.sqrt(878.4));
  });

  it('sends the self-service share to the voice menu', () => {
    // Binomial: 30% of about 20,000 entering calls; 4.5 s.e. of a proportion.
    const run = simulate(base({ days: 20, selfServiceShare: 0.3 }), { seed: 13 });
    const entering = run.horizon.selfServed + run.horizon.freshCallers;
    const share = run.horizon.selfServed / entering;
    expect(Math.abs(share - 0.3)).toBeLessThanOrEqual(4.5 * Math.sqrt((0.3 * 0.7) / entering));
    expect(run.kpis.answerRateIncludingSelfService).toBe(1);
  });

  it('day busyness spreads daily volumes: variance = mean + (cv x mean)^2', () => {
    // Mixed Poisson: a day's count N given busyness B is Poisson(1000 B), with E B = 1 and
    // sd B = 0.3, so Var N = 1000 + 300^2 = 91,000. Over 300 days the sample variance has a
    // relative standard error of about sqrt(2/299 + excess kurtosis/300), about 0.1 here;
    // the check allows 0.35 on the ratio. Without busyness the ratio is 1000/91000.
    const run = simulate(base({ days: 300, dayBusynessCv: 0.3, startDate: '2020-01-01' }), { seed: 14 });
    const counts = run.days.map((d) => d.freshCallers);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / (counts.length - 1);
    expect(Math.abs(mean - 1_000)).toBeLessThanOrEqual(4.5 * Math.sqrt(91_000 / 300));
    expect(variance / 91_000).toBeGreaterThan(0.65);
    expect(variance / 91_000).toBeLessThan(1.35);
  });

  it('measures only the cohort after the warm-up, and follows it until every caller is resolved', () => {
    // Exact: 500 warm-up arrivals are skipped, then exactly 2,000 callers are measured, and
    // all of them are answered, abandoned or blocked (none left waiting).
    const run = simulate(
      base({
        days: 5,
        intervalMinutes: 7_200,
        arrivals: { kind: 'table', callsPerInterval: [60_000] },
        handle: exponential(20),
        patience: exponential(30),
        agents: { kind: 'constant', count: 2 },
        measurement: { warmupArrivals: 500, arrivals: 2_000 },
      }),
      { seed: 15 },
    );
    expect(run.horizon.freshCallers).toBe(2_000);
    expect(run.horizon.offered).toBe(2_000);
    expect(run.horizon.answered + run.horizon.abandoned).toBe(2_000);
    expect(run.horizon.stillWaiting).toBe(0);
    expect(run.endState.endSeconds).toBeLessThan(5 * 86_400);
    // 2,500 + 1 arrivals at 1/7.2 s take about 18,000 s; 2,000 measured ones about 14,400 s.
    expect(run.horizon.measuredSeconds).toBeGreaterThan(12_000);
    expect(run.horizon.measuredSeconds).toBeLessThan(17_000);
    expect(run.warnings).toEqual([]);
  });

  it('ignores callers who arrive before warmupSeconds, and the time before it', () => {
    // Exact, by hand: calls at 10, 20, 100 and 200 s; measurement from 50 s.
    const run = simulate(
      base({ arrivals: { kind: 'at', seconds: [10, 20, 100, 200] }, measurement: { warmupSeconds: 50 } }),
      { seed: 1, recordCalls: true },
    );
    expect(run.horizon.freshCallers).toBe(2);
    expect(run.horizon.measuredSeconds).toBe(86_400 - 50);
    expect(run.records!.map((r) => r.measured)).toEqual([false, false, true, true]);
  });
});

describe('warnings and bad input', () => {
  it('warns when nobody abandons and the load reaches the agents, and when the warm-up covers the run', () => {
    const run = simulate(
      base({
        handle: exponential(3_600),
        agents: { kind: 'constant', count: 10 },
        measurement: { warmupSeconds: 90_000 },
      }),
      { seed: 1 },
    );
    expect(
      run.warnings.some((w) => w.startsWith('48 interval(s) have an offered load at or above the agents')),
    ).toBe(true);
    expect(run.warnings.some((w) => w.startsWith('no caller was measured'))).toBe(true);
    expect(run.kpis.answerRate).toBeNull();
  });

  it('rejects an invalid scenario, naming the field and the value', () => {
    expect(() => simulate(base({ days: 0 }), { seed: 1 })).toThrow(
      'simulate: scenario.days must be a positive integer (got 0)',
    );
    expect(() => simulate(base({ startDate: '2020-02-30' }), { seed: 1 })).toThrow(/scenario.startDate/);
    expect(() => simulate(base({ intervalMinutes: 7 }), { seed: 1 })).toThrow(
      /scenario.intervalMinutes must divide/,
    );
    expect(() => simulate(base({ selfServiceShare: 1.5 }), { seed: 1 })).toThrow(/scenario.selfServiceShare/);
    expect(() => simulate(base({ waitingRoom: -1 }), { seed: 1 })).toThrow(/scenario.waitingRoom/);
    expect(() => simulate(base({ agents: { kind: 'perInterval', counts: [1, 2] } }), { seed: 1 })).toThrow(
      'simulate: scenario.agents.counts must have 48 values (got 2)',
    );
    expect(() => simulate(base({ arrivals: { kind: 'at', seconds: [5, 3] } }), { seed: 1 })).toThrow(
      /scenario.arrivals.seconds\[1\]/,
    );
    expect(() =>
      simulate(base({ redial: { redialProbability: 0.5, maxAttempts: 0, delay: exponential(60) } }), {
        seed: 1,
      }),
    ).toThrow(/scenario.redial.maxAttempts/);
    expect(() => simulate(base({}), { seed: -1 })).toThrow(
      'simulate: options.seed must be a non-negative integer (got -1)',
    );
  });
});
