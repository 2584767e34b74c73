import { checkDistribution } from '../distributions.js';
import type { Distribution, Scenario } from '../types.js';
import type { ChannelArrivals, ServedChannel } from './types.js';

/** One problem of a scenario's channels: the JSON path from the scenario's root and what is wrong. */
export interface ChannelProblem {
  /** The field, a JSON path from the scenario: `channels.groups[1].chatConcurrency`. */
  readonly path: string;
  /** What is wrong, lower case: `must be a positive integer (got 0)`. */
  readonly message: string;
}

const SERVED: readonly ServedChannel[] = ['voice', 'chat', 'message'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFiniteAtLeast = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min;

/**
 * Every problem of a scenario's `channels`, with its JSON path, at once (empty
 * when there is none or the scenario has no channels): groups that serve no
 * channel or a channel twice, a chat concurrency of 0 (or one given to a group
 * without chat), routing that names an unknown group or a group that cannot
 * follow the rule, channels with contacts that no group serves, skills whose
 * shares do not sum to 1 or that no group serves, fields out of range, and the
 * mechanisms not modelled with channels (platform faults, the survey, a
 * measured cohort).
 *
 * @param scenario the scenario (its other fields checked by `checkScenario`)
 * @param voiceHasCalls whether voice has calls entering (a channel that
 *   follows voice has contacts only when voice has)
 * @returns the problems, in the order of the fields
 * @example
 * channelProblems({ ...scenario, channels: { groups: [{ name: 'a', channels: [], agents: { kind: 'share', share: 1 } }] } }, true);
 * // => [{ path: 'channels.groups[0].channels', message: 'must name at least one channel the group serves (voice, chat, message) (got none)' }]
 */
export function channelProblems(scenario: Scenario, voiceHasCalls: boolean): ChannelProblem[] {
  const spec = scenario.channels;
  if (spec === undefined) return [];
  const problems: ChannelProblem[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ path: `channels${path === '' ? '' : `.${path}`}`, message });
  };
  if (!isObject(spec)) {
    add('', `must be an object (got ${String(spec)})`);
    return problems;
  }
  const intervals = (scenario.days * 1440) / scenario.intervalMinutes;
  const distribution = (path: string, d: Distribution | undefined): void => {
    if (d === undefined) return;
    try {
      checkDistribution('channels', `channels.${path}`, d);
    } catch (error) {
      const text = (error as Error).message.replace(/^channels: /, '');
      const space = text.indexOf(' ');
      problems.push({ path: text.slice(0, space), message: text.slice(space + 1) });
    }
  };
  const probability = (path: string, value: unknown): void => {
    if (!(isFiniteAtLeast(value, 0) && value <= 1))
      add(path, `must be a probability in [0, 1] (got ${String(value)})`);
  };
  const nonNegative = (path: string, value: unknown): void => {
    if (!isFiniteAtLeast(value, 0)) add(path, `must be a finite number >= 0 (got ${String(value)})`);
  };

  // Skills.
  const skills = spec.skills;
  const skillNames = new Set<string>();
  if (skills !== undefined) {
    if (!Array.isArray(skills) || skills.length === 0)
      add('skills', 'must list at least one skill (got none)');
    else {
      let total = 0;
      skills.forEach((skill, i) => {
        if (typeof skill.name !== 'string' || skill.name === '')
          add(`skills[${i}].name`, 'must be a non-empty name');
        else if (skillNames.has(skill.name)) add(`skills[${i}].name`, `repeats the skill "${skill.name}"`);
        else skillNames.add(skill.name);
        probability(`skills[${i}].share`, skill.share);
        total += typeof skill.share === 'number' ? skill.share : 0;
      });
      if (Math.abs(total - 1) > 1e-9) add('skills', `shares must sum to 1 (got ${total})`);
      if (skills.length > 31) add('skills', `must list at most 31 skills (got ${skills.length})`);
    }
  }

  // Groups.
  const groups = Array.isArray(spec.groups) ? spec.groups : [];
  if (!Array.isArray(spec.groups) || groups.length === 0)
    add('groups', 'must list at least one agent group (got none)');
  if (groups.length > 31) add('groups', `must list at most 31 agent groups (got ${groups.length})`);
  const groupNames = new Map<string, number>();
  let maxConcurrency = 0;
  groups.forEach((group, i) => {
    const at = `groups[${i}]`;
    if (typeof group.name !== 'string' || group.name === '') add(`${at}.name`, 'must be a non-empty name');
    else if (groupNames.has(group.name))
      add(`${at}.name`, `repeats the name of groups[${groupNames.get(group.name)}] ("${group.name}")`);
    else groupNames.set(group.name, i);
    const channels: readonly ServedChannel[] = Array.isArray(group.channels) ? group.channels : [];
    if (channels.length === 0) {
      add(
        `${at}.channels`,
        'must name at least one channel the group serves (voice, chat, message) (got none)',
      );
    }
    channels.forEach((channel, c) => {
      if (!SERVED.includes(channel))
        add(`${at}.channels[${c}]`, `must be voice, chat or message (got ${String(channel)})`);
      else if (channels.indexOf(channel) !== c) add(`${at}.channels[${c}]`, `repeats ${channel}`);
    });
    const agents = group.agents;
    if (typeof agents !== 'object' || agents === null)
      add(`${at}.agents`, `must be an object (got ${String(agents)})`);
    else if (agents.kind === 'share') probability(`${at}.agents.share`, agents.share);
    else if (agents.kind === 'constant') {
      if (!(Number.isInteger(agents.count) && agents.count >= 0))
        add(`${at}.agents.count`, `must be a non-negative integer (got ${String(agents.count)})`);
    } else if (agents.kind === 'perInterval') {
      const counts = agents.counts;
      if (!Array.isArray(counts) || counts.length !== intervals) {
        add(
          `${at}.agents.counts`,
          `must hold one count per interval, ${intervals} (got ${Array.isArray(counts) ? counts.length : String(counts)})`,
        );
      } else {
        const bad = counts.findIndex((v) => !(Number.isInteger(v) && v >= 0));
        if (bad >= 0)
          add(`${at}.agents.counts[${bad}]`, `must be a non-negative integer (got ${String(counts[bad])})`);
      }
    } else {
      add(
        `${at}.agents.kind`,
        `must be share, constant or perInterval (got ${String((agents as { kind?: unknown }).kind)})`,
      );
    }
    const k = group.chatConcurrency;
    if (channels.includes('chat')) {
      if (!(Number.isInteger(k) && (k as number) >= 1))
        add(
          `${at}.chatConcurrency`,
          `must be a positive integer: the chats an agent serves at once (got ${String(k)})`,
        );
      else maxConcurrency = Math.max(maxConcurrency, k as number);
    } else if (k !== undefined) {
      add(`${at}.chatConcurrency`, 'is not used by a group that serves no chat (remove it)');
    }
    const assignment = group.chatAssignment;
    if (assignment !== undefined) {
      if (!channels.includes('chat'))
        add(`${at}.chatAssignment`, 'is not used by a group that serves no chat (remove it)');
      else if (assignment !== 'spread' && assignment !== 'pack')
        add(`${at}.chatAssignment`, `must be spread or pack (got ${String(assignment)})`);
    }
    const groupSkills: readonly string[] = Array.isArray(group.skills) ? group.skills : [];
    groupSkills.forEach((skill, s) => {
      if (!skillNames.has(skill)) {
        add(
          `${at}.skills[${s}]`,
          skills === undefined
            ? `names a skill, but channels.skills lists none (got "${skill}")`
            : `names no skill of channels.skills (got "${skill}")`,
        );
      } else if (groupSkills.indexOf(skill) !== s) add(`${at}.skills[${s}]`, `repeats "${skill}"`);
    });
  });
  const serves = (name: string, channel: ServedChannel): boolean => {
    const g = groupNames.get(name);
    return g !== undefined && (groups[g]?.channels ?? []).includes(channel);
  };
  const knownGroup = (path: string, name: unknown): boolean => {
    if (typeof name === 'string' && groupNames.has(name)) return true;
    add(
      path,
      `names no agent group (got ${JSON.stringify(name)}; the groups are ${[...groupNames.keys()].join(', ') || 'none'})`,
    );
    return false;
  };

  // Routing.
  const routing = spec.routing;
  if (routing !== undefined) {
    switch (routing.kind) {
      case 'voiceFirst':
      case 'longestIdle':
        break;
      case 'chatOverflow':
        if (knownGroup('routing.group', routing.group) && !serves(routing.group, 'chat'))
          add('routing.group', `must serve chat for chats to overflow to it (got "${routing.group}")`);
        nonNegative('routing.afterSeconds', routing.afterSeconds);
        break;
      case 'reserveForVoice':
        if (
          knownGroup('routing.group', routing.group) &&
          !(serves(routing.group, 'chat') && serves(routing.group, 'voice'))
        )
          add('routing.group', `must serve voice and chat to keep agents for voice (got "${routing.group}")`);
        if (!(Number.isInteger(routing.agents) && routing.agents >= 0))
          add('routing.agents', `must be a non-negative integer (got ${String(routing.agents)})`);
        break;
      default:
        add(
          'routing.kind',
          `must be voiceFirst, chatOverflow, reserveForVoice or longestIdle (got ${String((routing as { kind?: unknown }).kind)})`,
        );
    }
    const order = routing.order ?? {};
    for (const [channel, names] of Object.entries(order)) {
      if (!SERVED.includes(channel as ServedChannel)) {
        add(`routing.order.${channel}`, 'is not a channel agents serve (voice, chat, message)');
        continue;
      }
      (names ?? []).forEach((name, i) => {
        const path = `routing.order.${channel}[${i}]`;
        if (!knownGroup(path, name)) return;
        if (!serves(name, channel as ServedChannel))
          add(path, `names a group that does not serve ${channel} (got "${name}")`);
        else if ((names ?? []).indexOf(name) !== i) add(path, `repeats "${name}"`);
      });
    }
  }

  // Channels with contacts must be served, skill by skill.
  const contacts = (arrivals: ChannelArrivals | undefined): boolean => {
    if (arrivals === undefined) return false;
    if (arrivals.kind === 'ratioOfVoice') return arrivals.ratio > 0 && voiceHasCalls;
    if (arrivals.kind === 'table') return arrivals.callsPerInterval.some((x) => x > 0);
    if (arrivals.kind === 'at') return arrivals.seconds.length > 0;
    return arrivals.dailyVolume > 0;
  };
  const requireServed = (channel: ServedChannel, path: string): void => {
    const serving = groups.filter((g) => Array.isArray(g.channels) && g.channels.includes(channel));
    if (serving.length === 0) {
      add(path, `has contacts but no agent group serves ${channel} (add ${channel} to a group's channels)`);
      return;
    }
    for (const skill of skillNames) {
      if (!serving.some((g) => g.skills === undefined || g.skills.includes(skill)))
        add(path, `has contacts of skill "${skill}" but no group serving ${channel} has that skill`);
    }
  };
  if (voiceHasCalls) requireServed('voice', 'groups');

  const arrivals = (path: string, a: ChannelArrivals | undefined): void => {
    if (!isObject(a)) {
      add(path, `must be an object (got ${String(a)})`);
      return;
    }
    switch (a.kind) {
      case 'ratioOfVoice':
        nonNegative(`${path}.ratio`, a.ratio);
        break;
      case 'table':
        if (!Array.isArray(a.callsPerInterval) || a.callsPerInterval.length !== intervals)
          add(
            `${path}.callsPerInterval`,
            `must hold one value per interval, ${intervals} (got ${Array.isArray(a.callsPerInterval) ? a.callsPerInterval.length : String(a.callsPerInterval)})`,
          );
        else {
          const bad = a.callsPerInterval.findIndex((x) => !isFiniteAtLeast(x, 0));
          if (bad >= 0)
            add(
              `${path}.callsPerInterval[${bad}]`,
              `must be a finite number >= 0 (got ${String(a.callsPerInterval[bad])})`,
            );
        }
        break;
      case 'at': {
        const horizon = scenario.days * 86_400;
        const bad = Array.isArray(a.seconds)
          ? a.seconds.findIndex(
              (x, i) => !(isFiniteAtLeast(x, i === 0 ? 0 : (a.seconds[i - 1] as number)) && x < horizon),
            )
          : -2;
        if (bad === -2) add(`${path}.seconds`, 'must be an array of numbers');
        else if (bad >= 0)
          add(
            `${path}.seconds[${bad}]`,
            `must be non-decreasing and within the horizon [0, ${horizon}) (got ${String(a.seconds[bad])})`,
          );
        break;
      }
      case 'profile':
        nonNegative(`${path}.dailyVolume`, a.dailyVolume);
        break;
      default:
        add(
          `${path}.kind`,
          `must be ratioOfVoice, profile, table or at (got ${String((a as { kind?: unknown }).kind)})`,
        );
    }
  };

  const chat = spec.chat;
  if (chat !== undefined) {
    arrivals('chat.arrivals', chat.arrivals);
    distribution('chat.handle', chat.handle);
    distribution('chat.patience', chat.patience);
    nonNegative('chat.answerWithinSeconds', chat.answerWithinSeconds);
    const stretch = chat.handleStretch;
    if (stretch !== undefined) {
      if (!Array.isArray(stretch) || stretch.length < maxConcurrency) {
        add(
          'chat.handleStretch',
          `must hold one factor per concurrency level up to the largest group's, ${maxConcurrency} (got ${Array.isArray(stretch) ? stretch.length : String(stretch)})`,
        );
      } else {
        stretch.forEach((s, i) => {
          if (!isFiniteAtLeast(s, 1))
            add(`chat.handleStretch[${i}]`, `must be a finite number >= 1 (got ${String(s)})`);
        });
        if (stretch[0] !== 1)
          add(
            'chat.handleStretch[0]',
            `must be 1: a chat served alone takes its handle time (got ${String(stretch[0])})`,
          );
      }
    }
    if (chat.assistant !== undefined) {
      probability('chat.assistant.resolvedShare', chat.assistant.resolvedShare);
      distribution('chat.assistant.duration', chat.assistant.duration);
    }
    if (contacts(chat.arrivals)) requireServed('chat', 'chat.arrivals');
  }
  groups.forEach((group, i) => {
    if ((group.channels ?? []).includes('chat') && chat === undefined)
      add(
        `groups[${i}].channels`,
        'serves chat, but the scenario has no channels.chat (remove chat, or describe the channel)',
      );
    if ((group.channels ?? []).includes('message') && spec.message === undefined)
      add(
        `groups[${i}].channels`,
        'serves message, but the scenario has no channels.message (remove message, or describe the channel)',
      );
  });

  const message = spec.message;
  if (message !== undefined) {
    arrivals('message.arrivals', message.arrivals);
    distribution('message.handle', message.handle);
    if (!(isFiniteAtLeast(message.deadlineWorkingSeconds, 0) && message.deadlineWorkingSeconds > 0))
      add(
        'message.deadlineWorkingSeconds',
        `must be a finite number > 0 (got ${String(message.deadlineWorkingSeconds)})`,
      );
    const hours = message.workingHours;
    if (
      !isObject(hours) ||
      !isFiniteAtLeast(hours.fromSeconds, 0) ||
      !(
        isFiniteAtLeast(hours.toSeconds, 0) &&
        hours.toSeconds <= 86_400 &&
        hours.toSeconds > hours.fromSeconds
      )
    ) {
      add(
        'message.workingHours',
        `must be a window of the day, 0 <= fromSeconds < toSeconds <= 86400 (got ${JSON.stringify(hours)})`,
      );
    }
    const days = message.workingDays;
    if (
      days !== undefined &&
      (!Array.isArray(days) || days.length !== scenario.days || days.some((d) => typeof d !== 'boolean'))
    ) {
      add(
        'message.workingDays',
        `must hold one true or false per day of the horizon, ${scenario.days} (got ${Array.isArray(days) ? days.length : String(days)})`,
      );
    }
    if (contacts(message.arrivals)) requireServed('message', 'message.arrivals');
  }

  const callback = spec.callback;
  if (callback !== undefined) {
    nonNegative('callback.offerAboveWaitSeconds', callback.offerAboveWaitSeconds);
    probability('callback.acceptShare', callback.acceptShare);
    probability('callback.answerProbability', callback.answerProbability);
    nonNegative('callback.ringSeconds', callback.ringSeconds);
    nonNegative('callback.answerWithinSeconds', callback.answerWithinSeconds);
    if (!(Number.isInteger(callback.maxAttempts) && callback.maxAttempts >= 1))
      add('callback.maxAttempts', `must be a positive integer (got ${String(callback.maxAttempts)})`);
    if (callback.placement === 'scheduled') {
      if (callback.delay === undefined)
        add('callback.delay', 'is required for a scheduled callback (the time the caller chooses)');
      else distribution('callback.delay', callback.delay);
    } else if (callback.placement === 'whenFree') {
      if (callback.delay !== undefined)
        add('callback.delay', 'is not used by a callback placed when an agent is free (remove it)');
    } else add('callback.placement', `must be whenFree or scheduled (got ${String(callback.placement)})`);
    if (callback.maxAttempts > 1) {
      if (callback.retryDelay === undefined)
        add('callback.retryDelay', 'is required when maxAttempts > 1 (the time before the next try)');
      else distribution('callback.retryDelay', callback.retryDelay);
    } else if (callback.retryDelay !== undefined) {
      add('callback.retryDelay', 'is not used with maxAttempts 1 (remove it)');
    }
    if (!groups.some((g) => (g.channels ?? []).includes('voice')))
      add('callback', 'needs a group that serves voice: callbacks are placed by voice agents');
  }

  // Mechanisms the all-media model does not carry.
  const at = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  if (scenario.faults !== undefined)
    at('faults', 'are not modelled with channels yet (remove faults, or channels)');
  if (scenario.survey !== undefined)
    at('survey', 'is not modelled with channels yet (remove survey, or channels)');
  const m = scenario.measurement;
  if (
    m !== undefined &&
    ((m.warmupArrivals ?? 0) > 0 || (m.arrivals !== undefined && m.arrivals !== Infinity))
  ) {
    at('measurement', 'with channels only warmupSeconds is supported (remove warmupArrivals and arrivals)');
  }
  return problems;
}
