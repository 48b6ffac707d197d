// Staffing: the fewest agents meeting service-level, ASA, abandonment and blocking targets
// (Erlang C or A; M/M/c/K, Erlang B among them, for a finite waiting room).
import { erlangA } from './erlang-a.ts';
import { erlangC } from './erlang-c.ts';
import { mmck } from './mmck.ts';
import type { QueueMetrics } from './types.ts';
import { requireInteger, requireNonNegative, requirePositive, requirePositiveOrInfinite, requireProbability } from './validate.ts';

export interface StaffingInput {
  /** Arrival rate λ, per second. */
  readonly arrivalRate: number;
  /** Mean service time s, seconds. */
  readonly meanService: number;
  /** Mean patience, seconds: given and finite, Erlang A is used; absent or Infinity, Erlang C. */
  readonly meanPatience?: number;
  /**
   * Waiting places: given, callers finding them all taken are turned away (M/M/c/K with
   * K = agents + queueCapacity; 0 is Erlang B). Not with a finite mean patience.
   */
  readonly queueCapacity?: number;
  /** Give up (RangeError) above this many agents; default 100000. */
  readonly maxAgents?: number;
}

export interface StaffingResult {
  /** The smallest number of agents meeting the target. */
  readonly agents: number;
  /** The queue's metrics with that many agents. */
  readonly metrics: QueueMetrics;
}

/** The targets a staffing must meet together; at least one. */
export interface StaffingTargets {
  /** At least `target` (in [0, 1)) of queue entries answered within `threshold` seconds. */
  readonly serviceLevel?: { readonly threshold: number; readonly target: number };
  /** Mean wait of answered queue entries at most this, seconds. */
  readonly maxAsa?: number;
  /** Share of queue entries abandoning at most this. */
  readonly maxAbandonRate?: number;
  /** Share of arrivals turned away at most this. */
  readonly maxBlocking?: number;
}

/**
 * Erlang C, or Erlang A when a finite mean patience is given, or M/M/c/K when a queue
 * capacity is, for `agents` agents.
 */
export function queueMetrics(input: StaffingInput, agents: number): QueueMetrics {
  const base = { arrivalRate: input.arrivalRate, meanService: input.meanService, agents };
  const patience = input.meanPatience ?? Infinity;
  if (input.queueCapacity !== undefined) {
    if (patience !== Infinity) throw new RangeError('queueCapacity: no formula here for a finite queue with abandonment (M/M/c/K+M)');
    return mmck({ ...base, capacity: agents + input.queueCapacity });
  }
  return patience === Infinity ? erlangC(base) : erlangA({ ...base, meanPatience: patience });
}

/** Smallest c meeting every target given. */
export function agentsForTargets(input: StaffingInput, targets: StaffingTargets): StaffingResult {
  const { serviceLevel, maxAsa, maxAbandonRate, maxBlocking } = targets;
  if (serviceLevel === undefined && maxAsa === undefined && maxAbandonRate === undefined && maxBlocking === undefined) {
    throw new RangeError('targets: expected at least one target');
  }
  if (serviceLevel !== undefined) {
    requireNonNegative('threshold', serviceLevel.threshold);
    requireProbability('target', serviceLevel.target, true);
  }
  if (maxAsa !== undefined) requireNonNegative('maxAsa', maxAsa);
  if (maxAbandonRate !== undefined) requireProbability('maxAbandonRate', maxAbandonRate);
  if (maxBlocking !== undefined) requireProbability('maxBlocking', maxBlocking);
  return smallestAgents(
    input,
    (m) =>
      (serviceLevel === undefined || m.serviceLevel(serviceLevel.threshold) >= serviceLevel.target) &&
      (maxAsa === undefined || m.asa <= maxAsa) &&
      (maxAbandonRate === undefined || (m.stable && m.abandonRate <= maxAbandonRate)) &&
      (maxBlocking === undefined || m.blocking <= maxBlocking),
  );
}

/** Smallest c with the share of arrivals turned away at most `maxBlocking` (a finite queue). */
export function agentsForBlocking(input: StaffingInput & { readonly maxBlocking: number }): StaffingResult {
  return agentsForTargets(input, { maxBlocking: input.maxBlocking });
}

/**
 * Smallest c such that the share of callers answered within `threshold` seconds is at least
 * `target` (in [0, 1)). Under Erlang C only stable staffing (c > A) can qualify.
 */
export function agentsForServiceLevel(
  input: StaffingInput & { readonly threshold: number; readonly target: number },
): StaffingResult {
  return agentsForTargets(input, { serviceLevel: { threshold: input.threshold, target: input.target } });
}

/** Smallest c with mean wait of answered callers (ASA) at most `maxAsa` seconds. */
export function agentsForAsa(input: StaffingInput & { readonly maxAsa: number }): StaffingResult {
  return agentsForTargets(input, { maxAsa: input.maxAsa });
}

/**
 * Smallest c with mean time in queue over all queue entries (abandoned ones included) at most
 * `maxWaitMean` seconds.
 */
export function agentsForWait(input: StaffingInput & { readonly maxWaitMean: number }): StaffingResult {
  requireNonNegative('maxWaitMean', input.maxWaitMean);
  return smallestAgents(input, (m) => m.waitMean <= input.maxWaitMean);
}

/** Smallest c with the share of queue entries abandoning at most `maxAbandonRate` (Erlang A). */
export function agentsForAbandonRate(
  input: StaffingInput & { readonly maxAbandonRate: number },
): StaffingResult {
  return agentsForTargets(input, { maxAbandonRate: input.maxAbandonRate });
}

/**
 * Bisection over c for a target that, once met, stays met with more agents (waits, abandonment,
 * blocking and the service level all improve with staffing). Starts from the least stable
 * staffing under Erlang C (floor(A) + 1), and from 1 under Erlang A and M/M/c/K (always stable).
 */
function smallestAgents(input: StaffingInput, meets: (m: QueueMetrics) => boolean): StaffingResult {
  requireNonNegative('arrivalRate', input.arrivalRate);
  requirePositive('meanService', input.meanService);
  if (input.meanPatience !== undefined) requirePositiveOrInfinite('meanPatience', input.meanPatience);
  if (input.queueCapacity !== undefined) requireInteger('queueCapacity', input.queueCapacity, 0);
  const maxAgents = input.maxAgents ?? 100_000;
  requireInteger('maxAgents', maxAgents, 1);
  const load = input.arrivalRate * input.meanService;
  const unstableBelowLoad = (input.meanPatience ?? Infinity) === Infinity && input.queueCapacity === undefined;
  let lo = unstableBelowLoad ? Math.floor(load) + 1 : 1;
  if (lo > maxAgents) throw new RangeError(`staffing: more than maxAgents = ${maxAgents} agents needed`);
  let best = queueMetrics(input, lo);
  if (meets(best)) return { agents: lo, metrics: best };
  // Grow until the target is met, then bisect between the last failure and the first success.
  let step = Math.max(1, Math.ceil(Math.sqrt(Math.max(load, 1))));
  let hi = lo;
  for (;;) {
    hi = Math.min(maxAgents, lo + step);
    const m = queueMetrics(input, hi);
    if (meets(m)) {
      best = m;
      break;
    }
    if (hi === maxAgents) throw new RangeError(`staffing: target not met with maxAgents = ${maxAgents} agents`);
    lo = hi;
    step *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const m = queueMetrics(input, mid);
    if (meets(m)) {
      hi = mid;
      best = m;
    } else {
      lo = mid;
    }
  }
  return { agents: hi, metrics: best };
}
