import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InputError } from '../../sim/core/errors.js';
import { scenarioCopyFiles, writeScenarioCopy } from '../../sim/io/scenarioCopy.js';
import { readScenarioFile } from '../../sim/io/scenarioFile.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHIPPED = resolve('data/shanghai-12333-2020/scenario.json');
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const week = (rate: (i: number) => number) => ({
  startDate: '2020-03-02',
  days: 7,
  arrivalsPerHour: Array.from({ length: 7 * 48 }, (_, i) => rate(i)),
  volumeForecastCv: 0.07,
  dayBusynessCv: 0.05,
  source: 'hotline forecast of test volumes (average method)',
});

describe('writeScenarioCopy', () => {
  it('copies the 12333 scenario for a week with new arrivals, its staffing cut to the week, the original untouched', () => {
    const before = hash(SHIPPED);
    const out = join(dir, 'week.json');
    const files = writeScenarioCopy(
      SHIPPED,
      out,
      week((i) => 1000 + (i % 48)),
    );
    expect(files).toEqual(scenarioCopyFiles(out));
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
    // the agents of 2-8 March in the original (day 61 of 2020 onwards)
    const offset = 61 * 48;
    const agents = (s: typeof copy.scenario) => (s.agents.kind === 'perInterval' ? s.agents.counts : []);
    expect(agents(copy.scenario)).toEqual(agents(original.scenario).slice(offset, offset + 7 * 48));
    expect(copy.scenario.handle).toEqual(original.scenario.handle);
    expect(copy.scenario.workforce).toEqual(original.scenario.workforce);
    expect(copy.meta.targets?.set.id).toBe(original.meta.targets?.set.id);
    expect(copy.meta.data.calendar).toBeUndefined();
    expect(copy.meta.sources['arrivals.volumeForecastCv']).toBe(
      'hotline forecast of test volumes (average method)',
    );
    expect(readFileSync(files.arrivalRates, 'utf8').split('\n').slice(0, 3)).toEqual([
      'intervalStart,arrivalsPerHour',
      '2020-03-02 00:00,1000',
      '2020-03-02 00:30,1001',
    ]);
  });

  it("refuses days outside the original's staffing table, and to overwrite the original's files", () => {
    const outside = { ...week(() => 10), startDate: '2021-03-01' };
    const issues = (run: () => unknown): string[] => {
      try {
        run();
      } catch (error) {
        return (error as InputError).issues.map((i) => `${i.column}: ${i.message}`);
      }
      return [];
    };
    expect(issues(() => writeScenarioCopy(SHIPPED, join(dir, 'later.json'), outside))).toEqual([
      'agents.staffingFile: the staffing table covers 2020-01-01 to 2020-12-31; the days 2021-03-01 and the 6 after are not inside it (give a scenario whose staffing covers them, or constant agents, or a weekly roster)',
    ]);
    expect(existsSync(join(dir, 'later.json'))).toBe(false);
    expect(
      issues(() =>
        writeScenarioCopy(
          SHIPPED,
          SHIPPED,
          week(() => 10),
        ),
      )[0],
    ).toMatch(/^\(file\): the copy's scenario file .* is a file of the original scenario/);
  });

  it('keeps constant agents for any days', () => {
    const folder = mkdtempSync(join(dir, 'tiny-'));
    writeFileSync(
      join(folder, 'profile.csv'),
      [
        'intervalStart,share',
        ...Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00,${1 / 24}`),
      ].join('\n') + '\n',
    );
    const why = 'assumed: a small scenario for the copy test';
    writeFileSync(
      join(folder, 'tiny.json'),
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
        agents: { kind: 'constant', count: 3 },
        answerWithinSeconds: 20,
        sources: Object.fromEntries(
          ['horizon', 'arrivals', 'handle', 'agents', 'answerWithinSeconds'].map((k) => [k, why]),
        ),
      }),
    );
    const out = join(dir, 'bank-week.json');
    const files = writeScenarioCopy(join(folder, 'tiny.json'), out, {
      startDate: '1999-02-22',
      days: 1,
      arrivalsPerHour: Array.from({ length: 24 }, (_, h) => h),
      volumeForecastCv: 0.07,
      dayBusynessCv: 0.08,
      source: 'test',
    });
    expect(files.staffing).toBeUndefined();
    const copy = readScenarioFile(out);
    expect(copy.scenario.agents).toEqual({ kind: 'perInterval', counts: new Array<number>(24).fill(3) });
    expect(copy.scenario.startDate).toBe('1999-02-22');
  });
});
