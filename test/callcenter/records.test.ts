// Pooled records: beginning a recycled issue or call leaves nothing of its previous life,
// and the pool hands records out and back by slot.
import { describe, expect, it } from 'vitest';
import { Call, Issue, Recall, RecordPool } from '../../src/callcenter/records.ts';

/** An issue whose every field holds what a finished journey leaves. */
function usedIssue(): Issue {
  return Object.assign(new Issue(), {
    slot: 7,
    intent: 2,
    arrivalTime: 100,
    counted: false,
    calls: 4,
    resolved: true,
    recall: Recall.Callback,
    lastTeam: 3,
    waitTotal: 90,
    phoneTime: 600,
    transfers: 2,
  });
}

/** A call whose every field holds what a transferred, capped, overflowing call leaves. */
function usedCall(): Call {
  return Object.assign(new Call(), {
    slot: 5,
    issue: usedIssue(),
    number: 3,
    dialTime: 50,
    dial: 2,
    team: 1,
    previousTeam: 0,
    queueEntryTime: 70,
    queueEntries: 2,
    queueSerial: 12,
    patienceTimer: 8,
    overflowTimer: 9,
    overflowStage: 1,
    agentsReached: 2,
    transfers: 1,
    misrouted: true,
    capped: true,
    serviceTime: 300,
    extraHandle: 60,
    priority: true,
    warmFrom: 0,
  });
}

describe('beginning a recycled issue', () => {
  it('clears every field of its previous journey and keeps its slot', () => {
    const issue = usedIssue();
    issue.begin(1, 500, true);
    expect({ ...issue, first: undefined }).toEqual({
      ...new Issue(),
      first: undefined,
      slot: 7,
      intent: 1,
      arrivalTime: 500,
      counted: true,
    });
  });
});

describe('beginning a recycled call', () => {
  const fresh = (issue: Issue, fields: Partial<Call>): object => ({ ...new Call(), draws: undefined, issue, ...fields });

  it('numbers the call after the issue’s calls so far, dialled now, and keeps its slot', () => {
    const issue = new Issue();
    issue.begin(0, 0, true);
    issue.calls = 2;
    const call = usedCall();
    call.begin(issue, 900);
    expect([call.number, issue.calls, call.dialTime, call.slot]).toEqual([3, 3, 900, 5]);
  });

  it('clears every field of the previous call, those written later included', () => {
    const issue = new Issue();
    const call = usedCall();
    call.begin(issue, 900);
    expect({ ...call, draws: undefined }).toEqual(fresh(issue, { number: 1, dialTime: 900, slot: 5 }));
  });
});

describe('a record pool', () => {
  const pool = (): RecordPool<Issue> => new RecordPool(() => new Issue());

  it('creates records with slots 0, 1, 2… addressable through items', () => {
    const issues = pool();
    const [a, b, c] = [issues.acquire(), issues.acquire(), issues.acquire()];
    expect([a.slot, b.slot, c.slot]).toEqual([0, 1, 2]);
    expect(issues.items).toEqual([a, b, c]);
    expect(issues.items[1]).toBe(b);
  });

  it('hands a released record out again instead of creating one, the last released first', () => {
    const issues = pool();
    const [a, b] = [issues.acquire(), issues.acquire()];
    issues.release(a);
    issues.release(b);
    expect(issues.acquire()).toBe(b);
    expect(issues.acquire()).toBe(a);
    expect(issues.acquire().slot).toBe(2);
    expect(issues.items).toHaveLength(3);
  });

  it('counts the records in use', () => {
    const issues = pool();
    expect(issues.inUse).toBe(0);
    const a = issues.acquire();
    issues.acquire();
    expect(issues.inUse).toBe(2);
    issues.release(a);
    expect(issues.inUse).toBe(1);
    issues.acquire();
    expect(issues.inUse).toBe(2);
  });
});
