import type { WorkforceResult } from '../workforce.js';
import type { BusinessCalendar } from './businessCalendar.js';
import { F, SUMMED, type DayCounters } from './counters.js';
import type { Resolved } from './resolve.js';
import type { DeskKpis, DeskPeriodRow, DeskResult, WorkOrderRecord } from './types.js';
import type { WorkOrders } from './workOrders.js';

/** What the desk's result is built from. */
export interface DeskRun {
  r: Resolved;
  calendar: BusinessCalendar;
  counts: DayCounters;
  orders: WorkOrders;
  workforce: WorkforceResult;
  onDutyByDay: Int32Array;
  horizonEnd: number;
  keepOrders: boolean;
  warnings: string[];
}

/**
 * The desk's result: each order attributed to the days of its deadlines and of
 * its closing (with its resolution and survey), the workforce's leavers and
 * hires, then rows by day, week, month, quarter and the whole horizon.
 *
 * @param run the desk after its run
 * @returns the result of `simulateDesk`
 * @example
 * deskResult(run).total.ordersArrived;
 */
export function deskResult(run: DeskRun): DeskResult {
  const { r, calendar, counts, workforce } = run;
  const records = attributeOrders(run);
  workforce.days.forEach((w, d) => {
    counts.add(d, F.leavers, w.leavers);
    counts.add(d, F.hires, w.hires);
  });
  const days = r.days;
  const dayRows: DeskPeriodRow[] = [];
  let backlog = 0;
  let overdue = 0;
  for (let d = 0; d < days; d++) {
    backlog += (records.arrivedByDay[d] as number) - (records.closedByDay[d] as number);
    overdue += records.overdueChange[d] as number;
    const row: Record<string, number | string> = {
      period: calendar.isoDate(d),
      days: 1,
      workingDays: calendar.isWorking(d) ? 1 : 0,
    };
    for (const name of SUMMED) row[name] = counts.get(d, F[name]);
    const w = workforce.days[d];
    row.backlogAtEnd = backlog;
    row.overdueAtEnd = overdue;
    row.averagePayroll = w?.payroll ?? 0;
    row.averageOnDuty = run.onDutyByDay[d] as number;
    dayRows.push(row as unknown as DeskPeriodRow);
  }
  const group = (keyOf: (date: string, d: number) => string): DeskPeriodRow[] => {
    const out: DeskPeriodRow[] = [];
    let start = 0;
    for (let d = 1; d <= days; d++) {
      const key = keyOf(calendar.isoDate(start), start);
      if (d === days || keyOf(calendar.isoDate(d), d) !== key) {
        out.push(rollUpDeskRows(dayRows.slice(start, d), key));
        start = d;
      }
    }
    return out;
  };
  const first = calendar.isoDate(0);
  const last = calendar.isoDate(days - 1);
  const weeks = group((_, d) => calendar.isoDate(d - (d % 7)));
  const months = group((date) => date.slice(0, 7));
  const quarters = group(
    (date) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`,
  );
  const total = rollUpDeskRows(
    dayRows,
    first.slice(0, 4) === last.slice(0, 4) ? first.slice(0, 4) : `${first}..${last}`,
  );
  return {
    seed: r.seed,
    replication: r.replication,
    policy: r.policy,
    days: dayRows,
    weeks,
    months,
    quarters,
    total,
    warnings: run.warnings,
    ...(records.list ? { orders: records.list } : {}),
  };
}

/** Orders by day: arrivals, closings and the change in overdue orders, and the records when kept. */
interface OrderDays {
  arrivedByDay: Float64Array;
  closedByDay: Float64Array;
  overdueChange: Float64Array;
  list: WorkOrderRecord[] | undefined;
}

/** Attribute each order to the days of its deadlines and of its closing, counting them. */
function attributeOrders(run: DeskRun): OrderDays {
  const { r, calendar, counts, horizonEnd } = run;
  const o = run.orders;
  const spec = r.orders;
  const arrivedByDay = new Float64Array(r.days);
  const closedByDay = new Float64Array(r.days);
  const overdueChange = new Float64Array(r.days + 1);
  const list: WorkOrderRecord[] | undefined = run.keepOrders ? [] : undefined;
  for (let k = 0; k < o.count; k++) {
    const arrival = o.arrival[k] as number;
    const firstDeadline = o.firstDeadline[k] as number;
    const closeDeadline = o.closeDeadline[k] as number;
    const firstDone = o.firstDone[k] as number;
    const closedAt = o.closed[k] as number;
    const closed = closedAt < horizonEnd;
    const firstOnTime = firstDone <= firstDeadline;
    const onTime = closedAt <= closeDeadline;
    arrivedByDay[calendar.dayOf(arrival)]++;
    counts.add(calendar.dayOf(arrival), F.ordersArrived, 1);
    if (firstDeadline < horizonEnd) {
      counts.add(calendar.dayOf(firstDeadline), F.firstContactsDue, 1);
      if (firstOnTime) counts.add(calendar.dayOf(firstDeadline), F.firstContactsOnTime, 1);
    }
    if (closeDeadline < horizonEnd) {
      counts.add(calendar.dayOf(closeDeadline), F.closuresDue, 1);
      if (onTime) counts.add(calendar.dayOf(closeDeadline), F.closuresOnTime, 1);
      else {
        overdueChange[calendar.dayOf(closeDeadline)]++;
        if (closed) overdueChange[calendar.dayOf(closedAt)]--;
      }
    }
    let resolved = false;
    if (closed) {
      const day = calendar.dayOf(closedAt);
      closedByDay[day]++;
      counts.add(day, F.ordersClosed, 1);
      resolved =
        (o.resolveU[k] as number) <
        (onTime ? spec.resolvedProbability.onTime : spec.resolvedProbability.late);
      if (resolved) counts.add(day, F.ordersResolved, 1);
      if ((o.surveyU[2 * k] as number) < spec.surveyResponseProbability) {
        counts.add(day, F.orderSurveyResponses, 1);
        const sat = spec.satisfaction;
        let p = resolved ? (onTime ? sat.resolvedOnTime : sat.resolvedLate) : sat.notResolved;
        if (!firstOnTime) p -= sat.lateFirstContactPenalty;
        if ((o.surveyU[2 * k + 1] as number) < p) counts.add(day, F.orderSurveySatisfied, 1);
      }
    }
    list?.push({
      type: spec.types[o.type[k] as number]!.name,
      arrivalSeconds: arrival,
      firstContactDeadlineSeconds: firstDeadline,
      closureDeadlineSeconds: closeDeadline,
      firstContactSeconds: firstDone < horizonEnd ? firstDone : Infinity,
      closedSeconds: closed ? closedAt : Infinity,
      firstContactLate:
        firstDeadline < horizonEnd ? !(firstDone <= firstDeadline && firstDone < horizonEnd) : false,
      closureLate: closeDeadline < horizonEnd ? !(onTime && closed) : false,
      resolved,
    });
  }
  return { arrivedByDay, closedByDay, overdueChange, list };
}

/**
 * Roll day or period rows of the desk into one row: counts summed, backlog
 * as at the last row, payroll averaged over days and staff on duty over
 * working days.
 *
 * @param rows rows of consecutive periods
 * @param period the label of the result
 * @returns the rolled-up row
 * @example
 * rollUpDeskRows(result.months.slice(0, 6), '2020-H1').ordersArrived;
 */
export function rollUpDeskRows(rows: readonly DeskPeriodRow[], period: string): DeskPeriodRow {
  const out: Record<string, number | string> = {
    period,
    days: rows.reduce((a, row) => a + row.days, 0),
    workingDays: rows.reduce((a, row) => a + row.workingDays, 0),
  };
  for (const name of SUMMED) out[name] = rows.reduce((a, row) => a + row[name], 0);
  const lastRow = rows[rows.length - 1];
  out.backlogAtEnd = lastRow?.backlogAtEnd ?? 0;
  out.overdueAtEnd = lastRow?.overdueAtEnd ?? 0;
  const dayCount = out.days as number;
  out.averagePayroll =
    dayCount > 0 ? rows.reduce((a, row) => a + row.averagePayroll * row.days, 0) / dayCount : 0;
  const workingDays = out.workingDays as number;
  out.averageOnDuty =
    workingDays > 0 ? rows.reduce((a, row) => a + row.averageOnDuty * row.workingDays, 0) / workingDays : 0;
  return out as unknown as DeskPeriodRow;
}

/**
 * The desk's KPIs of one period row (`null` where nothing was due or offered).
 *
 * @param row a row of `simulateDesk` (a day, week, month, quarter or the total)
 * @returns the KPIs: 转接接通率, service level, 先行联系率, 按时办结率, 诉求解决率,
 *   市民满意率, staff utilisation, annualised 人员流失率, backlog and overdue orders
 * @example
 * deskKpisOf(result.total).transferAnswerRate; // => e.g. 0.87
 */
export function deskKpisOf(row: DeskPeriodRow): DeskKpis {
  const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
  return {
    transferAnswerRate: ratio(row.callsAnswered, row.callsOffered),
    serviceLevel: ratio(row.callsAnsweredWithinThreshold, row.callsOffered),
    firstContactRate: ratio(row.firstContactsOnTime, row.firstContactsDue),
    onTimeCompletionRate: ratio(row.closuresOnTime, row.closuresDue),
    resolutionRate: ratio(row.ordersResolved, row.ordersClosed),
    satisfaction: ratio(
      row.callSurveySatisfied + row.orderSurveySatisfied,
      row.callSurveyResponses + row.orderSurveyResponses,
    ),
    utilisation: ratio(row.staffSecondsOnCalls + row.staffSecondsOnOrders, row.staffSecondsOnDuty),
    turnoverRate:
      row.averagePayroll > 0 && row.days > 0 ? ((row.leavers / row.averagePayroll) * 365) / row.days : null,
    backlogAtEnd: row.backlogAtEnd,
    overdueAtEnd: row.overdueAtEnd,
  };
}
