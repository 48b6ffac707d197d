// Every bundled scenario, run with `--interval 30m`: in every replication of every design,
// the interval rows (the `after` row of the drain included) add up to the design's calls
// and queue entries, and with drain their entries' waits, abandonment and service level
// to the design's; so do the means over replications that the reports print.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeFileSource } from '../../src/cli/file-source.ts';
import { runExperiment, simulateDesigns } from '../../src/experiment/run-experiment.ts';
import { loadScenario, withOverrides } from '../../src/scenario/index.ts';
import { intervalTotalProblems } from '../support/interval-totals.ts';

const BUNDLED = ['scenarios', 'scenarios/students'].flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => `${folder}/${name}`),
);
const HALF_HOUR = 1800;

describe.each(BUNDLED)('%s, per half hour', (file) => {
  const scenario = withOverrides(loadScenario(file, nodeFileSource), { replications: 2 });
  const { horizon, drain } = scenario.run;

  it('has rows that add up to the design in every replication', () => {
    for (const { design, replications } of simulateDesigns(scenario, { interval: HALF_HOUR })) {
      replications.forEach((metrics, r) => expect(intervalTotalProblems(metrics, horizon, drain), `${design}/r${r}`).toEqual([]));
    }
  });

  it('has means per interval that add up to the design means', () => {
    const result = runExperiment(scenario, { interval: HALF_HOUR });
    for (const [name, design] of Object.entries(result.designs)) {
      const rows = design.byInterval ?? [];
      expect(rows.at(-1)).toMatchObject({ start: horizon, end: null });
      for (const metric of ['calls', 'queueEntries'] as const) {
        const total = rows.reduce((sum, row) => sum + row.metrics[metric]!.mean, 0);
        expect(total, `${name} ${metric}`).toBeCloseTo(design.metrics[metric]!.mean, 6);
      }
    }
  });
});

it('finds the bundled scenarios', () => {
  expect(BUNDLED.length).toBeGreaterThanOrEqual(8);
});
