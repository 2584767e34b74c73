import { ChannelSum, type ChannelsCenter, GroupSum } from './center.js';
import { Channel } from './contacts.js';

/** The kernel's advance hook: the interval's time-weighted sums grow from the instant the clock left to now. */
export function onAdvance(c: ChannelsCenter): void {
  integrate(c, c.kernel.previous, c.kernel.now);
}

/** The time-weighted sums grow from `from` to `to`, seconds, within the measured time (after the warm-up). */
export function integrate(c: ChannelsCenter, from: number, to: number): void {
  const start = c.input.warmupSeconds;
  const span = to - (start > from ? start : from);
  if (!(span > 0)) return;
  const sums = c.channelSums;
  sums[ChannelSum.Measured]! += span;
  sums[ChannelSum.VoiceWaiting]! += c.waitingVoice * span;
  sums[ChannelSum.ChatWaiting]! += c.waitingChat * span;
  sums[ChannelSum.MessageWaiting]! += c.waitingMessages * span;
  sums[ChannelSum.MessageOpen]! += c.openMessages * span;
  sums[ChannelSum.CallbackPending]! += c.pendingCallbacks * span;
  const groupSums = c.groupSums;
  const counters = c.groupCounters;
  for (let k = 0; k < counters.length; k++) groupSums[k]! += counters[k]! * span;
}

/**
 * Write the current interval's time-weighted sums to its rows: each group's
 * agent time by what it did, and each channel's agents (the groups serving it),
 * agents busy on it and contacts waiting.
 */
export function closeInterval(c: ChannelsCenter): void {
  const ci = c.ci;
  const input = c.input;
  const sums = c.channelSums;
  const measured = sums[ChannelSum.Measured]!;
  const agentsOf = c.agentsOf; // agent-seconds of the groups serving voice, chat, message
  const busyOn = c.busyOn; // agent-seconds busy on voice, chat, message, callback
  const overtimeOf = c.overtimeOf; // agent-seconds past a shift's end of the groups serving each channel
  agentsOf.fill(0);
  overtimeOf.fill(0);
  busyOn.fill(0);
  for (let g = 0; g < c.G; g++) {
    const G = c.G;
    const group = input.groups[g]!;
    const columns = input.groupColumns[g]!;
    const onDuty = c.groupSums[GroupSum.OnDuty * G + g]!;
    const call = c.groupSums[GroupSum.Call * G + g]!;
    const callback = c.groupSums[GroupSum.Callback * G + g]!;
    const chatAgents = c.groupSums[GroupSum.ChatAgents * G + g]!;
    const message = c.groupSums[GroupSum.Message * G + g]!;
    const overtime = c.groupSums[GroupSum.Leaving * G + g]!;
    columns.agentSeconds[ci] = onDuty;
    columns.busyAgentSeconds[ci] = call + callback + chatAgents + message;
    columns.voiceAgentSeconds[ci] = call + callback;
    columns.chatAgentSeconds[ci] = chatAgents;
    columns.chatSeconds[ci] = c.groupSums[GroupSum.Chats * G + g]!;
    columns.messageAgentSeconds[ci] = message;
    columns.overtimeAgentSeconds[ci] = overtime;
    columns.maxConcurrency[ci] = c.maxLevel[g]!;
    if (group.voice) {
      agentsOf[Channel.Voice]! += onDuty;
      overtimeOf[Channel.Voice]! += overtime;
    }
    if (group.chat) {
      agentsOf[Channel.Chat]! += onDuty;
      overtimeOf[Channel.Chat]! += overtime;
    }
    if (group.message) {
      agentsOf[Channel.Message]! += onDuty;
      overtimeOf[Channel.Message]! += overtime;
    }
    busyOn[Channel.Voice]! += call;
    busyOn[Channel.Chat]! += chatAgents;
    busyOn[Channel.Message]! += message;
    busyOn[Channel.Callback]! += callback;
  }
  agentsOf[Channel.Callback] = agentsOf[Channel.Voice]!;
  overtimeOf[Channel.Callback] = overtimeOf[Channel.Voice]!;
  for (let channel = 0; channel < 4; channel++) {
    const columns = input.columns[channel]!;
    columns.measuredSeconds[ci] = measured;
    columns.agentSeconds[ci] = agentsOf[channel]!;
    columns.busyAgentSeconds[ci] = busyOn[channel]!;
    columns.overtimeAgentSeconds[ci] = overtimeOf[channel]!;
  }
  input.columns[Channel.Voice]!.waitingCallerSeconds[ci] = sums[ChannelSum.VoiceWaiting]!;
  input.columns[Channel.Chat]!.waitingCallerSeconds[ci] = sums[ChannelSum.ChatWaiting]!;
  input.columns[Channel.Message]!.waitingCallerSeconds[ci] = sums[ChannelSum.MessageWaiting]!;
  input.columns[Channel.Callback]!.waitingCallerSeconds[ci] = sums[ChannelSum.CallbackPending]!;
  input.columns[Channel.Message]!.backlogSeconds[ci] = sums[ChannelSum.MessageOpen]!;
}

/** Start the next interval's sums at 0, and each group's most chats at what its agents serve now. */
function resetSums(c: ChannelsCenter): void {
  c.channelSums.fill(0);
  c.groupSums.fill(0);
  const board = c.board;
  for (let g = 0; g < c.G; g++) {
    let most = 0;
    for (let a = board.first[g]!; a < board.first[g + 1]!; a++)
      if (board.level[a]! > most) most = board.level[a]!;
    c.maxLevel[g] = most;
  }
}

/**
 * Handler of the interval-boundary timer: the interval's sums are closed, each
 * group goes to the next interval's agents, and free agents take waiting work.
 */
export function onIntervalBoundary(c: ChannelsCenter, timer: number): void {
  closeInterval(c);
  resetSums(c);
  const ci = ++c.ci;
  for (let g = 0; g < c.G; g++) c.setStaff(g, c.input.groups[g]!.agents[ci]!);
  c.kernel.setTimer(timer, ci + 1 < c.input.n ? (ci + 1) * c.input.L : Infinity);
}
