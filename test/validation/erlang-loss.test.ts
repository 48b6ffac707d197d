// `spoc erlang --queue-capacity` against the simulator: the busy signals of Erlang B and the
// service level of admitted callers in M/M/c/K, on the same team as a scenario file.
import { describe, expect, it } from 'vitest';
import { expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';
import { spoc } from '../support/spoc-cli.ts';

const team = (agents: number, places: number) => `
name: loss
run: { horizon: 100h, warmup: 2h, replications: 8, seed: 53 }
demand:
  arrivals: { rate: 300/h }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: 1m }, resolve: 1 }
teams:
  team: { agents: ${agents}, skills: [any], queueCapacity: ${places} }
designs:
  single:
    numbers: [ { dial: "1", to: team } ]
`;

async function erlangRow(agents: number, places: number) {
  const { code, out } = await spoc('erlang', '--rate', '300/h', '--handle', '1m', '--agents', String(agents), '--queue-capacity', String(places), '--format', 'json');
  expect(code).toBe(0);
  const rows = (JSON.parse(out) as { rows: { agents: number; blocking: number; serviceLevel: number; waitMean: number }[] }).rows;
  return rows.find((r) => r.agents === agents)!;
}

describe('spoc erlang --queue-capacity against the simulator', () => {
  it('Erlang B: the share of calls getting a busy signal', async () => {
    const theory = await erlangRow(6, 0);
    const runs = simulateYaml(team(6, 0));
    expect(theory.blocking).toBeGreaterThan(0.1);
    expectWithinInterval('blockedShare', series(runs, 'single', 'blockedShare'), theory.blocking);
  });

  it('M/M/c/K: blocking, and the service level and mean wait of admitted callers', async () => {
    const theory = await erlangRow(5, 4);
    const runs = simulateYaml(team(5, 4));
    expectWithinInterval('blockedShare', series(runs, 'single', 'blockedShare'), theory.blocking);
    expectWithinInterval('serviceLevel', series(runs, 'single', 'serviceLevel'), theory.serviceLevel);
    expectWithinInterval('waitMean', series(runs, 'single', 'waitMean'), theory.waitMean);
  });
});
