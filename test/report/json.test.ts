import { describe, expect, it } from 'vitest';
import { INTERVAL_METRICS } from '../../src/metrics/metric-catalogue.ts';
import type { DesignResult, RunResult } from '../../src/metrics/results.ts';
import { formatJson } from '../../src/report/json.ts';
import { DESIGNS_4, EIGHT_HOURS, THREE_DAYS, makeResult, provenanceOf, withIntervals } from './fixture.ts';

describe('formatJson', () => {
  it('round-trips the contract shape with 2-space indent and a trailing newline', () => {
    const result = makeResult(DESIGNS_4);
    const text = formatJson(result);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "scenario": "Utility company — four numbers or one",');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it('keeps keys in a stable order: top level, designs in run order', () => {
    const parsed = JSON.parse(formatJson(makeResult(DESIGNS_4))) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['scenario', 'seed', 'replications', 'designs', 'comparisons', 'provenance']);
    expect(Object.keys(parsed.designs as object)).toEqual(DESIGNS_4);
    const first = (parsed.comparisons as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(first)).toEqual(['baseline', 'design', 'metric', 'diff']);
    expect(parsed.provenance).toEqual({ spoc: '0.0.0-test', scenarioSha256: 'ab'.repeat(32), seed: 2019, replications: 30 });
  });

  it('is byte-identical for equal input, whatever the insertion order of metrics', () => {
    const a = makeResult(DESIGNS_4);
    const b = makeResult(DESIGNS_4);
    expect(formatJson(a)).toBe(formatJson(b));
    const design = a.designs['four-numbers'];
    if (design === undefined) throw new Error('fixture');
    const reversed: RunResult = {
      ...a,
      designs: {
        ...a.designs,
        'four-numbers': { ...design, metrics: Object.fromEntries(Object.entries(design.metrics).reverse()) },
      },
    };
    expect(formatJson(reversed)).toBe(formatJson(a));
  });

  it('writes NaN as null and a partial interval as null', () => {
    const result: RunResult = {
      scenario: 'nan',
      seed: 7,
      replications: 1,
      provenance: provenanceOf(7, 1),
      designs: {
        d: {
          metrics: {
            fcr: { mean: Number.NaN, ci95: [Number.NaN, Number.NaN] },
            asa: { mean: 12, ci95: [10, Number.POSITIVE_INFINITY] },
          },
          byIntent: { billing: { asa: { mean: Number.NaN, ci95: null } } },
          byTeam: {},
        },
      },
      comparisons: [{ baseline: 'd', design: 'd', metric: 'fcr', diff: { mean: Number.NaN, ci95: null } }],
    };
    const text = formatJson(result);
    expect(text).not.toMatch(/NaN|Infinity/);
    const parsed = JSON.parse(text);
    expect(parsed.designs.d.metrics.fcr).toEqual({ mean: null, ci95: null });
    expect(parsed.designs.d.metrics.asa).toEqual({ mean: 12, ci95: null });
    expect(parsed.designs.d.byIntent.billing.asa).toEqual({ mean: null, ci95: null });
    expect(parsed.comparisons[0].diff).toEqual({ mean: null, ci95: null });
    // Catalogue order: asa comes before fcr.
    expect(Object.keys(parsed.designs.d.metrics)).toEqual(['asa', 'fcr']);
  });

  it('keeps names that look like object internals', () => {
    const result = JSON.parse(
      '{"scenario":"s","seed":1,"replications":2,"designs":{"__proto__":{"metrics":{},"byIntent":{},"byTeam":{"constructor":{}}}},"comparisons":[],' +
        '"provenance":{"spoc":"0.0.0","scenarioSha256":null,"seed":1,"replications":2}}',
    ) as RunResult;
    const parsed = JSON.parse(formatJson(result));
    expect(Object.keys(parsed.designs)).toEqual(['__proto__']);
  });
});

describe('formatJson with per-interval figures', () => {
  interface JsonInterval {
    start: number | null;
    end: number | null;
    metrics: Record<string, { mean: number | null; ci95: [number, number] | null }>;
  }
  type Parsed = { designs: Record<string, Record<string, unknown>> };
  const parse = (result: RunResult): Parsed => JSON.parse(formatJson(result));

  it('adds byInterval after byTeam, each interval as start, end and metrics in catalogue order', () => {
    const result = withIntervals(makeResult(DESIGNS_4), ...EIGHT_HOURS);
    const parsed = parse(result);
    expect(JSON.parse(formatJson(result))).toEqual(JSON.parse(JSON.stringify(result)));
    for (const design of DESIGNS_4) {
      const data = parsed.designs[design] ?? {};
      expect(Object.keys(data)).toEqual(['metrics', 'byIntent', 'byTeam', 'byInterval']);
      const intervals = data.byInterval as JsonInterval[];
      expect(intervals).toHaveLength(17);
      expect(intervals.map((i) => i.start)).toEqual(Array.from({ length: 17 }, (_, k) => k * 1800));
      expect(intervals[15]?.end).toBe(8 * 3600);
      // The drain: from the horizon, no end.
      expect(intervals[16]).toMatchObject({ start: 8 * 3600, end: null });
      for (const interval of intervals) {
        expect(Object.keys(interval)).toEqual(['start', 'end', 'metrics']);
        expect(Object.keys(interval.metrics)).toEqual(INTERVAL_METRICS.map((info) => info.name));
      }
    }
    const threeDays = parse(withIntervals(makeResult(['a']), ...THREE_DAYS));
    expect(threeDays.designs.a?.byInterval).toHaveLength(73);
  });

  it('is byte-identical for equal input, whatever the insertion order of interval metrics', () => {
    const a = withIntervals(makeResult(DESIGNS_4), ...EIGHT_HOURS);
    expect(formatJson(a)).toBe(formatJson(withIntervals(makeResult(DESIGNS_4), ...EIGHT_HOURS)));
    const design = a.designs['one-number'] as DesignResult;
    const reversed: RunResult = {
      ...a,
      designs: {
        ...a.designs,
        'one-number': {
          ...design,
          byInterval: design.byInterval?.map((interval) => ({
            ...interval,
            metrics: Object.fromEntries(Object.entries(interval.metrics).reverse()),
          })),
        },
      },
    };
    expect(formatJson(reversed)).toBe(formatJson(a));
  });

  it('writes NaN means, bounds and times as null', () => {
    const result = withIntervals(makeResult(['d']), ...EIGHT_HOURS);
    const design = result.designs.d as DesignResult;
    const [first, ...rest] = design.byInterval ?? [];
    if (first === undefined) throw new Error('fixture');
    const patched: RunResult = {
      ...result,
      designs: {
        d: {
          ...design,
          byInterval: [
            {
              start: first.start,
              end: Number.NaN,
              metrics: {
                ...first.metrics,
                waitMean: { mean: Number.NaN, ci95: null },
                occupancy: { mean: 0.5, ci95: [Number.NaN, 0.6] },
              },
            },
            ...rest,
          ],
        },
      },
    };
    const text = formatJson(patched);
    expect(text).not.toMatch(/NaN|Infinity/);
    const interval = (JSON.parse(text).designs.d.byInterval as JsonInterval[])[0];
    expect(interval?.end).toBeNull();
    expect(interval?.metrics.waitMean).toEqual({ mean: null, ci95: null });
    expect(interval?.metrics.occupancy).toEqual({ mean: 0.5, ci95: null });
  });

  it('omits the key without intervals and keeps an empty list', () => {
    const plain = makeResult(DESIGNS_4);
    expect(formatJson(plain)).not.toContain('byInterval');
    const withEmpty: RunResult = {
      ...plain,
      designs: { ...plain.designs, 'one-number': { ...(plain.designs['one-number'] as DesignResult), byInterval: [] } },
    };
    expect(parse(withEmpty).designs['one-number']?.byInterval).toEqual([]);
    expect(parse(withEmpty).designs['four-numbers']).not.toHaveProperty('byInterval');
  });

  it('leaves everything else as it is without intervals', () => {
    const plain = makeResult(DESIGNS_4);
    const parsed = parse(withIntervals(plain, ...EIGHT_HOURS));
    for (const design of Object.values(parsed.designs)) delete design.byInterval;
    expect(`${JSON.stringify(parsed, null, 2)}\n`).toBe(formatJson(plain));
  });
});
