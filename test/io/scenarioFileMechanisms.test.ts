import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../sim/core/errors.js';
import { parseScenarioFile } from '../../sim/io/scenarioFile.js';

// The valid two-day scenario of scenarioFile.test.ts (2020-03-02 is a Monday), with the
// sections of issue 5: workforce, faults, survey, volume forecast error and shifts.
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
  handle: { kind: 'lognormal', meanSeconds: 200, cv: 1 },
  agents: { kind: 'table', staffingFile: 'ok-staffing.csv' },
  answerWithinSeconds: 15,
  sources: {
    horizon: 'assumed: a short horizon for tests',
    arrivals: 'assumed: a flat test load of 10 calls an hour',
    handle: 'assumed: FACTS-like handle time',
    agents: 'assumed: two agents all day for tests',
    answerWithinSeconds: 'GB/T 33358-2016: 15 s',
  },
};

const workforce = {
  initialStaff: 407,
  annualTurnover: 0.2,
  hiring: { policy: 'backfill', recruitmentLagDays: 30, trainingDays: 182 },
  learningCurve: [
    { month: 1, handleTimeMultiplier: 1.3, qaPassRate: 0.95, satisfactionPenalty: 0.02 },
    { month: 4, handleTimeMultiplier: 1, qaPassRate: 0.99, satisfactionPenalty: 0 },
  ],
  plannedLiveAgents: 407,
};
const faults = {
  levels: [
    {
      level: 1,
      ratePerYear: 1,
      responseMinutes: { kind: 'exponential', meanMinutes: 4 },
      repairMinutes: { kind: 'lognormal', meanMinutes: 60, cv: 0.5 },
      capacityLost: 1,
      responseDeadlineMinutes: 10,
      repairDeadlineMinutes: 90,
    },
  ],
};
const survey = {
  responseProbability: 0.35,
  satisfactionCurve: [
    { waitSeconds: 30, satisfied: 0.995 },
    { waitSeconds: 300, satisfied: 0.95 },
  ],
  penaltyPerExtraAttempt: 0.01,
  satisfiedShareOfPositive: 0.85,
  complaintsPerAnsweredCall: 0.000005,
  qaSampleShare: 0.02,
  reviewMinutesPerDissatisfied: 15,
};
const sourced = {
  workforce: 'assumed: FACTS §7.1 for tests',
  faults: 'assumed: FACTS §7.1 for tests',
  survey: 'assumed: FACTS §7.1 for tests',
};

function read(changes: Record<string, unknown>, sources: Record<string, string> = {}) {
  return parseScenarioFile(
    JSON.stringify({ ...base, ...changes, sources: { ...base.sources, ...sources } }),
    FILE,
  );
}

function problems(changes: Record<string, unknown>, sources: Record<string, string> = {}): string[] {
  try {
    read(changes, sources);
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.column}: ${i.message}`);
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('scenario file: workforce, faults, survey', () => {
  it('maps each section to the simulator fields, minutes to seconds', () => {
    const { scenario } = read({ workforce, faults, survey }, sourced);
    expect(scenario.workforce).toEqual({
      spec: {
        initialStaff: 407,
        turnover: 0.2,
        hiring: { policy: 'backfill', recruitmentLagDays: 30, trainingDays: 182 },
        learningCurve: workforce.learningCurve,
      },
      plannedLiveAgents: 407,
    });
    // exact, by hand: 4 min = 240 s, 60 min = 3,600 s, 10 min = 600 s, 90 min = 5,400 s.
    expect(scenario.faults).toEqual({
      levels: [
        {
          level: 1,
          ratePerYear: 1,
          response: { kind: 'exponential', meanSeconds: 240 },
          repair: { kind: 'lognormal', meanSeconds: 3600, cv: 0.5 },
          capacityLost: 1,
          responseDeadlineSeconds: 600,
          repairDeadlineSeconds: 5400,
        },
      ],
    });
    expect(scenario.survey).toEqual({
      satisfaction: {
        curve: survey.satisfactionCurve,
        penaltyPerExtraAttempt: 0.01,
        satisfiedShareOfPositive: 0.85,
        responseProbability: 0.35,
        complaintsPerAnsweredCall: 0.000005,
      },
      qaSampleShare: 0.02,
      reviewMinutesPerDissatisfied: 15,
    });
    expect(scenario.volumeForecastCv).toBeUndefined();
  });

  it('leaves every mechanism off when its section is absent', () => {
    const { scenario } = read({});
    expect(scenario.workforce).toBeUndefined();
    expect(scenario.faults).toBeUndefined();
    expect(scenario.survey).toBeUndefined();
  });

  it('reads turnover by tenure band and the volume forecast error', () => {
    const bands = [
      { fromMonth: 0, annualRate: 0.4 },
      { fromMonth: 12, annualRate: 0.15 },
    ];
    const { annualTurnover: _, ...rest } = workforce;
    const { scenario } = read(
      {
        workforce: { ...rest, turnoverByTenure: bands },
        arrivals: { ...base.arrivals, volumeForecastCv: 0.05 },
      },
      { workforce: sourced.workforce },
    );
    expect(scenario.workforce?.spec.turnover).toEqual(bands);
    expect(scenario.volumeForecastCv).toBe(0.05);
  });

  it('reports every problem of the sections at once with its JSON path', () => {
    const bad = problems(
      {
        workforce: {
          ...workforce,
          turnoverByTenure: [{ fromMonth: 3, annualRate: 0.3 }],
          learningCurve: [workforce.learningCurve[1], workforce.learningCurve[0]],
        },
        faults: {
          levels: [
            faults.levels[0],
            { ...faults.levels[0], repairMinutes: { kind: 'gamma', meanMinutes: 60 } },
          ],
        },
        survey: { ...survey, satisfactionCurve: [...survey.satisfactionCurve].reverse() },
      },
      sourced,
    );
    expect(bad).toEqual([
      'workforce.turnoverByTenure: is given with workforce.annualTurnover: give one of the two (remove one)',
      'workforce.learningCurve[1].month: must be above the step before it, 4 (got 1)',
      'faults.levels[1].level: repeats level 1 of faults.levels[0] (each level once)',
      'faults.levels[1].repairMinutes.cv: is required for a gamma (expected a number)',
      'survey.satisfactionCurve[1].waitSeconds: must be above the knot before it, 300 (got 30)',
    ]);
  });

  it('checks types and ranges first, with the nearest name for a misspelt field', () => {
    const bad = problems(
      {
        workforce: { ...workforce, hiring: { ...workforce.hiring, policy: 'replace' }, annualTurnovr: 0.2 },
        survey: { ...survey, qaSampleShare: 1.5 },
      },
      sourced,
    );
    expect(bad).toHaveLength(3);
    expect(bad[0]).toMatch(/^workforce\.hiring\.policy: must be one of "backfill", "monthlyCohorts", "none"/);
    expect(bad).toContain(
      'workforce.annualTurnovr: unknown field "annualTurnovr" (did you mean "annualTurnover"?)',
    );
    expect(bad.some((b) => b.startsWith('survey.qaSampleShare: '))).toBe(true);
  });

  it('asks for a source for each new section', () => {
    expect(problems({ faults })).toEqual([
      'faults.levels[0].level: has no source (add it to "sources" under this path or a parent path, or "assumed: <reasoning>")',
      'faults.levels[0].ratePerYear: has no source (add it to "sources" under this path or a parent path, or "assumed: <reasoning>")',
      'faults.levels[0].responseMinutes.meanMinutes: has no source (add it to "sources" under this path or a parent path, or "assumed: <reasoning>")',
      'faults.levels[0].repairMinutes.meanMinutes: has no source (add it to "sources" under this path or a parent path, or "assumed: <reasoning>")',
      'faults.levels[0].repairMinutes.cv: has no source (add it to "sources" under this path or a parent path, or "assumed: <reasoning>")',
      'faults.levels[0].capacityLost: has no source (add it to "sources" under this path or a parent path, or "assumed: <reasoning>")',
      'faults.levels[0].responseDeadlineMinutes: has no source (add it to "sources" under this path or a parent path, or "assumed: <reasoning>")',
      'faults.levels[0].repairDeadlineMinutes: has no source (add it to "sources" under this path or a parent path, or "assumed: <reasoning>")',
    ]);
  });
});

describe('scenario file: shifts', () => {
  it('takes the agents from a weekly roster table, each day by its weekday', () => {
    const { agents: _, ...noAgents } = base;
    const { scenario, meta } = parseScenarioFile(
      JSON.stringify({
        ...noAgents,
        shifts: { kind: 'roster', rosterFile: 'ok-roster.csv' },
        sources: {
          ...base.sources,
          agents: undefined,
          shifts: 'assumed: a day shift and a night shift for tests',
        },
      }),
      FILE,
    );
    // Monday 2 March 2020 (exact, by hand): Sunday's night shift until 06:00 (1), the day shift
    // 08:00-17:00 with its hour of break at 12:00 (the middle of 9 h less 1 h, 4 h in) (4),
    // the night shift from 22:00 (1).
    const monday = [1, 1, 1, 1, 1, 1, 0, 0, 4, 4, 4, 4, 0, 4, 4, 4, 4, 0, 0, 0, 0, 0, 1, 1];
    expect(scenario.agents).toEqual({ kind: 'perInterval', counts: [...monday, ...monday] });
    expect(meta.shifts?.kind).toBe('roster');
    if (meta.shifts?.kind === 'roster') expect(meta.shifts.roster.shifts).toHaveLength(5 + 7);
  });

  it('keeps the agents as the requirement and passes patterns on to generate a roster', () => {
    const { meta, scenario } = read(
      {
        shifts: {
          kind: 'generate',
          patterns: [
            {
              name: 'early',
              start: '06:00',
              lengthMinutes: 540,
              breakMinutes: 60,
              breakStart: '10:00',
              days: 'Mon-Fri',
            },
            { name: 'night', start: '22:00', lengthMinutes: 480 },
          ],
        },
      },
      { shifts: 'assumed: two patterns for tests' },
    );
    expect(scenario.agents).toEqual({ kind: 'perInterval', counts: new Array(48).fill(2) });
    expect(meta.shifts).toEqual({
      kind: 'generate',
      patterns: [
        {
          name: 'early',
          startMinutes: 360,
          lengthMinutes: 540,
          breakMinutes: 60,
          breakAfterMinutes: 240,
          weekdays: [0, 1, 2, 3, 4],
        },
        { name: 'night', startMinutes: 1320, lengthMinutes: 480 },
      ],
    });
  });

  it('reports the fields a kind needs or does not use and every bad pattern', () => {
    const source = { shifts: 'assumed: patterns for tests' };
    expect(problems({ shifts: { kind: 'roster', rosterFile: 'ok-roster.csv' } }, source)).toEqual([
      'agents: is not used with shifts of kind "roster" (the roster gives the agents) (remove it)',
    ]);
    const { agents: _, ...noAgents } = base;
    expect(
      problems(
        {
          ...noAgents,
          agents: undefined,
          shifts: {
            kind: 'generate',
            patterns: [{ name: 'x', start: '08:30', lengthMinutes: 90, days: 'weekdays', breakMinutes: 90 }],
          },
        },
        source,
      ),
    ).toEqual([
      'shifts.patterns[0].start: must fall on the 60-minute interval grid (got 08:30)',
      'shifts.patterns[0].lengthMinutes: must fall on the 60-minute interval grid (got 90)',
      'shifts.patterns[0].breakMinutes: must fall on the 60-minute interval grid (got 90)',
      "shifts.patterns[0].breakMinutes: must be shorter than the shift's 90 minutes (got 90)",
      'shifts.patterns[0].days: must be days like Mon-Fri, Sat,Sun or all (got "weekdays")',
      'agents: is required with shifts of kind "generate": the agents each interval needs, which the shifts cover',
      'sources["agents"]: names no parameter of this file',
    ]);
    expect(problems({ shifts: { kind: 'roster', rosterFile: 'no-such-roster.csv' } }, source)).toContain(
      'shifts.rosterFile: names a file that cannot be read, relative to the scenario\'s folder (got "no-such-roster.csv")',
    );
  });
});
