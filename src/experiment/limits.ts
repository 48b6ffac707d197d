// Runs too large for this kind of machine are refused before they start, with the
// estimate and the limit, rather than left to run for days or out of memory.
import { meanOf } from '../engine/distributions.ts';
import { InputError } from '../scenario/input-error.ts';
import type { Scenario } from '../scenario/model.ts';
import { estimatedCalls } from './workload.ts';
import { MAX_CALLS_PER_ISSUE } from '../callcenter/verbs/end-call.ts';

/** Calls one replication of one design may simulate (about two minutes at 1.5 million/s). */
export const MAX_CALLS_PER_REPLICATION = 2e8;
/** Calls a whole run may simulate (about two hours at 1.5 million/s). */
export const MAX_CALLS_PER_RUN = 1e10;
/** Callers in the system at once (each holds a few hundred bytes while in the system). */
export const MAX_CALLERS_AT_ONCE = 5e6;

/** A run refused for its size: bad input (exit code 2), with the estimate and the limit. */
export class RunTooLargeError extends InputError {}

/**
 * Throws RunTooLargeError when a run of `points` points of this scenario would be too
 * large, with `replications` of each design at each point (a trace runs one).
 */
export function checkRunSize(scenario: Scenario, designs: number, points = 1, replications = scenario.run.replications): void {
  const perReplication = estimatedCalls(scenario) * callsPerIssue(scenario);
  const total = perReplication * replications * designs * points;
  const atOnce = arrivalRatePeak(scenario) * longestStay(scenario);
  const problems: string[] = [];
  if (perReplication > MAX_CALLS_PER_REPLICATION) {
    problems.push(`about ${sci(perReplication)} calls per replication of a design (rate × horizon); the limit is ${sci(MAX_CALLS_PER_REPLICATION)}`);
  }
  if (total > MAX_CALLS_PER_RUN) {
    problems.push(
      `about ${sci(total)} calls in all (${replications} replications × ${designs} designs × ${points} points); ` +
        `the limit is ${sci(MAX_CALLS_PER_RUN)}, about two hours of simulation`,
    );
  }
  if (atOnce > MAX_CALLERS_AT_ONCE) {
    problems.push(`about ${sci(atOnce)} callers in the system at once (peak rate × mean time a call lasts); the limit is ${sci(MAX_CALLERS_AT_ONCE)}`);
  }
  if (problems.length > 0) {
    throw new RunTooLargeError(
      `${scenario.file ?? scenario.name}: the run is too large for this machine: ${problems.join('; ')}. ` +
        'Shorten run.horizon, lower the rate or the replications, or split a sweep into shards.',
    );
  }
}

/** Calls per issue with callbacks after unresolved answers (the largest over intents; a caller stops at the guard). */
function callsPerIssue(scenario: Scenario): number {
  const callback = scenario.demand.callback?.probability ?? 0;
  return Math.max(
    ...scenario.demand.intents.map((i) => Math.min(MAX_CALLS_PER_ISSUE, 1 / Math.max(1e-9, 1 - (1 - i.resolve) * callback))),
  );
}

function arrivalRatePeak(scenario: Scenario): number {
  const { arrivals } = scenario.demand;
  return arrivals.kind === 'poisson' ? arrivals.ratePerSecond : Math.max(...arrivals.ratesPerSecond);
}

/** An upper estimate of how long a call lasts: talk, wrap-up and the caller's patience. */
function longestStay(scenario: Scenario): number {
  return Math.max(
    ...scenario.demand.intents.map((i) => meanOf(i.handle) + meanOf(i.wrapUp) + (i.patience === null ? meanOf(i.handle) : meanOf(i.patience))),
  );
}

const sci = (x: number): string => (x >= 1e6 ? x.toExponential(1).replace('e+', 'e') : Math.round(x).toLocaleString('en'));
