/** The desk's daily counters, by field: the position of each in a day's row. */
export const F = {
  callsOffered: 0,
  callsAnswered: 1,
  callsAnsweredWithinThreshold: 2,
  callsAbandoned: 3,
  ordersArrived: 4,
  ordersClosed: 5,
  ordersResolved: 6,
  firstContactsDue: 7,
  firstContactsOnTime: 8,
  closuresDue: 9,
  closuresOnTime: 10,
  callSurveyResponses: 11,
  callSurveySatisfied: 12,
  orderSurveyResponses: 13,
  orderSurveySatisfied: 14,
  staffSecondsOnDuty: 15,
  staffSecondsOnCalls: 16,
  staffSecondsOnOrders: 17,
  leavers: 18,
  hires: 19,
} as const;

/** Number of daily counters. */
export const FIELD_COUNT = 20;

/** The counters' names, summed when days roll up. */
export const SUMMED = Object.keys(F) as (keyof typeof F)[];

/**
 * The desk's counters, one row of `FIELD_COUNT` a day.
 *
 * @example
 * const counts = new DayCounters(7);
 * counts.add(2, F.callsOffered, 1);
 * counts.get(2, F.callsOffered); // => 1
 */
export class DayCounters {
  private readonly counts: Float64Array;

  /** @param days days of the horizon */
  constructor(private readonly days: number) {
    this.counts = new Float64Array(days * FIELD_COUNT);
  }

  /** Add `value` to a day's counter (days outside the horizon are not counted). */
  add(day: number, field: number, value: number): void {
    if (day >= 0 && day < this.days) this.counts[day * FIELD_COUNT + field] += value;
  }

  /** A day's counter. */
  get(day: number, field: number): number {
    return this.counts[day * FIELD_COUNT + field] as number;
  }
}
