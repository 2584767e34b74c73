import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelProblems } from '../../sim/model/channels/check.js';
import { workingDeadline } from '../../sim/model/channels/message.js';
import type { ChannelsSpec } from '../../sim/model/channels/types.js';
import { deterministic, exponential, lognormal } from '../../sim/model/distributions.js';
import { simulate, simulateWithScheme } from '../../sim/model/simulate.js';
import type { Scenario } from '../../sim/model/types.js';
import { DEFAULT_SURVEY } from '../../sim/model/satisfaction.js';
import { DEFAULT_LEARNING_CURVE } from '../../sim/model/workforce.js';

const DAYS = 4;
const PER_DAY = 48;
const dayShape = Array.from({ length: PER_DAY }, (_, i) => (i >= 16 && i < 40 ? 2 : 0.4));

/** A small center: voice with self-service, patience, redials, busyness, a staffing table. */
function voiceScenario(extra: Partial<Scenario> = {}): Scenario {
  return {
    startDate: '2020-03-02',
    days: DAYS,
    intervalMinutes: 30,
    arrivals: { kind: 'profile', dailyVolume: 4_000, intradayShares: dayShape },
    handle: lognormal(200, 1),
    patience: exponential(90),
    selfServiceShare: 0.1,
    dayBusynessCv: 0.1,
    redial: { redialProbability: 0.5, maxAttempts: 3, delay: exponential(600) },
    agents: {
      kind: 'perInterval',
      counts: Array.from({ length: DAYS * PER_DAY }, (_, i) =>
        i % PER_DAY >= 16 && i % PER_DAY < 40 ? 24 : 5,
      ),
    },
    answerWithinSeconds: 20,
    ...extra,
  };
}

const chat = (extra: Partial<NonNullable<ChannelsSpec['chat']>> = {}): NonNullable<ChannelsSpec['chat']> => ({
  arrivals: { kind: 'ratioOfVoice', ratio: 0.3 },
  handle: lognormal(400, 0.8),
  handleStretch: [1, 1.25, 1.6],
  patience: exponential(240),
  answerWithinSeconds: 60,
  ...extra,
});

const message: NonNullable<ChannelsSpec['message']> = {
  arrivals: { kind: 'ratioOfVoice', ratio: 0.05 },
  handle: lognormal(300, 0.7),
  deadlineWorkingSeconds: 8 * 3600,
  workingHours: { fromSeconds: 9 * 3600, toSeconds: 17 * 3600 },
};

const callback: NonNullable<ChannelsSpec['callback']> = {
  offerAboveWaitSeconds: 45,
  acceptShare: 0.4,
  placement: 'whenFree',
  answerProbability: 0.8,
  ringSeconds: 30,
  maxAttempts: 2,
  retryDelay: exponential(900),
  answerWithinSeconds: 3600,
};

/** Voice, chat, messages and callbacks on a voice group, an online group and a blended group. */
function allChannels(
  routing: ChannelsSpec['routing'] = { kind: 'voiceFirst' },
  withMessages = true,
): Scenario {
  return voiceScenario({
    channels: {
      groups: [
        { name: 'voice', channels: ['voice'], agents: { kind: 'share', share: 0.6 } },
        {
          name: 'online',
          channels: withMessages ? ['chat', 'message'] : ['chat'],
          agents: { kind: 'share', share: 0.2 },
          chatConcurrency: 3,
        },
        {
          name: 'blended',
          channels: withMessages ? ['voice', 'chat', 'message'] : ['voice', 'chat'],
          agents: { kind: 'share', share: 0.2 },
          chatConcurrency: 2,
        },
      ],
      routing,
      chat: chat({ assistant: { resolvedShare: 0.29, duration: lognormal(45, 0.7) } }),
      ...(withMessages ? { message } : {}),
      callback,
      skills: [
        { name: '社保', share: 0.6 },
        { name: '就业', share: 0.4 },
      ],
    },
  });
}

describe('simulate with channels: voice', () => {
  // One group serving voice alone with every agent: the same streams, the same draws per
  // attempt, the same same-instant order and the voice model's rule that the agents who log
  // off at a staffing drop are the first to become free, so the same calls end alike.
  it('on one voice group gives exactly the voice model (eager scheme), workforce, redials and survey included', () => {
    const base = voiceScenario({
      waitingRoom: 12,
      survey: DEFAULT_SURVEY,
      workforce: {
        spec: {
          initialStaff: 30,
          turnover: 0.6,
          hiring: { policy: 'backfill', recruitmentLagDays: 1, trainingDays: 1 },
          learningCurve: DEFAULT_LEARNING_CURVE,
        },
      },
    });
    const omni: Scenario = {
      ...base,
      channels: { groups: [{ name: 'all', channels: ['voice'], agents: { kind: 'share', share: 1 } }] },
    };
    for (const seed of [1, 2]) {
      const voice = simulateWithScheme(base, { seed }, 'eager');
      const channels = simulate(omni, { seed });
      expect(channels.horizon).toEqual(voice.horizon);
      expect(channels.quarters).toEqual(voice.quarters);
      expect(channels.intervals.map((row) => row.agents)).toEqual(voice.intervals.map((row) => row.agents));
      expect(channels.channels?.voice.horizon.offered).toBe(voice.horizon.offered);
      expect(channels.horizon.surveyed).toBeGreaterThan(0);
      expect(channels.survey).toEqual(voice.survey);
    }
  });

  it('keeps the top-level rows and KPIs those of voice', () => {
    const result = simulate(allChannels(), { seed: 3 });
    const voice = result.channels!.voice;
    expect(result.kpis).toEqual(voice.kpis);
    expect(result.horizon.answered).toBe(voice.horizon.answered);
    expect(result.horizon.offered).toBe(voice.horizon.offered);
  });
});

describe('simulate with channels: conservation and invariants', () => {
  const result = simulate(allChannels(), { seed: 5 });
  const ch = result.channels!;

  it('every contact of every channel is answered, abandoned, blocked or still open', () => {
    const v = ch.voice.horizon;
    expect(v.offered).toBe(v.answered + v.abandoned + v.blocked + v.stillWaiting);
    const c = ch.chat!.horizon;
    expect(c.offered).toBe(c.answered + c.abandoned + c.stillWaiting);
    const m = ch.message!.horizon;
    expect(m.offered).toBe(m.answered + m.handledLate + m.stillWaiting);
    expect(m.answered).toBeGreaterThan(0);
  });

  it('callbacks conserve customers: every attempt is offered live or becomes a request, kept, given up or pending', () => {
    const v = ch.voice.horizon;
    const cb = ch.callback!.horizon;
    expect(result.timing.attempts).toBe(v.offered + v.callbacksAccepted);
    expect(cb.offered).toBe(v.callbacksAccepted);
    expect(cb.offered).toBe(cb.answered + cb.callbacksNotReached + cb.stillWaiting);
    expect(cb.offered).toBeGreaterThan(50);
    // Each kept callback took one answered call; each given-up request took every try.
    expect(cb.callbackCalls).toBeGreaterThanOrEqual(cb.answered + 2 * cb.callbacksNotReached);
  });

  it('the assistant resolves its share and transfers the rest to chat with their wait so far', () => {
    const c = ch.chat!.horizon;
    // Those still with the assistant at the end are neither resolved nor transferred.
    const withAssistant = c.assistantOffered - c.assistantResolved - c.assistantTransferred;
    expect(withAssistant).toBeGreaterThanOrEqual(0);
    expect(withAssistant).toBeLessThan(10);
    expect(c.offered).toBe(c.assistantTransferred);
    expect(c.assistantResolved / c.assistantOffered).toBeGreaterThan(0.25);
    expect(c.assistantResolved / c.assistantOffered).toBeLessThan(0.33);
    expect(ch.chat!.kpis.answerRateIncludingSelfService).toBeGreaterThan(ch.chat!.kpis.answerRate!);
  });

  it('no agent serves more chats than its group allows, and the online group reaches its limit', () => {
    const [voice, online, blended] = result.groups!;
    expect(voice!.horizon.maxConcurrency).toBe(0);
    expect(online!.horizon.maxConcurrency).toBe(3);
    expect(blended!.horizon.maxConcurrency).toBeLessThanOrEqual(2);
    for (const group of result.groups!) {
      for (const q of group.quarters) expect(q.maxConcurrency).toBeLessThanOrEqual(group.chatConcurrency);
      expect(group.kpis.meanConcurrency ?? 0).toBeLessThanOrEqual(Math.max(group.chatConcurrency, 0) + 1e-12);
    }
  });

  it('messages use only time calls and chats leave: the same seed gives voice and chat the same results without them', () => {
    const without = simulate(allChannels({ kind: 'voiceFirst' }, false), { seed: 5 });
    expect(without.channels!.voice.horizon).toEqual(ch.voice.horizon);
    expect(without.channels!.chat!.horizon).toEqual(ch.chat!.horizon);
    expect(without.channels!.callback!.horizon).toEqual(ch.callback!.horizon);
  });

  it('is determined by the seed', () => {
    expect(simulate(allChannels(), { seed: 5 }).channels).toEqual(ch);
  });

  it('property: counts conserve and concurrency stays within k for any routing and staffing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ChannelsSpec['routing']>(
          { kind: 'voiceFirst' },
          { kind: 'longestIdle' },
          { kind: 'chatOverflow', group: 'blended', afterSeconds: 20 },
          { kind: 'reserveForVoice', group: 'blended', agents: 1 },
        ),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 1000 }),
        (routing, k, seed) => {
          const s = allChannels(routing);
          const groups = s.channels!.groups.map((g) =>
            g.name === 'online' ? { ...g, chatConcurrency: k } : g,
          );
          const stretch = [1, 1.2, 1.5, 1.9];
          const r = simulate(
            {
              ...s,
              days: 1,
              agents: { kind: 'constant', count: 12 },
              channels: { ...s.channels!, groups, chat: { ...s.channels!.chat!, handleStretch: stretch } },
            },
            { seed },
          );
          const c = r.channels!.chat!.horizon;
          expect(c.offered).toBe(c.answered + c.abandoned + c.stillWaiting);
          const cb = r.channels!.callback!.horizon;
          expect(cb.offered).toBe(cb.answered + cb.callbacksNotReached + cb.stillWaiting);
          for (const group of r.groups!)
            expect(group.horizon.maxConcurrency).toBeLessThanOrEqual(group.chatConcurrency);
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('simulate with channels: chats slow down with their agent’s level', () => {
  // One agent, two chats at once, each twice as slow when together. Chat A at 0 s and
  // chat B at 10 s, 100 s of work each: A alone for 10 s (10 done), then both at half
  // pace; A's 90 s left take 180 s, so A ends at 190 s, when B has done 90; B alone ends
  // at 200 s. Chat-seconds 190 + 190 = 380 over 200 agent-seconds with a chat: 1.9.
  it('two overlapping chats end at the instants the pace model gives', () => {
    const scenario: Scenario = {
      startDate: '2020-03-02',
      days: 1,
      intervalMinutes: 1440,
      arrivals: { kind: 'at', seconds: [] },
      handle: exponential(100),
      agents: { kind: 'constant', count: 1 },
      answerWithinSeconds: 20,
      channels: {
        groups: [
          { name: 'online', channels: ['chat'], agents: { kind: 'share', share: 1 }, chatConcurrency: 2 },
        ],
        chat: {
          arrivals: { kind: 'at', seconds: [0, 10] },
          handle: deterministic(100),
          handleStretch: [1, 2],
          answerWithinSeconds: 5,
        },
      },
    };
    const r = simulate(scenario, { seed: 1 });
    const g = r.groups![0]!.horizon;
    expect(g.chatSeconds).toBeCloseTo(380, 9);
    expect(g.chatAgentSeconds).toBeCloseTo(200, 9);
    expect(g.maxConcurrency).toBe(2);
    expect(r.channels!.chat!.horizon.answered).toBe(2);
    expect(r.channels!.chat!.horizon.waitAnsweredSeconds).toBe(0);
  });
});

describe('simulate with channels: routing rules', () => {
  it('keeps the blended group off chat when its reserve is all its agents, or chats overflow only after a day', () => {
    for (const routing of [
      { kind: 'reserveForVoice', group: 'blended', agents: 1000 },
      { kind: 'chatOverflow', group: 'blended', afterSeconds: 86_400 * 10 },
    ] as const) {
      const r = simulate(allChannels(routing), { seed: 2 });
      expect(r.groups![2]!.horizon.chatAgentSeconds).toBe(0);
      expect(r.groups![1]!.horizon.chatAgentSeconds).toBeGreaterThan(0);
    }
    const plain = simulate(allChannels({ kind: 'voiceFirst' }), { seed: 2 });
    expect(plain.groups![2]!.horizon.chatAgentSeconds).toBeGreaterThan(0);
  });

  it('sends each skill only to the groups that have it', () => {
    const s = allChannels();
    const groups = [
      {
        name: 'social',
        channels: ['voice'] as const,
        agents: { kind: 'share' as const, share: 0.5 },
        skills: ['社保'],
      },
      {
        name: 'jobs',
        channels: ['voice'] as const,
        agents: { kind: 'share' as const, share: 0.5 },
        skills: ['就业'],
      },
    ];
    const r = simulate({ ...s, channels: { groups, skills: s.channels!.skills! } }, { seed: 1 });
    const [social, jobs] = r.groups!;
    // About 60% of the calls need 社保 on half the agents: that group is the busier.
    expect(social!.kpis.occupancy!).toBeGreaterThan(jobs!.kpis.occupancy!);
  });
});

describe('workingDeadline', () => {
  const open = 9 * 3600;
  const close = 17 * 3600;
  it('counts only working hours of working days', () => {
    // Monday 16:00 + 2 working hours: Tuesday 10:00.
    expect(workingDeadline(16 * 3600, 7200, open, close, Uint8Array.of(1, 1))).toBe(86_400 + 10 * 3600);
    // Friday 20:00 + 1 working hour, Saturday and Sunday off: Monday 10:00.
    expect(workingDeadline(20 * 3600, 3600, open, close, Uint8Array.of(1, 0, 0, 1))).toBe(
      3 * 86_400 + 10 * 3600,
    );
    // Before opening: counts from the opening.
    expect(workingDeadline(3600, 8 * 3600, open, close, Uint8Array.of(1))).toBe(close);
    // Past the horizon every day works.
    expect(workingDeadline(16 * 3600, 2 * 3600, open, close, Uint8Array.of(1))).toBe(86_400 + 10 * 3600);
  });
});

describe('channel problems', () => {
  const base = voiceScenario();
  const bad =
    (channels: unknown): (() => unknown) =>
    () =>
      simulate({ ...base, channels: channels as ChannelsSpec }, { seed: 1 });
  it('names the field: a concurrency of 0, a group serving no channel, a routing rule naming an unknown group', () => {
    expect(
      bad({
        groups: [
          { name: 'g', channels: ['voice', 'chat'], agents: { kind: 'share', share: 1 }, chatConcurrency: 0 },
        ],
        chat: chat(),
      }),
    ).toThrow('simulate: scenario.channels.groups[0].chatConcurrency must be a positive integer');
    expect(bad({ groups: [{ name: 'g', channels: [], agents: { kind: 'share', share: 1 } }] })).toThrow(
      'simulate: scenario.channels.groups[0].channels must name at least one channel',
    );
    expect(
      bad({
        groups: [{ name: 'g', channels: ['voice'], agents: { kind: 'share', share: 1 } }],
        routing: { kind: 'reserveForVoice', group: 'nobody', agents: 2 },
      }),
    ).toThrow(
      'simulate: scenario.channels.routing.group names no agent group (got "nobody"; the groups are g)',
    );
    expect(
      bad({
        groups: [{ name: 'g', channels: ['chat'], agents: { kind: 'share', share: 1 }, chatConcurrency: 2 }],
        chat: chat(),
      }),
    ).toThrow('simulate: scenario.channels.groups has contacts but no agent group serves voice');
  });

  it('lists every problem at once, each with its JSON path', () => {
    const scenario = {
      ...voiceScenario(),
      faults: { levels: [] },
      channels: {
        skills: [
          { name: 'a', share: 0.7 },
          { name: 'a', share: 0.2 },
        ],
        groups: [
          { name: 'x', channels: ['voice', 'voice'], agents: { kind: 'share', share: 2 }, skills: ['b'] },
          {
            name: 'x',
            channels: ['chat'],
            agents: { kind: 'constant', count: 1.5 },
            chatConcurrency: 0,
            chatAssignment: 'pile',
          },
        ],
        routing: { kind: 'chatOverflow', group: 'y', afterSeconds: -1, order: { chat: ['x'] } },
        chat: {
          arrivals: { kind: 'table', callsPerInterval: [1] },
          handle: { kind: 'exponential', meanSeconds: -1 },
          handleStretch: [2],
          answerWithinSeconds: 10,
          assistant: { resolvedShare: 2, duration: exponential(10) },
        },
        message: {
          arrivals: { kind: 'ratioOfVoice', ratio: 1 },
          handle: exponential(10),
          deadlineWorkingSeconds: 0,
          workingHours: { fromSeconds: 10, toSeconds: 5 },
          workingDays: [true],
        },
        callback: { ...callback, placement: 'scheduled', retryDelay: undefined },
      },
    } as unknown as Scenario;
    expect(channelProblems(scenario, true).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'channels.skills[1].name: repeats the skill "a"',
      'channels.skills: shares must sum to 1 (got 0.8999999999999999)',
      'channels.groups[0].channels[1]: repeats voice',
      'channels.groups[0].agents.share: must be a probability in [0, 1] (got 2)',
      'channels.groups[0].skills[0]: names no skill of channels.skills (got "b")',
      'channels.groups[1].name: repeats the name of groups[0] ("x")',
      'channels.groups[1].agents.count: must be a non-negative integer (got 1.5)',
      'channels.groups[1].chatConcurrency: must be a positive integer: the chats an agent serves at once (got 0)',
      'channels.groups[1].chatAssignment: must be spread or pack (got pile)',
      'channels.routing.group: names no agent group (got "y"; the groups are x)',
      'channels.routing.afterSeconds: must be a finite number >= 0 (got -1)',
      'channels.routing.order.chat[0]: names a group that does not serve chat (got "x")',
      'channels.groups: has contacts of skill "a" but no group serving voice has that skill',
      `channels.chat.arrivals.callsPerInterval: must hold one value per interval, ${DAYS * PER_DAY} (got 1)`,
      'channels.chat.handle.meanSeconds: must be a finite number > 0 (got -1)',
      'channels.chat.handleStretch[0]: must be 1: a chat served alone takes its handle time (got 2)',
      'channels.chat.assistant.resolvedShare: must be a probability in [0, 1] (got 2)',
      'channels.message.deadlineWorkingSeconds: must be a finite number > 0 (got 0)',
      'channels.message.workingHours: must be a window of the day, 0 <= fromSeconds < toSeconds <= 86400 (got {"fromSeconds":10,"toSeconds":5})',
      `channels.message.workingDays: must hold one true or false per day of the horizon, ${DAYS} (got 1)`,
      "channels.message.arrivals: has contacts but no agent group serves message (add message to a group's channels)",
      'channels.callback.delay: is required for a scheduled callback (the time the caller chooses)',
      'channels.callback.retryDelay: is required when maxAttempts > 1 (the time before the next try)',
      'faults: are not modelled with channels yet (remove faults, or channels)',
    ]);
  });
});
