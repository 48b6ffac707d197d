// The run as the JSON of the scenario-format contract: 2-space indent, trailing newline,
// keys in a stable order: scenario, seed, replications, designs in run order, comparisons,
// precision (only with precision targets: {metric, target, met, halfWidths: {design: hw}},
// an array of them for several targets), provenance ({ spoc, scenarioSha256, seed, replications }: the version and the SHA-256 of
// the scenario file's bytes, null for a scenario built in code);
// in a design: metrics, byIntent, byTeam, byGroup (teams of agent groups only: {team: {group:
// metrics}}), then byInterval (only when the result has it: a
// list of { start, end, metrics } in time order, start and end in seconds from the start
// of the run, the last row being `after`, the drain past the horizon: start = the
// horizon, end = null), waitDistribution ({ q, seconds } by increasing q) and flows ({ from, to,
// calls }: calls per replication along each step of the design, from and to by their
// labels: `Number 3631`, `IVR`, a team's name, `Too many transfers`); metrics in catalogue order, then any others in their own order. JSON has no
// NaN: a missing number is null, and a confidence interval with a missing bound is null as
// a whole, so every `ci95` is either `[low, high]` or null. Equal results give
// byte-identical text.
import { flowNodeLabel } from '../metrics/flow-node.ts';
import type { MetricInfo } from '../metrics/metric-catalogue.ts';
import type { DesignResult, Estimate, IntervalResult, MetricTable, PrecisionResult, RunResult } from '../metrics/results.ts';
import { DESIGN_METRICS, GROUP_METRICS, INTERVAL_METRICS, TEAM_METRICS, lookup, orderedMetricNames } from './metric-order.ts';

interface JsonEstimate {
  mean: number | null;
  ci95: [number, number] | null;
}

export const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** An estimate as JSON: a missing mean or bound is null, an interval with a missing bound is null. */
export function estimate(value: Estimate): JsonEstimate {
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

interface JsonInterval {
  start: number | null;
  end: number | null;
  metrics: Record<string, JsonEstimate>;
}

function interval(value: IntervalResult): JsonInterval {
  return { start: finite(value.start), end: value.end === null ? null : finite(value.end), metrics: metricTable(value.metrics, INTERVAL_METRICS) };
}

function design(value: DesignResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    metrics: metricTable(value.metrics, DESIGN_METRICS),
    byIntent: record(
      Object.entries(value.byIntent).map(([intent, table]) => [intent, metricTable(table, DESIGN_METRICS)]),
    ),
    byTeam: record(Object.entries(value.byTeam).map(([team, table]) => [team, metricTable(table, TEAM_METRICS)])),
  };
  if (value.byGroup !== undefined) {
    out.byGroup = record(
      Object.entries(value.byGroup).map(([team, groups]) => [team, record(Object.entries(groups).map(([group, table]) => [group, metricTable(table, GROUP_METRICS)]))]),
    );
  }
  if (value.byInterval !== undefined) out.byInterval = value.byInterval.map(interval);
  if (value.waitDistribution !== undefined) {
    out.waitDistribution = value.waitDistribution.map(({ q, seconds }) => ({ q, seconds: estimate(seconds) }));
  }
  if (value.flows !== undefined) {
    out.flows = value.flows.map(({ from, to, calls }) => ({
      from: flowNodeLabel(from),
      to: flowNodeLabel(to),
      calls: estimate(calls),
    }));
  }
  return out;
}

/**
 * The precision block: the contract's object for one target, an array of such objects, in
 * the order given, for several.
 */
function precisionJson(results: readonly PrecisionResult[]): unknown {
  const one = (value: PrecisionResult) => ({
    metric: value.metric,
    target: finite(value.target),
    met: value.met,
    halfWidths: record(Object.entries(value.halfWidths).map(([design, hw]) => [design, hw === null ? null : finite(hw)] as const)),
  });
  return results.length === 1 ? one(results[0]!) : results.map(one);
}

/** The contract shape with JSON-safe numbers and stable key order. */
export function toJsonValue(result: RunResult): unknown {
  return {
    scenario: result.scenario,
    seed: finite(result.seed),
    replications: finite(result.replications),
    designs: record(Object.entries(result.designs).map(([name, value]) => [name, design(value)])),
    comparisons: result.comparisons.map((comparison) => ({
      baseline: comparison.baseline,
      design: comparison.design,
      metric: comparison.metric,
      diff: estimate(comparison.diff),
    })),
    ...(result.precision === undefined ? {} : { precision: precisionJson(result.precision) }),
    provenance: {
      spoc: result.provenance.spoc,
      scenarioSha256: result.provenance.scenarioSha256,
      seed: finite(result.provenance.seed),
      replications: finite(result.provenance.replications),
    },
  };
}

/** The run as contract JSON text, 2-space indented, ending in a newline. */
export function formatJson(result: RunResult): string {
  return `${JSON.stringify(toJsonValue(result), null, 2)}\n`;
}
