import { describe, expect, it } from 'vitest';
import { PoissonProcess } from '../../src/engine/poisson-process.ts';
import { createStream } from '../../src/engine/random.ts';

/** Arrival counts per interval of `every` seconds over [0, horizon). */
function counts(process: PoissonProcess, every: number, horizon: number, seed: number): number[] {
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
