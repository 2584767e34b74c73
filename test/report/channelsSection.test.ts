import { describe, expect, it } from 'vitest';
import { firstDaysOf, readScenarioFile } from '../../sim/io/scenarioFile.js';
import { replicate } from '../../sim/plan/replicate.js';
import { channelsReportSection, CHANNELS_SECTION_ID } from '../../sim/report/channelsSection.js';

// The report's all-media section from two replications of one day of the shipped all-media
// scenario: a row per channel with its own meaning and threshold, a column pair per channel by
// quarter, a row per group; none without channels.
describe('channelsReportSection', () => {
  const { scenario } = readScenarioFile('data/shanghai-12333-2020/omnichannel.json');
  const day = firstDaysOf(scenario, 1);

  it('gives each channel, each quarter and each group, with what the assistant and callbacks did', async () => {
    const result = await replicate(day, { replications: 2, seed: 1, workers: 0 });
    const section = channelsReportSection(day, result)!;
    expect(section.id).toBe(CHANNELS_SECTION_ID);
    const tables = section.blocks.filter((b) => b.kind === 'table') as { rows: string[][] }[];
    expect(tables[0]!.rows.map((row) => row[0])).toEqual([
      '热线电话 calls',
      '在线客服 online chat',
      '留言 messages',
      '回呼 callbacks',
    ]);
    expect(tables[0]!.rows[1]![3]).toContain('[120 s]');
    expect(tables[0]!.rows[2]![3]).toContain('[16 h]');
    expect(tables[1]!.rows.map((row) => row[0])).toEqual(['2020-Q1']);
    expect(tables[2]!.rows.map((row) => row[0])).toEqual(['voice', 'online', 'blended']);
    const text = section.blocks
      .filter((b) => b.kind === 'paragraph')
      .map((b) => (b as { text: { en: string } }).text.en);
    expect(text.some((t) => t.includes('intelligent assistant'))).toBe(true);
    expect(text.some((t) => t.includes('Callbacks'))).toBe(true);
  });

  it('is null for a scenario without channels', async () => {
    const { channels: _channels, ...voice } = day;
    const result = await replicate(voice, { replications: 1, seed: 1, workers: 0 });
    expect(channelsReportSection(voice, result)).toBeNull();
  });
});
