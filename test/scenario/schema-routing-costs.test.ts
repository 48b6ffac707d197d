import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/library/run.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { TWO_NUMBERS, twoTeamsHead } from '../support/two-teams.ts';

const HEAD = twoTeamsHead('horizon: 2h, warmup: 0, replications: 3, seed: 11', '{ dist: exponential, mean: 3m }');
const NUMBERS = `${TWO_NUMBERS}
    dialing: { right: 0.7 }`;

const parse = (text: string) => parseScenario(text, 'shared.yaml');

describe('top-level misroute and transfer blocks', () => {
  it("give every design its costs, and a design's own block overrides them field by field", () => {
    const scenario = parse(`${HEAD}
misroute: { identify: 45s }
transfer: { delay: 20s, reexplain: 1m, drop: 0.05, mode: warm }
designs:
  shared:${NUMBERS}
  own-delay:${NUMBERS}
    transfer: { delay: 30s }
    misroute: { action: transfer }
`);
    const [shared, ownDelay] = scenario.designs;
    expect(shared!.misroute).toEqual({ identify: { kind: 'fixed', value: 45 }, action: 'transfer' });
    expect(shared!.transfer).toMatchObject({ delay: { kind: 'fixed', value: 20 }, reexplain: { kind: 'fixed', value: 60 }, drop: 0.05, mode: 'warm', accuracy: 1, priority: false, maxHops: 3 });
    // delay is the design's; drop, reexplain and mode stay the top level's.
    expect(ownDelay!.transfer).toMatchObject({ delay: { kind: 'fixed', value: 30 }, reexplain: { kind: 'fixed', value: 60 }, drop: 0.05, mode: 'warm' });
    expect(ownDelay!.misroute.identify).toEqual({ kind: 'fixed', value: 45 });
  });

  it('leave the contract defaults where neither the design nor the top level gives a field', () => {
    const [design] = parse(`${HEAD}
designs:
  alone:${NUMBERS}
`).designs;
    expect(design!.misroute).toEqual({ identify: { kind: 'fixed', value: 0 }, action: 'transfer' });
    expect(design!.transfer).toEqual({
      delay: { kind: 'fixed', value: 0 },
      reexplain: { kind: 'fixed', value: 0 },
      drop: 0,
      priority: false,
      accuracy: 1,
      mode: 'cold',
      maxHops: 3,
    });
  });

  it('simulate exactly as the same blocks written in every design', async () => {
    const top = `${HEAD}
misroute: { identify: 45s }
transfer: { delay: 20s, reexplain: 1m, drop: 0.05 }
designs:
  a:${NUMBERS}
  b:${NUMBERS}
    transfer: { drop: 0.2 }
`;
    const inline = `${HEAD}
designs:
  a:${NUMBERS}
    misroute: { identify: 45s }
    transfer: { delay: 20s, reexplain: 1m, drop: 0.05 }
  b:${NUMBERS}
    misroute: { identify: 45s }
    transfer: { delay: 20s, reexplain: 1m, drop: 0.2 }
`;
    const [fromTop, fromDesigns] = await Promise.all([runScenario(parse(top), { workers: 1 }), runScenario(parse(inline), { workers: 1 })]);
    expect(fromTop.designs).toEqual(fromDesigns.designs);
    // The shared costs are paid: misroutes take agent time.
    expect(fromTop.designs['a']!.metrics['agentTimeOnMisroutes']!.mean).toBeGreaterThan(0);
  });
});
