// Open Jackson networks: traffic equations, then each node as an independent M/M/c queue.
import { erlangC } from './erlang-c.ts';
import { requireInteger, requireNonNegative, requirePositive } from './validate.ts';

export interface JacksonInput {
  /** γ_i: rate of callers arriving from outside at node i, per second. */
  readonly externalArrivalRates: readonly number[];
  /** P[i][j]: probability of going to node j after service at node i; 1 − Σ_j P[i][j] leaves. */
  readonly routing: readonly (readonly number[])[];
  /** c_i: agents at node i, integers >= 1. */
  readonly agents: readonly number[];
  /** μ_i: service rate of one agent at node i, per second (mean service 1/μ_i seconds). */
  readonly serviceRates: readonly number[];
}

/** Steady state of one node of the network (an M/M/c_i queue with arrival rate λ_i). */
export interface JacksonNode {
  /** Node index, 0-based. */
  readonly node: number;
  /** Total arrival rate λ_i (external plus routed), per second. */
  readonly arrivalRate: number;
  /** Mean visits per external arrival, λ_i / Σγ (0 when there are no external arrivals). */
  readonly visitRatio: number;
  /** Offered load λ_i/μ_i, Erlangs. */
  readonly load: number;
  /** λ_i/(c_i μ_i), a share. */
  readonly occupancy: number;
  /** Share of visits that wait more than 0 (Erlang C). */
  readonly pWait: number;
  /** Mean time in queue per visit, seconds. */
  readonly waitMean: number;
  /** Mean number waiting, Lq. */
  readonly queueLengthMean: number;
  /** Mean number at the node (waiting plus in service), L = Lq + λ_i/μ_i. */
  readonly systemLengthMean: number;
  /** Mean time at the node per visit (wait plus service), seconds. */
  readonly sojournMean: number;
}

export interface JacksonResult {
  readonly nodes: readonly JacksonNode[];
  /** Network totals; per-arrival means are per external arrival (Little's law over the network). */
  readonly totals: {
    /** Σγ_i = network throughput, per second. */
    readonly externalArrivalRate: number;
    /** Σ Lq_i. */
    readonly queueLengthMean: number;
    /** Σ L_i. */
    readonly systemLengthMean: number;
    /** Total time queueing per external arrival, Σ Lq_i / Σγ, seconds. */
    readonly waitMean: number;
    /** Total time in the network per external arrival, Σ L_i / Σγ, seconds. */
    readonly sojournMean: number;
  };
}

/** Thrown when a node's arrival rate reaches its capacity c_i·μ_i. */
export class UnstableNodeError extends Error {
  constructor(
    /** The unstable node's 0-based index. */
    readonly node: number,
    /** Its arrival rate λ_i, per second. */
    readonly arrivalRate: number,
    /** Its capacity c_i·μ_i, per second. */
    readonly capacity: number,
  ) {
    super(
      `Jackson network node ${node} is unstable: arrival rate ${arrivalRate} per second >= capacity ` +
        `${capacity} per second`,
    );
    this.name = 'UnstableNodeError';
  }
}

/**
 * Solves the traffic equations λ = γ + Pᵀλ (Gaussian elimination with partial pivoting) and
 * returns each node as an M/M/c_i queue (Erlang C) plus network totals. Throws a RangeError for
 * malformed input or a routing matrix from which some callers never leave, and an
 * UnstableNodeError naming the first node with λ_i >= c_i μ_i.
 */
export function jacksonNetwork(input: JacksonInput): JacksonResult {
  const { externalArrivalRates: gamma, routing, agents, serviceRates } = input;
  const n = gamma.length;
  if (n === 0) throw new RangeError('Jackson network needs at least one node');
  if (routing.length !== n || agents.length !== n || serviceRates.length !== n) {
    throw new RangeError(
      `Jackson network: externalArrivalRates, routing, agents and serviceRates must all have ${n} entries`,
    );
  }
  for (let i = 0; i < n; i++) {
    requireNonNegative(`externalArrivalRates[${i}]`, gamma[i]!);
    requireInteger(`agents[${i}]`, agents[i]!, 1);
    requirePositive(`serviceRates[${i}]`, serviceRates[i]!);
    const row = routing[i]!;
    if (row.length !== n) throw new RangeError(`Jackson network: routing row ${i} must have ${n} entries`);
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const p = row[j]!;
      if (!(Number.isFinite(p) && p >= 0 && p <= 1)) {
        throw new RangeError(`Jackson network: routing[${i}][${j}] must be in [0, 1], got ${p}`);
      }
      sum += p;
    }
    if (sum > 1 + 1e-9) throw new RangeError(`Jackson network: routing row ${i} sums to ${sum} > 1`);
  }

  const lambda = solveTrafficEquations(gamma, routing);
  const totalExternal = gamma.reduce((a, b) => a + b, 0);
  const nodes: JacksonNode[] = [];
  for (let i = 0; i < n; i++) {
    const rate = lambda[i]!;
    const mu = serviceRates[i]!;
    const c = agents[i]!;
    if (rate >= c * mu) throw new UnstableNodeError(i, rate, c * mu);
    const q = erlangC({ arrivalRate: rate, meanService: 1 / mu, agents: c });
    nodes.push({
      node: i,
      arrivalRate: rate,
      visitRatio: totalExternal > 0 ? rate / totalExternal : 0,
      load: q.load,
      occupancy: q.occupancy,
      pWait: q.pWait,
      waitMean: q.waitMean,
      queueLengthMean: q.queueLengthMean,
      systemLengthMean: q.queueLengthMean + q.load,
      sojournMean: q.waitMean + 1 / mu,
    });
  }
  const lq = nodes.reduce((a, node) => a + node.queueLengthMean, 0);
  const l = nodes.reduce((a, node) => a + node.systemLengthMean, 0);
  return {
    nodes,
    totals: {
      externalArrivalRate: totalExternal,
      queueLengthMean: lq,
      systemLengthMean: l,
      waitMean: totalExternal > 0 ? lq / totalExternal : 0,
      sojournMean: totalExternal > 0 ? l / totalExternal : 0,
    },
  };
}

/**
 * Total arrival rates λ (per second) solving λ = γ + Pᵀλ, i.e. (I − Pᵀ)λ = γ. Throws a RangeError
 * when I − Pᵀ is singular (a set of nodes routes among itself with probability 1: callers never leave).
 */
export function solveTrafficEquations(
  externalArrivalRates: readonly number[],
  routing: readonly (readonly number[])[],
): number[] {
  const n = externalArrivalRates.length;
  // Augmented matrix [I − Pᵀ | γ].
  const m: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) row.push((i === j ? 1 : 0) - (routing[j]?.[i] ?? 0));
    row.push(externalArrivalRates[i]!);
    m.push(row);
  }
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) {
      throw new RangeError(
        'Jackson network: the routing matrix is not open (some callers would never leave the network)',
      );
    }
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const pivotRow = m[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = m[r]!;
      const factor = row[col]! / pivotRow[col]!;
      if (factor === 0) continue;
      for (let j = col; j <= n; j++) row[j] = row[j]! - factor * pivotRow[j]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const row = m[i]!;
    let s = row[n]!;
    for (let j = i + 1; j < n; j++) s -= row[j]! * x[j]!;
    x[i] = Math.max(0, s / row[i]!);
  }
  return x;
}
