// Erlang A (M/M/c+M, Palm's queue with exponential patience): waits, abandonment, service level.
import { logInverseErlangB } from './erlang-b.ts';
import { erlangC } from './erlang-c.ts';
import { integrate, logAdd, quantileFromExceedance } from './numeric.ts';
import type { QueueInput, QueueMetrics } from './types.ts';
import {
  requireInteger,
  requireNonNegative,
  requirePositive,
  requirePositiveOrInfinite,
  requireProbability,
} from './validate.ts';

export interface ErlangAInput extends QueueInput {
  /** Mean (exponential) patience 1/θ of a waiting caller, seconds; Infinity means never abandons. */
  readonly meanPatience: number;
}

/** Metrics of an M/M/c+M queue (see QueueMetrics for the exact meanings). */
export interface ErlangAResult extends QueueMetrics {
  /** Share of queue entries answered (1 − abandonRate). */
  readonly answeredShare: number;
}

/** The birth-death chain is cut where the neglected tail is below this share of the total mass. */
const LOG_TAIL_TOLERANCE = Math.log(1e-17);
/** Guard against chains too long to sum (extreme overload with very long patience). */
const MAX_QUEUE_STATES = 20_000_000;

/**
 * M/M/c+M (Erlang A) steady state for λ = `arrivalRate` (per second), s = `meanService` = 1/μ
 * (seconds), c = `agents` and θ = 1/`meanPatience` (per second). Always stable when patience is
 * finite; `meanPatience: Infinity` gives exactly `erlangC` (abandonRate 0).
 *
 * The number in system N is a birth-death chain (birth λ, death min(n, c)·μ + max(n − c, 0)·θ),
 * summed in log space relative to state c (states 0..c through the Erlang B recurrence), and cut
 * where the remaining tail is below 1e-17 of the mass, so 1000+ agents are fine. Then:
 * - pWait = P(N >= c): share of queue entries that wait more than 0 (arrivals see time averages);
 * - queueLengthMean = E[(N − c)⁺];
 * - waitMean = E[Lq]/λ (Little): mean time in queue of all queue entries, abandoned ones until
 *   they left, seconds;
 * - abandonRate = θ·E[Lq]/λ: share of queue entries that abandon;
 * - asa: mean time in queue of answered entries, seconds. A tagged caller finding j callers ahead
 *   moves up at rate cμ + kθ with k ahead and abandons at rate θ, so it is answered with
 *   probability Π_{k=0..j} (cμ + kθ)/(cμ + (k+1)θ), and given that, waits Σ_{k=0..j} 1/(cμ + (k+1)θ)
 *   on average; asa = E[wait; answered] / P(answered);
 * - occupancy = E[min(N, c)]/c;
 * - serviceLevel(t): share of queue entries answered within t seconds (abandoned ones in the
 *   denominator). Uses the offered wait V (time until an agent would take the caller if patient),
 *   whose density for x > 0 is cμ·π_c·exp(λ(1 − e^{−θx})/θ − cμx); a caller is answered within t
 *   when V <= t and its own patience exceeds V, so serviceLevel(t) = (1 − pWait) + ∫_0^t e^{−θx} f_V(x) dx,
 *   integrated by adaptive Gauss–Kronrod (absolute error about 1e-12; nearer 1e-9 under heavy
 *   overload with very long patience, where the chain has millions of states);
 * - waitExceedance(t) = P(min(V, patience) > t) = e^{−θt}·P(V > t), over all queue entries;
 * - waitQuantile(p): its p-quantile by bisection, seconds.
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  requireNonNegative('arrivalRate', input.arrivalRate);
  requirePositive('meanService', input.meanService);
  requireInteger('agents', input.agents, 1);
  requirePositiveOrInfinite('meanPatience', input.meanPatience);
  if (input.meanPatience === Infinity) {
    const base = erlangC(input);
    return { ...base, answeredShare: 1 };
  }
  const { arrivalRate: lambda, meanService, agents: c, meanPatience } = input;
  if (lambda === 0) return idle(c);

  const mu = 1 / meanService;
  const theta = 1 / meanPatience;
  const cmu = c * mu;
  const load = lambda * meanService;
  const logLambda = Math.log(lambda);

  // Pass 1: how many queue states to keep, and the largest log term (for scaling pass 2).
  // Term k (k waiting, state c + k) is Π_{i=1..k} λ/(cμ + iθ) relative to π_c; its log is a
  // compensated running sum, since long chains would otherwise collect rounding error.
  const logHead = logInverseErlangB(c, load); // ln Σ_{n<=c} π_n/π_c
  let logZ = logHead; // running estimate, only for the stopping rule
  let logMax = logHead;
  const logTerm = new CompensatedSum();
  let last = 0;
  for (;;) {
    const nextDeath = cmu + (last + 1) * theta;
    const ratio = lambda / nextDeath;
    if (ratio < 1 && logTerm.value() + Math.log(ratio / (1 - ratio)) < logZ + LOG_TAIL_TOLERANCE) break;
    last++;
    if (last > MAX_QUEUE_STATES) {
      throw new RangeError(
        `Erlang A: more than ${MAX_QUEUE_STATES} queue states needed (load ${load} on ${c} agents ` +
          `with mean patience ${meanPatience} s); the queue is too overloaded for this patience`,
      );
    }
    logTerm.add(logLambda - Math.log(nextDeath));
    logZ = logAdd(logZ, logTerm.value());
    logMax = Math.max(logMax, logTerm.value());
  }

  // Pass 2: the same terms scaled by e^{-logMax}, with the tagged-caller recursions; every sum
  // is normalized at the end.
  let mass = Math.exp(logHead - logMax);
  let pWait = 0;
  let lq = 0;
  let servedAfterWaiting = 0; // P(arrival waits and is answered)
  let servedWaitSum = 0; // E[wait; waited and answered]
  let answered = 1; // Π (cμ + iθ)/(cμ + (i+1)θ), i = 0..k
  let meanWaitIfServed = 0; // Σ 1/(cμ + (i+1)θ), i = 0..k
  logTerm.reset();
  for (let k = 0; k <= last; k++) {
    if (k > 0) {
      logTerm.add(logLambda - Math.log(cmu + k * theta));
      mass += Math.exp(logTerm.value() - logMax);
    }
    const p = Math.exp(logTerm.value() - logMax);
    const advance = cmu + k * theta;
    const leave = advance + theta;
    answered *= advance / leave;
    meanWaitIfServed += 1 / leave;
    pWait += p;
    lq += k * p;
    servedAfterWaiting += p * answered;
    servedWaitSum += p * answered * meanWaitIfServed;
  }
  pWait /= mass;
  lq /= mass;
  servedAfterWaiting /= mass;
  servedWaitSum /= mass;
  logZ = logMax + Math.log(mass);
  const pc = Math.exp(-logZ);
  const abandonRate = clampShare((theta * lq) / lambda);
  const answeredShare = clampShare(1 - pWait + servedAfterWaiting);
  const busy = load * (1 - pWait) - c * pc + c * pWait;
  const logDensityAtZero = Math.log(cmu) - logZ;

  // ∫_lo^hi exp(logDensity) dx with log density ln(cμ·π_c) + λ(1 − e^{−θx})/θ − βx; it is
  // log-concave with one peak, so panels of its own width near the peak, growing geometrically
  // away from it, resolve it.
  const integral = (beta: number, lo: number, hi: number): number => {
    const peak = lambda > beta ? Math.log(lambda / beta) / theta : 0;
    const width =
      lambda > beta ? 1 / Math.sqrt(beta * theta) : Math.min(1 / (beta - lambda), 1 / Math.sqrt(lambda * theta));
    // Expanded about the peak, where d = x − peak: L(peak) + s·d − (λe^{−θ·peak}/θ)(θd + e^{−θd} − 1)
    // with s = λe^{−θ·peak} − β (0 at an inner peak). Written this way rounding stays at the
    // size of the result instead of the size of λ/θ, which matters for long patience.
    const decay = lambda * Math.exp(-theta * peak);
    const slope = decay - beta;
    const logAtPeak = logDensityAtZero + (lambda / theta) * -Math.expm1(-theta * peak) - beta * peak;
    const logDensity = (x: number): number => {
      const d = x - peak;
      return logAtPeak + slope * d - (decay / theta) * (theta * d + Math.expm1(-theta * d));
    };
    const localScale = (x: number): number => {
      const s = Math.abs(lambda * Math.exp(-theta * x) - beta);
      return s > 0 ? Math.min(width, 1 / s) : width;
    };
    let upper = hi;
    if (upper === Infinity) {
      const start = Math.max(lo, peak);
      const top = logDensity(start);
      let step = width;
      upper = start + step;
      while (logDensity(upper) > top - 50) {
        step *= 2;
        upper = start + step;
      }
    }
    // Breakpoints around every place the mass can gather (the peak and both ends), starting at
    // the local scale there and growing geometrically, so no panel is much wider than the
    // integrand's own scale where it matters.
    const breakpoints: number[] = [];
    const anchors: [number, number][] = [[lo, localScale(lo)], [upper, localScale(upper)]];
    if (peak > lo && peak < upper) anchors.push([peak, width]);
    for (const [x, scale] of anchors) {
      for (let m = 0; m <= 60; m++) breakpoints.push(x - scale * 2 ** m, x + scale * 2 ** m);
    }
    const f = (x: number): number => Math.exp(logDensity(x));
    return integrate(f, lo, upper, { breakpoints, absTol: 1e-14, relTol: 1e-12 });
  };

  const waitExceedance = (t: number): number => {
    requireNonNegative('t', t);
    return clampShare(Math.exp(-theta * t) * integral(cmu, t, Infinity));
  };
  return {
    agents: c,
    load,
    occupancy: busy / c,
    pWait: Math.min(1, pWait),
    waitMean: lq / lambda,
    asa: answeredShare > 0 ? servedWaitSum / answeredShare : 0,
    abandonRate,
    blocking: 0,
    answeredShare,
    queueLengthMean: lq,
    stable: true,
    serviceLevel: (threshold) => {
      requireNonNegative('threshold', threshold);
      return clampShare(1 - pWait + integral(cmu + theta, 0, threshold));
    },
    waitExceedance,
    waitQuantile: (p) => {
      requireProbability('p', p, true);
      return quantileFromExceedance(waitExceedance, p, pWait > 0 ? lq / lambda / pWait : meanService);
    },
  };
}

/** Erlang A service level: share of queue entries answered within `threshold` seconds. */
export function erlangAServiceLevel(input: ErlangAInput, threshold: number): number {
  return erlangA(input).serviceLevel(threshold);
}

/** Neumaier-compensated running sum. */
class CompensatedSum {
  private sum = 0;
  private compensation = 0;
  add(x: number): void {
    const t = this.sum + x;
    this.compensation += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }
  value(): number {
    return this.sum + this.compensation;
  }
  reset(): void {
    this.sum = 0;
    this.compensation = 0;
  }
}

/** Rounding can push a computed share a few ulps outside [0, 1]. */
function clampShare(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function idle(agents: number): ErlangAResult {
  return {
    agents,
    load: 0,
    occupancy: 0,
    pWait: 0,
    waitMean: 0,
    asa: 0,
    abandonRate: 0,
    blocking: 0,
    answeredShare: 1,
    queueLengthMean: 0,
    stable: true,
    serviceLevel: (threshold) => (requireNonNegative('threshold', threshold), 1),
    waitExceedance: (t) => (requireNonNegative('t', t), 0),
    waitQuantile: (p) => (requireProbability('p', p, true), 0),
  };
}
