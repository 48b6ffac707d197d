// Re-explaining the issue on a repeat call (demand.reexplainOnRepeat): the time it adds to
// agents' work by the utilisation law, per issue exactly, and nothing at all when unset.
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../src/callcenter/compile.ts';
import { offeredLoads } from '../../src/callcenter/offered-load.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';

const AGENTS = 16;
const RESOLVE = 0.6;

/** One team; every unresolved issue calls back; `demand` and `design` spliced in. */
function callbacks(demand: string, design = ''): string {
  return `
name: re-explaining
run: { horizon: 40h, warmup: 2h, replications: 8, seed: 31 }
demand:
  arrivals: { rate: 120/h }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: 3m }, resolve: ${RESOLVE} }
  patience: none
  callback: { probability: 1, after: { dist: exponential, mean: 30m } }
${demand}
teams:
  team: { agents: ${AGENTS}, skills: [any] }
designs:
  single:
    numbers: [ { dial: "1", to: team } ]
${design}
`;
}

describe('re-explaining on a repeat call', () => {
  it('adds its time to every repeat call answered, which shows in occupancy by the utilisation law', () => {
    const runs = simulateYaml(callbacks('  reexplainOnRepeat: 1m'));
    const rate = 120 / 3600;
    // Calls per issue 1/r, all answered; the 1/r - 1 callbacks each add 60 s of talk.
    const busy = (rate * (180 / RESOLVE) + rate * (1 / RESOLVE - 1) * 60) / AGENTS;
    expectWithinInterval('occupancy', series(runs, 'single', 'occupancy', { team: 'team' }), busy);
    expectWithinInterval('reexplainPerIssue', series(runs, 'single', 'reexplainPerIssue'), (1 / RESOLVE - 1) * 60);
  });

  it('is counted per issue exactly: 60 s for each call after the first, every issue ending in the drain', () => {
    const runs = simulateYaml(callbacks('  reexplainOnRepeat: 1m'));
    const contacts = series(runs, 'single', 'contactsPerIssue');
    series(runs, 'single', 'reexplainPerIssue').forEach((v, i) => expect(v).toBeCloseTo(60 * (contacts[i]! - 1), 9));
  });

  it('is made with team continuity too: agents of a team are not told apart, so the caller explains again', () => {
    const runs = simulateYaml(callbacks('  reexplainOnRepeat: 1m', '    continuity: true'));
    const contacts = series(runs, 'single', 'contactsPerIssue');
    series(runs, 'single', 'reexplainPerIssue').forEach((v, i) => expect(v).toBeCloseTo(60 * (contacts[i]! - 1), 9));
  });

  it('is not made by a caller retrying after abandoning before any agent answered', () => {
    const yaml = callbacks('  reexplainOnRepeat: 1m')
      .replace(`resolve: ${RESOLVE}`, 'resolve: 1')
      .replace('patience: none', 'patience: { dist: exponential, mean: 20s }')
      .replace('callback: { probability: 1, after: { dist: exponential, mean: 30m } }', 'retry: { probability: 1, after: 5m }')
      .replace(`agents: ${AGENTS}`, 'agents: 6');
    const runs = simulateYaml(yaml);
    for (const v of series(runs, 'single', 'contactsPerIssue')) expect(v).toBeGreaterThan(1.01);
    for (const v of series(runs, 'single', 'reexplainPerIssue')) expect(v).toBe(0);
  });

  it('unset or 0 changes nothing: every figure is the same, re-explaining 0', () => {
    const without = simulateYaml(callbacks(''));
    const zero = simulateYaml(callbacks('  reexplainOnRepeat: 0'));
    expect(zero).toEqual(without);
    for (const v of series(without, 'single', 'reexplainPerIssue')) expect(v).toBe(0);
  });

  it('is in the offered load of the traffic equations: the callbacks, each re-explaining', () => {
    const load = (demand: string) => {
      const scenario = parseScenario(callbacks(demand), 'test.yaml');
      return offeredLoads(scenario, compileDesign(scenario, scenario.designs[0]!))[0]!.offeredLoad;
    };
    const rate = 120 / 3600;
    expect(load('')).toBeCloseTo(rate * (180 / RESOLVE), 9);
    expect(load('  reexplainOnRepeat: 1m')).toBeCloseTo(rate * (180 / RESOLVE) + rate * (1 / RESOLVE - 1) * 60, 9);
  });
});
