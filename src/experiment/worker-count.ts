// How many worker threads a run gets: the only part of sizing a run that asks the machine,
// kept apart from workload.ts so that a run in a browser needs none of Node's modules.
import { availableParallelism } from 'node:os';

/** Starting a worker thread costs about half a second: below this many calls, one thread wins. */
const CALLS_PER_EXTRA_WORKER = 1_500_000;

/**
 * Worker threads for a run: the number asked for, else every core when the run is big
 * enough to gain from them, never more than there are tasks.
 */
export function workersFor(requested: number | undefined, calls: number, tasks: number): number {
  const wanted = requested ?? Math.min(availableParallelism(), 1 + Math.floor(calls / CALLS_PER_EXTRA_WORKER));
  return Math.max(1, Math.min(wanted, tasks));
}
