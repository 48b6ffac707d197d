// M/M/c/K (finite waiting room): blocking, waits and occupancy of admitted callers.
import { logInverseErlangB } from './erlang-b.ts';
import { logAdd, quantileFromExceedance } from './numeric.ts';
import type { QueueInput, QueueMetrics } from './types.ts';
import { requireInteger, requireNonNegative, requirePositive, requireProbability } from './validate.ts';

export interface MmckInput extends QueueInput {
  /** K: the most callers in the system (in service plus waiting), an integer >= agents. */
  readonly capacity: number;
}

/**
 * Metrics of an M/M/c/K queue. Blocked callers never join the queue, so the queue-entry metrics
 * (pWait, waitMean, asa, serviceLevel, waitExceedance, waitQuantile) are over admitted callers;
 * nobody abandons (abandonRate 0) and asa equals waitMean.
 */
export interface MmckResult extends QueueMetrics {
  /** Rate of admitted callers λ·(1 − blocking), per second. */
  readonly admittedRate: number;
  /** Mean number in the system (waiting plus in service), L. */
  readonly systemLengthMean: number;
}

const LOG_TAIL_TOLERANCE = Math.log(1e-18);

/**
 * M/M/c/K steady state for λ = `arrivalRate` (per second), s = `meanService` (seconds), c =
 * `agents` and K = `capacity` (c agents plus K − c waiting places). With A = λ·s and ρ = A/c,
 * π_{c+k} ∝ ρ^k for k = 0..K − c and π_n ∝ A^n/n! below c (summed through the Erlang B recurrence,
 * in log space), so 1000+ agents and overload (ρ >= 1) are fine. Always stable.
 * - blocking = π_K; admittedRate = λ(1 − π_K), per second;
 * - pWait = P(c <= N < K)/(1 − π_K): share of admitted callers that wait more than 0;
 * - queueLengthMean = E[(N − c)⁺]; waitMean = asa = Lq / admittedRate, seconds;
 * - occupancy = E[min(N, c)]/c (= A(1 − π_K)/c);
 * - waitExceedance(t) = Σ_j P(admitted caller finds c + j) · P(Poisson(cμt) <= j): the wait of a
 *   caller finding j others waiting is Erlang(j + 1, cμ); serviceLevel(t) = 1 − waitExceedance(t).
 * Work per call is O(K − c) (shorter when ρ < 1, as the negligible tail is cut).
 */
export function mmck(input: MmckInput): MmckResult {
  requireNonNegative('arrivalRate', input.arrivalRate);
  requirePositive('meanService', input.meanService);
  requireInteger('agents', input.agents, 1);
  requireInteger('capacity', input.capacity, input.agents);
  const { arrivalRate: lambda, meanService, agents: c, capacity: K } = input;
  const room = K - c;
  if (lambda === 0) return idle(c);

  const load = lambda * meanService;
  const rho = load / c;
  const logRho = Math.log(rho);
  // Total mass relative to π_c; for ρ < 1 the terms k·ρ^k decrease and the far tail is dropped.
  let logZ = logInverseErlangB(c, load);
  let kept = room;
  for (let k = 1; k <= room; k++) {
    const logTerm = k * logRho;
    logZ = logAdd(logZ, logTerm);
    if (rho < 1 && k > 1 && Math.log(k + 1) + logTerm - 2 * Math.log1p(-rho) < logZ + LOG_TAIL_TOLERANCE) {
      kept = k;
      break;
    }
  }
  const queueProbs = new Float64Array(kept + 1); // π_{c+k}, k = 0..kept
  let pAtLeastC = 0;
  let lq = 0;
  for (let k = 0; k <= kept; k++) {
    const p = Math.exp(k * logRho - logZ);
    queueProbs[k] = p;
    pAtLeastC += p;
    lq += k * p;
  }
  const blocking = Math.exp(room * logRho - logZ);
  const admitted = 1 - blocking;
  const admittedRate = lambda * admitted;
  const pc = Math.exp(-logZ);
  const busy = load * (1 - pAtLeastC) - c * pc + c * pAtLeastC;
  const pWait = Math.min(1, Math.max(0, (pAtLeastC - blocking) / admitted));
  const waitMean = lq / admittedRate;
  const cmu = c / meanService;
  const lastJoin = Math.min(kept, room - 1); // a caller finding c + j waits only for j < K − c

  const waitExceedance = (t: number): number => {
    requireNonNegative('t', t);
    if (t === 0) return pWait;
    const m = cmu * t;
    const logM = Math.log(m);
    let logPmf = -m;
    let cdf = 0;
    let sum = 0;
    for (let j = 0; j <= lastJoin; j++) {
      if (j > 0) logPmf += logM - Math.log(j);
      cdf += Math.exp(logPmf);
      sum += queueProbs[j]! * Math.min(1, cdf);
    }
    return Math.min(1, Math.max(0, sum / admitted));
  };

  return {
    agents: c,
    load,
    occupancy: busy / c,
    pWait,
    waitMean,
    asa: waitMean,
    abandonRate: 0,
    queueLengthMean: lq,
    stable: true,
    blocking,
    admittedRate,
    systemLengthMean: lq + busy,
    serviceLevel: (threshold) => 1 - waitExceedance(threshold),
    waitExceedance,
    waitQuantile: (p) => {
      requireProbability('p', p, true);
      return quantileFromExceedance(waitExceedance, p, pWait > 0 ? waitMean / pWait : meanService);
    },
  };
}

function idle(agents: number): MmckResult {
  return {
    agents,
    load: 0,
    occupancy: 0,
    pWait: 0,
    waitMean: 0,
    asa: 0,
    abandonRate: 0,
    queueLengthMean: 0,
    stable: true,
    blocking: 0,
    admittedRate: 0,
    systemLengthMean: 0,
    serviceLevel: (threshold) => (requireNonNegative('threshold', threshold), 1),
    waitExceedance: (t) => (requireNonNegative('t', t), 0),
    waitQuantile: (p) => (requireProbability('p', p, true), 0),
  };
}
