import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FAULT_LEVELS,
  capacityByInterval,
  drawFaults,
  expectedOutageMinutesPerYear,
  summariseFaults,
} from '../../sim/model/faults.js';
import { confidenceInterval } from '../../sim/stats/confidenceInterval.js';

const YEAR = 365 * 86_400;

describe('platform faults', () => {
  it('draws each level at its yearly rate: 12 level-3 faults a year inside the 99% interval of 200 years', () => {
    // Poisson counts: mean 12 a year; 200 seeded years give a standard error of 0.24.
    const counts = Array.from(
      { length: 200 },
      (_, r) => drawFaults(DEFAULT_FAULT_LEVELS, YEAR, 5, r).filter((f) => f.level === 3).length,
    );
    const { lower, upper } = confidenceInterval(counts, 0.99);
    expect(12).toBeGreaterThanOrEqual(lower);
    expect(12).toBeLessThanOrEqual(upper);
  });

  it('loses about the expected outage minutes: 60 + 4 x 120 x 0.5 + 12 x 480 x 0.1 = 876 a year', () => {
    expect(expectedOutageMinutesPerYear(DEFAULT_FAULT_LEVELS)).toBeCloseTo(876, 9);
    const minutes = Array.from({ length: 300 }, (_, r) =>
      summariseFaults(DEFAULT_FAULT_LEVELS, drawFaults(DEFAULT_FAULT_LEVELS, YEAR, 6, r)).reduce(
        (a, s) => a + s.outageMinutes,
        0,
      ),
    );
    const { lower, upper } = confidenceInterval(minutes, 0.99);
    // The repair is never shorter than the response (repair = max(response, repair draw)), which
    // adds E[(response - repair)+], well under 1% here: so the true mean lies in [876, 876 x 1.01].
    // The 99% interval must reach into that range.
    expect(upper).toBeGreaterThanOrEqual(876);
    expect(lower).toBeLessThanOrEqual(876 * 1.01);
  });

  it('never repairs before responding, and reports shares within the deadlines', () => {
    const faults = drawFaults(DEFAULT_FAULT_LEVELS, 5 * YEAR, 7, 0);
    expect(
      faults.every((f) => f.repairedSeconds >= f.respondedSeconds && f.respondedSeconds >= f.startSeconds),
    ).toBe(true);
    const summary = summariseFaults(DEFAULT_FAULT_LEVELS, faults);
    for (const s of summary) {
      expect(s.faults).toBeGreaterThan(0);
      // Exponential response with mean 4 min: P(<= 10 min) = 1 - e^-2.5 = 0.918.
      expect(s.respondedWithinDeadline).toBeGreaterThan(0.6);
      expect(s.repairedWithinDeadline).toBeGreaterThan(0.5);
    }
  });

  it('gives null shares for a level with no fault, and no fault at rate 0', () => {
    const none = DEFAULT_FAULT_LEVELS.map((l) => ({ ...l, ratePerYear: 0 }));
    expect(drawFaults(none, YEAR, 1, 0)).toEqual([]);
    expect(summariseFaults(none, [])[0]).toEqual({
      level: 1,
      faults: 0,
      respondedWithinDeadline: null,
      repairedWithinDeadline: null,
      outageMinutes: 0,
    });
  });

  it('turns faults into the share of seats available per interval', () => {
    // Exact: a full outage from 00:15 to 00:45 covers half of each of the first two half hours;
    // a half-capacity fault over the whole third half hour leaves 0.5.
    const capacity = capacityByInterval(
      [
        { level: 1, startSeconds: 900, respondedSeconds: 1_000, repairedSeconds: 2_700, capacityLost: 1 },
        { level: 2, startSeconds: 3_600, respondedSeconds: 3_700, repairedSeconds: 5_400, capacityLost: 0.5 },
      ],
      1_800,
      4,
    );
    expect(capacity).toEqual([0.5, 0.5, 0.5, 1]);
  });

  it('is determined by seed and replication, and uses only its own stream', () => {
    expect(drawFaults(DEFAULT_FAULT_LEVELS, YEAR, 3, 2)).toEqual(
      drawFaults(DEFAULT_FAULT_LEVELS, YEAR, 3, 2),
    );
    expect(drawFaults(DEFAULT_FAULT_LEVELS, YEAR, 3, 3)).not.toEqual(
      drawFaults(DEFAULT_FAULT_LEVELS, YEAR, 3, 2),
    );
  });

  it('rejects a capacity loss above 1, naming the field', () => {
    const bad = [
      { ...(DEFAULT_FAULT_LEVELS[0] as (typeof DEFAULT_FAULT_LEVELS)[number]), capacityLost: 1.5 },
    ];
    expect(() => drawFaults(bad, YEAR, 1, 0)).toThrow(
      'drawFaults: levels[0].capacityLost must be a probability in [0, 1] (got 1.5)',
    );
  });
});
