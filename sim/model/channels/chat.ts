import { Duty } from './agents.js';
import { type ChannelsCenter, Rule } from './center.js';
import { Channel, ContactState } from './contacts.js';
import { chatAgent } from './routing.js';

/*
 * Online chat (see `ChatSpec`). Each agent's chats progress together at the
 * pace of its level: with m chats, each does 1 / handleStretch[m-1] seconds of
 * its work per second. The agent keeps a clock of that progress, `virtual`
 * (work done per chat since an arbitrary origin, brought up to date at `vt`
 * whenever the level changes); a chat started at virtual time V with work w
 * ends when the clock reaches V + w (kept in the slot's `work`). All of an
 * agent's chats move at the same pace, so they end in the order of those
 * finishing points, and the agent has one pending event: its next chat end.
 */

/** Handler of the chat arrival timer: an online contact enters (to the assistant first, when there is one). */
export function onChatArrival(c: ChannelsCenter, timer: number): void {
  const chat = c.input.chat!;
  const kernel = c.kernel;
  const now = kernel.now;
  chat.arrivals.advance();
  kernel.setTimer(timer, chat.arrivals.nextTime);
  const slot = c.takeContact(Channel.Chat, chat.uSkill);
  const pool = c.pool;
  const row = pool.row[slot]!;
  pool.work[slot] = chat.handle.next();
  pool.deadline[slot] = now + (chat.patience !== null ? chat.patience.next() : Infinity);
  const assistant = chat.assistant;
  if (assistant !== null) {
    pool.flag[slot] = assistant.uResolved.next() < assistant.resolvedShare ? 1 : 0;
    pool.state[slot] = ContactState.WithAssistant;
    c.input.columns[Channel.Chat]!.assistantOffered[row]!++;
    kernel.schedule(c.assistantKind, now + assistant.duration.next(), slot);
    return;
  }
  offerChat(c, slot);
}

/** Handler of the end of a contact's time with the assistant: resolved there, or transferred to the chat queue. */
export function onAssistantEnd(c: ChannelsCenter, slot: number): void {
  const pool = c.pool;
  const counts = c.input.columns[Channel.Chat]!;
  const row = pool.row[slot]!;
  counts.assistantSeconds[row]! += c.kernel.now - pool.arrival[slot]!;
  if (pool.flag[slot] === 1) {
    counts.assistantResolved[row]!++;
    counts.selfServed[row]!++;
    pool.release(slot);
    return;
  }
  counts.assistantTransferred[row]!++;
  offerChat(c, slot);
}

/**
 * A chat reaches the chat queue (directly, or transferred with its wait so far):
 * picked up at once by an agent with a free place when no chat of its skill
 * waits; else it waits until picked up or its patience (counted from its
 * arrival) runs out. One whose patience ran out with the assistant leaves at once.
 */
function offerChat(c: ChannelsCenter, slot: number): void {
  const pool = c.pool;
  const now = c.kernel.now;
  const counts = c.input.columns[Channel.Chat]!;
  const row = pool.row[slot]!;
  const skill = pool.skill[slot] as number;
  counts.offered[row]!++;
  counts.freshCallers[row]!++;
  const deadline = pool.deadline[slot]!;
  if (deadline <= now) {
    counts.waited[row]!++;
    countAbandoned(c, slot);
    pool.release(slot);
    return;
  }
  if (c.queue(Channel.Chat, skill).live === 0) {
    const agent = chatAgent(c, skill, now - pool.arrival[slot]!);
    if (agent >= 0) {
      startChat(c, slot, agent);
      return;
    }
  }
  counts.waited[row]!++;
  c.waitingChat++;
  pool.state[slot] = ContactState.Waiting;
  c.queue(Channel.Chat, skill).push(slot, pool);
  if (deadline !== Infinity) c.patienceDue.set(slot, deadline);
  const input = c.input;
  if (input.rule === Rule.ChatOverflow && input.overflowSeconds > 0) {
    const at = pool.arrival[slot]! + input.overflowSeconds;
    c.kernel.schedule(c.overflowKind, at > now ? at : now, slot);
  }
}

/** Handler of a chat's overflow time: the overflow group may take it now, if it still waits. */
export function onOverflow(c: ChannelsCenter, slot: number): void {
  if (c.pool.state[slot] === ContactState.Waiting && c.pool.channel[slot] === Channel.Chat)
    c.requestDispatch(1 << c.input.ruleGroup);
}

function countAbandoned(c: ChannelsCenter, slot: number): void {
  const pool = c.pool;
  const counts = c.input.columns[Channel.Chat]!;
  const row = pool.row[slot]!;
  const wait = c.kernel.now - pool.arrival[slot]!;
  counts.abandoned[row]!++;
  counts.waitAbandonedSeconds[row]! += wait;
  if (wait <= c.input.chat!.threshold) counts.abandonedWithin[row]!++;
}

/** A waiting chat's patience runs out: it leaves the queue (lazily). */
export function abandonChat(c: ChannelsCenter, slot: number): void {
  countAbandoned(c, slot);
  c.waitingChat--;
  c.queue(Channel.Chat, c.pool.skill[slot] as number).live--;
  c.pool.finish(slot);
}

/** Bring agent `a`'s clock of chat progress up to now, at the pace of its current level. */
function advanceProgress(c: ChannelsCenter, a: number): void {
  const board = c.board;
  const now = c.kernel.now;
  const level = board.level[a] as number;
  if (level > 0) board.virtual[a]! += (now - board.vt[a]!) * c.input.chat!.pace[level]!;
  board.vt[a] = now;
}

/** Set agent `a`'s next chat end from its chats' finishing points and its pace. */
function scheduleNextChatEnd(c: ChannelsCenter, a: number): void {
  const board = c.board;
  const level = board.level[a] as number;
  const base = a * board.maxLevel;
  const pool = c.pool;
  let earliest = Infinity;
  for (let j = 0; j < level; j++) {
    const finish = pool.work[board.chats[base + j]!]!;
    if (finish < earliest) earliest = finish;
  }
  const left = earliest - board.virtual[a]!;
  c.agentDue.set(a, c.kernel.now + (left > 0 ? left / c.input.chat!.pace[level]! : 0));
}

/**
 * Agent `a` picks up the chat in `slot` now: counted (its wait from its
 * arrival), added to the agent's chats at its finishing point (work at the
 * interval's learning-curve multiplier); the agent moves up a level (out of
 * the idle lists, its message broken off, when it was idle).
 */
export function startChat(c: ChannelsCenter, slot: number, a: number): void {
  const board = c.board;
  const pool = c.pool;
  const now = c.kernel.now;
  const chat = c.input.chat!;
  const g = board.group[a] as number;
  const counts = c.input.columns[Channel.Chat]!;
  const row = pool.row[slot]!;
  const wait = now - pool.arrival[slot]!;
  counts.answered[row]!++;
  counts.waitAnsweredSeconds[row]! += wait;
  if (wait <= chat.threshold) counts.answeredWithin[row]!++;
  counts.freshCallersAnswered[row]!++;
  pool.state[slot] = ContactState.InService;

  const level = board.level[a] as number;
  board.delist(a);
  if (level === 0) {
    board.delistFree(a);
    if ((board.message[a] as number) >= 0) c.breakOffMessage(a);
    c.chatAgents[g]!++;
  }
  advanceProgress(c, a);
  pool.work[slot] = board.virtual[a]! + pool.work[slot]! * c.input.workMultiplier[c.ci]!;
  board.chats[a * board.maxLevel + level] = slot;
  const next = level + 1;
  board.level[a] = next;
  c.chatsInService[g]!++;
  if (next > (c.maxLevel[g] as number)) c.maxLevel[g] = next;
  const k = c.input.groups[g]!.concurrency;
  if (next > k)
    throw new Error(`simulate: internal error, agent ${a} would serve ${next} chats (concurrency ${k})`);
  if (next < k && board.duty[a] === Duty.On) board.enlist(a, next, now);
  scheduleNextChatEnd(c, a);
}

/** Agent `a`'s next chat ends now: the chat is done; the agent moves down a level, or is free. */
export function endChat(c: ChannelsCenter, a: number): void {
  const board = c.board;
  const pool = c.pool;
  const g = board.group[a] as number;
  advanceProgress(c, a);
  const level = board.level[a] as number;
  const base = a * board.maxLevel;
  let j = 0;
  for (let i = 1; i < level; i++) {
    if (pool.work[board.chats[base + i]!]! < pool.work[board.chats[base + j]!]!) j = i;
  }
  pool.release(board.chats[base + j]!);
  board.chats[base + j] = board.chats[base + level - 1]!;
  const next = level - 1;
  board.level[a] = next;
  c.chatsInService[g]!--;
  board.delist(a);
  if (next === 0) {
    c.chatAgents[g]!--;
    c.agentFree(a);
    return;
  }
  if (board.duty[a] === Duty.On) board.enlist(a, next, c.kernel.now);
  scheduleNextChatEnd(c, a);
  c.requestDispatch(1 << g);
}
