import { describe, expect, it } from 'vitest';
import { estimate, halfWidth, pairedDifference } from '../../src/metrics/estimate.ts';
import { createStream } from '../../src/engine/random.ts';

describe('estimate', () => {
  it('computes mean and t interval of a small sample by hand', () => {
    // [1..5]: mean 3, s = sqrt(10/4) = 1.58114, t(0.975, 4) = 2.77645,
    // half-width = 2.77645 · 1.58114 / sqrt(5) = 1.96324.
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    expect(e.ci95).not.toBeNull();
    expect(halfWidth(e)).toBeCloseTo(1.96324, 4);
    expect(e.ci95![0]).toBeCloseTo(3 - 1.96324, 4);
    expect(e.ci95![1]).toBeCloseTo(3 + 1.96324, 4);
  });

  it('uses t with n - 1 degrees of freedom', () => {
    // [10, 12, 14, 16]: mean 13, s = sqrt(20/3) = 2.58199, t(0.975, 3) = 3.18245,
    // half-width = 3.18245 · 2.58199 / 2 = 4.10853.
    expect(halfWidth(estimate([10, 12, 14, 16]))).toBeCloseTo(4.10853, 4);
    // Two values [0, 2]: s = sqrt(2), t(0.975, 1) = 12.7062, half-width = 12.7062.
    expect(halfWidth(estimate([0, 2]))).toBeCloseTo(12.7062, 3);
  });

  it('approaches the normal interval for many replications', () => {
    const values = Array.from({ length: 1001 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    const e = estimate(values);
    const s = Math.sqrt((1001 - 1 / 1001) / 1000); // 501 ones and 500 minus ones
    expect(halfWidth(e) / (s / Math.sqrt(1001))).toBeCloseTo(1.9623, 3); // t(0.975, 1000)
  });

  it('gives a zero-width interval for identical values', () => {
    const e = estimate([4, 4, 4]);
    expect(e.mean).toBe(4);
    expect(e.ci95).toEqual([4, 4]);
    expect(halfWidth(e)).toBe(0);
  });

  it('has no interval from a single value', () => {
    const e = estimate([7.5]);
    expect(e.mean).toBe(7.5);
    expect(e.ci95).toBeNull();
    expect(halfWidth(e)).toBeNaN();
  });

  it('has mean NaN and no interval when there is no finite value', () => {
    for (const values of [[], [NaN], [NaN, NaN, Infinity, -Infinity]]) {
      const e = estimate(values);
      expect(e.mean).toBeNaN();
      expect(e.ci95).toBeNull();
      expect(halfWidth(e)).toBeNaN();
    }
  });

  it('ignores non-finite values', () => {
    expect(estimate([1, NaN, 3, Infinity])).toEqual(estimate([1, 3]));
    expect(estimate([NaN, 2, 4, 6, NaN, -Infinity])).toEqual(estimate([2, 4, 6]));
    expect(estimate([NaN, 8])).toEqual({ mean: 8, ci95: null });
  });
});

describe('pairedDifference', () => {
  it('is the estimate of the per-replication differences', () => {
    const design = [11, 13, 12, 15, 14];
    const baseline = [10, 11, 9, 11, 9];
    // Differences [1, 2, 3, 4, 5].
    expect(pairedDifference(design, baseline)).toEqual(estimate([1, 2, 3, 4, 5]));
  });

  it('drops pairs where either value is non-finite', () => {
    const design = [11, NaN, 12, 15, 14, 20];
    const baseline = [10, 11, 9, Infinity, 9, 18];
    // Kept: 11-10, 12-9, 14-9, 20-18 → [1, 3, 5, 2].
    expect(pairedDifference(design, baseline)).toEqual(estimate([1, 3, 5, 2]));
    expect(pairedDifference([NaN, 1], [1, NaN])).toEqual({ mean: NaN, ci95: null });
  });

  it('counts the rounding of sums made in another order as no difference, and keeps a real one', () => {
    // Agent-hours of two designs with the same staffing, summed over their own events.
    const baseline = [510, 510, 510];
    const design = [510 + 1.1e-13, 510 - 5.7e-14, 510 + 1.1e-13];
    expect(pairedDifference(design, baseline)).toEqual({ mean: 0, ci95: [0, 0] });
    expect(pairedDifference([510.001, 510.002, 510.001], baseline).mean).toBeCloseTo(0.001333, 6);
  });

  it('rejects series of different lengths', () => {
    expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow(RangeError);
  });

  it('is narrower than the unpaired comparison for positively correlated series', () => {
    // Common random numbers: a large replication effect shared by both designs, a true
    // difference of -5 and small design-specific noise.
    const rng = createStream(11, 0, 'estimate/paired');
    const n = 20;
    const baseline: number[] = [];
    const design: number[] = [];
    for (let i = 0; i < n; i++) {
      const shared = 100 + 40 * (rng.next() - 0.5);
      baseline.push(shared + 2 * (rng.next() - 0.5));
      design.push(shared - 5 + 2 * (rng.next() - 0.5));
    }
    const paired = pairedDifference(design, baseline);
    const a = estimate(design);
    const b = estimate(baseline);
    expect(paired.mean).toBeCloseTo(a.mean - b.mean, 10);
    // Unpaired (independent-samples) half-width: sqrt(hwA² + hwB²) with the same t.
    const unpaired = Math.hypot(halfWidth(a), halfWidth(b));
    expect(halfWidth(paired)).toBeLessThan(unpaired / 5);
    // The paired interval still covers the true difference and excludes zero.
    expect(paired.ci95![0]).toBeLessThan(-5);
    expect(paired.ci95![1]).toBeGreaterThan(-5);
    expect(paired.ci95![1]).toBeLessThan(0);
    // The unpaired interval cannot tell the designs apart.
    expect(a.mean - b.mean + unpaired).toBeGreaterThan(0);
  });
});
