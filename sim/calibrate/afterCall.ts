import { requireNonNegativeFinite } from '../core/validate.js';
import type { ObservedCall } from './types.js';

/** Options of {@link afterCallUnavailability}. */
export interface AfterCallOptions {
  /**
   * The longest idle gap between two calls of an agent, seconds, inside one
   * stretch of work; a longer one ends the stretch (the agent was not scheduled).
   *
   * __Default value:__ `3600` (the rule of the agents scheduled, `agentsPresentPerInterval`)
   */
  readonly maxIdleGapSeconds?: number;
}

/** What the records say of the time agents left waiting callers unanswered after a call. */
export interface AfterCallEstimate {
  /**
   * One value per call an agent ended while a caller was waiting (and followed
   * by another call of the same stretch): the seconds, until the agent's next
   * call, during which callers were waiting. After-call work, breaks and other
   * work, as the queue felt them.
   */
  readonly samplesSeconds: readonly number[];
  /** For each sample, the whole gap from the end of the call to the agent's next call, seconds. */
  readonly gapsSeconds: readonly number[];
  /** For each sample, the hour of the day (0-23) in which the call ended. */
  readonly hours: readonly number[];
  /** Calls followed by another call of the same agent's stretch. */
  readonly callsFollowed: number;
  /** Mean and median of the samples, seconds (0 without samples). */
  readonly meanSeconds: number;
  readonly medianSeconds: number;
  /** Mean of the whole gaps (end of a call to the next call) behind the samples, seconds. */
  readonly meanGapSeconds: number;
}

/**
 * After-call unavailability from call records: when an agent ends a call while
 * callers wait, an agent free for the queue would take the next one at once; the
 * time the agent takes instead, counted only while some caller is still waiting,
 * is time the queue lost to after-call work, breaks or other work. Taken over the
 * calls that ended with callers waiting, it is what each answered call costs the
 * queue beyond its talk time: the simulator adds one draw of it to each call's
 * handle time (see `calibrateBehaviour`).
 *
 * Why not the whole gap to the next call: part of it may pass with nobody
 * waiting (the agent was free, the queue empty), which costs nothing. Why not
 * agents' idle share: in quiet hours agents are idle because nobody calls.
 * A service starts at arrival + wait and lasts the handle time (for the bank's
 * records, `ser_start` is within 3 s of `q_start + q_time` in every row).
 *
 * @param records call records; answered calls with an `agentId` give the agents' calls,
 *   answered and abandoned calls with a wait give the times callers waited
 * @param options the longest idle gap inside a stretch
 * @returns one sample per call ended with callers waiting, with its hour of day
 * @throws {RangeError} for a bad option
 * @example
 * // agent A: calls 10:00:00-10:03:00 and 10:04:00-10:06:00; a caller waits 10:02:00-10:04:00
 * const at = (hour: number, minute: number) => Date.UTC(2020, 0, 6, hour, minute) / 1000;
 * const records = [
 *   { arrivalSeconds: at(10, 0), waitSeconds: 0, outcome: 'answered', handleSeconds: 180, agentId: 'A' },
 *   { arrivalSeconds: at(10, 2), waitSeconds: 120, outcome: 'answered', handleSeconds: 120, agentId: 'A' },
 * ] as const;
 * afterCallUnavailability(records).samplesSeconds; // => [60]
 */
export function afterCallUnavailability(
  records: readonly ObservedCall[],
  options: AfterCallOptions = {},
): AfterCallEstimate {
  const fn = 'afterCallUnavailability';
  const maxGap = options.maxIdleGapSeconds ?? 3600;
  requireNonNegativeFinite(fn, 'maxIdleGapSeconds', maxGap);

  // The union of the times some caller was waiting, as sorted disjoint [from, to).
  const waits: [number, number][] = [];
  for (const r of records) {
    if (r.outcome !== 'blocked' && r.waitSeconds > 0)
      waits.push([r.arrivalSeconds, r.arrivalSeconds + r.waitSeconds]);
  }
  waits.sort((a, b) => a[0] - b[0]);
  const from: number[] = [];
  const to: number[] = [];
  for (const [a, b] of waits) {
    if (to.length > 0 && a <= to[to.length - 1]!) to[to.length - 1] = Math.max(to[to.length - 1]!, b);
    else {
      from.push(a);
      to.push(b);
    }
  }
  /** Index of the last union piece starting at or before t (-1 if none). */
  const pieceAt = (t: number): number => {
    let lo = 0;
    let hi = from.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (from[mid]! <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const waitingAt = (t: number): boolean => {
    const i = pieceAt(t);
    return i >= 0 && t < to[i]!;
  };
  const waitingWithin = (a: number, b: number): number => {
    let total = 0;
    for (let i = Math.max(0, pieceAt(a)); i < from.length && from[i]! < b; i++) {
      total += Math.max(0, Math.min(b, to[i]!) - Math.max(a, from[i]!));
    }
    return total;
  };

  const byAgent = new Map<string, [number, number][]>();
  for (const r of records) {
    if (r.outcome !== 'answered' || r.agentId === undefined) continue;
    const start = r.arrivalSeconds + r.waitSeconds;
    let list = byAgent.get(r.agentId);
    if (list === undefined) byAgent.set(r.agentId, (list = []));
    list.push([start, start + (r.handleSeconds ?? 0)]);
  }
  const samples: number[] = [];
  const gaps: number[] = [];
  const hours: number[] = [];
  let callsFollowed = 0;
  let gapTotal = 0;
  for (const list of byAgent.values()) {
    list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let i = 1; i < list.length; i++) {
      const end = list[i - 1]![1];
      const next = list[i]![0];
      if (next - end > maxGap) continue;
      callsFollowed++;
      if (!waitingAt(end)) continue;
      samples.push(next > end ? waitingWithin(end, next) : 0);
      gaps.push(Math.max(0, next - end));
      gapTotal += Math.max(0, next - end);
      hours.push(Math.floor((((end % 86_400) + 86_400) % 86_400) / 3600));
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  return {
    samplesSeconds: samples,
    gapsSeconds: gaps,
    hours,
    callsFollowed,
    meanSeconds: n > 0 ? sorted.reduce((a, b) => a + b, 0) / n : 0,
    medianSeconds:
      n === 0 ? 0 : n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2,
    meanGapSeconds: n > 0 ? gapTotal / n : 0,
  };
}
