import { requireInRange, requireNonNegativeInteger, requireProbability } from '../core/validate.js';
import { wilsonInterval, type ProbabilityEstimate } from './evaluatePlan.js';

/*
 * The rule that turns a probability estimated from replications into a
 * verdict at the planner's confidence p. The point estimate alone cannot
 * decide: 10 replications that all meet a target give 100%, but the Wilson
 * 95% interval of 10 out of 10 reaches down to 72%, below a p of 90%, so the
 * replications do not show that the target is met with probability 90%.
 */

/** The verdict on a probability of meeting targets: `undecided` asks for more replications. */
export type Decision = 'pass' | 'fail' | 'undecided';

/**
 * Decide whether a probability estimated from replications reaches p: `pass`
 * when the whole confidence interval lies at or above p (its lower end is at
 * least p), `fail` when it lies below p (its upper end is below p), and
 * `undecided` when the interval straddles p: the replications are too few to
 * tell, and more are needed (`replicationsToDecide`).
 *
 * @param estimate the probability with its interval (`wilsonInterval`)
 * @param confidence the probability p the plan needs, in [0, 1]
 * @returns the decision
 * @throws {RangeError} when `confidence` is outside [0, 1]
 * @example
 * decideProbability(wilsonInterval(10, 10), 0.9); // => 'undecided'
 * decideProbability(wilsonInterval(40, 40), 0.9); // => 'pass'
 * decideProbability(wilsonInterval(1, 10), 0.9); // => 'fail'
 */
export function decideProbability(estimate: ProbabilityEstimate, confidence: number): Decision {
  requireProbability('decideProbability', 'confidence', confidence);
  if (estimate.low >= confidence) return 'pass';
  if (estimate.high < confidence) return 'fail';
  return 'undecided';
}

/** Most replications `replicationsToDecide` looks at. */
const MOST_REPLICATIONS = 100_000;

/**
 * How many replications in all would decide (`decideProbability`) if the
 * share observed so far held: the least n at or above the current count
 * whose Wilson interval, at round(share x n) successes, no longer straddles
 * p. Null when the estimate is already decided, or when no count up to
 * 100,000 would decide (the share is p itself, or within a hair of it).
 *
 * @param estimate the probability with its interval (its successes and trials are read)
 * @param confidence the probability p the plan needs, in [0, 1]
 * @param level the interval's confidence level, in (0, 1); 0.95 by default
 * @returns the replications in all, or null
 * @throws {RangeError} when an argument is out of range
 * @example
 * replicationsToDecide(wilsonInterval(10, 10), 0.9); // => 35
 * replicationsToDecide(wilsonInterval(40, 40), 0.9); // => null
 */
export function replicationsToDecide(
  estimate: ProbabilityEstimate,
  confidence: number,
  level = 0.95,
): number | null {
  const fn = 'replicationsToDecide';
  requireProbability(fn, 'confidence', confidence);
  requireInRange(fn, 'level', level, Number.MIN_VALUE, 1 - Number.EPSILON);
  requireNonNegativeInteger(fn, 'estimate.trials', estimate.trials);
  const share = estimate.trials > 0 ? estimate.successes / estimate.trials : 0;
  const decided = (n: number): boolean =>
    decideProbability(wilsonInterval(Math.round(share * n), n, level), confidence) !== 'undecided';
  if (estimate.trials > 0 && decided(estimate.trials)) return null;
  // A linear scan: with the successes rounded, "decided" is not monotone in n to the last replication.
  for (let n = Math.max(1, estimate.trials + 1); n <= MOST_REPLICATIONS; n++) if (decided(n)) return n;
  return null;
}
