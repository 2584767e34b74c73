/**
 * The all-media (全媒体) model's inputs and outputs: channels besides the voice
 * queue (online chat, offline messages, callbacks, the intelligent assistant),
 * the agent groups that serve them and the routing rule between them
 * (`Scenario.channels`), and the results per channel and per group
 * (`SimulationResult.channels`, `SimulationResult.groups`). Voice keeps the
 * scenario's own fields (arrivals, handle, patience, redials, waiting room,
 * self-service); a scenario without `channels` is simulated exactly as before.
 */

import type { AgentSpec, ArrivalSpec, Distribution, Kpis, PeriodCounts } from '../types.js';

/** A channel agents serve. Callbacks are served by the groups that serve voice. */
export type ServedChannel = 'voice' | 'chat' | 'message';

/** A channel with results of its own: the served ones and callbacks. */
export type ChannelName = 'voice' | 'chat' | 'message' | 'callback';

/** The channels with results, in the order they are reported. */
export const CHANNEL_NAMES: readonly ChannelName[] = ['voice', 'chat', 'message', 'callback'];

/**
 * Expected contacts of a channel: any form of the voice arrivals, or a ratio of
 * the voice calls entering (before self-service) in every interval, so that the
 * channel follows voice's months, weekdays, holidays and hours (and a budget or
 * a sweep that scales voice's volume scales it too).
 */
export type ChannelArrivals =
  | ArrivalSpec
  | {
      readonly kind: 'ratioOfVoice';
      /** Contacts per voice call entering, >= 0. */
      readonly ratio: number;
    };

/**
 * The intelligent assistant (智能客服) in front of online chat: every online
 * contact talks to it first (no wait: it serves any number at once); a share is
 * resolved there, the rest are transferred to the chat queue with their wait so
 * far: their wait and their patience count from their arrival at the assistant.
 */
export interface AssistantSpec {
  /** Share of online contacts the assistant resolves without an agent, in [0, 1]. */
  readonly resolvedShare: number;
  /** Time a contact spends with the assistant (until resolved or transferred), seconds. */
  readonly duration: Distribution;
}

/**
 * Online chat (web, WeChat, APP): an agent serves up to its group's
 * `chatConcurrency` chats at once. A chat carries an amount of work, its handle
 * time when served alone (`handle`); when its agent serves m chats it proceeds
 * at 1 / `handleStretch[m-1]` of that pace, so its handle time stretches with
 * the agent's current concurrency (the level-dependent service rate of Tezcan
 * and Zhang 2014; each agent a limited processor-sharing server, Luo and Zhang
 * 2013). A chat that is not picked up within its patience abandons; once picked
 * up it is served to the end.
 */
export interface ChatSpec {
  readonly arrivals: ChannelArrivals;
  /** Handle time of a chat served alone, seconds. */
  readonly handle: Distribution;
  /**
   * One factor per concurrency level 1..(the largest `chatConcurrency` of the
   * groups), the first 1, each >= 1: how much longer a chat takes when its
   * agent serves that many.
   *
   * __Default value:__ all 1 (no slowdown: an agent with k chats works k times as fast)
   */
  readonly handleStretch?: readonly number[];
  /**
   * Patience of a chat waiting for an agent, seconds.
   *
   * __Default value:__ none (nobody abandons)
   */
  readonly patience?: Distribution;
  /** Online response-time threshold t, seconds: picked up within t counts in the service level. */
  readonly answerWithinSeconds: number;
  /**
   * The intelligent assistant in front of the chat queue.
   *
   * __Default value:__ none (every online contact asks for an agent)
   */
  readonly assistant?: AssistantSpec;
}

/**
 * Offline messages (留言, e-mail): asynchronous work answered within a
 * deadline counted in working hours. Agents of the groups serving messages
 * work them whenever voice and chat leave them idle; a call or a chat offered
 * to an agent working a message interrupts it (the message goes back to the
 * head of the backlog with the work left), so messages take only time the
 * real-time channels do not use.
 */
export interface MessageSpec {
  readonly arrivals: ChannelArrivals;
  /** Agent time to answer one message, seconds. */
  readonly handle: Distribution;
  /** The deadline: working seconds from the arrival (working time counts only inside `workingHours` of working days). */
  readonly deadlineWorkingSeconds: number;
  /** The working hours of a working day, seconds from midnight: `[from, to)`, from < to <= 86,400. */
  readonly workingHours: { readonly fromSeconds: number; readonly toSeconds: number };
  /**
   * Which days of the horizon are working days, one per day. Days after the
   * horizon (reached only by deadlines of its last days) count as working.
   *
   * __Default value:__ Monday to Friday
   */
  readonly workingDays?: readonly boolean[];
}

/**
 * Callbacks (virtual hold): a voice caller who must wait, and whose expected
 * wait exceeds `offerAboveWaitSeconds`, is offered a callback; a share accepts
 * and leaves the queue (not offered to the live queue, counted in
 * `callbacksAccepted` of voice and as offered to the callback channel). The
 * callback is placed by a voice agent: `whenFree`, by the next free agent when
 * no live caller waits for it; `scheduled`, at the time the caller chose
 * (`delay` after the call), ahead of live callers. The caller answers with
 * `answerProbability`; an unanswered callback costs its agent `ringSeconds`
 * and is tried again after `retryDelay`, up to `maxAttempts` calls.
 *
 * The expected wait is the estimate an ACD announces: (callers waiting ahead +
 * 1) x the mean voice handle time / the agents on duty who serve voice.
 */
export interface CallbackSpec {
  /** Offer a callback when the expected wait exceeds this, seconds. */
  readonly offerAboveWaitSeconds: number;
  /** Share of callers offered a callback who accept it, in [0, 1]. */
  readonly acceptShare: number;
  /** When the callback is placed. */
  readonly placement: 'whenFree' | 'scheduled';
  /** `scheduled`: time from the call to the time the caller chose, seconds. */
  readonly delay?: Distribution;
  /** Share of callbacks the caller answers, in [0, 1]. */
  readonly answerProbability: number;
  /** Agent time spent on a callback the caller does not answer, seconds, >= 0. */
  readonly ringSeconds: number;
  /** Calls placed at most for one request, a positive integer. */
  readonly maxAttempts: number;
  /** Time from an unanswered callback to the next try, seconds (required when `maxAttempts` > 1). */
  readonly retryDelay?: Distribution;
  /** Threshold t, seconds: a callback kept within t of the request counts in the callback's service level. */
  readonly answerWithinSeconds: number;
}

/** Agents of a group: a share of the scenario's `agents` in every interval, or their own count. */
export type GroupAgents = { readonly kind: 'share'; /** In [0, 1]. */ readonly share: number } | AgentSpec;

/** An agent group: the channels and skills it serves and its agents. */
export interface AgentGroupSpec {
  /** Unique name, for routing and results. */
  readonly name: string;
  /** The channels it serves (callbacks go with voice), at least one, no repeats. */
  readonly channels: readonly ServedChannel[];
  /**
   * Its agents in each interval. Shares of the scenario's `agents` are
   * apportioned whole (cumulative rounding: with shares summing to 1 the groups
   * add up to the scenario's agents exactly); the workforce's daily thinning of
   * the scenario's agents applies first. A group's own count is thinned in the
   * same proportion.
   */
  readonly agents: GroupAgents;
  /** Chats an agent serves at once at most, a positive integer; required when the group serves chat. */
  readonly chatConcurrency?: number;
  /**
   * Which of its agents a new chat goes to: `spread`, the agent serving the
   * fewest chats (each chat at the best pace; the agents are all kept busy);
   * `pack`, the agent serving the most chats below the concurrency (fewer agents
   * busy with chats, the others idle for calls and messages).
   *
   * __Default value:__ `spread`
   */
  readonly chatAssignment?: 'spread' | 'pack';
  /**
   * The business skills it serves (names of `ChannelsSpec.skills`).
   *
   * __Default value:__ every skill
   */
  readonly skills?: readonly string[];
}

/**
 * How contacts meet agents. Every rule routes a new contact to the first group
 * of its channel's `order` that has an agent free for it (a chat to the agent
 * its `chatAssignment` picks), and a freed agent takes the contact
 * its rule chooses:
 * - `voiceFirst`: waiting calls first (due scheduled callbacks before live
 *   calls, callbacks placed when free after them), then chats, then messages;
 * - `chatOverflow`: as `voiceFirst`, but the agents of `group` take a chat only
 *   once it has waited `afterSeconds`;
 * - `reserveForVoice`: as `voiceFirst`, but an idle agent of `group` takes a
 *   chat only while more than `agents` of its agents are idle, keeping them for
 *   calls (a threshold policy; Bhulai and Koole 2003 show such reservation is
 *   optimal for blending);
 * - `longestIdle`: a new contact goes to the eligible agent idle the longest, and
 *   a freed agent takes the contact (call, callback or chat) that has waited the
 *   longest; messages still last.
 */
export type RoutingSpec = (
  | { readonly kind: 'voiceFirst' }
  | { readonly kind: 'longestIdle' }
  | { readonly kind: 'chatOverflow'; readonly group: string; readonly afterSeconds: number }
  | { readonly kind: 'reserveForVoice'; readonly group: string; readonly agents: number }
) & {
  /**
   * Group names in order of preference for each channel.
   *
   * __Default value:__ the groups serving the channel, those serving fewest channels first, then in their order
   */
  readonly order?: Readonly<Partial<Record<ServedChannel, readonly string[]>>>;
};

/** A business skill (社保, 就业, 劳动关系...): its share of every channel's contacts. */
export interface SkillSpec {
  readonly name: string;
  /** Share of each channel's contacts that need this skill, in [0, 1]; the shares sum to 1. */
  readonly share: number;
}

/** The channels, groups and routing of an all-media scenario (`Scenario.channels`). */
export interface ChannelsSpec {
  /** Agent groups, at least one; every channel with contacts must be served by one. */
  readonly groups: readonly AgentGroupSpec[];
  /** __Default value:__ `{ kind: 'voiceFirst' }` */
  readonly routing?: RoutingSpec;
  readonly chat?: ChatSpec;
  readonly message?: MessageSpec;
  readonly callback?: CallbackSpec;
  /**
   * Business skills; each contact draws one (`skill` stream) by the shares.
   *
   * __Default value:__ none (one skill every group serves)
   */
  readonly skills?: readonly SkillSpec[];
}

/** Counts of a channel beyond `PeriodCounts` (0 where a channel has no such thing). */
export interface ChannelExtraCounts {
  /** Voice: attempts that accepted a callback instead of waiting (not offered to the live queue). */
  callbacksAccepted: number;
  /** Callback: calls placed by agents (answered or not): callbacks made. */
  callbackCalls: number;
  /** Callback: requests given up after `maxAttempts` unanswered calls. */
  callbacksNotReached: number;
  /** Message: handled after the deadline. */
  handledLate: number;
  /** Message: time from arrival to handled, summed over every message handled (on time or late), seconds. */
  responseSeconds: number;
  /** Message: messages open (waiting or being worked) x time, message-seconds (measured time only). */
  backlogSeconds: number;
  /** Chat: online contacts that reached the assistant. */
  assistantOffered: number;
  /** Chat: of those, resolved by the assistant. */
  assistantResolved: number;
  /** Chat: of those, transferred to the chat queue. */
  assistantTransferred: number;
  /** Chat: time spent with the assistant, summed, seconds. */
  assistantSeconds: number;
}

/** A channel's counts of a period: the voice queue's fields, with the channel's meaning, and the extras. */
export type ChannelCounts = PeriodCounts & ChannelExtraCounts;

/** A channel's counts over a day, a month, a quarter or the horizon. */
export interface ChannelPeriodRow extends ChannelCounts {
  period: string;
  startSeconds: number;
  endSeconds: number;
}

/**
 * One channel's results. `counts` keep the voice queue's meaning where it
 * applies: `offered` contacts reaching the channel's queue, `answered` picked up
 * (chat), handled within the deadline (message) or reached (callback: kept),
 * `waitAnsweredSeconds` the waits of those, `answeredWithin` within the
 * channel's threshold (a message: within its deadline, as `answered`),
 * `abandoned`, `stillWaiting` at the end. `kpis` are `kpisOf` of them, so
 * `answerRate` is the answer rate of voice, the pick-up rate of chat, the
 * on-time share of messages and the share of callbacks kept.
 */
export interface ChannelRun {
  /** One row per interval, only in `simulate`'s result (not kept by `replicate`). */
  intervals?: ChannelPeriodRow[];
  days: ChannelPeriodRow[];
  months: ChannelPeriodRow[];
  quarters: ChannelPeriodRow[];
  horizon: ChannelPeriodRow;
  kpis: Kpis;
}

/** Per-channel results of a run with channels (`SimulationResult.channels`). */
export interface ChannelResults {
  /** The voice queue: the same counts as the top-level `horizon` and `quarters`, with `callbacksAccepted`. */
  voice: ChannelRun;
  chat?: ChannelRun;
  message?: ChannelRun;
  callback?: ChannelRun;
}

/** Time-weighted counts of an agent group over a period (measured time only). */
export interface GroupCounts {
  /** Agents on duty x time, agent-seconds. */
  agentSeconds: number;
  /** Agents serving anything (a call, a callback, a chat or a message) x time. */
  busyAgentSeconds: number;
  /** Agents on a call or a callback x time. */
  voiceAgentSeconds: number;
  /** Agents serving at least one chat x time. */
  chatAgentSeconds: number;
  /** Chats in service x time, chat-seconds. */
  chatSeconds: number;
  /** Agents working a message x time. */
  messageAgentSeconds: number;
  /**
   * Agents finishing what they have after their shift ended (a staffing drop) x
   * time: available for the work they finish, so occupancy counts it beside
   * `agentSeconds`, as the voice model's `overtimeAgentSeconds`.
   */
  overtimeAgentSeconds: number;
}

/** A group's counts over a period, with the most chats any of its agents served at once in it. */
export interface GroupPeriodRow extends GroupCounts {
  period: string;
  startSeconds: number;
  endSeconds: number;
  /** The most chats one agent of the group served at once during the period (never above its concurrency). */
  maxConcurrency: number;
}

/** KPIs of a group over a period; `null` where the denominator is 0. */
export interface GroupKpis {
  /** Busy agent time / (agent time + overtime). */
  occupancy: number | null;
  /** Share of agent time on calls and callbacks. */
  voiceShare: number | null;
  /** Share of agent time serving chats. */
  chatShare: number | null;
  /** Share of agent time on messages. */
  messageShare: number | null;
  /** Mean chats per agent serving chats (chat-seconds / chat agent-seconds). */
  meanConcurrency: number | null;
  /** Chat places taken: chat-seconds / (agent-seconds x concurrency); `null` for a group without chat. */
  slotUtilisation: number | null;
}

/** One group's results (`SimulationResult.groups`). */
export interface GroupRun {
  name: string;
  channels: readonly ServedChannel[];
  /** Its chat concurrency (0 when it serves no chat). */
  chatConcurrency: number;
  /** Agents on duty per interval (after the workforce's thinning), only in `simulate`'s result. */
  agents?: number[];
  quarters: GroupPeriodRow[];
  horizon: GroupPeriodRow;
  kpis: GroupKpis;
}
