import v8 from 'node:v8';
import { describe, expect, it, vi } from 'vitest';

describe('the library entry', () => {
  it('raises the V8 inlining budget as it is imported, as the command does', async () => {
    const setFlags = vi.spyOn(v8, 'setFlagsFromString');
    const library = await import('../../src/index.ts');
    expect(setFlags).toHaveBeenCalledWith('--max-inlined-bytecode-size-cumulative=3000');
    expect(typeof library.runScenario).toBe('function');
  });

  it('offers the Erlang calculators of spoc erlang', async () => {
    const { agentsForServiceLevel, erlangB, erlangC } = await import('../../src/index.ts');
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
    // One agent, load 0.5: a caller waits with probability 0.5.
    expect(erlangC({ arrivalRate: 0.5, meanService: 1, agents: 1 }).pWait).toBeCloseTo(0.5, 12);
    // `spoc erlang --rate 100/h --handle 3m`: 8 agents for 80% answered within 20s.
    expect(agentsForServiceLevel({ arrivalRate: 100 / 3600, meanService: 180, threshold: 20, target: 0.8 }).agents).toBe(8);
  });
});
