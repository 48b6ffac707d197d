// Starting a repeat call: with continuity it skips the menu and reaches the last team.
import { describe, expect, it } from 'vitest';
import { at, billingScenario, timeline } from '../timeline.ts';

describe('a repeat call', () => {
  const viaIvr = (continuity: boolean): string =>
    billingScenario({
      demand: '  callback: { probability: 1, after: 100s }',
      design: `    numbers: [ { dial: "1", to: ivr } ]\n    ivr: { menu: 20s, accuracy: 1 }\n    continuity: ${continuity}`,
    }).replace('resolve: 1', 'resolve: 0');

  it('with continuity, goes straight to the team that last handled the issue, skipping the IVR', () => {
    // The first call: menu 0-20 s, talk 20-80 s, unresolved; the callback comes 100 s later.
    const lines = timeline(viaIvr(true), [0]);
    expect(at(lines, 180)).toEqual(['180 A calls again (call 2)', '180 A reaches billing', '180 A answered by billing']);
  });

  it('without continuity, goes through the IVR menu again', () => {
    const lines = timeline(viaIvr(false), [0]);
    expect(at(lines, 180)).toEqual(['180 A calls again (call 2)']);
    expect(at(lines, 200)).toEqual(['200 A routed by the IVR to billing', '200 A reaches billing', '200 A answered by billing']);
  });
});
