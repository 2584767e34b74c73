import { PERIOD_COUNT_FIELDS } from '../kpis.js';
import type { ChannelCounts, ChannelExtraCounts, GroupCounts } from './types.js';

/** The fields of `ChannelExtraCounts`, in a fixed order. */
export const CHANNEL_EXTRA_FIELDS = [
  'callbacksAccepted',
  'callbackCalls',
  'callbacksNotReached',
  'handledLate',
  'responseSeconds',
  'backlogSeconds',
  'assistantOffered',
  'assistantResolved',
  'assistantTransferred',
  'assistantSeconds',
] as const satisfies readonly (keyof ChannelExtraCounts)[];

/** The fields of `ChannelCounts`: the voice queue's, then the extras (roll-ups sum them). */
export const CHANNEL_COUNT_FIELDS = [
  ...PERIOD_COUNT_FIELDS,
  ...CHANNEL_EXTRA_FIELDS,
] as const satisfies readonly (keyof ChannelCounts)[];

/** The time-weighted fields of `GroupCounts` (summed by roll-ups), then the most chats at once (its maximum). */
export const GROUP_SUM_FIELDS = [
  'agentSeconds',
  'busyAgentSeconds',
  'voiceAgentSeconds',
  'chatAgentSeconds',
  'chatSeconds',
  'messageAgentSeconds',
  'overtimeAgentSeconds',
] as const satisfies readonly (keyof GroupCounts)[];

/** Every per-interval column of a group. */
export const GROUP_COUNT_FIELDS = [...GROUP_SUM_FIELDS, 'maxConcurrency'] as const;
