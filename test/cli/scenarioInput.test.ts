import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OptionReader } from '../../sim/cli/args.js';
import { runCli } from '../../sim/cli/program.js';
import { loadScenario, rosterLines } from '../../sim/cli/scenarioInput.js';
import { firstDaysOf, readScenarioFile } from '../../sim/index.js';

// The loader every command reads a scenario with: a file whose shifts are to be
// generated runs on a roster covering its agents table; a plain file as read.

let dir: string;
let plain: string;
let generated: string;

// Per day (30-minute intervals): 2 agents 08:00-12:00, 4 agents 12:00-18:00 and
// 1 agent 18:00-19:00, which no allowed shift covers (both end at 18:00).
// Required agent-hours a day: 4 x 2 + 6 x 4 + 1 x 1 = 33 (exact, by hand).
const REQUIRED_PER_DAY = [
  ...Array<number>(16).fill(0),
  ...Array<number>(8).fill(2),
  ...Array<number>(12).fill(4),
  ...Array<number>(2).fill(1),
  ...Array<number>(10).fill(0),
];

function writeScenario(
  name: string,
  extra: Record<string, unknown>,
  sources: Record<string, string>,
): string {
  const shares = REQUIRED_PER_DAY.map((agents) => (agents > 0 ? 1 / 22 : 0));
  const profile = [
    'intervalStart,share',
    ...shares.map(
      (share, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'},${share}`,
    ),
  ];
  writeFileSync(join(dir, 'profile.csv'), profile.join('\n') + '\n');
  const staffing = ['intervalStart,agents'];
  for (const day of ['02', '03', '04']) {
    staffing.push(
      `2020-03-${day} 00:00,0`,
      `2020-03-${day} 08:00,2`,
      `2020-03-${day} 12:00,4`,
      `2020-03-${day} 18:00,1`,
      `2020-03-${day} 19:00,0`,
    );
  }
  writeFileSync(join(dir, 'staffing.csv'), staffing.join('\n') + '\n');
  const why = 'assumed: a small load for the command-line tests';
  const data = {
    formatVersion: 1,
    name,
    title: 'Tiny rostered hotline',
    horizon: { startDate: '2020-03-02', days: 3, intervalMinutes: 30 },
    arrivals: {
      kind: 'profile',
      inboundCallsPerDay: 200,
      intradayProfileFile: 'profile.csv',
      selfServiceShare: 0,
      dayBusynessCv: 0,
    },
    handle: { kind: 'exponential', meanSeconds: 180 },
    patience: { kind: 'exponential', meanSeconds: 90 },
    agents: { kind: 'table', staffingFile: 'staffing.csv' },
    answerWithinSeconds: 20,
    ...extra,
    sources: {
      ...Object.fromEntries(
        ['horizon', 'arrivals', 'handle', 'patience', 'agents', 'answerWithinSeconds'].map((key) => [
          key,
          why,
        ]),
      ),
      ...sources,
    },
  };
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(data, null, 2));
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-roster-'));
  plain = writeScenario('tiny-plain', {}, {});
  generated = writeScenario(
    'tiny-generated',
    {
      shifts: {
        kind: 'generate',
        patterns: [
          { name: 'day', start: '08:00', lengthMinutes: 600 },
          { name: 'late', start: '12:00', lengthMinutes: 360 },
        ],
      },
    },
    { shifts: 'assumed: two patterns for tests' },
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function agentsOf(counts: { kind: string; counts?: readonly number[] }): readonly number[] {
  if (counts.kind !== 'perInterval' || counts.counts === undefined)
    throw new Error('expected per-interval agents');
  return counts.counts;
}

describe('loadScenario', () => {
  it('puts a file with generated shifts on a roster of at least the required agents, and says how well it covers', () => {
    const reader = new OptionReader();
    const loaded = loadScenario(reader, generated, undefined);
    expect(reader.problems).toEqual([]);
    const requirement = agentsOf(readScenarioFile(generated).scenario.agents);
    const agents = agentsOf(loaded!.scenario.agents);
    expect(agents).toHaveLength(3 * 48);
    expect(agents).not.toEqual(requirement); // the roster, not the requirement
    agents.forEach((count, i) => {
      const required = requirement[i] ?? 0;
      // the two intervals from 18:00 have no shift that covers them
      if (i % 48 === 36 || i % 48 === 37) expect(count).toBe(0);
      else expect(count).toBeGreaterThanOrEqual(required);
    });
    const roster = loaded!.roster!;
    expect(roster.patterns).toBe(2);
    expect(roster.requiredAgentHours).toBe(3 * 33); // exact, by hand (REQUIRED_PER_DAY)
    expect(roster.plannedAgentHours).toBe(agents.reduce((sum, count) => sum + count, 0) / 2);
    // planned - required + the 3 x 1 agent-hours short = the over-coverage (exact, by hand)
    expect(roster.overCoverage).toBeCloseTo((roster.plannedAgentHours - 99 + 3) / 99, 12);
    expect(roster.intervalsShort).toBe(6); // 2 a day (18:00, 18:30), uncoverable
    expect(roster.intervalsUncoverable).toBe(6);
    // At least 4 agents from 12:00 to 18:00 need at least 4 shifts a day.
    expect(roster.shifts).toBeGreaterThanOrEqual(3 * 4);
    expect(loaded!.file.scenario).toBe(loaded!.scenario);
    expect(rosterLines(roster)[0]).toMatch(
      /^Shifts: \d+ generated from 2 patterns to cover the agents table \(the requirement\), \d+\.\d% over-coverage .* 6 intervals short \(6 that no allowed shift covers\)$/,
    );
  });

  it('cuts the year’s roster to --days and counts the coverage over those days only', () => {
    const reader = new OptionReader();
    const whole = loadScenario(reader, generated, undefined)!;
    const two = loadScenario(reader, generated, 2)!;
    expect(reader.problems).toEqual([]);
    expect(two.scenario.days).toBe(2);
    expect(agentsOf(two.scenario.agents)).toEqual(agentsOf(whole.scenario.agents).slice(0, 2 * 48));
    expect(two.roster!.requiredAgentHours).toBe(2 * 33); // exact, by hand
    expect(two.roster!.intervalsShort).toBe(4);
  });

  it('leaves a plain file as read, and records a bad --days and a missing file as problems', () => {
    const reader = new OptionReader();
    const loaded = loadScenario(reader, plain, 2)!;
    const read = readScenarioFile(plain);
    expect(loaded.roster).toBeNull();
    expect(loaded.file).toEqual(read);
    expect(loaded.scenario).toEqual(firstDaysOf(read.scenario, 2));
    expect(rosterLines(null)).toEqual([]);
    expect(reader.problems).toEqual([]);
    loadScenario(reader, plain, 4);
    expect(reader.problems).toEqual(["--days: must be at most the scenario's 3 days (got 4)"]);
  });
});

describe('hotline simulate on generated shifts', () => {
  it('prints the coverage line and puts the roster in --json', async () => {
    const capture = async (args: string[]): Promise<string> => {
      let stdout = '';
      const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        stdout += String(chunk);
        return true;
      });
      const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        expect(await runCli(args)).toBe(0);
      } finally {
        out.mockRestore();
        err.mockRestore();
      }
      return stdout;
    };
    const args = ['simulate', generated, '--replications', '1', '--workers', '0'];
    const json = JSON.parse(await capture([...args, '--json'])) as { scenario: { roster: unknown } };
    const reader = new OptionReader();
    expect(json.scenario.roster).toEqual(loadScenario(reader, generated, undefined)!.roster);
    const text = await capture(args);
    expect(text.split('\n')[2]).toMatch(/^Shifts: \d+ generated from 2 patterns/);
    const plainJson = JSON.parse(
      await capture(['simulate', plain, '--replications', '1', '--workers', '0', '--json']),
    ) as {
      scenario: { roster: unknown };
    };
    expect(plainJson.scenario.roster).toBeNull();
  });

  it('plan --json carries the roster and says the budget is spread in its shape', async () => {
    let stdout = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const args = [
        'plan',
        generated,
        '--targets',
        'data/targets/gbt-33358-2016.json',
        '--budget',
        '6000000',
      ];
      expect(await runCli([...args, '--replications', '1', '--workers', '0', '--json'])).toBe(0);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    const result = JSON.parse(stdout) as { scenario: { roster: unknown }; notes: string[] };
    expect(result.scenario.roster).toEqual(loadScenario(new OptionReader(), generated, undefined)!.roster);
    expect(result.notes.some((note) => note.includes('shifts are generated'))).toBe(true);
  });
});
