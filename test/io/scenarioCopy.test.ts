import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InputError } from '../../sim/core/errors.js';
import { scenarioCopyFiles, writeScenarioCopy, type NewArrivals } from '../../sim/io/scenarioCopy.js';
import { readScenarioFile } from '../../sim/io/scenarioFile.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHIPPED = resolve('data/shanghai-12333-2020/scenario.json');
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const week = (
  startDate: string,
  perDay = 48,
  rate: (i: number) => number = (i) => 1000 + (i % perDay),
): NewArrivals => ({
  startDate,
  days: 7,
  arrivalsPerHour: Array.from({ length: 7 * perDay }, (_, i) => rate(i)),
  volumeForecastCv: 0.07,
  dayBusynessCv: 0.05,
  source: 'hotline forecast of test volumes (average method)',
});
const issues = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    return (error as InputError).issues.map((i) => `${i.column}: ${i.message}`);
  }
  return [];
};
const agents = (s: ReturnType<typeof readScenarioFile>['scenario']) =>
  s.agents.kind === 'perInterval' ? s.agents.counts : [];

/** A small scenario, hourly, 2-3 March 2020, with the agents given in `agents` (and files beside it). */
function tinyScenario(
  name: string,
  agentsSection: Record<string, unknown>,
  files: Record<string, string> = {},
): string {
  const folder = mkdtempSync(join(dir, `${name}-`));
  const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
  writeFileSync(
    join(folder, 'profile.csv'),
    ['intervalStart,share', ...hours.map((t) => `${t},${1 / 24}`)].join('\n') + '\n',
  );
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  const why = 'assumed: a small scenario for the copy test';
  const path = join(folder, 'tiny.json');
  writeFileSync(
    path,
    JSON.stringify({
      formatVersion: 1,
      name: 'tiny',
      title: 'Tiny',
      horizon: { startDate: '2020-03-02', days: 2, intervalMinutes: 60 },
      arrivals: {
        kind: 'profile',
        inboundCallsPerDay: 240,
        intradayProfileFile: 'profile.csv',
        selfServiceShare: 0,
        dayBusynessCv: 0,
      },
      handle: { kind: 'exponential', meanSeconds: 180 },
      agents: agentsSection,
      answerWithinSeconds: 20,
      sources: Object.fromEntries(
        ['horizon', 'arrivals', 'handle', 'agents', 'answerWithinSeconds'].map((k) => [k, why]),
      ),
    }),
  );
  return path;
}

describe('writeScenarioCopy', () => {
  it('copies the 12333 scenario for a week with new arrivals, the original untouched', () => {
    const before = hash(SHIPPED);
    const out = join(dir, 'week.json');
    const files = writeScenarioCopy(SHIPPED, out, week('2020-03-02'));
    expect(files).toEqual({ scenario: out, arrivalRates: scenarioCopyFiles(out).arrivalRates });
    expect(hash(SHIPPED)).toBe(before);
    const copy = readScenarioFile(out);
    const original = readScenarioFile(SHIPPED);
    expect(copy.scenario.startDate).toBe('2020-03-02');
    expect(copy.scenario.days).toBe(7);
    expect(copy.scenario.volumeForecastCv).toBe(0.07);
    expect(copy.scenario.dayBusynessCv).toBe(0.05);
    expect(copy.scenario.selfServiceShare).toBe(original.scenario.selfServiceShare);
    // calls entering per half hour = rate x 0.5 h
    const calls = copy.scenario.arrivals.kind === 'table' ? copy.scenario.arrivals.callsPerInterval : [];
    expect(calls[0]).toBeCloseTo(500, 9);
    expect(calls[47]).toBeCloseTo((1000 + 47) / 2, 9);
    // the staffing by kind of day gives 2-8 March the agents they have in the year (day 61 of 2020 on)
    const offset = 61 * 48;
    expect(agents(copy.scenario)).toEqual(agents(original.scenario).slice(offset, offset + 7 * 48));
    expect(copy.scenario.handle).toEqual(original.scenario.handle);
    expect(copy.meta.targets?.set.id).toBe(original.meta.targets?.set.id);
    expect(copy.meta.data.calendar).toEqual({ holidays: 'china-official' });
    expect(copy.meta.data.agents?.kind).toBe('weekly');
    expect(copy.meta.sources['arrivals.volumeForecastCv']).toBe(
      'hotline forecast of test volumes (average method)',
    );
    expect(readFileSync(files.arrivalRates, 'utf8').split('\n').slice(0, 3)).toEqual([
      'intervalStart,arrivalsPerHour',
      '2020-03-02 00:00,1000',
      '2020-03-02 00:30,1001',
    ]);
  });

  it('moves the 12333 scenario to a week of 2025 (its staffing is by kind of day), but not to 1999', () => {
    const copy = readScenarioFile(
      writeScenarioCopy(SHIPPED, join(dir, 'week-2025.json'), week('2025-03-03')).scenario,
    );
    expect(copy.scenario.startDate).toBe('2025-03-03');
    expect(Math.max(...agents(copy.scenario))).toBeGreaterThan(0);
    expect(issues(() => writeScenarioCopy(SHIPPED, join(dir, 'bank.json'), week('1999-02-22')))).toEqual([
      "calendar.holidays: China's official calendar (chinese-days, 2004-2026) does not cover 1999, a year of the days 1999-02-22 and the 6 after (give a scenario whose calendar covers them: a holiday list with that year's days, or holidays none)",
    ]);
    expect(existsSync(join(dir, 'bank.json'))).toBe(false);
  });

  it("cuts a dated staffing table to the new days, refuses days outside it, and never writes over the original's files", () => {
    const staffing = 'intervalStart,agents\n2020-03-02 00:00,2\n2020-03-03 08:00,5\n2020-03-03 18:00,1\n';
    const path = tinyScenario(
      'dated',
      { kind: 'table', staffingFile: 'staffing.csv' },
      { 'staffing.csv': staffing },
    );
    const out = join(dir, 'day.json');
    const files = writeScenarioCopy(path, out, {
      ...week('2020-03-03', 24, () => 10),
      days: 1,
      arrivalsPerHour: new Array<number>(24).fill(10),
    });
    expect(readFileSync(files.staffing!, 'utf8')).toBe(
      'intervalStart,agents\n2020-03-03 00:00,2\n2020-03-03 08:00,5\n2020-03-03 18:00,1\n',
    );
    expect(agents(readScenarioFile(out).scenario)).toEqual([
      ...new Array<number>(8).fill(2),
      ...new Array<number>(10).fill(5),
      ...new Array<number>(6).fill(1),
    ]);
    expect(issues(() => writeScenarioCopy(path, join(dir, 'later.json'), week('2020-03-03', 24)))).toEqual([
      'agents.staffingFile: the staffing table covers 2020-03-02 to 2020-03-03; the days 2020-03-03 and the 6 after are not inside it (give a scenario whose staffing covers them, or constant agents, or a weekly roster)',
    ]);
    expect(existsSync(join(dir, 'later.json'))).toBe(false);
    expect(issues(() => writeScenarioCopy(SHIPPED, SHIPPED, week('2020-03-02')))[0]).toMatch(
      /^\(file\): the copy's scenario file .* is a file of the original scenario/,
    );
  });

  it('keeps constant agents for any days', () => {
    const out = join(dir, 'bank-week.json');
    const files = writeScenarioCopy(tinyScenario('constant', { kind: 'constant', count: 3 }), out, {
      ...week('1999-02-22', 24),
      days: 1,
      arrivalsPerHour: Array.from({ length: 24 }, (_, h) => h),
    });
    expect(files.staffing).toBeUndefined();
    const copy = readScenarioFile(out);
    expect(copy.scenario.agents).toEqual({ kind: 'perInterval', counts: new Array<number>(24).fill(3) });
    expect(copy.scenario.startDate).toBe('1999-02-22');
  });
});
