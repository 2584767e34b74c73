import type { CallCenter } from './callCenter.js';

/**
 * The kernel's advance hook: the time-weighted sums of the current interval
 * (measured seconds, agent-seconds, busy agent-seconds, caller-seconds of
 * waiting) grow from the instant the clock left to the new one.
 */
export function onAdvance(c: CallCenter): void {
  integrate(c, c.kernel.previous, c.kernel.now);
}

/** The time-weighted sums grow from `from` to `to`, seconds, within the measured time. */
export function integrate(c: CallCenter, from: number, to: number): void {
  const start = c.measureStart;
  const span = to - (start > from ? start : from); // -Infinity before measurement starts
  if (!c.cohortClosed && span > 0) {
    c.measuredSum += span;
    c.agentSum += c.staffed * span;
    c.busySum += c.busy * span;
    c.waitingSum += c.waiting * span;
    c.overtimeSum += Math.max(0, c.busy - c.staffed) * span; // agents finishing a call past their shift's end
  }
}

/** Write the current interval's time-weighted sums to its row. */
export function closeInterval(c: CallCenter): void {
  const counts = c.counts;
  const ci = c.ci;
  counts.measuredSeconds[ci] = c.measuredSum;
  counts.agentSeconds[ci] = c.agentSum;
  counts.busyAgentSeconds[ci] = c.busySum;
  counts.waitingCallerSeconds[ci] = c.waitingSum;
  counts.overtimeAgentSeconds[ci] = c.overtimeSum;
}

/**
 * Handler of the interval-boundary timer: the interval's sums are closed, the
 * next interval's agents come on the phones (less the seats lost to faults under
 * way), and free agents take waiting callers.
 */
export function onIntervalBoundary(c: CallCenter, timer: number): void {
  closeInterval(c);
  c.measuredSum = 0;
  c.agentSum = 0;
  c.busySum = 0;
  c.waitingSum = 0;
  c.overtimeSum = 0;
  const ci = ++c.ci;
  c.staffed = c.staffedNow();
  c.kernel.setTimer(timer, ci + 1 < c.n ? (ci + 1) * c.L : Infinity);
  c.dispatchIfNeeded();
}
