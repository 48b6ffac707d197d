// One replication's metrics from the observer callbacks, fed by hand at chosen times: two
// counted issues (one answered in time and resolved, one abandoned after the IVR) and one
// warm-up issue that only the agents' load shows.
import { describe, expect, it } from 'vitest';
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import { CallOutcome } from '../../src/callcenter/outcomes.ts';
import type { Call } from '../../src/callcenter/records.ts';
import { flowNodeLabel } from '../../src/metrics/flow-node.ts';
import { ReplicationAccumulator, type ReplicationMetrics } from '../../src/metrics/replication-accumulator.ts';
import { BILLING, FIELD, TO_BILLING, TO_IVR_NUMBER, callOf, handMadeDesign, handMadeScenario, issueOf } from '../support/hand-made-calls.ts';

function replication(): ReplicationMetrics {
  const scenario = handMadeScenario();
  const clock = { now: 0 };
  const accumulator = new ReplicationAccumulator(handMadeDesign(scenario), scenario.run, { interval: 1800 });
  // Fed through the interface, as the simulation calls it.
  const acc: CallCentreObserver = accumulator;
  const at = (now: number): void => {
    clock.now = now;
  };
  acc.runStarted(clock);
  acc.teamLoadChanged(BILLING, 0, 0, 2);
  acc.teamLoadChanged(FIELD, 0, 0, 1);

  // Issue A (billing): dials 01 at 0, waits 10 s, talks 300 s, resolved at 310.
  const a = issueOf(0, 0);
  acc.issueArrived(a);
  const a1 = callOf(a, 0, { dial: TO_BILLING, team: BILLING, queueEntryTime: 0, queueEntries: 1 });
  acc.callStarted(a1, TO_BILLING);
  acc.queueJoined(a1, BILLING);
  at(10);
  a1.agentsReached = 1;
  acc.answered(a1, BILLING, BILLING);
  acc.teamLoadChanged(BILLING, 1, 0, 2);
  at(310);
  a1.serviceTime = 300;
  acc.agentWorked(a1, BILLING, false);
  acc.teamLoadChanged(BILLING, 0, 0, 2);
  acc.callEnded(a1, CallOutcome.Resolved);
  Object.assign(a, { resolved: true, waitTotal: 10, phoneTime: 310 });
  acc.issueEnded(a);

  // Issue B (outage): dials 02 at 100, the IVR routes it to field at 130, abandons at 190.
  at(100);
  const b = issueOf(1, 100);
  acc.issueArrived(b);
  const b1: Call = callOf(b, 100, { dial: TO_IVR_NUMBER });
  acc.callStarted(b1, TO_IVR_NUMBER);
  at(130);
  acc.ivrRouted(b1, FIELD);
  Object.assign(b1, { team: FIELD, queueEntryTime: 130, queueEntries: 1 });
  acc.queueJoined(b1, FIELD);
  at(190);
  acc.abandoned(b1, FIELD);
  acc.callEnded(b1, CallOutcome.Abandoned);

  // Issue C, not counted: dials 01 at 2000, answered late at 2030, still talking at the end.
  at(2000);
  const c = issueOf(0, 2000, false);
  acc.issueArrived(c);
  const c1 = callOf(c, 2000, { dial: TO_BILLING, team: BILLING, queueEntryTime: 2000, queueEntries: 1 });
  acc.callStarted(c1, TO_BILLING);
  acc.queueJoined(c1, BILLING);
  at(2030);
  acc.answered(c1, BILLING, BILLING);
  acc.teamLoadChanged(BILLING, 1, 0, 2);

  at(3600);
  acc.runEnded();
  return accumulator.result();
}

describe('ReplicationAccumulator', () => {
  const r = replication();

  it('counts the counted issues, their calls and queue entries', () => {
    expect(r.metrics).toMatchObject({
      issues: 2,
      calls: 2,
      queueEntries: 2,
      pWait: 1,
      waitMean: (10 + 60) / 2,
      asa: 10,
      serviceLevel: 1 / 2,
      abandonRate: 1 / 2,
      callDuration: (310 + 90) / 2,
      fcr: 1 / 2,
      onceAndDone: 1 / 2,
      resolvedShare: 1 / 2,
      givenUpShare: 0,
      timeToResolution: 310,
      waitPerIssue: 10,
      phoneTimePerIssue: 310,
      transfersPerCall: 0,
      selfServedShare: 0,
      agentTimeOnMisroutes: 0,
    });
  });

  it('adds the staffing of the teams, and the cost of those that have one', () => {
    expect(r.metrics).toMatchObject({ agentHours: 3, overtimeHours: 0, staffedCost: 2 * 30, costPerResolved: 60 });
    expect(r.byTeam.billing).toMatchObject({ agentHours: 2, staffedCost: 60, occupancy: (300 + 1570) / 7200 });
    expect(r.byTeam.field!.staffedCost).toBeNaN();
  });

  it('gives each intent and each team its own entries', () => {
    expect(r.byIntent.billing).toMatchObject({ issues: 1, queueEntries: 1, serviceLevel: 1, asa: 10, resolvedShare: 1 });
    expect(r.byIntent.outage).toMatchObject({ issues: 1, queueEntries: 1, abandonRate: 1, waitMean: 60 });
    expect(r.byTeam.billing).toMatchObject({ queueEntries: 1, asa: 10, serviceLevel: 1 });
    expect(r.byTeam.field).toMatchObject({ queueEntries: 1, abandonRate: 1, waitMean: 60 });
  });

  it('gives per interval the calls and queue entries of counted issues, and the load of every agent', () => {
    const [first, second] = r.byInterval!;
    expect(first).toMatchObject({ start: 0, end: 1800, calls: 2, queueEntries: 2, serviceLevel: 1 / 2, abandonRate: 1 / 2, waitMean: 35 });
    // Issue C is not counted: left out, as from the design's figures.
    expect(second).toMatchObject({ start: 1800, end: 3600, calls: 0, queueEntries: 0 });
    expect(second!.serviceLevel).toBeNaN();
    expect(first!.occupancy).toBe(300 / (3 * 1800));
    expect(second!.occupancy).toBe(1570 / (3 * 1800));
    expect(first!.agents).toBe(3);
  });

  it('ends with the after row, empty when the run stops at the horizon', () => {
    const after = r.byInterval!.at(-1)!;
    expect(after).toMatchObject({ start: 3600, end: null, calls: 0, queueEntries: 0 });
    expect(after.occupancy).toBeNaN();
    expect(after.agents).toBeNaN();
  });

  it('follows the counted calls from number to outcome', () => {
    expect(r.flows.map((f) => `${flowNodeLabel(f.from)} → ${flowNodeLabel(f.to)}: ${f.calls}`)).toEqual([
      'Number 01 → billing: 1',
      'Number 02 → IVR: 1',
      'IVR → field: 1',
      'billing → Resolved: 1',
      'field → Abandoned: 1',
    ]);
  });
});
