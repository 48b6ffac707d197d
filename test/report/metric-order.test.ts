import { describe, expect, it } from 'vitest';
import { DESIGN_METRICS } from '../../src/metrics/metric-catalogue.ts';
import { orderedMetrics } from '../../src/report/metric-order.ts';

const e = { mean: 1, ci95: null };

describe('orderedMetrics', () => {
  it('gives the catalogue entries of the metrics present, in catalogue order, then unknown ones as found', () => {
    const metrics = orderedMetrics([{ serviceLevel: e, zeta: e }, undefined, { issues: e, alphaRate: e }], DESIGN_METRICS);
    expect(metrics.map((metric) => metric.name)).toEqual(['issues', 'serviceLevel', 'zeta', 'alphaRate']);
    expect(metrics[0]).toBe(DESIGN_METRICS.find((metric) => metric.name === 'issues'));
    expect(metrics.slice(2)).toEqual([
      { name: 'zeta', unit: 'ratio', label: 'zeta', description: '' },
      { name: 'alphaRate', unit: 'share', of: 'the total', label: 'alphaRate', description: '' },
    ]);
  });
});
