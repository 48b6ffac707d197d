// Two numbers, misrouted callers transferred: identify and handle are exponential with the
// same mean, so each team is an M/M/c node of a Kelly network with product form, and the
// traffic equations give each team's arrival rate.
import { describe, expect, it } from 'vitest';
import { jacksonNetwork } from '../../src/analytic/index.ts';
import { expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';

const RATE_PER_INTENT = 150 / 3600; // per second
const RIGHT = 0.8;
const MEAN = 120;

describe('a two-number design with transfers against the Jackson/Kelly network', () => {
  const runs = simulateYaml(`
name: Two numbers, misroutes transferred
run: { horizon: 400h, warmup: 10h, replications: 10, seed: 5 }
demand:
  arrivals: { rate: 300/h }
  intents:
    billing: { share: 0.5, handle: { dist: exponential, mean: ${MEAN}s }, resolve: 1 }
    outage:  { share: 0.5, handle: { dist: exponential, mean: ${MEAN}s }, resolve: 1 }
  patience: none
teams:
  billing: { agents: 8, skills: [billing] }
  field:   { agents: 8, skills: [outage] }
designs:
  two-numbers:
    numbers:
      - { dial: "0800 1", to: billing, for: [billing] }
      - { dial: "0800 2", to: field, for: [outage] }
    dialing: { right: ${RIGHT} }
    misroute: { identify: { dist: exponential, mean: ${MEAN}s }, action: transfer }
`);
  // Each team receives its own right dialers and the other intent's wrong dialers (γ), and
  // sends the wrong dialers on: a share (1-right)·rate / λ of its departures.
  const external = RATE_PER_INTENT;
  const toOther = ((1 - RIGHT) * RATE_PER_INTENT) / (RATE_PER_INTENT + (1 - RIGHT) * RATE_PER_INTENT);
  const network = jacksonNetwork({
    externalArrivalRates: [external, external],
    routing: [
      [0, toOther],
      [toOther, 0],
    ],
    agents: [8, 8],
    serviceRates: [1 / MEAN, 1 / MEAN],
  });

  for (const [node, team] of ['billing', 'field'].entries()) {
    it(`gives team ${team} the network's mean wait and occupancy`, () => {
      expectWithinInterval(`${team} waitMean`, series(runs, 'two-numbers', 'waitMean', { team }), network.nodes[node]!.waitMean);
      expectWithinInterval(`${team} occupancy`, series(runs, 'two-numbers', 'occupancy', { team }), network.nodes[node]!.occupancy);
    });
  }

  it('transfers exactly the misrouted calls, one transfer each', () => {
    const transfers = series(runs, 'two-numbers', 'transfersPerCall');
    const misrouted = series(runs, 'two-numbers', 'misroutedShare');
    transfers.forEach((t, r) => expect(t).toBe(misrouted[r]));
    expectWithinInterval('misroutedShare', misrouted, 1 - RIGHT);
  });
});
