// Staffing: the fewest agents meeting a service-level, ASA or abandonment target (Erlang C or A).
import { erlangA } from './erlang-a.ts';
import { erlangC } from './erlang-c.ts';
import type { QueueMetrics } from './types.ts';
import { requireInteger, requireNonNegative, requirePositive, requirePositiveOrInfinite, requireProbability } from './validate.ts';

export interface StaffingInput {
  /** Arrival rate λ, per second. */
  readonly arrivalRate: number;
  /** Mean service time s, seconds. */
  readonly meanService: number;
  /** Mean patience, seconds: given and finite, Erlang A is used; absent or Infinity, Erlang C. */
  readonly meanPatience?: number;
  /** Give up (RangeError) above this many agents; default 100000. */
  readonly maxAgents?: number;
}

export interface StaffingResult {
  /** The smallest number of agents meeting the target. */
  readonly agents: number;
  /** The queue's metrics with that many agents. */
  readonly metrics: QueueMetrics;
}

/** Erlang C, or Erlang A when a finite mean patience is given, for `agents` agents. */
export function queueMetrics(input: StaffingInput, agents: number): QueueMetrics {
  const base = { arrivalRate: input.arrivalRate, meanService: input.meanService, agents };
  const patience = input.meanPatience ?? Infinity;
  return patience === Infinity ? erlangC(base) : erlangA({ ...base, meanPatience: patience });
}

/**
 * Smallest c such that the share of callers answered within `threshold` seconds is at least
 * `target` (in [0, 1)). Under Erlang C only stable staffing (c > A) can qualify.
 */
export function agentsForServiceLevel(
  input: StaffingInput & { readonly threshold: number; readonly target: number },
): StaffingResult {
  requireNonNegative('threshold', input.threshold);
  requireProbability('target', input.target, true);
  return smallestAgents(input, (m) => m.serviceLevel(input.threshold) >= input.target);
}

/** Smallest c with mean wait of answered callers (ASA) at most `maxAsa` seconds. */
export function agentsForAsa(input: StaffingInput & { readonly maxAsa: number }): StaffingResult {
  requireNonNegative('maxAsa', input.maxAsa);
  return smallestAgents(input, (m) => m.asa <= input.maxAsa);
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
  requireProbability('maxAbandonRate', input.maxAbandonRate);
  return smallestAgents(input, (m) => m.stable && m.abandonRate <= input.maxAbandonRate);
}

/**
 * Bisection over c for a target that, once met, stays met with more agents (waits, abandonment
 * and the service level all improve with staffing). Starts from the least stable staffing under
 * Erlang C (floor(A) + 1) and from 1 under Erlang A.
 */
function smallestAgents(input: StaffingInput, meets: (m: QueueMetrics) => boolean): StaffingResult {
  requireNonNegative('arrivalRate', input.arrivalRate);
  requirePositive('meanService', input.meanService);
  if (input.meanPatience !== undefined) requirePositiveOrInfinite('meanPatience', input.meanPatience);
  const maxAgents = input.maxAgents ?? 100_000;
  requireInteger('maxAgents', maxAgents, 1);
  const load = input.arrivalRate * input.meanService;
  const patient = (input.meanPatience ?? Infinity) === Infinity;
  let lo = patient ? Math.floor(load) + 1 : 1;
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
