// From per-replication values to means, confidence intervals and paired comparisons.
import { WAIT_QUANTILES, type ReplicationMetrics } from './replication-accumulator.ts';
import { estimate, pairedDifference } from './estimate.ts';
import {
  COMPARED_METRICS,
  DESIGN_METRICS,
  INTENT_METRICS,
  INTERVAL_METRICS,
  TEAM_METRICS,
  type MetricInfo,
} from './metric-catalogue.ts';
import type { Comparison, DesignResult, Estimate, Flow, MetricTable, RunResult } from './results.ts';

export interface DesignReplications {
  readonly design: string;
  /** One entry per replication, in replication order. */
  readonly replications: readonly ReplicationMetrics[];
}

export function summariseRun(
  scenario: string,
  seed: number,
  designs: readonly DesignReplications[],
): RunResult {
  const results: Record<string, DesignResult> = {};
  for (const d of designs) results[d.design] = summariseDesign(d.replications);
  return {
    scenario,
    seed,
    replications: designs[0]?.replications.length ?? 0,
    designs: results,
    comparisons: compareWithBaseline(designs),
  };
}

function summariseDesign(reps: readonly ReplicationMetrics[]): DesignResult {
  const first = reps[0];
  const names = (scope: 'byIntent' | 'byTeam'): string[] => (first ? Object.keys(first[scope]) : []);
  const byIntent: Record<string, MetricTable> = {};
  for (const intent of names('byIntent')) byIntent[intent] = table(INTENT_METRICS, reps.map((r) => r.byIntent[intent]!));
  const byTeam: Record<string, MetricTable> = {};
  for (const team of names('byTeam')) byTeam[team] = table(TEAM_METRICS, reps.map((r) => r.byTeam[team]!));
  const result = {
    metrics: table(DESIGN_METRICS, reps.map((r) => r.metrics)),
    byIntent,
    byTeam,
    waitDistribution: WAIT_QUANTILES.map((q, k) => ({ q, seconds: estimate(reps.map((r) => r.waitQuantiles[k] ?? NaN)) })),
    flows: flowsOf(reps),
  };
  const intervals = first?.byInterval;
  if (intervals === undefined) return result;
  const byInterval = intervals.map((interval, k) => ({
    start: interval.start!,
    end: interval.end!,
    metrics: table(INTERVAL_METRICS, reps.map((r) => r.byInterval![k]!)),
  }));
  return { ...result, byInterval };
}

function table(catalogue: readonly MetricInfo[], values: readonly Record<string, number>[]): MetricTable {
  const out: Record<string, Estimate> = {};
  for (const { name } of catalogue) out[name] = estimate(values.map((v) => v[name] ?? NaN));
  return out;
}

function compareWithBaseline(designs: readonly DesignReplications[]): Comparison[] {
  const [baseline, ...others] = designs;
  if (baseline === undefined) return [];
  const series = (d: DesignReplications, metric: string): number[] =>
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

/** Every edge seen in any replication, sorted; a replication without it counts 0. */
function flowsOf(reps: readonly ReplicationMetrics[]): Flow[] {
  const keys = [...new Set(reps.flatMap((r) => Object.keys(r.flows)))].sort();
  return keys.map((key) => {
    const [from, to] = key.split('\t') as [string, string];
    return { from, to, calls: estimate(reps.map((r) => r.flows[key] ?? 0)) };
  });
}
