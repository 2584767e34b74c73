import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyedEvents } from '../../sim/engine/keyedEvents.js';
import { Kernel } from '../../sim/engine/kernel.js';

describe('Kernel', () => {
  it('runs events of the calendar, timers and bags in time order, whatever the order they were set', () => {
    // Property: every event comes out once, at its instant, and the instants never go back.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.double({ min: 0, max: 1_000, noNaN: true })), {
          maxLength: 60,
        }),
        (events) => {
          const kernel = new Kernel(4);
          const seen: [number, number][] = [];
          const kind = kernel.kind(2, (data) => seen.push([kernel.now, data]));
          const bag = kernel.bag(0, () => seen.push([kernel.now, -1]));
          // A timer holds one instant: it re-arms itself from a sorted list.
          const pending: number[] = [];
          const timer = kernel.timer(1, () => {
            seen.push([kernel.now, -2]);
            const next = pending.shift();
            if (next !== undefined) kernel.setTimer(timer, Math.max(next, kernel.now));
          });
          events.forEach(([source, time], i) => {
            if (source === 0) kernel.schedule(kind, time, i);
            else if (source === 1) bag.push(time);
            else pending.push(time);
          });
          pending.sort((a, b) => a - b);
          const first = pending.shift();
          if (first !== undefined) kernel.setTimer(timer, first);
          kernel.run(Infinity);
          expect(seen).toHaveLength(events.length);
          for (let k = 1; k < seen.length; k++) expect(seen[k]![0]).toBeGreaterThanOrEqual(seen[k - 1]![0]);
          const fromCalendar = seen.filter(([, d]) => d >= 0).map(([t, d]) => [t, events[d]![1]]);
          for (const [t, time] of fromCalendar) expect(t).toBe(time);
          expect(kernel.events).toBe(events.length);
        },
      ),
    );
  });

  it('orders same-instant events by priority; at equal priority bags, keyed events, the calendar, then timers', () => {
    // Exact, by hand (simmer's at(1:n) style): seven events at t = 10, set in mixed order.
    const kernel = new Kernel();
    const order: string[] = [];
    const late = kernel.kind(5, () => order.push('calendar 5'));
    const middle = kernel.kind(3, () => order.push('calendar 3'));
    const timer = kernel.timer(3, () => order.push('timer 3'));
    const early = kernel.timer(1, () => order.push('timer 1'));
    const bag = kernel.bag(3, () => order.push('bag 3'));
    const first = kernel.bag(0, () => order.push('bag 0'));
    const keyed = kernel.keyed(3, () => order.push('keyed 3'));
    keyed.set(4, 10);
    kernel.schedule(late, 10, 0);
    kernel.setTimer(timer, 10);
    kernel.schedule(middle, 10, 0);
    bag.push(10);
    kernel.setTimer(early, 10);
    first.push(10);
    kernel.run(Infinity);
    expect(order).toEqual(['bag 0', 'timer 1', 'bag 3', 'keyed 3', 'calendar 3', 'timer 3', 'calendar 5']);
  });

  it('breaks ties of time and priority in the calendar by the order scheduled', () => {
    const kernel = new Kernel();
    const seen: number[] = [];
    const kind = kernel.kind(4, (data) => seen.push(data));
    for (const data of [4, 2, 9, 1, 7]) kernel.schedule(kind, 60, data);
    kernel.run(Infinity);
    expect(seen).toEqual([4, 2, 9, 1, 7]);
  });

  it('runs a deferred action once per instant, after the lower priorities and before the clock moves', () => {
    const kernel = new Kernel();
    const log: string[] = [];
    const action = kernel.deferred(3, () => log.push(`deferred at ${kernel.now}`));
    const ask = kernel.kind(1, (data) => {
      log.push(`ask ${data} at ${kernel.now}`);
      kernel.request(action);
    });
    const before = kernel.kind(2, () => log.push(`priority 2 at ${kernel.now}`));
    const after = kernel.kind(3, () => log.push(`priority 3 at ${kernel.now}`));
    kernel.schedule(ask, 5, 1);
    kernel.schedule(ask, 5, 2);
    kernel.schedule(after, 5, 0);
    kernel.schedule(before, 5, 0);
    kernel.schedule(ask, 8, 3);
    kernel.run(Infinity);
    expect(log).toEqual([
      'ask 1 at 5',
      'ask 2 at 5',
      'priority 2 at 5',
      'deferred at 5',
      'priority 3 at 5',
      'ask 3 at 8',
      'deferred at 8',
    ]);
    expect(kernel.events).toBe(5); // deferred actions are not events
  });

  it('stops before the next event when a handler says so, and resumes on the next run', () => {
    const kernel = new Kernel();
    const seen: number[] = [];
    const kind = kernel.kind(0, (data) => {
      seen.push(data);
      if (data === 2) kernel.stop();
    });
    for (let k = 1; k <= 4; k++) kernel.schedule(kind, k, k);
    kernel.run(Infinity);
    expect(seen).toEqual([1, 2]);
    expect(kernel.wasStopped).toBe(true);
    expect(kernel.now).toBe(2);
    kernel.run(Infinity);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(kernel.wasStopped).toBe(false);
  });

  it('leaves events at or after `until` pending; step() processes one event', () => {
    const kernel = new Kernel();
    const seen: number[] = [];
    const kind = kernel.kind(0, (data) => seen.push(data));
    for (const t of [1, 2, 3, 4]) kernel.schedule(kind, t, t);
    expect(kernel.run(3)).toBe(2);
    expect(seen).toEqual([1, 2]);
    expect(kernel.step()).toBe(true);
    expect(seen).toEqual([1, 2, 3]);
    expect(kernel.step()).toBe(true);
    expect(kernel.step()).toBe(false);
    expect(kernel.now).toBe(4);
  });

  it('runs the advance hook when the clock moves forward, with the instant it left', () => {
    const kernel = new Kernel();
    const moves: [number, number][] = [];
    kernel.onAdvance(() => moves.push([kernel.previous, kernel.now]));
    const kind = kernel.kind(0, () => {});
    for (const t of [0, 2, 2, 7]) kernel.schedule(kind, t, 0);
    kernel.run(Infinity);
    expect(moves).toEqual([
      [0, 2],
      [2, 7],
    ]);
  });

  it('rejects events before the clock and priorities out of range, naming the method', () => {
    const kernel = new Kernel();
    const kind = kernel.kind(0, () => {});
    const timer = kernel.timer(0, () => {});
    kernel.schedule(kind, 10, 0);
    kernel.run(Infinity);
    expect(() => kernel.schedule(kind, 9, 0)).toThrow(
      'Kernel.schedule: time must be >= the clock 10 (got 9)',
    );
    expect(() => kernel.setTimer(timer, Number.NaN)).toThrow(/Kernel.setTimer: time must be >= the clock/);
    expect(() => kernel.kind(256, () => {})).toThrow(
      'Kernel.kind: priority must be an integer in [0, 255] (got 256)',
    );
    expect(() => kernel.timer(-1, () => {})).toThrow(RangeError);
  });
});

describe('KeyedEvents', () => {
  it('holds one event per key, set, moved or cancelled, and gives them in time order (property)', () => {
    // Against a plain map of key -> [time, order set], the reference.
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('set', 'cancel', 'pop'),
            fc.integer({ min: 0, max: 40 }),
            fc.integer({ min: 0, max: 50 }),
          ),
          { maxLength: 200 },
        ),
        (operations) => {
          const heap = new KeyedEvents(2);
          const reference = new Map<number, [number, number]>();
          let order = 0;
          for (const [operation, key, time] of operations) {
            if (operation === 'set') {
              heap.set(key, time);
              reference.set(key, [time, order++]);
            } else if (operation === 'cancel') {
              heap.cancel(key);
              reference.delete(key);
            } else if (reference.size > 0) {
              const [expectedKey] = [...reference].sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1])[0]!;
              expect(heap.minKey).toBe(expectedKey);
              heap.removeMin();
              reference.delete(expectedKey);
            }
            expect(heap.size).toBe(reference.size);
            expect(heap.has(key)).toBe(reference.has(key));
            const earliest = Math.min(...[...reference.values()].map(([t]) => t));
            expect(heap.min).toBe(earliest);
          }
        },
      ),
    );
  });

  it('runs on the kernel: a cancelled event never comes, a moved one comes at its new time', () => {
    const kernel = new Kernel();
    const seen: [number, number][] = [];
    const due = kernel.keyed(2, (key) => seen.push([kernel.now, key]));
    due.set(1, 10);
    due.set(2, 20);
    due.set(3, 30);
    due.cancel(2);
    due.set(3, 5);
    kernel.run(Infinity);
    expect(seen).toEqual([
      [5, 3],
      [10, 1],
    ]);
    expect(due.size).toBe(0);
  });
});
