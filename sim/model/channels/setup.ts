import { AleaStream } from '../../core/aleaStream.js';
import type { StreamName } from '../../core/rng.js';
import { ArrivalProcess } from '../center/arrival.js';
import {
  arrivalRates,
  intervalHandleMultiplier,
  runSeed,
  volumeMultipliers,
  workforceYear as voiceWorkforceYear,
} from '../center/setup.js';
import { surveyDrawsOf } from '../center/survey.js';
import { BufferedSampler, distributionMean, exponential } from '../distributions.js';
import {
  agentsPerInterval,
  checkScenario,
  expectedArrivalsPerInterval,
  scenarioCalendar,
} from '../scenario.js';
import type { Distribution, Scenario, SimulateOptions } from '../types.js';
import type { WorkforceResult } from '../workforce.js';
import { Channel } from './contacts.js';
import { Rule, type ChannelColumns, type ChannelsInput, type GroupColumns } from './center.js';
import { CHANNEL_COUNT_FIELDS, GROUP_COUNT_FIELDS } from './fields.js';
import type { ChannelArrivals, ChannelsSpec, ServedChannel } from './types.js';

/** A run of the all-media center prepared from a scenario: the kernel's input, and what the results need. */
export interface PreparedChannelsRun {
  input: ChannelsInput;
  seed: number;
  replication: number;
  startMs: number;
  /** Expected voice calls entering in each interval. */
  expected: number[];
  /** The scenario's agents in each interval as planned, and after the workforce's thinning. */
  plannedAgents: Int32Array;
  agents: Int32Array;
  /** Each group's agents per interval as planned (before the workforce's thinning). */
  plannedGroupAgents: Int32Array[];
  workforce: WorkforceResult | undefined;
}

const SECONDS_PER_DAY = 86_400;

/** Columns of zeros, `n + 1` rows each (the last the discard row), every field at once. */
function zeroColumns<F extends string>(fields: readonly F[], n: number): Record<F, Float64Array> {
  return Object.fromEntries(fields.map((field) => [field, new Float64Array(n + 1)])) as Record<
    F,
    Float64Array
  >;
}

/**
 * Check a scenario with channels and the options, and prepare everything a run
 * needs, once: the rate of each channel in each interval (expected contacts x
 * the day's busyness x the forecast error, the same multipliers for every
 * channel: a busy day is busy online too), the agents of each group in each
 * interval (shares of the scenario's agents apportioned whole; the workforce
 * thins the scenario's agents first and a group's own count in the same
 * proportion), the learning curve's multipliers, the routing as codes, and the
 * random streams (voice's are the voice model's, so the calls are the same
 * calls; every other draw has a stream of its own).
 *
 * @param scenario a scenario with `channels` (checked first)
 * @param options seed and replication (call records are not kept with channels)
 * @returns the run's input and what the results need
 * @throws {RangeError} when the scenario or an option is invalid, naming the field
 * @example
 * const omni = firstDaysOf(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario, 1);
 * const { input } = prepareChannelsRun(omni, { seed: 1 });
 * input.groups.length; // => 3
 */
export function prepareChannelsRun(scenario: Scenario, options: SimulateOptions): PreparedChannelsRun {
  checkScenario('simulate', scenario);
  const spec = scenario.channels as ChannelsSpec;
  const { seed, replication } = runSeed(options);
  if (options.recordCalls !== undefined && options.recordCalls !== false && options.recordCalls !== 0) {
    throw new RangeError(
      'simulate: options.recordCalls is not supported for a scenario with channels (remove it)',
    );
  }
  const run = runContext(scenario, seed, replication);
  const year = workforceYear(scenario, run);
  const { n } = run;
  const groups = groupsInput(spec, run, year);
  const skillCumulative = new Float64Array(Math.max(1, spec.skills?.length ?? 0));
  let total = 0;
  (spec.skills ?? [{ share: 1 }]).forEach((skill, s) => {
    total += skill.share;
    skillCumulative[s] = total;
  });
  const maxLevel = Math.max(1, ...groups.map((g) => g.concurrency));
  const columns = [0, 1, 2, 3].map(() => zeroColumns(CHANNEL_COUNT_FIELDS, n)) as ChannelColumns[];
  const input: ChannelsInput = {
    n,
    L: run.L,
    H: run.H,
    warmupSeconds: scenario.measurement?.warmupSeconds ?? 0,
    skills: skillCumulative.length,
    skillCumulative,
    voice: voiceInput(scenario, run, year, columns[Channel.Voice]!),
    chat: chatInput(spec, run, maxLevel),
    message: messageInput(spec, run, scenario.days),
    callback: callbackInput(spec, run),
    workMultiplier: year.workMultiplier,
    groups,
    ...routingInput(spec),
    columns,
    groupColumns: groups.map(() => zeroColumns(GROUP_COUNT_FIELDS, n)) as GroupColumns[],
  };
  return {
    input,
    seed,
    replication,
    startMs: run.startMs,
    expected: run.expected,
    plannedAgents: year.plannedAgents,
    agents: year.agents,
    plannedGroupAgents: groupAgentsPerInterval(spec, year.plannedAgents, n, null),
    workforce: year.workforce,
  };
}

/** The calendar, the streams and the arrival processes of a run. */
interface RunContext {
  seed: number;
  replication: number;
  n: number;
  L: number;
  H: number;
  startMs: number;
  /** Expected voice calls entering per interval. */
  expected: number[];
  stream: (name: StreamName) => AleaStream;
  sampler: (d: Distribution, name: StreamName) => BufferedSampler;
  /** The arrivals of a channel on their own stream (a ratio of voice's expected calls, or their own). */
  arrivalsOf: (arrivals: ChannelArrivals, name: StreamName) => ArrivalProcess;
}

/**
 * The calendar, the named streams and the arrival processes: each channel's
 * rate in each interval is its expected contacts x the day's busyness x the
 * replication's forecast error, the same multipliers for every channel (a
 * busy day is busy online too), drawn on the voice model's streams.
 */
function runContext(scenario: Scenario, seed: number, replication: number): RunContext {
  const { intervalSeconds: L, intervals: n, horizonSeconds: H, startMs } = scenarioCalendar(scenario);
  const stream = (name: StreamName): AleaStream => new AleaStream(seed, replication, name);
  const sampler = (d: Distribution, name: StreamName): BufferedSampler =>
    new BufferedSampler(d, stream(name));
  const multipliers = volumeMultipliers(scenario, seed, replication);
  const expected = expectedArrivalsPerInterval(scenario);
  // A channel's expected contacts, computed as voice's would be (without the channels' checks).
  const { channels: _channels, ...withoutChannels } = scenario;
  const arrivalsOf = (arrivals: ChannelArrivals, name: StreamName): ArrivalProcess => {
    const unit = sampler(exponential(1), name);
    if (arrivals.kind === 'at')
      return new ArrivalProcess(new Float64Array(n), L, n, Float64Array.from(arrivals.seconds), unit);
    const calls =
      arrivals.kind === 'ratioOfVoice'
        ? expected.map((x) => x * arrivals.ratio)
        : expectedArrivalsPerInterval({ ...withoutChannels, arrivals });
    return new ArrivalProcess(arrivalRates(calls, multipliers, L), L, n, null, unit);
  };
  return { seed, replication, n, L, H, startMs, expected, stream, sampler, arrivalsOf };
}

/** The workforce year of a run. */
interface WorkforceYear {
  plannedAgents: Int32Array;
  /** The scenario's agents per interval after the workforce's thinning. */
  agents: Int32Array;
  /** Handle-time multiplier of each interval (learning curve x time of day), one more for after the end. */
  handleMultiplier: Float64Array;
  /** The learning curve's multiplier of each interval, one more for after the end. */
  workMultiplier: Float64Array;
  /** Satisfaction penalty and QA pass rate of each day (the learning curve's; the last step's without a workforce). */
  penalty: Float64Array;
  qaRate: Float64Array;
  /** A group's own count thinned as the scenario's agents are (null without a workforce). */
  thin: ((own: number, interval: number) => number) | null;
  workforce: WorkforceResult | undefined;
}

/**
 * The voice model's workforce year (`workforceYear` of `center/setup.ts`: the
 * scenario's agents thinned day by day, round(planned x live / plannedLive), and
 * each day's learning curve) with each interval's multipliers, and the same
 * thinning for a group's own count.
 */
function workforceYear(scenario: Scenario, run: RunContext): WorkforceYear {
  const { n, L } = run;
  const plannedAgents = Int32Array.from(agentsPerInterval(scenario));
  const year = voiceWorkforceYear(scenario, plannedAgents, L, run.seed, run.replication);
  const dayOf = (i: number): number => Math.floor((i * L) / SECONDS_PER_DAY);
  const workMultiplier = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) workMultiplier[i] = year.handleMultiplier[dayOf(Math.min(i, n - 1))] as number;
  const workforce = year.workforce;
  const spec = scenario.workforce;
  let thin: WorkforceYear['thin'] = null;
  if (workforce !== undefined && spec !== undefined) {
    const plannedLive = spec.plannedLiveAgents ?? spec.spec.targetHeadcount ?? spec.spec.initialStaff;
    thin = (own, i) => Math.round((own * workforce.days[dayOf(i)]!.live) / plannedLive);
  }
  return {
    plannedAgents,
    agents: year.agents,
    handleMultiplier: intervalHandleMultiplier(scenario, year.handleMultiplier, L, n),
    workMultiplier,
    penalty: year.penalty,
    qaRate: year.qaRate,
    thin,
    workforce,
  };
}

/** Each group's agents per interval, channels, skills and chat concurrency. */
function groupsInput(spec: ChannelsSpec, run: RunContext, year: WorkforceYear): ChannelsInput['groups'] {
  const skillNames = (spec.skills ?? []).map((s) => s.name);
  const groupAgents = groupAgentsPerInterval(spec, year.agents, run.n, year.thin);
  return spec.groups.map((group, g) => ({
    agents: groupAgents[g] as Int32Array,
    voice: group.channels.includes('voice'),
    chat: group.channels.includes('chat'),
    message: group.channels.includes('message'),
    skillMask:
      group.skills === undefined
        ? 0x7fffffff
        : group.skills.reduce((mask, name) => mask | (1 << skillNames.indexOf(name)), 0),
    concurrency: group.chatConcurrency ?? 0,
    pack: group.chatAssignment === 'pack',
  }));
}

/** The routing rule as codes, and each channel's order of groups (specialists first by default). */
function routingInput(
  spec: ChannelsSpec,
): Pick<ChannelsInput, 'rule' | 'ruleGroup' | 'overflowSeconds' | 'reserveAgents' | 'order'> {
  const index = new Map(spec.groups.map((group, g) => [group.name, g]));
  const orderOf = (channel: ServedChannel): Int32Array => {
    const given = spec.routing?.order?.[channel];
    if (given !== undefined) return Int32Array.from(given, (name) => index.get(name) as number);
    const serving = spec.groups.flatMap((group, g) => (group.channels.includes(channel) ? [g] : []));
    // Specialists first: groups serving fewer channels, then in their order.
    serving.sort((a, b) => spec.groups[a]!.channels.length - spec.groups[b]!.channels.length || a - b);
    return Int32Array.from(serving);
  };
  const routing = spec.routing ?? { kind: 'voiceFirst' as const };
  return {
    rule:
      routing.kind === 'voiceFirst'
        ? Rule.VoiceFirst
        : routing.kind === 'longestIdle'
          ? Rule.LongestIdle
          : routing.kind === 'chatOverflow'
            ? Rule.ChatOverflow
            : Rule.ReserveForVoice,
    ruleGroup: 'group' in routing ? (index.get(routing.group) as number) : -1,
    overflowSeconds: routing.kind === 'chatOverflow' ? routing.afterSeconds : 0,
    reserveAgents: routing.kind === 'reserveForVoice' ? routing.agents : 0,
    order: [orderOf('voice'), orderOf('chat'), orderOf('message')],
  };
}

/** Voice: the voice model's callers on its own streams (the same draws), and the skill stream. */
function voiceInput(
  scenario: Scenario,
  run: RunContext,
  year: WorkforceYear,
  columns: ChannelColumns,
): ChannelsInput['voice'] {
  const { stream, sampler } = run;
  const redial = scenario.redial;
  const redials = redial !== undefined && redial.maxAttempts > 1 && redial.redialProbability > 0;
  const arrivals: ChannelArrivals =
    scenario.arrivals.kind === 'at' ? scenario.arrivals : { kind: 'table', callsPerInterval: run.expected };
  return {
    arrivals: run.arrivalsOf(arrivals, 'arrivals'),
    selfShare: scenario.selfServiceShare ?? 0,
    uSelf: stream('selfService'),
    handle: sampler(scenario.handle, 'handleTime'),
    patience: scenario.patience ? sampler(scenario.patience, 'patience') : null,
    waitingRoom: scenario.waitingRoom ?? Infinity,
    threshold: scenario.answerWithinSeconds,
    maxAttempts: redial?.maxAttempts ?? 1,
    redialProbability: redial?.redialProbability ?? 0,
    redials,
    uRedial: stream('redial'),
    redialDelay: redials ? sampler(redial.delay, 'redialDelay') : null,
    uSkill: stream('voiceSkill'),
    handleMultiplier: year.handleMultiplier,
    meanHandleSeconds: distributionMean(scenario.handle),
    survey: surveyDrawsOf(scenario.survey, year, stream, columns),
  };
}

/** Chat: its arrivals, draws, the pace of each level and the assistant (null without chat). */
function chatInput(spec: ChannelsSpec, run: RunContext, maxLevel: number): ChannelsInput['chat'] {
  const chat = spec.chat;
  if (chat === undefined) return null;
  const { stream, sampler } = run;
  const pace = new Float64Array(maxLevel + 1);
  for (let m = 1; m <= maxLevel; m++) pace[m] = 1 / (chat.handleStretch?.[m - 1] ?? 1);
  return {
    arrivals: run.arrivalsOf(chat.arrivals, 'chatArrivals'),
    handle: sampler(chat.handle, 'chatHandle'),
    patience: chat.patience !== undefined ? sampler(chat.patience, 'chatPatience') : null,
    threshold: chat.answerWithinSeconds,
    pace,
    uSkill: stream('chatSkill'),
    assistant:
      chat.assistant === undefined
        ? null
        : {
            resolvedShare: chat.assistant.resolvedShare,
            uResolved: stream('assistantResolved'),
            duration: sampler(chat.assistant.duration, 'assistantDuration'),
          },
  };
}

/** Messages: arrivals, draws, the deadline and the working days (Monday to Friday unless given). */
function messageInput(spec: ChannelsSpec, run: RunContext, days: number): ChannelsInput['message'] {
  const message = spec.message;
  if (message === undefined) return null;
  const workingDays =
    message.workingDays !== undefined
      ? Uint8Array.from(message.workingDays, (w) => (w ? 1 : 0))
      : Uint8Array.from({ length: days }, (_, d) => {
          const weekday = new Date(run.startMs + d * SECONDS_PER_DAY * 1000).getUTCDay();
          return weekday === 0 || weekday === 6 ? 0 : 1;
        });
  return {
    arrivals: run.arrivalsOf(message.arrivals, 'messageArrivals'),
    handle: run.sampler(message.handle, 'messageHandle'),
    uSkill: run.stream('messageSkill'),
    deadlineWorkingSeconds: message.deadlineWorkingSeconds,
    fromSeconds: message.workingHours.fromSeconds,
    toSeconds: message.workingHours.toSeconds,
    workingDays,
  };
}

/** Callbacks: the offer, placement and tries, and their draws (null without callbacks). */
function callbackInput(spec: ChannelsSpec, run: RunContext): ChannelsInput['callback'] {
  const callback = spec.callback;
  if (callback === undefined) return null;
  const { stream, sampler } = run;
  return {
    offerAboveWaitSeconds: callback.offerAboveWaitSeconds,
    acceptShare: callback.acceptShare,
    scheduled: callback.placement === 'scheduled',
    delay: callback.delay !== undefined ? sampler(callback.delay, 'callbackDelay') : null,
    answerProbability: callback.answerProbability,
    ringSeconds: callback.ringSeconds,
    maxAttempts: callback.maxAttempts,
    retryDelay: callback.retryDelay !== undefined ? sampler(callback.retryDelay, 'callbackRetry') : null,
    threshold: callback.answerWithinSeconds,
    uAccept: stream('callbackAccept'),
    uAnswer: stream('callbackAnswer'),
  };
}

/**
 * Each group's agents per interval: a share of `agents` apportioned by
 * cumulative rounding over the groups given as shares (so shares summing to 1
 * give exactly `agents`), or the group's own count, thinned by `thin` (the
 * workforce's rule) when given.
 */
function groupAgentsPerInterval(
  spec: ChannelsSpec,
  agents: Int32Array,
  n: number,
  thin: ((own: number, interval: number) => number) | null,
): Int32Array[] {
  const out: Int32Array[] = [];
  let cumulative = 0;
  for (const group of spec.groups) {
    const counts = new Int32Array(n);
    const a = group.agents;
    if (a.kind === 'share') {
      const before = cumulative;
      cumulative += a.share;
      for (let i = 0; i < n; i++) {
        const total = agents[i] as number;
        counts[i] = Math.round(cumulative * total) - Math.round(before * total);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const own = a.kind === 'constant' ? a.count : (a.counts[i] as number);
        counts[i] = thin === null ? own : thin(own, i);
      }
    }
    out.push(counts);
  }
  return out;
}
