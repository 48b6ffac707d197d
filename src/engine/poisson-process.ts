// Arrival times of a Poisson process whose rate is constant or piecewise constant (repeating),
// optionally scaled by a factor per period (a day's volume).

import type { RandomStream } from './random.ts';

/** Times of successive arrivals. */
export interface ArrivalProcess {
  /** Time of the first arrival after `from` (the previous one, or 0); Infinity when none is left. */
  next(from: number, rng: RandomStream): number;
}

/**
 * A (non-homogeneous) Poisson process with a piecewise-constant rate: `rates[k]` per second
 * over [k·every, (k+1)·every), the pattern repeating. Exact, by inversion of the cumulative
 * rate: one uniform per arrival, nothing lost or doubled at interval boundaries, zero-rate
 * intervals skipped. The pattern may start part-way (`offset`: its time at t = 0), as a
 * week's pattern does at run.start.
 */
export class PoissonProcess implements ArrivalProcess {
  private readonly rates: Float64Array;
  /** Expected arrivals over one repetition of the pattern. */
  private readonly massPerCycle: number;

  private constructor(
    private readonly every: number,
    rates: readonly number[],
    private readonly offset: number,
  ) {
    this.rates = Float64Array.from(rates);
    this.massPerCycle = Number.isFinite(every) ? rates.reduce((sum, r) => sum + r * every, 0) : Infinity;
  }

  static constant(ratePerSecond: number): PoissonProcess {
    return new PoissonProcess(Infinity, [ratePerSecond], 0);
  }

  /** `ratesPerSecond[k]` over [k·every, (k+1)·every) of pattern time, which is `offset` at t = 0. */
  static piecewise(every: number, ratesPerSecond: readonly number[], offset = 0): PoissonProcess {
    if (!(every > 0) || ratesPerSecond.length === 0) throw new RangeError('a rate profile needs every > 0 and rates');
    if (!(offset >= 0)) throw new RangeError('a rate profile starts at an offset of 0 or more');
    return new PoissonProcess(every, ratesPerSecond, offset);
  }

  /** Time of the first arrival after `from`; Infinity when the rate is zero from there on. */
  next(from: number, rng: RandomStream): number {
    // A constant rate, the common case, in a few lines that V8 inlines.
    if (this.every === Infinity) return this.rates[0]! > 0 ? from - Math.log(1 - rng.next()) / this.rates[0]! : Infinity;
    const offset = this.offset;
    return this.nextOfProfile(from + offset, -Math.log(1 - rng.next())) - offset;
  }

  /** The arrival after `from` (pattern time) of a time-varying rate, `remaining` units of cumulative rate later. */
  private nextOfProfile(from: number, remaining: number): number {
    const rates = this.rates;
    if (this.massPerCycle === 0) return Infinity;
    const every = this.every;
    const n = rates.length;
    let k = Math.floor(from / every);
    let t = from;
    // Whole repetitions of the pattern at once, then interval by interval.
    const cycles = Math.floor(remaining / this.massPerCycle);
    if (cycles > 0) {
      remaining -= cycles * this.massPerCycle;
      k += cycles * n;
      t += cycles * n * every;
    }
    for (;;) {
      const end = (k + 1) * every;
      const rate = rates[k % n]!;
      const mass = rate * (end - t);
      if (rate > 0 && mass >= remaining) return t + remaining / rate;
      remaining -= mass;
      t = end;
      k++;
    }
  }
}

/**
 * A Poisson process whose rate is a base rate (constant, or a repeating pattern) times a
 * factor per period: `factors[p]` over [p·period - phase, (p+1)·period - phase) of run time
 * (period 0 is the first, maybe partial, one). Exact like PoissonProcess: the cumulative
 * rate is inverted piece by piece, a piece ending at the pattern's next boundary or the
 * period's end, whichever comes first. No arrival after the last period.
 */
export class ScaledPoissonProcess implements ArrivalProcess {
  private readonly rates: Float64Array;
  private readonly factors: Float64Array;

  /**
   * @param every length of the base pattern's intervals (Infinity for a constant rate)
   * @param offset the base pattern's time at t = 0
   */
  constructor(
    private readonly every: number,
    rates: readonly number[],
    private readonly offset: number,
    private readonly period: number,
    private readonly phase: number,
    factors: readonly number[],
  ) {
    if (!(every > 0) || rates.length === 0 || !(period > 0) || !(phase >= 0 && phase < period)) {
      throw new RangeError('a scaled rate needs every > 0, rates, period > 0 and 0 <= phase < period');
    }
    this.rates = Float64Array.from(rates);
    this.factors = Float64Array.from(factors);
  }

  next(from: number, rng: RandomStream): number {
    let remaining = -Math.log(1 - rng.next());
    const { every, offset, period, phase, rates, factors } = this;
    const n = rates.length;
    // Integer counters of the current interval and period: their ends are computed, never accumulated.
    let k = every === Infinity ? 0 : Math.floor((from + offset) / every);
    let p = Math.floor((from + phase) / period);
    let t = from;
    while (p < factors.length) {
      const intervalEnd = every === Infinity ? Infinity : (k + 1) * every - offset;
      const periodEnd = (p + 1) * period - phase;
      const end = Math.min(intervalEnd, periodEnd);
      const rate = rates[k % n]! * factors[p]!;
      const mass = rate * Math.max(0, end - t);
      if (rate > 0 && mass >= remaining) return t + remaining / rate;
      remaining -= mass;
      t = Math.max(t, end);
      if (intervalEnd === end) k++;
      if (periodEnd === end) p++;
    }
    return Infinity;
  }
}
