import {
  requireInRange,
  requireNonNegativeFinite,
  requireNonNegativeInteger,
  requirePositiveInteger,
  requireProbability,
} from '../../core/validate.js';
import { checkDistribution } from '../distributions.js';
import { clockSeconds } from './businessCalendar.js';
import { checkDeadline } from './deadlines.js';
import {
  DESK_CALLS,
  DESK_INTERRUPTION_OVERHEAD_SECONDS,
  DESK_POLICY,
  DESK_SHRINKAGE,
  DESK_WORK_ORDERS,
} from './defaults.js';
import type { DeskCallSpec, DeskPolicy, DeskSpec, DeskWorkOrderSpec } from './types.js';

const HOUR_SECONDS = 3_600;

/** A desk spec with every default filled in and every field checked. */
export interface Resolved {
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

/**
 * Equal shares of a day's volume for each business hour.
 *
 * @param slots business hours in a day
 * @returns `slots` shares of `1 / slots`
 * @example
 * evenShares(4); // => [0.25, 0.25, 0.25, 0.25]
 */
export function evenShares(slots: number): number[] {
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

/**
 * Fill in the defaults of a desk spec and check every field.
 *
 * @param spec the desk
 * @returns the spec resolved
 * @throws {RangeError} naming the field of an invalid spec
 * @example
 * resolveDesk({}).policy; // => { kind: 'dedicated', phoneStaff: 10 }
 */
export function resolveDesk(spec: DeskSpec): Resolved {
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
