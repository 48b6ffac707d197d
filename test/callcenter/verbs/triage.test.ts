// A triage team: its agent never resolves; after the triage time they hand the caller over,
// as a transfer (the design's delay, mode and drop apply) by the team's accuracy.
import { describe, expect, it } from 'vitest';
import { at, billingScenario, timeline } from '../timeline.ts';

/** Calls reach the triage team `desk` first: 20 s of triage, then a handover to billing or field. */
function triageDesk(parts: { desk?: string; transfer?: string } = {}): string {
  return billingScenario({
    demand: '    outage: { share: 0, handle: 60s }',
    teams:
      `  desk: { agents: 1, role: triage, triage: 20s${parts.desk ?? ''} }\n` +
      '  billing: { agents: 1, skills: [billing] }\n  field: { agents: 1, skills: [outage] }',
    design: `    numbers: [ { dial: "1", to: desk } ]\n    misroute: { identify: 30s }\n    transfer: { ${parts.transfer ?? 'delay: 0s'} }`,
  });
}

describe('a triage team', () => {
  it('hands the caller over after the triage time, to the team with the skill, who resolves the call', () => {
    const lines = timeline(triageDesk(), [0]);
    expect(lines).toEqual([
      '0 A calls',
      '0 A reaches desk',
      '0 A answered by desk',
      '20 A transferred by desk',
      '20 A reaches billing',
      '20 A answered by billing',
      '80 A ends Resolved',
    ]);
  });

  it('frees its agent at the handover when cold: the next caller is answered then', () => {
    const lines = timeline(triageDesk({ transfer: 'delay: 10s, mode: cold' }), [0, 5]);
    expect(at(lines, 20)).toEqual(['20 A transferred by desk', '20 B answered by desk']);
    expect(at(lines, 30)).toEqual(['30 A reaches billing', '30 A answered by billing']);
  });

  it('keeps its agent on the line during the delay when warm', () => {
    const lines = timeline(triageDesk({ transfer: 'delay: 10s, mode: warm' }), [0, 5]);
    expect(at(lines, 20)).toEqual(['20 A transferred by desk']);
    expect(at(lines, 30)).toEqual(['30 B answered by desk', '30 A reaches billing', '30 A answered by billing']);
  });

  it('with accuracy 0 hands the caller to a team lacking the skill, whose agent finds out and transfers on', () => {
    const lines = timeline(triageDesk({ desk: ', accuracy: 0' }), [0]);
    expect(lines.slice(3)).toEqual([
      '20 A transferred by desk',
      '20 A reaches field',
      '20 A answered by field',
      '50 A transferred by field',
      '50 A reaches billing',
      '50 A answered by billing',
      '110 A ends Resolved',
    ]);
  });

  it('loses the caller on the way when the design drops every transfer', () => {
    const lines = timeline(triageDesk({ transfer: 'delay: 5s, drop: 1' }), [0]);
    expect(lines.slice(3)).toEqual(['20 A transferred by desk', '25 A ends Dropped']);
  });

  it('ends the call as ping-pong when the design allows no transfer at all beyond maxHops', () => {
    // maxHops 1: the handover is the one transfer allowed, so the misroute after it cannot go on.
    const lines = timeline(triageDesk({ desk: ', accuracy: 0', transfer: 'maxHops: 1' }), [0]);
    expect(lines.slice(3)).toEqual(['20 A transferred by desk', '20 A reaches field', '20 A answered by field', '50 A ends PingPong']);
  });
});
