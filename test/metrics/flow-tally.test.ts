// Call flows count each step of a call as an edge between typed nodes, from the number
// dialled to how the call ended.
import { describe, expect, it } from 'vitest';
import { CallOutcome } from '../../src/callcenter/outcomes.ts';
import { flowNodeLabel } from '../../src/metrics/flow-node.ts';
import { FlowTally } from '../../src/metrics/flow-tally.ts';
import { BILLING, FIELD, TO_BILLING, TO_IVR_NUMBER, callOf, handMadeDesign, issueOf } from '../support/hand-made-calls.ts';

/** The tally's edges as `from → to: calls`, by label. */
function edges(tally: FlowTally): string[] {
  return tally.values().map((f) => `${flowNodeLabel(f.from)} → ${flowNodeLabel(f.to)}: ${f.calls}`);
}

describe('FlowTally', () => {
  it('counts a call from its number to its team to its outcome', () => {
    const tally = new FlowTally(handMadeDesign());
    for (let k = 0; k < 3; k++) {
      const call = callOf(issueOf(0, 0), 0, { dial: TO_BILLING, team: BILLING });
      tally.callStarted(call);
      tally.reachedTeam(call, BILLING);
      tally.callEnded(call, k < 2 ? CallOutcome.Resolved : CallOutcome.Unresolved);
    }
    expect(edges(tally)).toEqual(['Number 01 → billing: 3', 'billing → Resolved: 2', 'billing → Unresolved: 1']);
  });

  it('gives every edge typed nodes', () => {
    const tally = new FlowTally(handMadeDesign());
    const call = callOf(issueOf(1, 0), 0, { dial: TO_IVR_NUMBER, team: FIELD });
    tally.callStarted(call);
    tally.reachedTeam(call, FIELD);
    tally.callEnded(call, CallOutcome.PingPong);
    expect(tally.values()).toEqual([
      { from: { kind: 'number', dial: '02' }, to: { kind: 'ivr' }, calls: 1 },
      { from: { kind: 'ivr' }, to: { kind: 'team', team: 'field' }, calls: 1 },
      { from: { kind: 'team', team: 'field' }, to: { kind: 'outcome', outcome: 'pingPong' }, calls: 1 },
    ]);
  });

  it('ends a self-served call at the IVR', () => {
    const tally = new FlowTally(handMadeDesign());
    const call = callOf(issueOf(1, 0), 0, { dial: TO_IVR_NUMBER });
    tally.callStarted(call);
    tally.callEnded(call, CallOutcome.SelfServed);
    expect(edges(tally)).toEqual(['Number 02 → IVR: 1', 'IVR → Self-served: 1']);
  });

  it('starts a transferred caller at the team that transferred, and a drop there too', () => {
    const tally = new FlowTally(handMadeDesign());
    const call = callOf(issueOf(1, 0), 0, { dial: TO_BILLING, team: BILLING });
    tally.reachedTeam(call, BILLING);
    Object.assign(call, { transfers: 1, previousTeam: BILLING, team: FIELD });
    tally.reachedTeam(call, FIELD);
    const dropped = callOf(issueOf(1, 0), 0, { dial: TO_BILLING, transfers: 1, previousTeam: BILLING, team: FIELD });
    tally.callEnded(dropped, CallOutcome.Dropped);
    tally.callEnded(call, CallOutcome.Resolved);
    expect(edges(tally)).toEqual([
      'Number 01 → billing: 1',
      'billing → field: 1',
      'billing → Lost in transfer: 1',
      'field → Resolved: 1',
    ]);
  });

  it('counts a busy signal as reaching the full team, then ending there', () => {
    const tally = new FlowTally(handMadeDesign());
    const call = callOf(issueOf(0, 0), 0, { dial: TO_BILLING, team: BILLING });
    tally.callStarted(call);
    tally.callEnded(call, CallOutcome.Blocked);
    expect(edges(tally)).toEqual(['Number 01 → billing: 1', 'billing → Busy signal: 1']);
  });

  it('draws a repeat call sent straight to a team from its own node, and overflow between teams', () => {
    const tally = new FlowTally(handMadeDesign());
    const call = callOf(issueOf(0, 0), 0, { dial: -1, team: BILLING });
    tally.callStarted(call);
    tally.reachedTeam(call, BILLING);
    tally.overflowed(BILLING, FIELD);
    tally.callEnded(call, CallOutcome.Abandoned);
    expect(edges(tally)).toEqual(['Repeat call (continuity) → billing: 1', 'billing → field: 1', 'billing → Abandoned: 1']);
  });

  it('has no edge before any call', () => {
    expect(new FlowTally(handMadeDesign()).values()).toEqual([]);
  });
});
