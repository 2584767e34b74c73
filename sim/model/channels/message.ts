import { Duty } from './agents.js';
import type { ChannelsCenter } from './center.js';
import { Channel, ContactState } from './contacts.js';

/*
 * Offline messages (see `MessageSpec`): a backlog per skill, worked by idle
 * agents of the groups serving messages, broken off by any call or chat offered
 * to the agent (`ChannelsCenter.breakOffMessage`), answered on time when done
 * by the deadline counted in working hours.
 */

const DAY = 86_400;

/**
 * The instant `workSeconds` of working time after `t`: working time runs only
 * inside `[fromSeconds, toSeconds)` of working days (every day after the
 * horizon counts as working).
 *
 * @param t the start, seconds from the horizon's start
 * @param workSeconds working seconds to count, > 0
 * @param fromSeconds start of the working hours, seconds from midnight
 * @param toSeconds their end, seconds from midnight
 * @param workingDays 1 for each working day of the horizon
 * @returns the deadline, seconds from the horizon's start
 * @example
 * // Monday 16:00, 2 working hours of 09:00-17:00: Tuesday 10:00
 * workingDeadline(16 * 3600, 7200, 9 * 3600, 17 * 3600, Uint8Array.of(1, 1)); // => 86400 + 10 * 3600
 */
export function workingDeadline(
  t: number,
  workSeconds: number,
  fromSeconds: number,
  toSeconds: number,
  workingDays: Uint8Array,
): number {
  let left = workSeconds;
  for (let day = Math.floor(t / DAY); ; day++) {
    if (day < workingDays.length && workingDays[day] === 0) continue;
    const open = day * DAY + fromSeconds;
    const close = day * DAY + toSeconds;
    const start = t > open ? t : open;
    if (start < close) {
      if (left <= close - start) return start + left;
      left -= close - start;
    }
  }
}

/** Handler of the message arrival timer: a message joins its backlog. */
export function onMessageArrival(c: ChannelsCenter, timer: number): void {
  const message = c.input.message!;
  const kernel = c.kernel;
  const now = kernel.now;
  message.arrivals.advance();
  kernel.setTimer(timer, message.arrivals.nextTime);
  const slot = c.takeContact(Channel.Message, message.uSkill);
  const pool = c.pool;
  const row = pool.row[slot]!;
  pool.work[slot] = message.handle.next() * c.input.workMultiplier[c.ci]!;
  pool.deadline[slot] = workingDeadline(
    now,
    message.deadlineWorkingSeconds,
    message.fromSeconds,
    message.toSeconds,
    message.workingDays,
  );
  const counts = c.input.columns[Channel.Message]!;
  counts.offered[row]!++;
  counts.freshCallers[row]!++;
  counts.waited[row]!++;
  pool.state[slot] = ContactState.Waiting;
  c.queue(Channel.Message, pool.skill[slot] as number).push(slot, pool);
  c.waitingMessages++;
  c.openMessages++;
  c.requestDispatch(c.messageGroups);
}

/** Agent `a`, idle and working no message, starts (or resumes) the message in `slot` now. */
export function startMessage(c: ChannelsCenter, slot: number, a: number): void {
  const board = c.board;
  const now = c.kernel.now;
  board.delistFree(a);
  board.message[a] = slot;
  board.messageStart[a] = now;
  c.pool.state[slot] = ContactState.InService;
  c.waitingMessages--;
  c.messageAgents[board.group[a] as number]!++;
  c.agentDue.set(a, now + c.pool.work[slot]!);
}

/** Agent `a` finishes its message now: answered on time (by its deadline) or late; the agent is free for another. */
export function endMessage(c: ChannelsCenter, a: number): void {
  const board = c.board;
  const pool = c.pool;
  const now = c.kernel.now;
  const slot = board.message[a] as number;
  const counts = c.input.columns[Channel.Message]!;
  const row = pool.row[slot]!;
  const response = now - pool.arrival[slot]!;
  if (now <= pool.deadline[slot]!) {
    counts.answered[row]!++;
    counts.answeredWithin[row]!++;
    counts.freshCallersAnswered[row]!++;
    counts.waitAnsweredSeconds[row]! += response;
  } else {
    counts.handledLate[row]!++;
  }
  counts.responseSeconds[row]! += response;
  c.openMessages--;
  c.messageAgents[board.group[a] as number]!--;
  board.message[a] = -1;
  pool.release(slot);
  if (board.duty[a] === Duty.On) board.enlistFree(a);
  c.requestDispatch(1 << (board.group[a] as number));
}
