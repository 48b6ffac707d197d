// The design- and intent-level metrics of one tally, from counts set by hand.
import { describe, expect, it } from 'vitest';
import { CallOutcome } from '../../src/callcenter/outcomes.ts';
import { Tally, tallyMetrics } from '../../src/metrics/tally.ts';

/** Four issues, five calls: two resolved, one self-served, one busy signal, one ping-pong. */
function fourIssues(): Tally {
  const t = new Tally();
  t.issues = 4;
  t.issuesEnded = 3;
  t.resolvedIssues = 2;
  t.givenUpIssues = 1;
  t.firstCallResolved = 2;
  t.onceAndDone = 1;
  t.timeToResolutionSum = 900;
  t.issueWaitSum = 120;
  t.issueTransfersSum = 3;
  t.issuePhoneTimeSum = 1500;
  t.calls = 5;
  t.callDurationSum = 2000;
  t.transfers = 3;
  t.transferredCalls = 2;
  t.misroutedCalls = 1;
  t.outcomes[CallOutcome.Resolved] = 2;
  t.outcomes[CallOutcome.SelfServed] = 1;
  t.outcomes[CallOutcome.Blocked] = 1;
  t.outcomes[CallOutcome.PingPong] = 1;
  t.queue.queueEntries = 6;
  t.queue.answer(0, true);
  t.queue.answer(40, false);
  t.queue.abandon(20);
  for (const wait of [0, 40, 20]) t.waits.add(wait);
  t.agentWork = 1000;
  t.agentWorkMisrouted = 100;
  return t;
}

describe('Tally', () => {
  it('counts the calls ended over all outcomes', () => {
    expect(fourIssues().callsEnded()).toBe(5);
  });

  it('gives the metrics of the contract from its counts', () => {
    const m = tallyMetrics(fourIssues());
    expect(m).toMatchObject({
      issues: 4,
      calls: 5,
      queueEntries: 6,
      pWait: 2 / 3,
      waitMean: 60 / 3,
      asa: 40 / 2,
      serviceLevel: 1 / 3,
      abandonRate: 1 / 3,
      transfersPerCall: 3 / 5,
      transferredShare: 2 / 5,
      misroutedShare: 1 / 5,
      callDuration: 2000 / 5,
      fcr: 2 / 4,
      onceAndDone: 1 / 4,
      resolvedShare: 2 / 4,
      givenUpShare: 1 / 4,
      contactsPerIssue: 5 / 4,
      timeToResolution: 900 / 2,
      waitPerIssue: 120 / 3,
      transfersPerIssue: 3 / 3,
      phoneTimePerIssue: 1500 / 3,
      agentTimeOnMisroutes: 100 / 1000,
    });
    expect(m.waitP50).toBeCloseTo(20, 0);
  });

  it('names each outcome share after the outcome table', () => {
    const m = tallyMetrics(fourIssues());
    expect(m).toMatchObject({
      selfServedShare: 1 / 5,
      blockedShare: 1 / 5,
      pingPongShare: 1 / 5,
      droppedShare: 0,
      cappedShare: 0,
      redialShare: 0,
    });
  });

  it('gives no value (NaN) for shares of nothing', () => {
    const m = tallyMetrics(new Tally());
    expect(m.issues).toBe(0);
    for (const name of ['fcr', 'waitMean', 'pingPongShare', 'callDuration', 'timeToResolution'] as const) expect(m[name], name).toBeNaN();
  });

  it('adds another tally into this one, counts, queue, outcomes and waits alike', () => {
    const total = fourIssues();
    total.add(fourIssues());
    const m = tallyMetrics(total);
    expect(total.issues).toBe(8);
    expect(total.queue.queueEntries).toBe(12);
    expect(total.outcomes[CallOutcome.PingPong]).toBe(2);
    expect(total.waits.count).toBe(6);
    expect(m).toMatchObject({ waitMean: 20, asa: 20, pingPongShare: 1 / 5, agentTimeOnMisroutes: 0.1 });
  });
});
