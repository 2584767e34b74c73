/*
 * The all-media section of the report (issue 16): every channel's KPIs over
 * the horizon and by quarter, and every agent group's time, from the
 * replications of a scenario with channels. The target table above already
 * judges voice's 综合接通率 and the channels' own rows.
 */
import type { ChannelName } from '../model/channels/types.js';
import type { Scenario } from '../model/types.js';
import { channelThresholds } from '../plan/evaluatePlan.js';
import type { ReplicationResult } from '../plan/replicate.js';
import type { Summary } from '../stats/summarise.js';
import { formatNumber as decimal, formatPercent as percent, NO_VALUE as NONE } from '../core/format.js';
import type { Bilingual, ReportSection } from './types.js';

/** The id of the channels section (its HTML anchor). */
export const CHANNELS_SECTION_ID = 'channels';

const NAMES: Readonly<Record<ChannelName, Bilingual>> = {
  voice: { zh: '热线电话', en: 'calls' },
  chat: { zh: '在线客服', en: 'online chat' },
  message: { zh: '留言', en: 'messages' },
  callback: { zh: '回呼', en: 'callbacks' },
};

/** What `answerRate` means for each channel, in words. */
const ANSWERED: Readonly<Record<ChannelName, Bilingual>> = {
  voice: { zh: '人工接听 / 进入人工队列', en: 'answered / offered to the live queue' },
  chat: { zh: '坐席接起 / 转人工', en: 'picked up / offered to agents' },
  message: { zh: '时限内答复 / 收到', en: 'answered within the deadline / received' },
  callback: { zh: '回呼接通 / 申请', en: 'kept / requested' },
};

const mean = (s: Summary | null | undefined): number | null =>
  s === null || s === undefined ? null : s.mean;
const range = (s: Summary | null | undefined, format: (x: number | null) => string): string =>
  s === null || s === undefined ? NONE : `${format(s.mean)} (${format(s.p05)} – ${format(s.p95)})`;

/**
 * The report's all-media section from replications of a scenario with
 * channels: a paragraph on the model, each channel's contacts, answer rate (in
 * its meaning), service level at its threshold, ASA and abandonment with their
 * 90% ranges; the answer rate and service level of each by quarter; each
 * group's agents on duty, occupancy, time on calls, chats and messages, and
 * chats at once. Null without channels.
 *
 * @param scenario the scenario simulated (its thresholds)
 * @param result its replications
 * @returns the section, or null
 * @example
 * const { scenario } = readScenarioFile('data/shanghai-12333-2020/omnichannel.json');
 * const day = firstDaysOf(scenario, 1);
 * const section = channelsReportSection(day, await replicate(day, { replications: 2, seed: 1, workers: 0 }))!;
 * [section.id, section.blocks.map((block) => block.kind)]; // => ['channels', ['paragraph', 'table', 'table', 'table', 'paragraph', 'paragraph']]
 * channelsReportSection(firstDaysOf(readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario, 1), await replicate(firstDaysOf(readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario, 1), { replications: 1, seed: 1, workers: 0 })); // => null (no channels)
 */
export function channelsReportSection(scenario: Scenario, result: ReplicationResult): ReportSection | null {
  const channels = result.channels;
  if (channels === undefined || result.groups === undefined) return null;
  const thresholds: Record<string, number> = {
    voice: scenario.answerWithinSeconds,
    ...channelThresholds(scenario),
  };
  const names = (['voice', 'chat', 'message', 'callback'] as const).filter((n) => channels[n] !== undefined);
  const seconds = (x: number | null): string => decimal(x, 1);
  const threshold = (n: ChannelName): string =>
    n === 'message' ? `${decimal((thresholds.message ?? 0) / 3600, 0)} h` : `${thresholds[n]} s`;
  const byChannel = names.map((n) => {
    const c = channels[n]!;
    return [
      `${NAMES[n].zh} ${NAMES[n].en}`,
      decimal(mean(c.counts.offered), 0),
      `${range(c.kpis.answerRate, (x) => percent(x))} [${ANSWERED[n].en}]`,
      `${range(c.kpis.serviceLevel, (x) => percent(x))} [${threshold(n)}]`,
      n === 'message'
        ? `${range(c.kpis.asaSeconds, (x) => decimal(x === null ? null : x / 3600, 1))} h`
        : range(c.kpis.asaSeconds, seconds),
      n === 'voice' || n === 'chat' ? range(c.kpis.abandonRate, (x) => percent(x)) : NONE,
    ];
  });
  const quarters = channels.voice?.quarters.map((q) => q.period) ?? [];
  const byQuarter = quarters.map((period, k) => [
    period,
    ...names.flatMap((n) => {
      const q = channels[n]!.quarters[k];
      return [percent(mean(q?.kpis.answerRate)), percent(mean(q?.kpis.serviceLevel))];
    }),
  ]);
  const groups = result.groups.map((g) => {
    const measured = result.runs.map((run) => run.channels?.voice.horizon.measuredSeconds ?? 0);
    const onDuty =
      result.runs.reduce(
        (sum, run, r) =>
          sum +
          (run.groups?.find((x) => x.name === g.name)?.horizon.agentSeconds ?? 0) /
            Math.max(1, measured[r] ?? 1),
        0,
      ) / Math.max(1, result.runs.length);
    return [
      g.name,
      g.channels.join(' + '),
      decimal(onDuty, 1),
      percent(mean(g.kpis.occupancy)),
      percent(mean(g.kpis.voiceShare)),
      percent(mean(g.kpis.chatShare)),
      percent(mean(g.kpis.messageShare)),
      g.chatConcurrency > 0 ? `${decimal(mean(g.kpis.meanConcurrency), 2)} / ${g.chatConcurrency}` : NONE,
    ];
  });
  const chat = channels.chat;
  const callback = channels.callback;
  const notes: Bilingual[] = [];
  if (
    chat !== undefined &&
    mean(chat.counts.assistantOffered) !== null &&
    (mean(chat.counts.assistantOffered) ?? 0) > 0
  ) {
    const offered = mean(chat.counts.assistantOffered) ?? 0;
    const resolved = percent((mean(chat.counts.assistantResolved) ?? 0) / offered);
    notes.push({
      zh: `智能客服接待 ${decimal(offered, 0)} 次在线咨询，其中 ${resolved} 无需坐席即解决；其余转人工在线客服，已等待的时间计入（在线咨询的等待与服务水平自到达智能客服起算）。`,
      en: `The intelligent assistant met ${decimal(offered, 0)} online contacts and resolved ${resolved} of them without an agent; the rest were transferred to chat with their wait so far (a chat's wait and its service level count from its arrival at the assistant).`,
    });
  }
  if (callback !== undefined) {
    const offered = decimal(mean(callback.counts.offered), 0);
    const kept = percent(mean(callback.kpis.answerRate));
    const calls = decimal(mean(callback.counts.callbackCalls), 0);
    notes.push({
      zh: `回呼：${offered} 名预计等待较长的来电者选择回呼而不排队；${kept} 被回呼接通，共拨出 ${calls} 次。`,
      en: `Callbacks: ${offered} callers facing a long wait took a callback instead of waiting; ${kept} were reached, after ${calls} calls made.`,
    });
  }
  return {
    id: CHANNELS_SECTION_ID,
    title: { zh: '全媒体渠道与坐席组', en: 'All media: channels and agent groups' },
    blocks: [
      {
        kind: 'paragraph',
        text: {
          zh:
            '热线、在线客服、留言与回呼由同一批坐席按组服务（路由规则见 data/README.md“Channels, agent groups and routing”）：' +
            '兼岗坐席同一时间只接一通电话或几路在线会话，不会同时兼顾；同时服务的会话越多，每路越慢；留言只用电话与在线会话剩下的时间处理。' +
            '上方目标表已对热线（综合接通率）和各渠道自身的指标作出判定；下表各渠道的接通率按该渠道的含义计算，给出各次重复一年的均值与 90% 区间。',
          en:
            'The calls, online chat, messages and callbacks are served by agent groups with a routing rule ' +
            '(data/README.md, "Channels, agent groups and routing"): a blended agent serves one call or several chats, never both; chats slow down with the ' +
            'number an agent serves; messages take only the time calls and chats leave. The target table above judges voice (综合接通率) and the ' +
            "channels' own rows; each channel's answer rate below has that channel's meaning, with the mean and the 90% range of one year across replications.",
        },
      },
      {
        kind: 'table',
        columns: [
          { zh: '渠道', en: 'channel' },
          { zh: '进线', en: 'contacts' },
          { zh: '接通率', en: 'answer rate' },
          { zh: '服务水平', en: 'service level' },
          { zh: '平均等待（秒）', en: 'ASA (s)' },
          { zh: '放弃率', en: 'abandon rate' },
        ],
        rows: byChannel,
      },
      {
        kind: 'table',
        columns: [
          { zh: '季度', en: 'quarter' },
          ...names.flatMap((n) => [
            { zh: `${NAMES[n].zh}接通率`, en: `${NAMES[n].en}: answer rate` },
            { zh: `${NAMES[n].zh}服务水平`, en: `${NAMES[n].en}: service level` },
          ]),
        ],
        rows: byQuarter,
      },
      {
        kind: 'table',
        columns: [
          { zh: '坐席组', en: 'group' },
          { zh: '渠道', en: 'channels' },
          { zh: '在岗坐席', en: 'agents on duty' },
          { zh: '占用率', en: 'occupancy' },
          { zh: '电话', en: 'on calls' },
          { zh: '在线', en: 'with chats' },
          { zh: '留言', en: 'on messages' },
          { zh: '同时会话', en: 'chats at once / k' },
        ],
        rows: groups,
      },
      ...notes.map((text) => ({ kind: 'paragraph' as const, text })),
    ],
  };
}
