import { Kernel } from '../../engine/kernel.js';
import { EventPriority } from '../priority.js';
import { Task } from './agents.js';
import { endCallback, onCallbackDue } from './callback.js';
import { ChannelsCenter, type ChannelsInput } from './center.js';
import { abandonChat, endChat, onAssistantEnd, onChatArrival, onOverflow } from './chat.js';
import { Channel, ContactState } from './contacts.js';
import { closeInterval, integrate, onAdvance, onIntervalBoundary } from './interval.js';
import { endMessage, onMessageArrival } from './message.js';
import { dispatch } from './routing.js';
import { abandonVoice, endVoiceCall, onRedial, onVoiceArrival } from './voice.js';

/** What a run leaves besides the count columns. */
export interface ChannelsRunOutput {
  events: number;
  attempts: number;
  /** Calls waiting at the end. */
  stillWaiting: number;
  /** Agents on a call at the end. */
  busy: number;
  pendingRedials: number;
  /** Agents on duty in each group and interval (the input's). */
  agents: Int32Array[];
}

/** Handler of an agent's call end: its call or callback ends. */
function onCallEnd(c: ChannelsCenter, a: number): void {
  if (c.board.task[a] === Task.Call) endVoiceCall(c, a);
  else endCallback(c, a);
}

/** Handler of an agent's due event: its next chat or its message ends. */
function onAgentDue(c: ChannelsCenter, a: number): void {
  const board = c.board;
  if ((board.level[a] as number) > 0) endChat(c, a);
  else if ((board.message[a] as number) >= 0) endMessage(c, a);
  else throw new Error(`simulate: internal error, agent ${a} came due with nothing to end`);
}

/** Handler of a patience deadline: the waiting call or chat in `slot` abandons. */
function onPatience(c: ChannelsCenter, slot: number): void {
  if (c.pool.channel[slot] === Channel.Voice) abandonVoice(c, slot);
  else abandonChat(c, slot);
}

/**
 * Run the all-media center on the kernel: the ends of calls and callbacks in the
 * calendar (data: the agent), agents' next chat end or message end (one pending
 * per agent, moved as chats start and end, cancelled when a message is broken
 * off) and patience deadlines (keyed by contact, cancelled on answer) as keyed
 * events, arrivals of each channel and interval boundaries
 * as timers, redials, the assistant's ends, callbacks' times and chats'
 * overflow times in the calendar, the dispatch as a deferred action
 * (same-instant order `EventPriority`; a chat's overflow time comes with the
 * abandonments, before the dispatch it asks for). Runs to the horizon, then
 * closes the books: the last interval's sums and every contact still open.
 *
 * @param input what the run is made of (`prepareChannelsRun`)
 * @returns the end state; the count columns are filled in place
 * @example
 * const omni = firstDaysOf(readScenarioFile('data/shanghai-12333-2020/omnichannel.json').scenario, 1);
 * runChannels(prepareChannelsRun(omni, { seed: 1 }).input).events; // => 47645
 */
export function runChannels(input: ChannelsInput): ChannelsRunOutput {
  const kernel = new Kernel(1 << 12);
  const c = new ChannelsCenter(input, kernel);
  c.callEndKind = kernel.kind(EventPriority.ServiceEnd, (a) => onCallEnd(c, a));
  c.agentDue = kernel.keyed(EventPriority.ServiceEnd, (a) => onAgentDue(c, a), 1 << 10);
  const boundary = kernel.timer(EventPriority.StaffingChange, () => onIntervalBoundary(c, boundary));
  c.patienceDue = kernel.keyed(EventPriority.Abandonment, (slot) => onPatience(c, slot), 1 << 12);
  c.overflowKind = kernel.kind(EventPriority.Abandonment, (slot) => onOverflow(c, slot));
  c.dispatchAction = kernel.deferred(EventPriority.Dispatch, () => dispatch(c));
  c.redialKind = kernel.kind(EventPriority.Arrival, (slot) => onRedial(c, slot));
  c.assistantKind = kernel.kind(EventPriority.Arrival, (slot) => onAssistantEnd(c, slot));
  c.callbackKind = kernel.kind(EventPriority.Arrival, (slot) => onCallbackDue(c, slot));
  const voiceTimer = kernel.timer(EventPriority.Arrival, () => onVoiceArrival(c, voiceTimer));
  kernel.onAdvance(() => onAdvance(c));
  for (let g = 0; g < c.G; g++) c.setStaff(g, input.groups[g]!.agents[0]!);
  if (input.n > 1) kernel.setTimer(boundary, input.L);
  input.voice.arrivals.advance();
  kernel.setTimer(voiceTimer, input.voice.arrivals.nextTime);
  if (input.chat !== null) {
    const chat = input.chat;
    const chatTimer = kernel.timer(EventPriority.Arrival, () => onChatArrival(c, chatTimer));
    chat.arrivals.advance();
    kernel.setTimer(chatTimer, chat.arrivals.nextTime);
  }
  if (input.message !== null) {
    const message = input.message;
    const messageTimer = kernel.timer(EventPriority.Arrival, () => onMessageArrival(c, messageTimer));
    message.arrivals.advance();
    kernel.setTimer(messageTimer, message.arrivals.nextTime);
  }
  kernel.run(input.H);
  return finish(c);
}

/**
 * The end of the run at the horizon: the last interval's sums, and the
 * contacts still open counted as still waiting in their channel (calls and
 * chats waiting, messages not yet answered, callbacks not yet kept nor given
 * up); contacts still with the assistant are counted by the assistant's counts
 * (offered, neither resolved nor transferred).
 */
function finish(c: ChannelsCenter): ChannelsRunOutput {
  const input = c.input;
  const kernel = c.kernel;
  if (input.H > kernel.now) integrate(c, kernel.now, input.H);
  if (c.ci < input.n) closeInterval(c);
  const pool = c.pool;
  let stillWaiting = 0;
  for (let slot = 0; slot < pool.state.length; slot++) {
    const state = pool.state[slot];
    const channel = pool.channel[slot] as number;
    const open =
      state === ContactState.Waiting ||
      (channel === Channel.Message && state === ContactState.InService) ||
      (channel === Channel.Callback &&
        (state === ContactState.CallbackLater ||
          (state === ContactState.InService && pool.flag[slot] === 0)));
    if (!open) continue;
    input.columns[channel]!.stillWaiting[pool.row[slot]!]!++;
    if (channel === Channel.Voice) stillWaiting++;
  }
  let busy = 0;
  for (let g = 0; g < c.G; g++) busy += c.calls[g]!;
  return {
    events: kernel.events,
    attempts: c.attempts,
    stillWaiting,
    busy,
    pendingRedials: c.pendingRedials,
    agents: input.groups.map((g) => g.agents),
  };
}
