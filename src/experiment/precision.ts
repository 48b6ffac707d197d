// Sequential sampling: more replications until every named metric's 95% half-width is
// under its target for every design, up to run.maxReplications.
import { DESIGN_METRICS, isDesignMetric } from '../metrics/metric-catalogue.ts';
import type { RunResult } from '../metrics/results.ts';
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
      const ci = isDesignMetric(metric) ? design.metrics[metric]?.ci95 : undefined;
      if (ci === null || ci === undefined) {
        needed = Math.max(needed, n + 1);
        continue;
      }
      const halfWidth = (ci[1] - ci[0]) / 2;
      if (halfWidth > target) needed = Math.max(needed, Math.ceil(n * (halfWidth / target) ** 2), n + 1);
    }
  }
  return Math.max(0, Math.min(needed, maxReplications) - n);
}
