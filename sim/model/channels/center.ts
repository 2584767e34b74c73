import type { AleaStream } from '../../core/aleaStream.js';
import type { KeyedEvents } from '../../engine/keyedEvents.js';
import type { Kernel } from '../../engine/kernel.js';
import type { ArrivalProcess } from '../center/arrival.js';
import type { SurveyDraws } from '../center/survey.js';
import type { BufferedSampler } from '../sampler.js';
import { AgentBoard, Duty, Task } from './agents.js';
import { Channel, CHANNELS, ContactPool, ContactQueue, ContactState } from './contacts.js';
import type { ChannelCounts, GroupCounts } from './types.js';

/** Per-interval count columns of one channel; row `n` is the discard row of contacts not measured. */
export type ChannelColumns = Record<keyof ChannelCounts, Float64Array>;

/** Per-interval time-weighted columns of one group, with the most chats an agent served in the interval. */
export type GroupColumns = Record<keyof GroupCounts | 'maxConcurrency', Float64Array>;

/** Routing rules as codes. */
export const Rule = {
  VoiceFirst: 0,
  LongestIdle: 1,
  ChatOverflow: 2,
  ReserveForVoice: 3,
} as const;

/** Per-group counters and their time-weighted accumulators, `[k * G + g]` (one block of G per kind). */
export const GroupSum = {
  OnDuty: 0,
  Call: 1,
  Callback: 2,
  ChatAgents: 3,
  Chats: 4,
  Message: 5,
  /** Agents leaving (past their shift's end, finishing what they have): the overtime. */
  Leaving: 6,
} as const;
export const GROUP_SUMS = 7;

/** Channel-wide time-weighted accumulators. */
export const ChannelSum = {
  Measured: 0,
  VoiceWaiting: 1,
  ChatWaiting: 2,
  MessageWaiting: 3,
  MessageOpen: 4,
  CallbackPending: 5,
} as const;
export const CHANNEL_SUMS = 6;

/** What a run of the all-media center is made of, prepared once from the scenario (`prepareChannelsRun`). */
export interface ChannelsInput {
  n: number;
  L: number;
  H: number;
  warmupSeconds: number;
  /** Skills (1 when the scenario has none) and the cumulative shares to draw one. */
  skills: number;
  skillCumulative: Float64Array;
  voice: {
    arrivals: ArrivalProcess;
    selfShare: number;
    uSelf: AleaStream;
    handle: BufferedSampler;
    patience: BufferedSampler | null;
    waitingRoom: number;
    threshold: number;
    maxAttempts: number;
    redialProbability: number;
    redials: boolean;
    uRedial: AleaStream;
    redialDelay: BufferedSampler | null;
    uSkill: AleaStream;
    /** Handle-time multiplier of each interval (learning curve x time of day), one more for after the end. */
    handleMultiplier: Float64Array;
    /** Mean voice handle time, seconds (the callback offer's estimate of the wait). */
    meanHandleSeconds: number;
    /** The post-call survey, complaints and QA of answered calls, or null. */
    survey: SurveyDraws | null;
  };
  chat: {
    arrivals: ArrivalProcess;
    handle: BufferedSampler;
    patience: BufferedSampler | null;
    threshold: number;
    /** Pace of a chat at each level m (index m, 1..maxLevel): 1 / handleStretch[m - 1]. */
    pace: Float64Array;
    uSkill: AleaStream;
    assistant: { resolvedShare: number; uResolved: AleaStream; duration: BufferedSampler } | null;
  } | null;
  message: {
    arrivals: ArrivalProcess;
    handle: BufferedSampler;
    uSkill: AleaStream;
    deadlineWorkingSeconds: number;
    fromSeconds: number;
    toSeconds: number;
    /** 1 for each working day of the horizon. */
    workingDays: Uint8Array;
  } | null;
  callback: {
    offerAboveWaitSeconds: number;
    acceptShare: number;
    scheduled: boolean;
    delay: BufferedSampler | null;
    answerProbability: number;
    ringSeconds: number;
    maxAttempts: number;
    retryDelay: BufferedSampler | null;
    threshold: number;
    uAccept: AleaStream;
    uAnswer: AleaStream;
  } | null;
  /** Learning-curve multiplier of each interval for chats and messages (no time-of-day factor), one more for after the end. */
  workMultiplier: Float64Array;
  groups: {
    /** Agents on duty in each interval. */
    agents: Int32Array;
    voice: boolean;
    chat: boolean;
    message: boolean;
    /** Bit s set: the group serves skill s. */
    skillMask: number;
    /** Chat concurrency (0 without chat). */
    concurrency: number;
    /** Whether a new chat goes to the agent with the most chats below the concurrency (else the fewest). */
    pack: boolean;
  }[];
  rule: number;
  /** The group a rule names (overflow, reserve), or -1. */
  ruleGroup: number;
  overflowSeconds: number;
  reserveAgents: number;
  /** Group preference per served channel (voice, chat, message). */
  order: [Int32Array, Int32Array, Int32Array];
  columns: ChannelColumns[];
  groupColumns: GroupColumns[];
}

/** Initial sizes of the pool and the queues. */
const INITIAL_CAPACITY = 1 << 12;

/**
 * The state of one run of the all-media center, and the bookkeeping the event
 * kinds share: taking and freeing agents, chats' progress, messages broken off,
 * staffing changes. The handlers of each channel (`voice.ts`, `chat.ts`,
 * `message.ts`, `callback.ts`), the routing (`routing.ts`) and the interval
 * sums (`interval.ts`) read and change it; the kernel calls them in order
 * (`runChannels`).
 *
 * @example
 * const omni = firstDaysOf(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario, 1);
 * const center = new ChannelsCenter(prepareChannelsRun(omni, { seed: 1 }).input, new Kernel());
 * [center.G, center.queues.length]; // => [3, 4]
 */
export class ChannelsCenter {
  readonly pool = new ContactPool(INITIAL_CAPACITY);
  /** Queues per channel and skill: `queues[channel * skills + skill]`. */
  readonly queues: ContactQueue[] = [];
  readonly board: AgentBoard;
  readonly G: number;
  /** Agents on duty (not leaving) per group. */
  readonly onDuty: Int32Array;
  /** Agents on a call, on a callback, serving chats, chats in service, agents on a message, per group. */
  readonly calls: Int32Array;
  readonly callbacks: Int32Array;
  readonly chatAgents: Int32Array;
  readonly chatsInService: Int32Array;
  readonly messageAgents: Int32Array;
  /** Agents leaving per group, as a set with positions (`leaving[first[g] + k]`, k < leavingCount[g]). */
  readonly leaving: Int32Array;
  readonly leavingAt: Int32Array;
  readonly leavingCount: Int32Array;
  /** Most chats any agent of each group served in the current interval. */
  readonly maxLevel: Int32Array;
  readonly groupSums: Float64Array;
  /** Every group counter (the arrays above are views of it), `[k * G + g]`. */
  readonly groupCounters: Int32Array;
  readonly channelSums = new Float64Array(CHANNEL_SUMS);
  /** Scratch of `closeInterval`: agent-seconds of the groups serving, and busy on, each channel. */
  readonly agentsOf = new Float64Array(CHANNELS);
  readonly busyOn = new Float64Array(CHANNELS);
  readonly overtimeOf = new Float64Array(CHANNELS);

  ci = 0;
  waitingVoice = 0;
  waitingChat = 0;
  waitingMessages = 0;
  openMessages = 0;
  pendingCallbacks = 0;
  pendingRedials = 0;
  callers = 0;
  attempts = 0;
  /** Answered calls to skip before the next one the survey selects (see `SurveyDraws`). */
  surveyGap = 0;

  /** Kinds, keyed heaps and the deferred dispatch (set by `runChannels`). */
  agentDue!: KeyedEvents;
  /** The end of an agent's call or callback (never moved nor cancelled: a calendar kind). */
  callEndKind = 0;
  patienceDue!: KeyedEvents;
  redialKind = 0;
  assistantKind = 0;
  callbackKind = 0;
  overflowKind = 0;
  dispatchAction = 0;

  constructor(
    readonly input: ChannelsInput,
    readonly kernel: Kernel,
  ) {
    const S = input.skills;
    for (let q = 0; q < CHANNELS * S; q++) this.queues.push(new ContactQueue(1 << 8));
    const G = input.groups.length;
    this.G = G;
    this.board = new AgentBoard(
      input.groups.map((g) => ({
        size: g.agents.reduce((m, x) => (x > m ? x : m), 0),
        levels: g.concurrency,
        messages: g.message,
      })),
    );
    // One block of counters, viewed per kind, so that the time sums grow in one loop over it.
    this.groupCounters = new Int32Array(G * GROUP_SUMS);
    const block = (k: number): Int32Array => this.groupCounters.subarray(k * G, (k + 1) * G);
    this.onDuty = block(GroupSum.OnDuty);
    this.calls = block(GroupSum.Call);
    this.callbacks = block(GroupSum.Callback);
    this.chatAgents = block(GroupSum.ChatAgents);
    this.chatsInService = block(GroupSum.Chats);
    this.messageAgents = block(GroupSum.Message);
    this.leavingCount = block(GroupSum.Leaving);
    const total = this.board.first[G] as number;
    this.leaving = new Int32Array(total);
    this.leavingAt = new Int32Array(total).fill(-1);
    this.maxLevel = new Int32Array(G);
    this.groupSums = new Float64Array(G * GROUP_SUMS);
    this.surveyGap = input.voice.survey !== null ? input.voice.survey.firstGap() : 0;
    this.voiceGroups = input.groups.reduce((mask, g, k) => (g.voice ? mask | (1 << k) : mask), 0);
    this.messageGroups = input.groups.reduce((mask, g, k) => (g.message ? mask | (1 << k) : mask), 0);
  }

  /** The queue of a channel and skill. */
  queue(channel: number, skill: number): ContactQueue {
    return this.queues[channel * this.input.skills + skill] as ContactQueue;
  }

  /** The count row of a contact arriving now: the current interval, or the discard row before the warm-up ends. */
  rowNow(): number {
    return this.kernel.now >= this.input.warmupSeconds ? this.ci : this.input.n;
  }

  /** A skill drawn by the shares (0 without skills; no draw then). */
  drawSkill(u: AleaStream): number {
    const cumulative = this.input.skillCumulative;
    if (cumulative.length <= 1) return 0;
    const x = u.next();
    let s = 0;
    while (s < cumulative.length - 1 && x >= (cumulative[s] as number)) s++;
    return s;
  }

  /**
   * A new contact of `channel` arriving now: a slot with its channel, skill
   * (drawn on `uSkill`), arrival, row and whether it is measured set.
   */
  takeContact(channel: number, uSkill: AleaStream): number {
    const pool = this.pool;
    const slot = pool.take();
    const row = this.rowNow();
    pool.channel[slot] = channel;
    pool.skill[slot] = this.drawSkill(uSkill);
    pool.arrival[slot] = this.kernel.now;
    pool.row[slot] = row;
    pool.measured[slot] = row < this.input.n ? 1 : 0;
    return slot;
  }

  /** Whether group `g` serves skill `s`. */
  servesSkill(g: number, s: number): boolean {
    return ((this.input.groups[g] as { skillMask: number }).skillMask & (1 << s)) !== 0;
  }

  /** Groups whose free agents the dispatch must look at (bit g), and the groups serving voice and messages. */
  dispatchGroups = 0;
  readonly voiceGroups: number;
  readonly messageGroups: number;

  /** Ask for the dispatch at this instant, for the groups of `mask` (bit g: group g). */
  requestDispatch(mask: number): void {
    this.dispatchGroups |= mask;
    this.kernel.request(this.dispatchAction);
  }

  // ---- Agents ----

  /**
   * Agent `a`, idle (perhaps working a message), takes a call or a callback:
   * out of its lists, its message broken off, busy until `now + seconds`.
   */
  startCall(a: number, slot: number, task: number, seconds: number): void {
    const board = this.board;
    const g = board.group[a] as number;
    board.delist(a);
    board.delistFree(a);
    if ((board.message[a] as number) >= 0) this.breakOffMessage(a);
    board.task[a] = task;
    board.contact[a] = slot;
    if (task === Task.Call) this.calls[g]!++;
    else this.callbacks[g]!++;
    this.kernel.schedule(this.callEndKind, this.kernel.now + seconds, a);
  }

  /** Agent `a` ends its call or callback: the agent is free. */
  endCall(a: number): void {
    const board = this.board;
    const g = board.group[a] as number;
    if (board.task[a] === Task.Call) this.calls[g]!--;
    else this.callbacks[g]!--;
    board.task[a] = Task.None;
    board.contact[a] = -1;
    this.agentFree(a);
  }

  /**
   * Agent `a` has nothing left (no call, no chat, no message): it goes off duty
   * if it is leaving; else, when agents of its group are leaving, it leaves in
   * the place of one of them, who stays (the agents who log off at a staffing
   * drop are the first to become free, as in the voice model); else it is idle
   * from now, in its group's idle lists. Free agents take waiting work.
   */
  agentFree(a: number): void {
    const board = this.board;
    const g = board.group[a] as number;
    if (board.duty[a] === Duty.Leaving) {
      this.unmarkLeaving(a);
      board.deactivate(a);
      return;
    }
    if ((this.leavingCount[g] as number) > 0) {
      const b = this.leaving[(board.first[g] as number) + (this.leavingCount[g] as number) - 1] as number;
      this.unmarkLeaving(b);
      board.duty[b] = Duty.On;
      this.enlistByState(b);
      board.deactivate(a);
      this.requestDispatch(1 << g);
      return;
    }
    board.enlist(a, 0, this.kernel.now);
    board.enlistFree(a);
    this.requestDispatch(1 << g);
  }

  /** Put an agent on duty in the list its state calls for (none on a call or at full concurrency). */
  enlistByState(a: number): void {
    const board = this.board;
    if (board.task[a] !== Task.None) return;
    const level = board.level[a] as number;
    const k = (this.input.groups[board.group[a] as number] as { concurrency: number }).concurrency;
    if (level === 0) {
      board.enlist(a, 0, this.kernel.now);
      if ((board.message[a] as number) < 0) board.enlistFree(a);
    } else if (level < k) board.enlist(a, level, this.kernel.now);
  }

  private markLeaving(a: number): void {
    const board = this.board;
    const g = board.group[a] as number;
    board.delist(a);
    board.delistFree(a);
    board.duty[a] = Duty.Leaving;
    const k = this.leavingCount[g]!++;
    this.leaving[(board.first[g] as number) + k] = a;
    this.leavingAt[a] = k;
  }

  private unmarkLeaving(a: number): void {
    const board = this.board;
    const g = board.group[a] as number;
    const base = board.first[g] as number;
    const k = this.leavingAt[a] as number;
    const last = --this.leavingCount[g]!;
    const moved = this.leaving[base + last] as number;
    this.leaving[base + k] = moved;
    this.leavingAt[moved] = k;
    this.leavingAt[a] = -1;
  }

  /**
   * Group `g` goes to `target` agents on duty (an interval boundary). Up:
   * agents leaving stay first, then agents come on duty, idle. Down: idle agents
   * go first (the most recently idle first; a message worked is broken off),
   * then busy agents are marked to leave when they are done, those serving the
   * fewest chats first, then the highest numbers.
   */
  setStaff(g: number, target: number): void {
    const board = this.board;
    const now = this.kernel.now;
    let on = this.onDuty[g] as number;
    while (on < target && (this.leavingCount[g] as number) > 0) {
      const b = this.leaving[(board.first[g] as number) + (this.leavingCount[g] as number) - 1] as number;
      this.unmarkLeaving(b);
      board.duty[b] = Duty.On;
      this.enlistByState(b);
      on++;
    }
    while (on < target) {
      if (board.activate(g, now) < 0) {
        throw new Error(`simulate: internal error, group ${g} has no agent left to put on duty`);
      }
      on++;
    }
    while (on > target) {
      const a = board.listTail(g, 0);
      if (a < 0) break;
      if ((board.message[a] as number) >= 0) this.breakOffMessage(a);
      board.deactivate(a);
      on--;
    }
    if (on > target) {
      const k = (this.input.groups[g] as { concurrency: number }).concurrency;
      // Agents serving chats below full, fewest chats first.
      for (let level = 1; level < k && on > target; level++) {
        for (let a = board.listHead(g, level); a >= 0 && on > target; a = board.listHead(g, level)) {
          this.markLeaving(a);
          on--;
        }
      }
      // Then the rest (full chats, calls), highest numbers first.
      for (let a = (board.first[g + 1] as number) - 1; a >= (board.first[g] as number) && on > target; a--) {
        if (board.duty[a] !== Duty.On) continue;
        this.markLeaving(a);
        on--;
      }
    }
    this.onDuty[g] = on;
    if (on < target) throw new Error(`simulate: internal error, group ${g} has ${on} agents for ${target}`);
    this.requestDispatch(1 << g);
  }

  // ---- Messages ----

  /** Agent `a` stops working its message: the work left goes back to the head of its backlog. */
  breakOffMessage(a: number): void {
    const board = this.board;
    const pool = this.pool;
    const slot = board.message[a] as number;
    const now = this.kernel.now;
    const left = (pool.work[slot] as number) - (now - (board.messageStart[a] as number));
    pool.work[slot] = left > 0 ? left : 0;
    this.agentDue.cancel(a);
    board.message[a] = -1;
    this.messageAgents[board.group[a] as number]!--;
    pool.state[slot] = ContactState.Waiting;
    this.queue(Channel.Message, pool.skill[slot] as number).pushFront(slot, pool);
    this.waitingMessages++;
    this.requestDispatch(this.messageGroups);
  }
}
