// Tolerances for statistical tests, derived from the confidence interval of the estimate.
import quantile from '@stdlib/stats-base-dists-t-quantile';
import { estimate } from '../../src/metrics/estimate.ts';

/** Confidence level of the interval a theoretical value must fall in (fixed seeds: no flakes). */
export const TEST_CONFIDENCE = 0.999;

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
