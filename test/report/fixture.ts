// A hand-built RunResult: plausible values for every catalogued metric, two intents, two
// teams, paired comparisons against the first design (some significant, some not). Tests
// patch in NaN means and missing intervals where they need them; `withIntervals` adds
// per-interval figures.
import {
  DESIGN_METRICS,
  INTENT_METRICS,
  INTERVAL_METRICS,
  TEAM_METRICS,
  type MetricUnit,
} from '../../src/metrics/metric-catalogue.ts';
import type {
  Comparison,
  DesignResult,
  Estimate,
  IntervalResult,
  Provenance,
  RunResult,
} from '../../src/metrics/results.ts';

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
    case 'money':
      return 31.5 + 2 * k;
  }
}

function estimate(mean: number, hw: number | null): Estimate {
  return { mean, ci95: hw === null ? null : [mean - hw, mean + hw] };
}

function table(infos: readonly { name: string; unit: MetricUnit }[], d: number, scale: number): Record<string, Estimate> {
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
    provenance: provenanceOf(2019, 30),
  };
}

/**
 * Plausible per-interval figures for every design: intervals of `length` seconds from 0 up
 * to `horizon` (the last one cut at the horizon), busier around midday, then the `after`
 * row of the drain (start at the horizon, no end).
 */
export function intervalsFor(d: number, length: number, horizon: number): IntervalResult[] {
  const bounds: [number, number | null][] = [];
  for (let start = 0; start < horizon; start += length) bounds.push([start, Math.min(horizon, start + length)]);
  bounds.push([horizon, null]);
  return bounds.map(([start, end], k) => {
    const hour = (start % 86_400) / 3600;
    const load = end === null ? 0.1 : 0.3 + 0.7 * Math.exp(-(((hour - 11) / 3) ** 2));
    const metrics: Record<string, Estimate> = {};
    const values: Record<string, number> = {
      calls: 1.5 + 180 * load * (1 + 0.05 * d),
      queueEntries: 2 + 200 * load * (1 + 0.05 * d),
      serviceLevel: 0.95 - 0.4 * load + 0.01 * (k % 3),
      abandonRate: 0.01 + 0.08 * load,
      waitMean: 4 + 240 * load * load,
      occupancy: 0.55 + 0.4 * load,
      agents: 4 + 20 * load,
    };
    for (const info of INTERVAL_METRICS) {
      const mean = values[info.name] ?? Number.NaN;
      metrics[info.name] = estimate(mean, Math.abs(mean) * 0.05);
    }
    return { start, end, metrics };
  });
}

/** `result` with per-interval figures in every design. */
export function withIntervals(result: RunResult, length: number, horizon: number): RunResult {
  const designs: Record<string, DesignResult> = {};
  Object.entries(result.designs).forEach(([name, design], d) => {
    designs[name] = { ...design, byInterval: intervalsFor(d, length, horizon) };
  });
  return { ...result, designs };
}

/** 16 half-hour intervals over 8 hours. */
export const EIGHT_HOURS = [1800, 8 * 3600] as const;
/** 72 one-hour intervals over 3 days. */
export const THREE_DAYS = [3600, 3 * 86_400] as const;

/** A result's provenance as a run of a file would give it (a made-up fingerprint). */
export function provenanceOf(seed: number, replications: number): Provenance {
  return { spoc: '0.0.0-test', scenarioSha256: 'ab'.repeat(32), seed, replications };
}
