import { describe, expect, it } from 'vitest';
import { deskKpisOf, simulateDesk } from '../../sim/model/desk/simulateDesk.js';
import type { DeskSpec } from '../../sim/model/desk/types.js';
import type { WorkforceSpec } from '../../sim/model/workforce.js';

/** A fixed staff: nobody leaves, nobody is hired. */
const fixedStaff = (initialStaff: number): WorkforceSpec => ({
  initialStaff,
  turnover: 0,
  hiring: { policy: 'none', recruitmentLagDays: 0, trainingDays: 0 },
});

// Six weeks around National Day (1-8 Oct holidays; 27 Sep and 10 Oct worked), so deadlines
// cross a long holiday. Volumes are the desk's defaults: 1,200 calls and 300 orders a working day.
const AROUND_NATIONAL_DAY: DeskSpec = { startDate: '2020-09-21', days: 42 };

describe('simulateDesk', () => {
  it('is determined by its seed, and another seed gives other draws', () => {
    const spec: DeskSpec = { startDate: '2020-03-02', days: 14, seed: 3 };
    const a = simulateDesk(spec);
    const b = simulateDesk(spec);
    expect(b).toEqual(a);
    const c = simulateDesk({ ...spec, seed: 4 });
    expect(c.total.callsOffered).not.toBe(a.total.callsOffered);
  });

  it('gives two policies the same calls and orders for a seed (common random numbers)', () => {
    const base: DeskSpec = { startDate: '2020-03-02', days: 14, seed: 5 };
    const dedicated = simulateDesk({ ...base, policy: { kind: 'dedicated', phoneStaff: 8 } });
    const phoneFirst = simulateDesk({ ...base, policy: { kind: 'phoneFirst' } });
    expect(phoneFirst.days.map((d) => d.callsOffered)).toEqual(dedicated.days.map((d) => d.callsOffered));
    expect(phoneFirst.days.map((d) => d.ordersArrived)).toEqual(dedicated.days.map((d) => d.ordersArrived));
  });

  it('takes calls and orders on working days only, about the expected number', () => {
    const run = simulateDesk(AROUND_NATIONAL_DAY);
    for (const day of run.days) {
      if (day.workingDays === 0) {
        expect(day.callsOffered + day.ordersArrived).toBe(0);
        expect(day.staffSecondsOnDuty).toBe(0);
      }
    }
    // 26 working days in the six weeks, counted by hand: 21-25 Sep (5), Sun 27 Sep worked (6),
    // 28-30 Sep (9), 1-8 Oct off, Fri 9 and Sat 10 Oct worked (11), then three full weeks to
    // 30 Oct (26). Poisson totals: 31,200 calls (sd 177) and 7,800 orders (sd 88); within 5 sd.
    expect(run.total.workingDays).toBe(26);
    expect(Math.abs(run.total.callsOffered - 31_200)).toBeLessThan(5 * 177);
    expect(Math.abs(run.total.ordersArrived - 7_800)).toBeLessThan(5 * 88);
    // Every offered call is answered or abandoned.
    expect(run.total.callsAnswered + run.total.callsAbandoned).toBe(run.total.callsOffered);
  });

  it('with ample staff every first contact and every closure meets its deadline', () => {
    const run = simulateDesk({
      ...AROUND_NATIONAL_DAY,
      workforce: fixedStaff(120),
      policy: { kind: 'dedicated', phoneStaff: 20 },
      keepOrders: true,
      seed: 2,
    });
    const orders = run.orders ?? [];
    const horizonEnd = 42 * 86_400;
    const due = orders.filter((o) => o.closureDeadlineSeconds < horizonEnd);
    expect(due.length).toBeGreaterThan(3_500);
    // Orders arriving 30 Sep are due after the holiday: they must be in the count.
    expect(due.some((o) => o.arrivalSeconds < 10 * 86_400 && o.closureDeadlineSeconds > 18 * 86_400)).toBe(
      true,
    );
    expect(orders.some((o) => o.type === 'urgent')).toBe(true);
    expect(orders.filter((o) => o.firstContactLate || o.closureLate)).toEqual([]);
    for (const o of due) expect(o.closedSeconds).toBeLessThanOrEqual(o.closureDeadlineSeconds);
    const kpis = deskKpisOf(run.total);
    expect(kpis.firstContactRate).toBe(1);
    expect(kpis.onTimeCompletionRate).toBe(1);
    expect(kpis.overdueAtEnd).toBe(0);
    expect(kpis.transferAnswerRate).toBeGreaterThan(0.99);
  });

  it('with too few staff the backlog grows week by week and on-time closure falls', () => {
    const few = simulateDesk({ ...AROUND_NATIONAL_DAY, workforce: fixedStaff(30), seed: 2 });
    const ample = simulateDesk({
      ...AROUND_NATIONAL_DAY,
      workforce: fixedStaff(120),
      policy: { kind: 'dedicated', phoneStaff: 20 },
      seed: 2,
    });
    // 30 x 0.7 = 21 on duty, 10 on the phones: 11 x 9 h = 99 h for 300 x 45 min = 225 h of orders.
    const backlog = few.weeks.map((w) => w.backlogAtEnd);
    for (let i = 1; i < backlog.length; i++) expect(backlog[i]).toBeGreaterThan(backlog[i - 1] as number);
    const fewKpis = deskKpisOf(few.total);
    const ampleKpis = deskKpisOf(ample.total);
    expect(fewKpis.backlogAtEnd).toBeGreaterThan(2 * ampleKpis.backlogAtEnd);
    expect(fewKpis.onTimeCompletionRate as number).toBeLessThan(0.9);
    expect(fewKpis.onTimeCompletionRate as number).toBeLessThan(ampleKpis.onTimeCompletionRate as number);
    expect(fewKpis.overdueAtEnd).toBeGreaterThan(0);
    expect(fewKpis.resolutionRate as number).toBeLessThan(ampleKpis.resolutionRate as number);
  });

  it('phone-first raises the transfer answer rate and lowers on-time closure against dedicated staff', () => {
    // A small desk where orders take most of the time: 9 staff at work (no shrinkage), 300 calls
    // (300 x 240 s = 20 h) and 85 orders (85 x 45 min = 63.75 h) a working day. Dedicated with 1 on
    // the phones leaves 8 x 9 h = 72 h for orders: enough. Phone-first pools 81 h for 83.75 h of
    // work plus 60 s lost per interrupted step: short, so orders fall behind.
    const base: DeskSpec = {
      startDate: '2020-03-02',
      days: 84,
      shrinkage: 0,
      workforce: fixedStaff(9),
      calls: { perWorkingDay: 300 },
      workOrders: { perWorkingDay: 85 },
      seed: 8,
    };
    const dedicated = deskKpisOf(
      simulateDesk({ ...base, policy: { kind: 'dedicated', phoneStaff: 1 } }).total,
    );
    const phoneFirst = deskKpisOf(simulateDesk({ ...base, policy: { kind: 'phoneFirst' } }).total);
    expect(phoneFirst.transferAnswerRate as number).toBeGreaterThan(
      (dedicated.transferAnswerRate as number) + 0.2,
    );
    expect(phoneFirst.onTimeCompletionRate as number).toBeLessThan(dedicated.onTimeCompletionRate as number);
    expect(dedicated.onTimeCompletionRate).toBe(1);
  });

  it('an order step put down for a call costs the interruption overhead when resumed', () => {
    // Same calls and orders (same seed); only the minutes lost per resumed step differ. Dedicated
    // staff are never interrupted, so there the overhead changes nothing.
    const base: DeskSpec = {
      startDate: '2020-03-02',
      days: 14,
      shrinkage: 0,
      workforce: fixedStaff(9),
      calls: { perWorkingDay: 300 },
      workOrders: { perWorkingDay: 60 },
      seed: 6,
    };
    const phoneFirst = (overhead: number) =>
      simulateDesk({ ...base, policy: { kind: 'phoneFirst' }, interruptionOverheadSeconds: overhead }).total;
    const none = phoneFirst(0);
    const costly = phoneFirst(300);
    expect(costly.callsOffered).toBe(none.callsOffered);
    expect(costly.staffSecondsOnOrders).toBeGreaterThan(none.staffSecondsOnOrders + 300 * 100);
    const dedicated = (overhead: number) =>
      simulateDesk({
        ...base,
        policy: { kind: 'dedicated', phoneStaff: 3 },
        interruptionOverheadSeconds: overhead,
      }).total;
    expect(dedicated(300)).toEqual(dedicated(0));
  });

  it('reservedShare keeps its share of staff off the phones', () => {
    const base: DeskSpec = {
      startDate: '2020-03-02',
      days: 7,
      shrinkage: 0,
      workforce: fixedStaff(10),
      seed: 1,
    };
    // With every staff member reserved for orders nobody answers; with none reserved it is phone-first.
    const allReserved = simulateDesk({ ...base, policy: { kind: 'reservedShare', orderShare: 1 } });
    expect(allReserved.total.callsAnswered).toBe(0);
    const noneReserved = simulateDesk({ ...base, policy: { kind: 'reservedShare', orderShare: 0 } });
    const phoneFirst = simulateDesk({ ...base, policy: { kind: 'phoneFirst' } });
    expect(noneReserved.total).toEqual(phoneFirst.total);
  });

  it('takes on-duty staff from the workforce: trainees and shrinkage are not at work', () => {
    const run = simulateDesk({ startDate: '2020-03-02', days: 7, workforce: fixedStaff(50), shrinkage: 0.3 });
    // 50 x (1 - 0.3) = 35 at work on each of the 5 working days, 9 h each.
    expect(run.total.averageOnDuty).toBe(35);
    expect(run.total.staffSecondsOnDuty).toBe(5 * 35 * 32_400);
    expect(run.total.averagePayroll).toBe(50);
  });

  it('rejects invalid input, naming the field', () => {
    expect(() => simulateDesk({ shrinkage: 1 })).toThrow(/simulateDesk: shrinkage/);
    expect(() => simulateDesk({ policy: { kind: 'dedicated', phoneStaff: 2.5 } })).toThrow(
      'simulateDesk: policy.phoneStaff must be a non-negative integer (got 2.5)',
    );
    expect(() => simulateDesk({ calls: { hourlyShares: [1] } })).toThrow(
      /calls.hourlyShares must have one share/,
    );
    expect(() =>
      simulateDesk({
        workOrders: {
          types: [
            {
              name: 'x',
              share: 0.5,
              firstContactDeadline: { workingDays: 1 },
              closureDeadline: { workingDays: 5 },
            },
          ],
        },
      }),
    ).toThrow(/shares must sum to 1/);
    expect(() => simulateDesk({ businessHours: { opensAt: '8:30', closesAt: '17:30' } })).toThrow(/opensAt/);
  });
});
