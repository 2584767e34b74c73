import { Task } from './agents.js';
import { acceptCallback, offersCallback } from './callback.js';
import type { ChannelsCenter } from './center.js';
import { Channel, ContactState } from './contacts.js';
import { voiceAgent } from './routing.js';

/*
 * The voice channel on agent groups: the voice model's callers (self-service,
 * patience, a waiting room, redials; the same streams and the same draws per
 * attempt in the same order), answered by the agents of the groups that serve
 * voice. Every waiting caller with a finite patience has its deadline as a
 * keyed event, cancelled when answered (the voice model's eager scheme); a
 * caller who will redial draws its redial delay when it starts to wait, as the
 * voice model does since its redial became one event.
 */

/** Handler of the voice arrival timer: a fresh call enters; the timer is set to the next one. */
export function onVoiceArrival(c: ChannelsCenter, timer: number): void {
  const kernel = c.kernel;
  const voice = c.input.voice;
  voice.arrivals.advance();
  kernel.setTimer(timer, voice.arrivals.nextTime);
  if (voice.selfShare > 0 && voice.uSelf.next() < voice.selfShare) {
    c.input.columns[Channel.Voice]!.selfServed[c.rowNow()]!++;
    return;
  }
  const pool = c.pool;
  const slot = pool.take();
  const row = c.rowNow();
  pool.channel[slot] = Channel.Voice;
  pool.caller[slot] = c.callers++;
  pool.attempt[slot] = 1;
  pool.firstRow[slot] = row;
  pool.measured[slot] = row < c.input.n ? 1 : 0;
  c.input.columns[Channel.Voice]!.freshCallers[row]!++;
  offerVoice(c, slot, true);
}

/** Handler of a redial event: the caller's next attempt (in `slot`) enters. */
export function onRedial(c: ChannelsCenter, slot: number): void {
  c.pendingRedials--;
  offerVoice(c, slot, false);
}

/**
 * An attempt reaches the voice queue now: the draws of the voice model (handle
 * time, patience, whether the caller redials should it fail), then its skill
 * (first attempts) and, with callbacks, whether the caller would accept one.
 * Answered at once by a free agent when no caller of its skill waits; else
 * blocked when the waiting room is full or no agent serving its skill is on
 * duty in this interval (the line is closed, as in the voice model); else offered a callback when the
 * expected wait is long (and perhaps accepting it); else it waits.
 */
function offerVoice(c: ChannelsCenter, slot: number, first: boolean): void {
  const voice = c.input.voice;
  const pool = c.pool;
  const now = c.kernel.now;
  c.attempts++;
  const row = pool.measured[slot] === 1 ? c.ci : c.input.n;
  pool.arrival[slot] = now;
  const h = voice.handle.next();
  const patienceSeconds = voice.patience !== null ? voice.patience.next() : Infinity;
  pool.flag[slot] =
    voice.redials && pool.attempt[slot]! < voice.maxAttempts && voice.uRedial.next() < voice.redialProbability
      ? 1
      : 0;
  if (first) pool.skill[slot] = c.drawSkill(voice.uSkill);
  const accepts = c.input.callback !== null && c.input.callback.uAccept.next() < c.input.callback.acceptShare;
  pool.work[slot] = h;
  pool.row[slot] = row;
  const skill = pool.skill[slot] as number;
  const counts = c.input.columns[Channel.Voice]!;
  if (c.queue(Channel.Voice, skill).live === 0) {
    const agent = voiceAgent(c, skill);
    if (agent >= 0) {
      counts.offered[row]!++;
      answerVoice(c, slot, agent);
      return;
    }
  }
  if (c.waitingVoice >= voice.waitingRoom || !voiceOnDuty(c, skill)) {
    counts.offered[row]!++;
    fail(c, slot);
    return;
  }
  if (accepts && offersCallback(c)) {
    counts.callbacksAccepted[row]!++;
    acceptCallback(c, slot);
    return;
  }
  counts.offered[row]!++;
  counts.waited[row]!++;
  c.waitingVoice++;
  pool.state[slot] = ContactState.Waiting;
  c.queue(Channel.Voice, skill).push(slot, pool);
  const deadline = now + patienceSeconds;
  pool.deadline[slot] = deadline;
  if (patienceSeconds !== Infinity) {
    // As in the voice model, a caller who will redial draws its redial instant when it
    // starts to wait (used only if its patience runs out).
    if (pool.flag[slot] === 1) pool.redialAt[slot] = deadline + voice.redialDelay!.next();
    c.patienceDue.set(slot, deadline);
  }
}

/** Whether any group serving voice and skill `s` has agents on duty in the current interval. */
function voiceOnDuty(c: ChannelsCenter, s: number): boolean {
  const groups = c.input.groups;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    if (group.voice && c.servesSkill(g, s) && group.agents[c.ci]! > 0) return true;
  }
  return false;
}

/**
 * Agent `a` answers the call in `slot` now: busy for its handle time at the
 * interval's multiplier (learners are slower; time of day), the answer counted.
 */
export function answerVoice(c: ChannelsCenter, slot: number, a: number): void {
  const pool = c.pool;
  const voice = c.input.voice;
  const now = c.kernel.now;
  const wait = now - pool.arrival[slot]!;
  const h = pool.work[slot]! * voice.handleMultiplier[c.ci]!;
  pool.state[slot] = ContactState.InService;
  c.startCall(a, slot, Task.Call, h);
  const counts = c.input.columns[Channel.Voice]!;
  const row = pool.row[slot]!;
  counts.answered[row]!++;
  counts.waitAnsweredSeconds[row]! += wait;
  if (wait <= voice.threshold) counts.answeredWithin[row]!++;
  counts.freshCallersAnswered[pool.firstRow[slot]!]!++;
  const survey = voice.survey;
  if (survey !== null && c.surveyGap-- === 0)
    c.surveyGap = survey.select(row, wait, pool.attempt[slot]!, now);
}

/** The call served by agent `a` ends: the slot is done, the agent free. */
export function endVoiceCall(c: ChannelsCenter, a: number): void {
  c.pool.finish(c.board.contact[a] as number);
  c.endCall(a);
}

/** The attempt in `slot` meets a busy tone: counted; the caller redials (same slot) or gives up. */
function fail(c: ChannelsCenter, slot: number): void {
  const pool = c.pool;
  c.input.columns[Channel.Voice]!.blocked[pool.row[slot]!]!++;
  if (pool.flag[slot] === 1) {
    pool.attempt[slot]!++;
    pool.state[slot] = ContactState.RedialPending;
    c.pendingRedials++;
    c.kernel.schedule(c.redialKind, c.kernel.now + c.input.voice.redialDelay!.next(), slot);
  } else {
    pool.release(slot);
  }
}

/**
 * A waiting call's patience runs out: counted as abandoned; the caller redials at
 * the instant drawn when it started to wait (its next attempt in a new slot, the
 * queue still holding this one) or gives up.
 */
export function abandonVoice(c: ChannelsCenter, slot: number): void {
  const pool = c.pool;
  const now = c.kernel.now;
  const wait = now - pool.arrival[slot]!;
  const counts = c.input.columns[Channel.Voice]!;
  const row = pool.row[slot]!;
  counts.abandoned[row]!++;
  counts.waitAbandonedSeconds[row]! += wait;
  if (wait <= c.input.voice.threshold) counts.abandonedWithin[row]!++;
  c.waitingVoice--;
  c.queue(Channel.Voice, pool.skill[slot] as number).live--;
  if (pool.flag[slot] === 1) {
    const next = pool.take();
    // Read the columns again: taking a slot may have grown the pool.
    const p = c.pool;
    p.channel[next] = Channel.Voice;
    p.skill[next] = p.skill[slot]!;
    p.caller[next] = p.caller[slot]!;
    p.attempt[next] = p.attempt[slot]! + 1;
    p.firstRow[next] = p.firstRow[slot]!;
    p.measured[next] = p.measured[slot]!;
    p.state[next] = ContactState.RedialPending;
    c.pendingRedials++;
    c.kernel.schedule(c.redialKind, p.redialAt[slot]!, next);
  }
  pool.finish(slot);
}
