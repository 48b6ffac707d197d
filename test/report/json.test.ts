import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/metrics/results.ts';
import { formatJson } from '../../src/report/json.ts';
import { DESIGNS_4, makeResult } from './fixture.ts';

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
    expect(Object.keys(parsed)).toEqual(['scenario', 'seed', 'replications', 'designs', 'comparisons']);
    expect(Object.keys(parsed.designs as object)).toEqual(DESIGNS_4);
    const first = (parsed.comparisons as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(first)).toEqual(['baseline', 'design', 'metric', 'diff']);
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
      '{"scenario":"s","seed":1,"replications":2,"designs":{"__proto__":{"metrics":{},"byIntent":{},"byTeam":{"constructor":{}}}},"comparisons":[]}',
    ) as RunResult;
    const parsed = JSON.parse(formatJson(result));
    expect(Object.keys(parsed.designs)).toEqual(['__proto__']);
  });
});
