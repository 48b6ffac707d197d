// Sequential sampling: more replications until every named metric's 95% half-width is
// under its target for every design, up to run.maxReplications.
import { halfWidth } from '../metrics/estimate.ts';
import { DESIGN_METRICS, isDesignMetric } from '../metrics/metric-catalogue.ts';
import type { DesignResult, PrecisionResult, RunResult } from '../metrics/results.ts';
import { InputError } from '../scenario/input-error.ts';
import type { Scenario } from '../scenario/model.ts';

const KNOWN: ReadonlySet<string> = new Set(DESIGN_METRICS.map((m) => m.name));

/** Precision targets naming metrics that do not exist: bad input, reported before running. */
export class UnknownMetricError extends InputError {}

export function checkPrecisionMetrics(scenario: Scenario): void {
  for (const { metric } of scenario.run.precision) {
    if (!KNOWN.has(metric)) {
      throw new UnknownMetricError(
        `precision: unknown metric "${metric}"; expected one of the design metrics (${[...KNOWN].join(', ')})`,
      );
    }
  }
}

/**
 * How many more replications the point needs: enough, by the usual n·(h/target)² estimate,
 * for the widest interval to reach its target; 0 when all targets are met, when there are
 * none, or when run.maxReplications is reached.
 */
export function replicationsNeeded(scenario: Scenario, result: RunResult): number {
  const { precision, maxReplications } = scenario.run;
  if (precision.length === 0) return 0;
  const n = result.replications;
  let needed = n;
  for (const design of Object.values(result.designs)) {
    for (const { metric, halfWidth: target } of precision) {
      const halfWidth = halfWidthOf(design, metric);
      if (halfWidth === null) needed = Math.max(needed, n + 1);
      else if (halfWidth > target) needed = Math.max(needed, Math.ceil(n * (halfWidth / target) ** 2), n + 1);
    }
  }
  return Math.max(0, Math.min(needed, maxReplications) - n);
}

/**
 * How each precision target of the scenario ended in the result: every design's
 * half-width and whether all are within the target. Empty without targets.
 */
export function precisionResults(scenario: Scenario, result: RunResult): PrecisionResult[] {
  return scenario.run.precision.map(({ metric, halfWidth: target }) => {
    const halfWidths = Object.fromEntries(Object.entries(result.designs).map(([name, design]) => [name, halfWidthOf(design, metric)]));
    const met = Object.values(halfWidths).every((hw) => hw !== null && hw <= target);
    return { metric, target, met, halfWidths };
  });
}

/** The 95% half-width of a design's metric; null when it has no interval. */
function halfWidthOf(design: DesignResult, metric: string): number | null {
  const value = isDesignMetric(metric) ? design.metrics[metric] : undefined;
  const width = value === undefined ? Number.NaN : halfWidth(value);
  return Number.isFinite(width) ? width : null;
}
