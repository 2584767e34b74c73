import type { SatisfactionModel } from '../satisfaction.js';
import type { Distribution } from '../types.js';
import type { WorkforceSpec } from '../workforce.js';

/**
 * A deadline in working time, counted from the order's arrival: either the
 * closing of the n-th working day after the arrival day (the counting of
 * `addWorkingDays`: "5 working days"), or a number of business hours
 * ("within 2 hours", counted in open hours only).
 */
export type DeskDeadline = { readonly workingDays: number } | { readonly workingHours: number };

/** One type of work order (工单) and its deadlines. */
export interface WorkOrderType {
  /** Name: `simple`, `complex`, `urgent`. */
  readonly name: string;
  /** Share of the orders that are of this type, in [0, 1]; the shares sum to 1. */
  readonly share: number;
  /** Deadline of the first contact with the citizen (先行联系). */
  readonly firstContactDeadline: DeskDeadline;
  /** Deadline for closing the order with a reply (按时办结). */
  readonly closureDeadline: DeskDeadline;
}

/**
 * The staff time an order takes, in three steps: first contact with the
 * citizen, coordination (writing up and passing the order to the responsible
 * department), and the reply that closes it once the department has answered.
 * Each is a duration of staff time in seconds, before the learning-curve
 * multiplier of the day.
 */
export interface WorkOrderSteps {
  readonly firstContact: Distribution;
  readonly coordination: Distribution;
  readonly reply: Distribution;
}

/** How long the department takes, in working time, between coordination and reply. */
export interface DepartmentTime {
  /**
   * The department answers after a share of the order's allowance (the working
   * time from its arrival to its closure deadline), uniform in
   * [`minShareOfAllowance`, `maxShareOfAllowance`]. Both in [0, 1).
   */
  readonly minShareOfAllowance: number;
  readonly maxShareOfAllowance: number;
}

/** Calls transferred from 12345 to the desk's transfer seats (转接). */
export interface DeskCallSpec {
  /** Expected transferred calls per working day (Poisson). */
  readonly perWorkingDay: number;
  /**
   * Share of the day's calls in each business hour (the last hour may be
   * partial), summing to 1.
   *
   * __Default value:__ even over the business hours
   */
  readonly hourlyShares?: readonly number[];
  /** Talk time of a transferred call, seconds. */
  readonly handle: Distribution;
  /** How long a transferred caller waits before hanging up, seconds. */
  readonly patience: Distribution;
  /** Service-level threshold, seconds (answered within it counts for the service level). */
  readonly answerWithinSeconds: number;
  /** Survey of answered calls (only `curve` and `responseProbability` are used). */
  readonly survey: Pick<SatisfactionModel, 'curve' | 'responseProbability'>;
}

/** Work orders (工单) dispatched to the desk by 12345. */
export interface DeskWorkOrderSpec {
  /** Expected orders per working day (Poisson). */
  readonly perWorkingDay: number;
  /**
   * Share of the day's orders in each business hour, summing to 1.
   *
   * __Default value:__ even over the business hours
   */
  readonly hourlyShares?: readonly number[];
  /** The types of order and their mix. */
  readonly types: readonly WorkOrderType[];
  /** Staff time per step. */
  readonly steps: WorkOrderSteps;
  /** The department's own elapsed time. */
  readonly department: DepartmentTime;
  /** P(actually resolved 实际解决, rather than explained only 解释说明) for an order closed on time, and for a late one. */
  readonly resolvedProbability: { readonly onTime: number; readonly late: number };
  /**
   * P(satisfied or basically satisfied) of a citizen whose order is resolved
   * and closed on time, resolved but late, or explained only; and the points
   * lost when the first contact was late.
   */
  readonly satisfaction: {
    readonly resolvedOnTime: number;
    readonly resolvedLate: number;
    readonly notResolved: number;
    readonly lateFirstContactPenalty: number;
  };
  /** Share of closed orders whose citizen is surveyed and answers (回访), in [0, 1]. */
  readonly surveyResponseProbability: number;
}

/**
 * Who works on what. `dedicated`: `phoneStaff` of the staff on duty answer
 * calls only, the rest work orders only. `phoneFirst`: everyone answers calls
 * first and works orders in idle time: a call that finds nobody free is taken
 * by a staff member working an order step (the least urgent one), who puts the
 * step down and resumes it after the call (or after the calls then waiting).
 * `reservedShare`: `orderShare` of the staff on duty (rounded) work orders
 * only; the others are phone-first. A call is never interrupted.
 */
export type DeskPolicy =
  | { readonly kind: 'dedicated'; readonly phoneStaff: number }
  | { readonly kind: 'phoneFirst' }
  | { readonly kind: 'reservedShare'; readonly orderShare: number };

/** Everything the desk simulation needs; every section has a documented default (`DESK_DEFAULTS`). */
export interface DeskSpec {
  /** First day, ISO `YYYY-MM-DD`. __Default value:__ `'2020-01-01'` */
  readonly startDate?: string;
  /** Days simulated. __Default value:__ `366` (the year 2020) */
  readonly days?: number;
  /** Business hours, `HH:MM`. __Default value:__ `{ opensAt: '08:30', closesAt: '17:30' }` */
  readonly businessHours?: { readonly opensAt: string; readonly closesAt: string };
  /** Transferred calls (merged field by field with `DESK_CALLS`). */
  readonly calls?: Partial<DeskCallSpec>;
  /** Work orders (merged field by field with `DESK_WORK_ORDERS`). */
  readonly workOrders?: Partial<DeskWorkOrderSpec>;
  /** Staff on payroll and their dynamics (`simulateWorkforce`). */
  readonly workforce?: WorkforceSpec;
  /** Share of live staff not at work on a working day (leave, sickness, breaks, meetings), in [0, 1). */
  readonly shrinkage?: number;
  /**
   * Staff time lost each time an order step put down for a call is picked up
   * again (finding the place, re-reading the case), seconds.
   *
   * __Default value:__ `DESK_INTERRUPTION_OVERHEAD_SECONDS` (60)
   */
  readonly interruptionOverheadSeconds?: number;
  /** Who works on what. __Default value:__ `{ kind: 'dedicated', phoneStaff: 10 }` */
  readonly policy?: DeskPolicy;
  /** Seed of the random streams. __Default value:__ `1` */
  readonly seed?: number;
  /** Replication number (a key of the random streams). __Default value:__ `0` */
  readonly replication?: number;
  /** Keep one record per work order in the result. __Default value:__ `false` */
  readonly keepOrders?: boolean;
}

/** One work order's history, when `keepOrders` is set. Times are seconds since 00:00 of the start date. */
export interface WorkOrderRecord {
  readonly type: string;
  readonly arrivalSeconds: number;
  readonly firstContactDeadlineSeconds: number;
  readonly closureDeadlineSeconds: number;
  /** When the first contact ended (`Infinity` if not yet). */
  readonly firstContactSeconds: number;
  /** When the order was closed (`Infinity` if still open at the end of the horizon). */
  readonly closedSeconds: number;
  /** Flag: the first contact missed its deadline (or is overdue at the end). */
  readonly firstContactLate: boolean;
  /** Flag: closure missed its deadline (or is overdue at the end). */
  readonly closureLate: boolean;
  /** Actually resolved (实际解决); false for explained only, or not closed. */
  readonly resolved: boolean;
}

/**
 * Counts of one period (a day, week, month, quarter or the horizon). KPIs are
 * ratios of these (`deskKpisOf`). Attribution: calls to the day they arrive;
 * a first contact or closure deadline to the day it falls due (so an order
 * still open past its deadline counts as late in that period); resolution and
 * surveys to the day of closing or answering.
 */
export interface DeskPeriodRow {
  /** `YYYY-MM-DD` (day, first day of a week), `YYYY-MM`, `YYYY-Qn` or `YYYY` for the horizon. */
  readonly period: string;
  readonly days: number;
  /** Of them, working days. */
  readonly workingDays: number;
  readonly callsOffered: number;
  readonly callsAnswered: number;
  readonly callsAnsweredWithinThreshold: number;
  readonly callsAbandoned: number;
  readonly ordersArrived: number;
  readonly ordersClosed: number;
  readonly ordersResolved: number;
  readonly firstContactsDue: number;
  readonly firstContactsOnTime: number;
  readonly closuresDue: number;
  readonly closuresOnTime: number;
  readonly callSurveyResponses: number;
  readonly callSurveySatisfied: number;
  readonly orderSurveyResponses: number;
  readonly orderSurveySatisfied: number;
  /** Open orders at the end of the period's last day. */
  readonly backlogAtEnd: number;
  /** Of them, past their closure deadline. */
  readonly overdueAtEnd: number;
  /** Staff-seconds on duty in business hours. */
  readonly staffSecondsOnDuty: number;
  readonly staffSecondsOnCalls: number;
  readonly staffSecondsOnOrders: number;
  /** Average staff on payroll (trainees included). */
  readonly averagePayroll: number;
  /** Average staff at work on working days. */
  readonly averageOnDuty: number;
  readonly leavers: number;
  readonly hires: number;
}

/** The KPIs of a period; `null` where the denominator is 0. */
export interface DeskKpis {
  /** 转接接通率: answered / offered transferred calls. */
  readonly transferAnswerRate: number | null;
  /** Answered within the threshold / offered. */
  readonly serviceLevel: number | null;
  /** 先行联系率: first contacts due in the period made on time / due. */
  readonly firstContactRate: number | null;
  /** 按时办结率: closures due in the period made on time / due. */
  readonly onTimeCompletionRate: number | null;
  /** 诉求解决率: resolved / closed orders. */
  readonly resolutionRate: number | null;
  /** 市民满意率: satisfied or basically satisfied / respondents (calls and orders together). */
  readonly satisfaction: number | null;
  /**
   * Staff busy (calls and orders) / staff on duty in business hours; above 1
   * when steps and queued calls run on after closing (overtime).
   */
  readonly utilisation: number | null;
  /** 人员流失率, annualised: leavers / average payroll x 365 / days. */
  readonly turnoverRate: number | null;
  readonly backlogAtEnd: number;
  readonly overdueAtEnd: number;
}

/** What `simulateDesk` returns. */
export interface DeskResult {
  readonly seed: number;
  readonly replication: number;
  readonly policy: DeskPolicy;
  readonly days: readonly DeskPeriodRow[];
  /** Weeks of 7 days from the start date (the last may be shorter). */
  readonly weeks: readonly DeskPeriodRow[];
  readonly months: readonly DeskPeriodRow[];
  readonly quarters: readonly DeskPeriodRow[];
  /** The whole horizon (`turnoverRate` of its KPIs is the realised annual turnover). */
  readonly total: DeskPeriodRow;
  /** Modelling notes (assumed days beyond the calendar, ...). */
  readonly warnings: readonly string[];
  /** One record per order, when `keepOrders` is set. */
  readonly orders?: readonly WorkOrderRecord[];
}
