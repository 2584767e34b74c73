import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dayKind } from '../../sim/core/calendar.js';
import { firstDaysOf, parseScenarioFile, readScenarioFile } from '../../sim/io/scenarioFile.js';
import { readTargetSet } from '../../sim/io/targets.js';
import { evaluateRuns } from '../../sim/plan/evaluatePlan.js';
import { replicate } from '../../sim/plan/replicate.js';
import { shanghai12333Defaults, shanghai12333Load2020 } from '../../sim/model/shanghai12333.js';
import { simulate } from '../../sim/model/simulate.js';
import { DEFAULT_FAULT_LEVELS } from '../../sim/model/faults.js';
import { DEFAULT_SATISFACTION, DEFAULT_SURVEY } from '../../sim/model/satisfaction.js';
import { DEFAULT_LEARNING_CURVE } from '../../sim/model/workforce.js';
import { DESK_12345, STAFFING_12333, deskAgentsOnPhones } from './buildData.config.js';
import { staffingFromPayroll } from './staffingRule.js';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const S12333 = `${DATA}shanghai-12333-2020/`;
const S12345 = `${DATA}shanghai-12345-desk-2020/`;

const scenarioFiles = [
  ...readdirSync(S12333).filter((f) => f.endsWith('.json')).map((f) => S12333 + f),
  ...readdirSync(S12345).filter((f) => f.endsWith('.json')).map((f) => S12345 + f),
];

describe('shipped scenario files', () => {
  it('ships the 12333 year, its four presets, the all-media year and the 12345 desk', () => {
    expect(scenarioFiles.map((f) => f.slice(DATA.length)).sort()).toEqual([
      'shanghai-12333-2020/budget-2019.json',
      'shanghai-12333-2020/epidemic-spring.json',
      'shanghai-12333-2020/july-peak.json',
      'shanghai-12333-2020/lenient-answer-rate.json',
      'shanghai-12333-2020/omnichannel.json',
      'shanghai-12333-2020/scenario.json',
      'shanghai-12345-desk-2020/scenario.json',
    ]);
  });

  it.each(scenarioFiles)('%s loads, every parameter with a source', (file) => {
    const { scenario, meta } = readScenarioFile(file);
    expect(scenario.days).toBe(366);
    expect(scenario.arrivals.kind).toBe('table');
    expect(meta.targets).toBeDefined();
    expect(Object.keys(meta.sources).length).toBeGreaterThan(5);
  });

  it.each(readdirSync(`${DATA}targets/`).map((f) => `${DATA}targets/${f}`))('%s loads', (file) => {
    const set = readTargetSet(file);
    expect(set.indicators.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the 12333 year', () => {
  const { scenario, meta } = readScenarioFile(`${S12333}scenario.json`);
  const calls = scenario.arrivals.kind === 'table' ? scenario.arrivals.callsPerInterval : [];
  const share = scenario.selfServiceShare ?? 0;

  it('has 25,000 agent-bound first attempts a day on average, within 0.5%', () => {
    // FACTS §7.1: 25,000 a day (annual mean). Holidays move load, keeping the year's total.
    expect(Math.abs(meta.agentBoundCallsPerDay / 25_000 - 1)).toBeLessThan(0.005);
  });

  it('agrees with the in-code default load on every ordinary day (sim/model/shanghai12333.ts)', () => {
    // The file's load before holidays is the code's: 25,000 x month x weekday x half-hour
    // share; on an ordinary day it differs only by the year's constant holiday rescaling.
    const load = shanghai12333Load2020;
    const ratios: number[] = [];
    for (let day = 0; day < 366; day++) {
      const date = new Date(Date.UTC(2020, 0, 1 + day));
      const iso = date.toISOString().slice(0, 10);
      const kind = dayKind(iso);
      if (kind === 'holiday' || kind === 'adjustedWorkingDay') continue;
      for (let s = 0; s < 48; s++) {
        const code =
          load.dailyCalls *
          (load.monthFactors[date.getUTCMonth()] ?? 0) *
          (load.weekdayFactors[(date.getUTCDay() + 6) % 7] ?? 0) *
          (load.intradayShares[s] ?? 0);
        ratios.push(((calls[day * 48 + s] ?? 0) * (1 - share)) / code);
      }
    }
    const first = ratios[0] ?? 0;
    for (const r of ratios) expect(r).toBeCloseTo(first, 12);
    // The rescaling that keeps the year's total with 30 holiday days at a Sunday's load (0.65
    // instead of up to 1.20): a little above 1; by hand at most 30 x 0.55 / 366 = 4.5%.
    expect(first).toBeGreaterThan(1);
    expect(first).toBeLessThan(1.045);
  });

  it('uses the in-code defaults for the callers', () => {
    const d = shanghai12333Defaults;
    expect(share).toBe(d.selfServiceShare);
    expect(scenario.handle).toEqual({ kind: 'lognormal', meanSeconds: 220, cv: 180 / 220 });
    expect(scenario.patience).toEqual({ kind: 'exponential', meanSeconds: d.meanPatienceSeconds });
    expect(scenario.redial?.maxAttempts).toBe(d.maxAttempts);
    expect(scenario.answerWithinSeconds).toBe(d.answerWithinSeconds);
  });

  it('loads a holiday at a Sunday load (2020-10-01 is a Thursday)', () => {
    const thursdayOct1 = calls.slice(274 * 48, 275 * 48).reduce((a, b) => a + b, 0);
    const sundayOct4 = calls.slice(277 * 48, 278 * 48).reduce((a, b) => a + b, 0);
    expect(thursdayOct1).toBeCloseTo(sundayOct4, 6); // both holidays, same month: same load
    expect(meta.specialDays.filter((s) => s.kind === 'holiday')).toHaveLength(30);
  });

  it('has the staffing table the payroll rule gives (the file and its derivation agree)', () => {
    const rule = staffingFromPayroll({
      agentBoundCallsPerInterval: calls.map((c) => c * (1 - share)),
      intervalMinutes: 30,
      meanHandleSeconds: 220,
      meanPatienceSeconds: 90,
      answerWithinSeconds: 15,
      ...STAFFING_12333,
    });
    const counts = scenario.agents.kind === 'perInterval' ? scenario.agents.counts : [];
    expect(counts).toEqual(rule.agents);
    // 407 staff x 2,000 h x 0.7 = 569,800 agent-hours (exact, by hand), scheduled within one half hour.
    const hours = counts.reduce((a, b) => a + b, 0) / 2;
    expect(hours).toBeLessThanOrEqual(569_800);
    expect(hours).toBeGreaterThan(569_800 - 0.5 * 359);
    expect(Math.max(...counts)).toBeLessThanOrEqual(359);
  });

  it("has the workforce, fault and survey values of FACTS.md, which are the model's defaults", () => {
    const w = scenario.workforce;
    // FACTS §1.1: 407 staff [S]; §1.3: half a year of training [S]; 20% turnover [A].
    expect(w?.spec.initialStaff).toBe(407);
    expect(w?.spec.turnover).toBe(0.2);
    expect(w?.spec.hiring).toEqual({ policy: 'backfill', recruitmentLagDays: 30, trainingDays: 182 });
    expect(w?.plannedLiveAgents).toBe(407);
    expect(w?.spec.learningCurve).toEqual(DEFAULT_LEARNING_CURVE);
    expect(scenario.faults?.levels).toEqual(DEFAULT_FAULT_LEVELS);
    expect(scenario.survey?.satisfaction).toEqual(DEFAULT_SATISFACTION);
    expect(scenario.survey).toEqual(DEFAULT_SURVEY);
  });

  it('runs one week in the simulator', () => {
    const week = simulate(firstDaysOf(scenario, 7), { seed: 1 });
    expect(week.days).toHaveLength(7);
    const fresh = week.horizon.freshCallers;
    // 7 days of 1-7 Jan 2020 (New Year at a Sunday load), about 25,000 a day: a loose check.
    expect(fresh).toBeGreaterThan(7 * 20_000);
    expect(fresh).toBeLessThan(7 * 30_000);
    expect(week.kpis.answerRate).toBeGreaterThan(0.5);
  });
});

describe('the presets', () => {
  const base = readScenarioFile(`${S12333}scenario.json`);
  const total = (f: string): number => {
    const s = readScenarioFile(S12333 + f).scenario;
    return s.arrivals.kind === 'table' ? s.arrivals.callsPerInterval.reduce((a, b) => a + b, 0) : 0;
  };
  const agentHours = (f: string): number => {
    const s = readScenarioFile(S12333 + f).scenario;
    return s.agents.kind === 'perInterval' ? s.agents.counts.reduce((a, b) => a + b, 0) / 2 : 0;
  };

  it('epidemic spring adds load and removes agents; July adds a tenth to July', () => {
    expect(total('epidemic-spring.json')).toBeGreaterThan(total('scenario.json') * 1.1);
    expect(agentHours('epidemic-spring.json')).toBeLessThan(agentHours('scenario.json'));
    const july = total('july-peak.json') - total('scenario.json');
    const julyBase = base.meta.inboundCallsByDay.slice(182, 213).reduce((a, b) => a + b, 0);
    expect(july / julyBase).toBeCloseTo(0.1, 10);
  });

  it('the 2019 budget buys 531/407 of the agent-hours (whatBudgetBuys: 469 seats, 531 staff)', () => {
    expect(agentHours('budget-2019.json') / agentHours('scenario.json')).toBeCloseTo(531 / 407, 2);
  });

  it('the lenient preset is judged on the IVR-inclusive answer rate', () => {
    const lenient = readScenarioFile(`${S12333}lenient-answer-rate.json`);
    expect(lenient.meta.targets?.answerRateDefinition).toBe('includingSelfService');
    expect(base.meta.targets?.answerRateDefinition).toBe('perAttempt');
  });
});

describe('the all-media year (issue 16)', () => {
  const { scenario } = readScenarioFile(`${S12333}omnichannel.json`);
  const voice = readScenarioFile(`${S12333}scenario.json`).scenario;
  const channels = scenario.channels!;

  it('has the calls, staff and survey of the 12333 year, without faults', () => {
    expect(scenario.arrivals).toEqual(voice.arrivals);
    expect(scenario.agents).toEqual(voice.agents);
    expect(scenario.workforce).toEqual(voice.workforce);
    expect(scenario.survey).toEqual(voice.survey);
    expect(scenario.faults).toBeUndefined();
  });

  it('splits the staff whole among three groups and follows voice for chat and messages', () => {
    const shares = channels.groups.map((g) => (g.agents.kind === 'share' ? g.agents.share : 0));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(channels.chat?.arrivals).toEqual({ kind: 'ratioOfVoice', ratio: 0.1 });
    expect(channels.chat?.assistant?.resolvedShare).toBe(0.293);
    // Two working days of 8 hours; 2020 has 249 working days (the official calendar).
    expect(channels.message?.deadlineWorkingSeconds).toBe(16 * 3600);
    expect(channels.message?.workingDays?.filter(Boolean)).toHaveLength(249);
  });

  it('runs a week, and its target table judges the chat and message rows', async () => {
    const week = firstDaysOf(scenario, 7);
    const result = simulate(week, { seed: 1 });
    expect(result.channels?.chat?.horizon.offered).toBeGreaterThan(10_000);
    expect(result.groups?.map((g) => g.name)).toEqual(['voice', 'online', 'blended']);
    const targets = readTargetSet(`${DATA}targets/shanghai-12333-omnichannel-2020.json`);
    const runs = await replicate(week, { replications: 2, seed: 1, workers: 0 });
    const rows = evaluateRuns(runs.runs, week, targets, { seed: 1 }).targetTable.rows;
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(row('chatResponse').measuredBy).toBe('chat:serviceLevel');
    expect(row('messageOnTime').measuredBy).toBe('message:answerRate');
    expect(row('chatResponse').mean).toBeCloseTo(runs.channels!.chat!.kpis.serviceLevel!.mean, 12);
  });
});

describe('the 12345 desk', () => {
  const { scenario, meta } = readScenarioFile(`${S12345}scenario.json`);

  it('has 1,200 transferred calls on each of the 249 working days of 2020, none otherwise', () => {
    const open = meta.inboundCallsByDay.filter((c) => c > 0);
    expect(open).toHaveLength(249);
    for (const c of open) expect(c).toBeCloseTo(1_200, 9);
  });

  it('puts the staff left from work orders on the phones in business hours only', () => {
    // 50 x 0.7 - 300 x 45 / 60 / 9 = 35 - 25 = 10 (exact, by hand)
    expect(deskAgentsOnPhones()).toBe(10);
    expect(DESK_12345.staff).toBe(50);
    const counts = scenario.agents.kind === 'perInterval' ? scenario.agents.counts : [];
    expect(Math.max(...counts)).toBe(10);
    expect(counts.filter((c) => c > 0)).toHaveLength(249 * 18);
  });

  it('has its targets: transfer answer rate > 86%, satisfaction > 98%, turnover < 20%', () => {
    const set = meta.targets?.set;
    const get = (id: string) => set?.indicators.find((t) => t.id === id);
    expect([get('transferAnswerRate')?.comparison, get('transferAnswerRate')?.value]).toEqual(['>', 0.86]);
    expect(get('satisfaction')?.value).toBe(0.98);
    expect(get('turnover')?.value).toBe(0.2);
  });
});

describe('the shipped scenarios moved to 2025, unchanged but their start date', () => {
  const in2025 = (path: string) => {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { horizon: { startDate: string } };
    data.horizon.startDate = '2025-01-01';
    return parseScenarioFile(JSON.stringify(data), path); // throws on any problem
  };

  it('the 12333 year takes 2025’s holidays, staffed by the weekly table of their month', () => {
    const { scenario, meta } = in2025(`${S12333}scenario.json`);
    const counts = scenario.agents.kind === 'perInterval' ? scenario.agents.counts : [];
    const day = (d: number) => counts.slice(d * 48, (d + 1) * 48);
    // 国办发明电〔2024〕12号: Spring Festival 28 Jan - 4 Feb, Sunday 26 Jan worked.
    expect(meta.specialDays.slice(0, 3)).toEqual([
      { date: '2025-01-01', kind: 'holiday' },
      { date: '2025-01-26', kind: 'adjustedWorkingDay' },
      { date: '2025-01-28', kind: 'holiday' },
    ]);
    expect(day(27)).toEqual(day(4)); // Tue 28 Jan, a holiday, staffed as Sunday 5 Jan
    expect(day(25)).toEqual(day(6)); // Sun 26 Jan, worked, staffed as Tuesday 7 Jan
    expect(day(27)).not.toEqual(day(6));
    const week = simulate(firstDaysOf(scenario, 2), { seed: 1 });
    expect(week.kpis.answerRate).toBeGreaterThan(0.5);
  });

  it('the 12345 desk is open on the 248 working days of 2025 and on none of its holidays', () => {
    // By hand: 261 weekdays - 18 weekday holidays (1 Jan; 28-31 Jan, 3-4 Feb; 4 Apr; 1, 2, 5 May;
    // 2 Jun; 1-3, 6-8 Oct) + 5 worked weekend days (26 Jan, 8 Feb, 27 Apr, 28 Sep, 11 Oct) = 248;
    // the horizon's 366th day, 1 Jan 2026, is a holiday.
    const { scenario, meta } = in2025(`${S12345}scenario.json`);
    expect(meta.inboundCallsByDay.filter((c) => c > 0)).toHaveLength(248);
    const counts = scenario.agents.kind === 'perInterval' ? scenario.agents.counts : [];
    expect(counts.filter((c) => c > 0)).toHaveLength(248 * 18);
  });
});

describe('the data dictionary', () => {
  it('names every shipped file', () => {
    const readme = readFileSync(`${DATA}README.md`, 'utf8');
    for (const f of scenarioFiles) expect(readme).toContain(f.slice(DATA.length));
  });
});
