// Common random numbers: every design of a replication sees the same callers, so paired
// differences between designs are far more precise than independent comparisons.
import quantile from '@stdlib/stats-base-dists-t-quantile';
import { sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { simulateDesigns } from '../../src/experiment/run-experiment.ts';
import { pairedDifference } from '../../src/metrics/estimate.ts';
import { loadScenario, withOverrides } from '../../src/scenario/index.ts';
import { series } from '../support/run.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';

describe('common random numbers on the default scenario', () => {
  const scenario = withOverrides(loadScenario('scenarios/utility-numbers.yaml', nodeFileSource), { replications: 10 });
  const runs = simulateDesigns(scenario);
  const [baseline, ...others] = scenario.designs.map((d) => d.name);

  it('gives every design the same issues in every replication', () => {
    const issues = series(runs, baseline!, 'issues');
    for (const design of others) expect(series(runs, design, 'issues')).toEqual(issues);
  });

  for (const metric of ['waitMean', 'callDuration', 'resolvedShare'] as const) {
    it(`makes the paired interval of ${metric} narrower than the unpaired one`, () => {
      for (const design of others) {
        const a = series(runs, design, metric);
        const b = series(runs, baseline!, metric);
        const paired = pairedDifference(a, b).ci95!;
        const n = a.length;
        const unpairedHalfWidth =
          quantile(0.975, n - 1) * Math.sqrt((sampleStandardDeviation(a) ** 2 + sampleStandardDeviation(b) ** 2) / n);
        expect((paired[1] - paired[0]) / 2).toBeLessThan(unpairedHalfWidth);
      }
    });
  }
});
