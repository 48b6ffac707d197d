// Dedicated advisors (continuity: advisor): a repeat caller waits for the agent who first
// handled the issue, up to advisorWait, then any agent of the team answers; an advisor whose
// shift ends is not waited for; the team's line is not starved by callers of one advisor.
import { describe, expect, it } from 'vitest';
import { at, billingScenario, timeline } from '../timeline.ts';

/**
 * Two agents (0 and 1), 60 s calls never resolved, a callback 100 s after each. A (0 s) is
 * handled by agent 0; B (130 s) and C (140 s) keep both busy when A calls back at 160 s.
 */
const advisors = (design: string, parts: { patience?: string; teams?: string } = {}): string =>
  billingScenario({
    ...parts,
    demand: '  callback: { probability: 1, after: 100s }',
    teams: parts.teams ?? '  billing: { agents: 2, skills: [billing] }',
    design: `    numbers: [ { dial: "1", to: billing } ]\n${design}`,
  }).replace('resolve: 1', 'resolve: 0');

describe('a repeat call with continuity: advisor', () => {
  it('waits for its advisor while another agent is free, and gets them', () => {
    const lines = timeline(advisors('    continuity: advisor\n    advisorWait: 40s'), [0, 130, 140]);
    expect(at(lines, 0)).toContain('0 A answered by billing agent 0');
    expect(at(lines, 160)).toEqual(['160 A calls again (call 2)', '160 A reaches billing']);
    expect(at(lines, 190)).toEqual(['190 B ends Unresolved']);
    expect(at(lines, 200)).toEqual(['200 C ends Unresolved', '200 A answered by billing agent 0']);
  });

  it('after advisorWait, is answered by any free agent of the team', () => {
    const lines = timeline(advisors('    continuity: advisor\n    advisorWait: 30s'), [0, 130, 140]);
    // B's agent frees up at 190 s (rank 1) before the wait ends (rank 2): answered at that instant.
    expect(at(lines, 190)).toEqual(['190 B ends Unresolved', '190 A answered by billing agent 1']);
  });

  it('with advisorWait 0, joins the team queue like team continuity', () => {
    const lines = timeline(advisors('    continuity: advisor\n    advisorWait: 0s'), [0, 130, 140]);
    expect(at(lines, 160)).toEqual(['160 A calls again (call 2)', '160 A reaches billing']);
    expect(at(lines, 190)).toEqual(['190 B ends Unresolved', '190 A answered by billing agent 1']);
  });

  it('when the wait ends as patience does, is offered to the team first (an answer wins over giving up)', () => {
    const lines = timeline(advisors('    continuity: advisor\n    advisorWait: 30s', { patience: '30s' }), [0, 130, 140]);
    expect(at(lines, 190)).toEqual(['190 B ends Unresolved', '190 A answered by billing agent 1']);
  });

  it('answers its advisor freeing up as patience ends', () => {
    const lines = timeline(advisors('    continuity: advisor', { patience: '40s' }), [0, 130, 140]);
    expect(at(lines, 200)).toEqual(['200 C ends Unresolved', '200 A answered by billing agent 0']);
  });

  it('moves to the team queue when the advisor goes off duty, and is not starved there by the other advisor’s caller', () => {
    // A → agent 0, B → agent 1; then C → agent 0 (130–190 s), D → agent 1 (140–200 s).
    // A waits for agent 0 from 160 s, B for agent 1 from 170 s; at 180 s one agent goes.
    const teams = '  billing: { agents: { every: 180s, counts: [2, 1] }, skills: [billing] }';
    const lines = timeline(advisors('    continuity: advisor', { teams }), [0, 10, 130, 140]);
    expect(at(lines, 0)).toContain('0 A answered by billing agent 0');
    expect(at(lines, 10)).toContain('10 B answered by billing agent 1');
    // Agent 0 is the first to finish after the shift change: off duty, their caller (A) joins the line.
    expect(at(lines, 190)).toEqual(['190 C ends Unresolved']);
    // Agent 1's own caller (B, waiting 30 s) gives way to A, who has waited longer (40 s).
    expect(at(lines, 200)).toEqual(['200 D ends Unresolved', '200 A answered by billing agent 1']);
    expect(at(lines, 260)).toContain('260 B answered by billing agent 1');
  });

  it('with team continuity, agents are not told apart', () => {
    const lines = timeline(advisors('    continuity: team'), [0, 130, 140]);
    expect(at(lines, 0)).toContain('0 A answered by billing');
  });
});
