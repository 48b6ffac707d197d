// From per-replication values to means, confidence intervals and paired comparisons.
import { WAIT_QUANTILES, type ReplicationMetrics } from './replication-accumulator.ts';
import { estimate, pairedDifference } from './estimate.ts';
import { flowNodeKey, flowNodeLabel, type FlowNode } from './flow-node.ts';
import type { FlowCount } from './flow-tally.ts';
import {
  COMPARED_METRICS,
  DESIGN_METRICS,
  GROUP_METRICS,
  INTENT_METRICS,
  INTERVAL_METRICS,
  TEAM_METRICS,
  type DesignMetric,
  type IntentMetric,
  type MetricInfo,
  type TeamMetric,
} from './metric-catalogue.ts';
import type { Comparison, DesignResult, Estimate, Flow, MetricTable, Provenance, RunResult } from './results.ts';

export interface DesignReplications {
  readonly design: string;
  /** One entry per replication, in replication order. */
  readonly replications: readonly ReplicationMetrics[];
}

/** Which run the replications are of: the scenario's name, its seed, and where it came from. */
export interface RunIdentity extends Omit<Provenance, 'replications'> {
  readonly scenario: string;
  /** Seconds after Monday 00:00 at t = 0, for a run placed in the week (see RunResult). */
  readonly weekStart?: number;
}

export function summariseRun(run: RunIdentity, designs: readonly DesignReplications[]): RunResult {
  const results: Record<string, DesignResult> = {};
  for (const d of designs) results[d.design] = summariseDesign(d.replications);
  const replications = designs[0]?.replications.length ?? 0;
  return {
    scenario: run.scenario,
    seed: run.seed,
    replications,
    designs: results,
    comparisons: compareWithBaseline(designs),
    provenance: { spoc: run.spoc, scenarioSha256: run.scenarioSha256, seed: run.seed, replications },
    ...(run.weekStart === undefined ? {} : { weekStart: run.weekStart }),
  };
}

function summariseDesign(reps: readonly ReplicationMetrics[]): DesignResult {
  const first = reps[0];
  const names = (scope: 'byIntent' | 'byTeam'): string[] => (first ? Object.keys(first[scope]) : []);
  const byIntent: Record<string, MetricTable<IntentMetric>> = {};
  for (const intent of names('byIntent')) byIntent[intent] = table(INTENT_METRICS, reps.map((r) => r.byIntent[intent]!));
  const byTeam: Record<string, MetricTable<TeamMetric>> = {};
  for (const team of names('byTeam')) byTeam[team] = table(TEAM_METRICS, reps.map((r) => r.byTeam[team]!));
  const byGroup = first?.byGroup === undefined ? undefined : groupTables(first.byGroup, reps);
  const result = {
    metrics: table(DESIGN_METRICS, reps.map((r) => r.metrics)),
    byIntent,
    byTeam,
    ...(byGroup === undefined ? {} : { byGroup }),
    waitDistribution: WAIT_QUANTILES.map((q, k) => ({ q, seconds: estimate(reps.map((r) => r.waitQuantiles[k] ?? NaN)) })),
    flows: flowsOf(reps),
  };
  const intervals = first?.byInterval;
  if (intervals === undefined) return result;
  const byInterval = intervals.map((interval, k) => ({
    start: interval.start,
    end: interval.end,
    metrics: table(INTERVAL_METRICS, reps.map((r) => r.byInterval![k]!)),
  }));
  return { ...result, byInterval };
}

function groupTables(teams: NonNullable<ReplicationMetrics['byGroup']>, reps: readonly ReplicationMetrics[]): NonNullable<DesignResult['byGroup']> {
  return Object.fromEntries(
    Object.entries(teams).map(([team, groups]) => [
      team,
      Object.fromEntries(Object.keys(groups).map((group) => [group, table(GROUP_METRICS, reps.map((r) => r.byGroup![team]![group]!))])),
    ]),
  );
}

/** Estimates of the catalogue's metrics from their values in each replication. */
function table<Name extends string>(
  catalogue: readonly MetricInfo<Name>[],
  values: readonly Readonly<Record<Name, number>>[],
): MetricTable<Name> {
  const out = {} as Record<Name, Estimate>;
  for (const { name } of catalogue) out[name] = estimate(values.map((v) => v[name] ?? NaN));
  return out;
}

function compareWithBaseline(designs: readonly DesignReplications[]): Comparison[] {
  const [baseline, ...others] = designs;
  if (baseline === undefined) return [];
  const series = (d: DesignReplications, metric: DesignMetric): number[] =>
    d.replications.map((r) => r.metrics[metric] ?? NaN);
  return others.flatMap((d) =>
    COMPARED_METRICS.map((metric) => ({
      baseline: baseline.design,
      design: d.design,
      metric,
      diff: pairedDifference(series(d, metric), series(baseline, metric)),
    })),
  );
}

/**
 * Every edge seen in any replication, sorted by the labels of its nodes (nodes with the same
 * label, such as a team named `IVR` and the IVR, by kind); a replication without it counts 0.
 */
function flowsOf(reps: readonly ReplicationMetrics[]): Flow[] {
  const edges = new Map<string, { readonly from: FlowNode; readonly to: FlowNode; readonly order: string }>();
  const counts = reps.map((r) => {
    const byEdge = new Map<string, number>();
    for (const flow of r.flows) {
      const key = edgeKey(flow);
      byEdge.set(key, flow.calls);
      if (!edges.has(key)) edges.set(key, { ...flow, order: `${flowNodeLabel(flow.from)}\t${flowNodeLabel(flow.to)}` });
    }
    return byEdge;
  });
  return [...edges]
    .sort(([keyA, a], [keyB, b]) => compare(a.order, b.order) || compare(keyA, keyB))
    .map(([key, { from, to }]) => ({ from, to, calls: estimate(counts.map((byEdge) => byEdge.get(key) ?? 0)) }));
}

/** Tells edges apart by their nodes' kinds and names (labels may coincide). */
const edgeKey = (flow: FlowCount): string => `${flowNodeKey(flow.from)}\t${flowNodeKey(flow.to)}`;

/** Code-unit order, as Array.prototype.sort without a comparator. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
