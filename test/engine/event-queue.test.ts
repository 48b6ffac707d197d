import { describe, expect, it } from 'vitest';
import { EXTERNAL, EventQueue, NONE } from '../../src/engine/event-queue.ts';
import { createStream } from '../../src/engine/random.ts';

function drain(queue: EventQueue, limit = Infinity): Array<[number, number, number]> {
  queue.limit = limit;
  const fired: Array<[number, number, number]> = [];
  for (let kind = queue.next(); kind !== NONE; kind = queue.next()) fired.push([queue.now, kind, queue.arg]);
  return fired;
}

describe('EventQueue', () => {
  it('fires events in time order', () => {
    const queue = new EventQueue([0]);
    const rng = createStream(1, 0, 'test');
    const times = Array.from({ length: 5000 }, () => rng.next() * 100);
    times.forEach((t, i) => queue.schedule(t, 0, i));
    expect(drain(queue).map(([t]) => t)).toEqual([...times].sort((a, b) => a - b));
  });

  it('breaks ties by kind priority, then by scheduling order', () => {
    const queue = new EventQueue([2, 0, 1]);
    queue.schedule(5, 0, 1);
    queue.schedule(5, 1, 2);
    queue.schedule(5, 0, 3);
    queue.schedule(5, 2, 4);
    queue.schedule(5, 1, 5);
    expect(drain(queue).map(([, , arg]) => arg)).toEqual([2, 5, 4, 1, 3]);
  });

  it('skips cancelled events and refuses to cancel twice', () => {
    const queue = new EventQueue([0]);
    queue.schedule(1, 0, 1);
    const b = queue.schedule(2, 0, 2);
    queue.schedule(3, 0, 3);
    expect(queue.cancel(b)).toBe(true);
    expect(queue.cancel(b)).toBe(false);
    expect(queue.size).toBe(2);
    expect(drain(queue).map(([, , arg]) => arg)).toEqual([1, 3]);
    expect(queue.size).toBe(0);
  });

  it('interleaves scheduling, cancelling anywhere in the heap and firing like a sorted list', () => {
    // A reference model: pending events sorted by (time, rank, scheduling order).
    const ranks = [1, 0, 2];
    const queue = new EventQueue(ranks);
    const rng = createStream(3, 0, 'heap');
    const pending = new Map<number, { time: number; kind: number; arg: number; seq: number }>();
    const fired: number[] = [];
    const expected: number[] = [];
    let seq = 0;
    for (let step = 0; step < 20_000; step++) {
      const u = rng.next();
      if (u < 0.5) {
        // Coarse times, so that equal times are common.
        const time = queue.now + Math.floor(rng.next() * 20);
        const kind = Math.floor(rng.next() * 3);
        const id = queue.schedule(time, kind, step);
        pending.set(id, { time, kind, arg: step, seq: seq++ });
      } else if (u < 0.7 && pending.size > 0) {
        const ids = [...pending.keys()];
        const id = ids[Math.floor(rng.next() * ids.length)]!;
        expect(queue.cancel(id)).toBe(true);
        pending.delete(id);
      } else if (pending.size > 0) {
        const [id, first] = [...pending].sort(
          ([, a], [, b]) => a.time - b.time || ranks[a.kind]! - ranks[b.kind]! || a.seq - b.seq,
        )[0]!;
        pending.delete(id);
        expected.push(first.arg);
        expect(queue.next()).toBe(first.kind);
        fired.push(queue.arg);
        expect(queue.now).toBe(first.time);
      }
      expect(queue.size).toBe(pending.size);
    }
    expect(fired).toEqual(expected);
  });

  it('stops at the limit without consuming later events', () => {
    const queue = new EventQueue([0]);
    queue.schedule(1, 0, 1);
    queue.schedule(10, 0, 2);
    expect(drain(queue, 5).map(([, , arg]) => arg)).toEqual([1]);
    expect(queue.now).toBe(1);
    expect(queue.peekTime()).toBe(10);
    expect(drain(queue).map(([, , arg]) => arg)).toEqual([2]);
  });

  it('grows past its initial capacity and keeps order', () => {
    const queue = new EventQueue([0]);
    for (let i = 0; i < 100_000; i++) queue.schedule(100_000 - i, 0, i);
    const fired = drain(queue);
    expect(fired).toHaveLength(100_000);
    expect(fired[0]![2]).toBe(99_999);
    expect(fired.at(-1)![2]).toBe(0);
  });

  it('merges the outside stream, queued events first on ties', () => {
    const queue = new EventQueue([0]);
    queue.schedule(5, 0, 1);
    queue.external = 3;
    expect(queue.next()).toBe(EXTERNAL);
    expect(queue.now).toBe(3);
    queue.external = 5;
    expect(queue.next()).toBe(0);
    expect(queue.next()).toBe(EXTERNAL);
    expect(queue.now).toBe(5);
    queue.external = Infinity;
    expect(queue.next()).toBe(NONE);
    queue.external = 8;
    queue.limit = 7;
    expect(queue.next()).toBe(NONE);
  });

  it('refuses to schedule at a time that is not a number or before the clock', () => {
    const q = new EventQueue([0, 0]);
    q.schedule(10, 0, 1);
    expect(q.next()).toBe(0);
    expect(() => q.schedule(Number.NaN, 1, 2)).toThrow(/kind 1 was scheduled at NaN, not a number/);
    expect(() => q.schedule(9.5, 1, 2)).toThrow(/scheduled at 9.5, before the clock \(10\)/);
    expect(q.size).toBe(0);
    q.schedule(10, 1, 3);
    expect(q.next()).toBe(1);
  });

  it('moves the clock with advanceTo, never backwards or past an event', () => {
    const queue = new EventQueue([0]);
    queue.schedule(5, 0, 1);
    queue.advanceTo(3);
    expect(queue.now).toBe(3);
    expect(() => queue.advanceTo(2)).toThrow(RangeError);
    expect(() => queue.advanceTo(6)).toThrow(RangeError);
  });
});
