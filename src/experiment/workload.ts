// How much work a run is, to decide whether worker threads pay for their start-up.
import { availableParallelism } from 'node:os';
import { meanArrivalRate } from '../scenario/arrival-rates.ts';
import type { Scenario } from '../scenario/model.ts';

/** Starting a worker thread costs about half a second: below this many calls, one thread wins. */
const CALLS_PER_EXTRA_WORKER = 1_500_000;

/** Expected new issues of one replication of one design (repeat calls not counted). */
export function estimatedCalls(scenario: Scenario): number {
  return meanArrivalRate(scenario.demand.arrivals, scenario.run.start, scenario.run.horizon) * scenario.run.horizon;
}

/**
 * Worker threads for a run: the number asked for, else every core when the run is big
 * enough to gain from them, never more than there are tasks.
 */
export function workersFor(requested: number | undefined, calls: number, tasks: number): number {
  const wanted = requested ?? Math.min(availableParallelism(), 1 + Math.floor(calls / CALLS_PER_EXTRA_WORKER));
  return Math.max(1, Math.min(wanted, tasks));
}
