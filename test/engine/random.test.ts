import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createStream, type RandomStream } from '../../src/engine/random.ts';

const N = 200_000;
/** Tolerance in standard errors; the streams are seeded, so every check is deterministic. */
const Z = 4.5;

function take(rng: RandomStream, n: number): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = rng.next();
  return xs;
}

function correlation(a: Float64Array, b: Float64Array): number {
  const n = Math.min(a.length, b.length);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

/**
 * Chi-square quantile by the Wilson–Hilferty approximation (relative error well under 1%
 * for df ≥ 30), enough for acceptance bounds.
 */
function chiSquareQuantile(df: number, z: number): number {
  const h = 2 / (9 * df);
  return df * (1 - h + z * Math.sqrt(h)) ** 3;
}

/** z for a one-sided tail probability of 1e-4 */
const Z_1E4 = 3.719;

function chiSquare(counts: Float64Array | number[], expected: number): number {
  let chi2 = 0;
  for (const c of counts) chi2 += (c - expected) ** 2 / expected;
  return chi2;
}

describe('createStream', () => {
  it("steps exactly seedrandom's Alea seeded with the stream's name", () => {
    for (const [seed, replication, name] of [
      [1, 0, 'arrivals'],
      [20240601, 7, 'callers'],
      ['x', 123, 'repeat-calls'],
    ] as const) {
      const reference = seedrandom.alea(`spoc/${seed}/${replication}/${name}`);
      const expected = Float64Array.from({ length: 100_000 }, () => reference());
      expect(take(createStream(seed, replication, name), 100_000)).toEqual(expected);
    }
  });

  it('is reproducible: the same (seed, replication, name) gives the same sequence', () => {
    const a = take(createStream(12345, 3, 'arrivals/billing'), 10_000);
    const b = take(createStream(12345, 3, 'arrivals/billing'), 10_000);
    expect(b).toEqual(a);
    // A numeric seed and its string form name the same stream.
    expect(take(createStream('12345', 3, 'arrivals/billing'), 10_000)).toEqual(a);
  });

  it('does not depend on what other streams have drawn', () => {
    const alone = take(createStream(1, 0, 'service'), 1000);
    const other = createStream(1, 0, 'arrivals');
    const s = createStream(1, 0, 'service');
    const interleaved = new Float64Array(1000);
    for (let i = 0; i < 1000; i++) {
      other.next();
      other.next();
      interleaved[i] = s.next();
    }
    expect(interleaved).toEqual(alone);
  });

  const pairs: readonly [string, RandomStream, RandomStream][] = [
    ['different names', createStream(7, 0, 'arrivals'), createStream(7, 0, 'service')],
    ['similar names', createStream(7, 0, 'service/1'), createStream(7, 0, 'service/2')],
    ['different replications', createStream(7, 0, 'arrivals'), createStream(7, 1, 'arrivals')],
    ['adjacent seeds', createStream(7, 0, 'arrivals'), createStream(8, 0, 'arrivals')],
    ['seed and replication swapped', createStream(1, 2, 'x'), createStream(2, 1, 'x')],
  ];
  for (const [label, s1, s2] of pairs) {
    it(`gives different, uncorrelated sequences for ${label}`, () => {
      const a = take(s1, N);
      const b = take(s2, N);
      let equal = 0;
      for (let i = 0; i < N; i++) if (a[i] === b[i]) equal++;
      // Two independent 32-bit streams agree at a position with probability 2^-32.
      expect(equal).toBeLessThanOrEqual(1);
      // Pearson correlation of independent sequences has standard error about 1/sqrt(N).
      expect(Math.abs(correlation(a, b))).toBeLessThan(Z / Math.sqrt(N));
      // Nor is one a shifted copy of the other.
      expect(Math.abs(correlation(a.subarray(1), b))).toBeLessThan(Z / Math.sqrt(N - 1));
      expect(Math.abs(correlation(a, b.subarray(1)))).toBeLessThan(Z / Math.sqrt(N - 1));
    });
  }

  it('draws values in [0, 1)', () => {
    const rng = createStream(99, 0, 'range');
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 1_000_000; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) throw new Error(`draw ${i} out of [0, 1): ${x}`);
      if (x < min) min = x;
      if (x > max) max = x;
    }
    // Fills the interval: both ends are approached to within a few 1e-6.
    expect(min).toBeLessThan(1e-5);
    expect(max).toBeGreaterThan(1 - 1e-5);
  });

  it('has mean 1/2 and variance 1/12, and no lag-1 autocorrelation', () => {
    const xs = take(createStream(5, 0, 'moments'), N);
    let sum = 0;
    for (const x of xs) sum += x;
    const mean = sum / N;
    let ss = 0;
    for (const x of xs) ss += (x - mean) ** 2;
    const variance = ss / (N - 1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(Z * Math.sqrt(1 / 12 / N));
    // For U(0,1): μ4 = 1/80, σ⁴ = 1/144.
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(Z * Math.sqrt((1 / 80 - 1 / 144) / N));
    expect(Math.abs(correlation(xs.subarray(1), xs))).toBeLessThan(Z / Math.sqrt(N - 1));
  });

  it('is uniform: chi-square over 100 equal bins', () => {
    const bins = 100;
    const n = 1_000_000;
    for (const name of ['uniformity/a', 'uniformity/b']) {
      const rng = createStream(2024, 0, name);
      const counts = new Float64Array(bins);
      for (let i = 0; i < n; i++) counts[Math.floor(rng.next() * bins)]!++;
      const chi2 = chiSquare(counts, n / bins);
      const df = bins - 1;
      // Neither too far from uniform nor suspiciously close (two-sided, 1e-4 each side).
      expect(chi2).toBeLessThan(chiSquareQuantile(df, Z_1E4));
      expect(chi2).toBeGreaterThan(chiSquareQuantile(df, -Z_1E4));
    }
  });

  it('is uniform in pairs: chi-square of consecutive draws over a 20 × 20 grid', () => {
    const side = 20;
    const pairsCount = 500_000;
    const rng = createStream(2024, 0, 'uniformity/pairs');
    const counts = new Float64Array(side * side);
    for (let i = 0; i < pairsCount; i++) {
      const x = Math.floor(rng.next() * side);
      const y = Math.floor(rng.next() * side);
      counts[x * side + y]!++;
    }
    const chi2 = chiSquare(counts, pairsCount / (side * side));
    const df = side * side - 1;
    expect(chi2).toBeLessThan(chiSquareQuantile(df, Z_1E4));
    expect(chi2).toBeGreaterThan(chiSquareQuantile(df, -Z_1E4));
  });
});
