// A hand-built RunResult: plausible values for every catalogued metric, two intents, two
// teams, paired comparisons against the first design (some significant, some not). Tests
// patch in NaN means and missing intervals where they need them.
import { DESIGN_METRICS, INTENT_METRICS, TEAM_METRICS, type MetricUnit } from '../../src/metrics/metric-catalogue.ts';
import type { Comparison, DesignResult, Estimate, MetricTable, RunResult } from '../../src/metrics/results.ts';

export const LONG_NAME = 'single-point-of-contact, "one advisor" pilot';

export const DESIGNS_3 = ['four-numbers', 'one-number', LONG_NAME];
export const DESIGNS_4 = ['four-numbers', 'one-number', 'front-desk', LONG_NAME];
export const DESIGNS_6 = [...DESIGNS_4, 'pooled-with-overflow', 'two-numbers-warm-transfer'];

function base(unit: MetricUnit, k: number): number {
  switch (unit) {
    case 'count':
      return 4213.4 + 37 * k;
    case 'seconds':
      return 95.3 + 41.7 * k;
    case 'share':
      return 0.123 + 0.031 * k;
    case 'ratio':
      return 1.234 + 0.117 * k;
    case 'hours':
      return 240;
  }
}

function estimate(mean: number, hw: number | null): Estimate {
  return { mean, ci95: hw === null ? null : [mean - hw, mean + hw] };
}

function table(infos: readonly { name: string; unit: MetricUnit }[], d: number, scale: number): MetricTable {
  const out: Record<string, Estimate> = {};
  infos.forEach((info, k) => {
    const mean = base(info.unit, k % 7) * scale * (1 + 0.05 * d);
    out[info.name] = estimate(mean, info.unit === 'hours' ? 0 : Math.abs(mean) * 0.04);
  });
  return out;
}

/** Significant for even metric index, not for odd; the design index shifts the sign. */
function diffFor(unit: MetricUnit, k: number, d: number): Estimate {
  const size = base(unit, k % 7) * 0.1 * (d % 2 === 0 ? 1 : -1);
  const hw = k % 2 === 0 ? Math.abs(size) * 0.5 : Math.abs(size) * 1.5;
  return estimate(size, hw);
}

export function makeResult(designs: readonly string[] = DESIGNS_4): RunResult {
  const results: Record<string, DesignResult> = {};
  designs.forEach((design, d) => {
    const metrics: Record<string, Estimate> = { ...table(DESIGN_METRICS, d, 1) };
    results[design] = {
      metrics,
      byIntent: { billing: table(INTENT_METRICS, d, 0.6), outage: table(INTENT_METRICS, d, 0.4) },
      byTeam: { billing: table(TEAM_METRICS, d, 0.5), field: table(TEAM_METRICS, d, 0.7) },
    };
  });
  const comparisons: Comparison[] = [];
  const baseline = designs[0] ?? '';
  designs.slice(1).forEach((design, i) => {
    DESIGN_METRICS.forEach((info, k) => {
      comparisons.push({ baseline, design, metric: info.name, diff: diffFor(info.unit, k, i + 1) });
    });
  });
  return {
    scenario: 'Utility company — four numbers or one',
    seed: 2019,
    replications: 30,
    designs: results,
    comparisons,
  };
}
