// Agent groups within a team, at fixed times: which free agent answers (longest-idle across
// groups, fastest-first), how a group's handleFactor sets the talk, and a group's own shift.
// Agents are numbered across the design from 0, group after group in file order.
import { describe, expect, it } from 'vitest';
import { at, billingScenario, timeline } from '../timeline.ts';

/** One team of two groups: `slow` (agent 0, talks 120 s) then `fast` (agent 1, 30 s). */
const twoGroups = (select: string, slow = '1', fast = '1'): string =>
  billingScenario({
    teams: `  billing: { agents: [{ count: ${slow}, name: slow, handleFactor: 2 }, { count: ${fast}, name: fast, handleFactor: 0.5 }], skills: [billing], select: ${select} }`,
  });

describe('agent groups at fixed times', () => {
  it('fastest-first: the fast group answers while one of its agents is free, whatever their file order', () => {
    const lines = timeline(twoGroups('fastest-first'), [0, 10]);
    expect(at(lines, 0)).toContain('0 A answered by billing agent 1');
    expect(at(lines, 10)).toContain('10 B answered by billing agent 0');
    expect(at(lines, 30)).toEqual(['30 A ends Resolved']);
    expect(at(lines, 130)).toEqual(['130 B ends Resolved']);
  });

  it('longest-idle: the agent free the longest answers, whatever their group (ties: file order)', () => {
    const lines = timeline(twoGroups('longest-idle'), [0, 10, 130]);
    expect(at(lines, 0)).toContain('0 A answered by billing agent 0');
    expect(at(lines, 10)).toContain('10 B answered by billing agent 1');
    // Agent 1 is free since 40 s, agent 0 since 120 s.
    expect(at(lines, 130)).toContain('130 C answered by billing agent 1');
  });

  it("a group's agents follow their own shift: one finishing a call past it leaves a free agent of another group free", () => {
    // day: agent 0 on duty for the first 100 s; late: agent 1 from 100 s. A (50 s) keeps
    // agent 0 busy until 170 s, past their shift; B (105 s) is answered by agent 1 at once.
    const yaml = billingScenario({
      teams: '  billing: { agents: [{ count: { every: 100s, counts: [1, 0] }, name: day }, { count: { every: 100s, counts: [0, 1] }, name: late, handleFactor: 0.5 }], skills: [billing] }',
    }).replace('handle: 60s', 'handle: 120s');
    const lines = timeline(yaml, [50, 105]);
    expect(at(lines, 50)).toContain('50 A answered by billing agent 0');
    expect(at(lines, 105)).toContain('105 B answered by billing agent 1');
    expect(at(lines, 165)).toEqual(['165 B ends Resolved']);
    expect(at(lines, 170)).toEqual(['170 A ends Resolved']);
  });
});
