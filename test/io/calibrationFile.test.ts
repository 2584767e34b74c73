import { describe, expect, it } from 'vitest';
import { InputError } from '../../sim/core/errors.js';
import { parseCalibration } from '../../sim/io/calibrationFile.js';

const valid = {
  source: 'test',
  intervalMinutes: 60,
  weekdays: [
    {
      weekday: 'Monday',
      days: 4,
      arrivalsPerHour: new Array(24).fill(10),
      agentsPresent: new Array(24).fill(2),
    },
  ],
  handleTime: { distribution: 'lognormal', meanSeconds: 190, cv: 1.2 },
  patience: { distribution: 'exponential', meanSeconds: 345, kaplanMeierMedianSeconds: 280 },
};

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.column}: ${i.message}`);
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('calibrated-parameters file', () => {
  it('reads a valid file', () => {
    expect(parseCalibration(JSON.stringify(valid), 'c.json')).toEqual(valid);
  });

  it('checks lengths against the interval and rejects repeated weekdays', () => {
    const bad = {
      ...valid,
      intervalMinutes: 30,
      weekdays: [
        valid.weekdays[0],
        {
          ...valid.weekdays[0],
          agentsPresent: new Array(48).fill(1),
          arrivalsPerHour: new Array(48).fill(1),
        },
      ],
    };
    expect(issuesOf(() => parseCalibration(JSON.stringify(bad), 'c.json'))).toEqual([
      'weekdays[0].arrivalsPerHour: must have 48 values, one per 30-minute interval (got 24)',
      'weekdays[0].agentsPresent: must have 48 values, one per 30-minute interval (got 24)',
      'weekdays[1].weekday: duplicate weekday "Monday"',
    ]);
  });
});
