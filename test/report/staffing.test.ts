import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requiredAgentsWithRedials } from '../../sim/analytic/requiredAgentsWithRedials.js';
import { periodOf, readScenarioFile } from '../../sim/io/scenarioFile.js';
import { exponential } from '../../sim/model/distributions.js';
import type { Scenario } from '../../sim/model/types.js';
import { replicate } from '../../sim/plan/replicate.js';
import { staffingSection } from '../../sim/report/staffing.js';

describe('the staffing section', () => {
  it('averages over the 24 hours and over 08:00-20:00, and counts the intervals short of the requirement', async () => {
    // Two flat days of 2,400 calls (50 a half hour, 100 an hour), 200 s handle, 90 s patience, 7 agents.
    const scenario: Scenario = {
      startDate: '2020-05-11',
      days: 2,
      intervalMinutes: 30,
      arrivals: { kind: 'profile', dailyVolume: 2_400 },
      handle: exponential(200),
      patience: exponential(90),
      agents: { kind: 'constant', count: 7 },
      answerWithinSeconds: 15,
    };
    const result = await replicate(scenario, { replications: 1, seed: 1, workers: 0 });
    const section = staffingSection(scenario, result, undefined);
    expect(section.meanAgents).toBe(7);
    expect(section.meanAgentsDaytime).toBe(7);
    expect(section.agentHours).toBe(7 * 48);
    expect(section.liveShare).toBe(1); // no workforce: every planned agent is on the phones
    expect(section.slots).toHaveLength(48);
    const required = requiredAgentsWithRedials(
      { arrivalsPerHour: 100, meanHandleSeconds: 200, meanPatienceSeconds: 90, answerWithinSeconds: 15 },
      { answerRate: 0.8 },
    );
    expect(section.slots[20]).toMatchObject({
      start: '10:00',
      scheduledAgents: 7,
      liveAgents: 7,
      requiredAgents: required,
    });
    expect(section.shortSlots).toBe(required > 7 ? 48 : 0);
    expect(section.slotsPeriod).toMatchObject({ from: '2020-05-11', to: '2020-05-12' });
  });

  it('shows the weakest quarter, with the agents thinned by staff churn', async () => {
    const file = readScenarioFile(join('data', 'shanghai-12333-2020', 'scenario.json'));
    const scenario = periodOf(file.scenario, '2020-03-30', 4);
    const result = await replicate(scenario, { replications: 1, seed: 4, workers: 0 });
    const section = staffingSection(scenario, result, file.meta.targets?.set);
    const q = result.quarters.map((quarter) => quarter.kpis.answerRate?.mean ?? 1);
    const weakest = q[0]! <= q[1]! ? '2020-Q1' : '2020-Q2';
    expect(section.slotsPeriod.label).toBe(weakest);
    // The live share: live staff over the 407 the table assumes, on the days shown (exact, from the run).
    const days = result.runs[0]!.workforce!.days.filter(
      (day) => day.date >= section.slotsPeriod.from && day.date <= section.slotsPeriod.to,
    );
    expect(section.liveShare).toBeCloseTo(days.reduce((s, day) => s + day.live, 0) / (days.length * 407), 12);
    for (const slot of section.slots)
      expect(slot.liveAgents).toBeCloseTo(slot.scheduledAgents * section.liveShare, 9);
    expect(section.requirementTarget).toBe(0.8);
    expect(section.daytime).toEqual({ from: '08:00', to: '20:00' });
  }, 60_000);
});
