import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotline, STACK_LINE } from './runHotline.js';

// `--calendar china|none|FILE` on `hotline calibrate` (sim/cli/calendarOption.ts).
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-calendar-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Thursdays 24 Sep, 1 Oct (National Day) and 15 Oct 2020: 1, 5 and 4 calls from 08:00.
const csv = [
  'callId,arrivalTime,waitSeconds,outcome,handleSeconds,agentId',
  '1,2020-09-24 08:00:00,0,answered,900,A',
  ...[0, 1, 2, 3, 4].map((i) => `${i + 2},2020-10-01 08:0${i}:00,0,answered,900,H${i}`),
  '7,2020-10-15 08:00:00,0,answered,900,A',
  '8,2020-10-15 08:01:00,0,answered,900,B',
  '9,2020-10-15 08:02:00,0,answered,900,C',
  '10,2020-10-15 08:10:00,40,abandoned,,',
].join('\n');

describe('hotline calibrate --calendar', () => {
  it('china leaves the holidays and worked weekend days out of the weekday means', () => {
    const records = join(dir, 'calls.csv');
    writeFileSync(records, csv + '\n');
    const run = hotline([
      'calibrate',
      records,
      '--calendar',
      'china',
      '--out',
      join(dir, 'c.json'),
      '--json',
    ]);
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      calendar: { name: string; specialDays: { date: string }[] };
      weekdays: { weekday: string; days: number }[];
    };
    expect(summary.calendar.name).toBe('china');
    expect(summary.calendar.specialDays).toHaveLength(10); // 27 Sep, 1-8 Oct, 10 Oct
    expect(summary.weekdays.find((w) => w.weekday === 'Thursday')?.days).toBe(2);
    const text = hotline(['calibrate', records, '--calendar', 'china', '--out', join(dir, 'c.json')]);
    expect(text.stdout).toContain("calendar: china (China's official calendar (chinese-days, 2004-");
    expect(text.stdout).toContain(
      '8 holidays and 2 weekend days worked in the records, left out of the weekday means',
    );
    const none = hotline(['calibrate', records, '--out', join(dir, 'n.json')]);
    expect(none.stdout).toContain('calendar: none (no holidays): every day counts as its weekday');
  });

  it('a year the package does not cover, a bad list and a missing file: exit 2, named, nothing written', () => {
    const old = join(dir, 'old.csv');
    writeFileSync(
      old,
      [
        'callId,arrivalTime,waitSeconds,outcome,handleSeconds,agentId',
        '1,1999-02-01 08:00,0,answered,60,A',
        '2,1999-02-01 08:01,0,answered,90,A',
        '3,1999-02-01 08:02,30,abandoned,,',
      ].join('\n') + '\n',
    );
    const out = join(dir, 'old.json');
    const run = hotline(['calibrate', old, '--calendar', 'china', '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--calendar: China's official calendar (chinese-days, 2004-");
    expect(run.stderr).toContain('does not cover 1999, a year of the records');
    expect(existsSync(out)).toBe(false);

    const list = join(dir, 'holidays.csv');
    writeFileSync(list, 'date,kind\n1999-02-01,holiday\n1999-02-02,adjustedWorkingDay\n1999-02-03,day off\n');
    const bad = hotline(['calibrate', old, '--calendar', list, '--out', out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/holidays\.csv:4 kind: must be one of holiday, adjustedWorkingDay/);
    expect(bad.stderr).not.toMatch(STACK_LINE);
    const missing = hotline(['calibrate', old, '--calendar', join(dir, 'nope.csv'), '--out', out]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(
      '--calendar: must be china, none or a holiday-list file that can be read',
    );
    expect(existsSync(out)).toBe(false);

    writeFileSync(list, 'date,kind,name\n1999-02-01,holiday,a test holiday\n');
    const onlyHoliday = hotline(['calibrate', old, '--calendar', list, '--out', out]);
    expect(onlyHoliday.status).toBe(2);
    expect(onlyHoliday.stderr).toContain(
      '--calendar: every day of the records (1999-02-01 to 1999-02-01) is a holiday or a weekend day worked',
    );
    writeFileSync(old, '4,1999-02-02 08:00,0,answered,60,A\n', { flag: 'a' });
    const good = hotline(['calibrate', old, '--calendar', list, '--out', out]);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('calendar: ');
    expect(good.stdout).toContain('(holidays.csv (1999)): 1 holiday and 0 weekend days worked');
  });
});
