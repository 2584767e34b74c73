import { describe, expect, it } from 'vitest';
import type { CalibratedParameters } from '../../sim/calibrate/types.js';
import { scenarioFromCalibration } from '../../sim/io/calibratedScenario.js';

// Two weekdays of hourly parameters; every expected value worked by hand.
const params: CalibratedParameters = {
  source: 'test',
  intervalMinutes: 60,
  weekdays: [
    {
      weekday: 'Monday',
      days: 4,
      arrivalsPerHour: Array.from({ length: 24 }, (_, h) => h),
      agentsPresent: Array.from({ length: 24 }, (_, h) => h / 10),
    },
    {
      weekday: 'Tuesday',
      days: 4,
      arrivalsPerHour: new Array<number>(24).fill(5),
      agentsPresent: new Array<number>(24).fill(2),
    },
  ],
  handleTime: { distribution: 'lognormal', meanSeconds: 188, cv: 1.22 },
  patience: { distribution: 'exponential', meanSeconds: 345, kaplanMeierMedianSeconds: 280 },
};

describe('scenarioFromCalibration', () => {
  it('gives each day the rates and agents of its weekday; absent weekdays get none', () => {
    // 1999-02-01 is a Monday; 02-02 a Tuesday; 02-03 a Wednesday (not in the parameters).
    const s = scenarioFromCalibration(params, { startDate: '1999-02-01', days: 3, answerWithinSeconds: 20 });
    const calls = s.arrivals.kind === 'table' ? s.arrivals.callsPerInterval : [];
    const agents = s.agents.kind === 'perInterval' ? s.agents.counts : [];
    expect(calls.slice(0, 24)).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(calls.slice(24, 48)).toEqual(new Array(24).fill(5));
    expect(calls.slice(48)).toEqual(new Array(24).fill(0));
    // ceil(h / 10): 0 at 00:00, 1 for 01-10, 2 for 11-20, 3 for 21-23 (10/10 = 1 exactly stays 1)
    expect(agents.slice(0, 24)).toEqual(Array.from({ length: 24 }, (_, h) => Math.ceil(h / 10)));
    expect(agents.slice(24, 48)).toEqual(new Array(24).fill(2));
    expect(s.handle).toEqual({ kind: 'lognormal', meanSeconds: 188, cv: 1.22 });
    expect(s.patience).toEqual({ kind: 'exponential', meanSeconds: 345 });
  });

  it('rounds agents to the nearest when asked', () => {
    const s = scenarioFromCalibration(params, {
      startDate: '1999-02-01',
      days: 1,
      answerWithinSeconds: 20,
      agentsRounding: 'round',
    });
    const agents = s.agents.kind === 'perInterval' ? s.agents.counts : [];
    expect(agents.slice(14, 16)).toEqual([1, 2]); // round(1.4) = 1, round(1.5) = 2
  });

  it('refuses a bad start date or length', () => {
    expect(() =>
      scenarioFromCalibration(params, { startDate: '1999-2-1', days: 1, answerWithinSeconds: 20 }),
    ).toThrow('scenarioFromCalibration: startDate must be YYYY-MM-DD (got 1999-2-1)');
    expect(() =>
      scenarioFromCalibration(params, { startDate: '1999-02-01', days: 0, answerWithinSeconds: 20 }),
    ).toThrow('scenarioFromCalibration: days must be a positive integer (got 0)');
  });
});
