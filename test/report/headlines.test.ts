// The verdict per key metric: the better design by the metric's direction, its paired
// difference from the baseline, and when the baseline is best, the next design's.
import { describe, expect, it } from 'vitest';
import type { DesignMetric } from '../../src/metrics/metric-catalogue.ts';
import type { Comparison, Estimate, RunResult } from '../../src/metrics/results.ts';
import { headlineSentence, runHeadlines } from '../../src/report/headlines.ts';

const est = (mean: number, hw: number | null = null): Estimate => ({ mean, ci95: hw === null ? null : [mean - hw, mean + hw] });

/** Designs with the given means per metric; differences against the first with the given half-widths. */
function result(means: Record<string, Partial<Record<DesignMetric, number>>>, diffHalfWidth = 0.01): RunResult {
  const names = Object.keys(means);
  const baseline = names[0]!;
  const comparisons: Comparison[] = names.slice(1).flatMap((design) =>
    Object.entries(means[design]!).map(([metric, mean]) => ({
      baseline,
      design,
      metric: metric as DesignMetric,
      diff: est(mean! - means[baseline]![metric as DesignMetric]!, diffHalfWidth),
    })),
  );
  return {
    scenario: 'test',
    seed: 1,
    replications: 10,
    designs: Object.fromEntries(
      names.map((name) => [name, { metrics: Object.fromEntries(Object.entries(means[name]!).map(([m, v]) => [m, est(v!, 0.01)])), byIntent: {}, byTeam: {} }]),
    ),
    comparisons,
    provenance: { spoc: 'test', scenarioSha256: null, seed: 1, replications: 10 },
  };
}

describe('runHeadlines', () => {
  it('names the design with the higher service level and the lower mean wait, with its paired difference', () => {
    const headlines = runHeadlines(
      result({
        four: { serviceLevel: 0.75, waitMean: 30 },
        ivr: { serviceLevel: 0.88, waitMean: 40 },
        desk: { serviceLevel: 0.8, waitMean: 20 },
      }),
    );
    expect(headlines.map((h) => [h.metric.name, h.best, h.compared])).toEqual([
      ['serviceLevel', 'ivr', 'ivr'],
      ['waitMean', 'desk', 'desk'],
    ]);
    const [service] = headlines;
    expect(service!.difference!.mean).toBeCloseTo(0.13, 12);
    expect(service!.clear).toBe(true);
    expect(headlineSentence(service!)).toBe(
      'ivr is best at 88.0%, against 75.0% for four, the baseline: +13.0 pp (95% interval +12.0 pp to +14.0 pp).',
    );
  });

  it('when the baseline is best, gives the next design and its difference', () => {
    const [headline] = runHeadlines(result({ four: { abandonRate: 0.02 }, ivr: { abandonRate: 0.05 }, desk: { abandonRate: 0.03 } }));
    expect([headline!.best, headline!.compared]).toEqual(['four', 'desk']);
    expect(headlineSentence(headline!)).toMatch(/^four, the baseline, is best at 2\.0%; the next, desk, has 3\.0%: \+1\.0 pp \(95% interval/);
  });

  it('says so when the interval includes 0', () => {
    const [headline] = runHeadlines(result({ four: { fcr: 0.7 }, ivr: { fcr: 0.705 } }, 0.02));
    expect(headline!.clear).toBe(false);
    expect(headlineSentence(headline!)).toContain('The interval includes 0: the data do not tell the two apart.');
  });

  it('gives none for a single design, nor for a metric every design has alike or only one design has', () => {
    expect(runHeadlines(result({ four: { serviceLevel: 0.8 } }))).toEqual([]);
    const headlines = runHeadlines(
      result({ four: { serviceLevel: 0.8, abandonRate: 0, costPerResolved: 4 }, ivr: { serviceLevel: 0.9, abandonRate: 0, costPerResolved: Number.NaN } }),
    );
    expect(headlines.map((h) => h.metric.name)).toEqual(['serviceLevel']);
  });
});
