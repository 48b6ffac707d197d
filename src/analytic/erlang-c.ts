// Erlang C (M/M/c, infinite patience): probability of waiting, mean wait, service level.
import { erlangB } from './erlang-b.ts';
import type { QueueInput, QueueMetrics } from './types.ts';
import { requireInteger, requireNonNegative, requirePositive, requireProbability } from './validate.ts';

/**
 * Erlang C: the probability that an arrival must wait in an M/M/c queue with `servers` agents and
 * offered load A (Erlangs), from Erlang B as C = c·B / (c − A·(1 − B)). Returns 1 when A >= c
 * (unstable: every arrival eventually waits).
 */
export function erlangCProbability(servers: number, offeredLoad: number): number {
  requireInteger('servers', servers, 1);
  requireNonNegative('offeredLoad', offeredLoad);
  if (offeredLoad >= servers) return 1;
  const b = erlangB(servers, offeredLoad);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/** Metrics of an M/M/c queue; `abandonRate` is always 0 and `asa` equals `waitMean`. */
export interface ErlangCResult extends QueueMetrics {
  /** Probability of waiting C(c, A); the same as `pWait`. */
  readonly erlangC: number;
}

function checkInput(input: QueueInput): void {
  requireNonNegative('arrivalRate', input.arrivalRate);
  requirePositive('meanService', input.meanService);
  requireInteger('agents', input.agents, 1);
}

/**
 * M/M/c steady state (Erlang C) for λ = `arrivalRate` (per second), s = `meanService` (seconds)
 * and c = `agents`. With A = λ·s:
 * - pWait = C(c, A); waitMean = asa = C·s/(c − A) seconds; queueLengthMean Lq = C·A/(c − A);
 * - serviceLevel(t) = 1 − C·exp(−(c − A)·t/s); waitExceedance(t) = C·exp(−(c − A)·t/s);
 * - occupancy = A/c; abandonRate = 0.
 * When A >= c the queue is unstable: stable = false, pWait = 1, occupancy = 1, waitMean, asa,
 * queueLengthMean and every wait quantile are Infinity, serviceLevel(t) = 0, waitExceedance(t) = 1.
 */
export function erlangC(input: QueueInput): ErlangCResult {
  checkInput(input);
  const { arrivalRate, meanService, agents } = input;
  const load = arrivalRate * meanService;
  if (load >= agents) {
    return {
      agents,
      load,
      occupancy: 1,
      pWait: 1,
      erlangC: 1,
      waitMean: Infinity,
      asa: Infinity,
      abandonRate: 0,
    blocking: 0,
      queueLengthMean: Infinity,
      stable: false,
      serviceLevel: (threshold) => (requireNonNegative('threshold', threshold), 0),
      waitExceedance: (t) => (requireNonNegative('t', t), 1),
      waitQuantile: (p) => (requireProbability('p', p, true), Infinity),
    };
  }
  const c = erlangCProbability(agents, load);
  const decay = (agents - load) / meanService; // per second
  const waitMean = c / decay;
  const exceedance = (t: number): number => {
    requireNonNegative('t', t);
    return c * Math.exp(-decay * t);
  };
  return {
    agents,
    load,
    occupancy: load / agents,
    pWait: c,
    erlangC: c,
    waitMean,
    asa: waitMean,
    abandonRate: 0,
    blocking: 0,
    queueLengthMean: arrivalRate * waitMean,
    stable: true,
    serviceLevel: (threshold) => 1 - exceedance(threshold),
    waitExceedance: exceedance,
    waitQuantile: (p) => {
      requireProbability('p', p, true);
      return 1 - p >= c ? 0 : Math.log(c / (1 - p)) / decay;
    },
  };
}

/** Erlang C service level: share of callers answered within `threshold` seconds, 1 − C·e^{−(c−A)t/s}. */
export function erlangCServiceLevel(input: QueueInput, threshold: number): number {
  return erlangC(input).serviceLevel(threshold);
}

/** Erlang C P(wait > t) for t seconds: C·e^{−(c−A)t/s} (1 when unstable). */
export function erlangCWaitExceedance(input: QueueInput, t: number): number {
  return erlangC(input).waitExceedance(t);
}

/** Erlang C p-quantile of the wait, seconds: max(0, s/(c−A)·ln(C/(1−p))) (Infinity when unstable). */
export function erlangCWaitQuantile(input: QueueInput, p: number): number {
  return erlangC(input).waitQuantile(p);
}
