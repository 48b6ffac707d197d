// Process-wide V8 setting for the simulation loop, applied by the `spoc` command, the library
// entry and the benchmark before any simulation code runs (worker threads share it).
import v8 from 'node:v8';

/**
 * V8 inlines at most 920 bytes of bytecode into one optimized function. The simulation's
 * path for one call (event queue, handlers, draws, metrics) is about three times that, so
 * by default much of it stays as real calls, which box every number passed or returned.
 * A budget of 3,000 bytes inlines it: about a fifth fewer instructions per call on the
 * benchmark's model (a), more than the budgets either side of it (2,000 or 5,000).
 */
const INLINING_BUDGET = '--max-inlined-bytecode-size-cumulative=3000';

export function tuneV8(): void {
  v8.setFlagsFromString(INLINING_BUDGET);
}
