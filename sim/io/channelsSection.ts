import { join } from 'node:path';
import { z } from 'zod';
import type { DayKind } from '../core/calendar.js';
import { InputError, type InputIssue } from '../core/errors.js';
import type {
  AgentGroupSpec,
  ChannelArrivals,
  ChannelsSpec,
  RoutingSpec,
  ServedChannel,
} from '../model/channels/types.js';
import type { Distribution } from '../model/types.js';
import { formatLocalDateTime } from './table.js';
import { readArrivalRates } from './tables.js';

/*
 * The `channels` section of a scenario file (data/README.md, "Channels, agent
 * groups and routing"): online chat, offline messages, callbacks, business
 * skills, agent groups and the routing rule, read into the simulator's
 * `ChannelsSpec`. Every problem is reported at once with its JSON path.
 */

const clockTime = z.string().regex(/^\d{2}:\d{2}$/, 'must be a time of day HH:MM');
const probability = z.number().min(0).max(1);
const servedChannel = z.enum(['voice', 'chat', 'message']);

/** The section's schema; `distribution` is the scenario file's distribution schema. */
export function channelsSchema<D extends z.ZodType>(distribution: D) {
  const arrivals = z
    .object({
      kind: z.enum(['ratioOfVoice', 'table']),
      ratio: z.number().min(0).max(1000).optional(),
      arrivalRatesFile: z.string().min(1).optional(),
    })
    .strict();
  return z
    .object({
      chat: z
        .object({
          arrivals,
          handle: distribution,
          handleStretch: z.array(z.number().min(1).max(100)).min(1).max(100).optional(),
          patience: distribution.optional(),
          answerWithinSeconds: z.number().min(0).max(86_400),
          assistant: z.object({ resolvedShare: probability, duration: distribution }).strict().optional(),
        })
        .strict()
        .optional(),
      message: z
        .object({
          arrivals,
          handle: distribution,
          deadlineWorkingHours: z.number().positive().max(100_000),
          workingHours: z.object({ from: clockTime, to: clockTime }).strict(),
        })
        .strict()
        .optional(),
      callback: z
        .object({
          offerAboveWaitSeconds: z.number().min(0).max(86_400),
          acceptShare: probability,
          placement: z.enum(['whenFree', 'scheduled']),
          delay: distribution.optional(),
          answerProbability: probability,
          ringSeconds: z.number().min(0).max(3600),
          maxAttempts: z.number().int().min(1).max(100),
          retryDelay: distribution.optional(),
          answerWithinSeconds: z
            .number()
            .min(0)
            .max(10 * 86_400),
        })
        .strict()
        .optional(),
      skills: z
        .array(z.object({ name: z.string().min(1), share: probability }).strict())
        .min(1)
        .max(31)
        .optional(),
      groups: z
        .array(
          z
            .object({
              name: z.string().min(1),
              channels: z.array(servedChannel).min(1),
              agents: z
                .object({
                  kind: z.enum(['share', 'constant']),
                  share: probability.optional(),
                  count: z.number().int().min(0).max(100_000).optional(),
                })
                .strict(),
              chatConcurrency: z.number().int().min(1).max(100).optional(),
              chatAssignment: z.enum(['spread', 'pack']).optional(),
              skills: z.array(z.string().min(1)).min(1).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(31),
      routing: z
        .object({
          kind: z.enum(['voiceFirst', 'chatOverflow', 'reserveForVoice', 'longestIdle']),
          group: z.string().min(1).optional(),
          afterSeconds: z.number().min(0).max(86_400).optional(),
          agents: z.number().int().min(0).max(100_000).optional(),
          order: z
            .object({
              voice: z.array(z.string().min(1)).min(1).optional(),
              chat: z.array(z.string().min(1)).min(1).optional(),
              message: z.array(z.string().min(1)).min(1).optional(),
            })
            .strict()
            .optional(),
        })
        .strict()
        .optional(),
    })
    .strict();
}

/** A channel's arrivals as written. */
interface ArrivalsData {
  kind: 'ratioOfVoice' | 'table';
  ratio?: number | undefined;
  arrivalRatesFile?: string | undefined;
}

/** The section as written (after the schema check). */
export type ChannelsSectionData = z.output<ReturnType<typeof channelsSchema<z.ZodType<unknown>>>>;

/** What the reader of the section needs from the scenario file being read. */
export interface ChannelsContext {
  readonly file: string;
  readonly folder: string;
  readonly startSeconds: number;
  readonly days: number;
  readonly intervals: number;
  readonly intervalSeconds: number;
  /** The kind of each day of the horizon, or undefined (every day its weekday). */
  readonly dayKinds: readonly DayKind[] | undefined;
  /** Turn a distribution of the file into the simulator's, reporting problems at `path`. */
  readonly distribution: (d: unknown, path: string) => Distribution;
  /** Whether the file has faults (not modelled with channels). */
  readonly faults: boolean;
}

function hhmmSeconds(text: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (m === null) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return (h < 24 && min < 60) || (h === 24 && min === 0) ? (h * 60 + min) * 60 : undefined;
}

/**
 * The `channels` section as the simulator's `ChannelsSpec`, every problem
 * pushed to `issues` with its JSON path (`channels.groups[1].chatConcurrency`):
 * fields a kind needs or does not use, group names repeated, routing naming
 * an unknown group or one that cannot follow the rule, a group serving chat
 * without a concurrency (or given one without chat), channels described that
 * no group serves (or served and not described), skills unknown or whose
 * shares do not sum to 1, a stretch that does not cover every concurrency,
 * working hours that are not a window of the day, the arrival tables' rows;
 * and faults beside channels (not modelled with them yet).
 *
 * @param data the section as written (schema checked)
 * @param ctx the scenario file's horizon, folder and distribution reader
 * @param issues where problems go
 * @returns the spec (meaningful only when no problem was pushed)
 * @example
 * const data = JSON.parse(readFileSync('data/shanghai-12333-2020/omnichannel.json', 'utf8'));
 * const issues = [];
 * const ctx = {
 *   file: 'omnichannel.json', folder: 'data/shanghai-12333-2020', startSeconds: 0, days: 366, intervals: 366 * 48,
 *   intervalSeconds: 1_800, dayKinds: undefined, distribution: () => exponential(360), faults: true,
 * };
 * channelsOf(data.channels, ctx, issues);
 * issues.map((issue) => issue.column); // => ['faults']
 */
export function channelsOf(
  data: ChannelsSectionData,
  ctx: ChannelsContext,
  issues: InputIssue[],
): ChannelsSpec {
  const { file } = ctx;
  const bad = (path: string, message: string): void => {
    issues.push({ file, row: 0, column: `channels.${path}`, message });
  };
  if (ctx.faults) {
    issues.push({
      file,
      row: 0,
      column: 'faults',
      message: 'are not modelled with channels yet (remove faults, or channels)',
    });
  }

  // Skills.
  const skillNames = (data.skills ?? []).map((s) => s.name);
  skillNames.forEach((name, i) => {
    if (skillNames.indexOf(name) !== i) bad(`skills[${i}].name`, `repeats the skill "${name}"`);
  });
  if (data.skills !== undefined) {
    const total = data.skills.reduce((s, k) => s + k.share, 0);
    if (Math.abs(total - 1) > 1e-9) bad('skills', `shares must sum to 1 (got ${total})`);
  }

  // Groups.
  const groupIndex = new Map<string, number>();
  let maxConcurrency = 0;
  const groups: AgentGroupSpec[] = data.groups.map((g, i) => {
    const at = `groups[${i}]`;
    const first = groupIndex.get(g.name);
    if (first !== undefined) bad(`${at}.name`, `repeats the name of groups[${first}] ("${g.name}")`);
    else groupIndex.set(g.name, i);
    g.channels.forEach((channel, c) => {
      if (g.channels.indexOf(channel) !== c) bad(`${at}.channels[${c}]`, `repeats ${channel}`);
    });
    const serves = (channel: ServedChannel): boolean => g.channels.includes(channel);
    if (serves('chat')) {
      if (g.chatConcurrency === undefined) {
        bad(
          `${at}.chatConcurrency`,
          'is required for a group that serves chat (expected the chats an agent serves at once, 1 or more)',
        );
      } else maxConcurrency = Math.max(maxConcurrency, g.chatConcurrency);
      if (data.chat === undefined)
        bad(`${at}.channels`, 'serves chat, but channels.chat is not described (add it, or remove chat)');
    } else {
      if (g.chatConcurrency !== undefined)
        bad(`${at}.chatConcurrency`, 'is not used by a group that serves no chat (remove it)');
      if (g.chatAssignment !== undefined)
        bad(`${at}.chatAssignment`, 'is not used by a group that serves no chat (remove it)');
    }
    if (serves('message') && data.message === undefined) {
      bad(
        `${at}.channels`,
        'serves message, but channels.message is not described (add it, or remove message)',
      );
    }
    (g.skills ?? []).forEach((skill, s) => {
      if (!skillNames.includes(skill)) {
        bad(
          `${at}.skills[${s}]`,
          data.skills === undefined
            ? `names a skill, but channels.skills lists none (got "${skill}")`
            : `names no skill of channels.skills (got "${skill}"; the skills are ${skillNames.join(', ')})`,
        );
      } else if ((g.skills ?? []).indexOf(skill) !== s) bad(`${at}.skills[${s}]`, `repeats "${skill}"`);
    });
    const a = g.agents;
    let agents: AgentGroupSpec['agents'];
    if (a.kind === 'share') {
      if (a.share === undefined)
        bad(
          `${at}.agents.share`,
          'is required for kind "share" (expected a fraction of the scenario\'s agents)',
        );
      if (a.count !== undefined) bad(`${at}.agents.count`, 'is not used for kind "share" (remove it)');
      agents = { kind: 'share', share: a.share ?? 0 };
    } else {
      if (a.count === undefined)
        bad(`${at}.agents.count`, 'is required for kind "constant" (expected an integer)');
      if (a.share !== undefined) bad(`${at}.agents.share`, 'is not used for kind "constant" (remove it)');
      agents = { kind: 'constant', count: a.count ?? 0 };
    }
    return {
      name: g.name,
      channels: [...g.channels],
      agents,
      ...(g.chatConcurrency !== undefined ? { chatConcurrency: g.chatConcurrency } : {}),
      ...(g.chatAssignment !== undefined ? { chatAssignment: g.chatAssignment } : {}),
      ...(g.skills !== undefined ? { skills: [...g.skills] } : {}),
    };
  });
  const serving = (channel: ServedChannel): boolean => groups.some((g) => g.channels.includes(channel));
  const knownGroup = (path: string, name: string): number | undefined => {
    const g = groupIndex.get(name);
    if (g === undefined) {
      bad(path, `names no agent group (got "${name}"; the groups are ${[...groupIndex.keys()].join(', ')})`);
    }
    return g;
  };
  const groupServes = (g: number, channel: ServedChannel): boolean => groups[g]!.channels.includes(channel);
  for (const skill of skillNames) {
    for (const channel of ['voice', 'chat', 'message'] as const) {
      const withChannel = groups.filter((g) => g.channels.includes(channel));
      if (
        withChannel.length > 0 &&
        !withChannel.some((g) => g.skills === undefined || g.skills.includes(skill))
      ) {
        bad(
          'groups',
          `no group serving ${channel} has the skill "${skill}" (give it to one, or remove the skill)`,
        );
      }
    }
  }
  if (!serving('voice')) bad('groups', 'no group serves voice (calls need a group that serves voice)');

  // Routing.
  let routing: RoutingSpec | undefined;
  const r = data.routing;
  if (r !== undefined) {
    const needs = (field: 'group' | 'afterSeconds' | 'agents', expected: string): void => {
      if (r[field] === undefined)
        bad(`routing.${field}`, `is required for kind "${r.kind}" (expected ${expected})`);
    };
    const unused = (field: 'group' | 'afterSeconds' | 'agents'): void => {
      if (r[field] !== undefined) bad(`routing.${field}`, `is not used by kind "${r.kind}" (remove it)`);
    };
    const order: Partial<Record<ServedChannel, string[]>> = {};
    for (const channel of ['voice', 'chat', 'message'] as const) {
      const names = r.order?.[channel];
      if (names === undefined) continue;
      names.forEach((name, i) => {
        const path = `routing.order.${channel}[${i}]`;
        const g = knownGroup(path, name);
        if (g === undefined) return;
        if (!groupServes(g, channel))
          bad(path, `names a group that does not serve ${channel} (got "${name}")`);
        else if (names.indexOf(name) !== i) bad(path, `repeats "${name}"`);
      });
      order[channel] = [...names];
    }
    const withOrder = r.order !== undefined ? { order } : {};
    if (r.kind === 'voiceFirst' || r.kind === 'longestIdle') {
      unused('group');
      unused('afterSeconds');
      unused('agents');
      routing = { kind: r.kind, ...withOrder };
    } else if (r.kind === 'chatOverflow') {
      needs('group', 'the group chats overflow to');
      needs('afterSeconds', 'the seconds a chat waits before it overflows');
      unused('agents');
      const g = r.group === undefined ? undefined : knownGroup('routing.group', r.group);
      if (g !== undefined && !groupServes(g, 'chat'))
        bad('routing.group', `must serve chat for chats to overflow to it (got "${r.group}")`);
      routing = { kind: r.kind, group: r.group ?? '', afterSeconds: r.afterSeconds ?? 0, ...withOrder };
    } else {
      needs('group', 'the blended group that keeps agents for voice');
      needs('agents', 'the idle agents kept for voice');
      unused('afterSeconds');
      const g = r.group === undefined ? undefined : knownGroup('routing.group', r.group);
      if (g !== undefined && !(groupServes(g, 'chat') && groupServes(g, 'voice'))) {
        bad('routing.group', `must serve voice and chat to keep agents for voice (got "${r.group}")`);
      }
      routing = { kind: r.kind, group: r.group ?? '', agents: r.agents ?? 0, ...withOrder };
    }
  }

  // Channels.
  const arrivalsOf = (a: ArrivalsData, path: string): ChannelArrivals => {
    if (a.kind === 'ratioOfVoice') {
      if (a.ratio === undefined)
        bad(`${path}.ratio`, 'is required for kind "ratioOfVoice" (expected contacts per voice call)');
      if (a.arrivalRatesFile !== undefined)
        bad(`${path}.arrivalRatesFile`, 'is not used for kind "ratioOfVoice" (remove it)');
      return { kind: 'ratioOfVoice', ratio: a.ratio ?? 0 };
    }
    if (a.ratio !== undefined) bad(`${path}.ratio`, 'is not used for kind "table" (remove it)');
    if (a.arrivalRatesFile === undefined) {
      bad(`${path}.arrivalRatesFile`, 'is required for kind "table" (expected a file name)');
      return { kind: 'table', callsPerInterval: new Array<number>(ctx.intervals).fill(0) };
    }
    return {
      kind: 'table',
      callsPerInterval: rateTable(a.arrivalRatesFile, `channels.${path}.arrivalRatesFile`, ctx, issues),
    };
  };

  const spec: { -readonly [K in keyof ChannelsSpec]: ChannelsSpec[K] } = { groups };
  if (routing !== undefined) spec.routing = routing;
  if (data.skills !== undefined) spec.skills = data.skills.map((s) => ({ name: s.name, share: s.share }));
  const c = data.chat;
  if (c !== undefined) {
    if (!serving('chat'))
      bad('chat', "is described but no group serves chat (add chat to a group's channels)");
    if (c.handleStretch !== undefined) {
      if (c.handleStretch[0] !== 1)
        bad(
          'chat.handleStretch[0]',
          `must be 1: a chat served alone takes its handle time (got ${c.handleStretch[0]})`,
        );
      if (c.handleStretch.length < maxConcurrency) {
        bad(
          'chat.handleStretch',
          `must hold one factor per concurrency level up to the largest group's, ${maxConcurrency} (got ${c.handleStretch.length})`,
        );
      }
    }
    spec.chat = {
      arrivals: arrivalsOf(c.arrivals, 'chat.arrivals'),
      handle: ctx.distribution(c.handle, 'channels.chat.handle'),
      ...(c.handleStretch !== undefined ? { handleStretch: [...c.handleStretch] } : {}),
      ...(c.patience !== undefined
        ? { patience: ctx.distribution(c.patience, 'channels.chat.patience') }
        : {}),
      answerWithinSeconds: c.answerWithinSeconds,
      ...(c.assistant !== undefined
        ? {
            assistant: {
              resolvedShare: c.assistant.resolvedShare,
              duration: ctx.distribution(c.assistant.duration, 'channels.chat.assistant.duration'),
            },
          }
        : {}),
    };
  }
  const m = data.message;
  if (m !== undefined) {
    if (!serving('message'))
      bad('message', "is described but no group serves message (add message to a group's channels)");
    const from = hhmmSeconds(m.workingHours.from);
    const to = hhmmSeconds(m.workingHours.to);
    if (from === undefined || from >= 86_400)
      bad(
        'message.workingHours.from',
        `is not a time of day 00:00 to 23:59 (got ${JSON.stringify(m.workingHours.from)})`,
      );
    if (to === undefined)
      bad(
        'message.workingHours.to',
        `is not a time of day 00:00 to 24:00 (got ${JSON.stringify(m.workingHours.to)})`,
      );
    else if (from !== undefined && to <= from)
      bad(
        'message.workingHours.to',
        `must be after from (${m.workingHours.from}) (got ${m.workingHours.to})`,
      );
    const workingDays =
      ctx.dayKinds === undefined
        ? undefined
        : ctx.dayKinds.map((kind) => kind === 'working' || kind === 'adjustedWorkingDay');
    spec.message = {
      arrivals: arrivalsOf(m.arrivals, 'message.arrivals'),
      handle: ctx.distribution(m.handle, 'channels.message.handle'),
      deadlineWorkingSeconds: m.deadlineWorkingHours * 3600,
      workingHours: { fromSeconds: from ?? 0, toSeconds: to ?? 86_400 },
      ...(workingDays !== undefined ? { workingDays } : {}),
    };
  }
  const b = data.callback;
  if (b !== undefined) {
    if (b.placement === 'scheduled' && b.delay === undefined)
      bad(
        'callback.delay',
        'is required for a scheduled callback (expected the time the caller chooses, a distribution)',
      );
    if (b.placement === 'whenFree' && b.delay !== undefined)
      bad('callback.delay', 'is not used by a callback placed when an agent is free (remove it)');
    if (b.maxAttempts > 1 && b.retryDelay === undefined)
      bad(
        'callback.retryDelay',
        'is required when maxAttempts > 1 (expected the time before the next try, a distribution)',
      );
    if (b.maxAttempts === 1 && b.retryDelay !== undefined)
      bad('callback.retryDelay', 'is not used with maxAttempts 1 (remove it)');
    spec.callback = {
      offerAboveWaitSeconds: b.offerAboveWaitSeconds,
      acceptShare: b.acceptShare,
      placement: b.placement,
      ...(b.delay !== undefined ? { delay: ctx.distribution(b.delay, 'channels.callback.delay') } : {}),
      answerProbability: b.answerProbability,
      ringSeconds: b.ringSeconds,
      maxAttempts: b.maxAttempts,
      ...(b.retryDelay !== undefined
        ? { retryDelay: ctx.distribution(b.retryDelay, 'channels.callback.retryDelay') }
        : {}),
      answerWithinSeconds: b.answerWithinSeconds,
    };
  }
  return spec;
}

/** Expected contacts per interval from an arrival-rate table (each row holds until the next; the first at the horizon's start). */
function rateTable(name: string, path: string, ctx: ChannelsContext, issues: InputIssue[]): number[] {
  const out = new Array<number>(ctx.intervals).fill(0);
  const tablePath = join(ctx.folder, name);
  let rows: ReturnType<typeof readArrivalRates>;
  try {
    rows = readArrivalRates(tablePath, {
      horizon: { startSeconds: ctx.startSeconds, days: ctx.days },
      intervalSeconds: ctx.intervalSeconds,
    });
  } catch (error) {
    if (error instanceof InputError) {
      issues.push(...error.issues);
      return out;
    }
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'EISDIR') {
      issues.push({
        file: ctx.file,
        row: 0,
        column: path,
        message: `names a file that cannot be read, relative to the scenario's folder (got ${JSON.stringify(name)})`,
      });
      return out;
    }
    throw error;
  }
  const first = rows[0];
  if (first === undefined || first.startSeconds !== ctx.startSeconds) {
    issues.push({
      file: tablePath,
      row: 0,
      column: 'intervalStart',
      message: `the first row must start at the horizon's start ${formatLocalDateTime(ctx.startSeconds)} (got ${first === undefined ? 'no rows' : formatLocalDateTime(first.startSeconds)})`,
    });
    return out;
  }
  if (rows.some((row) => row.meanHandleSeconds !== undefined)) {
    issues.push({
      file: tablePath,
      row: 0,
      column: 'meanHandleSeconds',
      message: "is not supported for a channel (its handle time is the channel's; remove the column)",
    });
  }
  let k = 0;
  for (let i = 0; i < ctx.intervals; i++) {
    const t = ctx.startSeconds + i * ctx.intervalSeconds;
    while (k + 1 < rows.length && rows[k + 1]!.startSeconds <= t) k++;
    out[i] = (rows[k]!.arrivalsPerHour * ctx.intervalSeconds) / 3600;
  }
  return out;
}

/**
 * The channels of a period of a scenario: their per-interval tables (arrivals
 * of kind `table`, groups' agents per interval) and the messages' working days
 * cut to `days` days from day `offset` (`periodOf` uses it).
 *
 * @param channels the scenario's channels
 * @param offset the period's first day, days from the horizon's start
 * @param days the period's days
 * @param perDay intervals a day
 * @returns the period's channels
 * @example
 * const year = readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario;
 * const july = channelsPeriod(year.channels!, 182, 31, 48);
 * Object.keys(july); // => ['groups', 'routing', 'chat', 'message', 'callback']
 */
export function channelsPeriod(
  channels: ChannelsSpec,
  offset: number,
  days: number,
  perDay: number,
): ChannelsSpec {
  const cut = <T>(values: readonly T[]): T[] => values.slice(offset * perDay, (offset + days) * perDay);
  const arrivals = (a: ChannelArrivals): ChannelArrivals =>
    a.kind === 'table' ? { kind: 'table', callsPerInterval: cut(a.callsPerInterval) } : a;
  return {
    ...channels,
    groups: channels.groups.map((g) =>
      g.agents.kind === 'perInterval'
        ? { ...g, agents: { kind: 'perInterval', counts: cut(g.agents.counts) } }
        : g,
    ),
    ...(channels.chat !== undefined
      ? { chat: { ...channels.chat, arrivals: arrivals(channels.chat.arrivals) } }
      : {}),
    ...(channels.message !== undefined
      ? {
          message: {
            ...channels.message,
            arrivals: arrivals(channels.message.arrivals),
            ...(channels.message.workingDays !== undefined
              ? { workingDays: channels.message.workingDays.slice(offset, offset + days) }
              : {}),
          },
        }
      : {}),
  };
}
