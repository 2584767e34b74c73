import { Task } from './agents.js';
import type { ChannelsCenter } from './center.js';
import { Channel, ContactState } from './contacts.js';

/*
 * Callbacks (virtual hold), see `CallbackSpec`. A request keeps the voice
 * attempt's slot, its arrival (the request's time), its handle time (the talk
 * when the caller is reached) and its row; `attempt` counts the calls placed,
 * `deadline` holds when it joined the callback queue, `flag` whether the call
 * being placed is answered.
 */

/**
 * Whether a caller who must wait now is offered a callback: the expected wait,
 * (callers waiting + 1) x the mean voice handle time / the agents on duty in
 * the groups serving voice, exceeds the threshold.
 */
export function offersCallback(c: ChannelsCenter): boolean {
  const callback = c.input.callback!;
  let agents = 0;
  for (let g = 0; g < c.G; g++) if (c.input.groups[g]!.voice) agents += c.onDuty[g] as number;
  const expected = agents > 0 ? ((c.waitingVoice + 1) * c.input.voice.meanHandleSeconds) / agents : Infinity;
  return expected > callback.offerAboveWaitSeconds;
}

/** The caller in `slot` accepts a callback instead of waiting: a request of the callback channel. */
export function acceptCallback(c: ChannelsCenter, slot: number): void {
  const pool = c.pool;
  const callback = c.input.callback!;
  const now = c.kernel.now;
  const counts = c.input.columns[Channel.Callback]!;
  const row = pool.row[slot]!;
  pool.channel[slot] = Channel.Callback;
  pool.attempt[slot] = 0;
  counts.offered[row]!++;
  counts.freshCallers[row]!++;
  c.pendingCallbacks++;
  if (callback.scheduled) {
    pool.state[slot] = ContactState.CallbackLater;
    c.kernel.schedule(c.callbackKind, now + callback.delay!.next(), slot);
  } else {
    enqueue(c, slot);
  }
}

function enqueue(c: ChannelsCenter, slot: number): void {
  const pool = c.pool;
  pool.state[slot] = ContactState.Waiting;
  pool.deadline[slot] = c.kernel.now;
  c.queue(Channel.Callback, pool.skill[slot] as number).push(slot, pool);
}

/** Handler of a callback's time (the caller's chosen time, or the next try): it joins the callback queue. */
export function onCallbackDue(c: ChannelsCenter, slot: number): void {
  enqueue(c, slot);
  c.requestDispatch(c.voiceGroups);
}

/**
 * Agent `a` places the callback in `slot`: the caller answers (a draw per call)
 * and talks for the request's handle time at the interval's multiplier (the
 * callback is kept), or does not, and the agent spends `ringSeconds` on it.
 */
export function placeCallback(c: ChannelsCenter, slot: number, a: number): void {
  const pool = c.pool;
  const callback = c.input.callback!;
  const now = c.kernel.now;
  const counts = c.input.columns[Channel.Callback]!;
  const row = pool.row[slot]!;
  pool.attempt[slot]!++;
  counts.callbackCalls[row]!++;
  pool.state[slot] = ContactState.InService;
  const answered = callback.uAnswer.next() < callback.answerProbability;
  pool.flag[slot] = answered ? 1 : 0;
  if (answered) {
    const wait = now - pool.arrival[slot]!;
    counts.answered[row]!++;
    counts.waitAnsweredSeconds[row]! += wait;
    if (wait <= callback.threshold) counts.answeredWithin[row]!++;
    counts.freshCallersAnswered[row]!++;
    c.pendingCallbacks--;
    c.startCall(a, slot, Task.Callback, pool.work[slot]! * c.input.voice.handleMultiplier[c.ci]!);
  } else {
    c.startCall(a, slot, Task.Callback, callback.ringSeconds);
  }
}

/** Agent `a` ends a callback: kept, tried again later, or given up after the last try. */
export function endCallback(c: ChannelsCenter, a: number): void {
  const pool = c.pool;
  const callback = c.input.callback!;
  const slot = c.board.contact[a] as number;
  if (pool.flag[slot] === 1) {
    pool.release(slot);
  } else if (pool.attempt[slot]! < callback.maxAttempts) {
    pool.state[slot] = ContactState.CallbackLater;
    c.kernel.schedule(c.callbackKind, c.kernel.now + callback.retryDelay!.next(), slot);
  } else {
    c.input.columns[Channel.Callback]!.callbacksNotReached[pool.row[slot]!]!++;
    c.pendingCallbacks--;
    pool.release(slot);
  }
  c.endCall(a);
}
