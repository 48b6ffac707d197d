// The run as the JSON of the scenario-format contract: 2-space indent, trailing newline,
// keys in a stable order (scenario, seed, replications, designs in run order, comparisons;
// metrics in catalogue order, then any others in their own order). JSON has no NaN: a
// missing mean is null, and an interval with a missing bound is null as a whole, so every
// `ci95` is either `[low, high]` or null. Equal results give byte-identical text.
import type { MetricInfo } from '../metrics/metric-catalogue.ts';
import type { Estimate, MetricTable, RunResult } from '../metrics/results.ts';
import { DESIGN_METRICS, TEAM_METRICS, lookup, orderedMetricNames } from './metric-order.ts';

interface JsonEstimate {
  mean: number | null;
  ci95: [number, number] | null;
}

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

function estimate(value: Estimate): JsonEstimate {
  const ci = value.ci95;
  const low = ci === null ? null : finite(ci[0]);
  const high = ci === null ? null : finite(ci[1]);
  return { mean: finite(value.mean), ci95: low === null || high === null ? null : [low, high] };
}

/** A plain object without prototype, so that any name (even `__proto__`) is an own key. */
function record<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

function metricTable(table: MetricTable, catalogue: readonly MetricInfo[]): Record<string, JsonEstimate> {
  return record(
    orderedMetricNames([table], catalogue).flatMap((name) => {
      const value = lookup(table, name);
      return value === undefined ? [] : [[name, estimate(value)] as const];
    }),
  );
}

/** The contract shape with JSON-safe numbers and stable key order. */
export function toJsonValue(result: RunResult): unknown {
  return {
    scenario: result.scenario,
    seed: finite(result.seed),
    replications: finite(result.replications),
    designs: record(
      Object.entries(result.designs).map(([name, design]) => [
        name,
        {
          metrics: metricTable(design.metrics, DESIGN_METRICS),
          byIntent: record(
            Object.entries(design.byIntent).map(([intent, table]) => [intent, metricTable(table, DESIGN_METRICS)]),
          ),
          byTeam: record(
            Object.entries(design.byTeam).map(([team, table]) => [team, metricTable(table, TEAM_METRICS)]),
          ),
        },
      ]),
    ),
    comparisons: result.comparisons.map((comparison) => ({
      baseline: comparison.baseline,
      design: comparison.design,
      metric: comparison.metric,
      diff: estimate(comparison.diff),
    })),
  };
}

/** The run as contract JSON text, 2-space indented, ending in a newline. */
export function formatJson(result: RunResult): string {
  return `${JSON.stringify(toJsonValue(result), null, 2)}\n`;
}
