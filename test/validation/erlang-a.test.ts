// M/M/c+M (exponential patience) through the loader and simulator against Erlang A.
import { describe, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.ts';
import { expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';

describe('M/M/c+M against Erlang A', () => {
  const cases = [
    { agents: 10, load: 11, handle: 60, patience: 120 }, // overloaded: abandonment keeps it stable
    { agents: 50, load: 47.5, handle: 180, patience: 60 },
  ];
  for (const { agents, load, handle, patience } of cases) {
    it(`matches abandonRate, waitMean and asa with ${agents} agents at ${load} Erlangs`, () => {
      const ratePerHour = (load / handle) * 3600;
      const horizon = Math.ceil((120_000 / ratePerHour) * 3600);
      const runs = simulateYaml(`
name: Erlang A check
run: { horizon: ${horizon}, warmup: ${Math.ceil(horizon / 20)}, replications: 12, seed: 11 }
demand:
  arrivals: { rate: ${ratePerHour}/h }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: ${handle} }, resolve: 1 }
  patience: { dist: exponential, mean: ${patience} }
teams:
  team: { agents: ${agents}, skills: [any] }
designs:
  single:
    numbers: [ { dial: "1", to: team } ]
`);
      const theory = erlangA({ arrivalRate: load / handle, meanService: handle, agents, meanPatience: patience });
      expectWithinInterval('abandonRate', series(runs, 'single', 'abandonRate'), theory.abandonRate);
      expectWithinInterval('waitMean', series(runs, 'single', 'waitMean'), theory.waitMean);
      expectWithinInterval('asa', series(runs, 'single', 'asa'), theory.asa);
      expectWithinInterval('serviceLevel', series(runs, 'single', 'serviceLevel'), theory.serviceLevel(20));
    });
  }
});
