// A team's queue: first come, first served behind a priority lane; abandoned entries skipped;
// a ring that grows; overflow takes that respect the wait, the skills and the lanes.
import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/callcenter/records.ts';
import { TeamQueue, type Skills } from '../../src/callcenter/team-queue.ts';
import { callOf, issueOf } from '../support/hand-made-calls.ts';

/** `n` calls addressed by slot 0…n-1, of intent 0, entering at time 10 × slot. */
function callsOf(n: number, fields: (slot: number) => Partial<Call> = () => ({})): Call[] {
  return Array.from({ length: n }, (_, slot) =>
    callOf(issueOf(0, 0), 0, { slot, queueEntryTime: 10 * slot, ...fields(slot) }),
  );
}

/** Adds the calls in this order, serials 0, 1, 2… */
function queueOf(calls: readonly Call[]): TeamQueue {
  const queue = new TeamQueue();
  calls.forEach((call, serial) => queue.add(call, serial));
  return queue;
}

/** Takes until the queue is empty: the slots taken, in order. */
function drain(queue: TeamQueue, calls: readonly Call[]): number[] {
  const taken: number[] = [];
  for (let call = queue.take(calls); call !== undefined; call = queue.take(calls)) taken.push(call.slot);
  return taken;
}

describe('a team queue', () => {
  it('hands out callers in the order they joined', () => {
    const calls = callsOf(3);
    expect(drain(queueOf(calls), calls)).toEqual([0, 1, 2]);
  });

  it('hands out callers of the priority lane first, each lane in its own order', () => {
    const calls = callsOf(4, (slot) => ({ priority: slot % 2 === 1 }));
    expect(drain(queueOf(calls), calls)).toEqual([1, 3, 0, 2]);
  });

  it('skips a caller who gave up, and marks taken callers as no longer waiting', () => {
    const calls = callsOf(3);
    const queue = queueOf(calls);
    queue.remove(calls[1]!);
    expect(calls[1]!.queueSerial).toBe(-1);
    expect(drain(queue, calls)).toEqual([0, 2]);
    expect(calls.map((call) => call.queueSerial)).toEqual([-1, -1, -1]);
  });

  it('skips the old entry of a record that left and came back, taking it once at its new place', () => {
    const calls = callsOf(2);
    const queue = queueOf(calls);
    queue.remove(calls[0]!);
    queue.add(calls[0]!, 2);
    expect(drain(queue, calls)).toEqual([1, 0]);
  });

  it('counts the callers waiting as they join, give up and are taken', () => {
    const calls = callsOf(3);
    const queue = queueOf(calls);
    expect(queue.waiting).toBe(3);
    queue.remove(calls[0]!);
    expect(queue.waiting).toBe(2);
    queue.take(calls);
    expect(queue.waiting).toBe(1);
    queue.take(calls);
    expect(queue.waiting).toBe(0);
    expect(queue.take(calls)).toBeUndefined();
  });

  it('keeps the order when it grows past 64 entries while its ring has wrapped around', () => {
    const calls = callsOf(110);
    const queue = new TeamQueue();
    for (let slot = 0; slot < 40; slot++) queue.add(calls[slot]!, slot);
    for (let slot = 0; slot < 30; slot++) expect(queue.take(calls)!.slot).toBe(slot);
    // The ring's head is at 30: slots 40…63 fill its end, 64…93 wrap to its start, then 94… grow it.
    for (let slot = 40; slot < 110; slot++) queue.add(calls[slot]!, slot);
    expect(queue.waiting).toBe(80);
    expect(drain(queue, calls)).toEqual(Array.from({ length: 80 }, (_, k) => 30 + k));
  });
});

describe('taking a caller of a team queue for overflow', () => {
  // Two intents; team 0 has the skill of intent 0 only, team 1 that of intent 1 only.
  const skills: Skills = { canHandle: (team, intent) => team === intent };

  it('takes the longest-waiting caller who entered by the cut-off, never a later one', () => {
    const calls = callsOf(3); // entered at 0, 10 and 20
    const queue = queueOf(calls);
    queue.remove(calls[0]!);
    expect(queue.takeForOverflow(calls, 5, skills, 0)).toBeUndefined();
    expect(queue.takeForOverflow(calls, 10, skills, 0)?.slot).toBe(1);
    expect(queue.takeForOverflow(calls, 19, skills, 0)).toBeUndefined();
  });

  it('passes over callers whose intent the taking team cannot handle', () => {
    const calls = callsOf(3, (slot) => ({ issue: issueOf(slot === 1 ? 0 : 1, 0) }));
    const queue = queueOf(calls);
    expect(queue.takeForOverflow(calls, 100, skills, 0)?.slot).toBe(1);
    expect(queue.takeForOverflow(calls, 100, skills, 0)).toBeUndefined();
    expect(queue.takeForOverflow(calls, 100, skills, 1)?.slot).toBe(0);
  });

  it('looks in the priority lane first', () => {
    const calls = callsOf(2, (slot) => ({ priority: slot === 1 }));
    const queue = queueOf(calls);
    expect(queue.takeForOverflow(calls, 100, skills, 0)?.slot).toBe(1);
  });

  it('marks the caller taken, so the queue neither counts nor hands them out again', () => {
    const calls = callsOf(2);
    const queue = queueOf(calls);
    const taken = queue.takeForOverflow(calls, 100, skills, 0)!;
    expect(taken.queueSerial).toBe(-1);
    expect(queue.waiting).toBe(1);
    expect(drain(queue, calls)).toEqual([1]);
  });
});
