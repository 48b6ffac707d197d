// How much work a run is: what the size limits and the choice of worker threads start from.
import { meanArrivalRate } from '../scenario/arrival-rates.ts';
import type { Scenario } from '../scenario/model.ts';

/** Expected new issues of one replication of one design (repeat calls not counted). */
export function estimatedCalls(scenario: Scenario): number {
  return meanArrivalRate(scenario.demand.arrivals, scenario.run.start, scenario.run.horizon) * scenario.run.horizon;
}
