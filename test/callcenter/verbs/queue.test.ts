// Joining a team's line: answered at once, waiting, or a busy signal when the queue is full.
import { describe, expect, it } from 'vitest';
import { at, billingScenario, timeline } from '../timeline.ts';

const withCapacity = (places: number): string => `  billing: { agents: 1, skills: [billing], queueCapacity: ${places} }`;

describe('a caller reaching a team’s line', () => {
  it('hears a busy signal when the queue already holds queueCapacity callers', () => {
    // A is answered at 0, B waits in the one place from 10; C finds it taken.
    const lines = timeline(billingScenario({ teams: withCapacity(1) }), [0, 10, 20]);
    expect(at(lines, 20)).toEqual(['20 C calls', '20 C ends Blocked']);
    expect(at(lines, 60)).toEqual(['60 A ends Resolved', '60 B answered by billing']);
  });

  it('is still answered at once by a free agent when the queue has no place at all', () => {
    const lines = timeline(billingScenario({ teams: withCapacity(0) }), [0, 10]);
    expect(at(lines, 0)).toEqual(['0 A calls', '0 A reaches billing', '0 A answered by billing']);
    expect(at(lines, 10)).toEqual(['10 B calls', '10 B ends Blocked']);
  });

  it('calls again after a busy signal when the demand has a retry rule', () => {
    const demand = '  retry: { probability: 1, after: 100s }';
    const lines = timeline(billingScenario({ teams: withCapacity(0), demand }), [0, 10]);
    expect(at(lines, 110)).toEqual(['110 B calls again (call 2)', '110 B reaches billing', '110 B answered by billing']);
  });
});
