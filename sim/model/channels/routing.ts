import { placeCallback } from './callback.js';
import { type ChannelsCenter, Rule } from './center.js';
import { startChat } from './chat.js';
import { Channel, type ContactQueue } from './contacts.js';
import { startMessage } from './message.js';
import { answerVoice } from './voice.js';

/*
 * Routing: which agent a new contact goes to, and which waiting contact a free
 * agent takes (the rules of `RoutingSpec`). Groups are tried in the channel's
 * order; within a group the agent idle the longest takes a call, and a chat
 * goes to the agent serving the fewest chats (the longest at that level first).
 */

/**
 * The agent a new call (or a callback) of skill `s` goes to now: the longest
 * idle agent of the first group in voice's order that has one (the longest
 * idle of all such groups under `longestIdle`), or -1. An agent working a
 * message counts as idle (the message is broken off).
 */
export function voiceAgent(c: ChannelsCenter, s: number): number {
  const board = c.board;
  const order = c.input.order[0];
  const longest = c.input.rule === Rule.LongestIdle;
  let best = -1;
  for (let i = 0; i < order.length; i++) {
    const g = order[i] as number;
    if (!c.servesSkill(g, s)) continue;
    const a = board.listHead(g, 0);
    if (a < 0) continue;
    if (!longest) return a;
    if (best < 0 || (board.since[a] as number) < (board.since[best] as number)) best = a;
  }
  return best;
}

/**
 * The agent of group `g` that may take one more chat now, or -1: the one
 * serving the fewest chats, or with `pack` the most below the concurrency (the
 * longest at that level first); an idle agent of the reserve group only while
 * more than the reserve are idle.
 */
function chatAgentOf(c: ChannelsCenter, g: number): number {
  const board = c.board;
  const group = c.input.groups[g]!;
  const k = group.concurrency;
  const reserve =
    c.input.rule === Rule.ReserveForVoice && g === c.input.ruleGroup ? c.input.reserveAgents : -1;
  for (let i = 0; i < k; i++) {
    const level = group.pack ? k - 1 - i : i;
    if (level === 0 && board.listCount(g, 0) <= reserve) continue;
    const a = board.listHead(g, level);
    if (a >= 0) return a;
  }
  return -1;
}

/**
 * The agent a chat of skill `s` that has waited `waited` seconds goes to now:
 * in chat's group order, the first group with an agent below its concurrency
 * (the one serving the fewest chats); under `chatOverflow` the overflow group
 * only once the chat has waited long enough; under `reserveForVoice` an idle
 * agent of the group only while more than the reserve are idle; under
 * `longestIdle` the agent with the fewest chats across groups, the longest at
 * that level first. -1 when none.
 */
export function chatAgent(c: ChannelsCenter, s: number, waited: number): number {
  const board = c.board;
  const input = c.input;
  const order = input.order[1];
  const longest = input.rule === Rule.LongestIdle;
  let best = -1;
  for (let i = 0; i < order.length; i++) {
    const g = order[i] as number;
    if (!c.servesSkill(g, s)) continue;
    if (input.rule === Rule.ChatOverflow && g === input.ruleGroup && waited < input.overflowSeconds) continue;
    const a = chatAgentOf(c, g);
    if (a < 0) continue;
    if (!longest) return a;
    if (
      best < 0 ||
      (board.level[a] as number) < (board.level[best] as number) ||
      ((board.level[a] as number) === (board.level[best] as number) &&
        (board.since[a] as number) < (board.since[best] as number))
    ) {
      best = a;
    }
  }
  return best;
}

/** The queue `oldestHead` found, for the caller to pop. */
let picked: ContactQueue | null = null;

/**
 * The waiting contact of a channel, among the skills group `g` serves, that has
 * waited the longest (by `since`: its arrival, or for a callback when it became
 * due), or -1; `picked` is its queue. `minWait` excludes heads that have waited
 * less (the overflow rule).
 */
function oldestHead(c: ChannelsCenter, g: number, channel: number, minWait: number): number {
  const pool = c.pool;
  const now = c.kernel.now;
  let best = -1;
  let bestSince = Infinity;
  picked = null;
  for (let s = 0; s < c.input.skills; s++) {
    if (!c.servesSkill(g, s)) continue;
    const q = c.queue(channel, s);
    if (q.live === 0) continue;
    const slot = q.head(pool);
    if (slot < 0) continue;
    const since =
      channel === Channel.Callback ? (pool.deadline[slot] as number) : (pool.arrival[slot] as number);
    if (now - (pool.arrival[slot] as number) < minWait) continue;
    if (since < bestSince) {
      best = slot;
      bestSince = since;
      picked = q;
    }
  }
  return best;
}

/** When a contact found by `oldestHead` started waiting for an agent. */
function waitingSince(c: ChannelsCenter, channel: number, slot: number): number {
  return channel === Channel.Callback ? (c.pool.deadline[slot] as number) : (c.pool.arrival[slot] as number);
}

/**
 * One assignment for group `g`, if its rule allows one: a call or a callback
 * to its longest idle agent, else a chat to its agent with the fewest chats,
 * else a message to an idle agent working none. Returns whether it assigned.
 */
function assignOne(c: ChannelsCenter, g: number): boolean {
  const board = c.board;
  const input = c.input;
  const group = input.groups[g]!;
  const pool = c.pool;
  const longest = input.rule === Rule.LongestIdle;
  const idle = board.listHead(g, 0);
  let voiceSlot = -1;
  let voiceQueue: ContactQueue | null = null;
  let voiceChannel = 0;
  if (group.voice && idle >= 0) {
    // Calls and callbacks, in the rule's order.
    const live = oldestHead(c, g, Channel.Voice, 0);
    const liveQueue = picked;
    const back = input.callback !== null ? oldestHead(c, g, Channel.Callback, 0) : -1;
    const backQueue = picked;
    let takeBack: boolean;
    if (back < 0) takeBack = false;
    else if (live < 0) takeBack = true;
    else if (longest) takeBack = waitingSince(c, Channel.Callback, back) < (pool.arrival[live] as number);
    else takeBack = input.callback!.scheduled;
    voiceSlot = takeBack ? back : live;
    voiceQueue = takeBack ? backQueue : liveQueue;
    voiceChannel = takeBack ? Channel.Callback : Channel.Voice;
  }
  let chatSlot = -1;
  let chatQueue: ContactQueue | null = null;
  let chatTaker = -1;
  if (group.chat && (voiceSlot < 0 || longest)) {
    chatTaker = chatAgentOf(c, g);
    if (chatTaker >= 0) {
      const minWait = input.rule === Rule.ChatOverflow && g === input.ruleGroup ? input.overflowSeconds : 0;
      chatSlot = oldestHead(c, g, Channel.Chat, minWait);
      chatQueue = picked;
    }
  }
  if (voiceSlot >= 0 && chatSlot >= 0) {
    // Only under longestIdle: the contact that has waited the longest.
    if ((pool.arrival[chatSlot] as number) < waitingSince(c, voiceChannel, voiceSlot)) voiceSlot = -1;
    else chatSlot = -1;
  }
  if (voiceSlot >= 0) {
    voiceQueue!.pop(pool);
    if (voiceChannel === Channel.Voice) {
      c.waitingVoice--;
      c.patienceDue.cancel(voiceSlot);
      answerVoice(c, voiceSlot, idle);
    } else {
      placeCallback(c, voiceSlot, idle);
    }
    return true;
  }
  if (chatSlot >= 0) {
    chatQueue!.pop(pool);
    c.waitingChat--;
    c.patienceDue.cancel(chatSlot);
    startChat(c, chatSlot, chatTaker);
    return true;
  }
  if (group.message && (board.freeHead[g] as number) >= 0) {
    const slot = oldestHead(c, g, Channel.Message, 0);
    if (slot >= 0) {
      picked!.pop(pool);
      startMessage(c, slot, board.freeHead[g] as number);
      return true;
    }
  }
  return false;
}

/**
 * The deferred dispatch: once this instant's service ends, staffing changes and
 * abandonments are done, the free agents of each group asked for (an agent of
 * it freed, its staff rose, work it may take arrived or became due) take
 * waiting contacts by its rule until none it may take is left (groups in their
 * order; an assignment never frees capacity, so one pass suffices).
 */
export function dispatch(c: ChannelsCenter): void {
  const mask = c.dispatchGroups;
  c.dispatchGroups = 0;
  for (let g = 0; g < c.G; g++) {
    if ((mask & (1 << g)) === 0) continue;
    while (assignOne(c, g)) {
      // assigned; try again
    }
  }
}
