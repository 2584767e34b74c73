import { CHANNEL_COUNT_FIELDS } from '../model/channels/fields.js';
import { groupKpisOf } from '../model/channels/results.js';
import {
  CHANNEL_NAMES,
  type ChannelCounts,
  type ChannelName,
  type ChannelResults,
  type GroupKpis,
  type GroupRun,
} from '../model/channels/types.js';
import { kpisOf } from '../model/kpis.js';
import { summarise, type Summary } from '../stats/summarise.js';
import { summariseKpis, type KpiSummaries } from './replicate.js';

/** Each count of a channel summarised across replications. */
export type ChannelCountSummaries = { [K in keyof ChannelCounts]: Summary };

/** One channel across replications: its KPIs (the top-level `kpis`' shape) and counts, whole horizon and per quarter. */
export interface ChannelSummary {
  kpis: KpiSummaries;
  counts: ChannelCountSummaries;
  quarters: { period: string; kpis: KpiSummaries }[];
}

/** One group across replications: each KPI, the agent time counted, and the most chats one agent served at once in any run. */
export interface GroupSummary {
  name: string;
  channels: readonly string[];
  chatConcurrency: number;
  kpis: { [K in keyof GroupKpis]: Summary | null };
  /** Mean agents on duty (agent-seconds / measured seconds), across replications. */
  agentSeconds: Summary;
  maxConcurrency: number;
  quarters: { period: string; kpis: { [K in keyof GroupKpis]: Summary | null } }[];
}

/** What `summariseChannels` reads of one replication (a `ReplicationRun` or a `SimulationResult`). */
export interface ChannelParts {
  readonly channels?: ChannelResults;
  readonly groups?: readonly GroupRun[];
}

/** The KPIs of a group, in the order they are reported. */
export const GROUP_KPI_NAMES: readonly (keyof GroupKpis)[] = [
  'occupancy',
  'voiceShare',
  'chatShare',
  'messageShare',
  'meanConcurrency',
  'slotUtilisation',
];

function summariseGroupKpis(
  rows: readonly GroupKpis[],
  level: number,
): { [K in keyof GroupKpis]: Summary | null } {
  const out = {} as { [K in keyof GroupKpis]: Summary | null };
  for (const key of GROUP_KPI_NAMES) {
    const values = rows.map((k) => k[key]).filter((v): v is number => v !== null);
    out[key] = values.length > 0 ? summarise(values, level) : null;
  }
  return out;
}

/**
 * Every channel and every group of an all-media scenario summarised across
 * replications: per channel, each KPI (as `replicate` summarises voice's) and
 * each count, over the horizon and per quarter; per group, its KPIs
 * (occupancy, shares of time by channel, mean concurrency, places taken) and
 * the most chats any agent served at once. `undefined` for runs without
 * channels.
 *
 * @param runs replications in replication order
 * @param level confidence level of the intervals of the mean
 * @returns the summaries, or undefined
 * @example
 * const omni = firstDaysOf(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario, 1);
 * const result = await replicate(omni, { replications: 2, seed: 1, workers: 0 });
 * summariseChannels(result.runs, 0.95)?.channels.chat?.kpis.serviceLevel?.mean === result.channels?.chat?.kpis.serviceLevel?.mean; // => true
 * summariseChannels(result.runs, 0.95)?.groups.map((g) => g.name); // => ['voice', 'online', 'blended']
 */
export function summariseChannels(
  runs: readonly ChannelParts[],
  level: number,
): { channels: Partial<Record<ChannelName, ChannelSummary>>; groups: GroupSummary[] } | undefined {
  const first = runs[0];
  if (first?.channels === undefined) return undefined;
  const channels: Partial<Record<ChannelName, ChannelSummary>> = {};
  for (const name of CHANNEL_NAMES) {
    const of = runs.map((run) => run.channels?.[name]);
    const head = of[0];
    if (head === undefined) continue;
    const counts = {} as ChannelCountSummaries;
    for (const field of CHANNEL_COUNT_FIELDS) {
      counts[field] = summarise(
        of.map((c) => c?.horizon[field] ?? 0),
        level,
      );
    }
    channels[name] = {
      kpis: summariseKpis(
        of.map((c) => kpisOf(c!.horizon)),
        level,
      ),
      counts,
      quarters: head.quarters.map((q, k) => ({
        period: q.period,
        kpis: summariseKpis(
          of.map((c) => kpisOf(c!.quarters[k]!)),
          level,
        ),
      })),
    };
  }
  const groups = (first.groups ?? []).map((group, g): GroupSummary => {
    const of = runs.map((run) => run.groups![g]!);
    return {
      name: group.name,
      channels: [...group.channels],
      chatConcurrency: group.chatConcurrency,
      kpis: summariseGroupKpis(
        of.map((r) => groupKpisOf(r.horizon, group.chatConcurrency)),
        level,
      ),
      agentSeconds: summarise(
        of.map((r) => r.horizon.agentSeconds),
        level,
      ),
      maxConcurrency: Math.max(...of.map((r) => r.horizon.maxConcurrency)),
      quarters: group.quarters.map((q, k) => ({
        period: q.period,
        kpis: summariseGroupKpis(
          of.map((r) => groupKpisOf(r.quarters[k]!, group.chatConcurrency)),
          level,
        ),
      })),
    };
  });
  return { channels, groups };
}
