// Rows that are 0 (or without a figure) for every design are the features a scenario does
// not use: the table and the Markdown leave them out and say how many, --all-metrics keeps
// them, machine outputs keep every metric.
import { describe, expect, it } from 'vitest';
import { DESIGN_METRICS } from '../../src/metrics/metric-catalogue.ts';
import type { Estimate, RunResult } from '../../src/metrics/results.ts';
import { formatCsv } from '../../src/report/csv.ts';
import { formatJson } from '../../src/report/json.ts';
import { formatMarkdown } from '../../src/report/markdown.ts';
import { formatTable } from '../../src/report/table.ts';
import { DESIGNS_3, EIGHT_HOURS, makeResult, withIntervals } from './fixture.ts';

const nameOf = (label: string): string => DESIGN_METRICS.find((info) => info.label === label)!.name;
const ZERO: Estimate = { mean: 0, ci95: [0, 0] };
const NONE: Estimate = { mean: Number.NaN, ci95: null };

/**
 * Busy signal and Ping-pong 0 ± 0 everywhere, Cost/resolved without a figure everywhere,
 * Dropped 0 in the baseline only, Cut by cap 0 on average but with a spread; a team metric
 * 0 in every design for team field.
 */
function withUnusedFeatures(base: RunResult): RunResult {
  const designs = Object.fromEntries(
    Object.entries(base.designs).map(([name, design], d) => [
      name,
      {
        ...design,
        metrics: {
          ...design.metrics,
          [nameOf('Busy signal')]: ZERO,
          [nameOf('Ping-pong')]: ZERO,
          [nameOf('Cost/resolved')]: NONE,
          [nameOf('Cut by cap')]: { mean: 0, ci95: [-0.01, 0.01] },
          ...(d === 0 ? { [nameOf('Dropped')]: ZERO } : {}),
        },
        byTeam: { ...design.byTeam, field: { ...design.byTeam['field'], abandonRate: ZERO } },
      },
    ]),
  );
  const hidden = new Set(['Busy signal', 'Ping-pong', 'Cost/resolved'].map(nameOf));
  const comparisons = base.comparisons.map((c) => (hidden.has(c.metric) ? { ...c, diff: ZERO } : c));
  return { ...base, designs, comparisons };
}

const result = withUnusedFeatures(makeResult(DESIGNS_3));
const designRowLabels = (text: string): string[] => text.split('\n').map((line) => line.split(/ {2,}/)[0] ?? '');

describe('rows at 0 for every design', () => {
  it('are left out of the table, with one line under it saying how many and how to see them', () => {
    const text = formatTable(result);
    const labels = designRowLabels(text);
    for (const label of ['Busy signal', 'Ping-pong', 'Cost/resolved']) expect(labels).not.toContain(label);
    for (const label of ['Dropped', 'Cut by cap', 'Calls']) expect(labels).toContain(label);
    // team field keeps its other metrics, billing its abandonment
    expect(text).toMatch(/field\n {2}Occupancy[^\n]*\n {2}Mean wait[^\n]*\n(?! {2}Abandoned)/);
    expect(text).toMatch(/billing\n(?: {2}[^\n]*\n)* {2}Abandoned/);
    const lines = text.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('4 rows not shown, 0 or without a figure for every design; --all-metrics shows them.');
    expect(lines.at(-2)).toBe('');
  });

  it('spare the wait figures, where 0 is a result: a median wait of 0, nobody waiting', () => {
    const waits = ['Waited at all', 'Mean wait', 'ASA', 'Wait p50', 'Wait p90', 'Wait p95', 'Service level'];
    const calm = {
      ...result,
      designs: Object.fromEntries(
        Object.entries(result.designs).map(([name, design]) => [
          name,
          { ...design, metrics: { ...design.metrics, ...Object.fromEntries(waits.map((label) => [nameOf(label), ZERO])) } },
        ]),
      ),
    };
    const labels = designRowLabels(formatTable(calm));
    for (const label of waits) expect(labels).toContain(label);
  });

  it('are all there with allMetrics, and then no line speaks of rows left out', () => {
    const text = formatTable(result, { allMetrics: true });
    const labels = designRowLabels(text);
    for (const label of ['Busy signal', 'Ping-pong', 'Cost/resolved']) expect(labels).toContain(label);
    expect(text).toMatch(/field\n(?: {2}[^\n]*\n)* {2}Abandoned/);
    expect(text).not.toContain('not shown');
  });

  it('are counted in a shorter line when the long one does not fit the width', () => {
    const last = (width: number): string => formatTable(result, { width }).trimEnd().split('\n').at(-1)!;
    expect(last(100)).toBe('4 rows not shown, 0 or without a figure for every design; --all-metrics shows them.');
    expect(last(80)).toBe('4 rows at 0 for every design not shown (--all-metrics).');
    expect(last(40)).toBe('4 rows not shown (--all-metrics).');
  });

  it('say "1 row" for one', () => {
    const base = makeResult(['only']);
    const only = base.designs['only']!;
    const text = formatTable({ ...base, designs: { only: { ...only, metrics: { ...only.metrics, [nameOf('Busy signal')]: ZERO } } } });
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 row not shown, 0 or without a figure for every design; --all-metrics shows it.');
  });

  it('are left out of the Markdown the same way, the count above the provenance', () => {
    const text = formatMarkdown(result);
    expect(text).not.toContain('| Busy signal |');
    expect(text).toContain('| Dropped |');
    expect(text).toMatch(/\n\n4 rows not shown, 0 or without a figure for every design; --all-metrics shows them\.\n\nMade by spoc-sim/);
    const all = formatMarkdown(result, { allMetrics: true });
    expect(all).toContain('| Busy signal |');
    expect(all).not.toContain('not shown');
  });

  it('stay in JSON and CSV, which keep every metric', () => {
    expect(formatCsv(result)).toContain(`four-numbers,design,,${nameOf('Busy signal')},0,0,0`);
    expect(JSON.parse(formatJson(result)).designs['four-numbers'].metrics).toHaveProperty(nameOf('Ping-pong'));
  });

  it('do not touch the per-interval blocks, where an interval at 0 is a figure', () => {
    const base = withIntervals(result, ...EIGHT_HOURS);
    const quiet = {
      ...base,
      designs: Object.fromEntries(
        Object.entries(base.designs).map(([name, design]) => [
          name,
          { ...design, byInterval: design.byInterval!.map((interval, k) => (k === 0 ? { ...interval, metrics: Object.fromEntries(Object.keys(interval.metrics).map((m) => [m, ZERO])) } : interval)) },
        ]),
      ),
    };
    const text = formatTable(quiet);
    expect(text.match(/^00:00–00:30 /gm)).toHaveLength(DESIGNS_3.length);
  });
});
