// Free agents taking waiting callers: their own team's first, then overflow from another team.
import { describe, expect, it } from 'vitest';
import { at, billingScenario, timeline } from '../timeline.ts';

/** Two teams of one agent with the billing skill; field may take billing's callers who waited 30 s. */
const overflow = billingScenario({
  teams: '  billing: { agents: 1, skills: [billing] }\n  field: { agents: 1, skills: [billing] }',
  design: '    numbers: [ { dial: "1", to: billing } ]\n    overflow: [ { from: billing, to: field, after: 30s } ]',
});

describe('an agent freeing up', () => {
  it('takes a caller of a team it takes overflow from, when nobody waits for its own team', () => {
    // A: billing 0-60. B overflows to field at 35 (field busy to 95). C and D wait; billing takes C at 60.
    const lines = timeline(overflow, [0, 5, 10, 15]);
    expect(at(lines, 35)).toEqual(['35 B answered by field from the billing queue']);
    expect(at(lines, 45)).toEqual([]);
    expect(at(lines, 60)).toEqual(['60 A ends Resolved', '60 C answered by billing']);
    expect(at(lines, 95)).toEqual(['95 B ends Resolved', '95 D answered by field from the billing queue']);
  });

  it('leaves another team’s caller who has not yet waited the overflow time', () => {
    // As above, but D calls at 70: when field frees up at 95 D has waited 25 s; field takes D at 100.
    const lines = timeline(overflow, [0, 5, 10, 70]);
    expect(at(lines, 95)).toEqual(['95 B ends Resolved']);
    expect(at(lines, 100)).toEqual(['100 D answered by field from the billing queue']);
  });
});
