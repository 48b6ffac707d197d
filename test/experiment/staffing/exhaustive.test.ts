// Two intents answered by one pooled team or by two teams that transfer each other's
// wrong numbers: the search's answer is the cheapest staffing of an exhaustive search over
// a grid around it, every point simulated on the same random numbers.
import { describe, expect, it } from 'vitest';
import { createExecutor } from '../../../src/experiment/executor.ts';
import { CandidatePool, DesignCandidates } from '../../../src/experiment/staffing/candidates.ts';
import { resolveTargets } from '../../../src/experiment/staffing/targets.ts';
import { parseScenario } from '../../../src/scenario/index.ts';
import { staffScenario } from '../../support/staffing.ts';

const scenario = parseScenario(
  `name: pooled or split
run: { horizon: 4h, warmup: 30m, replications: 10, seed: 11, serviceLevel: 20s }
demand:
  arrivals: { rate: 240/h }
  patience: { dist: exponential, mean: 4m }
  intents:
    sales: { share: 0.5, handle: { dist: exponential, mean: 3m } }
    support: { share: 0.5, handle: { dist: exponential, mean: 4m } }
designs:
  pooled:
    numbers: [ { dial: "1", to: all } ]
    teams: { all: { agents: 10, skills: [sales, support] } }
  split:
    numbers: [ { dial: "1", to: sales, for: [sales] }, { dial: "2", to: support, for: [support] } ]
    dialing: { right: 0.9 }
    misroute: { identify: 30s }
    transfer: { delay: 10s }
    teams: { sales: { agents: 6, skills: [sales] }, support: { agents: 8, skills: [support] } }
staffing: { targets: { serviceLevel: ">= 0.8", abandonRate: "<= 5%" }, scope: team }
`,
  'pooled-or-split.yaml',
);

describe('the staffing search against an exhaustive search', () => {
  it('finds the fewest agents of every grid point that meets the targets, pooled and split', async () => {
    const result = await staffScenario(scenario);
    const executor = createExecutor({}, 1);
    try {
      const pool = new CandidatePool(executor);
      for (const design of scenario.designs) {
        const targets = resolveTargets(scenario, [design], { ...scenario.staffing!, from: 'file' });
        const candidates = new DesignCandidates({ scenario, design, targets, every: undefined, counted: undefined }, pool);
        const answer = result.designs.find((d) => d.design === design.name)!.counts.map((row) => row[0]!);
        // Every staffing within 3 agents of the answer, team by team.
        const grid: number[][] = [[]];
        for (const agents of answer) {
          const next: number[][] = [];
          for (const point of grid) for (let n = Math.max(0, agents - 3); n <= agents + 3; n++) next.push([...point, n]);
          grid.splice(0, grid.length, ...next);
        }
        const evaluated = await candidates.evaluateAll(grid.map((point) => point.map((n) => [n])));
        const feasible = grid.filter((_, k) => evaluated[k]!.met).map((point) => point.reduce((a, b) => a + b, 0));
        const total = answer.reduce((a, b) => a + b, 0);
        expect(feasible.length).toBeGreaterThan(0);
        expect(Math.min(...feasible), design.name).toBe(total);
        expect(evaluated[grid.findIndex((point) => point.join() === answer.join())]!.met).toBe(true);
      }
    } finally {
      await executor.close();
    }
  });
});
