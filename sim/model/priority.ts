/**
 * Order of the call center's events that fall at the same simulated instant,
 * lowest first (the kernel, `Kernel`, runs same-instant events by this number;
 * events with equal priority run in the order they were scheduled, so a run is
 * fully determined by its seed). The 12333 model (`simulate`) and the 12345
 * desk (`simulateDesk`) both use it.
 *
 * Why this order: an agent who finishes a call at 10:00:00 must be free before
 * the 10:00:00 staffing change decides who logs off (an agent leaving while busy
 * finishes the call first, so the call must be over for the agent to be free to
 * leave). Both must be settled before the patience deadlines of 10:00:00 are
 * applied, so that a caller whose patience ends at the very instant an agent
 * frees is counted as having hung up (a wait of exactly the patience is not long
 * enough to be answered). Then free agents take waiting callers (dispatch), and
 * only then do new calls look for a free agent, so that a new call never
 * overtakes a caller who was already waiting. Statistics of the interval ending
 * now are closed last, so they include everything that happened at the boundary
 * instant.
 *
 * @example
 * const kernel = new Kernel();
 * const end = kernel.kind(EventPriority.ServiceEnd, (agent) => free(agent));
 */
export const EventPriority = {
  /** A call finishes service; its agent becomes free (or logs off, if off shift). */
  ServiceEnd: 0,
  /**
   * Staffing changes: agents come on or go off the phones (interval boundaries,
   * the desk's opening and closing), and seats are lost or restored (a platform
   * fault starts or ends). After the service ends of the instant, so that a call
   * ending at a fault's start is complete, not cut off; before the patience
   * deadlines, so that a caller whose patience ends at a fault's start is counted
   * as dropped by it, as the lazy and the eager abandonment schemes both do.
   */
  StaffingChange: 1,
  /** A waiting caller's patience runs out. */
  Abandonment: 2,
  /** Free agents take the next callers from the queue. */
  Dispatch: 3,
  /** New calls and redials enter (and the desk's work orders arrive or come back ready). */
  Arrival: 4,
  /** Close the statistics of the interval ending now. */
  IntervalBoundary: 5,
} as const;

/** One of the `EventPriority` values. */
export type EventPriority = (typeof EventPriority)[keyof typeof EventPriority];
