// An agent answering a caller: a skilled talk, cut at the design's handle cap.
import { describe, expect, it } from 'vitest';
import { at, billingScenario, timeline } from '../timeline.ts';

describe('an answered call', () => {
  it('is cut at handleCap and ends Capped, the agent free for the next caller then', () => {
    const design = '    numbers: [ { dial: "1", to: billing } ]\n    handleCap: 30s';
    const lines = timeline(billingScenario({ design }), [0, 10]);
    expect(at(lines, 30)).toEqual(['30 A ends Capped', '30 B answered by billing']);
    expect(at(lines, 60)).toEqual(['60 B ends Capped']);
  });

  it('runs its whole handle time when it is within handleCap', () => {
    const design = '    numbers: [ { dial: "1", to: billing } ]\n    handleCap: 60s';
    expect(timeline(billingScenario({ design }), [0]).at(-1)).toBe('60 A ends Resolved');
  });
});
