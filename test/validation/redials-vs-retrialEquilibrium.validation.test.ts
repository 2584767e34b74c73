import { describe, expect, it } from 'vitest';
import { retrialEquilibrium, type RetrialParams } from '../../sim/analytic/retrialEquilibrium.js';
import { exponential } from '../../sim/model/distributions.js';
import { simulate } from '../../sim/model/simulate.js';
import type { Scenario } from '../../sim/model/types.js';
import { confidenceInterval } from '../../sim/stats/confidenceInterval.js';
import { LONG, VALIDATION_SEED } from './helpers.js';

// Redials in the simulator against the fixed point of retrialEquilibrium.
//
// The fixed point treats redials as Poisson arrivals at the equilibrium rate. They are
// not: failures come in bursts (when the queue is long, many callers abandon at once),
// and a burst of failures comes back as a burst of redials one delay later, while the
// queue may still be long. This positive feedback makes the offered stream more
// variable than Poisson, so the fixed point is optimistic: the simulated answer rates
// are lower and the attempts per caller higher. The effect vanishes as the mean redial
// delay grows long against the time the queue takes to forget its state (random
// displacement of points makes a stream Poisson in the limit), and grows with short
// delays and a high redial probability. So:
//  1. with a 4-hour mean delay, the fixed point is exact: it must lie inside the 99%
//     interval of the simulated means;
//  2. with realistic delays (5 to 10 minutes, the 12333 default) the whole 99% interval
//     must lie within a stated tolerance of the fixed point: 1.5 points for the answer
//     rate per attempt, 1 point per caller, 0.015 attempts per caller. Measured (30 x
//     40,000 callers): biases of -0.4 to -1.0 point per attempt, -0.2 to -0.4 point per
//     caller, +0.002 to +0.007 attempts per caller;
//  3. with a 1-minute delay and 90% redialling up to 10 attempts, the fixed point is
//     known to be too optimistic (about 8 points per attempt): the test pins the sign
//     and a lower bound of 3 points so that nobody mistakes it for a safe regime.
// The tolerances were set from the argument above and the measured biases, never
// widened to pass. Handle time 180 s (exponential) everywhere.

const REPLICATIONS = LONG ? 100 : 30;
const CALLS = LONG ? 200_000 : 40_000;

interface Case {
  agents: number;
  freshErlangs: number;
  meanPatienceSeconds: number;
  waitingRoom?: number;
  redialProbability: number;
  maxAttempts: number;
  meanDelaySeconds: number;
}

/** One stationary interval fed by fresh callers and their redials, measuring a cohort after a warm-up. */
function scenarioOf(c: Case): { scenario: Scenario; params: RetrialParams } {
  const freshCallsPerHour = (c.freshErlangs * 3600) / 180;
  const perSecond = freshCallsPerHour / 3600;
  const warmupArrivals = Math.ceil(CALLS / 5);
  const total = warmupArrivals + CALLS;
  // Room for every arrival, then for the cohort's last redials to resolve.
  const horizonSeconds =
    (total + 10 * Math.sqrt(total)) / perSecond +
    100 * (180 + c.meanPatienceSeconds + c.maxAttempts * c.meanDelaySeconds);
  const days = Math.ceil(horizonSeconds / 86_400);
  const scenario: Scenario = {
    startDate: '2020-01-01',
    days,
    intervalMinutes: days * 1440,
    arrivals: { kind: 'table', callsPerInterval: [perSecond * days * 86_400] },
    handle: exponential(180),
    patience: exponential(c.meanPatienceSeconds),
    ...(c.waitingRoom !== undefined ? { waitingRoom: c.waitingRoom } : {}),
    redial: {
      redialProbability: c.redialProbability,
      maxAttempts: c.maxAttempts,
      delay: exponential(c.meanDelaySeconds),
    },
    agents: { kind: 'constant', count: c.agents },
    answerWithinSeconds: 20,
    measurement: { warmupArrivals, arrivals: CALLS },
  };
  const params: RetrialParams = {
    freshCallsPerHour,
    agents: c.agents,
    meanHandleSeconds: 180,
    meanPatienceSeconds: c.meanPatienceSeconds,
    ...(c.waitingRoom !== undefined ? { waitingRoom: c.waitingRoom } : {}),
    answerWithinSeconds: 20,
    redialProbability: c.redialProbability,
    maxAttempts: c.maxAttempts,
  };
  return { scenario, params };
}

interface Measured {
  perAttempt: { lower: number; upper: number; mean: number };
  perCaller: { lower: number; upper: number; mean: number };
  attemptsPerCaller: { lower: number; upper: number; mean: number };
}

function measure(c: Case): { measured: Measured; fixedPoint: ReturnType<typeof retrialEquilibrium> } {
  const { scenario, params } = scenarioOf(c);
  const perAttempt: number[] = [];
  const perCaller: number[] = [];
  const attempts: number[] = [];
  for (let replication = 0; replication < REPLICATIONS; replication++) {
    const h = simulate(scenario, { seed: VALIDATION_SEED, replication }).horizon;
    expect(h.stillWaiting).toBe(0);
    perAttempt.push(h.answered / h.offered);
    perCaller.push(h.freshCallersAnswered / h.freshCallers);
    attempts.push(h.offered / h.freshCallers);
  }
  return {
    measured: {
      perAttempt: confidenceInterval(perAttempt, 0.99),
      perCaller: confidenceInterval(perCaller, 0.99),
      attemptsPerCaller: confidenceInterval(attempts, 0.99),
    },
    fixedPoint: retrialEquilibrium(params),
  };
}

function expectInside(
  name: string,
  interval: { lower: number; upper: number; mean: number },
  exact: number,
): void {
  const message = `${name}: fixed point ${exact} outside the 99% interval [${interval.lower}, ${interval.upper}]`;
  expect(exact, message).toBeGreaterThanOrEqual(interval.lower);
  expect(exact, message).toBeLessThanOrEqual(interval.upper);
}

function expectWithin(
  name: string,
  interval: { lower: number; upper: number; mean: number },
  exact: number,
  tolerance: number,
): void {
  const message = `${name}: 99% interval [${interval.lower}, ${interval.upper}] not within ${tolerance} of the fixed point ${exact}`;
  expect(interval.lower, message).toBeGreaterThanOrEqual(exact - tolerance);
  expect(interval.upper, message).toBeLessThanOrEqual(exact + tolerance);
}

describe(`redials against retrialEquilibrium (${REPLICATIONS} replications of ${CALLS} callers)`, () => {
  it.each([
    {
      agents: 50,
      freshErlangs: 50,
      meanPatienceSeconds: 90,
      redialProbability: 0.5,
      maxAttempts: 4,
      meanDelaySeconds: 14_400,
    },
    {
      agents: 30,
      freshErlangs: 28,
      meanPatienceSeconds: 120,
      redialProbability: 0.7,
      maxAttempts: 3,
      meanDelaySeconds: 14_400,
    },
  ])('with a 4-hour mean delay the fixed point is exact: inside the 99% interval (%o)', (c) => {
    const { measured, fixedPoint } = measure(c);
    expectInside('answer rate per attempt', measured.perAttempt, fixedPoint.answerRatePerAttempt);
    expectInside('answer rate per caller', measured.perCaller, fixedPoint.answerRatePerCaller);
    expectInside('attempts per caller', measured.attemptsPerCaller, fixedPoint.attemptsPerCaller);
  });

  it.each([
    {
      agents: 50,
      freshErlangs: 50,
      meanPatienceSeconds: 90,
      redialProbability: 0.5,
      maxAttempts: 4,
      meanDelaySeconds: 600,
    },
    {
      agents: 30,
      freshErlangs: 28,
      meanPatienceSeconds: 120,
      redialProbability: 0.7,
      maxAttempts: 3,
      meanDelaySeconds: 300,
    },
    {
      agents: 20,
      freshErlangs: 22,
      meanPatienceSeconds: 60,
      waitingRoom: 5,
      redialProbability: 0.5,
      maxAttempts: 3,
      meanDelaySeconds: 600,
    },
  ])('with 5-10 minute delays the simulation is within the stated tolerance of the fixed point (%o)', (c) => {
    const { measured, fixedPoint } = measure(c);
    expectWithin('answer rate per attempt', measured.perAttempt, fixedPoint.answerRatePerAttempt, 0.015);
    expectWithin('answer rate per caller', measured.perCaller, fixedPoint.answerRatePerCaller, 0.01);
    expectWithin('attempts per caller', measured.attemptsPerCaller, fixedPoint.attemptsPerCaller, 0.015);
  });

  it('with 1-minute delays and persistent callers the fixed point is optimistic (a known limit)', () => {
    const { measured, fixedPoint } = measure({
      agents: 50,
      freshErlangs: 50,
      meanPatienceSeconds: 90,
      redialProbability: 0.9,
      maxAttempts: 10,
      meanDelaySeconds: 60,
    });
    expect(fixedPoint.answerRatePerAttempt - measured.perAttempt.upper).toBeGreaterThan(0.03);
    expect(measured.attemptsPerCaller.lower).toBeGreaterThan(fixedPoint.attemptsPerCaller);
  });
});
