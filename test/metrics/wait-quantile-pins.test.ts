// Pins of the quantile read for waitP90 (and waitP50, waitP95): the nearest rank, the
// ceil(q·n)-th smallest wait, as WaitHistogram defines it. Hand-made waits are chosen so
// that the other usual readings (rank rounded, floor(q·n) + 1, linear interpolation
// between ranks, the 95th percentile) each give another answer, far outside the
// histogram's 0.5% accuracy.
import { describe, expect, it } from 'vitest';
import { HISTOGRAM_RELATIVE_ERROR } from '../../src/metrics/histogram.ts';
import { ReplicationAccumulator } from '../../src/metrics/replication-accumulator.ts';
import { Tally, tallyMetrics } from '../../src/metrics/tally.ts';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { arrivalsAt, billingScenario } from '../callcenter/timeline.ts';

/** waitP50, waitP90 and waitP95 of a tally holding exactly these waits. */
function quantilesOf(waits: readonly number[]): { waitP50: number; waitP90: number; waitP95: number } {
  const tally = new Tally();
  for (const wait of waits) tally.waits.add(wait);
  const { waitP50, waitP90, waitP95 } = tallyMetrics(tally);
  return { waitP50, waitP90, waitP95 };
}

/** Within the histogram's accuracy of `exact`. */
const near = (got: number, exact: number): boolean => Math.abs(got - exact) <= exact * HISTOGRAM_RELATIVE_ERROR;

describe('waitP90', () => {
  it('is the 9th of 10 waits: not the 10th (floor + 1, or p95), nor interpolated between them', () => {
    // 1, 2, 4 … 512 s: the 9th is 256 s; interpolation gives 281.6 s, the 10th 512 s.
    const waits = Array.from({ length: 10 }, (_, k) => 2 ** k);
    const q = quantilesOf(waits);
    expect(near(q.waitP90, 256), `waitP90 ${q.waitP90}`).toBe(true);
    expect(near(q.waitP95, 512), `waitP95 ${q.waitP95}`).toBe(true);
    expect(near(q.waitP50, 16), `waitP50 ${q.waitP50}`).toBe(true);
  });

  it('is the 15th of 16 waits (ceil 14.4), not the 14th (14.4 rounded)', () => {
    const waits = Array.from({ length: 16 }, (_, k) => 2 ** k);
    const q = quantilesOf(waits);
    expect(near(q.waitP90, 2 ** 14), `waitP90 ${q.waitP90}`).toBe(true);
    // p95: ceil(15.2) = 16th, the largest; p50: the 8th.
    expect(q.waitP95).toBe(2 ** 15);
    expect(near(q.waitP50, 2 ** 7), `waitP50 ${q.waitP50}`).toBe(true);
  });

  it('reads the waits of a run: ten callers at once before one agent wait 0, 60 … 540 s, p90 480 s', () => {
    const scenario = parseScenario(billingScenario({}), 'waits.yaml');
    const run = { ...compileRun(scenario, scenario.designs[0]!), arrivals: arrivalsAt(Array(10).fill(0)) };
    const accumulator = new ReplicationAccumulator(run.design, scenario.run);
    simulate(run, 0, accumulator);
    const { metrics } = accumulator.result();
    // Interpolating would give 486 s, 1.25% away; the 10th wait is 540 s.
    expect(near(metrics.waitP90, 480), `waitP90 ${metrics.waitP90}`).toBe(true);
    expect(metrics.waitP95).toBe(540);
  });
});
