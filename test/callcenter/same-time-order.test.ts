// Events due at the same instant: every kind has a rank and a reason, and one timeline per
// rule shows what the rank decides (fixed times, fixed durations).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventKind, RANK_OF_KIND, SAME_TIME_ORDER } from '../../src/callcenter/event-kinds.ts';
import { sameTimeTable } from '../../src/report/same-time-table.ts';
import { at, billingScenario, timeline } from './timeline.ts';

describe('the same-time table', () => {
  it('gives every event kind a rank and a reason', () => {
    for (const name of Object.keys(EventKind) as (keyof typeof EventKind)[]) {
      expect(Number.isInteger(SAME_TIME_ORDER[name].rank), name).toBe(true);
      expect(SAME_TIME_ORDER[name].why.length, name).toBeGreaterThan(20);
      expect(RANK_OF_KIND[EventKind[name]]).toBe(SAME_TIME_ORDER[name].rank);
    }
    expect(RANK_OF_KIND).toHaveLength(Object.keys(EventKind).length);
  });

  it('puts new issues after every scheduled kind, as the event queue does with its outside stream', () => {
    const scheduled = Object.keys(EventKind).map((name) => SAME_TIME_ORDER[name as keyof typeof EventKind].rank);
    expect(SAME_TIME_ORDER.NewIssue.rank).toBeGreaterThan(Math.max(...scheduled));
  });

  it('is written out in the README from the same source', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(sameTimeTable());
  });
});

describe('events at the same instant', () => {
  it('a shift ending as a call ends sends the agent off duty before they take the next caller', () => {
    // A's talk (30 s to 120 s) is scheduled before the shift change at 120 s is.
    const teams = '  billing: { agents: { every: 60s, counts: [1, 1, 0, 1] }, skills: [billing] }';
    const lines = timeline(billingScenario({ teams }).replace('handle: 60s', 'handle: 90s'), [30, 40]);
    expect(at(lines, 120)).toEqual(['120 billing has 0 on duty', '120 A ends Resolved']);
    expect(at(lines, 180)).toEqual(['180 billing has 1 on duty', '180 B answered by billing']);
  });

  it('an agent finishing a talk answers the caller whose patience ends then', () => {
    const lines = timeline(billingScenario({ patience: '50s' }), [0, 10]);
    expect(at(lines, 60)).toEqual(['60 A ends Resolved', '60 B answered by billing']);
  });

  it('an agent ending a wrap-up answers the caller whose patience ends then', () => {
    const lines = timeline(billingScenario({ patience: '50s', intent: ', wrapUp: 10s' }).replace('handle: 60s', 'handle: 50s'), [0, 10]);
    expect(at(lines, 50)).toEqual(['50 A ends Resolved']);
    expect(at(lines, 60)).toEqual(['60 B answered by billing']);
  });

  it('an agent who has identified a misroute answers the caller whose patience ends then', () => {
    const lines = timeline(
      billingScenario({
        patience: '25s',
        demand: '    outage: { share: 0, handle: 60s }',
        teams: '  front: { agents: 1, skills: [outage] }\n  billing: { agents: 1, skills: [billing] }',
        design: '    numbers: [ { dial: "1", to: front } ]\n    misroute: { identify: 30s, action: transfer }',
      }),
      [0, 5],
    );
    expect(at(lines, 30)).toEqual([
      '30 A transferred by front',
      '30 B answered by front',
      '30 A reaches billing',
      '30 A answered by billing',
    ]);
  });

  it('a caller reaching an overflow threshold as their patience ends is offered to the other team first', () => {
    const lines = timeline(
      billingScenario({
        patience: '30s',
        teams: '  billing: { agents: 1, skills: [billing] }\n  field: { agents: 1, skills: [billing] }',
        design: '    numbers: [ { dial: "1", to: billing } ]\n    overflow: [ { from: billing, to: field, after: 30s } ]',
      }),
      [0, 10],
    );
    expect(at(lines, 40)).toEqual(['40 B answered by field from the billing queue']);
  });

  it('a caller leaving a full queue frees the place for one the IVR routes there at that instant', () => {
    const lines = timeline(
      billingScenario({
        patience: '30s',
        teams: '  billing: { agents: 1, skills: [billing], queueCapacity: 1 }',
        design: '    numbers: [ { dial: "1", to: ivr } ]\n    ivr: { menu: 20s, accuracy: 1 }',
      }),
      [0, 10, 40],
    );
    expect(at(lines, 60)).toEqual(['60 B gives up', '60 B ends Abandoned', '60 C routed by the IVR to billing', '60 C reaches billing']);
  });

  it('a caller leaving a full queue frees the place for one a transfer brings there at that instant', () => {
    const lines = timeline(
      billingScenario({
        patience: '30s',
        demand: '    outage: { share: 0, handle: 60s }',
        teams: '  front: { agents: 1, skills: [outage] }\n  billing: { agents: 1, skills: [billing], queueCapacity: 1 }',
        design: '    numbers: [ { dial: "1", to: front } ]\n    misroute: { identify: 20s }\n    transfer: { delay: 5s }',
      }),
      // A reaches billing at 25 s (busy to 85 s), B waits there from 45 s to 75 s, C's transfer lands at 75 s.
      [0, 5, 50],
    );
    expect(at(lines, 75)).toEqual(['75 B gives up', '75 B ends Abandoned', '75 C reaches billing']);
  });

  it('a new caller arriving as an agent frees up finds the agent free', () => {
    const lines = timeline(billingScenario({}), [0, 60]);
    expect(at(lines, 60)).toEqual(['60 A ends Resolved', '60 B calls', '60 B reaches billing', '60 B answered by billing']);
  });

  it('a repeat call comes before a new caller of the same instant', () => {
    const lines = timeline(
      billingScenario({ patience: '9s', demand: '  retry: { probability: 1, after: 50s }' }),
      [0, 1, 60],
    );
    expect(at(lines, 10)).toEqual(['10 B gives up', '10 B ends Abandoned']);
    expect(at(lines, 60)).toEqual([
      '60 A ends Resolved',
      '60 B calls again (call 2)',
      '60 B reaches billing',
      '60 B answered by billing',
      '60 C calls',
      '60 C reaches billing',
    ]);
  });

  it('a line closing as an agent frees up lets the agent take a waiting caller; the callers still waiting hear the closing message', () => {
    // Open for two minutes from Monday 00:00: A talks 0-60 s, B 60-120 s; at 120 s, the closing, C is answered and D is cut off.
    const calendar = '  open: { mon: "00:00-00:02" }\n  atClosing: disconnect\n  closedRetry: 0';
    const lines = timeline(billingScenario({ calendar }), [0, 10, 20, 30]);
    expect(at(lines, 120)).toEqual(['120 B ends Resolved', '120 C answered by billing', '120 D hears the closing message', '120 D ends Closed']);
  });

  it('a caller calling at the closing instant finds the line closed; one moved to the opening calls at that instant', () => {
    // Open 00:00-00:02 and 00:05-00:10; B calls at the closing (120 s) and again at the next opening (300 s).
    const calendar = '  open: { mon: "00:00-00:02, 00:05-00:10" }';
    const lines = timeline(billingScenario({ calendar }), [0, 120]);
    expect(at(lines, 120)).toEqual(['120 B calls', '120 B ends Closed']);
    expect(at(lines, 300)).toEqual(['300 B calls again (call 2)', '300 B reaches billing', '300 B answered by billing']);
  });
});
