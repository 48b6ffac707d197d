// Across-replication statistics: means with 95% Student-t confidence intervals.
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { Estimate } from './results.ts';

/**
 * Mean over replications with a 95% Student-t confidence interval.
 *
 * Non-finite values are ignored: NaN means "no value in that replication" (e.g. no call
 * was answered, so there is no average wait). With n finite values:
 *  - n = 0: mean NaN, ci95 null;
 *  - n = 1: the value, ci95 null (no interval from one replication);
 *  - n ≥ 2: ci95 = mean ± t(0.975, n - 1) · s / √n, s the sample standard deviation.
 */
export function estimate(values: readonly number[]): Estimate {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  if (n === 0) return { mean: NaN, ci95: null };
  const m = mean(finite);
  if (n < 2) return { mean: m, ci95: null };
  const half = (tQuantile(0.975, n - 1) * sampleStandardDeviation(finite)) / Math.sqrt(n);
  return { mean: m, ci95: [m - half, m + half] };
}

/**
 * Paired difference design − baseline over the same replications (common random numbers):
 * the estimate of the per-replication differences. A pair where either value is non-finite
 * is dropped, and a difference within rounding of both values counts as 0. Throws a
 * RangeError when the series differ in length.
 */
export function pairedDifference(design: readonly number[], baseline: readonly number[]): Estimate {
  if (design.length !== baseline.length) {
    throw new RangeError(
      `pairedDifference: series differ in length (${design.length} vs ${baseline.length})`,
    );
  }
  const diffs: number[] = [];
  for (let i = 0; i < design.length; i++) {
    const d = design[i]!;
    const b = baseline[i]!;
    if (Number.isFinite(d) && Number.isFinite(b)) diffs.push(withoutRoundingNoise(d, b));
  }
  return estimate(diffs);
}

/**
 * Relative size below which a difference is the rounding of sums made in another order (the
 * agent-hours of two designs with the same staffing, summed over their own events, differ
 * by 1e-13), not a result: without it an equal staffing reads as a significant Δ of 0.
 */
const ROUNDING = 1e-9;

function withoutRoundingNoise(d: number, b: number): number {
  const diff = d - b;
  return Math.abs(diff) <= ROUNDING * Math.max(Math.abs(d), Math.abs(b)) ? 0 : diff;
}

/** Half-width of the 95% interval; NaN when there is no interval. */
export function halfWidth(e: Estimate): number {
  return e.ci95 === null ? NaN : (e.ci95[1] - e.ci95[0]) / 2;
}
