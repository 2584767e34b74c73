import { describe, expect, it } from 'vitest';
import { hotline, STACK_LINE } from './runHotline.js';

// `hotline simulate` on the shipped all-media scenario (issue 16), built and run as a user
// runs it: a table per channel, `--json` with `channels` keyed by channel name, and bad
// channels exiting 2 with their JSON paths.

const OMNI = 'data/shanghai-12333-2020/omnichannel.json';

describe('hotline simulate with channels', () => {
  const run = hotline(['simulate', OMNI, '--days', '2', '--replications', '2', '--workers', '0', '--json']);
  const out = JSON.parse(run.stdout) as {
    kpis: Record<string, { mean: number } | null>;
    counts: Record<string, { mean: number } | null>;
    channels: Record<
      string,
      {
        kpis: Record<string, { mean: number } | null>;
        counts: Record<string, { mean: number } | null>;
        assistant?: unknown;
      }
    >;
    groups: { name: string; chatConcurrency: number; maxConcurrency: number }[];
    targetTable: { rows: { id: string; measuredBy: string | null }[] };
  };

  it('carries channels keyed by name, each with kpis of the top level’s shape and counts with offered', () => {
    expect(run.status).toBe(0);
    expect(Object.keys(out.channels)).toEqual(['voice', 'chat', 'message', 'callback']);
    for (const channel of Object.values(out.channels)) {
      expect(Object.keys(channel.kpis)).toEqual(Object.keys(out.kpis));
      expect(channel.counts.offered?.mean).toBeGreaterThan(0);
    }
    expect(out.channels.chat?.assistant).toBeDefined();
  });

  it('keeps the top-level kpis and counts those of voice', () => {
    expect(out.kpis.answerRate?.mean).toBe(out.channels.voice?.kpis.answerRate?.mean);
    expect(out.counts.offered?.mean).toBe(out.channels.voice?.counts.offered?.mean);
  });

  it('gives every group, none above its concurrency, and judges the chat and message targets', () => {
    expect(out.groups.map((g) => g.name)).toEqual(['voice', 'online', 'blended']);
    for (const g of out.groups) expect(g.maxConcurrency).toBeLessThanOrEqual(g.chatConcurrency);
    const measured = Object.fromEntries(out.targetTable.rows.map((r) => [r.id, r.measuredBy]));
    expect(measured.chatResponse).toBe('chat:serviceLevel');
    expect(measured.messageOnTime).toBe('message:answerRate');
  });

  it('prints a table per channel and one of the groups', () => {
    const text = hotline(['simulate', OMNI, '--days', '1', '--replications', '2', '--workers', '0']);
    expect(text.status).toBe(0);
    for (const title of [
      'Voice (the top-level KPIs)',
      'Online chat (在线客服)',
      'Messages (留言)',
      'Callbacks (回呼)',
      'Agent groups',
    ]) {
      expect(text.stdout).toContain(title);
    }
  });

  it('plans and sweeps an all-media scenario: its groups follow what a budget buys', () => {
    const plan = hotline([
      'plan',
      OMNI,
      '--budget',
      '55070300',
      '--days',
      '1',
      '--replications',
      '2',
      '--workers',
      '0',
      '--json',
    ]);
    expect(plan.status).toBe(0);
    const rows = (JSON.parse(plan.stdout) as { targetTable: { rows: { id: string; mean: number | null }[] } })
      .targetTable.rows;
    expect(rows.find((r) => r.id === 'chatResponse')?.mean).toBeGreaterThan(0);
    const sweep = hotline([
      'sweep',
      OMNI,
      '--seats',
      '300,360',
      '--days',
      '1',
      '--replications',
      '2',
      '--workers',
      '0',
      '--json',
    ]);
    expect(sweep.status).toBe(0);
    const points = (JSON.parse(sweep.stdout) as { rows: { seatsBought: number; answerRateMean: number }[] })
      .rows;
    expect(points.map((p) => p.seatsBought)).toEqual([300, 360]);
    expect(points[1]!.answerRateMean).toBeGreaterThan(points[0]!.answerRateMean);
  });

  it('exits 2 with the JSON path of every channel problem, and no stack trace', () => {
    const bad = hotline(['simulate', 'test/io/bad-scenario/scenario-channels-schema.json', '--days', '1']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('channels.groups[1].chatConcurrency: must be >= 1 (got 0)');
    expect(bad.stderr).toContain('channels.groups[2].channels: must have at least 1 items (got 0)');
    expect(bad.stderr).not.toMatch(STACK_LINE);
    const content = hotline([
      'simulate',
      'test/io/bad-scenario/scenario-channels-content.json',
      '--days',
      '1',
    ]);
    expect(content.status).toBe(2);
    expect(content.stderr).toContain(
      'channels.routing.group: names no agent group (got "blended"; the groups are voice, online)',
    );
  });
});
