import {
  GROUP_KPI_NAMES,
  summarise,
  type ChannelName,
  type GroupKpis,
  type Kpis,
  type ReplicationResult,
} from '../index.js';
import { formatNumber, formatPercent, formatTable, summaryJson as json, type SummaryJson } from './format.js';

/** One channel in `hotline simulate --json`: `kpis` as the top level's, `counts` (offered, answered... and the channel's extras), quarters. */
export interface ChannelJson {
  kpis: Record<keyof Kpis, SummaryJson | null>;
  counts: Record<string, SummaryJson | null>;
  quarters: { period: string; kpis: Record<keyof Kpis, SummaryJson | null> }[];
  /** Messages only: the mean time from arrival to answer (on time or late), seconds, and the mean backlog (messages open). */
  message?: { meanResponseSeconds: SummaryJson | null; meanBacklog: SummaryJson | null };
  /** Chat only, with an assistant: contacts offered to it, resolved, transferred, and its resolved share and mean time. */
  assistant?: {
    offered: SummaryJson | null;
    resolved: SummaryJson | null;
    transferred: SummaryJson | null;
    resolvedShare: SummaryJson | null;
    meanSeconds: SummaryJson | null;
  };
}

/** One agent group in `hotline simulate --json`. */
export interface GroupJson {
  name: string;
  channels: string[];
  chatConcurrency: number;
  /** Mean agents on duty over the measured time. */
  agentsOnDuty: SummaryJson | null;
  kpis: Record<keyof GroupKpis, SummaryJson | null>;
  /** The most chats one agent served at once in any replication (never above `chatConcurrency`). */
  maxConcurrency: number;
}

/** Per channel and per group, as `--json` prints them (keys in a fixed order). */
export interface ChannelsJson {
  channels: Partial<Record<ChannelName, ChannelJson>>;
  groups: GroupJson[];
}

/** A value of each run summarised, runs without a value left out; null when none has one. */
function across(values: readonly (number | null)[], level: number): SummaryJson | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return present.length === 0 ? null : json(summarise(present, level));
}

/**
 * The channels and groups of replications of an all-media scenario, for
 * `--json` and the printed tables: each channel's KPIs (the top-level `kpis`'
 * shape) and counts over the horizon and per quarter, the assistant under
 * chat; each group's agents on duty, KPIs and most chats at once. Null for a
 * scenario without channels.
 *
 * @param result the replications
 * @param kpiKeys the KPIs in the order the top level prints them
 * @returns the channels and groups, or null
 * @example
 * const omni = firstDaysOf(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario, 1);
 * const result = await replicate(omni, { replications: 2, seed: 1, workers: 0 });
 * const json = channelsJson(result, ['answerRate', 'serviceLevel'])!;
 * Object.keys(json.channels); // => ['voice', 'chat', 'message', 'callback']
 * json.channels.chat?.kpis.serviceLevel?.mean; // => 0.8302
 */
export function channelsJson(
  result: ReplicationResult,
  kpiKeys: readonly (keyof Kpis)[],
): ChannelsJson | null {
  const summaries = result.channels;
  const runs = result.runs;
  if (summaries === undefined || runs[0]?.channels === undefined) return null;
  const level = result.level;
  const channels: Partial<Record<ChannelName, ChannelJson>> = {};
  for (const name of ['voice', 'chat', 'message', 'callback'] as const) {
    const summary = summaries[name];
    if (summary === undefined) continue;
    const kpis = {} as Record<keyof Kpis, SummaryJson | null>;
    for (const key of kpiKeys) kpis[key] = json(summary.kpis[key]);
    const counts: Record<string, SummaryJson | null> = {};
    for (const [field, value] of Object.entries(summary.counts)) counts[field] = json(value);
    const channel: ChannelJson = {
      kpis,
      counts,
      quarters: summary.quarters.map((q) => {
        const record = {} as Record<keyof Kpis, SummaryJson | null>;
        for (const key of kpiKeys) record[key] = json(q.kpis[key]);
        return { period: q.period, kpis: record };
      }),
    };
    const horizons = runs.map((run) => run.channels![name]!.horizon);
    if (name === 'message') {
      channel.message = {
        meanResponseSeconds: across(
          horizons.map((h) => {
            const done = h.answered + h.handledLate;
            return done > 0 ? h.responseSeconds / done : null;
          }),
          level,
        ),
        meanBacklog: across(
          horizons.map((h) => (h.measuredSeconds > 0 ? h.backlogSeconds / h.measuredSeconds : null)),
          level,
        ),
      };
    }
    if (name === 'chat' && horizons.some((h) => h.assistantOffered > 0)) {
      channel.assistant = {
        offered: counts.assistantOffered ?? null,
        resolved: counts.assistantResolved ?? null,
        transferred: counts.assistantTransferred ?? null,
        resolvedShare: across(
          horizons.map((h) => (h.assistantOffered > 0 ? h.assistantResolved / h.assistantOffered : null)),
          level,
        ),
        meanSeconds: across(
          horizons.map((h) => {
            const done = h.assistantResolved + h.assistantTransferred;
            return done > 0 ? h.assistantSeconds / done : null;
          }),
          level,
        ),
      };
    }
    channels[name] = channel;
  }
  const groups: GroupJson[] = (result.groups ?? []).map((group, g) => {
    const kpis = {} as Record<keyof GroupKpis, SummaryJson | null>;
    for (const key of GROUP_KPI_NAMES) kpis[key] = json(group.kpis[key]);
    return {
      name: group.name,
      channels: [...group.channels],
      chatConcurrency: group.chatConcurrency,
      agentsOnDuty: across(
        runs.map((run) => {
          const h = run.groups?.[g]?.horizon;
          const measured = run.channels?.voice.horizon.measuredSeconds ?? 0;
          return h !== undefined && measured > 0 ? h.agentSeconds / measured : null;
        }),
        level,
      ),
      kpis,
      maxConcurrency: group.maxConcurrency,
    };
  });
  return { channels, groups };
}

type Kind = 'fraction' | 'seconds' | 'hours' | 'count';

function show(kind: Kind, value: number | null | undefined): string {
  if (kind === 'fraction') return formatPercent(value);
  if (kind === 'hours') return formatNumber(value === null || value === undefined ? value : value / 3600, 2);
  return formatNumber(value, kind === 'seconds' ? 1 : 1);
}

/** The rows printed for each channel: a label, a kind and how to read the value from a channel's JSON. */
interface Row {
  label: string;
  kind: Kind;
  value: (channel: ChannelJson) => SummaryJson | null;
}

const kpi =
  (key: keyof Kpis) =>
  (channel: ChannelJson): SummaryJson | null =>
    channel.kpis[key];
const count =
  (key: string) =>
  (channel: ChannelJson): SummaryJson | null =>
    channel.counts[key] ?? null;

function rowsOf(name: ChannelName, thresholds: Readonly<Record<string, number>>): Row[] {
  const t = thresholds[name];
  const sl = `service level (${t ?? '?'} s)`;
  switch (name) {
    case 'voice':
      return [
        { label: 'calls offered to the live queue', kind: 'count', value: count('offered') },
        { label: 'answer rate', kind: 'fraction', value: kpi('answerRate') },
        { label: sl, kind: 'fraction', value: kpi('serviceLevel') },
        { label: 'ASA (s)', kind: 'seconds', value: kpi('asaSeconds') },
        { label: 'abandon rate', kind: 'fraction', value: kpi('abandonRate') },
        { label: 'callbacks accepted instead of waiting', kind: 'count', value: count('callbacksAccepted') },
        { label: 'occupancy on calls', kind: 'fraction', value: kpi('occupancy') },
      ];
    case 'chat':
      return [
        { label: 'chats offered to agents', kind: 'count', value: count('offered') },
        { label: 'picked up', kind: 'fraction', value: kpi('answerRate') },
        { label: `${sl}, the assistant's time included`, kind: 'fraction', value: kpi('serviceLevel') },
        { label: 'ASA (s)', kind: 'seconds', value: kpi('asaSeconds') },
        { label: 'abandon rate', kind: 'fraction', value: kpi('abandonRate') },
        { label: 'online contacts to the assistant', kind: 'count', value: count('assistantOffered') },
        {
          label: 'resolved by the assistant',
          kind: 'fraction',
          value: (c) => c.assistant?.resolvedShare ?? null,
        },
        {
          label: 'served (agent or assistant) / online contacts',
          kind: 'fraction',
          value: kpi('answerRateIncludingSelfService'),
        },
      ];
    case 'message':
      return [
        { label: 'messages received', kind: 'count', value: count('offered') },
        { label: 'answered within the deadline', kind: 'fraction', value: kpi('answerRate') },
        { label: 'answered late', kind: 'count', value: count('handledLate') },
        {
          label: 'mean time to answer (h)',
          kind: 'hours',
          value: (c) => c.message?.meanResponseSeconds ?? null,
        },
        { label: 'mean backlog (messages)', kind: 'count', value: (c) => c.message?.meanBacklog ?? null },
        { label: 'open at the end', kind: 'count', value: count('stillWaiting') },
      ];
    case 'callback':
      return [
        { label: 'callbacks requested', kind: 'count', value: count('offered') },
        { label: 'kept (caller reached)', kind: 'fraction', value: kpi('answerRate') },
        { label: `kept within ${t ?? '?'} s`, kind: 'fraction', value: kpi('serviceLevel') },
        { label: 'mean time to the callback (s)', kind: 'seconds', value: kpi('asaSeconds') },
        { label: 'calls made', kind: 'count', value: count('callbackCalls') },
        { label: 'given up after the last try', kind: 'count', value: count('callbacksNotReached') },
      ];
  }
}

const TITLES: Record<ChannelName, string> = {
  voice: 'Voice (the top-level KPIs)',
  chat: 'Online chat (在线客服)',
  message: 'Messages (留言)',
  callback: 'Callbacks (回呼)',
};

/**
 * The printed tables of an all-media run: one per channel (its KPIs with the
 * mean, the interval of the mean and the 5th-95th percentiles across
 * replications) and one of the agent groups.
 *
 * @param channels what `channelsJson` returned
 * @param confidenceLevel the level of the intervals of the mean, in (0, 1)
 * @param thresholds each channel's service-level threshold, seconds
 * @returns the lines
 * @example
 * const omni = firstDaysOf(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario, 1);
 * const result = await replicate(omni, { replications: 2, seed: 1, workers: 0 });
 * formatChannels(channelsJson(result, KPI_ROWS.map((row) => row.kpi))!, 0.95, { voice: 15, chat: 120 }).slice(0, 2); // => ['', 'Voice (the top-level KPIs): mean, 95% interval of the mean, p05 and p95']
 */
export function formatChannels(
  channels: ChannelsJson,
  confidenceLevel: number,
  thresholds: Readonly<Record<string, number>>,
): string[] {
  const level = `${Math.round(confidenceLevel * 100)}%`;
  const lines: string[] = [];
  for (const name of ['voice', 'chat', 'message', 'callback'] as const) {
    const channel = channels.channels[name];
    if (channel === undefined) continue;
    const rows = rowsOf(name, thresholds)
      .map((row) => ({ row, summary: row.value(channel) }))
      .filter(({ summary }) => summary !== null);
    lines.push(
      '',
      `${TITLES[name]}: mean, ${level} interval of the mean, p05 and p95`,
      formatTable(
        [
          { header: 'KPI', align: 'left' },
          { header: 'mean' },
          { header: `${level} interval` },
          { header: 'p05' },
          { header: 'p95' },
        ],
        rows.map(({ row, summary }) => {
          const s = summary as SummaryJson;
          return [
            row.label,
            show(row.kind, s.mean),
            `${show(row.kind, s.ciLow)} .. ${show(row.kind, s.ciHigh)}`,
            show(row.kind, s.p05),
            show(row.kind, s.p95),
          ];
        }),
      ),
    );
  }
  lines.push(
    '',
    'Agent groups: mean across replications',
    formatTable(
      [
        { header: 'group', align: 'left' },
        { header: 'channels', align: 'left' },
        { header: 'agents on duty' },
        { header: 'occupancy' },
        { header: 'on calls' },
        { header: 'with chats' },
        { header: 'on messages' },
        { header: 'chats at once (mean)' },
        { header: 'most at once / k' },
      ],
      channels.groups.map((g) => [
        g.name,
        g.channels.join('+'),
        formatNumber(g.agentsOnDuty?.mean, 1),
        formatPercent(g.kpis.occupancy?.mean),
        formatPercent(g.kpis.voiceShare?.mean),
        formatPercent(g.kpis.chatShare?.mean),
        formatPercent(g.kpis.messageShare?.mean),
        formatNumber(g.kpis.meanConcurrency?.mean, 2),
        g.chatConcurrency > 0 ? `${g.maxConcurrency} / ${g.chatConcurrency}` : '-',
      ]),
    ),
  );
  return lines;
}
