// The transient law of an M_t/M/c+M queue: the forward Kolmogorov equations of its
// birth-death chain (n callers in the system, births at the arrival rate of the moment,
// deaths at min(n, c)·μ served plus (n − c)⁺·θ abandoning), integrated numerically with
// fourth-order Runge–Kutta from an empty system. The chain is cut at `states` callers,
// far beyond where any probability is left.

export interface TransientQueue {
  /** Arrival rate at time t, per second (piecewise constant: steps must fall on a step boundary). */
  readonly rateAt: (t: number) => number;
  readonly agents: number;
  /** Service rate μ of one agent, per second. */
  readonly serviceRate: number;
  /** Abandonment rate θ of one waiting caller, per second. */
  readonly patienceRate: number;
  /** Largest number of callers the chain holds. */
  readonly states: number;
}

/** Per interval [k·every, (k+1)·every): the time-average number waiting, and the expected abandonments. */
export interface IntervalLaw {
  readonly meanWaiting: number;
  readonly abandonments: number;
}

/** The law of the queue over `intervals` intervals of `every` seconds, with `stepsPerInterval` steps each. */
export function transientIntervals(queue: TransientQueue, every: number, intervals: number, stepsPerInterval = 1800): IntervalLaw[] {
  const { agents: c, serviceRate: mu, patienceRate: theta, states } = queue;
  const death = Float64Array.from({ length: states + 1 }, (_, n) => Math.min(n, c) * mu + Math.max(n - c, 0) * theta);
  const waiting = Float64Array.from({ length: states + 1 }, (_, n) => Math.max(n - c, 0));
  let p = new Float64Array(states + 1);
  p[0] = 1;
  const derivative = (q: Float64Array, lambda: number): Float64Array => {
    const d = new Float64Array(states + 1);
    for (let n = 0; n <= states; n++) {
      const birth = n < states ? lambda : 0;
      const mass = q[n]!;
      d[n]! -= (birth + death[n]!) * mass;
      if (n < states) d[n + 1]! += birth * mass;
      if (n > 0) d[n - 1]! += death[n]! * mass;
    }
    return d;
  };
  const axpy = (x: Float64Array, a: number, y: Float64Array): Float64Array => x.map((v, i) => v + a * y[i]!);
  const meanWaitingOf = (q: Float64Array): number => q.reduce((sum, v, n) => sum + v * waiting[n]!, 0);
  const h = every / stepsPerInterval;
  const result: IntervalLaw[] = [];
  for (let k = 0; k < intervals; k++) {
    // The rate is constant over the interval (the profile's steps fall on its boundaries).
    const lambda = queue.rateAt(k * every + every / 2);
    let integral = 0;
    for (let s = 0; s < stepsPerInterval; s++) {
      const k1 = derivative(p, lambda);
      const k2 = derivative(axpy(p, h / 2, k1), lambda);
      const k3 = derivative(axpy(p, h / 2, k2), lambda);
      const k4 = derivative(axpy(p, h, k3), lambda);
      const next = p.map((v, i) => v + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
      // Trapezoids: with steps of a second or so, their error is far below the simulation's.
      integral += (h / 2) * (meanWaitingOf(p) + meanWaitingOf(next));
      p = next;
    }
    result.push({ meanWaiting: integral / every, abandonments: theta * integral });
  }
  return result;
}
