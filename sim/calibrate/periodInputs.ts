import { requirePositiveInteger } from '../core/validate.js';
import { agentsPresentPerInterval } from './agentsPresent.js';
import type { ObservedCall } from './types.js';

const DAY = 86_400;

/** A run of whole days, `YYYY-MM-DD` to `YYYY-MM-DD`, both included. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/**
 * The first second of an ISO date on the local clock (`Date.UTC` / 1000), or
 * `undefined` when it is not a real date.
 *
 * @example
 * localDaySeconds('1999-02-15'); // => 919036800
 */
export function localDaySeconds(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / 1000 : undefined;
}

/** The ISO date of a local-clock second. */
export function localDate(seconds: number): string {
  return new Date(Math.floor(seconds / DAY) * DAY * 1000).toISOString().slice(0, 10);
}

/** The records whose arrival falls on the days of `range`. */
export function recordsInDays(records: readonly ObservedCall[], range: DayRange): ObservedCall[] {
  const from = localDaySeconds(range.from)!;
  const to = localDaySeconds(range.to)! + DAY;
  return records.filter((r) => r.arrivalSeconds >= from && r.arrivalSeconds < to);
}

/** What a planner knows of a period in advance: the calls per interval and the agents scheduled. */
export interface PeriodInputs {
  /** The days, in order. */
  readonly days: readonly string[];
  readonly intervalSeconds: number;
  /** Calls that asked for an agent (answered or abandoned), per interval of the period. */
  readonly callsPerInterval: readonly number[];
  /** Time-average agents scheduled per interval (stretches of work, `agentsPresentPerInterval`). */
  readonly agentsScheduled: readonly number[];
  /** `agentsScheduled` rounded to whole agents, as the simulator takes them. */
  readonly agentsRounded: readonly number[];
  /** Days with calls but no call served by a named agent: no agents can be scheduled for them. */
  readonly daysWithoutAgents: readonly { readonly date: string; readonly firstRow: number | undefined }[];
}

/**
 * The inputs of a period a planner has in advance, from the period's records:
 * calls per interval (the arrival of each call that asked for an agent) and
 * agents scheduled per interval: an agent is scheduled from the start of the
 * first call of a stretch of work to the end of its last one, a stretch ending
 * where the agent served nothing for more than `maxIdleGapSeconds` (60 minutes);
 * no idle-gap cut beyond that and no busy time enter (issue 13's rule for a
 * held-out day, whose roster the records do not hold). Nothing about waits,
 * abandonments or service times of the period is used.
 *
 * @param records call records (any days; those of `range` are used)
 * @param range the days of the period
 * @param options interval length and the idle gap that ends a stretch
 * @returns per-interval calls and agents, and the days that have calls but no named agent
 * @throws {RangeError} for a bad range or option
 * @example
 * const bank = readAnonymousBankCalls('data/anonymous-bank/calls-1999-02.tsv');
 * periodInputs(bank.records, { from: '1999-02-15', to: '1999-02-28' }).callsPerInterval.length; // => 14 * 96
 */
export function periodInputs(
  records: readonly ObservedCall[],
  range: DayRange,
  options: { intervalSeconds?: number; maxIdleGapSeconds?: number } = {},
): PeriodInputs {
  const fn = 'periodInputs';
  const intervalSeconds = options.intervalSeconds ?? 900;
  requirePositiveInteger(fn, 'intervalSeconds', intervalSeconds);
  if (DAY % intervalSeconds !== 0)
    throw new RangeError(`${fn}: intervalSeconds must divide a day (got ${intervalSeconds})`);
  const from = localDaySeconds(range.from);
  const to = localDaySeconds(range.to);
  if (from === undefined)
    throw new RangeError(`${fn}: range.from must be a date YYYY-MM-DD (got ${range.from})`);
  if (to === undefined) throw new RangeError(`${fn}: range.to must be a date YYYY-MM-DD (got ${range.to})`);
  if (to < from)
    throw new RangeError(`${fn}: range.to must not be before range.from (got ${range.from} to ${range.to})`);
  const dayCount = (to - from) / DAY + 1;
  const perDay = DAY / intervalSeconds;
  const own = recordsInDays(records, range);
  const calls = new Array<number>(dayCount * perDay).fill(0);
  for (const r of own) {
    if (r.outcome === 'blocked') continue;
    calls[Math.floor((r.arrivalSeconds - from) / intervalSeconds)]!++;
  }
  const agents = new Array<number>(dayCount * perDay).fill(0);
  const days: string[] = [];
  const daysWithoutAgents: { date: string; firstRow: number | undefined }[] = [];
  for (let d = 0; d < dayCount; d++) {
    const date = localDate(from + d * DAY);
    days.push(date);
    const today = own.filter((r) => localDate(r.arrivalSeconds) === date);
    const estimate = agentsPresentPerInterval(today, {
      intervalSeconds,
      maxIdleGapSeconds: options.maxIdleGapSeconds ?? 3600,
    });
    if (today.length > 0 && estimate.agents === 0) daysWithoutAgents.push({ date, firstRow: today[0]!.row });
    for (const interval of estimate.intervals) {
      const k = Math.round((interval.startSeconds - from) / intervalSeconds);
      if (k >= 0 && k < agents.length) agents[k]! += interval.agentsPresent;
    }
  }
  return {
    days,
    intervalSeconds,
    callsPerInterval: calls,
    agentsScheduled: agents,
    agentsRounded: agents.map((a) => Math.round(a)),
    daysWithoutAgents,
  };
}
