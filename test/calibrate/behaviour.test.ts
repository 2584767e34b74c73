import { describe, expect, it } from 'vitest';
import { afterCallUnavailability } from '../../sim/calibrate/afterCall.js';
import { calibrateBehaviour } from '../../sim/calibrate/behaviour.js';
import { patienceObservations } from '../../sim/calibrate/patience.js';
import { patienceHazard } from '../../sim/calibrate/patienceHazard.js';
import { periodInputs } from '../../sim/calibrate/periodInputs.js';
import type { ObservedCall } from '../../sim/calibrate/types.js';
import {
  distributionMean,
  exponential,
  lognormal,
  mixture,
  piecewiseHazard,
} from '../../sim/model/distributions.js';
import { simulate } from '../../sim/model/simulate.js';
import type { Distribution, Scenario } from '../../sim/model/types.js';

const DAY = Date.UTC(1999, 1, 15) / 1000; // Monday 15 February 1999, local seconds
const at = (hh: number, mm: number, ss = 0): number => DAY + hh * 3600 + mm * 60 + ss;

/** Call records of a simulated stationary day: arrivals, waits, outcomes and handle times. */
function simulatedRecords(patience: Distribution, handle: Distribution, seed: number): ObservedCall[] {
  const scenario: Scenario = {
    startDate: '1999-02-15',
    days: 20,
    intervalMinutes: 1440,
    arrivals: { kind: 'table', callsPerInterval: new Array<number>(20).fill(6_500) },
    handle,
    patience,
    agents: { kind: 'constant', count: 9 },
    answerWithinSeconds: 20,
  };
  const run = simulate(scenario, { seed, recordCalls: 1_000_000 });
  return run.records!.flatMap((r): ObservedCall[] =>
    r.outcome === 'answered'
      ? [
          {
            arrivalSeconds: DAY + r.arrivalSeconds,
            waitSeconds: r.waitSeconds,
            outcome: 'answered',
            handleSeconds: r.handleSeconds,
          },
        ]
      : r.outcome === 'abandoned'
        ? [{ arrivalSeconds: DAY + r.arrivalSeconds, waitSeconds: r.waitSeconds, outcome: 'abandoned' }]
        : [],
  );
}

describe('patienceHazard', () => {
  // Exact, by hand: 2 abandoned after 5 s and 30 s, 2 answered after 40 s; pieces at 0 and 20 s.
  // Piece [0, 20): 1 abandonment, exposure 5 + 20 + 20 + 20 = 65 s; piece [20, inf): 1 over 10 + 20 + 20 = 50 s.
  it('is abandonments over the waiting time inside each piece', () => {
    const fit = patienceHazard(
      [
        { seconds: 5, abandoned: true },
        { seconds: 30, abandoned: true },
        { seconds: 40, abandoned: false },
        { seconds: 40, abandoned: false },
      ],
      { breakpointsSeconds: [0, 20] },
    );
    expect(fit.distribution.hazardPerSecond).toEqual([1 / 65, 1 / 50]);
    expect(fit.pieces.map((p) => [p.abandonments, p.exposureSeconds])).toEqual([
      [1, 65],
      [1, 50],
    ]);
    // log L = sum over pieces of d log(d / e) - d; the exponential: 2 log(2 / 115) - 2.
    expect(fit.logLikelihood).toBeCloseTo(Math.log(1 / 65) - 1 + Math.log(1 / 50) - 1, 12);
    expect(fit.exponentialLogLikelihood).toBeCloseTo(2 * Math.log(2 / 115) - 2, 12);
  });

  it('merges trailing pieces without an abandonment into the one before', () => {
    const fit = patienceHazard(
      [
        { seconds: 5, abandoned: true },
        { seconds: 70, abandoned: false },
      ],
      { breakpointsSeconds: [0, 20, 60] },
    );
    expect(fit.distribution.breakpointsSeconds).toEqual([0]);
    expect(fit.distribution.hazardPerSecond).toEqual([1 / 75]);
  });

  // Recovery: the simulator's own records with a known piecewise hazard (a peak at 60 s
  // like the bank's announcement): every true hazard inside its piece's 99% interval.
  it('recovers a known hazard from the records of the simulator within 99% intervals', () => {
    const truth = piecewiseHazard([0, 20, 60, 70, 180], [0.004, 0.0025, 0.009, 0.003, 0.0015]);
    const records = simulatedRecords(truth, exponential(120), 3);
    const fit = patienceHazard(patienceObservations(records), {
      breakpointsSeconds: [0, 20, 60, 70, 180],
      level: 0.99,
    });
    expect(fit.abandonments).toBeGreaterThan(2_000);
    fit.pieces.forEach((piece, i) => {
      expect(piece.lower).toBeLessThanOrEqual(truth.hazardPerSecond[i]!);
      expect(piece.upper).toBeGreaterThanOrEqual(truth.hazardPerSecond[i]!);
    });
    // and the piecewise model beats one exponential by AIC on such data
    expect(fit.aic).toBeLessThan(fit.exponentialAic);
  });

  it('rejects bad input, naming the argument', () => {
    expect(() => patienceHazard([])).toThrow('patienceHazard: observations must not be empty (got 0)');
    expect(() => patienceHazard([{ seconds: 3, abandoned: false }])).toThrow(/must hold an abandonment/);
    expect(() => patienceHazard([{ seconds: -1, abandoned: true }])).toThrow(/observations\[0\]\.seconds/);
    expect(() => patienceHazard([{ seconds: 3, abandoned: true }], { breakpointsSeconds: [10] })).toThrow(
      /start at 0/,
    );
  });
});

describe('afterCallUnavailability', () => {
  const answered = (agentId: string, start: number, handle: number, wait = 0): ObservedCall => ({
    arrivalSeconds: start - wait,
    waitSeconds: wait,
    outcome: 'answered',
    handleSeconds: handle,
    agentId,
  });

  // By hand: agent A serves 10:00-10:03 and 10:04-10:06. A caller waits 10:02-10:04 (answered
  // by A at 10:04): after A's first call 60 s of the 60 s gap had a caller waiting. Agent B
  // serves 10:10-10:11 and 10:20-10:21 with nobody waiting at 10:11: no sample. A's gap
  // after 10:06 to a call at 12:00 is over the hour: another stretch, no sample.
  it("takes, after a call ended with callers waiting, the time callers kept waiting until the agent's next call", () => {
    const records: ObservedCall[] = [
      answered('A', at(10, 0), 180),
      answered('A', at(10, 4), 120, 120),
      answered('B', at(10, 10), 60),
      answered('B', at(10, 20), 60),
      answered('A', at(12, 0), 60),
    ];
    const estimate = afterCallUnavailability(records);
    expect(estimate.samplesSeconds).toEqual([60]);
    expect(estimate.gapsSeconds).toEqual([60]);
    expect(estimate.hours).toEqual([10]);
    expect(estimate.callsFollowed).toBe(2);
  });

  // By hand: A ends at 10:03 with a caller waiting 10:02:30-10:03:30 (answered by B at 10:03:30);
  // A's next call is at 10:05: the gap is 120 s, callers waited 30 s of it.
  it('counts only the part of the gap during which callers waited', () => {
    const records: ObservedCall[] = [
      answered('A', at(10, 0), 180),
      answered('B', at(10, 3, 30), 100, 60),
      answered('A', at(10, 5), 60),
    ];
    const estimate = afterCallUnavailability(records);
    expect(estimate.samplesSeconds).toEqual([30]);
    expect(estimate.gapsSeconds).toEqual([120]);
  });
});

describe('periodInputs', () => {
  // By hand, 30-minute intervals: agent A serves 08:10-08:20 and 09:40-09:50 (a gap of 80 min:
  // two stretches), agent B 08:00-08:40 and 09:20-09:30 (a gap of 40 min: one stretch
  // 08:00-09:30). Scheduled in 08:00-08:30: A 10 min + B 30 min = 40/30; 08:30-09:00: B 1;
  // 09:00-09:30: B 1; 09:30-10:00: A 10 min = 10/30.
  it('schedules agents over their stretches of work, split at idle gaps over an hour', () => {
    const call = (agentId: string, start: number, minutes: number): ObservedCall => ({
      arrivalSeconds: start,
      waitSeconds: 0,
      outcome: 'answered',
      handleSeconds: minutes * 60,
      agentId,
    });
    const records = [
      call('A', at(8, 10), 10),
      call('A', at(9, 40), 10),
      call('B', at(8, 0), 40),
      call('B', at(9, 20), 10),
    ];
    const inputs = periodInputs(records, { from: '1999-02-15', to: '1999-02-15' }, { intervalSeconds: 1800 });
    expect(inputs.days).toEqual(['1999-02-15']);
    expect(inputs.agentsScheduled.slice(16, 20)).toEqual([40 / 30, 1, 1, 10 / 30]);
    expect(inputs.agentsRounded.slice(16, 20)).toEqual([1, 1, 1, 0]);
    expect(inputs.callsPerInterval.slice(16, 20)).toEqual([2, 0, 1, 1]);
    expect(inputs.callsPerInterval.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('names a day with calls but no named agent', () => {
    const inputs = periodInputs(
      [{ arrivalSeconds: at(9, 0), waitSeconds: 4, outcome: 'abandoned', row: 17 }],
      { from: '1999-02-15', to: '1999-02-16' },
    );
    expect(inputs.daysWithoutAgents).toEqual([{ date: '1999-02-15', firstRow: 17 }]);
  });
});

describe('calibrateBehaviour', () => {
  // Recovery from the simulator's own records: talk lognormal with 6% of very short services
  // (the bank's shape); the short share within its 99% binomial interval, the lognormal's mean
  // within 99% of its standard error, and the patience hazard's pieces covering the truth.
  it('recovers a known talk time and patience from simulated records', () => {
    const talk = mixture([
      { weight: 0.06, distribution: exponential(3) },
      { weight: 0.94, distribution: lognormal(190, 1.2) },
    ]);
    const truth = piecewiseHazard([0, 60], [0.003, 0.002]);
    const records = simulatedRecords(truth, talk, 5);
    const behaviour = calibrateBehaviour(records, { patienceBreakpointsSeconds: [0, 60] });
    const z = 2.5758293035489;
    const n = behaviour.talkFit.services;
    // short services: exponential(3) draws below 10 s (96.4%) plus lognormal draws below 10 s
    const p = 0.06 * (1 - Math.exp(-10 / 3)) + 0.94 * normalCdfLogBelow(10, 190, 1.2);
    expect(Math.abs(behaviour.talkFit.shortShare - p)).toBeLessThan(z * Math.sqrt((p * (1 - p)) / n));
    // the lognormal fitted to the services of 10 s or more: its sigma of logs within 99%
    const sigma = Math.sqrt(Math.log(1 + 1.2 * 1.2));
    const fitted = behaviour.talkFit.fit.lognormal.sigma;
    expect(Math.abs(fitted - sigma)).toBeLessThan(0.02);
    behaviour.patienceFit.pieces.forEach((piece, i) => {
      expect(piece.lower).toBeLessThanOrEqual(truth.hazardPerSecond[i]!);
      expect(piece.upper).toBeGreaterThanOrEqual(truth.hazardPerSecond[i]!);
    });
    // the handle time is talk plus after-call time; simulated records name no agent: none
    expect(behaviour.handle.kind).toBe('sum');
    expect(distributionMean(behaviour.afterCall)).toBe(0);
    expect(distributionMean(behaviour.talk)).toBeCloseTo(
      behaviour.talkFit.shortShare * behaviour.talkFit.shortMeanSeconds +
        (1 - behaviour.talkFit.shortShare) * behaviour.talkFit.fit.sampleMeanSeconds,
      9,
    );
  });
});

/** P(lognormal with this mean and cv < x). */
function normalCdfLogBelow(x: number, mean: number, cv: number): number {
  const sigma2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - sigma2 / 2;
  const z = (Math.log(x) - mu) / Math.sqrt(sigma2);
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Complementary error function (Numerical Recipes' erfcc, |error| < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
