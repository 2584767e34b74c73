/**
 * The desk's work orders as parallel arrays (struct of arrays), one entry per
 * order in order of arrival, with what was drawn for it at its arrival and when
 * its steps were done.
 *
 * @example
 * const orders = new WorkOrders();
 * orders.arrival.length; // => 0
 */
export class WorkOrders {
  /** Arrival, seconds. */
  readonly arrival: number[] = [];
  /** Type, an index into the spec's types. */
  readonly type: number[] = [];
  /** First-contact deadline, seconds. */
  readonly firstDeadline: number[] = [];
  /** Closure deadline, seconds. */
  readonly closeDeadline: number[] = [];
  /** When the first contact was made, seconds (Infinity until then). */
  readonly firstDone: number[] = [];
  /** When the order was closed, seconds (Infinity until then). */
  readonly closed: number[] = [];
  /** Staff time of its three steps, seconds (3 per order). */
  readonly steps: number[] = [];
  /** Share of the allowance the department takes. */
  readonly departmentShare: number[] = [];
  /** Business seconds from arrival to the closure deadline. */
  readonly allowance: number[] = [];
  /** Uniform draw deciding whether it is resolved. */
  readonly resolveU: number[] = [];
  /** Uniform draws of its survey (2 per order). */
  readonly surveyU: number[] = [];

  /** Number of orders. */
  get count(): number {
    return this.arrival.length;
  }
}
