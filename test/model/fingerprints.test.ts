import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { simulateDesk } from '../../sim/model/desk/simulateDesk.js';
import type { DeskSpec } from '../../sim/model/desk/types.js';
import { deterministic, exponential, gamma, lognormal } from '../../sim/model/distributions.js';
import type { FaultLevelSpec } from '../../sim/model/faults.js';
import { DEFAULT_SURVEY } from '../../sim/model/satisfaction.js';
import { simulateWithScheme } from '../../sim/model/simulate.js';
import { simulateQueue } from '../../sim/model/simulateQueue.js';
import type { Scenario, SimulationResult } from '../../sim/model/types.js';

/**
 * Fingerprints of whole results: the SHA-256 of a result's JSON (every count, every
 * time-weighted sum to the last bit, every record, fault episode and workforce day),
 * timing aside (run time and the count of events processed describe the run, not the
 * model). Each scenario below exercises a part of the simulators: the M/M/c+M queue of
 * `simulateQueue` (with a waiting room, and without patience), the 12333 model with
 * every mechanism, in both abandonment schemes, a waiting room with redials, a
 * measured cohort, explicit arrivals, and the 12345 desk under its three policies.
 *
 * Recorded on the simulators as they were before the engine ran the loop (issue 15),
 * so a refactor that keeps the model keeps these values. A change that moves the
 * order of draws or the results on purpose records them again, in a commit of its
 * own that says why; a change that only restructures the code must leave them alone.
 * Recorded again once: when a waiting caller's redial became one event at its
 * deadline plus the redial delay (the delay drawn when the caller starts to wait),
 * which moved every run with redials, and, in the last bits of time-weighted sums,
 * the waiting room's (the abandonment events of answered callers, cancelled, no
 * longer split the sums); the others kept their values.
 */

const fingerprint = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 20);

const withoutTiming = (result: SimulationResult): unknown => ({ ...result, timing: null });

/** Intraday shares by hour: no call from 00:00 to 06:00, busy from 09:00 to 17:00. */
const HOURLY = Array.from({ length: 24 }, (_, h) => (h < 6 ? 0 : h >= 9 && h < 17 ? 3 : 1));

/** Per-interval agents of `days` days: 3 at night, 12 by day, 16 at the busy hours. */
function staffing(days: number): number[] {
  return Array.from({ length: days * 48 }, (_, i) => {
    const slot = i % 48;
    return slot < 12 ? 3 : slot >= 18 && slot < 34 ? 16 : 12;
  });
}

/** Faults frequent enough to happen several times in ten days, at each level. */
const FAULTS: readonly FaultLevelSpec[] = [
  {
    level: 1,
    ratePerYear: 120,
    response: exponential(240),
    repair: lognormal(1_800, 0.5),
    capacityLost: 1,
    responseDeadlineSeconds: 600,
    repairDeadlineSeconds: 5_400,
  },
  {
    level: 2,
    ratePerYear: 200,
    response: exponential(240),
    repair: lognormal(3_600, 0.5),
    capacityLost: 0.5,
    responseDeadlineSeconds: 600,
    repairDeadlineSeconds: 10_800,
  },
  {
    level: 3,
    ratePerYear: 300,
    response: exponential(240),
    repair: lognormal(7_200, 0.5),
    capacityLost: 0.1,
    responseDeadlineSeconds: 600,
    repairDeadlineSeconds: 86_400,
  },
];

/**
 * Ten days with every mechanism of the 12333 model: a profile with day busyness and a
 * forecast error, self-service, lognormal handle times, patience, redials, a staffing
 * table, staff churn with training, platform faults at three levels, the survey.
 * Nobody calls before 06:00, so the first hours hold no waiting and no busy agent.
 */
function everything(): Scenario {
  return {
    startDate: '2020-03-02',
    days: 10,
    intervalMinutes: 30,
    arrivals: {
      kind: 'profile',
      dailyVolume: 5_000,
      weekdayFactors: [1.2, 1.1, 1, 1, 0.9, 0.6, 0.5],
      intradayShares: HOURLY,
    },
    dayBusynessCv: 0.15,
    volumeForecastCv: 0.05,
    selfServiceShare: 0.1,
    handle: lognormal(200, 0.8),
    patience: exponential(90),
    redial: { redialProbability: 0.5, maxAttempts: 4, delay: exponential(300) },
    agents: { kind: 'perInterval', counts: staffing(10) },
    answerWithinSeconds: 15,
    workforce: {
      spec: {
        initialStaff: 40,
        turnover: 10,
        hiring: { policy: 'backfill', recruitmentLagDays: 1, trainingDays: 2 },
      },
      plannedLiveAgents: 40,
    },
    faults: { levels: FAULTS },
    survey: DEFAULT_SURVEY,
  };
}

/** Three days with a waiting room of 6, redials, gamma patience and a warm-up of 6 hours. */
function roomAndRedials(): Scenario {
  return {
    startDate: '2020-06-01',
    days: 3,
    intervalMinutes: 15,
    arrivals: { kind: 'profile', dailyVolume: 4_000, intradayShares: HOURLY },
    handle: gamma(240, 0.7),
    patience: gamma(120, 1.2),
    waitingRoom: 6,
    redial: { redialProbability: 0.7, maxAttempts: 3, delay: lognormal(400, 1) },
    agents: { kind: 'constant', count: 9 },
    answerWithinSeconds: 20,
    measurement: { warmupSeconds: 6 * 3_600 },
  };
}

/** A stationary day measured on a cohort of 3,000 callers after 300, with redials. */
function cohort(): Scenario {
  return {
    startDate: '2020-01-06',
    days: 2,
    intervalMinutes: 2_880,
    arrivals: { kind: 'table', callsPerInterval: [2 * 4_000] },
    handle: exponential(180),
    patience: exponential(60),
    redial: { redialProbability: 0.5, maxAttempts: 3, delay: exponential(120) },
    agents: { kind: 'constant', count: 8 },
    answerWithinSeconds: 20,
    measurement: { warmupArrivals: 300, arrivals: 3_000 },
  };
}

/** Calls at given instants, constant handle times, patience from an empirical table. */
function explicit(): Scenario {
  const seconds = Array.from({ length: 400 }, (_, k) => Math.floor(k * 53.7 + ((k * 7919) % 97)));
  return {
    startDate: '2020-02-03',
    days: 1,
    intervalMinutes: 60,
    arrivals: { kind: 'at', seconds: seconds.sort((a, b) => a - b) },
    handle: deterministic(170),
    patience: { kind: 'empirical', samplesSeconds: [5, 30, 30, 60, 90, 240] },
    agents: { kind: 'perInterval', counts: Array.from({ length: 24 }, (_, h) => (h % 5 === 0 ? 1 : 3)) },
    answerWithinSeconds: 15,
  };
}

const SIMULATE_CASES: Record<string, () => SimulationResult> = {
  'every mechanism, hybrid, records': () =>
    simulateWithScheme(everything(), { seed: 1, replication: 2, recordCalls: 20_000 }, 'hybrid'),
  'every mechanism, eager': () => simulateWithScheme(everything(), { seed: 4 }, 'eager'),
  'every mechanism, hybrid, seed 4': () => simulateWithScheme(everything(), { seed: 4 }, 'hybrid'),
  'room and redials': () => simulateWithScheme(roomAndRedials(), { seed: 3, recordCalls: true }, 'hybrid'),
  'measured cohort': () => simulateWithScheme(cohort(), { seed: 5, recordCalls: 1_000 }, 'hybrid'),
  'explicit arrivals': () => simulateWithScheme(explicit(), { seed: 6, recordCalls: true }, 'hybrid'),
};

const QUEUE = {
  agents: 20,
  arrivalsPerHour: 280,
  meanHandleSeconds: 240,
  meanPatienceSeconds: 120,
  answerWithinSeconds: 20,
};

const QUEUE_CASES: Record<string, () => unknown> = {
  'M/M/c+M': () => simulateQueue(QUEUE, { calls: 20_000, seed: 1 }),
  'M/M/c/K+G': () =>
    simulateQueue(
      { ...QUEUE, waitingRoom: 5 },
      { calls: 10_000, seed: 2, handle: lognormal(240, 1.1), patience: gamma(120, 0.5) },
    ),
  'M/M/c': () => simulateQueue({ ...QUEUE, meanPatienceSeconds: undefined }, { calls: 10_000, seed: 3 }),
};

const DESK: DeskSpec = { startDate: '2020-09-14', days: 49, keepOrders: true };
const DESK_CASES: Record<string, () => unknown> = {
  'desk, dedicated': () => simulateDesk({ ...DESK, seed: 1, policy: { kind: 'dedicated', phoneStaff: 9 } }),
  'desk, phone first': () => simulateDesk({ ...DESK, seed: 2, policy: { kind: 'phoneFirst' } }),
  'desk, reserved share': () =>
    simulateDesk({ ...DESK, seed: 3, policy: { kind: 'reservedShare', orderShare: 0.6 } }),
};

const RECORDED: Record<string, string> = {
  'every mechanism, hybrid, records': '55c6706ede63d4302908',
  'every mechanism, eager': '6bea1288ecb5dde689e9',
  'every mechanism, hybrid, seed 4': '6bea1288ecb5dde689e9',
  'room and redials': '305e9a7fd29b2d1d808f',
  'measured cohort': '5ca6cd64cddf63cb4a61',
  'explicit arrivals': 'dc210adb24e424b8b9b8',
  'M/M/c+M': 'fb8491a736f91222b65a',
  'M/M/c/K+G': '5bb28b50583ca28c7482',
  'M/M/c': 'bb2743d7d7544aca01dc',
  'desk, dedicated': '9f21299d20347580746c',
  'desk, phone first': '9087745beacaf6a324e8',
  'desk, reserved share': 'f4c8d9122b021d9abcdc',
};

describe('fingerprints: the same seed gives the same results as recorded', () => {
  for (const [name, run] of Object.entries(SIMULATE_CASES)) {
    it(`simulate: ${name}`, () => {
      expect(fingerprint(withoutTiming(run()))).toBe(RECORDED[name]);
    });
  }
  for (const [name, run] of Object.entries(QUEUE_CASES)) {
    it(`simulateQueue: ${name}`, () => {
      const { runSeconds, events, ...result } = run() as { runSeconds: number; events: number };
      expect(runSeconds).toBeGreaterThan(0);
      expect(events).toBeGreaterThan(0);
      expect(fingerprint(result)).toBe(RECORDED[name]);
    });
  }
  for (const [name, run] of Object.entries(DESK_CASES)) {
    it(`simulateDesk: ${name}`, () => {
      expect(fingerprint(run())).toBe(RECORDED[name]);
    });
  }

  it('the scenarios reach what they are meant to exercise', () => {
    const all = SIMULATE_CASES['every mechanism, hybrid, records']!();
    expect(all.faults!.episodes.filter((e) => e.capacityLost === 1).length).toBeGreaterThan(0);
    expect(all.faults!.episodes.filter((e) => e.capacityLost < 1).length).toBeGreaterThan(1);
    expect(all.horizon.droppedByFault + all.horizon.lostToFault).toBeGreaterThan(0);
    expect(all.faults!.callsCutOff).toBeGreaterThan(0);
    expect(all.horizon.surveyed).toBeGreaterThan(0);
    expect(all.workforce!.days.some((d) => d.learners > 0 && d.handleTimeMultiplier > 1)).toBe(true);
    expect(all.records!.some((r) => r.attempt > 1)).toBe(true);
    const room = SIMULATE_CASES['room and redials']!();
    expect(room.horizon.blocked).toBeGreaterThan(0);
    const measured = SIMULATE_CASES['measured cohort']!();
    expect(measured.horizon.freshCallers).toBe(3_000);
  });
});
