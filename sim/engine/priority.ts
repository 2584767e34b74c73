/**
 * Order of events that fall at the same simulated instant, lowest first.
 * Events with equal priority run in the order they were scheduled (a sequence
 * number breaks the tie), so a run is fully determined by its seed.
 *
 * Why this order: a server that completes a service at 10:00:00 must be free
 * before the 10:00:00 capacity change decides who leaves (a server leaving while
 * busy finishes its service first, so it must have finished to be free to
 * leave). Both must be settled before the patience deadlines of 10:00:00 are
 * applied, so that a waiting customer whose patience ends at the very instant a
 * server frees is counted as having left (a wait of exactly its patience is not
 * long enough to be served). Then free servers take waiting customers (dispatch),
 * and only then do new arrivals look for a free server, so that an arrival never
 * overtakes a customer who was already waiting. Statistics of the interval
 * ending now are closed last, so they include everything that happened at the
 * boundary instant.
 *
 * The kernel only orders events by (time, priority, sequence); what each kind
 * means is the model's business.
 */
export const EventPriority = {
  /** A service completes; its server becomes free (or leaves, if no longer on duty). */
  ServiceEnd: 0,
  /**
   * Capacity changes: servers come on or go off duty (interval boundaries), and
   * capacity is lost or restored (the model's fault starts and ends). After the
   * service ends of the instant, so that a service ending at a fault's start is
   * complete, not cut off; before the patience deadlines, so that a customer whose
   * patience ends at a fault's start is counted as dropped by it, as the lazy and
   * the eager abandonment schemes both do.
   */
  StaffingChange: 1,
  /** A waiting customer's patience runs out. */
  Abandonment: 2,
  /** Free servers take the next customers from the queue. */
  Dispatch: 3,
  /** New customers and returning (redialling) customers enter the system. */
  Arrival: 4,
  /** Close the statistics of the interval ending now. */
  IntervalBoundary: 5,
} as const;

/** One of the `EventPriority` values. */
export type EventPriority = (typeof EventPriority)[keyof typeof EventPriority];
