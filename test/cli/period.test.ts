import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotline, STACK_LINE } from './runHotline.js';

// `--from`, `--days` and `--to` on simulate, plan and report (a chosen period of a
// scenario), the 12333 scenario moved to 2025, and capped problem lists.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-period-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Ten days from Monday 2020-03-30 (so across the end of Q1), 200 calls a day 08:00-18:00,
// 3 agents from a weekly table, a workforce of 4 staff.
function writeScenario(folder: string, extra: Record<string, unknown> = {}): string {
  mkdirSync(folder, { recursive: true });
  const profile = ['intervalStart,share'];
  for (let h = 0; h < 24; h++) profile.push(`${String(h).padStart(2, '0')}:00,${h >= 8 && h < 18 ? 0.1 : 0}`);
  writeFileSync(join(folder, 'profile.csv'), profile.join('\n') + '\n');
  writeFileSync(
    join(folder, 'staffing.csv'),
    'intervalStart,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday\n00:00,0,0,0,0,0,0,0\n08:00,3,3,3,3,3,3,3\n18:00,0,0,0,0,0,0,0\n',
  );
  const why = 'assumed: a small load for the command-line tests';
  const data = {
    formatVersion: 1,
    name: 'tiny-period',
    title: 'Tiny hotline over a quarter end',
    horizon: { startDate: '2020-03-30', days: 10, intervalMinutes: 60 },
    arrivals: {
      kind: 'profile',
      inboundCallsPerDay: 200,
      intradayProfileFile: 'profile.csv',
      selfServiceShare: 0,
      dayBusynessCv: 0,
    },
    handle: { kind: 'exponential', meanSeconds: 180 },
    patience: { kind: 'exponential', meanSeconds: 90 },
    agents: { kind: 'weekly', staffingFile: 'staffing.csv' },
    workforce: {
      initialStaff: 4,
      annualTurnover: 0.2,
      hiring: { policy: 'backfill', recruitmentLagDays: 5, trainingDays: 5 },
    },
    answerWithinSeconds: 20,
    sources: Object.fromEntries(
      ['horizon', 'arrivals', 'handle', 'patience', 'agents', 'workforce', 'answerWithinSeconds'].map(
        (key) => [key, why],
      ),
    ),
    ...extra,
  };
  const path = join(folder, 'scenario.json');
  writeFileSync(path, JSON.stringify(data, null, 2));
  return path;
}

interface ScenarioPart {
  startDate: string;
  days: number;
  horizon: { startDate: string; days: number };
  periodNotes: string[];
}

describe('a chosen period: --from with --days or --to', () => {
  it('simulate runs the period, and its JSON says which period and what it means for the targets', () => {
    const scenario = writeScenario(join(dir, 'a'));
    const run = hotline([
      'simulate',
      scenario,
      '--from',
      '2020-03-31',
      '--to',
      '2020-04-02',
      '--replications',
      '2',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { scenario: ScenarioPart; quarters: { period: string }[] };
    expect(result.scenario.startDate).toBe('2020-03-31');
    expect(result.scenario.days).toBe(3);
    expect(result.scenario.horizon).toEqual({ startDate: '2020-03-30', days: 10 });
    expect(result.quarters.map((q) => q.period)).toEqual(['2020-Q1', '2020-Q2']);
    expect(result.scenario.periodNotes).toEqual([
      "period simulated: 2020-03-31 to 2020-04-02, 3 of the scenario's 10 days (2020-03-30 to 2020-04-08)",
      'quarterly rows judge the days simulated only: 2020-Q1 has 1 of its 91 days, 2020-Q2 has 2 of its 91 days',
      'rows judged on the year (turnover, the yearly assessments) see only these 3 days',
      "the workforce starts as the scenario's year has it on 2020-03-31: its churn, hiring and training from 2020-03-30 are simulated first",
    ]);
    // --days from --from gives the same period; the whole horizon has no notes.
    const same = hotline([
      'simulate',
      scenario,
      '--from',
      '2020-03-31',
      '--days',
      '3',
      '--replications',
      '2',
      '--json',
    ]);
    expect(JSON.parse(same.stdout)).toEqual(result);
    const whole = JSON.parse(hotline(['simulate', scenario, '--replications', '1', '--json']).stdout) as {
      scenario: ScenarioPart;
    };
    expect(whole.scenario.periodNotes).toEqual([]);
    const text = hotline(['simulate', scenario, '--from', '2020-04-06', '--replications', '1']);
    expect(text.stdout).toContain('3 days from 2020-04-06');
    expect(text.stdout).toContain('Note: period simulated: 2020-04-06 to 2020-04-08');
    expect(text.stdout).toContain('Whole period: mean across replications');
  });

  it('bad periods exit 2, each problem naming its option, nothing simulated', () => {
    const scenario = writeScenario(join(dir, 'b'));
    const cases: [string[], string][] = [
      [
        ['--from', '2020-05-01'],
        "--from: must be within the scenario's horizon 2020-03-30 to 2020-04-08 (got 2020-05-01)",
      ],
      [
        ['--from', '2020-04-02', '--to', '2020-04-01'],
        '--to: must not be before --from (2020-04-02) (got 2020-04-01)',
      ],
      [
        ['--from', '2020-04-02', '--to', '2020-04-30'],
        "--to: must be within the scenario's horizon 2020-03-30 to 2020-04-08 (got 2020-04-30)",
      ],
      [['--from', '2020-04-02', '--days', '3', '--to', '2020-04-03'], '--to: give --days or --to, not both'],
      [
        ['--from', '2020-04-06', '--days', '5'],
        "--days: must be at most the 3 days left in the scenario's horizon 2020-03-30 to 2020-04-08 from 2020-04-06 (got 5)",
      ],
      [['--from', '2020-02-30'], '--from: must be a date YYYY-MM-DD (got "2020-02-30")'],
    ];
    for (const [args, message] of cases) {
      for (const command of ['simulate', 'plan', 'report']) {
        const run = hotline(
          [command, scenario, ...args, '--out', join(dir, 'never'), '--replications', '1'].filter(
            (arg, i, all) => command === 'report' || (arg !== '--out' && all[i - 1] !== '--out'),
          ),
        );
        expect(run.status, `${command} ${args.join(' ')}`).toBe(2);
        expect(run.stderr).toContain(message);
        expect(run.stderr).not.toMatch(STACK_LINE);
      }
    }
  });

  it('plan and report run the period and say what it means', () => {
    const scenario = writeScenario(join(dir, 'c'));
    const plan = hotline([
      'plan',
      scenario,
      '--targets',
      'data/targets/shanghai-12333-2020.json',
      '--from',
      '2020-04-01',
      '--days',
      '2',
      '--budget',
      '5000000',
      '--replications',
      '2',
      '--json',
    ]);
    expect(plan.status).toBe(0);
    const planned = JSON.parse(plan.stdout) as { scenario: ScenarioPart; notes: string[] };
    expect(planned.scenario.startDate).toBe('2020-04-01');
    expect(planned.notes.join(' ')).toContain(
      // 20% of the 10 days' agent-hours, the 10 days 10/366 of a year: 0.5%, as many as by days here
      'with 0.5% of the year’s agent-hours, the share the scenario’s own staffing puts in them (0.5% by days)',
    );
    const out = join(dir, 'report');
    const report = hotline([
      'report',
      scenario,
      '--from',
      '2020-04-01',
      '--days',
      '2',
      '--replications',
      '2',
      '--sensitivity-days',
      '0',
      '--bank',
      'none',
      '--out',
      out,
    ]);
    expect(report.status).toBe(0);
    const json = readFileSync(join(out, 'report.json'), 'utf8');
    expect(json).toContain('Period simulated: 2020-04-01 to 2020-04-02, 2 of the scenario');
    expect(json).toContain('--from 2020-04-01 --days 2');
  });
});

describe('the shipped 12333 scenario in 2025', () => {
  it('runs with its start date moved, a period of it too', () => {
    const root = join(dir, 'data');
    cpSync('data/shanghai-12333-2020', join(root, 'shanghai-12333-2020'), { recursive: true });
    cpSync('data/targets', join(root, 'targets'), { recursive: true });
    const path = join(root, 'shanghai-12333-2020', 'scenario-2025.json');
    const text = readFileSync('data/shanghai-12333-2020/scenario.json', 'utf8');
    writeFileSync(path, text.replace('"startDate": "2020-01-01"', '"startDate": "2025-01-01"'));
    const run = hotline([
      'simulate',
      path,
      '--from',
      '2025-01-27',
      '--days',
      '2',
      '--replications',
      '1',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { scenario: ScenarioPart }).scenario.startDate).toBe('2025-01-27');
  });
});

describe('a long list of problems', () => {
  it('prints one line for many problems of one cause, the first 20 lines and a count', () => {
    const folder = join(dir, 'many');
    const scenario = writeScenario(folder, { agents: { kind: 'table', staffingFile: 'dated.csv' } });
    const rows = ['intervalStart,agents'];
    for (let d = 0; d < 300; d++)
      rows.push(`${new Date(Date.UTC(2019, 0, 1 + d)).toISOString().slice(0, 10)} 08:00,3`);
    writeFileSync(join(folder, 'dated.csv'), rows.join('\n') + '\n');
    const run = hotline(['simulate', scenario]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe('hotline: 300 problem(s) in the input');
    expect(lines[1]).toMatch(
      /dated\.csv rows 2 to 301 \(300 rows\) intervalStart: must be within the horizon .* \(the first got 2019-01-01 08:00:00\)/,
    );
    expect(lines).toHaveLength(2);
  });
});
