// Runs scenario text through the real loader and simulator, keeping every replication.
import { simulateDesigns, type ExperimentOptions } from '../../src/experiment/run-experiment.ts';
import type { DesignMetric, IntervalMetric, TeamMetric } from '../../src/metrics/metric-catalogue.ts';
import type { DesignReplications } from '../../src/metrics/summarise.ts';
import { parseScenario } from '../../src/scenario/index.ts';

export function simulateYaml(yaml: string, options: ExperimentOptions = {}): DesignReplications[] {
  return simulateDesigns(parseScenario(yaml, 'test.yaml'), options);
}

/** The series of one per-interval metric over the replications of a design. */
export function intervalSeries(designs: readonly DesignReplications[], design: string, interval: number, metric: IntervalMetric): number[] {
  const d = designs.find((x) => x.design === design);
  if (d === undefined) throw new Error(`no design ${design}`);
  return d.replications.map((r) => {
    const value = r.byInterval?.[interval]?.[metric];
    if (value === undefined) throw new Error(`no interval ${interval} metric ${metric}`);
    return value;
  });
}

/** The series of one metric over the replications of a design (or of a team/intent in it). */
export function series(
  designs: readonly DesignReplications[],
  design: string,
  metric: DesignMetric | TeamMetric,
  scope?: { team: string } | { intent: string },
): number[] {
  const d = designs.find((x) => x.design === design);
  if (d === undefined) throw new Error(`no design ${design}`);
  return d.replications.map((r) => {
    const table: Readonly<Partial<Record<DesignMetric | TeamMetric, number>>> | undefined =
      scope === undefined ? r.metrics : 'team' in scope ? r.byTeam[scope.team] : r.byIntent[scope.intent];
    const value = table?.[metric];
    if (value === undefined) throw new Error(`no metric ${metric}`);
    return value;
  });
}
