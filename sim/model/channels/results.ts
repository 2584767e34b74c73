import { kpisOf, PERIOD_COUNT_FIELDS } from '../kpis.js';
import { surveyReview } from '../center/survey.js';
import { localDateTime } from '../scenario.js';
import type { IntervalRow, PeriodRow, Scenario, SimulationResult } from '../types.js';
import type { ChannelColumns, GroupColumns } from './center.js';
import { Channel } from './contacts.js';
import { CHANNEL_COUNT_FIELDS, GROUP_SUM_FIELDS } from './fields.js';
import type { ChannelsRunOutput } from './run.js';
import type { PreparedChannelsRun } from './setup.js';
import type {
  ChannelPeriodRow,
  ChannelResults,
  ChannelRun,
  ChannelsSpec,
  GroupKpis,
  GroupPeriodRow,
  GroupRun,
} from './types.js';

interface Span {
  period: string;
  startSeconds: number;
  endSeconds: number;
}

/** Sums of `fields` over consecutive intervals with the same key, in time order. */
function rollUp<F extends string>(
  columns: Record<F, Float64Array>,
  fields: readonly F[],
  n: number,
  L: number,
  key: (interval: number) => string,
): (Span & Record<F, number>)[] {
  const out: (Span & Record<F, number>)[] = [];
  let i = 0;
  while (i < n) {
    const period = key(i);
    let j = i + 1;
    while (j < n && key(j) === period) j++;
    const row = { period, startSeconds: i * L, endSeconds: j * L } as Span & Record<F, number>;
    for (const field of fields) {
      const column = columns[field];
      let sum = 0;
      for (let k = i; k < j; k++) sum += column[k]!;
      (row as Record<F, number>)[field] = sum;
    }
    out.push(row);
    i = j;
  }
  return out;
}

/** The most of a column over consecutive intervals with the same key (the same periods as `rollUp`). */
function maxOver(column: Float64Array, n: number, key: (interval: number) => string): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < n) {
    const period = key(i);
    let most = 0;
    for (; i < n && key(i) === period; i++) if (column[i]! > most) most = column[i]!;
    out.push(most);
  }
  return out;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * A group's KPIs from its counts: occupancy, the shares of its agent time by
 * channel, the mean concurrency of its chat agents and the chat places taken.
 *
 * @param row the group's counts over a period
 * @param concurrency the group's chat concurrency (0 without chat)
 * @returns its KPIs, `null` where a denominator is 0
 * @example
 * const omni = firstDaysOf(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario, 1);
 * const result = simulateChannels(omni, { seed: 1 });
 * groupKpisOf(result.groups![1]!.horizon, 3).meanConcurrency; // => 2.365
 */
export function groupKpisOf(row: GroupPeriodRow, concurrency: number): GroupKpis {
  return {
    occupancy: ratio(row.busyAgentSeconds, row.agentSeconds + row.overtimeAgentSeconds),
    voiceShare: ratio(row.voiceAgentSeconds, row.agentSeconds),
    chatShare: ratio(row.chatAgentSeconds, row.agentSeconds),
    messageShare: ratio(row.messageAgentSeconds, row.agentSeconds),
    meanConcurrency: ratio(row.chatSeconds, row.chatAgentSeconds),
    slotUtilisation: concurrency > 0 ? ratio(row.chatSeconds, row.agentSeconds * concurrency) : null,
  };
}

/**
 * The result of a run with channels: the top-level rows and KPIs are voice's
 * (so that a reader of voice sees what it always saw), `channels` holds every
 * channel's rows and KPIs, `groups` every group's time and concurrency.
 *
 * @param scenario the scenario run
 * @param run what `prepareChannelsRun` prepared
 * @param out what `runChannels` left
 * @returns the simulation's result (timing's `runSeconds` left at 0 for the caller)
 * @example
 * const omni = firstDaysOf(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario, 1);
 * const run = prepareChannelsRun(omni, { seed: 1 });
 * const result = buildChannelsResult(omni, run, runChannels(run.input));
 * result.channels?.chat?.kpis.serviceLevel; // => 0.8301
 * result.channels?.chat?.kpis.serviceLevel === simulateChannels(omni, { seed: 1 }).channels?.chat?.kpis.serviceLevel; // => true
 */
export function buildChannelsResult(
  scenario: Scenario,
  run: PreparedChannelsRun,
  out: ChannelsRunOutput,
): SimulationResult {
  const { n, L, columns, groupColumns, groups } = run.input;
  // With a survey every answered call is exposed to its draws (as the voice model counts it).
  if (run.input.voice.survey !== null) {
    columns[Channel.Voice]!.answeredWithSurvey.set(columns[Channel.Voice]!.answered);
  }
  const spec = scenario.channels as ChannelsSpec;
  const starts = Array.from({ length: n }, (_, i) => localDateTime(run.startMs, i * L));
  const dayOf = (i: number): string => starts[i]!.slice(0, 10);
  const monthOf = (i: number): string => starts[i]!.slice(0, 7);
  const quarterOf = (i: number): string =>
    `${starts[i]!.slice(0, 4)}-Q${Math.floor((Number(starts[i]!.slice(5, 7)) - 1) / 3) + 1}`;
  const voiceGroups = groups.flatMap((g, k) => (g.voice ? [k] : []));

  const channelRun = (c: ChannelColumns): ChannelRun => {
    const intervals = rollUp(c, CHANNEL_COUNT_FIELDS, n, L, (i) => starts[i]!) as ChannelPeriodRow[];
    const horizon = rollUp(c, CHANNEL_COUNT_FIELDS, n, L, () => 'horizon')[0] as ChannelPeriodRow;
    return {
      intervals,
      days: rollUp(c, CHANNEL_COUNT_FIELDS, n, L, dayOf) as ChannelPeriodRow[],
      months: rollUp(c, CHANNEL_COUNT_FIELDS, n, L, monthOf) as ChannelPeriodRow[],
      quarters: rollUp(c, CHANNEL_COUNT_FIELDS, n, L, quarterOf) as ChannelPeriodRow[],
      horizon,
      kpis: kpisOf(horizon),
    };
  };
  const channels: ChannelResults = { voice: channelRun(columns[Channel.Voice]!) };
  if (spec.chat !== undefined) channels.chat = channelRun(columns[Channel.Chat]!);
  if (spec.message !== undefined) channels.message = channelRun(columns[Channel.Message]!);
  if (spec.callback !== undefined) channels.callback = channelRun(columns[Channel.Callback]!);

  const groupRuns: GroupRun[] = spec.groups.map((group, g) => {
    const c = groupColumns[g] as GroupColumns;
    const concurrency = group.chatConcurrency ?? 0;
    const withMax = (rows: readonly object[], key: (i: number) => string): GroupPeriodRow[] => {
      const most = maxOver(c.maxConcurrency, n, key);
      return rows.map((row, k) => ({ ...row, maxConcurrency: most[k] ?? 0 }) as GroupPeriodRow);
    };
    const quarters = withMax(rollUp(c, GROUP_SUM_FIELDS, n, L, quarterOf), quarterOf);
    const horizon = withMax(
      rollUp(c, GROUP_SUM_FIELDS, n, L, () => 'horizon'),
      () => 'horizon',
    )[0]!;
    return {
      name: group.name,
      channels: [...group.channels],
      chatConcurrency: concurrency,
      agents: Array.from(out.agents[g] ?? []),
      quarters,
      horizon,
      kpis: groupKpisOf(horizon, concurrency),
    };
  });

  // The top-level rows: voice's counts, with the agents of the groups serving voice.
  const voice = columns[Channel.Voice]!;
  const intervals: IntervalRow[] = new Array<IntervalRow>(n);
  for (let i = 0; i < n; i++) {
    let agents = 0;
    let planned = 0;
    for (const g of voiceGroups) {
      agents += groups[g]!.agents[i]!;
      planned += run.plannedGroupAgents[g]![i]!;
    }
    const row = {
      index: i,
      startSeconds: i * L,
      start: starts[i]!,
      agents,
      agentsPlanned: planned,
    } as IntervalRow;
    for (const field of PERIOD_COUNT_FIELDS) row[field] = voice[field][i]!;
    intervals[i] = row;
  }
  const periods = (key: (i: number) => string): PeriodRow[] =>
    rollUp(voice, PERIOD_COUNT_FIELDS, n, L, key) as PeriodRow[];
  const horizon = periods(() => 'horizon')[0]!;
  const warnings: string[] = [];
  if (run.input.warmupSeconds >= run.input.H) {
    warnings.push(`no contact was measured: the warm-up (${run.input.warmupSeconds} s) covers the whole run`);
  }
  const result: SimulationResult = {
    seed: run.seed,
    replication: run.replication,
    intervals,
    days: periods(dayOf),
    months: periods(monthOf),
    quarters: periods(quarterOf),
    horizon,
    kpis: kpisOf(horizon),
    warnings,
    endState: {
      endSeconds: run.input.H,
      stillWaiting: out.stillWaiting,
      busyAgents: out.busy,
      pendingRedials: out.pendingRedials,
    },
    channels,
    groups: groupRuns,
    timing: { runSeconds: 0, events: out.events, attempts: out.attempts },
  };
  if (run.workforce !== undefined) result.workforce = run.workforce;
  if (scenario.survey !== undefined) result.survey = surveyReview(scenario.survey, result.months);
  return result;
}
