import { describe, expect, it } from 'vitest';
import { PoissonProcess, ScaledPoissonProcess, type ArrivalProcess } from '../../src/engine/poisson-process.ts';
import { createStream } from '../../src/engine/random.ts';

/** Arrival counts per interval of `every` seconds over [0, horizon). */
function counts(process: ArrivalProcess, every: number, horizon: number, seed: number): number[] {
  const rng = createStream(seed, 0, 'arrivals');
  const out = new Array<number>(Math.ceil(horizon / every)).fill(0);
  for (let t = process.next(0, rng); t < horizon; t = process.next(t, rng)) out[Math.floor(t / every)]!++;
  return out;
}

describe('PoissonProcess', () => {
  it('has the constant rate it is given', () => {
    const n = counts(PoissonProcess.constant(2), 1000, 100_000, 1).reduce((a, b) => a + b, 0);
    // 200,000 expected; Poisson standard deviation about 447.
    expect(Math.abs(n - 200_000)).toBeLessThan(4.5 * Math.sqrt(200_000));
  });

  it('follows a piecewise profile interval by interval, repeating it, with none in zero-rate intervals', () => {
    const rates = [0.5, 0, 2, 0.1];
    const per = counts(PoissonProcess.piecewise(100, rates), 100, 100 * 4 * 500, 2);
    for (let k = 0; k < 4; k++) {
      let total = 0;
      for (let c = k; c < per.length; c += 4) total += per[c]!;
      const expected = rates[k]! * 100 * 500;
      if (expected === 0) expect(total).toBe(0);
      else expect(Math.abs(total - expected)).toBeLessThan(4.5 * Math.sqrt(expected));
    }
  });

  it('skips whole quiet repetitions without losing time', () => {
    // One busy second in every 1000: the next arrival after a long gap lands in a busy second.
    const process = PoissonProcess.piecewise(1, [5, ...new Array<number>(999).fill(0)]);
    const rng = createStream(3, 0, 'arrivals');
    let t = 0;
    for (let i = 0; i < 10_000; i++) {
      t = process.next(t, rng);
      expect(Math.floor(t) % 1000).toBe(0);
    }
    // 10,000 arrivals at 5 per busy second need about 2,000 repetitions.
    expect(t / 1000).toBeGreaterThan(1800);
    expect(t / 1000).toBeLessThan(2200);
  });

  it('never arrives when every rate is zero', () => {
    expect(PoissonProcess.piecewise(60, [0, 0]).next(0, createStream(1, 0, 'x'))).toBe(Infinity);
    expect(PoissonProcess.constant(0).next(5, createStream(1, 0, 'x'))).toBe(Infinity);
  });
});

describe('a piecewise profile started part-way', () => {
  it('begins at its offset: pattern time 150 at t = 0 is the middle of the second interval', () => {
    // Rates [0, 1] per 100 s, from pattern time 150: rate 1 over [0, 50), 0 over [50, 150), 1 again...
    const process = PoissonProcess.piecewise(100, [0, 1], 150);
    const per = counts(process, 50, 200 * 2_000, 4);
    const on = per.filter((_, k) => k % 4 === 0).reduce((a, b) => a + b, 0) + per.filter((_, k) => k % 4 === 3).reduce((a, b) => a + b, 0);
    const off = per.filter((_, k) => k % 4 === 1 || k % 4 === 2).reduce((a, b) => a + b, 0);
    expect(off).toBe(0);
    const expected = 100 * 2_000;
    expect(Math.abs(on - expected)).toBeLessThan(4.5 * Math.sqrt(expected));
  });
});

describe('ScaledPoissonProcess', () => {
  it('multiplies each period by its factor, periods cut across the pattern (phase 30 of 100)', () => {
    // A base pattern of 70 s at rate 1, then 70 s at rate 3, against periods of 100 s shifted by 30.
    const factors = [0.5, 2, 0, 1.5, 1];
    const process = new ScaledPoissonProcess(70, [1, 3], 0, 100, 30, factors);
    const replications = 4_000;
    const expected = new Array<number>(factors.length).fill(0);
    // Expected arrivals of each period: integrate the base rate over the period's run time, times the factor.
    const base = (t: number): number => (Math.floor(t / 70) % 2 === 0 ? 1 : 3);
    factors.forEach((f, p) => {
      for (let t = Math.max(0, p * 100 - 30); t < (p + 1) * 100 - 30; t += 0.5) expected[p]! += f * base(t + 0.25) * 0.5;
    });
    const seen = new Array<number>(factors.length).fill(0);
    const rng = createStream(6, 0, 'arrivals');
    for (let r = 0; r < replications; r++) {
      for (let t = process.next(0, rng); t < Infinity; t = process.next(t, rng)) seen[Math.floor((t + 30) / 100)]!++;
    }
    factors.forEach((f, p) => {
      const mean = expected[p]! * replications;
      if (f === 0) expect(seen[p]).toBe(0);
      else expect(Math.abs(seen[p]! - mean), `period ${p}`).toBeLessThan(4.5 * Math.sqrt(mean));
    });
  });

  it('has no arrival after its last period, and a constant base rate when every is Infinity', () => {
    const process = new ScaledPoissonProcess(Infinity, [2], 0, 10, 0, [1, 1]);
    const rng = createStream(7, 0, 'arrivals');
    let last = 0;
    let n = 0;
    for (let t = process.next(0, rng); t < Infinity; t = process.next(t, rng)) {
      expect(t).toBeGreaterThanOrEqual(last);
      last = t;
      n++;
    }
    expect(last).toBeLessThan(20);
    expect(n).toBeGreaterThan(10);
  });

  it('gives the same arrivals as PoissonProcess when every factor is 1', () => {
    const plain = PoissonProcess.piecewise(60, [0.2, 0, 1], 30);
    const scaled = new ScaledPoissonProcess(60, [0.2, 0, 1], 30, 86_400, 0, [1]);
    const a = createStream(8, 0, 'arrivals');
    const b = createStream(8, 0, 'arrivals');
    for (let t = 0, u = 0, i = 0; i < 1_000; i++) {
      t = plain.next(t, a);
      u = scaled.next(u, b);
      expect(u).toBeCloseTo(t, 6);
    }
  });
});
