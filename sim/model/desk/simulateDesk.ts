import { Kernel } from '../../engine/kernel.js';
import { simulateWorkforce } from '../workforce.js';
import { BusinessCalendar } from './businessCalendar.js';
import { DESK_WORKFORCE } from './defaults.js';
import { deskResult } from './deskResults.js';
import { Desk } from './deskModel.js';
import { resolveDesk } from './resolve.js';
import type { DeskResult, DeskSpec } from './types.js';

export { deskKpisOf, rollUpDeskRows } from './deskResults.js';

const DAY_SECONDS = 86_400;

/**
 * Simulate the 12345 liaison desk (SEED project 2): transferred calls and work
 * orders on one staff, on the 2020 working calendar, for one replication.
 *
 * Calls transferred from 12345 arrive in business hours on working days
 * (Poisson, rate by business hour), wait with exponential-like patience (any
 * `Distribution`) and are answered FIFO by the staff whose role allows calls.
 * Work orders arrive the same way, with a type drawn from the mix; each needs
 * three steps of staff time: first contact, coordination (after which the
 * department takes its own working time), and the reply that closes it.
 * Ready steps are worked earliest deadline first: first contact by its
 * deadline, coordination by its latest safe start (closure deadline less the
 * department's longest time), the reply by the closure deadline. Staff work
 * order steps in business hours only (a step started is finished, in
 * overtime if need be), and calls still waiting at closing are answered. The
 * policy decides who takes what (`DeskPolicy`); phone-first staff put an order
 * step down for a call that finds nobody free. Staff on duty each working day are the live staff of
 * `simulateWorkforce` (churn, backfill, training) less shrinkage, rounded;
 * every task lasts its drawn time x the day's learning-curve multiplier.
 *
 * Random streams, one per kind of draw, all drawn when a call or order
 * arrives, so two policies run with the same seed see the same calls and
 * orders (common random numbers): `transferArrivals`, `handleTime`,
 * `patience`, `callSurvey`, `workOrders` (arrivals), `workOrderType`,
 * `workOrderSteps`, `department`, `resolution`, `orderSurvey`; and `churn`
 * in the workforce.
 *
 * @param spec the desk; every section has a default (`DESK_CALLS`, `DESK_WORK_ORDERS`, `DESK_WORKFORCE`, ...)
 * @returns counts by day, week, month, quarter and the whole horizon (KPIs from `deskKpisOf`)
 * @throws {RangeError} naming the field of an invalid spec
 * @example
 * const year = simulateDesk({ policy: { kind: 'dedicated', phoneStaff: 10 }, seed: 1 });
 * deskKpisOf(year.quarters[0]!).onTimeCompletionRate; // => share of Q1's due orders closed on time
 */
export function simulateDesk(spec: DeskSpec = {}): DeskResult {
  const r = resolveDesk(spec);
  const warnings: string[] = [];
  const calendar = new BusinessCalendar(r.startDate, r.days, r.opensAt, r.closesAt, 90);
  const horizonEnd = r.days * DAY_SECONDS;
  if (calendar.assumedDays > 0) {
    warnings.push(
      `deadlines after the official calendar's last year are counted on Monday to Friday (${calendar.assumedDays} days); orders due then fall after the horizon and are not measured`,
    );
  }
  const workforce = simulateWorkforce(spec.workforce ?? DESK_WORKFORCE, {
    startDate: r.startDate,
    days: r.days,
    seed: r.seed,
    replication: r.replication,
  });
  const onDuty = new Int32Array(r.days);
  const multiplier = new Float64Array(r.days);
  const penalty = new Float64Array(r.days);
  workforce.days.forEach((w, d) => {
    onDuty[d] = calendar.isWorking(d) ? Math.round(w.live * (1 - r.shrinkage)) : 0;
    multiplier[d] = w.handleTimeMultiplier;
    penalty[d] = w.satisfactionPenalty;
  });
  const kernel = new Kernel(1_024);
  const desk = new Desk(r, calendar, kernel, { onDuty, multiplier, penalty });
  desk.start(horizonEnd);
  kernel.run(horizonEnd);
  desk.finish();
  return deskResult({
    r,
    calendar,
    counts: desk.counts,
    orders: desk.orders,
    workforce,
    onDutyByDay: onDuty,
    horizonEnd,
    keepOrders: spec.keepOrders === true,
    warnings,
  });
}
