import { describe, expect, it } from 'vitest';
import {
  HISTOGRAM_BUCKET_RATIO,
  HISTOGRAM_LOG_BUCKETS,
  HISTOGRAM_MAX_SECONDS,
  HISTOGRAM_MIN_SECONDS,
  HISTOGRAM_RELATIVE_ERROR,
  WaitHistogram,
} from '../../src/metrics/histogram.ts';
import { createStream } from '../../src/engine/random.ts';

/** The sample q-quantile as the histogram defines it: the ceil(q·n)-th smallest value. */
function sampleQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const rank = Math.min(n, Math.max(1, Math.ceil(q * n * (1 - 1e-12))));
  return sorted[rank - 1]!;
}

function sortedCopy(xs: Float64Array): Float64Array {
  return Float64Array.from(xs).sort();
}

function histogramOf(xs: Iterable<number>): WaitHistogram {
  const h = new WaitHistogram();
  for (const x of xs) h.add(x);
  return h;
}

const GRID = Array.from({ length: 1001 }, (_, i) => i / 1000);
/** Allowance for floating-point rounding at bucket edges on top of the documented bound. */
const BOUND = HISTOGRAM_RELATIVE_ERROR * (1 + 1e-9);

describe('WaitHistogram layout', () => {
  it('covers 1 ms to 10^8 s with buckets whose bounds are within 1% of each other', () => {
    expect(HISTOGRAM_MIN_SECONDS).toBe(1e-3);
    expect(HISTOGRAM_BUCKET_RATIO).toBe(1.01);
    expect(HISTOGRAM_LOG_BUCKETS).toBe(2546);
    expect(HISTOGRAM_MAX_SECONDS).toBeGreaterThanOrEqual(1e8);
    expect(HISTOGRAM_MAX_SECONDS).toBeLessThan(1e8 * HISTOGRAM_BUCKET_RATIO);
    expect(HISTOGRAM_RELATIVE_ERROR).toBeLessThan(0.005);
  });
});

describe('WaitHistogram.quantile', () => {
  it('is NaN when empty', () => {
    const h = new WaitHistogram();
    expect(h.count).toBe(0);
    for (const q of [0, 0.5, 0.9, 1]) expect(h.quantile(q)).toBeNaN();
  });

  it('is 0 when every observation is 0', () => {
    const h = histogramOf(new Array<number>(12_345).fill(0));
    expect(h.count).toBe(12_345);
    for (const q of GRID) expect(h.quantile(q)).toBe(0);
  });

  it('reports a single value exactly', () => {
    const h = histogramOf([123.456]);
    for (const q of [0, 0.25, 0.5, 1]) expect(h.quantile(q)).toBe(123.456);
  });

  it('reports the smallest and largest observation exactly', () => {
    const rng = createStream(1, 0, 'histogram/extremes');
    const xs = Float64Array.from({ length: 10_000 }, () => 1 + 1000 * rng.next());
    const sorted = sortedCopy(xs);
    const h = histogramOf(xs);
    expect(h.quantile(0)).toBe(sorted[0]);
    expect(h.quantile(1)).toBe(sorted[sorted.length - 1]);
  });

  it('is within the documented relative error of the sample quantile over 11 decades', () => {
    // Log-uniform over [1 ms, 10^8 s], plus values exactly on bucket edges.
    const rng = createStream(2, 0, 'histogram/log-uniform');
    const values: number[] = [];
    for (let i = 0; i < 100_000; i++) values.push(HISTOGRAM_MIN_SECONDS * 1e11 ** rng.next());
    for (let j = 0; j < HISTOGRAM_LOG_BUCKETS; j += 7) values.push(HISTOGRAM_MIN_SECONDS * HISTOGRAM_BUCKET_RATIO ** j);
    const xs = Float64Array.from(values);
    const sorted = sortedCopy(xs);
    const h = histogramOf(xs);
    expect(h.count).toBe(xs.length);
    let worst = 0;
    for (const q of GRID) {
      const exact = sampleQuantile(sorted, q);
      const err = Math.abs(h.quantile(q) - exact) / exact;
      if (err > worst) worst = err;
    }
    expect(worst).toBeLessThanOrEqual(BOUND);
    // The bound is tight: some quantile lands near a bucket edge.
    expect(worst).toBeGreaterThan(0.8 * HISTOGRAM_RELATIVE_ERROR);
  });

  it('matches the exact exponential quantile -mean·ln(1 - q) within accuracy plus sampling error', () => {
    const mean = 45;
    const n = 200_000;
    const rng = createStream(3, 0, 'histogram/exponential');
    const h = new WaitHistogram();
    for (let i = 0; i < n; i++) h.add(-mean * Math.log(1 - rng.next()));
    for (const q of [0.01, 0.1, 0.25, 0.5, 0.75, 0.8, 0.9, 0.95, 0.99, 0.999]) {
      const exact = -mean * Math.log(1 - q);
      // Standard error of a sample quantile: sqrt(q(1-q)/n) / f(x_q), f(x_q) = (1-q)/mean.
      const se = (mean * Math.sqrt(q / (1 - q))) / Math.sqrt(n);
      expect(Math.abs(h.quantile(q) - exact)).toBeLessThan(HISTOGRAM_RELATIVE_ERROR * exact + 4.5 * se);
    }
  });

  it('handles a mix of exact zeros and positive waits', () => {
    const rng = createStream(4, 0, 'histogram/mixed');
    const values: number[] = [];
    for (let i = 0; i < 30_000; i++) values.push(0);
    for (let i = 0; i < 70_000; i++) values.push(-20 * Math.log(1 - rng.next()));
    // Interleave, as a simulation would.
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
    const xs = Float64Array.from(values);
    const sorted = sortedCopy(xs);
    const h = histogramOf(xs);
    expect(h.count).toBe(100_000);
    for (const q of [0, 0.1, 0.29, 0.3]) expect(h.quantile(q)).toBe(0);
    expect(h.quantile(0.30001)).toBeGreaterThan(0);
    for (const q of GRID) {
      const exact = sampleQuantile(sorted, q);
      const got = h.quantile(q);
      if (exact === 0) expect(got).toBe(0);
      else if (exact < HISTOGRAM_MIN_SECONDS) expect(Math.abs(got - exact)).toBeLessThan(HISTOGRAM_MIN_SECONDS / 2);
      else expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(BOUND);
    }
  });

  it('reports values below 1 ms within 0.5 ms and values above the top as the maximum', () => {
    const small = histogramOf([1e-6, 2e-4, 5e-4, 9e-4, 9.9e-4]);
    for (const q of GRID) {
      const got = small.quantile(q);
      expect(got).toBeGreaterThanOrEqual(1e-6);
      expect(got).toBeLessThanOrEqual(9.9e-4);
    }
    expect(Math.abs(small.quantile(0.5) - 5e-4)).toBeLessThan(HISTOGRAM_MIN_SECONDS / 2);

    const huge = histogramOf([10, 2e8, 5e8, 1e9]);
    expect(huge.quantile(0)).toBe(10);
    expect(huge.quantile(0.5)).toBe(1e9);
    expect(huge.quantile(1)).toBe(1e9);
  });

  it('rejects q outside [0, 1] and invalid durations', () => {
    const h = histogramOf([1, 2, 3]);
    expect(() => h.quantile(-0.1)).toThrow(RangeError);
    expect(() => h.quantile(1.1)).toThrow(RangeError);
    expect(() => h.quantile(Number.NaN)).toThrow(RangeError);
    expect(() => h.add(-1)).toThrow(RangeError);
    expect(() => h.add(Number.NaN)).toThrow(RangeError);
    expect(h.count).toBe(3);
  });

  it('counts -0 as a zero', () => {
    const h = histogramOf([-0, 5]);
    expect(h.quantile(0.5)).toBe(0);
  });
});

describe('WaitHistogram.merge and reset', () => {
  it('merging equals adding every observation to one histogram', () => {
    const rng = createStream(5, 0, 'histogram/merge');
    const parts = [new WaitHistogram(), new WaitHistogram(), new WaitHistogram()];
    const all = new WaitHistogram();
    for (let i = 0; i < 60_000; i++) {
      const x = rng.next() < 0.2 ? 0 : 1e-4 * 1e10 ** rng.next();
      parts[i % 3]!.add(x);
      all.add(x);
    }
    parts[2]!.add(3e9); // overflow bucket and largest value
    all.add(3e9);
    const merged = new WaitHistogram();
    for (const p of parts) merged.merge(p);
    expect(merged.count).toBe(all.count);
    for (const q of GRID) expect(merged.quantile(q)).toBe(all.quantile(q));
  });

  it('merging an empty histogram changes nothing; merging into an empty one copies', () => {
    const h = histogramOf([0, 1, 2, 30, 400]);
    const before = GRID.map((q) => h.quantile(q));
    h.merge(new WaitHistogram());
    expect(GRID.map((q) => h.quantile(q))).toEqual(before);
    const copy = new WaitHistogram();
    copy.merge(h);
    expect(copy.count).toBe(5);
    expect(GRID.map((q) => copy.quantile(q))).toEqual(before);
  });

  it('reset empties the histogram and it can be reused', () => {
    const h = histogramOf([0, 1, 2, 3, 1e9]);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.quantile(0.5)).toBeNaN();
    h.add(7);
    expect(h.quantile(0)).toBe(7);
    expect(h.quantile(1)).toBe(7);
  });
});
