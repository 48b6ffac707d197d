// Tolerances for statistical tests, derived from the confidence interval of the estimate.
import quantile from '@stdlib/stats-base-dists-t-quantile';
import { estimate } from '../../src/metrics/estimate.ts';

/** Confidence level of the interval a theoretical value must fall in (fixed seeds: no flakes). */
export const TEST_CONFIDENCE = 0.999;

/** The standard normal quantile of the two-sided TEST_CONFIDENCE interval (3.29 for 99.9%). */
const normalQuantile = quantile(1 - (1 - TEST_CONFIDENCE) / 2, 1e9);

/** Mean and half-width of the TEST_CONFIDENCE interval of a replication series. */
export function interval(values: readonly number[]): { mean: number; halfWidth: number } {
  const e = estimate(values);
  if (e.ci95 === null) throw new Error('need at least two replications');
  const n = values.filter(Number.isFinite).length;
  const scale = quantile(1 - (1 - TEST_CONFIDENCE) / 2, n - 1) / quantile(0.975, n - 1);
  return { mean: e.mean, halfWidth: ((e.ci95[1] - e.ci95[0]) / 2) * scale };
}

/** Asserts that `expected` lies in the TEST_CONFIDENCE interval of `values`, with a readable failure. */
export function expectWithinInterval(label: string, values: readonly number[], expected: number): void {
  const { mean, halfWidth } = interval(values);
  if (!(Math.abs(mean - expected) <= halfWidth)) {
    throw new Error(
      `${label}: theory ${expected.toPrecision(6)} outside the ${TEST_CONFIDENCE * 100}% interval ` +
        `${mean.toPrecision(6)} ± ${halfWidth.toPrecision(3)}`,
    );
  }
}

/**
 * Asserts that `design` exceeds `baseline` (replication by replication, paired): the
 * TEST_CONFIDENCE interval of their difference lies wholly above `by` (0: a plain ordering).
 */
export function expectPairedAbove(label: string, design: readonly number[], baseline: readonly number[], by = 0): void {
  const { mean, halfWidth } = interval(design.map((d, i) => d - baseline[i]!));
  if (!(mean - halfWidth > by)) {
    throw new Error(
      `${label}: the difference ${mean.toPrecision(4)} ± ${halfWidth.toPrecision(3)} (${TEST_CONFIDENCE * 100}%) ` +
        `does not lie above ${by}`,
    );
  }
}

/**
 * Asserts that the share of `p` lies in the TEST_CONFIDENCE (normal) interval of a binomial
 * share pooled over replications: `shares[i]` of `counts[i]` trials each.
 */
export function expectBinomialShare(label: string, shares: readonly number[], counts: readonly number[], p: number): void {
  const trials = counts.reduce((sum, n) => sum + n, 0);
  const share = shares.reduce((sum, s, i) => sum + s * counts[i]!, 0) / trials;
  const halfWidth = normalQuantile * Math.sqrt((p * (1 - p)) / trials);
  if (!(Math.abs(share - p) <= halfWidth)) {
    throw new Error(`${label}: ${p} outside the ${TEST_CONFIDENCE * 100}% binomial interval ${share.toPrecision(6)} ± ${halfWidth.toPrecision(3)} of ${trials} trials`);
  }
}
