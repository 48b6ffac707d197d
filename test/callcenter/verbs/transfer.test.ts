// Transfers: a cold one frees the agent at once, a warm one keeps them on the line during
// the delay, and a caller may be lost on the way.
import { describe, expect, it } from 'vitest';
import { at, billingScenario, timeline } from '../timeline.ts';

/** Calls reach `front` first, which cannot handle billing: it finds out in 30 s and transfers to billing. */
function frontDesk(transfer: string): string {
  return billingScenario({
    demand: '    outage: { share: 0, handle: 60s }',
    teams: '  front: { agents: 1, skills: [outage] }\n  billing: { agents: 1, skills: [billing] }',
    design: `    numbers: [ { dial: "1", to: front } ]\n    misroute: { identify: 30s }\n    transfer: { ${transfer} }`,
  });
}

describe('a transfer', () => {
  it('when cold, frees the agent as the caller leaves: the next caller is answered then', () => {
    const lines = timeline(frontDesk('delay: 10s, mode: cold'), [0, 5]);
    expect(at(lines, 30)).toEqual(['30 A transferred by front', '30 B answered by front']);
    expect(at(lines, 40)).toEqual(['40 A reaches billing', '40 A answered by billing']);
  });

  it('when warm, keeps the agent on the line until the caller reaches the next queue', () => {
    // B waits for front's agent from 5 s; the agent is busy with A's transfer until 30 + 10 s.
    const lines = timeline(frontDesk('delay: 10s, mode: warm'), [0, 5]);
    expect(at(lines, 30)).toEqual(['30 A transferred by front']);
    expect(at(lines, 40)).toEqual(['40 B answered by front', '40 A reaches billing', '40 A answered by billing']);
  });

  it('loses the caller at the end of the delay when drop is 1', () => {
    const lines = timeline(frontDesk('delay: 10s, drop: 1'), [0]);
    expect(lines.slice(3)).toEqual(['30 A transferred by front', '40 A ends Dropped']);
  });

  it('adds reexplain to the handle time of the agent who takes the caller next', () => {
    // Billing talks 60 s of handle plus 15 s of reexplaining: from 30 s to 105 s.
    const lines = timeline(frontDesk('reexplain: 15s'), [0]);
    expect(lines.slice(-3)).toEqual(['30 A reaches billing', '30 A answered by billing', '105 A ends Resolved']);
  });
});
