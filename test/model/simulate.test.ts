import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deterministic, exponential, lognormal } from '../../sim/model/distributions.js';
import { kpisOf, PERIOD_COUNT_FIELDS } from '../../sim/model/kpis.js';
import { simulate } from '../../sim/model/simulate.js';
import type { CallRecord, Scenario, SimulationResult } from '../../sim/model/types.js';

/** One day of 30-minute intervals, calls at given instants, one agent, 60 s calls. */
function base(overrides: Partial<Scenario>): Scenario {
  return {
    startDate: '2020-01-01',
    days: 1,
    intervalMinutes: 30,
    arrivals: { kind: 'at', seconds: [] },
    handle: deterministic(60),
    agents: { kind: 'constant', count: 1 },
    answerWithinSeconds: 20,
    ...overrides,
  };
}

/** Agents per 30-minute interval: `first` given values, then zeros for the rest of the day. */
function staffing(...first: number[]): Scenario['agents'] {
  return { kind: 'perInterval', counts: [...first, ...new Array<number>(48 - first.length).fill(0)] };
}

const brief = (records: CallRecord[] | undefined): [number, number, number, string][] =>
  (records ?? []).map((r) => [r.caller, r.arrivalSeconds, r.waitSeconds, r.outcome]);

describe('simulate: deterministic scenarios with exact results', () => {
  it('a call arriving at the instant a shift starts is answered by the incoming shift', () => {
    // Exact, by hand: nobody is on duty in 00:00-00:30, one agent from 00:30 (1,800 s).
    // The staffing change (priority 1) comes before the arrival (priority 4) at 1,800 s.
    const run = simulate(base({ arrivals: { kind: 'at', seconds: [1_800] }, agents: staffing(0, 1) }), {
      seed: 1,
      recordCalls: true,
    });
    expect(brief(run.records)).toEqual([[0, 1_800, 0, 'answered']]);
    expect(run.intervals[1]!.answered).toBe(1);
    expect(run.intervals[0]!.offered).toBe(0);
  });

  it('a call arriving at the instant a shift ends is not answered by the leaving shift', () => {
    // Exact, by hand: one agent in 00:00-00:30 and one from 01:00; a call at 1,800 s
    // finds the interval 00:30-01:00 without agents: the line is closed, and the call is
    // blocked (issue 14: an interval with no staff loses its calls), not queued for the
    // agent of 01:00.
    const run = simulate(
      base({
        arrivals: { kind: 'at', seconds: [1_800] },
        agents: staffing(1, 0, 1),
        patience: deterministic(60),
      }),
      { seed: 1, recordCalls: true },
    );
    expect(brief(run.records)).toEqual([[0, 1_800, 0, 'blocked']]);
    expect(run.kpis).toMatchObject({ answerRate: 0, blockRate: 1, abandonRate: 0 });
  });

  it('an interval with no agent on duty loses its calls: a busy tone, then the redial', () => {
    // Exact, by hand: no agent in 00:00-00:30, one from 00:30, no patience (Erlang C):
    // calls at 100 and 1,700 s are blocked, not kept waiting for the next shift; each
    // redials 200 s later: at 300 s (still nobody on duty: blocked, its last attempt) and
    // at 1,900 s (answered at once). Rates are shares of the 4 attempts offered and add
    // up to 1.
    const run = simulate(
      base({
        arrivals: { kind: 'at', seconds: [100, 1_700] },
        agents: staffing(0, 1),
        redial: { redialProbability: 1, maxAttempts: 2, delay: deterministic(200) },
      }),
      { seed: 1, recordCalls: true },
    );
    expect(run.records!.map((r) => [r.caller, r.attempt, r.arrivalSeconds, r.outcome])).toEqual([
      [0, 1, 100, 'blocked'],
      [0, 2, 300, 'blocked'],
      [1, 1, 1_700, 'blocked'],
      [1, 2, 1_900, 'answered'],
    ]);
    expect(run.horizon).toMatchObject({ offered: 4, blocked: 3, answered: 1, waited: 0, stillWaiting: 0 });
    const k = run.kpis;
    expect(k.answerRate! + k.abandonRate! + k.blockRate! + k.faultLossRate!).toBe(1);
  });

  it('a call arriving at the instant a service ends takes the freed agent', () => {
    // Exact, by hand: calls at 0 and 60 s, 60 s handle time: the service end at 60 s
    // (priority 0) frees the agent before the arrival at 60 s (priority 4).
    const run = simulate(base({ arrivals: { kind: 'at', seconds: [0, 60] } }), {
      seed: 1,
      recordCalls: true,
    });
    expect(brief(run.records)).toEqual([
      [0, 0, 0, 'answered'],
      [1, 60, 0, 'answered'],
    ]);
  });

  it('an agent who must log off while busy finishes the call first', () => {
    // Exact, by hand: one agent in 00:00-00:30 only. A call at 1,000 s with a 1,500 s
    // handle time is served until 2,500 s: 800 busy seconds in interval 0 and 700 in
    // interval 1, where no agent is on duty: 700 s of overtime, which occupancy counts
    // as available time (so it is 1 there, not 700 / 0). A call at 1,900 s is not taken
    // by the leaving agent: the line is closed in interval 1, and it is blocked.
    const run = simulate(
      base({
        arrivals: { kind: 'at', seconds: [1_000, 1_900] },
        handle: deterministic(1_500),
        agents: staffing(1),
      }),
      { seed: 1, recordCalls: true },
    );
    expect(brief(run.records)).toEqual([
      [0, 1_000, 0, 'answered'],
      [1, 1_900, 0, 'blocked'],
    ]);
    expect(run.intervals[0]!.busyAgentSeconds).toBe(800);
    expect(run.intervals[1]!.busyAgentSeconds).toBe(700);
    expect(run.intervals[1]!.agentSeconds).toBe(0);
    expect(run.intervals[1]!.overtimeAgentSeconds).toBe(700);
    expect(run.intervals[0]!.overtimeAgentSeconds).toBe(0);
    expect(run.intervals[0]!.agentSeconds).toBe(1_800);
    expect(kpisOf(run.intervals[1]!).occupancy).toBe(1);
    expect(run.kpis.occupancy).toBe(1_500 / 2_500); // busy over 1,800 s on the phones + 700 s overtime
    expect(run.intervals[1]!.blocked).toBe(1);
    expect(run.endState).toEqual({ endSeconds: 86_400, stillWaiting: 0, busyAgents: 0, pendingRedials: 0 });
  });

  it('agents coming on duty at a boundary take the callers already waiting, in FIFO order', () => {
    // Exact, by hand: one agent until 1,800 s, busy from 0 to 2,000 s with the first
    // call (2,000 s handle times); three from 1,800 s. Calls at 100, 200 and 300 s wait:
    // the two agents arriving at 1,800 s take the first two (waits 1,700 and 1,600 s),
    // the third is answered when the first call ends at 2,000 s (wait 1,700 s).
    const run = simulate(
      base({
        arrivals: { kind: 'at', seconds: [0, 100, 200, 300] },
        handle: deterministic(2_000),
        agents: staffing(1, 3),
      }),
      { seed: 1, recordCalls: true },
    );
    expect(brief(run.records)).toEqual([
      [0, 0, 0, 'answered'],
      [1, 100, 1_700, 'answered'],
      [2, 200, 1_600, 'answered'],
      [3, 300, 1_700, 'answered'],
    ]);
  });

  it('a caller whose patience ends at the instant an agent frees has hung up', () => {
    // Exact, by hand: two calls at 0, one agent, 60 s calls, 60 s patience. At 60 s the
    // service end (priority 0) and the abandonment (priority 2) come before the dispatch
    // (priority 3), so the second caller has left.
    const run = simulate(base({ arrivals: { kind: 'at', seconds: [0, 0] }, patience: deterministic(60) }), {
      seed: 1,
      recordCalls: true,
    });
    expect(brief(run.records)).toEqual([
      [0, 0, 0, 'answered'],
      [1, 0, 60, 'abandoned'],
    ]);
    expect(run.horizon.abandonedWithin).toBe(0); // 60 s > t = 20 s
  });

  it('a caller who finds the waiting room full is blocked', () => {
    // Exact, by hand: one agent, one waiting place, 100 s calls at 0, 10 and 20 s: the
    // first is answered, the second waits 90 s, the third gets a busy tone.
    const run = simulate(
      base({ arrivals: { kind: 'at', seconds: [0, 10, 20] }, handle: deterministic(100), waitingRoom: 1 }),
      { seed: 1, recordCalls: true },
    );
    expect(brief(run.records)).toEqual([
      [0, 0, 0, 'answered'],
      [1, 10, 90, 'answered'],
      [2, 20, 0, 'blocked'],
    ]);
    expect(run.horizon).toMatchObject({ offered: 3, answered: 2, blocked: 1, waited: 1, answeredWithin: 1 });
  });

  it('a redial after an abandonment arrives exactly at the abandonment time plus the delay, up to maxAttempts', () => {
    // Exact, by hand: one agent, busy from 0 to 1,000 s with the first caller; 30 s
    // patience, every failed caller redials after 100 s, 3 attempts in all: the second
    // caller's attempts at 0, 130 and 260 s are each abandoned after 30 s.
    const run = simulate(
      base({
        arrivals: { kind: 'at', seconds: [0, 0] },
        handle: deterministic(1_000),
        patience: deterministic(30),
        redial: { redialProbability: 1, maxAttempts: 3, delay: deterministic(100) },
      }),
      { seed: 1, recordCalls: true },
    );
    expect(
      run
        .records!.filter((r) => r.caller === 1)
        .map((r) => [r.attempt, r.arrivalSeconds, r.waitSeconds, r.outcome]),
    ).toEqual([
      [1, 0, 30, 'abandoned'],
      [2, 130, 30, 'abandoned'],
      [3, 260, 30, 'abandoned'],
    ]);
    expect(run.horizon).toMatchObject({ offered: 4, abandoned: 3, freshCallers: 2, freshCallersAnswered: 1 });
  });

  it('a blocked caller redials at the busy tone plus the delay, and is counted once as a caller', () => {
    // Exact, by hand: one agent, no waiting room, 100 s calls at 0 and 50 s; the second is
    // blocked at 50 s, redials at 50 + 70 = 120 s and is answered at once.
    const run = simulate(
      base({
        arrivals: { kind: 'at', seconds: [0, 50] },
        handle: deterministic(100),
        waitingRoom: 0,
        redial: { redialProbability: 1, maxAttempts: 2, delay: deterministic(70) },
      }),
      { seed: 1, recordCalls: true },
    );
    expect(run.records!.map((r) => [r.caller, r.attempt, r.arrivalSeconds, r.outcome])).toEqual([
      [0, 1, 0, 'answered'],
      [1, 1, 50, 'blocked'],
      [1, 2, 120, 'answered'],
    ]);
    expect(run.horizon).toMatchObject({ offered: 3, freshCallers: 2, freshCallersAnswered: 2, blocked: 1 });
    expect(run.kpis.answerRate).toBeCloseTo(2 / 3, 15);
    expect(run.kpis.callerAnswerRate).toBe(1);
  });

  it('with random patience and a busy queue, every redial comes exactly delay seconds after the failure', () => {
    // Exact: with a deterministic 100 s delay, attempt k+1 of a caller arrives at
    // (arrival k + wait k) + 100 s, where arrival + wait is the instant it abandoned.
    const run = simulate(
      {
        ...base({}),
        arrivals: { kind: 'table', callsPerInterval: new Array<number>(48).fill(120) },
        handle: exponential(60),
        patience: exponential(20),
        agents: { kind: 'constant', count: 3 },
        waitingRoom: 4,
        redial: { redialProbability: 0.7, maxAttempts: 3, delay: deterministic(100) },
      },
      { seed: 5, recordCalls: 1_000_000 },
    );
    const byCaller = new Map<number, CallRecord[]>();
    for (const r of run.records!) byCaller.set(r.caller, [...(byCaller.get(r.caller) ?? []), r]);
    let redials = 0;
    for (const attempts of byCaller.values()) {
      attempts.sort((a, b) => a.attempt - b.attempt);
      expect(attempts.length).toBeLessThanOrEqual(3);
      attempts.forEach((r, k) => expect(r.attempt).toBe(k + 1));
      for (let k = 1; k < attempts.length; k++) {
        const previous = attempts[k - 1]!;
        expect(previous.outcome === 'abandoned' || previous.outcome === 'blocked').toBe(true);
        expect(attempts[k]!.arrivalSeconds).toBeCloseTo(
          previous.arrivalSeconds + previous.waitSeconds + 100,
          6,
        );
        redials++;
      }
    }
    // The scenario is busy enough that the check is not vacuous.
    expect(redials).toBeGreaterThan(500);
    expect(run.horizon.abandoned).toBeGreaterThan(500);
    expect(run.horizon.blocked).toBeGreaterThan(100);
  });
});

/**
 * Every count of every interval and of the horizon obeys
 * offered = answered + abandoned + blocked + droppedByFault + lostToFault + stillWaiting.
 */
function expectConservation(run: SimulationResult): void {
  for (const row of [...run.intervals, run.horizon]) {
    expect(row.offered).toBe(
      row.answered + row.abandoned + row.blocked + row.droppedByFault + row.lostToFault + row.stillWaiting,
    );
    expect(row.answeredWithin).toBeLessThanOrEqual(row.answered);
    expect(row.abandonedWithin).toBeLessThanOrEqual(row.abandoned);
    expect(row.freshCallersAnswered).toBeLessThanOrEqual(row.freshCallers);
  }
}

describe('simulate: invariants', () => {
  it('property: offered = answered + abandoned + blocked + still waiting, in every interval', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 1_000_000 }),
          callsPerInterval: fc.double({ min: 0, max: 200, noNaN: true }),
          agents: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 24, maxLength: 24 }),
          handleSeconds: fc.double({ min: 1, max: 900, noNaN: true }),
          patienceSeconds: fc.option(fc.double({ min: 1, max: 600, noNaN: true })),
          waitingRoom: fc.option(fc.integer({ min: 0, max: 10 })),
          redialProbability: fc.double({ min: 0, max: 1, noNaN: true }),
          maxAttempts: fc.integer({ min: 1, max: 4 }),
        }),
        (p) => {
          const run = simulate(
            {
              startDate: '2020-02-28',
              days: 1,
              intervalMinutes: 60,
              arrivals: { kind: 'table', callsPerInterval: new Array<number>(24).fill(p.callsPerInterval) },
              handle: lognormal(p.handleSeconds, 1.2),
              ...(p.patienceSeconds !== null ? { patience: exponential(p.patienceSeconds) } : {}),
              ...(p.waitingRoom !== null ? { waitingRoom: p.waitingRoom } : {}),
              redial: {
                redialProbability: p.redialProbability,
                maxAttempts: p.maxAttempts,
                delay: exponential(300),
              },
              agents: { kind: 'perInterval', counts: p.agents },
              answerWithinSeconds: 20,
            },
            { seed: p.seed },
          );
          expectConservation(run);
          expect(run.horizon.stillWaiting).toBe(run.endState.stillWaiting);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  it('property: without redials, adding an agent never lowers the answer rate (draws attached to callers)', () => {
    // Handle time and patience are drawn at each arrival, in arrival order, so the same
    // seed gives every caller the same draws whatever the staffing (common random numbers).
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 1_000_000 }),
          callsPerInterval: fc.double({ min: 1, max: 100, noNaN: true }),
          agents: fc.integer({ min: 0, max: 8 }),
          handleSeconds: fc.double({ min: 10, max: 900, noNaN: true }),
          patienceSeconds: fc.option(fc.double({ min: 5, max: 600, noNaN: true })),
          waitingRoom: fc.option(fc.integer({ min: 0, max: 6 })),
        }),
        (p) => {
          const run = (agents: number): SimulationResult =>
            simulate(
              {
                startDate: '2020-01-01',
                days: 1,
                intervalMinutes: 60,
                arrivals: { kind: 'table', callsPerInterval: new Array<number>(24).fill(p.callsPerInterval) },
                handle: lognormal(p.handleSeconds, 1),
                ...(p.patienceSeconds !== null ? { patience: exponential(p.patienceSeconds) } : {}),
                ...(p.waitingRoom !== null ? { waitingRoom: p.waitingRoom } : {}),
                agents: { kind: 'constant', count: agents },
                answerWithinSeconds: 20,
              },
              { seed: p.seed },
            );
          const fewer = run(p.agents).horizon;
          const more = run(p.agents + 1).horizon;
          expect(more.offered).toBe(fewer.offered);
          expect(more.answered).toBeGreaterThanOrEqual(fewer.answered);
        },
      ),
      { seed: 2_026, numRuns: 100 },
    );
  });

  it('is deterministic: the same seed gives the same JSON (timing aside), another seed differs', () => {
    const scenario: Scenario = {
      startDate: '2020-03-01',
      days: 2,
      intervalMinutes: 30,
      arrivals: { kind: 'profile', dailyVolume: 3_000 },
      dayBusynessCv: 0.2,
      selfServiceShare: 0.1,
      handle: lognormal(180, 1),
      patience: exponential(90),
      waitingRoom: 20,
      redial: { redialProbability: 0.5, maxAttempts: 3, delay: exponential(600) },
      agents: { kind: 'constant', count: 6 },
      answerWithinSeconds: 20,
    };
    const json = (seed: number, replication = 0): string => {
      const { timing, ...rest } = simulate(scenario, { seed, replication, recordCalls: true });
      expect(timing.events).toBeGreaterThan(0);
      return JSON.stringify(rest);
    };
    const a = json(7);
    expect(json(7)).toBe(a);
    expect(json(8)).not.toBe(a);
    expect(json(7, 1)).not.toBe(a);
  });

  it('rolls intervals up into days, months and quarters whose sums match the horizon', () => {
    // Exact: 2020-03-30 + 4 days crosses from March (Q1) into April (Q2).
    const run = simulate(
      {
        startDate: '2020-03-30',
        days: 4,
        intervalMinutes: 60,
        arrivals: { kind: 'profile', dailyVolume: 500 },
        handle: exponential(120),
        patience: exponential(60),
        agents: { kind: 'constant', count: 2 },
        answerWithinSeconds: 20,
      },
      { seed: 3 },
    );
    expect(run.days.map((d) => d.period)).toEqual(['2020-03-30', '2020-03-31', '2020-04-01', '2020-04-02']);
    expect(run.months.map((d) => d.period)).toEqual(['2020-03', '2020-04']);
    expect(run.quarters.map((d) => d.period)).toEqual(['2020-Q1', '2020-Q2']);
    expect(run.intervals[0]!.start).toBe('2020-03-30T00:00');
    expect(run.intervals[25]!.start).toBe('2020-03-31T01:00');
    for (const periods of [run.days, run.months, run.quarters]) {
      for (const field of PERIOD_COUNT_FIELDS) {
        const sum = periods.reduce((s, p) => s + p[field], 0);
        expect(sum).toBeCloseTo(run.horizon[field], 6);
      }
    }
    expect(run.horizon.measuredSeconds).toBe(4 * 86_400);
    expect(run.horizon.agentSeconds).toBe(2 * 4 * 86_400);
  });
});
