import { requireNonNegativeFinite, requirePositiveInteger } from '../core/validate.js';
import type { ObservedCall } from './types.js';

/** Agents seen in one interval. */
export interface AgentsInInterval {
  /** Interval start, local seconds. */
  readonly startSeconds: number;
  /** Time-average number of agents present (inside a stretch of work), in agents. */
  readonly agentsPresent: number;
  /** Time-average number of agents talking or wrapping up, in agents. */
  readonly agentsBusy: number;
  /** Distinct agents present at some moment of the interval. */
  readonly agentsSeen: number;
}

/** Agents present per interval, and what the estimate could not see. */
export interface AgentsPresentEstimate {
  readonly intervalSeconds: number;
  readonly maxIdleGapSeconds: number;
  /** Every interval from midnight of the first service's day to the end of the last service. */
  readonly intervals: readonly AgentsInInterval[];
  /** Distinct agents in the records. */
  readonly agents: number;
  /** Answered calls with no agent, whose service time is in no agent's stretch. */
  readonly answeredWithoutAgent: number;
}

/** Options of {@link agentsPresentPerInterval}. */
export interface AgentsPresentOptions {
  /**
   * Interval length, in seconds.
   *
   * __Default value:__ `1800`
   */
  intervalSeconds?: number;
  /**
   * The longest idle gap, in seconds, between two calls of an agent that still
   * counts as being logged in; a longer gap ends a stretch (a break, a meeting,
   * the end of a shift).
   *
   * __Default value:__ `1800` (half an hour)
   */
  maxIdleGapSeconds?: number;
}

/**
 * Agents present per interval, inferred from service records. An agent is
 * present from the start of the first call of a stretch to the end of its last
 * call, where a stretch is a run of the agent's calls with idle gaps of at most
 * `maxIdleGapSeconds`. A service starts at arrival + wait and lasts the handle time.
 *
 * Agents logged in but idle: idle time between two calls of a stretch counts as
 * present; idle time before the first call or after the last call of a stretch,
 * and gaps longer than `maxIdleGapSeconds`, are invisible in service records, so
 * the estimate is a lower bound on agents logged in. It is close when agents
 * are rarely idle (a queue most of the time) and low in quiet hours, where an
 * agent who waited 40 minutes for a call does not count. `agentsBusy` is exact.
 *
 * @param records call records (answered calls with an `agentId` are used)
 * @param options interval length and longest idle gap
 * @returns per-interval averages and the number of answered calls with no agent
 * @throws {RangeError} for a bad option
 * @example
 * // one agent serving 08:00-08:10 and 08:20-08:30, 30-minute intervals, gap 10 min allowed
 * const at = (hour: number, minute: number) => Date.UTC(2020, 0, 6, hour, minute) / 1000;
 * const records = [
 *   { arrivalSeconds: at(8, 0), waitSeconds: 0, outcome: 'answered', handleSeconds: 600, agentId: 'A' },
 *   { arrivalSeconds: at(8, 20), waitSeconds: 0, outcome: 'answered', handleSeconds: 600, agentId: 'A' },
 * ] as const;
 * agentsPresentPerInterval(records).intervals[16]; // => { agentsPresent: 1, agentsBusy: 2 / 3, agentsSeen: 1 }
 */
export function agentsPresentPerInterval(
  records: readonly ObservedCall[],
  options: AgentsPresentOptions = {},
): AgentsPresentEstimate {
  const fn = 'agentsPresentPerInterval';
  const intervalSeconds = options.intervalSeconds ?? 1800;
  const maxIdleGapSeconds = options.maxIdleGapSeconds ?? 1800;
  requirePositiveInteger(fn, 'intervalSeconds', intervalSeconds);
  requireNonNegativeFinite(fn, 'maxIdleGapSeconds', maxIdleGapSeconds);

  const services = new Map<string, [number, number][]>();
  let answeredWithoutAgent = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const r of records) {
    if (r.outcome !== 'answered') continue;
    if (r.agentId === undefined) {
      answeredWithoutAgent++;
      continue;
    }
    const start = r.arrivalSeconds + r.waitSeconds;
    const end = start + (r.handleSeconds ?? 0);
    let list = services.get(r.agentId);
    if (list === undefined) services.set(r.agentId, (list = []));
    list.push([start, end]);
    first = Math.min(first, start);
    last = Math.max(last, end);
  }
  if (services.size === 0) {
    return { intervalSeconds, maxIdleGapSeconds, intervals: [], agents: 0, answeredWithoutAgent };
  }
  const origin = Math.floor(first / 86_400) * 86_400;
  const count = Math.max(1, Math.ceil((last - origin) / intervalSeconds));
  const present = new Float64Array(count);
  const busy = new Float64Array(count);
  const seen = new Float64Array(count);

  // Add the part of [a, b) in each interval to `into`; mark the intervals touched.
  const spread = (a: number, b: number, into: Float64Array, mark: Set<number> | undefined) => {
    const k0 = Math.max(0, Math.floor((a - origin) / intervalSeconds));
    if (b <= a) {
      if (mark !== undefined && k0 < count) mark.add(k0); // a zero-length call still shows the agent
      return;
    }
    const k1 = Math.min(count - 1, Math.ceil((b - origin) / intervalSeconds) - 1);
    for (let k = k0; k <= k1; k++) {
      const lo = origin + k * intervalSeconds;
      const overlap = Math.min(b, lo + intervalSeconds) - Math.max(a, lo);
      if (overlap > 0) {
        into[k]! += overlap;
        mark?.add(k);
      }
    }
  };

  for (const list of services.values()) {
    list.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const touched = new Set<number>();
    let stretchStart = list[0]![0];
    let stretchEnd = list[0]![1];
    let busyEnd = -Infinity;
    for (const [start, end] of list) {
      // busy time: union of the agent's services (overlaps would be a data error; not counted twice)
      const from = Math.max(start, busyEnd);
      if (end > from) spread(from, end, busy, undefined);
      busyEnd = Math.max(busyEnd, end);
      if (start - stretchEnd > maxIdleGapSeconds) {
        spread(stretchStart, stretchEnd, present, touched);
        stretchStart = start;
        stretchEnd = end;
      } else {
        stretchEnd = Math.max(stretchEnd, end);
      }
    }
    spread(stretchStart, stretchEnd, present, touched);
    for (const k of touched) seen[k]!++;
  }
  const intervals: AgentsInInterval[] = [];
  for (let k = 0; k < count; k++) {
    intervals.push({
      startSeconds: origin + k * intervalSeconds,
      agentsPresent: present[k]! / intervalSeconds,
      agentsBusy: busy[k]! / intervalSeconds,
      agentsSeen: seen[k]!,
    });
  }
  return { intervalSeconds, maxIdleGapSeconds, intervals, agents: services.size, answeredWithoutAgent };
}
