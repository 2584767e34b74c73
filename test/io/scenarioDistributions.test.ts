import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../sim/core/errors.js';
import { parseScenarioFile } from '../../sim/io/scenarioFile.js';
import { distributionMean } from '../../sim/model/distributions.js';
import { simulate } from '../../sim/model/simulate.js';

// The valid two-day scenario of scenarioFileMechanisms.test.ts, with the distributions a
// calibration from call records writes (issue 13): talk + after-call time as a sum of a
// mixture and an empirical distribution, a piecewise patience hazard, and handle-time
// factors by hour of the day.
const FOLDER = fileURLToPath(new URL('./bad-scenario/', import.meta.url));
const FILE = `${FOLDER}inline.json`;

const base = {
  formatVersion: 1,
  name: 'tiny',
  title: 'A two-day test scenario',
  horizon: { startDate: '2020-03-02', days: 2, intervalMinutes: 60 },
  arrivals: {
    kind: 'profile',
    inboundCallsPerDay: 240,
    intradayProfileFile: 'ok-profile.csv',
    selfServiceShare: 0.1,
    dayBusynessCv: 0,
  },
  handle: {
    kind: 'sum',
    terms: [
      {
        kind: 'mixture',
        components: [
          { weight: 0.06, distribution: { kind: 'exponential', meanSeconds: 4 } },
          { weight: 0.94, distribution: { kind: 'lognormal', meanSeconds: 190, cv: 1.2 } },
        ],
      },
      { kind: 'empirical', samplesSeconds: [0, 5, 6, 60, 300] },
    ],
  },
  handleTimeOfDayFactors: Array.from({ length: 24 }, (_, h) => (h < 12 ? 1.1 : 0.9)),
  patience: {
    kind: 'piecewiseHazard',
    breakpointsSeconds: [0, 60, 70],
    hazardPerSecond: [0.003, 0.009, 0.002],
  },
  agents: { kind: 'table', staffingFile: 'ok-staffing.csv' },
  answerWithinSeconds: 20,
  sources: {
    horizon: 'assumed: a short horizon for tests',
    arrivals: 'assumed: a flat test load of 10 calls an hour',
    handle: 'calibrated: a test of the composite kinds',
    handleTimeOfDayFactors: 'calibrated: a test of the factors',
    patience: 'calibrated: a test of the hazard',
    agents: 'assumed: two agents all day for tests',
    answerWithinSeconds: 'assumed: the bank threshold of the tests',
  },
};

function problems(data: unknown): string[] {
  try {
    parseScenarioFile(JSON.stringify(data), FILE);
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.column}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('scenario files with calibrated distributions', () => {
  it('read sum, mixture, empirical and piecewise-hazard distributions and the time-of-day factors', () => {
    const { scenario } = parseScenarioFile(JSON.stringify(base), FILE);
    expect(scenario.handle.kind).toBe('sum');
    // Exact: 0.06 x 4 + 0.94 x 190 + (0 + 5 + 6 + 60 + 300) / 5 = 0.24 + 178.6 + 74.2
    expect(distributionMean(scenario.handle)).toBeCloseTo(253.04, 9);
    expect(scenario.patience).toEqual(base.patience);
    expect(scenario.handleTimeOfDayFactors).toHaveLength(24);
    const run = simulate(scenario, { seed: 1 });
    expect(run.horizon.offered).toBeGreaterThan(0);
  });

  it('reports each bad composite with its JSON path', () => {
    expect(
      problems({
        ...base,
        handle: {
          kind: 'sum',
          terms: [
            {
              kind: 'mixture',
              components: [{ weight: 0, distribution: { kind: 'exponential', meanSeconds: 4 } }],
            },
            { kind: 'empirical', meanSeconds: 3 },
          ],
        },
        handleTimeOfDayFactors: [1, 1],
        patience: { kind: 'piecewiseHazard', breakpointsSeconds: [5, 4], hazardPerSecond: [0.1, 0] },
      }),
    ).toEqual([
      'handle.terms[0].components: must have a weight > 0 (got all 0)',
      'handle.terms[1].meanSeconds: is not used by an empirical distribution (remove it)',
      'handle.terms[1].samplesSeconds: is required for an empirical (expected a list)',
      'handleTimeOfDayFactors: must hold one factor per interval of the day, 24 (got 2)',
      'patience.breakpointsSeconds: must start at 0 (got 5)',
      'patience.breakpointsSeconds: must increase (breakpointsSeconds[1] is 4)',
      'patience.hazardPerSecond: must end with a hazard > 0, so that every duration ends (got 0)',
    ]);
  });
});
