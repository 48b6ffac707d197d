// Arrival times of a Poisson process whose rate is constant or piecewise constant (repeating).

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
 * intervals skipped.
 */
export class PoissonProcess implements ArrivalProcess {
  private readonly rates: Float64Array;
  /** Expected arrivals over one repetition of the pattern. */
  private readonly massPerCycle: number;

  private constructor(
    private readonly every: number,
    rates: readonly number[],
  ) {
    this.rates = Float64Array.from(rates);
    this.massPerCycle = Number.isFinite(every) ? rates.reduce((sum, r) => sum + r * every, 0) : Infinity;
  }

  static constant(ratePerSecond: number): PoissonProcess {
    return new PoissonProcess(Infinity, [ratePerSecond]);
  }

  static piecewise(every: number, ratesPerSecond: readonly number[]): PoissonProcess {
    if (!(every > 0) || ratesPerSecond.length === 0) throw new RangeError('a rate profile needs every > 0 and rates');
    return new PoissonProcess(every, ratesPerSecond);
  }

  /** Time of the first arrival after `from`; Infinity when the rate is zero from there on. */
  next(from: number, rng: RandomStream): number {
    // A constant rate, the common case, in a few lines that V8 inlines.
    if (this.every === Infinity) return this.rates[0]! > 0 ? from - Math.log(1 - rng.next()) / this.rates[0]! : Infinity;
    return this.nextOfProfile(from, -Math.log(1 - rng.next()));
  }

  /** The arrival after `from` of a time-varying rate, `remaining` units of cumulative rate later. */
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
