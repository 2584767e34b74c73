import { AleaStream } from '../../core/aleaStream.js';
import type { Kernel } from '../../engine/kernel.js';
import { Sampler } from '../distributions.js';
import { EventPriority } from '../priority.js';
import {
  DEFAULT_SATISFACTION,
  satisfactionProbabilityUnchecked,
  type SatisfactionModel,
} from '../satisfaction.js';
import { BusinessHourArrivals } from './arrivals.js';
import type { BusinessCalendar } from './businessCalendar.js';
import { CallRing } from './callRing.js';
import { DayCounters, F } from './counters.js';
import { deadlineSeconds } from './deadlines.js';
import { evenShares, type Resolved } from './resolve.js';
import { TaskQueue } from './taskQueue.js';
import { WorkOrders } from './workOrders.js';

const HOUR_SECONDS = 3_600;

// Staff roles (bit masks).
const PHONE = 1;
const ORDERS = 2;
const BOTH = PHONE | ORDERS;

/** What the desk's day needs from the workforce year, per day of the horizon. */
export interface DeskDays {
  /** Staff on duty each day (0 on days off). */
  onDuty: Int32Array;
  /** Handle-time multiplier of the day (learners are slower). */
  multiplier: Float64Array;
  /** Satisfaction penalty of the day. */
  penalty: Float64Array;
}

/**
 * The 12345 desk as handlers on the kernel: calls and work orders arriving
 * (timers), tasks ending (`ServiceEnd`), orders coming back from their
 * department ready for the reply (`Arrival`), the day opening and closing
 * (`StaffingChange`). Staff are numbered; each has a role by the policy, a task
 * (a call, or a step of an order) and, for phone-first staff, a step put down
 * for a call.
 *
 * @example
 * const desk = new Desk(resolveDesk({}), calendar, new Kernel(1_024), days);
 * desk.start(horizonEnd);
 */
export class Desk {
  readonly counts: DayCounters;
  readonly orders = new WorkOrders();
  private readonly ring = new CallRing();
  private readonly ready = new TaskQueue();
  private readonly callArrivals: BusinessHourArrivals;
  private readonly orderArrivals: BusinessHourArrivals;
  private readonly handleSampler: Sampler;
  private readonly patienceSampler: Sampler;
  private readonly callSurvey: AleaStream;
  private readonly typeStream: AleaStream;
  private readonly stepSamplers: Sampler[];
  private readonly departmentStream: AleaStream;
  private readonly resolutionStream: AleaStream;
  private readonly orderSurvey: AleaStream;
  private readonly callModel: SatisfactionModel;
  private readonly typeCumulative: number[] = [];
  // Staff.
  private readonly busy: Uint8Array;
  private readonly role: Uint8Array;
  /** 0: a call; 1-3: an order's step + 1. */
  private readonly task: Int32Array;
  private readonly taskOrder: Int32Array;
  /** When the current task ends (older end events are stale). */
  private readonly taskEnd: Float64Array;
  /** The current order step's key. */
  private readonly taskKey: Float64Array;
  /** Seconds left of an order step put down for a call. */
  private readonly pausedLeft: Float64Array;
  private readonly pausedTask: Int32Array;
  private readonly pausedOrder: Int32Array;
  private readonly pausedKey: Float64Array;
  private onDuty = 0;
  private open = false;
  private today = 0;
  // The kernel's kinds and timers.
  private readonly taskEndKind: number;
  private readonly orderReadyKind: number;
  private readonly dayOpenKind: number;
  private readonly dayCloseKind: number;
  private readonly callTimer: number;
  private readonly orderTimer: number;
  private horizonEnd = Infinity;

  /**
   * @param r the desk, resolved
   * @param calendar its working calendar
   * @param kernel the kernel it runs on
   * @param days staff on duty and the learning curve by day
   */
  constructor(
    private readonly r: Resolved,
    private readonly calendar: BusinessCalendar,
    private readonly kernel: Kernel,
    private readonly days: DeskDays,
  ) {
    const { calls, orders, seed, replication } = r;
    this.counts = new DayCounters(r.days);
    const slots = Math.ceil(calendar.openSeconds / HOUR_SECONDS);
    // Streams, one per kind of draw.
    const stream = (name: string): AleaStream => new AleaStream(seed, replication, name);
    this.callArrivals = new BusinessHourArrivals(
      calendar,
      calls.perWorkingDay,
      calls.hourlyShares ?? evenShares(slots),
      stream('transferArrivals'),
    );
    this.handleSampler = new Sampler(calls.handle, stream('handleTime'));
    this.patienceSampler = new Sampler(calls.patience, stream('patience'));
    this.callSurvey = stream('callSurvey');
    this.orderArrivals = new BusinessHourArrivals(
      calendar,
      orders.perWorkingDay,
      orders.hourlyShares ?? evenShares(slots),
      stream('workOrders'),
    );
    this.typeStream = stream('workOrderType');
    const stepStream = stream('workOrderSteps');
    this.stepSamplers = [
      new Sampler(orders.steps.firstContact, stepStream),
      new Sampler(orders.steps.coordination, stepStream),
      new Sampler(orders.steps.reply, stepStream),
    ];
    this.departmentStream = stream('department');
    this.resolutionStream = stream('resolution');
    this.orderSurvey = stream('orderSurvey');
    this.callModel = { ...DEFAULT_SATISFACTION, ...calls.survey, penaltyPerExtraAttempt: 0 };
    orders.types.reduce((acc, t) => {
      this.typeCumulative.push(acc + t.share);
      return acc + t.share;
    }, 0);
    const staff = Math.max(1, ...days.onDuty);
    this.busy = new Uint8Array(staff);
    this.role = new Uint8Array(staff);
    this.task = new Int32Array(staff);
    this.taskOrder = new Int32Array(staff);
    this.taskEnd = new Float64Array(staff);
    this.taskKey = new Float64Array(staff);
    this.pausedLeft = new Float64Array(staff);
    this.pausedTask = new Int32Array(staff);
    this.pausedOrder = new Int32Array(staff);
    this.pausedKey = new Float64Array(staff);
    this.taskEndKind = kernel.kind(EventPriority.ServiceEnd, (s) => this.onTaskEnd(s));
    this.dayOpenKind = kernel.kind(EventPriority.StaffingChange, (d) => this.onDayOpen(d));
    this.dayCloseKind = kernel.kind(EventPriority.StaffingChange, () => this.onDayClose());
    this.callTimer = kernel.timer(EventPriority.Arrival, () => this.onCallArrival());
    this.orderTimer = kernel.timer(EventPriority.Arrival, () => this.onOrderArrival());
    this.orderReadyKind = kernel.kind(EventPriority.Arrival, (order) => this.onOrderReady(order));
  }

  /**
   * Schedule the opening and closing of every working day of the horizon (and
   * count the staff-seconds on duty), and the first call and order.
   *
   * @param horizonEnd end of the horizon, seconds
   */
  start(horizonEnd: number): void {
    const { calendar, kernel } = this;
    this.horizonEnd = horizonEnd;
    for (let d = 0; d < this.r.days; d++) {
      if (!calendar.isWorking(d)) continue;
      kernel.schedule(this.dayOpenKind, calendar.opensAt(d), d);
      kernel.schedule(this.dayCloseKind, calendar.closesAt(d), d);
      this.counts.add(d, F.staffSecondsOnDuty, (this.days.onDuty[d] as number) * calendar.openSeconds);
    }
    const firstCall = this.callArrivals.next();
    if (firstCall < horizonEnd) kernel.setTimer(this.callTimer, firstCall);
    const firstOrder = this.orderArrivals.next();
    if (firstOrder < horizonEnd) kernel.setTimer(this.orderTimer, firstOrder);
  }

  /** Calls still waiting at the end of the horizon (none in business hours) abandon. */
  finish(): void {
    this.purge(Infinity);
  }

  /** A task ends: its staff member completes it and looks for the next. */
  private onTaskEnd(s: number): void {
    const now = this.kernel.now;
    if (this.busy[s] === 0 || now !== this.taskEnd[s]) return; // the end of a step put down for a call
    this.busy[s] = 0;
    const t = this.task[s] as number;
    if (t > 0) this.completeStep(this.taskOrder[s] as number, t - 1, now);
    this.dispatch(s, now);
    if (t > 0) this.assignOrders(now);
  }

  /**
   * A call arrives (its draws made now, whatever happens to it): a free phone
   * staff member takes it, or a phone-first one puts down the least urgent order
   * step for it, or it waits.
   */
  private onCallArrival(): void {
    const now = this.kernel.now;
    const handle = this.handleSampler.next();
    const patience = this.patienceSampler.next();
    const u1 = this.callSurvey.next();
    const u2 = this.callSurvey.next();
    this.counts.add(this.calendar.dayOf(now), F.callsOffered, 1);
    let s = this.findFree(PHONE);
    if (s < 0) {
      s = this.interruptible();
      if (s >= 0) {
        const left = (this.taskEnd[s] as number) - now;
        this.counts.add(this.today, F.staffSecondsOnOrders, -left);
        this.pausedLeft[s] = left;
        this.pausedTask[s] = this.task[s] as number;
        this.pausedOrder[s] = this.taskOrder[s] as number;
        this.pausedKey[s] = this.taskKey[s] as number;
      }
    }
    if (s >= 0) this.startCall(s, now, now, handle, u1, u2);
    else this.ring.push(now, now + patience, handle, u1, u2);
    const next = this.callArrivals.next();
    if (next < this.horizonEnd) this.kernel.setTimer(this.callTimer, next);
  }

  /** A work order arrives. */
  private onOrderArrival(): void {
    this.newOrder(this.kernel.now);
    const next = this.orderArrivals.next();
    if (next < this.horizonEnd) this.kernel.setTimer(this.orderTimer, next);
  }

  /** An order is back from its department: its reply is ready. */
  private onOrderReady(order: number): void {
    this.ready.push(this.calendar.businessAt(this.orders.closeDeadline[order] as number), order * 4 + 2);
    this.assignOrders(this.kernel.now);
  }

  /** A working day opens: its staff come on duty with their roles. */
  private onDayOpen(day: number): void {
    this.today = day;
    this.onDuty = this.days.onDuty[day] as number;
    this.setRoles(this.onDuty);
    this.open = true;
    this.assignOrders(this.kernel.now);
  }

  /** The working day closes (steps started are finished; waiting calls are still answered). */
  private onDayClose(): void {
    this.open = false;
  }

  private findFree(exclusive: number): number {
    for (let s = 0; s < this.onDuty; s++) if (this.busy[s] === 0 && this.role[s] === exclusive) return s;
    for (let s = 0; s < this.onDuty; s++) if (this.busy[s] === 0 && this.role[s] === BOTH) return s;
    return -1;
  }

  private startCall(s: number, now: number, arrival: number, handle: number, u1: number, u2: number): void {
    const wait = now - arrival;
    const day = this.calendar.dayOf(arrival);
    const counts = this.counts;
    counts.add(day, F.callsAnswered, 1);
    if (wait <= this.r.calls.answerWithinSeconds) counts.add(day, F.callsAnsweredWithinThreshold, 1);
    if (u1 < this.callModel.responseProbability) {
      counts.add(day, F.callSurveyResponses, 1);
      const p = satisfactionProbabilityUnchecked(
        this.callModel,
        wait,
        1,
        this.days.penalty[this.today] as number,
      );
      if (u2 < p) counts.add(day, F.callSurveySatisfied, 1);
    }
    const duration = handle * (this.days.multiplier[this.today] as number);
    counts.add(this.today, F.staffSecondsOnCalls, duration);
    this.busy[s] = 1;
    this.task[s] = 0;
    this.taskEnd[s] = now + duration;
    this.kernel.schedule(this.taskEndKind, now + duration, s);
  }

  private runStep(s: number, now: number, order: number, step: number, key: number, duration: number): void {
    this.counts.add(this.today, F.staffSecondsOnOrders, duration);
    this.busy[s] = 1;
    this.task[s] = step + 1;
    this.taskOrder[s] = order;
    this.taskKey[s] = key;
    this.taskEnd[s] = now + duration;
    this.kernel.schedule(this.taskEndKind, now + duration, s);
  }

  private startStep(s: number, now: number, packed: number): void {
    const order = packed >> 2;
    const step = packed & 3;
    const duration =
      (this.orders.steps[order * 3 + step] as number) * (this.days.multiplier[this.today] as number);
    this.runStep(s, now, order, step, this.ready.lastKey, duration);
  }

  /**
   * A phone-first staff member working an order step to put it down for a
   * call: the one whose step is least urgent (latest key); -1 when none.
   */
  private interruptible(): number {
    let best = -1;
    for (let s = 0; s < this.onDuty; s++) {
      if (this.role[s] === BOTH && this.busy[s] === 1 && (this.task[s] as number) > 0) {
        if (best < 0 || (this.taskKey[s] as number) > (this.taskKey[best] as number)) best = s;
      }
    }
    return best;
  }

  /** Drop waiting calls whose patience ended by `now` (counted as abandoned on their arrival day). */
  private purge(now: number): void {
    const ring = this.ring;
    while (ring.count > 0 && (ring.deadline[ring.head] as number) <= now) {
      this.counts.add(this.calendar.dayOf(ring.arrival[ring.head] as number), F.callsAbandoned, 1);
      ring.shiftHead();
    }
  }

  /** A free staff member on duty looks for work by role: a waiting call first, then a ready order step. */
  private dispatch(s: number, now: number): void {
    const mask = s < this.onDuty ? (this.role[s] as number) : 0;
    if ((mask & PHONE) !== 0) {
      this.purge(now);
      const ring = this.ring;
      if (ring.count > 0) {
        const i = ring.shiftHead();
        this.startCall(
          s,
          now,
          ring.arrival[i] as number,
          ring.handle[i] as number,
          ring.survey1[i] as number,
          ring.survey2[i] as number,
        );
        return;
      }
    }
    if ((this.pausedLeft[s] as number) > 0) {
      const left = (this.pausedLeft[s] as number) + this.r.interruptionOverheadSeconds;
      this.pausedLeft[s] = 0;
      const order = this.pausedOrder[s] as number;
      this.runStep(s, now, order, (this.pausedTask[s] as number) - 1, this.pausedKey[s] as number, left);
      return;
    }
    if ((mask & ORDERS) !== 0 && this.open && this.ready.size > 0) this.startStep(s, now, this.ready.pop());
  }

  /** Give ready order steps to free staff allowed to work them. */
  private assignOrders(now: number): void {
    if (!this.open) return;
    while (this.ready.size > 0) {
      const s = this.findFree(ORDERS);
      if (s < 0) return;
      this.startStep(s, now, this.ready.pop());
    }
  }

  private setRoles(n: number): void {
    const policy = this.r.policy;
    for (let s = 0; s < n; s++) {
      if (policy.kind === 'dedicated') this.role[s] = s < Math.min(policy.phoneStaff, n) ? PHONE : ORDERS;
      else if (policy.kind === 'phoneFirst') this.role[s] = BOTH;
      else this.role[s] = s < Math.round(policy.orderShare * n) ? ORDERS : BOTH;
    }
  }

  /** A new order: its type, deadlines and draws, and its first contact ready. */
  private newOrder(now: number): void {
    const { calendar, orders: o } = this;
    const spec = this.r.orders;
    const index = o.count;
    const u = this.typeStream.next();
    let type = 0;
    while (type < this.typeCumulative.length - 1 && u >= (this.typeCumulative[type] as number)) type++;
    const kind = spec.types[type]!;
    const firstDeadline = deadlineSeconds(calendar, now, kind.firstContactDeadline);
    const closeDeadline = deadlineSeconds(calendar, now, kind.closureDeadline);
    const closeKey = calendar.businessAt(closeDeadline);
    const { minShareOfAllowance: lo, maxShareOfAllowance: hi } = spec.department;
    o.arrival.push(now);
    o.type.push(type);
    o.firstDeadline.push(firstDeadline);
    o.closeDeadline.push(closeDeadline);
    o.firstDone.push(Infinity);
    o.closed.push(Infinity);
    for (const sampler of this.stepSamplers) o.steps.push(sampler.next());
    o.departmentShare.push(lo + (hi - lo) * this.departmentStream.next());
    o.allowance.push(closeKey - calendar.businessAt(now));
    o.resolveU.push(this.resolutionStream.next());
    o.surveyU.push(this.orderSurvey.next(), this.orderSurvey.next());
    this.ready.push(calendar.businessAt(firstDeadline), index * 4);
    this.assignOrders(now);
  }

  /** A step of an order is done: the next becomes ready (after the department's time, for the reply). */
  private completeStep(order: number, step: number, now: number): void {
    const { calendar, orders: o } = this;
    if (step === 0) {
      o.firstDone[order] = now;
      const closeKey = calendar.businessAt(o.closeDeadline[order] as number);
      const hi = this.r.orders.department.maxShareOfAllowance;
      this.ready.push(closeKey - hi * (o.allowance[order] as number), order * 4 + 1);
    } else if (step === 1) {
      const back =
        calendar.businessAt(now) + (o.departmentShare[order] as number) * (o.allowance[order] as number);
      const readyAt = Math.max(now, calendar.timeAtBusiness(back, false));
      if (Number.isFinite(readyAt)) this.kernel.schedule(this.orderReadyKind, readyAt, order);
    } else {
      o.closed[order] = now;
    }
  }
}
