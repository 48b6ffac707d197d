// M/M/c through the real loader and simulator against Erlang C, from light to heavy load.
import { describe, it } from 'vitest';
import { erlangC } from '../../src/analytic/index.ts';
import { expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';

const MEAN_HANDLE = 60;
const SERVICE_LEVEL = 20;

function mmcScenario(agents: number, occupancy: number, callsPerReplication: number, replications: number): string {
  const ratePerHour = (occupancy * agents * 3600) / MEAN_HANDLE;
  const horizon = Math.ceil((callsPerReplication / ratePerHour) * 3600);
  return `
name: M/M/${agents} at occupancy ${occupancy}
run: { horizon: ${horizon}, warmup: ${Math.ceil(horizon / 20)}, replications: ${replications}, seed: 7, serviceLevel: ${SERVICE_LEVEL}s }
demand:
  arrivals: { rate: ${ratePerHour}/h }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: ${MEAN_HANDLE}s }, resolve: 1 }
  patience: none
teams:
  team: { agents: ${agents}, skills: [any] }
designs:
  single:
    numbers: [ { dial: "1", to: team } ]
`;
}

describe('M/M/c against Erlang C', () => {
  const cases = [
    { agents: 1, occupancy: 0.5, calls: 60_000 },
    { agents: 5, occupancy: 0.7, calls: 60_000 },
    { agents: 20, occupancy: 0.85, calls: 100_000 },
    { agents: 50, occupancy: 0.9, calls: 150_000 },
    { agents: 200, occupancy: 0.95, calls: 200_000 },
  ];
  for (const { agents, occupancy, calls } of cases) {
    it(`matches pWait, waitMean, serviceLevel and occupancy with ${agents} agents at ${occupancy}`, () => {
      const runs = simulateYaml(mmcScenario(agents, occupancy, calls, 12));
      const theory = erlangC({ arrivalRate: (occupancy * agents) / MEAN_HANDLE, meanService: MEAN_HANDLE, agents });
      expectWithinInterval('pWait', series(runs, 'single', 'pWait'), theory.pWait);
      expectWithinInterval('waitMean', series(runs, 'single', 'waitMean'), theory.waitMean);
      expectWithinInterval('serviceLevel', series(runs, 'single', 'serviceLevel'), theory.serviceLevel(SERVICE_LEVEL));
      expectWithinInterval('occupancy', series(runs, 'single', 'occupancy', { team: 'team' }), theory.occupancy);
    });
  }
});
