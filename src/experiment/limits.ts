// Runs too large for this kind of machine are refused before they start, with the
// estimate and the limit, rather than left to run for days or out of memory.
import { compileDesign } from '../callcenter/compile.ts';
import { offeredLoads } from '../callcenter/offered-load.ts';
import { meanOf } from '../engine/distributions.ts';
import { maxOf } from '../metrics/extremes.ts';
import { peakArrivalRate } from '../scenario/arrival-rates.ts';
import { formatDuration, type Scenario } from '../scenario/index.ts';
import { InputError } from '../scenario/input-error.ts';
import { estimatedCalls } from './workload.ts';
import { MAX_CALLS_PER_ISSUE } from '../callcenter/verbs/end-call.ts';

/** Calls one replication of one design may simulate (about two minutes at 1.5 million/s). */
export const MAX_CALLS_PER_REPLICATION = 2e8;
/** Calls a whole run may simulate (about two hours at 1.5 million/s). */
export const MAX_CALLS_PER_RUN = 1e10;
/** Callers in the system at once (each holds a few hundred bytes while in the system). */
export const MAX_CALLERS_AT_ONCE = 5e6;
/** Intervals of the per-interval figures (`--interval`) of one run: each holds a row per design. */
export const MAX_INTERVALS = 100_000;

/** A run refused for its size: bad input (exit code 2), with the estimate and the limit. */
export class RunTooLargeError extends InputError {}

/**
 * Throws RunTooLargeError when a run of `points` points of this scenario would be too
 * large, with `replications` of each of `designs` (names) at each point (a trace runs one).
 */
export function checkRunSize(
  scenario: Scenario,
  designs: readonly string[],
  points = 1,
  replications = scenario.run.replications,
  /** What the message names as too large: the file, or a sweep point of it. */
  subject = scenario.file ?? scenario.name,
): void {
  const perReplication = estimatedCalls(scenario) * callsPerIssue(scenario);
  const total = perReplication * replications * designs.length * points;
  const atOnce = peakArrivalRate(scenario.demand.arrivals) * longestStay(scenario);
  const queue = longestQueue(scenario, designs);
  const problems: string[] = [];
  if (perReplication > MAX_CALLS_PER_REPLICATION) {
    problems.push(`about ${sci(perReplication)} calls per replication of a design (rate × horizon); the limit is ${sci(MAX_CALLS_PER_REPLICATION)}`);
  }
  if (total > MAX_CALLS_PER_RUN) {
    problems.push(
      `about ${sci(total)} calls in all (${replications} replications × ${designs.length} designs × ${points} points); ` +
        `the limit is ${sci(MAX_CALLS_PER_RUN)}, about two hours of simulation`,
    );
  }
  if (atOnce > MAX_CALLERS_AT_ONCE) {
    problems.push(`about ${sci(atOnce)} callers in the system at once (peak rate × mean time a call lasts); the limit is ${sci(MAX_CALLERS_AT_ONCE)}`);
  }
  const queueTooLong = atOnce <= MAX_CALLERS_AT_ONCE && queue !== undefined && queue.waiting > MAX_CALLERS_AT_ONCE;
  if (queueTooLong) {
    problems.push(
      `about ${sci(queue.waiting)} callers waiting at once by the end of the horizon, because ${queue.why}; the limit is ${sci(MAX_CALLERS_AT_ONCE)}`,
    );
  }
  if (problems.length > 0) {
    const remedy =
      problems.length === 1 && queueTooLong
        ? 'Add agents, give callers a patience or the team a queueCapacity, or shorten run.horizon.'
        : 'Shorten run.horizon, lower the rate or the replications, or split a sweep into shards.';
    throw new RunTooLargeError(`${subject}: the run is too large for this machine: ${problems.join('; ')}. ${remedy}`);
  }
}

/**
 * Throws RunTooLargeError when per-interval figures of `interval` seconds would cut the
 * horizon into more than MAX_INTERVALS intervals.
 */
export function checkIntervals(scenario: Scenario, interval: number): void {
  const count = Math.ceil(scenario.run.horizon / interval);
  if (count > MAX_INTERVALS) {
    throw new RunTooLargeError(
      `--interval: found ${formatDuration(interval)} on a horizon of ${formatDuration(scenario.run.horizon)}, ` +
        `which makes ${sci(count)} intervals (horizon / interval); the limit is ${MAX_INTERVALS.toLocaleString('en')} intervals per run: choose a longer interval`,
    );
  }
}

/** Calls per issue with callbacks after unresolved answers (the largest over intents; a caller stops at the guard). */
function callsPerIssue(scenario: Scenario): number {
  const callback = scenario.demand.callback?.probability ?? 0;
  return maxOf(scenario.demand.intents.map((i) => Math.min(MAX_CALLS_PER_ISSUE, 1 / Math.max(1e-9, 1 - (1 - i.resolve) * callback))));
}

/** An upper estimate of how long a call lasts: talk, wrap-up and the caller's patience. */
function longestStay(scenario: Scenario): number {
  return maxOf(
    scenario.demand.intents.map((i) => meanOf(i.handle) + meanOf(i.wrapUp) + (i.patience === null ? meanOf(i.handle) : meanOf(i.patience))),
  );
}

/**
 * The callers left waiting at the horizon in the design whose queues grow most, when some
 * team is offered more calls than its agents can answer and its callers never leave (no
 * patience) nor are turned away (no queueCapacity): the excess of the arrivals that never
 * abandon (the share of intents with patience none) over what the agents answer, times
 * the horizon, up to the queue's capacity. Rates are the traffic equations' means over the
 * profile and the schedule, so that a queue that grows at a peak and drains after it is
 * not counted: the figure is a lower bound of the real queue, and a run refused for it
 * would certainly run out of memory. Teams joined by overflow rules share their agents,
 * so they count as one.
 */
function longestQueue(scenario: Scenario, names: readonly string[]): { waiting: number; why: string } | undefined {
  const { intents } = scenario.demand;
  const staying = intents.filter((i) => i.patience === null).reduce((sum, i) => sum + i.share, 0);
  if (staying === 0) return undefined;
  let longest: { waiting: number; why: string } | undefined;
  for (const design of scenario.designs.filter((d) => names.includes(d.name))) {
    const compiled = compileDesign(scenario, design);
    const loads = offeredLoads(scenario, compiled);
    const pooled = compiled.teams.map((_, t) => compiled.overflowTo[t]!.length + compiled.overflowFrom[t]!.length > 0);
    const groups = [loads.filter((_, t) => pooled[t]), ...loads.filter((_, t) => !pooled[t]).map((load) => [load])];
    let waiting = 0;
    let worst: { team: string; excess: number; capacity: number } | undefined;
    for (const group of groups.filter((g) => g.length > 0)) {
      const arriving = group.reduce((sum, l) => sum + l.arrivalRate, 0);
      // Each arrival takes offeredLoad / arrivalRate agent-seconds: the agents answer that many a second.
      const work = group.reduce((sum, l) => sum + l.offeredLoad, 0);
      const answered = work > 0 ? (group.reduce((sum, l) => sum + l.agents, 0) * arriving) / work : Infinity;
      const capacity = group.reduce((sum, l) => sum + compiled.teams[loads.indexOf(l)]!.queueCapacity, 0);
      // Callers who abandon leave the agents to those who never do: these wait for the rest.
      const excess = Math.max(0, arriving * staying - answered);
      const left = Math.min(capacity, excess * scenario.run.horizon);
      waiting += left;
      if (left > 0 && (worst === undefined || excess > worst.excess)) worst = { team: group.map((l) => l.team).join(' + '), excess, capacity };
    }
    if (worst !== undefined && (longest === undefined || waiting > longest.waiting)) {
      const leaving = [
        staying < 1 ? 'patience none for some intents' : 'patience none',
        Number.isFinite(worst.capacity) ? `queueCapacity ${sci(worst.capacity)}` : 'no queueCapacity',
      ].join(', ');
      const why =
        `in design ${design.name} team ${worst.team} gets about ${rateText(worst.excess)} more than its agents answer ` +
        `(traffic equations, mean rates) and nobody leaves its queue (${leaving})`;
      longest = { waiting, why };
    }
  }
  return longest;
}

const rateText = (perSecond: number): string =>
  perSecond >= 1 ? `${sci(perSecond)} callers a second` : `${sci(perSecond * 3_600)} callers an hour`;

const sci = (x: number): string => (x >= 1e6 ? x.toExponential(1).replace('e+', 'e') : Math.round(x).toLocaleString('en'));
