import { AleaStream } from '../../core/aleaStream.js';
import {
  requireInRange,
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requirePositiveInteger,
  requireProbability,
} from '../../core/validate.js';
import { EventCalendar } from '../../engine/calendar.js';
import { EventPriority } from '../../engine/priority.js';
import { checkDistribution, Sampler } from '../distributions.js';
import {
  DEFAULT_SATISFACTION,
  satisfactionProbabilityUnchecked,
  type SatisfactionModel,
} from '../satisfaction.js';
import { simulateWorkforce } from '../workforce.js';
import { BusinessCalendar, clockSeconds } from './businessCalendar.js';
import { checkDeadline, deadlineSeconds } from './deadlines.js';
import {
  DESK_CALLS,
  DESK_INTERRUPTION_OVERHEAD_SECONDS,
  DESK_POLICY,
  DESK_SHRINKAGE,
  DESK_WORK_ORDERS,
  DESK_WORKFORCE,
} from './defaults.js';
import { TaskQueue } from './taskQueue.js';
import type {
  DeskCallSpec,
  DeskKpis,
  DeskPeriodRow,
  DeskPolicy,
  DeskResult,
  DeskSpec,
  DeskWorkOrderSpec,
  WorkOrderRecord,
} from './types.js';

const DAY_SECONDS = 86_400;
const HOUR_SECONDS = 3_600;

// Event kinds.
const DAY_OPEN = 1;
const DAY_CLOSE = 2;
const TASK_END = 3;
const CALL_ARRIVAL = 4;
const ORDER_ARRIVAL = 5;
const ORDER_READY = 6;

// Staff roles (bit masks).
const PHONE = 1;
const ORDERS = 2;
const BOTH = PHONE | ORDERS;

// Daily counter fields.
const F = {
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
const FIELD_COUNT = 20;
const SUMMED = Object.keys(F) as (keyof typeof F)[];

/**
 * Poisson arrivals on working days with a rate constant within each business
 * hour (exact: the memoryless gap is redrawn at each hour's end).
 */
class BusinessHourArrivals {
  private day = 0;
  private slot = 0;
  private t: number;
  private readonly rates: Float64Array;
  private readonly slots: number;

  constructor(
    private readonly calendar: BusinessCalendar,
    perWorkingDay: number,
    shares: readonly number[],
    private readonly rng: AleaStream,
  ) {
    this.slots = shares.length;
    this.rates = Float64Array.from(shares, (share, i) => {
      const length = Math.min(HOUR_SECONDS, calendar.openSeconds - i * HOUR_SECONDS);
      return (perWorkingDay * share) / length;
    });
    this.t = calendar.opensAt(0);
  }

  /** The next arrival, seconds; `Infinity` after the horizon. */
  next(): number {
    const calendar = this.calendar;
    for (;;) {
      if (this.day >= calendar.horizonDays) return Infinity;
      if (this.slot >= this.slots || !calendar.isWorking(this.day)) {
        if (this.slot > 0 || !calendar.isWorking(this.day)) {
          this.day++;
          this.slot = 0;
          this.t = calendar.opensAt(this.day);
          continue;
        }
      }
      const slotEnd =
        calendar.opensAt(this.day) + Math.min((this.slot + 1) * HOUR_SECONDS, calendar.openSeconds);
      const rate = this.rates[this.slot] as number;
      if (rate > 0) {
        const t = this.t - Math.log(this.rng.next()) / rate;
        if (t < slotEnd) {
          this.t = t;
          return t;
        }
      }
      this.slot++;
      this.t = slotEnd;
    }
  }
}

interface Resolved {
  startDate: string;
  days: number;
  opensAt: number;
  closesAt: number;
  calls: DeskCallSpec;
  orders: DeskWorkOrderSpec;
  shrinkage: number;
  interruptionOverheadSeconds: number;
  policy: DeskPolicy;
  seed: number;
  replication: number;
}

function evenShares(slots: number): number[] {
  return Array.from({ length: slots }, () => 1 / slots);
}

function checkShares(fn: string, name: string, shares: readonly number[], slots: number): void {
  if (!Array.isArray(shares) || shares.length !== slots) {
    throw new RangeError(
      `${fn}: ${name} must have one share per business hour, ${slots} (got ${shares?.length})`,
    );
  }
  shares.forEach((s, i) => requireProbability(fn, `${name}[${i}]`, s));
  const sum = shares.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9) throw new RangeError(`${fn}: ${name} must sum to 1 (got ${sum})`);
}

function resolve(spec: DeskSpec): Resolved {
  const fn = 'simulateDesk';
  const hours = spec.businessHours ?? { opensAt: '08:30', closesAt: '17:30' };
  const opensAt = clockSeconds(fn, 'businessHours.opensAt', hours.opensAt);
  const closesAt = clockSeconds(fn, 'businessHours.closesAt', hours.closesAt);
  if (!(closesAt > opensAt)) {
    throw new RangeError(
      `${fn}: businessHours.closesAt must be after opensAt (got ${hours.opensAt} to ${hours.closesAt})`,
    );
  }
  const slots = Math.ceil((closesAt - opensAt) / HOUR_SECONDS);
  const calls: DeskCallSpec = { ...DESK_CALLS, ...spec.calls };
  const orders: DeskWorkOrderSpec = { ...DESK_WORK_ORDERS, ...spec.workOrders };
  const days = spec.days ?? 366;
  requirePositiveInteger(fn, 'days', days);
  requireNonNegativeFinite(fn, 'calls.perWorkingDay', calls.perWorkingDay);
  checkShares(fn, 'calls.hourlyShares', calls.hourlyShares ?? evenShares(slots), slots);
  checkDistribution(fn, 'calls.handle', calls.handle);
  checkDistribution(fn, 'calls.patience', calls.patience);
  requireNonNegativeFinite(fn, 'calls.answerWithinSeconds', calls.answerWithinSeconds);
  requireProbability(fn, 'calls.survey.responseProbability', calls.survey.responseProbability);
  requireNonNegativeFinite(fn, 'workOrders.perWorkingDay', orders.perWorkingDay);
  checkShares(fn, 'workOrders.hourlyShares', orders.hourlyShares ?? evenShares(slots), slots);
  if (orders.types.length === 0) throw new RangeError(`${fn}: workOrders.types must not be empty (got 0)`);
  let shareSum = 0;
  orders.types.forEach((type, i) => {
    requireProbability(fn, `workOrders.types[${i}].share`, type.share);
    checkDeadline(fn, `workOrders.types[${i}].firstContactDeadline`, type.firstContactDeadline);
    checkDeadline(fn, `workOrders.types[${i}].closureDeadline`, type.closureDeadline);
    shareSum += type.share;
  });
  if (Math.abs(shareSum - 1) > 1e-9)
    throw new RangeError(`${fn}: workOrders.types shares must sum to 1 (got ${shareSum})`);
  checkDistribution(fn, 'workOrders.steps.firstContact', orders.steps.firstContact);
  checkDistribution(fn, 'workOrders.steps.coordination', orders.steps.coordination);
  checkDistribution(fn, 'workOrders.steps.reply', orders.steps.reply);
  const { minShareOfAllowance: lo, maxShareOfAllowance: hi } = orders.department;
  requireInRange(fn, 'workOrders.department.minShareOfAllowance', lo, 0, 0.999);
  requireInRange(fn, 'workOrders.department.maxShareOfAllowance', hi, lo, 0.999);
  requireProbability(fn, 'workOrders.resolvedProbability.onTime', orders.resolvedProbability.onTime);
  requireProbability(fn, 'workOrders.resolvedProbability.late', orders.resolvedProbability.late);
  const sat = orders.satisfaction;
  requireProbability(fn, 'workOrders.satisfaction.resolvedOnTime', sat.resolvedOnTime);
  requireProbability(fn, 'workOrders.satisfaction.resolvedLate', sat.resolvedLate);
  requireProbability(fn, 'workOrders.satisfaction.notResolved', sat.notResolved);
  requireProbability(fn, 'workOrders.satisfaction.lateFirstContactPenalty', sat.lateFirstContactPenalty);
  requireProbability(fn, 'workOrders.surveyResponseProbability', orders.surveyResponseProbability);
  const shrinkage = spec.shrinkage ?? DESK_SHRINKAGE;
  requireInRange(fn, 'shrinkage', shrinkage, 0, 0.999);
  const interruptionOverheadSeconds = spec.interruptionOverheadSeconds ?? DESK_INTERRUPTION_OVERHEAD_SECONDS;
  requireNonNegativeFinite(fn, 'interruptionOverheadSeconds', interruptionOverheadSeconds);
  const policy = spec.policy ?? DESK_POLICY;
  if (policy.kind === 'dedicated') requireNonNegativeInteger(fn, 'policy.phoneStaff', policy.phoneStaff);
  else if (policy.kind === 'reservedShare') requireProbability(fn, 'policy.orderShare', policy.orderShare);
  else if (policy.kind !== 'phoneFirst') {
    throw new RangeError(
      `${fn}: policy.kind must be 'dedicated', 'phoneFirst' or 'reservedShare' (got ${String((policy as { kind: unknown }).kind)})`,
    );
  }
  const seed = spec.seed ?? 1;
  const replication = spec.replication ?? 0;
  requireNonNegativeInteger(fn, 'seed', seed);
  requireNonNegativeInteger(fn, 'replication', replication);
  return {
    startDate: spec.startDate ?? '2020-01-01',
    days,
    opensAt,
    closesAt,
    calls,
    orders,
    shrinkage,
    interruptionOverheadSeconds,
    policy,
    seed,
    replication,
  };
}

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
  const r = resolve(spec);
  const { calls, orders, policy, seed, replication } = r;
  const warnings: string[] = [];
  const calendar = new BusinessCalendar(r.startDate, r.days, r.opensAt, r.closesAt, 90);
  const slots = Math.ceil(calendar.openSeconds / HOUR_SECONDS);
  const days = r.days;
  const horizonEnd = days * DAY_SECONDS;
  if (calendar.assumedDays > 0) {
    warnings.push(
      `deadlines after the official calendar's last year are counted on Monday to Friday (${calendar.assumedDays} days); orders due then fall after the horizon and are not measured`,
    );
  }

  const workforce = simulateWorkforce(spec.workforce ?? DESK_WORKFORCE, {
    startDate: r.startDate,
    days,
    seed,
    replication,
  });
  const onDutyByDay = new Int32Array(days);
  const multiplier = new Float64Array(days);
  const penalty = new Float64Array(days);
  let maxStaff = 0;
  workforce.days.forEach((w, d) => {
    onDutyByDay[d] = calendar.isWorking(d) ? Math.round(w.live * (1 - r.shrinkage)) : 0;
    multiplier[d] = w.handleTimeMultiplier;
    penalty[d] = w.satisfactionPenalty;
    maxStaff = Math.max(maxStaff, onDutyByDay[d] as number);
  });

  // Streams, one per kind of draw.
  const stream = (name: string): AleaStream => new AleaStream(seed, replication, name);
  const callArrivals = new BusinessHourArrivals(
    calendar,
    calls.perWorkingDay,
    calls.hourlyShares ?? evenShares(slots),
    stream('transferArrivals'),
  );
  const handleSampler = new Sampler(calls.handle, stream('handleTime'));
  const patienceSampler = new Sampler(calls.patience, stream('patience'));
  const callSurvey = stream('callSurvey');
  const orderArrivals = new BusinessHourArrivals(
    calendar,
    orders.perWorkingDay,
    orders.hourlyShares ?? evenShares(slots),
    stream('workOrders'),
  );
  const typeStream = stream('workOrderType');
  const stepStream = stream('workOrderSteps');
  const stepSamplers = [
    new Sampler(orders.steps.firstContact, stepStream),
    new Sampler(orders.steps.coordination, stepStream),
    new Sampler(orders.steps.reply, stepStream),
  ];
  const departmentStream = stream('department');
  const resolutionStream = stream('resolution');
  const orderSurvey = stream('orderSurvey');
  const callModel: SatisfactionModel = {
    ...DEFAULT_SATISFACTION,
    ...calls.survey,
    penaltyPerExtraAttempt: 0,
  };
  const typeCumulative: number[] = [];
  orders.types.reduce((acc, t) => {
    typeCumulative.push(acc + t.share);
    return acc + t.share;
  }, 0);

  // Daily counters.
  const counts = new Float64Array(days * FIELD_COUNT);
  const add = (day: number, field: number, value: number): void => {
    if (day >= 0 && day < days)
      counts[day * FIELD_COUNT + field] = (counts[day * FIELD_COUNT + field] as number) + value;
  };

  // Orders, struct of arrays.
  const oArrival: number[] = [];
  const oType: number[] = [];
  const oFirstDeadline: number[] = [];
  const oCloseDeadline: number[] = [];
  const oFirstDone: number[] = [];
  const oClosed: number[] = [];
  const oSteps: number[] = []; // 3 per order
  const oDepartmentShare: number[] = [];
  const oAllowance: number[] = []; // business seconds from arrival to the closure deadline
  const oResolveU: number[] = [];
  const oSurveyU: number[] = []; // 2 per order
  const { minShareOfAllowance: deptLo, maxShareOfAllowance: deptHi } = orders.department;

  // Waiting calls: a FIFO ring.
  let ringSize = 256;
  let qArrival = new Float64Array(ringSize);
  let qDeadline = new Float64Array(ringSize);
  let qHandle = new Float64Array(ringSize);
  let qSurvey1 = new Float64Array(ringSize);
  let qSurvey2 = new Float64Array(ringSize);
  let qHead = 0;
  let qCount = 0;
  const growRing = (): void => {
    const size = ringSize * 2;
    const move = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      for (let i = 0; i < qCount; i++) b[i] = a[(qHead + i) % ringSize] as number;
      return b;
    };
    qArrival = move(qArrival);
    qDeadline = move(qDeadline);
    qHandle = move(qHandle);
    qSurvey1 = move(qSurvey1);
    qSurvey2 = move(qSurvey2);
    qHead = 0;
    ringSize = size;
  };

  // Staff.
  const staffCapacity = Math.max(1, maxStaff);
  const busy = new Uint8Array(staffCapacity);
  const role = new Uint8Array(staffCapacity);
  const task = new Int32Array(staffCapacity); // 0: call, 1-3: order step + 1
  const taskOrder = new Int32Array(staffCapacity);
  const taskEnd = new Float64Array(staffCapacity); // when the current task ends (older end events are stale)
  const taskKey = new Float64Array(staffCapacity); // the current order step's key
  const pausedLeft = new Float64Array(staffCapacity); // seconds left of an order step put down for a call
  const pausedTask = new Int32Array(staffCapacity);
  const pausedOrder = new Int32Array(staffCapacity);
  const pausedKey = new Float64Array(staffCapacity);
  let onDuty = 0;
  let open = false;
  let today = 0;

  const ready = new TaskQueue();
  const events = new EventCalendar(1_024);
  const answerWithin = calls.answerWithinSeconds;

  const findFree = (exclusive: number): number => {
    for (let s = 0; s < onDuty; s++) if (busy[s] === 0 && role[s] === exclusive) return s;
    for (let s = 0; s < onDuty; s++) if (busy[s] === 0 && role[s] === BOTH) return s;
    return -1;
  };

  const startCall = (
    s: number,
    now: number,
    arrival: number,
    handle: number,
    u1: number,
    u2: number,
  ): void => {
    const wait = now - arrival;
    const day = calendar.dayOf(arrival);
    add(day, F.callsAnswered, 1);
    if (wait <= answerWithin) add(day, F.callsAnsweredWithinThreshold, 1);
    if (u1 < callModel.responseProbability) {
      add(day, F.callSurveyResponses, 1);
      if (u2 < satisfactionProbabilityUnchecked(callModel, wait, 1, penalty[today] as number)) {
        add(day, F.callSurveySatisfied, 1);
      }
    }
    const duration = handle * (multiplier[today] as number);
    add(today, F.staffSecondsOnCalls, duration);
    busy[s] = 1;
    task[s] = 0;
    taskEnd[s] = now + duration;
    events.schedule(now + duration, EventPriority.ServiceEnd, TASK_END, s);
  };

  const runStep = (
    s: number,
    now: number,
    order: number,
    step: number,
    key: number,
    duration: number,
  ): void => {
    add(today, F.staffSecondsOnOrders, duration);
    busy[s] = 1;
    task[s] = step + 1;
    taskOrder[s] = order;
    taskKey[s] = key;
    taskEnd[s] = now + duration;
    events.schedule(now + duration, EventPriority.ServiceEnd, TASK_END, s);
  };

  const startStep = (s: number, now: number, packed: number): void => {
    const order = packed >> 2;
    const step = packed & 3;
    const duration = (oSteps[order * 3 + step] as number) * (multiplier[today] as number);
    runStep(s, now, order, step, ready.lastKey, duration);
  };

  /**
   * A phone-first staff member working an order step to put it down for a
   * call: the one whose step is least urgent (latest key); -1 when none.
   */
  const interruptible = (): number => {
    let best = -1;
    for (let s = 0; s < onDuty; s++) {
      if (role[s] === BOTH && busy[s] === 1 && (task[s] as number) > 0) {
        if (best < 0 || (taskKey[s] as number) > (taskKey[best] as number)) best = s;
      }
    }
    return best;
  };

  /** Drop waiting calls whose patience ended by `now` (counted as abandoned on their arrival day). */
  const purge = (now: number): void => {
    while (qCount > 0 && (qDeadline[qHead] as number) <= now) {
      add(calendar.dayOf(qArrival[qHead] as number), F.callsAbandoned, 1);
      qHead = (qHead + 1) % ringSize;
      qCount--;
    }
  };

  /** A free staff member on duty looks for work by role: a waiting call first, then a ready order step. */
  const dispatch = (s: number, now: number): void => {
    const mask = s < onDuty ? (role[s] as number) : 0;
    if ((mask & PHONE) !== 0) {
      purge(now);
      if (qCount > 0) {
        const i = qHead;
        qHead = (qHead + 1) % ringSize;
        qCount--;
        startCall(
          s,
          now,
          qArrival[i] as number,
          qHandle[i] as number,
          qSurvey1[i] as number,
          qSurvey2[i] as number,
        );
        return;
      }
    }
    if ((pausedLeft[s] as number) > 0) {
      const left = (pausedLeft[s] as number) + r.interruptionOverheadSeconds;
      pausedLeft[s] = 0;
      runStep(s, now, pausedOrder[s] as number, (pausedTask[s] as number) - 1, pausedKey[s] as number, left);
      return;
    }
    if ((mask & ORDERS) !== 0 && open && ready.size > 0) startStep(s, now, ready.pop());
  };

  /** Give ready order steps to free staff allowed to work them. */
  const assignOrders = (now: number): void => {
    if (!open) return;
    while (ready.size > 0) {
      const s = findFree(ORDERS);
      if (s < 0) return;
      startStep(s, now, ready.pop());
    }
  };

  const setRoles = (n: number): void => {
    for (let s = 0; s < n; s++) {
      if (policy.kind === 'dedicated') role[s] = s < Math.min(policy.phoneStaff, n) ? PHONE : ORDERS;
      else if (policy.kind === 'phoneFirst') role[s] = BOTH;
      else role[s] = s < Math.round(policy.orderShare * n) ? ORDERS : BOTH;
    }
  };

  const newOrder = (now: number): void => {
    const o = oArrival.length;
    const u = typeStream.next();
    let type = 0;
    while (type < typeCumulative.length - 1 && u >= (typeCumulative[type] as number)) type++;
    const kind = orders.types[type] as (typeof orders.types)[number];
    const firstDeadline = deadlineSeconds(calendar, now, kind.firstContactDeadline);
    const closeDeadline = deadlineSeconds(calendar, now, kind.closureDeadline);
    const closeKey = calendar.businessAt(closeDeadline);
    const allowance = closeKey - calendar.businessAt(now);
    oArrival.push(now);
    oType.push(type);
    oFirstDeadline.push(firstDeadline);
    oCloseDeadline.push(closeDeadline);
    oFirstDone.push(Infinity);
    oClosed.push(Infinity);
    for (const sampler of stepSamplers) oSteps.push(sampler.next());
    oDepartmentShare.push(deptLo + (deptHi - deptLo) * departmentStream.next());
    oAllowance.push(allowance);
    oResolveU.push(resolutionStream.next());
    oSurveyU.push(orderSurvey.next(), orderSurvey.next());
    ready.push(calendar.businessAt(firstDeadline), o * 4);
    assignOrders(now);
  };

  const completeStep = (order: number, step: number, now: number): void => {
    if (step === 0) {
      oFirstDone[order] = now;
      const closeKey = calendar.businessAt(oCloseDeadline[order] as number);
      ready.push(closeKey - deptHi * (oAllowance[order] as number), order * 4 + 1);
    } else if (step === 1) {
      const back =
        calendar.businessAt(now) + (oDepartmentShare[order] as number) * (oAllowance[order] as number);
      const readyAt = Math.max(now, calendar.timeAtBusiness(back, false));
      if (Number.isFinite(readyAt)) events.schedule(readyAt, EventPriority.Arrival, ORDER_READY, order);
    } else {
      oClosed[order] = now;
    }
  };

  // Opening and closing of every working day of the horizon.
  for (let d = 0; d < days; d++) {
    if (!calendar.isWorking(d)) continue;
    events.schedule(calendar.opensAt(d), EventPriority.StaffingChange, DAY_OPEN, d);
    events.schedule(calendar.closesAt(d), EventPriority.StaffingChange, DAY_CLOSE, d);
    add(d, F.staffSecondsOnDuty, (onDutyByDay[d] as number) * calendar.openSeconds);
  }
  const firstCall = callArrivals.next();
  if (firstCall < horizonEnd) events.schedule(firstCall, EventPriority.Arrival, CALL_ARRIVAL, 0);
  const firstOrder = orderArrivals.next();
  if (firstOrder < horizonEnd) events.schedule(firstOrder, EventPriority.Arrival, ORDER_ARRIVAL, 0);

  while (events.pop()) {
    const now = events.time;
    if (now >= horizonEnd) break;
    switch (events.kind) {
      case TASK_END: {
        const s = events.data;
        if (busy[s] === 0 || now !== taskEnd[s]) break; // the end of a step put down for a call
        busy[s] = 0;
        const t = task[s] as number;
        if (t > 0) completeStep(taskOrder[s] as number, t - 1, now);
        dispatch(s, now);
        if (t > 0) assignOrders(now);
        break;
      }
      case CALL_ARRIVAL: {
        const handle = handleSampler.next();
        const patience = patienceSampler.next();
        const u1 = callSurvey.next();
        const u2 = callSurvey.next();
        add(calendar.dayOf(now), F.callsOffered, 1);
        let s = findFree(PHONE);
        if (s < 0) {
          s = interruptible();
          if (s >= 0) {
            const left = (taskEnd[s] as number) - now;
            add(today, F.staffSecondsOnOrders, -left);
            pausedLeft[s] = left;
            pausedTask[s] = task[s] as number;
            pausedOrder[s] = taskOrder[s] as number;
            pausedKey[s] = taskKey[s] as number;
          }
        }
        if (s >= 0) startCall(s, now, now, handle, u1, u2);
        else {
          if (qCount === ringSize) growRing();
          const i = (qHead + qCount) % ringSize;
          qArrival[i] = now;
          qDeadline[i] = now + patience;
          qHandle[i] = handle;
          qSurvey1[i] = u1;
          qSurvey2[i] = u2;
          qCount++;
        }
        const next = callArrivals.next();
        if (next < horizonEnd) events.schedule(next, EventPriority.Arrival, CALL_ARRIVAL, 0);
        break;
      }
      case ORDER_ARRIVAL: {
        newOrder(now);
        const next = orderArrivals.next();
        if (next < horizonEnd) events.schedule(next, EventPriority.Arrival, ORDER_ARRIVAL, 0);
        break;
      }
      case ORDER_READY: {
        const order = events.data;
        ready.push(calendar.businessAt(oCloseDeadline[order] as number), order * 4 + 2);
        assignOrders(now);
        break;
      }
      case DAY_OPEN: {
        today = events.data;
        onDuty = onDutyByDay[today] as number;
        setRoles(onDuty);
        open = true;
        assignOrders(now);
        break;
      }
      case DAY_CLOSE:
        open = false;
        break;
      default:
        throw new Error(`simulateDesk: unknown event kind ${events.kind} (a bug)`);
    }
  }
  // Calls still waiting at the end of the horizon (none in business hours) abandon.
  purge(Infinity);

  // Orders: attribute each to the days of its deadlines and of its closing.
  const arrivedByDay = new Float64Array(days);
  const closedByDay = new Float64Array(days);
  const overdueChange = new Float64Array(days + 1);
  const records: WorkOrderRecord[] | undefined = spec.keepOrders ? [] : undefined;
  for (let o = 0; o < oArrival.length; o++) {
    const arrival = oArrival[o] as number;
    const firstDeadline = oFirstDeadline[o] as number;
    const closeDeadline = oCloseDeadline[o] as number;
    const firstDone = oFirstDone[o] as number;
    const closedAt = oClosed[o] as number;
    const closed = closedAt < horizonEnd;
    const firstOnTime = firstDone <= firstDeadline;
    const onTime = closedAt <= closeDeadline;
    arrivedByDay[calendar.dayOf(arrival)]++;
    add(calendar.dayOf(arrival), F.ordersArrived, 1);
    if (firstDeadline < horizonEnd) {
      add(calendar.dayOf(firstDeadline), F.firstContactsDue, 1);
      if (firstOnTime) add(calendar.dayOf(firstDeadline), F.firstContactsOnTime, 1);
    }
    if (closeDeadline < horizonEnd) {
      add(calendar.dayOf(closeDeadline), F.closuresDue, 1);
      if (onTime) add(calendar.dayOf(closeDeadline), F.closuresOnTime, 1);
      else {
        overdueChange[calendar.dayOf(closeDeadline)]++;
        if (closed) overdueChange[calendar.dayOf(closedAt)]--;
      }
    }
    let resolved = false;
    if (closed) {
      const day = calendar.dayOf(closedAt);
      closedByDay[day]++;
      add(day, F.ordersClosed, 1);
      resolved =
        (oResolveU[o] as number) <
        (onTime ? orders.resolvedProbability.onTime : orders.resolvedProbability.late);
      if (resolved) add(day, F.ordersResolved, 1);
      if ((oSurveyU[2 * o] as number) < orders.surveyResponseProbability) {
        add(day, F.orderSurveyResponses, 1);
        const sat = orders.satisfaction;
        let p = resolved ? (onTime ? sat.resolvedOnTime : sat.resolvedLate) : sat.notResolved;
        if (!firstOnTime) p -= sat.lateFirstContactPenalty;
        if ((oSurveyU[2 * o + 1] as number) < p) add(day, F.orderSurveySatisfied, 1);
      }
    }
    records?.push({
      type: (orders.types[oType[o] as number] as (typeof orders.types)[number]).name,
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
  workforce.days.forEach((w, d) => {
    add(d, F.leavers, w.leavers);
    add(d, F.hires, w.hires);
  });

  // Day rows, then periods.
  const dayRows: DeskPeriodRow[] = [];
  let backlog = 0;
  let overdue = 0;
  for (let d = 0; d < days; d++) {
    backlog += (arrivedByDay[d] as number) - (closedByDay[d] as number);
    overdue += overdueChange[d] as number;
    const row: Record<string, number | string> = {
      period: calendar.isoDate(d),
      days: 1,
      workingDays: calendar.isWorking(d) ? 1 : 0,
    };
    for (const name of SUMMED) row[name] = counts[d * FIELD_COUNT + F[name]] as number;
    const w = workforce.days[d];
    row.backlogAtEnd = backlog;
    row.overdueAtEnd = overdue;
    row.averagePayroll = w?.payroll ?? 0;
    row.averageOnDuty = onDutyByDay[d] as number;
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
    seed,
    replication,
    policy,
    days: dayRows,
    weeks,
    months,
    quarters,
    total,
    warnings,
    ...(records ? { orders: records } : {}),
  };
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
