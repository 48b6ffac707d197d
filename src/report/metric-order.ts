// Shared by every output format: which metrics to show, in which order, with which label
// and unit. The catalogue decides; metrics a result carries that the catalogue does not
// know come after the catalogued ones, in the order they first appear.
import {
  DESIGN_METRICS,
  GROUP_METRICS,
  INTENT_METRICS,
  INTERVAL_METRICS,
  TEAM_METRICS,
  type MetricInfo,
  type IntervalMetric,
  type TeamMetric,
  type GroupMetric,
  type MetricUnit,
} from '../metrics/metric-catalogue.ts';
import type { Comparison, Estimate, MetricTable, RunResult } from '../metrics/results.ts';

export { DESIGN_METRICS, GROUP_METRICS, INTENT_METRICS, INTERVAL_METRICS, TEAM_METRICS };

/** Team metrics shown in the reports' team sections (in catalogue order). */
export const TEAM_REPORT_METRICS: readonly TeamMetric[] = ['occupancy', 'waitMean', 'abandonRate'];

/** Agent-group metrics shown under their team in the reports' team sections. */
export const GROUP_REPORT_METRICS: readonly GroupMetric[] = ['occupancy', 'answered', 'resolveRate'];

/**
 * Interval metrics shown in the reports' per-interval sections (in catalogue order): all
 * but the queue entries, so that the figures with their half-widths fit side by side.
 */
export const INTERVAL_REPORT_METRICS: readonly IntervalMetric[] = ['calls', 'serviceLevel', 'abandonRate', 'waitMean', 'occupancy', 'agents'];

/** A guess of the unit of a metric the catalogue does not list. */
function guessUnit(name: string): MetricUnit {
  if (/(Share|Rate)$/.test(name)) return 'share';
  return 'ratio';
}

/** Catalogue entry of `name`, or a plain entry (label = name) for a metric it does not list. */
export function metricInfo(name: string, catalogue: readonly MetricInfo[]): MetricInfo {
  const found = catalogue.find((info) => info.name === name);
  if (found !== undefined) return found;
  for (const list of [DESIGN_METRICS, TEAM_METRICS, GROUP_METRICS, INTERVAL_METRICS]) {
    const other = list.find((info) => info.name === name);
    if (other !== undefined) return other;
  }
  const unit = guessUnit(name);
  return unit === 'share' ? { name, unit, of: 'the total', label: name, description: '' } : { name, unit, label: name, description: '' };
}

/**
 * Names of the metrics present in any of `tables`: catalogue order first, then unknown
 * names in order of first appearance.
 */
export function orderedMetricNames(
  tables: readonly (MetricTable | undefined)[],
  catalogue: readonly MetricInfo[],
): string[] {
  const present = new Set<string>();
  const appearance: string[] = [];
  for (const table of tables) {
    if (table === undefined) continue;
    for (const name of Object.keys(table)) {
      if (!present.has(name)) {
        present.add(name);
        appearance.push(name);
      }
    }
  }
  const known = new Set(catalogue.map((info) => info.name));
  return [
    ...catalogue.map((info) => info.name).filter((name) => present.has(name)),
    ...appearance.filter((name) => !known.has(name)),
  ];
}

/** Catalogue entries of the metrics present in any of `tables`, in the order of `orderedMetricNames`. */
export function orderedMetrics(
  tables: readonly (MetricTable | undefined)[],
  catalogue: readonly MetricInfo[],
): MetricInfo[] {
  return orderedMetricNames(tables, catalogue).map((name) => metricInfo(name, catalogue));
}

/** Own-property lookup (so a metric named like an Object.prototype member is safe). */
export function lookup<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  if (record === undefined || !Object.prototype.hasOwnProperty.call(record, key)) return undefined;
  return record[key];
}

/** Design names in run order; the first is the baseline of every comparison. */
export function designNames(result: RunResult): string[] {
  return Object.keys(result.designs);
}

/** Names of the groups (intents or teams) of all designs, in order of first appearance. */
export function groupNames(result: RunResult, scope: 'byIntent' | 'byTeam'): string[] {
  const seen = new Set<string>();
  for (const design of Object.values(result.designs)) {
    for (const name of Object.keys(design[scope])) seen.add(name);
  }
  return [...seen];
}

/** Paired difference of `metric` for `design` against `baseline`, if the result has one. */
export type ComparisonLookup = (design: string, metric: string) => Estimate | undefined;

export function comparisonLookup(result: RunResult, baseline: string): ComparisonLookup {
  const map = new Map<string, Comparison>();
  for (const comparison of result.comparisons) {
    if (comparison.baseline !== baseline) continue;
    const key = `${comparison.design}\u0000${comparison.metric}`;
    if (!map.has(key)) map.set(key, comparison);
  }
  return (design, metric) => map.get(`${design}\u0000${metric}`)?.diff;
}

/** `1 replication`, `30 replications`. */
export function replicationsText(replications: number): string {
  return `${replications} replication${replications === 1 ? '' : 's'}`;
}

/** Collapses line breaks and runs of whitespace of a free-text name to single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
