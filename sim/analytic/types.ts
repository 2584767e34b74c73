/**
 * One stationary queue: the parameters shared by `queueMetrics` (exact formulas)
 * and `simulateQueue` (the simulator), so that formula and simulation can be put
 * side by side.
 */
export interface QueueParams {
  /** Agents answering calls, a non-negative integer. */
  agents: number;
  /** Offered calls per hour (Poisson arrivals), >= 0. */
  arrivalsPerHour: number;
  /** Mean handle time (talk + wrap-up) in seconds, > 0. Exponential in the formulas. */
  meanHandleSeconds: number;
  /**
   * Mean patience of a waiting caller in seconds, exponential (Erlang A).
   *
   * __Default value:__ `Infinity` (nobody abandons; Erlang C)
   */
  meanPatienceSeconds?: number;
  /**
   * Places for callers waiting (trunk lines minus agents); a caller who finds
   * them all taken is blocked (busy tone). `0` is Erlang B.
   *
   * __Default value:__ `Infinity` (unlimited)
   */
  waitingRoom?: number;
  /** The service-level threshold t, in seconds (answered within t). */
  answerWithinSeconds: number;
}

/**
 * Steady-state performance of a queue. Shares are over offered calls unless
 * said otherwise; blocked calls are offered, do not wait and are not answered.
 */
export interface QueueMetrics {
  /** Offered load in erlangs: arrivals per second x mean handle seconds. */
  offeredErlangs: number;
  /** Answered / offered. `answerRate + abandonRate + blockRate = 1`. */
  answerRate: number;
  /** Abandoned while waiting / offered. */
  abandonRate: number;
  /** Blocked (waiting room full) / offered. */
  blockRate: number;
  /** Share of offered calls that wait (admitted and find every agent busy). */
  probWait: number;
  /** Answered within t / offered. */
  serviceLevel: number;
  /** Answered within t / answered. */
  serviceLevelOfAnswered: number;
  /** Answered within t / (offered - blocked - abandoned within t). */
  serviceLevelExcludingShortAbandons: number;
  /** Mean wait of answered calls, seconds (ASA). */
  asaSeconds: number;
  /** Mean wait of calls admitted to the queue (answered and abandoned, abandoners until they leave), seconds. */
  meanWaitSeconds: number;
  /** Carried load / agents, in [0, 1]. */
  occupancy: number;
  /** Mean number of callers waiting. */
  meanQueueLength: number;
  /**
   * False when waiting callers can pile up for ever: an Erlang C queue at or
   * above capacity (load >= agents, nobody abandons, unlimited room), or no
   * agents and nobody abandons. `queueMetrics` documents the limits it reports then.
   */
  stable: boolean;
}
