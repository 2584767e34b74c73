import { CHINA_CALENDAR } from '../../core/calendar.js';
import { requirePositiveFinite, requirePositiveInteger } from '../../core/validate.js';
import { BusinessCalendar, clockSeconds } from './businessCalendar.js';
import { DESK_ORDER_TYPES } from './defaults.js';
import type { DeskDeadline, WorkOrderType } from './types.js';

/**
 * The instant of a deadline for an order that arrived at `arrivalSeconds`:
 * the closing of the n-th working day after the arrival day, or `workingHours`
 * of open hours after the arrival (an arrival outside open hours starts
 * counting at the next opening). `Infinity` beyond the calendar's days.
 *
 * @param calendar the business calendar of the run
 * @param arrivalSeconds arrival, seconds since 00:00 of the calendar's first day
 * @param deadline the rule
 * @returns the deadline, seconds since 00:00 of the first day
 * @example
 * const cal = new BusinessCalendar('2020-04-03', 1, 30_600, 63_000, 60);
 * deadlineSeconds(cal, 54_000, { workingDays: 5 }) / 86_400; // => 10.729167 (17:30 on 2020-04-13)
 */
export function deadlineSeconds(
  calendar: BusinessCalendar,
  arrivalSeconds: number,
  deadline: DeskDeadline,
): number {
  if ('workingDays' in deadline) {
    return calendar.closeOfWorkingDayAfter(calendar.dayOf(arrivalSeconds), deadline.workingDays);
  }
  return calendar.timeAtBusiness(calendar.businessAt(arrivalSeconds) + deadline.workingHours * 3_600, true);
}

/**
 * Check a deadline rule, naming the field.
 *
 * @param fn the calling function, for the message
 * @param name the field, for the message
 * @param deadline the rule
 * @throws {RangeError} unless it is `{ workingDays }` with a positive integer or `{ workingHours }` with a positive number
 * @example
 * checkDeadline('simulateDesk', 'types[0].closureDeadline', { workingDays: 0 });
 * // throws RangeError: simulateDesk: types[0].closureDeadline.workingDays must be a positive integer (got 0)
 */
export function checkDeadline(fn: string, name: string, deadline: DeskDeadline): void {
  if (typeof deadline !== 'object' || deadline === null) {
    throw new RangeError(
      `${fn}: ${name} must be { workingDays } or { workingHours } (got ${String(deadline)})`,
    );
  }
  if ('workingDays' in deadline) requirePositiveInteger(fn, `${name}.workingDays`, deadline.workingDays);
  else if ('workingHours' in deadline)
    requirePositiveFinite(fn, `${name}.workingHours`, deadline.workingHours);
  else
    throw new RangeError(
      `${fn}: ${name} must have workingDays or workingHours (got ${JSON.stringify(deadline)})`,
    );
}

function format(calendar: BusinessCalendar, t: number): string {
  const d = calendar.dayOf(t);
  const s = Math.round(t - d * 86_400);
  const hh = String(Math.floor(s / 3_600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3_600) / 60)).padStart(2, '0');
  return `${calendar.isoDate(d)} ${hh}:${mm}`;
}

/**
 * The first-contact and closure deadlines of a work order arriving at a given
 * local date and time, on the official working calendar (holidays and
 * the weekend days worked instead) and the desk's business hours. Working
 * days are counted as `addWorkingDays` counts them (the days strictly after
 * the arrival day), and a deadline of n working days falls at the closing of
 * the n-th; working hours are counted in open hours only.
 *
 * @param arrival local arrival `YYYY-MM-DD HH:MM`, in a year of `calendarYears()`
 * @param type an order type, or the name of one of `DESK_ORDER_TYPES`
 *   (`'simple'`, `'complex'`, `'urgent'`)
 * @param businessHours opening and closing, `HH:MM`; 08:30 to 17:30 by default
 * @returns both deadlines as `YYYY-MM-DD HH:MM`
 * @throws {RangeError} for a malformed arrival, an unknown type name, or a
 *   deadline beyond the calendar's reach
 * @example
 * workOrderDeadlines('2020-04-03 15:00', 'simple');
 * // => { firstContact: '2020-04-07 17:30', closure: '2020-04-13 17:30' } (Qingming 4-6 Apr)
 * workOrderDeadlines('2020-04-03 16:30', 'urgent');
 * // => { firstContact: '2020-04-07 09:30', closure: '2020-04-07 16:30' }
 */
export function workOrderDeadlines(
  arrival: string,
  type: WorkOrderType | string,
  businessHours: { opensAt: string; closesAt: string } = { opensAt: '08:30', closesAt: '17:30' },
): { firstContact: string; closure: string } {
  const fn = 'workOrderDeadlines';
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(arrival);
  if (m === null)
    throw new RangeError(`${fn}: arrival must be YYYY-MM-DD HH:MM (got ${JSON.stringify(arrival)})`);
  const orderType = typeof type === 'string' ? DESK_ORDER_TYPES.find((t) => t.name === type) : type;
  if (orderType === undefined) {
    throw new RangeError(
      `${fn}: type must be one of ${DESK_ORDER_TYPES.map((t) => t.name).join(', ')} (got ${JSON.stringify(type)})`,
    );
  }
  checkDeadline(fn, 'type.firstContactDeadline', orderType.firstContactDeadline);
  checkDeadline(fn, 'type.closureDeadline', orderType.closureDeadline);
  const calendar = new BusinessCalendar(
    m[1] as string,
    1,
    clockSeconds(fn, 'businessHours.opensAt', businessHours.opensAt),
    clockSeconds(fn, 'businessHours.closesAt', businessHours.closesAt),
    120,
  );
  const t = clockSeconds(fn, 'arrival', m[2] as string);
  const firstContact = deadlineSeconds(calendar, t, orderType.firstContactDeadline);
  const closure = deadlineSeconds(calendar, t, orderType.closureDeadline);
  if (!Number.isFinite(firstContact) || !Number.isFinite(closure)) {
    throw new RangeError(`${fn}: the deadline of an order arriving ${arrival} is beyond the calendar`);
  }
  const out = { firstContact: format(calendar, firstContact), closure: format(calendar, closure) };
  if (!CHINA_CALENDAR.covers(Number(out.closure.slice(0, 4)))) {
    throw new RangeError(
      `${fn}: the closure deadline of an order arriving ${arrival} falls after the official calendar (${out.closure})`,
    );
  }
  return out;
}
