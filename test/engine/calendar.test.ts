import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventCalendar, InstantHeap } from '../../sim/engine/calendar.js';

/** Pop everything, as [time, priority, kind, data] tuples. */
function drain(calendar: EventCalendar): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  while (calendar.pop()) out.push([calendar.time, calendar.priority, calendar.kind, calendar.data]);
  return out;
}

describe('EventCalendar', () => {
  it('pops events in time order', () => {
    // Exact, by hand: times 3, 1, 2 come out 1, 2, 3.
    const calendar = new EventCalendar();
    calendar.schedule(3, 0, 0, 30);
    calendar.schedule(1, 0, 0, 10);
    calendar.schedule(2, 0, 0, 20);
    expect(drain(calendar).map((e) => e[3])).toEqual([10, 20, 30]);
  });

  it('orders same-instant events by priority, whatever the order they were scheduled in', () => {
    // Exact, by hand (simmer's at(1:n) style): six events at t = 10 scheduled in reverse
    // priority order come out in the documented order.
    const calendar = new EventCalendar();
    const order = [5, 4, 3, 2, 1, 0];
    for (const priority of order) calendar.schedule(10, priority, priority, 0);
    expect(drain(calendar).map((e) => e[1])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('breaks ties of time and priority by scheduling order', () => {
    // Exact, by hand: five arrivals at the same instant keep the order they were scheduled in.
    const calendar = new EventCalendar();
    for (const data of [4, 2, 9, 1, 7]) calendar.schedule(60, 4, 0, data);
    expect(drain(calendar).map((e) => e[3])).toEqual([4, 2, 9, 1, 7]);
  });

  it('reports the earliest time and priority without removing it, and Infinity when empty', () => {
    const calendar = new EventCalendar();
    expect(calendar.peekTime()).toBe(Infinity);
    expect(calendar.peekPriority()).toBe(Infinity);
    expect(calendar.pop()).toBe(false);
    calendar.schedule(5, 2, 1, 1);
    calendar.schedule(5, 0, 1, 2);
    expect(calendar.peekTime()).toBe(5);
    expect(calendar.peekPriority()).toBe(0);
    expect(calendar.size).toBe(2);
  });

  it('grows past its initial capacity without losing events', () => {
    // Exact: 10,000 events with distinct times scheduled in a scrambled order come out sorted.
    const calendar = new EventCalendar(4);
    const n = 10_000;
    for (let i = 0; i < n; i++) calendar.schedule((i * 7_919) % n, 0, 0, (i * 7_919) % n);
    const data = drain(calendar).map((e) => e[3]);
    expect(data).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('advances the clock and refuses an event before it (a model bug)', () => {
    const calendar = new EventCalendar();
    calendar.schedule(100, 0, 0, 0);
    calendar.pop();
    expect(calendar.time).toBe(100);
    expect(() => calendar.schedule(99, 0, 0, 0)).toThrow(
      'EventCalendar.schedule: time must be >= the clock 100 (got 99)',
    );
    expect(() => calendar.schedule(Number.NaN, 0, 0, 0)).toThrow(RangeError);
    expect(() => calendar.schedule(200, 1.5, 0, 0)).toThrow(/priority/);
    expect(() => calendar.schedule(200, 256, 0, 0)).toThrow(/priority/);
  });

  it('property: without interleaving, pops come out sorted by (time, priority, sequence)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), {
          maxLength: 400,
        }),
        (events) => {
          const calendar = new EventCalendar(4);
          events.forEach(([time, priority], sequence) => calendar.schedule(time, priority, 0, sequence));
          const popped = drain(calendar).map(([time, priority, , sequence]) => [time, priority, sequence]);
          // Reference: the same triples sorted by a plain comparison.
          const expected = events
            .map(([time, priority], sequence) => [time, priority, sequence])
            .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!);
          expect(popped).toEqual(expected);
        },
      ),
      { seed: 1_127, numRuns: 300 },
    );
  });

  it('property: each pop is the least pending (time, priority, sequence), interleaved with pushes', () => {
    const op = fc.oneof(
      fc.record({
        push: fc.constant(true),
        // Few distinct times and priorities, so that ties are frequent.
        dt: fc.integer({ min: 0, max: 3 }),
        priority: fc.integer({ min: 0, max: 5 }),
      }),
      fc.record({ push: fc.constant(false), dt: fc.constant(0), priority: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const calendar = new EventCalendar(4);
        // Reference: a plain array of [time, priority, sequence], searched for its minimum.
        const pending: [number, number, number][] = [];
        let sequence = 0;
        let lastTime = -Infinity;
        const less = (a: [number, number, number], b: [number, number, number]): boolean =>
          a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
        const popAndCheck = (): void => {
          let best = 0;
          for (let i = 1; i < pending.length; i++) if (less(pending[i]!, pending[best]!)) best = i;
          const expected = pending.splice(best, 1)[0]!;
          expect(calendar.pop()).toBe(true);
          const got: [number, number, number] = [calendar.time, calendar.priority, calendar.data];
          expect(got).toEqual(expected);
          // The clock never goes back. (Within one instant, an event scheduled while that
          // instant is processed may carry a lower priority than the one just popped: it
          // runs next, so (time, priority) alone is not monotone across interleaved pushes.)
          expect(got[0]).toBeGreaterThanOrEqual(lastTime);
          lastTime = got[0];
        };
        for (const { push, dt, priority } of ops) {
          if (push) {
            const time = calendar.time + dt;
            calendar.schedule(time, priority, 0, sequence);
            pending.push([time, priority, sequence++]);
          } else if (pending.length > 0) {
            popAndCheck();
          }
        }
        while (pending.length > 0) popAndCheck();
        expect(calendar.pop()).toBe(false);
      }),
      { seed: 20_261_127, numRuns: 300 },
    );
  });
});

describe('InstantHeap', () => {
  it('pops instants in time order, Infinity once empty', () => {
    // Exact, by hand: 3, 1, 2, 1 come out 1, 1, 2, 3, then Infinity.
    const heap = new InstantHeap();
    expect(heap.min).toBe(Infinity);
    for (const t of [3, 1, 2, 1]) heap.push(t);
    expect(heap.size).toBe(4);
    expect(heap.min).toBe(1);
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual([1, 1, 2, 3, Infinity]);
    expect(heap.size).toBe(0);
    expect(heap.min).toBe(Infinity);
  });

  it('property: interleaved with pushes, each pop is the least pending instant (a sorted list as reference)', () => {
    const op = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(-1)); // -1: pop
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const heap = new InstantHeap(4); // small, so that it grows
        const reference: number[] = [];
        for (const x of ops) {
          if (x >= 0) {
            heap.push(x);
            reference.push(x);
            reference.sort((a, b) => a - b);
          } else {
            expect(heap.pop()).toBe(reference.length > 0 ? reference.shift() : Infinity);
          }
          expect(heap.min).toBe(reference[0] ?? Infinity);
          expect(heap.size).toBe(reference.length);
        }
      }),
    );
  });
});

describe('InstantHeap.removeAt', () => {
  it('property: removing any positions leaves exactly the other instants, popped in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1_000, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { maxLength: 100 }),
        (times, picks) => {
          const heap = new InstantHeap(4);
          for (const t of times) heap.push(t);
          const removed: number[] = [];
          for (const u of picks) {
            if (heap.size === 0) break;
            removed.push(heap.removeAt(Math.floor(u * heap.size)));
          }
          const rest: number[] = [];
          while (heap.size > 0) rest.push(heap.pop());
          // Exact: the pops come out sorted, and pops plus removals are the instants pushed.
          expect(rest).toEqual([...rest].sort((a, b) => a - b));
          expect([...rest, ...removed].sort((a, b) => a - b)).toEqual([...times].sort((a, b) => a - b));
          expect(heap.min).toBe(Infinity);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('rejects a position outside [0, size)', () => {
    const heap = new InstantHeap();
    heap.push(5);
    expect(() => heap.removeAt(1)).toThrow(
      'InstantHeap.removeAt: position must be an integer in [0, 1) (got 1)',
    );
  });
});
