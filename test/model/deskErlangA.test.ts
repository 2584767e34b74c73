import { describe, expect, it } from 'vitest';
import { queueMetrics } from '../../sim/analytic/queueMetrics.js';
import { exponential } from '../../sim/model/distributions.js';
import { deskKpisOf, simulateDesk } from '../../sim/model/desk/simulateDesk.js';
import { confidenceInterval } from '../../sim/stats/confidenceInterval.js';

// With no work orders, 10 staff all on the phones, exponential talk (mean 240 s) and exponential
// patience (mean 60 s), the desk's transfer seats are an Erlang A queue (M/M/10+M) at the desk's
// rate of 1,200 calls / 9 h = 133.3 calls an hour, 8.9 erlangs. The desk is opened round the clock
// on working days (3,200 calls a day, even over 24 hours), so Monday to Friday is one stationary
// queue: with 08:30-17:30 days, opening empty each morning and answering the calls still waiting
// at closing raise the answer rate by about 0.4 points (0.8865 against 0.8821, measured), which
// is the model's business-hours edge, not an error. Seeds are fixed, so the test is deterministic;
// never widen the interval to make it pass.
describe("the desk's transfer seats vs Erlang A", () => {
  it('the Erlang A answer rate lies in the 99% interval of 12 replications of two weeks', () => {
    const theory = queueMetrics({
      agents: 10,
      arrivalsPerHour: 1_200 / 9,
      meanHandleSeconds: 240,
      meanPatienceSeconds: 60,
      answerWithinSeconds: 15,
    });
    const rates = Array.from({ length: 12 }, (_, replication) => {
      const run = simulateDesk({
        startDate: '2020-03-02',
        days: 14,
        shrinkage: 0,
        workforce: {
          initialStaff: 10,
          turnover: 0,
          hiring: { policy: 'none', recruitmentLagDays: 0, trainingDays: 0 },
        },
        businessHours: { opensAt: '00:00', closesAt: '24:00' },
        calls: { perWorkingDay: 3_200, handle: exponential(240), patience: exponential(60) },
        workOrders: { perWorkingDay: 0 },
        policy: { kind: 'dedicated', phoneStaff: 10 },
        seed: 21,
        replication,
      });
      return deskKpisOf(run.total).transferAnswerRate as number;
    });
    const { lower, upper } = confidenceInterval(rates, 0.99);
    expect(theory.answerRate).toBeGreaterThanOrEqual(lower);
    expect(theory.answerRate).toBeLessThanOrEqual(upper);
  });
});
