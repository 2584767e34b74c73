import { describe, expect, it } from 'vitest';
import { exponential } from '../../sim/model/distributions.js';
import { DEFAULT_SATISFACTION } from '../../sim/model/satisfaction.js';
import { simulate } from '../../sim/model/simulate.js';
import type { Scenario } from '../../sim/model/types.js';
import type { WorkforceSpec } from '../../sim/model/workforce.js';

/**
 * Statistical checks of issue 5's mechanisms in the simulator: rates against
 * their binomial spread, the realised turnover and the forecast error's spread
 * against their inputs, over seeded runs (the exact and same-seed comparisons are
 * in test/model/mechanisms.test.ts).
 */

/** |x - n p| within z binomial standard deviations. */
function expectBinomial(successes: number, trials: number, p: number, z = 3.3): void {
  expect(trials).toBeGreaterThan(0);
  expect(Math.abs(successes - trials * p)).toBeLessThanOrEqual(z * Math.sqrt(trials * p * (1 - p)) + 1e-9);
}

/** A day of 15-minute intervals at 400 calls an hour, 20 erlangs, 24 agents, redials. */
function loadedDay(overrides: Partial<Scenario> = {}): Scenario {
  return {
    startDate: '2020-05-12',
    days: 1,
    intervalMinutes: 15,
    arrivals: { kind: 'profile', dailyVolume: 9_600 },
    handle: exponential(180),
    patience: exponential(120),
    redial: { redialProbability: 0.7, maxAttempts: 4, delay: exponential(600) },
    agents: { kind: 'constant', count: 24 },
    answerWithinSeconds: 20,
    ...overrides,
  };
}

/** A light load (everybody answered at once), no redials. */
function lightDays(days: number, workforce?: WorkforceSpec): Scenario {
  return {
    startDate: '2020-01-01',
    days,
    intervalMinutes: 60,
    arrivals: { kind: 'profile', dailyVolume: 300 },
    handle: exponential(180),
    agents: { kind: 'constant', count: 12 },
    answerWithinSeconds: 20,
    ...(workforce !== undefined ? { workforce: { spec: workforce, plannedLiveAgents: 50 } } : {}),
  };
}

describe('the post-call survey: rates', () => {
  it('responses, complaints and QA samples occur at their probabilities (binomial, 3.3 sd); QA passes at 0.99 without a workforce', () => {
    const run = simulate(
      loadedDay({
        survey: {
          satisfaction: {
            ...DEFAULT_SATISFACTION,
            responseProbability: 0.35,
            complaintsPerAnsweredCall: 0.01,
          },
          qaSampleShare: 0.2,
          reviewMinutesPerDissatisfied: 20,
        },
      }),
      { seed: 12 },
    );
    const h = run.horizon;
    expect(h.answeredWithSurvey).toBe(h.answered);
    expectBinomial(h.surveyed, h.answered, 0.35);
    expectBinomial(h.complaints, h.answered, 0.01);
    expectBinomial(h.qaSampled, h.answered, 0.2);
    expectBinomial(h.qaPassed, h.qaSampled, 0.99); // the default learning curve's last step
    expectBinomial(h.surveySatisfied, h.surveyPositive, DEFAULT_SATISFACTION.satisfiedShareOfPositive);
    // Review workload: dissatisfied x 20 minutes / 60 (exact, by hand).
    expect(run.survey!.reviewByMonth).toEqual([
      {
        period: '2020-05',
        dissatisfied: h.surveyDissatisfied,
        reviewHours: (h.surveyDissatisfied * 20) / 60,
      },
    ]);
    expect(run.kpis.complaintRate).toBe(h.complaints / h.answered);
  });
});

describe('staff churn: realised turnover', () => {
  it('realises the input turnover: 0.25 lies in the 99% interval of 20 seeded years through simulate', () => {
    const spec: WorkforceSpec = {
      initialStaff: 200,
      turnover: 0.25,
      hiring: { policy: 'backfill', recruitmentLagDays: 30, trainingDays: 90 },
    };
    const scenario: Scenario = {
      ...lightDays(365, spec),
      intervalMinutes: 1_440,
      arrivals: { kind: 'profile', dailyVolume: 5 },
      workforce: { spec },
    };
    const rates = Array.from(
      { length: 20 },
      (_, r) => simulate(scenario, { seed: 21, replication: r }).workforce!.turnoverRate,
    );
    const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
    const sd = Math.sqrt(rates.reduce((a, b) => a + (b - mean) ** 2, 0) / (rates.length - 1));
    // Student t, 19 degrees of freedom, 99.5% quantile: 2.861 (tables).
    expect(Math.abs(mean - 0.25)).toBeLessThanOrEqual((2.861 * sd) / Math.sqrt(rates.length));
    expect(sd).toBeGreaterThan(0);
  });
});

describe('volume forecast error', () => {
  it('multiplies a replication`s volume by a gamma draw: the spread of daily attempts matches sqrt(mean + (cv x mean)^2)', () => {
    // Var(N) = E[Var(N | F)] + Var(E[N | F]) = 2,000 + (0.2 x 2,000)^2 (exact, by hand).
    const scenario: Scenario = {
      ...lightDays(1),
      arrivals: { kind: 'profile', dailyVolume: 2_000 },
      agents: { kind: 'constant', count: 100 },
      volumeForecastCv: 0.2,
    };
    const n = 40;
    const offered = Array.from(
      { length: n },
      (_, r) => simulate(scenario, { seed: 31, replication: r }).horizon.offered,
    );
    const mean = offered.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(offered.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    const sigma = Math.sqrt(2_000 + (0.2 * 2_000) ** 2);
    // 99% interval of s / sigma with 39 degrees of freedom: chi-square quantiles 19.996 and 65.476 (tables).
    expect(sd / sigma).toBeGreaterThan(Math.sqrt(19.996 / 39));
    expect(sd / sigma).toBeLessThan(Math.sqrt(65.476 / 39));
    expect(Math.abs(mean - 2_000)).toBeLessThan((2.708 * sigma) / Math.sqrt(n)); // t(39) 99.5%: 2.708
  });
});
