// Pin of "ties go to the first listed team": an IVR choosing among skilled teams equally
// loaded (callers waiting per agent on duty) sends the caller to the one listed first in
// the file, not to the last, nor by name.
import { describe, expect, it } from 'vitest';
import { timeline } from './timeline.ts';

/** Two teams with the skill, zeta listed before alpha, one agent each, behind an IVR. */
const TWO_TEAMS = `
name: ties
run: { horizon: 1h, warmup: 0s, replications: 1, seed: 1 }
demand:
  arrivals: { rate: 1/h }
  patience: none
  intents:
    billing: { share: 1, handle: 60s, resolve: 1 }
teams:
  zeta:  { agents: 1, skills: [billing] }
  alpha: { agents: 1, skills: [billing] }
designs:
  only:
    numbers: [ { dial: "1", to: ivr } ]
    ivr: { menu: 10s, accuracy: 1 }
`;

describe('a tie between skilled teams', () => {
  // Guards the tie rule of the least-loaded policy (a `<=` in place of `<` sends ties to
  // the last listed team).
  it('goes to the first listed team, whether nobody waits anywhere or both queues are as long', () => {
    // Only waiting callers count, not busy agents. A at 10 s: nobody waits (0 and 0): zeta,
    // answered at once. B at 12 s: still 0 and 0: zeta, B waits there. C at 14 s: zeta 1,
    // alpha 0: alpha, answered at once. D at 16 s: 1 and 0: alpha, D waits there. E at
    // 18 s: 1 and 1: zeta.
    const routed = timeline(TWO_TEAMS, [0, 2, 4, 6, 8]).filter((line) => line.includes('routed by the IVR'));
    expect(routed).toEqual([
      '10 A routed by the IVR to zeta',
      '12 B routed by the IVR to zeta',
      '14 C routed by the IVR to alpha',
      '16 D routed by the IVR to alpha',
      '18 E routed by the IVR to zeta',
    ]);
  });
});
