import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstDaysOf, parseScenarioFile } from '../../sim/io/scenarioFile.js';

// A valid two-day scenario; its side tables (a flat hourly profile, 2 agents) are in
// test/io/bad-scenario/ beside the bad variants of it.
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
  patience: { kind: 'exponential', meanSeconds: 90 },
  agents: { kind: 'table', staffingFile: 'ok-staffing.csv' },
  answerWithinSeconds: 15,
  sources: {
    horizon: 'assumed: a short horizon for tests',
    arrivals: 'assumed: a flat test load of 10 calls an hour',
    handle: 'assumed: FACTS-like handle time',
    patience: 'assumed: FACTS-like patience of 90 s',
    agents: 'assumed: two agents all day for tests',
    answerWithinSeconds: 'GB/T 33358-2016: 15 s',
  },
};

function read(changes: Record<string, unknown>) {
  return parseScenarioFile(JSON.stringify({ ...base, ...changes }), FILE);
}

describe('parseScenarioFile', () => {
  it('turns a profile into expected calls per interval and a staffing table into agents', () => {
    const { scenario, meta } = read({});
    // exact, by hand: 240 calls a day, 1/24 of them each hour -> 10 per hour; 2 agents.
    expect(scenario.arrivals).toEqual({ kind: 'table', callsPerInterval: new Array(48).fill(10) });
    expect(scenario.agents).toEqual({ kind: 'perInterval', counts: new Array(48).fill(2) });
    expect(scenario.handle).toEqual({ kind: 'lognormal', meanSeconds: 200, cv: 1 });
    expect(scenario.selfServiceShare).toBe(0.1);
    expect(meta.agentBoundCallsPerDay).toBeCloseTo(216, 10); // 240 x 0.9
    expect(meta.inboundCallsByDay).toEqual([240, 240]);
  });

  it('applies the holiday rule, keeping the horizon total when asked (exact, by hand)', () => {
    const changes = {
      horizon: { startDate: '2020-09-30', days: 2, intervalMinutes: 60 },
      arrivals: { ...base.arrivals, weekdayFactors: [1.2, 1.1, 1.1, 1.1, 1.1, 0.75, 0.65] },
      agents: { kind: 'constant', count: 3 },
      sources: { ...base.sources, calendar: '国办发明电〔2019〕16号' },
    };
    const calendar = {
      holidays: 'china-official',
      holidayLoadAs: 'Sunday',
      adjustedWorkingDayLoadAs: 'Tuesday',
    };
    // Wed 30 Sep: 240 x 1.1 = 264; Thu 1 Oct (National Day) at Sunday's 0.65: 156.
    const moved = read({ ...changes, calendar: { ...calendar, keepHorizonTotal: false } });
    expect(moved.meta.inboundCallsByDay[0]).toBeCloseTo(264, 10);
    expect(moved.meta.inboundCallsByDay[1]).toBeCloseTo(156, 10);
    expect(moved.meta.specialDays).toEqual([{ date: '2020-10-01', kind: 'holiday' }]);
    // Keeping the total 528 (= 240 x 2.2): both days x 528 / 420.
    const kept = read({ ...changes, calendar: { ...calendar, keepHorizonTotal: true } });
    expect(kept.meta.inboundCallsByDay[0]).toBeCloseTo((264 * 528) / 420, 10);
    expect(kept.meta.inboundCallsByDay[1]).toBeCloseTo((156 * 528) / 420, 10);
  });

  it('applies load and agent adjustments on their days only', () => {
    const { scenario } = read({
      loadAdjustments: [{ from: '2020-03-03', to: '2020-03-03', factor: 1.5, label: 'a peak day' }],
      agents: {
        ...base.agents,
        adjustments: [{ from: '2020-03-02', to: '2020-03-02', factor: 1.75, label: 'more agents' }],
      },
      sources: { ...base.sources, loadAdjustments: 'assumed: a peak day to test adjustments' },
    });
    const calls = scenario.arrivals.kind === 'table' ? scenario.arrivals.callsPerInterval : [];
    const counts = scenario.agents.kind === 'perInterval' ? scenario.agents.counts : [];
    expect(calls.slice(0, 24)).toEqual(new Array(24).fill(10));
    expect(calls.slice(24)).toEqual(new Array(24).fill(15));
    expect(counts.slice(0, 24)).toEqual(new Array(24).fill(4)); // round(2 x 1.75 = 3.5) = 4
    expect(counts.slice(24)).toEqual(new Array(24).fill(2));
  });

  it('covers a parameter by a parent path in sources, and reports every problem at once', () => {
    expect(() => read({ sources: { ...base.sources, handle: '', 'handle.cv': 'assumed' } })).toThrow(
      [
        '2 problem(s) in input',
        `  ${FILE} sources["handle"]: must give a source or "assumed: <reasoning>" (got "")`,
        `  ${FILE} sources["handle.cv"]: an assumption must give its reasoning, "assumed: <at least 10 characters>" (got "assumed")`,
      ].join('\n'),
    );
  });

  it('reads explicit arrival rates, each row holding until the next (exact, by hand)', () => {
    const { scenario, meta } = read({
      arrivals: { kind: 'table', arrivalRatesFile: 'ok-rates.csv', selfServiceShare: 0, dayBusynessCv: 0 },
    });
    const calls = scenario.arrivals.kind === 'table' ? scenario.arrivals.callsPerInterval : [];
    // 12 an hour on 2 March; 6 an hour on 3 March until noon, then none.
    expect(calls).toEqual([...new Array(24).fill(12), ...new Array(12).fill(6), ...new Array(12).fill(0)]);
    expect(meta.inboundCallsByDay).toEqual([288, 72]);
  });

  it('cuts a scenario to its first days', () => {
    const one = firstDaysOf(read({}).scenario, 1);
    expect(one.days).toBe(1);
    expect(one.arrivals.kind === 'table' && one.arrivals.callsPerInterval.length).toBe(24);
    expect(() => firstDaysOf(read({}).scenario, 3)).toThrow(
      'firstDaysOf: days must be an integer from 1 to 2 (got 3)',
    );
  });
});
