// `spoc sweep … --report report.html`: every charted metric against the swept parameter,
// a line per design with its 95% interval as a band, then each design's paired difference
// from the baseline (the first design) at every point. The collector keeps, per (point,
// design), only the mean and interval of those few metrics and of their differences, so
// memory stays small whatever the number of points. With several parameters, the first is on the x axis and each
// combination of the others gets a small multiple (or, beyond MAX_PANELS of them, only the
// combination of their first values is drawn, and the report says so).
import type { SweepPoint } from '../../experiment/sweep-plan.ts';
import { maxOf, minOf } from '../../metrics/extremes.ts';
import type { Estimate, RunResult } from '../../metrics/results.ts';
import type { MetricUnit } from '../../metrics/metric-catalogue.ts';
import type { Scenario, SweepParameter } from '../../scenario/model.ts';
import { assumptionBullets } from '../assumptions.ts';
import { DESIGN_METRICS, lookup, metricInfo, oneLine } from '../metric-order.ts';
import { interval, sweepMetricSpec, type Interval, type SweepSeriesRow } from './charts.ts';
import { escapeHtml } from './escape.ts';
import { page } from './page.ts';
import { capitalise, coverHeader, CHARTED_METRICS } from './run-report.ts';
import { renderChart } from './render-chart.ts';

/** At most this many small multiples per metric. */
export const MAX_PANELS = 12;

interface PointFigures {
  readonly values: readonly unknown[];
  replications: number;
  /**
   * Per design: mean, low, high of each charted metric, in CHARTED_METRICS order, then the
   * same of its paired difference from the baseline (NaN for the baseline itself).
   */
  readonly designs: Map<string, Float64Array>;
}

/** Figures of a sweep's points kept for its report: a few numbers per (point, design). */
export class SweepReportCollector {
  readonly metrics: readonly string[];
  private readonly points = new Map<number, PointFigures>();
  private readonly designOrder: string[] = [];
  scenarioName = '';
  seed: number | undefined;

  /** @param parameters the swept parameters, in grid order */
  constructor(readonly parameters: readonly SweepParameter[], metrics: readonly string[] = CHARTED_METRICS) {
    if (metrics.length > 10) throw new RangeError('a sweep report charts at most 10 metrics');
    this.metrics = metrics;
  }

  /** Points collected so far. */
  get size(): number {
    return this.points.size;
  }

  /** Keeps the charted figures of one finished point. */
  add(point: SweepPoint, result: RunResult): void {
    this.scenarioName ||= result.scenario;
    this.seed ??= result.seed;
    const triple = (estimate: Estimate | undefined): [number, number, number] => [
      estimate?.mean ?? Number.NaN,
      estimate?.ci95?.[0] ?? Number.NaN,
      estimate?.ci95?.[1] ?? Number.NaN,
    ];
    for (const [design, value] of Object.entries(result.designs)) {
      const diffs = result.comparisons.filter((c) => c.design === design);
      this.addRow(point, design, result.replications, (metric, difference) =>
        triple(difference ? diffs.find((c) => c.metric === metric)?.diff : lookup(value.metrics, metric)),
      );
    }
  }

  /**
   * Keeps the figures of one row read back from a sweep's output (points resumed from an
   * earlier run): `mean`, `lo`, `hi` of each metric by name, and of its paired difference
   * from the baseline when `difference`, NaN when missing.
   */
  addRow(
    point: SweepPoint,
    design: string,
    replications: number,
    figuresOf: (metric: string, difference: boolean) => readonly [number, number, number],
  ): void {
    const count = this.metrics.length;
    const figures = new Float64Array(count * 6);
    this.metrics.forEach((metric, m) => {
      figures.set(figuresOf(metric, false), 3 * m);
      figures.set(figuresOf(metric, true), 3 * (count + m));
    });
    this.addFigures(point.index, point.assignments.map((a) => a.value), design, replications, figures);
  }

  has(index: number): boolean {
    return this.points.has(index);
  }

  private addFigures(index: number, values: readonly unknown[], design: string, replications: number, figures: Float64Array): void {
    let entry = this.points.get(index);
    if (entry === undefined) {
      entry = { values, replications, designs: new Map() };
      this.points.set(index, entry);
    }
    entry.replications = Math.max(entry.replications, replications);
    entry.designs.set(design, figures);
    if (!this.designOrder.includes(design)) this.designOrder.push(design);
  }

  /** Design names in the order first seen (the run's design order). */
  designs(): readonly string[] {
    return this.designOrder;
  }

  /** Collected points by increasing index. */
  entries(): [number, PointFigures][] {
    return [...this.points.entries()].sort((a, b) => a[0] - b[0]);
  }
}

export interface SweepReportOptions {
  readonly scenario?: Scenario;
  /** Points in the grid (or in this shard), to say when some are missing. */
  readonly plannedPoints?: number;
  /** Free-text notes shown under the key facts (a shard, resumed points). */
  readonly notes?: readonly string[];
}

/** A metric's line and band at one point, clipped to its possible range (see charts.ts). */
function intervalBand(mean: number, lo: number, hi: number, unit: MetricUnit): Interval | null {
  return interval({ mean, ci95: Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null }, unit);
}

/** A paired difference at one point: negative values allowed, the mean alone without an interval. */
function differenceBand(mean: number, lo: number, hi: number): Interval | null {
  if (!Number.isFinite(mean)) return null;
  return Number.isFinite(lo) && Number.isFinite(hi) ? { mean, lo, hi } : { mean, lo: mean, hi: mean };
}

const valueText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

/** The HTML report of a sweep: a complete document, ending with a newline. */
export async function renderSweepReport(collector: SweepReportCollector, options: SweepReportOptions = {}): Promise<string> {
  const scenario = options.scenario;
  const name = oneLine(collector.scenarioName || scenario?.name || 'Sweep');
  const params = collector.parameters;
  const designs = collector.designs();
  const entries = collector.entries();
  const replications = entries.map(([, e]) => e.replications);
  const repText =
    replications.length === 0
      ? '–'
      : minOf(replications) === maxOf(replications)
        ? String(replications[0])
        : `${minOf(replications)}–${maxOf(replications)}`;
  const parts: string[] = [];
  parts.push(
    coverHeader(name, scenario?.description, [
      ['points', options.plannedPoints !== undefined && options.plannedPoints !== entries.length ? `${entries.length} of ${options.plannedPoints}` : String(entries.length)],
      ['designs', String(designs.length)],
      ['replications per point', repText],
      ['seed', String(collector.seed ?? scenario?.run.seed ?? '–')],
    ]),
  );

  const paramItems = params.map((p) => {
    const shown = p.values.slice(0, 12).map(valueText).join(', ');
    const more = p.values.length > 12 ? `, … (${p.values.length} values)` : '';
    return `<li><b>${escapeHtml(p.path)}</b>: ${escapeHtml(shown + more)}</li>`;
  });
  const assumptions = assumptionBullets({ scenario });
  parts.push(
    '<section id="assumptions"><h2>What was swept</h2>',
    paramItems.length > 0 ? `<ul class="assumptions">${paramItems.join('')}</ul>` : '<p>No swept parameter: a single point.</p>',
    ...(options.notes ?? []).map((note) => `<p class="note">${escapeHtml(note)}</p>`),
    '<h3>Key assumptions</h3>',
    `<ul class="assumptions">${[
      ...assumptions,
      'Every point uses the same random streams (common random numbers across points and designs), so curves are smooth and differences between neighbouring points are real.',
    ]
      .map((a) => `<li>${escapeHtml(a)}</li>`)
      .join('')}</ul>`,
    '</section>',
  );

  if (entries.length === 0 || designs.length === 0) {
    parts.push('<p>No point was run.</p>');
    return page({ title: `${name} — sweep report`, body: parts.join('\n') });
  }

  // x: the first parameter; panels: the combinations of the others.
  const first = params[0];
  const xOf = (values: readonly unknown[]): number | string => {
    const v = values[0];
    return typeof v === 'number' ? v : first === undefined ? 'all' : valueText(v);
  };
  const numeric = first !== undefined && entries.every(([, e]) => typeof e.values[0] === 'number');
  const panelOf = (values: readonly unknown[]): string =>
    params
      .slice(1)
      .map((p, k) => `${p.path} = ${valueText(values[k + 1])}`)
      .join(', ');
  const allPanels = [...new Set(entries.map(([, e]) => panelOf(e.values)))];
  let kept = entries;
  let panels = allPanels;
  let restriction = '';
  if (allPanels.length > MAX_PANELS) {
    const firstValues = params.slice(1).map((p) => p.values[0]);
    const wanted = panelOf([undefined, ...firstValues]);
    kept = entries.filter(([, e]) => panelOf(e.values) === wanted);
    panels = [wanted];
    restriction = `The grid has ${allPanels.length} combinations of the other parameters, too many to draw: the charts show only ${wanted}.`;
  }

  const [baseline = '', ...others] = designs;
  /** The charts of each metric, or of each other design's paired difference from the baseline. */
  const chartsOf = async (difference: boolean): Promise<string[]> => {
    const charts: string[] = [];
    const offset = difference ? 3 * collector.metrics.length : 0;
    for (const [m, metric] of collector.metrics.entries()) {
      const info = metricInfo(metric, DESIGN_METRICS);
      const rows: SweepSeriesRow[] = [];
      for (const [, entry] of kept) {
        for (const design of difference ? others : designs) {
          const figures = entry.designs.get(design);
          if (figures === undefined) continue;
          const at = offset + 3 * m;
          const iv = (difference ? differenceBand : intervalBand)(figures[at]!, figures[at + 1]!, figures[at + 2]!, info.unit);
          if (iv === null) continue;
          rows.push({ x: xOf(entry.values), design, panel: panelOf(entry.values), ...iv });
        }
      }
      // A difference that is 0 everywhere (the same callers in every design) draws nothing worth seeing.
      if (difference && rows.every((r) => r.mean === 0 && r.lo === 0 && r.hi === 0)) continue;
      const spec = sweepMetricSpec(info, first?.path ?? 'point', numeric, difference ? others : designs, panels, rows, difference ? { baseline } : undefined);
      if (spec === null) continue;
      const caption = difference
        ? `${escapeHtml(capitalise(info.description))}: each design minus ${escapeHtml(baseline)}, on the same callers. Line: mean paired difference; band: its 95% confidence interval; dashed: no difference.`
        : `${escapeHtml(capitalise(info.description))}. Line: mean; band: 95% confidence interval.`;
      const id = `sweep-${difference ? 'diff-' : ''}${metric}`;
      charts.push(`<figure class="chart-figure${panels.length > 1 ? ' span-all' : ''}">${await renderChart(spec, id)}<figcaption>${caption}</figcaption></figure>`);
    }
    return charts;
  };
  const charts = await chartsOf(false);
  const differences = others.length === 0 ? [] : await chartsOf(true);
  parts.push(
    `<section id="charts"><h2>Each metric against ${escapeHtml(first?.path ?? 'the point')}</h2>`,
    `<p class="note">One line per design${panels.length > 1 ? '; one small multiple per combination of the other parameters' : ''}.${restriction === '' ? '' : ` ${escapeHtml(restriction)}`}</p>`,
    charts.length > 0 ? `<div class="charts">${charts.join('')}</div>` : '<p>No charted metric has a value.</p>',
    '</section>',
    ...(others.length === 0
      ? []
      : [
          `<section id="differences"><h2>Difference from ${escapeHtml(baseline)}, point by point</h2>`,
          `<p class="note">Each design minus the baseline, ${escapeHtml(baseline)}, paired over the same replications at each point: where the band leaves the dashed line, the difference is real at 95%. The sweep’s output has it for every metric (<code>_diff_mean</code>, <code>_diff_lo</code>, <code>_diff_hi</code> in CSV; <code>diff</code> in JSON Lines).</p>`,
          differences.length > 0 ? `<div class="charts">${differences.join('')}</div>` : '<p>No charted metric differs from the baseline at any point.</p>',
          '</section>',
        ]),
    '<footer>Simulated with spoc-sim. Means ± half-widths of Student-t 95% confidence intervals over replications; the sweep’s CSV or JSON Lines output has every metric of every point.</footer>',
  );
  return page({ title: `${name} — sweep report`, body: parts.join('\n') });
}
