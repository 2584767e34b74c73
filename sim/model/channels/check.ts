import { checkDistribution } from '../distributions.js';
import type { Distribution, Scenario } from '../types.js';
import type { ChannelArrivals, ChannelsSpec, ServedChannel } from './types.js';

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

/** Collects the problems of one scenario's channels, section by section. */
class ChannelChecks {
  readonly problems: ChannelProblem[] = [];
  readonly skillNames = new Set<string>();
  readonly groupNames = new Map<string, number>();
  maxConcurrency = 0;
  readonly intervals: number;
  readonly groups: ChannelsSpec['groups'];

  constructor(
    readonly scenario: Scenario,
    readonly spec: ChannelsSpec,
    readonly voiceHasCalls: boolean,
  ) {
    this.intervals = (scenario.days * 1440) / scenario.intervalMinutes;
    this.groups = Array.isArray(spec.groups) ? spec.groups : [];
  }

  add(path: string, message: string): void {
    this.problems.push({ path: `channels${path === '' ? '' : `.${path}`}`, message });
  }

  distribution(path: string, d: Distribution | undefined): void {
    if (d === undefined) return;
    try {
      checkDistribution('channels', `channels.${path}`, d);
    } catch (error) {
      const text = (error as Error).message.replace(/^channels: /, '');
      const space = text.indexOf(' ');
      this.problems.push({ path: text.slice(0, space), message: text.slice(space + 1) });
    }
  }

  probability(path: string, value: unknown): void {
    if (!(isFiniteAtLeast(value, 0) && value <= 1))
      this.add(path, `must be a probability in [0, 1] (got ${String(value)})`);
  }

  nonNegative(path: string, value: unknown): void {
    if (!isFiniteAtLeast(value, 0)) this.add(path, `must be a finite number >= 0 (got ${String(value)})`);
  }

  serves(name: string, channel: ServedChannel): boolean {
    const g = this.groupNames.get(name);
    return g !== undefined && (this.groups[g]?.channels ?? []).includes(channel);
  }

  knownGroup(path: string, name: unknown): boolean {
    if (typeof name === 'string' && this.groupNames.has(name)) return true;
    this.add(
      path,
      `names no agent group (got ${JSON.stringify(name)}; the groups are ${[...this.groupNames.keys()].join(', ') || 'none'})`,
    );
    return false;
  }

  /** Whether a channel's arrivals bring any contact. */
  contacts(arrivals: ChannelArrivals | undefined): boolean {
    if (arrivals === undefined) return false;
    if (arrivals.kind === 'ratioOfVoice') return arrivals.ratio > 0 && this.voiceHasCalls;
    if (arrivals.kind === 'table') return arrivals.callsPerInterval.some((x) => x > 0);
    if (arrivals.kind === 'at') return arrivals.seconds.length > 0;
    return arrivals.dailyVolume > 0;
  }

  /** A channel with contacts must be served, skill by skill. */
  requireServed(channel: ServedChannel, path: string): void {
    const serving = this.groups.filter((g) => Array.isArray(g.channels) && g.channels.includes(channel));
    if (serving.length === 0) {
      this.add(
        path,
        `has contacts but no agent group serves ${channel} (add ${channel} to a group's channels)`,
      );
      return;
    }
    for (const skill of this.skillNames) {
      if (!serving.some((g) => g.skills === undefined || g.skills.includes(skill)))
        this.add(path, `has contacts of skill "${skill}" but no group serving ${channel} has that skill`);
    }
  }

  /** Skills: names unique, shares in [0, 1] summing to 1. */
  checkSkills(): void {
    const skills = this.spec.skills;
    if (skills !== undefined) {
      if (!Array.isArray(skills) || skills.length === 0)
        this.add('skills', 'must list at least one skill (got none)');
      else {
        let total = 0;
        skills.forEach((skill, i) => {
          if (typeof skill.name !== 'string' || skill.name === '')
            this.add(`skills[${i}].name`, 'must be a non-empty name');
          else if (this.skillNames.has(skill.name))
            this.add(`skills[${i}].name`, `repeats the skill "${skill.name}"`);
          else this.skillNames.add(skill.name);
          this.probability(`skills[${i}].share`, skill.share);
          total += typeof skill.share === 'number' ? skill.share : 0;
        });
        if (Math.abs(total - 1) > 1e-9) this.add('skills', `shares must sum to 1 (got ${total})`);
        if (skills.length > 31) this.add('skills', `must list at most 31 skills (got ${skills.length})`);
      }
    }
  }

  /** Groups: names, channels, agents, chat concurrency and assignment, skills. */
  checkGroups(): void {
    const groups = this.groups;
    if (!Array.isArray(this.spec.groups) || groups.length === 0)
      this.add('groups', 'must list at least one agent group (got none)');
    if (groups.length > 31) this.add('groups', `must list at most 31 agent groups (got ${groups.length})`);
    groups.forEach((group, i) => {
      const at = `groups[${i}]`;
      if (typeof group.name !== 'string' || group.name === '')
        this.add(`${at}.name`, 'must be a non-empty name');
      else if (this.groupNames.has(group.name))
        this.add(
          `${at}.name`,
          `repeats the name of groups[${this.groupNames.get(group.name)}] ("${group.name}")`,
        );
      else this.groupNames.set(group.name, i);
      const channels: readonly ServedChannel[] = Array.isArray(group.channels) ? group.channels : [];
      if (channels.length === 0) {
        this.add(
          `${at}.channels`,
          'must name at least one channel the group serves (voice, chat, message) (got none)',
        );
      }
      channels.forEach((channel, c) => {
        if (!SERVED.includes(channel))
          this.add(`${at}.channels[${c}]`, `must be voice, chat or message (got ${String(channel)})`);
        else if (channels.indexOf(channel) !== c) this.add(`${at}.channels[${c}]`, `repeats ${channel}`);
      });
      const agents = group.agents;
      if (typeof agents !== 'object' || agents === null)
        this.add(`${at}.agents`, `must be an object (got ${String(agents)})`);
      else if (agents.kind === 'share') this.probability(`${at}.agents.share`, agents.share);
      else if (agents.kind === 'constant') {
        if (!(Number.isInteger(agents.count) && agents.count >= 0))
          this.add(`${at}.agents.count`, `must be a non-negative integer (got ${String(agents.count)})`);
      } else if (agents.kind === 'perInterval') {
        const counts = agents.counts;
        if (!Array.isArray(counts) || counts.length !== this.intervals) {
          this.add(
            `${at}.agents.counts`,
            `must hold one count per interval, ${this.intervals} (got ${Array.isArray(counts) ? counts.length : String(counts)})`,
          );
        } else {
          const bad = counts.findIndex((v) => !(Number.isInteger(v) && v >= 0));
          if (bad >= 0)
            this.add(
              `${at}.agents.counts[${bad}]`,
              `must be a non-negative integer (got ${String(counts[bad])})`,
            );
        }
      } else {
        this.add(
          `${at}.agents.kind`,
          `must be share, constant or perInterval (got ${String((agents as { kind?: unknown }).kind)})`,
        );
      }
      const k = group.chatConcurrency;
      if (channels.includes('chat')) {
        if (!(Number.isInteger(k) && (k as number) >= 1))
          this.add(
            `${at}.chatConcurrency`,
            `must be a positive integer: the chats an agent serves at once (got ${String(k)})`,
          );
        else this.maxConcurrency = Math.max(this.maxConcurrency, k as number);
      } else if (k !== undefined) {
        this.add(`${at}.chatConcurrency`, 'is not used by a group that serves no chat (remove it)');
      }
      const assignment = group.chatAssignment;
      if (assignment !== undefined) {
        if (!channels.includes('chat'))
          this.add(`${at}.chatAssignment`, 'is not used by a group that serves no chat (remove it)');
        else if (assignment !== 'spread' && assignment !== 'pack')
          this.add(`${at}.chatAssignment`, `must be spread or pack (got ${String(assignment)})`);
      }
      const groupSkills: readonly string[] = Array.isArray(group.skills) ? group.skills : [];
      groupSkills.forEach((skill, s) => {
        if (!this.skillNames.has(skill)) {
          this.add(
            `${at}.skills[${s}]`,
            this.spec.skills === undefined
              ? `names a skill, but channels.skills lists none (got "${skill}")`
              : `names no skill of channels.skills (got "${skill}")`,
          );
        } else if (groupSkills.indexOf(skill) !== s) this.add(`${at}.skills[${s}]`, `repeats "${skill}"`);
      });
    });
  }

  /** Routing: the rule, the group it names, the order per channel. */
  checkRouting(): void {
    const routing = this.spec.routing;
    if (routing !== undefined) {
      switch (routing.kind) {
        case 'voiceFirst':
        case 'longestIdle':
          break;
        case 'chatOverflow':
          if (this.knownGroup('routing.group', routing.group) && !this.serves(routing.group, 'chat'))
            this.add('routing.group', `must serve chat for chats to overflow to it (got "${routing.group}")`);
          this.nonNegative('routing.afterSeconds', routing.afterSeconds);
          break;
        case 'reserveForVoice':
          if (
            this.knownGroup('routing.group', routing.group) &&
            !(this.serves(routing.group, 'chat') && this.serves(routing.group, 'voice'))
          )
            this.add(
              'routing.group',
              `must serve voice and chat to keep agents for voice (got "${routing.group}")`,
            );
          if (!(Number.isInteger(routing.agents) && routing.agents >= 0))
            this.add('routing.agents', `must be a non-negative integer (got ${String(routing.agents)})`);
          break;
        default:
          this.add(
            'routing.kind',
            `must be voiceFirst, chatOverflow, reserveForVoice or longestIdle (got ${String((routing as { kind?: unknown }).kind)})`,
          );
      }
      const order = routing.order ?? {};
      for (const [channel, names] of Object.entries(order)) {
        if (!SERVED.includes(channel as ServedChannel)) {
          this.add(`routing.order.${channel}`, 'is not a channel agents serve (voice, chat, message)');
          continue;
        }
        (names ?? []).forEach((name, i) => {
          const path = `routing.order.${channel}[${i}]`;
          if (!this.knownGroup(path, name)) return;
          if (!this.serves(name, channel as ServedChannel))
            this.add(path, `names a group that does not serve ${channel} (got "${name}")`);
          else if ((names ?? []).indexOf(name) !== i) this.add(path, `repeats "${name}"`);
        });
      }
    }
  }

  /** A channel's arrivals. */
  checkArrivals(path: string, a: ChannelArrivals | undefined): void {
    if (!isObject(a)) {
      this.add(path, `must be an object (got ${String(a)})`);
      return;
    }
    switch (a.kind) {
      case 'ratioOfVoice':
        this.nonNegative(`${path}.ratio`, a.ratio);
        break;
      case 'table':
        if (!Array.isArray(a.callsPerInterval) || a.callsPerInterval.length !== this.intervals)
          this.add(
            `${path}.callsPerInterval`,
            `must hold one value per interval, ${this.intervals} (got ${Array.isArray(a.callsPerInterval) ? a.callsPerInterval.length : String(a.callsPerInterval)})`,
          );
        else {
          const bad = a.callsPerInterval.findIndex((x) => !isFiniteAtLeast(x, 0));
          if (bad >= 0)
            this.add(
              `${path}.callsPerInterval[${bad}]`,
              `must be a finite number >= 0 (got ${String(a.callsPerInterval[bad])})`,
            );
        }
        break;
      case 'at': {
        const horizon = this.scenario.days * 86_400;
        const bad = Array.isArray(a.seconds)
          ? a.seconds.findIndex(
              (x, i) => !(isFiniteAtLeast(x, i === 0 ? 0 : (a.seconds[i - 1] as number)) && x < horizon),
            )
          : -2;
        if (bad === -2) this.add(`${path}.seconds`, 'must be an array of numbers');
        else if (bad >= 0)
          this.add(
            `${path}.seconds[${bad}]`,
            `must be non-decreasing and within the horizon [0, ${horizon}) (got ${String(a.seconds[bad])})`,
          );
        break;
      }
      case 'profile':
        this.nonNegative(`${path}.dailyVolume`, a.dailyVolume);
        break;
      default:
        this.add(
          `${path}.kind`,
          `must be ratioOfVoice, profile, table or at (got ${String((a as { kind?: unknown }).kind)})`,
        );
    }
  }

  /** Chat: arrivals, handle, stretch, patience, threshold, the assistant; groups serving chat need it. */
  checkChat(): void {
    const chat = this.spec.chat;
    if (chat !== undefined) {
      this.checkArrivals('chat.arrivals', chat.arrivals);
      this.distribution('chat.handle', chat.handle);
      this.distribution('chat.patience', chat.patience);
      this.nonNegative('chat.answerWithinSeconds', chat.answerWithinSeconds);
      const stretch = chat.handleStretch;
      if (stretch !== undefined) {
        if (!Array.isArray(stretch) || stretch.length < this.maxConcurrency) {
          this.add(
            'chat.handleStretch',
            `must hold one factor per concurrency level up to the largest group's, ${this.maxConcurrency} (got ${Array.isArray(stretch) ? stretch.length : String(stretch)})`,
          );
        } else {
          stretch.forEach((s, i) => {
            if (!isFiniteAtLeast(s, 1))
              this.add(`chat.handleStretch[${i}]`, `must be a finite number >= 1 (got ${String(s)})`);
          });
          if (stretch[0] !== 1)
            this.add(
              'chat.handleStretch[0]',
              `must be 1: a chat served alone takes its handle time (got ${String(stretch[0])})`,
            );
        }
      }
      if (chat.assistant !== undefined) {
        this.probability('chat.assistant.resolvedShare', chat.assistant.resolvedShare);
        this.distribution('chat.assistant.duration', chat.assistant.duration);
      }
      if (this.contacts(chat.arrivals)) this.requireServed('chat', 'chat.arrivals');
    }
    this.groups.forEach((group, i) => {
      if ((group.channels ?? []).includes('chat') && chat === undefined)
        this.add(
          `groups[${i}].channels`,
          'serves chat, but the scenario has no channels.chat (remove chat, or describe the channel)',
        );
      if ((group.channels ?? []).includes('message') && this.spec.message === undefined)
        this.add(
          `groups[${i}].channels`,
          'serves message, but the scenario has no channels.message (remove message, or describe the channel)',
        );
    });
  }

  /** Messages: arrivals, handle, deadline, working hours and days. */
  checkMessage(): void {
    const message = this.spec.message;
    if (message !== undefined) {
      this.checkArrivals('message.arrivals', message.arrivals);
      this.distribution('message.handle', message.handle);
      if (!(isFiniteAtLeast(message.deadlineWorkingSeconds, 0) && message.deadlineWorkingSeconds > 0))
        this.add(
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
        this.add(
          'message.workingHours',
          `must be a window of the day, 0 <= fromSeconds < toSeconds <= 86400 (got ${JSON.stringify(hours)})`,
        );
      }
      const days = message.workingDays;
      if (
        days !== undefined &&
        (!Array.isArray(days) ||
          days.length !== this.scenario.days ||
          days.some((d) => typeof d !== 'boolean'))
      ) {
        this.add(
          'message.workingDays',
          `must hold one true or false per day of the horizon, ${this.scenario.days} (got ${Array.isArray(days) ? days.length : String(days)})`,
        );
      }
      if (this.contacts(message.arrivals)) this.requireServed('message', 'message.arrivals');
    }
  }

  /** Callbacks: shares, placement and its delay, tries and their delay, a voice group. */
  checkCallback(): void {
    const callback = this.spec.callback;
    if (callback !== undefined) {
      this.nonNegative('callback.offerAboveWaitSeconds', callback.offerAboveWaitSeconds);
      this.probability('callback.acceptShare', callback.acceptShare);
      this.probability('callback.answerProbability', callback.answerProbability);
      this.nonNegative('callback.ringSeconds', callback.ringSeconds);
      this.nonNegative('callback.answerWithinSeconds', callback.answerWithinSeconds);
      if (!(Number.isInteger(callback.maxAttempts) && callback.maxAttempts >= 1))
        this.add('callback.maxAttempts', `must be a positive integer (got ${String(callback.maxAttempts)})`);
      if (callback.placement === 'scheduled') {
        if (callback.delay === undefined)
          this.add('callback.delay', 'is required for a scheduled callback (the time the caller chooses)');
        else this.distribution('callback.delay', callback.delay);
      } else if (callback.placement === 'whenFree') {
        if (callback.delay !== undefined)
          this.add('callback.delay', 'is not used by a callback placed when an agent is free (remove it)');
      } else
        this.add('callback.placement', `must be whenFree or scheduled (got ${String(callback.placement)})`);
      if (callback.maxAttempts > 1) {
        if (callback.retryDelay === undefined)
          this.add('callback.retryDelay', 'is required when maxAttempts > 1 (the time before the next try)');
        else this.distribution('callback.retryDelay', callback.retryDelay);
      } else if (callback.retryDelay !== undefined) {
        this.add('callback.retryDelay', 'is not used with maxAttempts 1 (remove it)');
      }
      if (!this.groups.some((g) => (g.channels ?? []).includes('voice')))
        this.add('callback', 'needs a group that serves voice: callbacks are placed by voice agents');
    }
  }

  /** A problem outside `channels`. */
  at(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** Mechanisms the all-media model does not carry. */
  checkMechanisms(): void {
    if (this.scenario.faults !== undefined)
      this.at('faults', 'are not modelled with channels yet (remove faults, or channels)');
    const m = this.scenario.measurement;
    if (
      m !== undefined &&
      ((m.warmupArrivals ?? 0) > 0 || (m.arrivals !== undefined && m.arrivals !== Infinity))
    ) {
      this.at(
        'measurement',
        'with channels only warmupSeconds is supported (remove warmupArrivals and arrivals)',
      );
    }
  }
}

/**
 * Every problem of a scenario's `channels`, with its JSON path, at once (empty
 * when there is none or the scenario has no channels): groups that serve no
 * channel or a channel twice, a chat concurrency of 0 (or one given to a group
 * without chat), routing that names an unknown group or a group that cannot
 * follow the rule, channels with contacts that no group serves, skills whose
 * shares do not sum to 1 or that no group serves, fields out of range, and the
 * mechanisms not modelled with channels (platform faults, a measured cohort).
 *
 * @param scenario the scenario (its other fields checked by `checkScenario`)
 * @param voiceHasCalls whether voice has calls entering (a channel that
 *   follows voice has contacts only when voice has)
 * @returns the problems, in the order of the fields
 * @example
 * const scenario = readScenarioFile('data/shanghai-12333-2020/scenario.json').scenario;
 * channelProblems({ ...scenario, faults: undefined, channels: { groups: [{ name: 'a', channels: [], agents: { kind: 'share', share: 1 } }] } }, true);
 * // => [
 * //   { path: 'channels.groups[0].channels', message: 'must name at least one channel the group serves (voice, chat, message) (got none)' },
 * //   { path: 'channels.groups', message: "has contacts but no agent group serves voice (add voice to a group's channels)" },
 * // ]
 */
export function channelProblems(scenario: Scenario, voiceHasCalls: boolean): ChannelProblem[] {
  const spec = scenario.channels;
  if (spec === undefined) return [];
  if (!isObject(spec)) return [{ path: 'channels', message: `must be an object (got ${String(spec)})` }];
  const checks = new ChannelChecks(scenario, spec, voiceHasCalls);
  checks.checkSkills();
  checks.checkGroups();
  checks.checkRouting();
  if (voiceHasCalls) checks.requireServed('voice', 'groups');
  checks.checkChat();
  checks.checkMessage();
  checks.checkCallback();
  checks.checkMechanisms();
  return checks.problems;
}
