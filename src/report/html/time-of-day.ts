// The time-of-day charts of a run with `--interval`: service level, abandonment and
// occupancy interval by interval, a line per design with its 95% interval as a band, so
// the peak hours show. The drain after the horizon (`after`) is left out: it is no time of day.
import type { TopLevelSpec } from 'vega-lite';
import { INTERVAL_METRICS, type IntervalMetric, type MetricInfo } from '../../metrics/metric-catalogue.ts';
import type { RunResult } from '../../metrics/results.ts';
import { hasIntervals, resultClock } from '../interval-label.ts';
import { designNames, lookup, metricInfo } from '../metric-order.ts';
import { axisFormat, interval } from './charts.ts';
import { varies } from './chart-worthy.ts';
import { escapeHtml } from './escape.ts';
import { capitalise, metricTermText } from './metric-term.ts';
import { designColour, renderChart } from './render-chart.ts';

/** Interval metrics charted against the time of day, in this order. */
export const TIME_OF_DAY_METRICS: readonly IntervalMetric[] = ['serviceLevel', 'abandonRate', 'occupancy'];

interface Point {
  readonly design: string;
  /** The interval's name as the tables write it (`09:30`, `Tue 09:30`). */
  readonly time: string;
  /** Position in time order, for the axis order. */
  readonly order: number;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

/** Points of one metric: a point per (design, interval of the day) with a value. */
function points(result: RunResult, metric: IntervalMetric): { points: Point[]; varying: boolean } {
  const clock = resultClock(result);
  const estimates = designNames(result).flatMap((design) =>
    (lookup(result.designs, design)?.byInterval ?? [])
      .filter((row) => row.end !== null)
      .map((row, order) => ({ design, time: clock.name(row), order, estimate: row.metrics[metric] })),
  );
  const out = estimates.flatMap(({ design, time, order, estimate }) => {
    const iv = interval(estimate, 'share');
    return iv === null ? [] : [{ design, time, order, ...iv }];
  });
  return { points: out, varying: varies(estimates.map((e) => e.estimate)) };
}

/** A line per design over the intervals, its interval as a band. */
export function timeOfDaySpec(info: MetricInfo, designs: readonly string[], rows: readonly Point[]): TopLevelSpec {
  const times = [...new Map(rows.map((row) => [row.order, row.time])).entries()].sort((a, b) => a[0] - b[0]).map(([, time]) => time);
  const { format } = axisFormat(info.unit);
  const x = { field: 'time', type: 'ordinal', sort: times, axis: { title: null, labelAngle: times.length > 12 ? -45 : 0, labelOverlap: true } };
  const y = { type: 'quantitative', scale: { domain: [0, 1] }, axis: { format, title: null } };
  const color = {
    field: 'design',
    type: 'nominal',
    scale: { domain: [...designs], range: designs.map((_, i) => designColour(i)) },
    title: null,
    sort: [...designs],
    legend: { symbolOpacity: 1, symbolType: 'stroke', symbolStrokeWidth: 3, ...(designs.length > 3 ? { orient: 'right', direction: 'vertical' } : {}) },
  };
  return {
    title: metricTermText(info),
    width: Math.min(900, Math.max(640, times.length * 18)),
    height: 200,
    data: { values: [...rows] },
    layer: [
      { mark: { type: 'area', opacity: 0.15 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } },
      { mark: { type: 'line', strokeWidth: 2, point: times.length <= 48 ? { size: 20, filled: true } : false }, encoding: { x, y: { ...y, field: 'mean' }, color } },
    ],
  } as TopLevelSpec;
}

/** The section of time-of-day charts, or '' for a run without intervals (or nothing varying). */
export async function timeOfDaySection(result: RunResult): Promise<string> {
  if (!hasIntervals(result)) return '';
  const designs = designNames(result);
  const figures: string[] = [];
  const constant: string[] = [];
  for (const metric of TIME_OF_DAY_METRICS) {
    const info = metricInfo(metric, INTERVAL_METRICS);
    const { points: rows, varying } = points(result, metric);
    if (rows.length === 0) continue;
    if (!varying) {
      constant.push(`${metricTermText(info)} is ${rows[0]!.mean === 0 ? '0' : 'the same'} in every interval of every design`);
      continue;
    }
    const svg = await renderChart(timeOfDaySpec(info, designs, rows), `interval-${metric}`);
    figures.push(`<figure class="chart-figure wide">${svg}<figcaption>${escapeHtml(capitalise(info.description))}. Line: mean; band: 95% confidence interval.</figcaption></figure>`);
  }
  if (figures.length === 0 && constant.length === 0) return '';
  return [
    '<section id="time-of-day"><h2>Through the day</h2>',
    '<p class="note">Interval by interval, as in the tables per interval below (each interval counts the queue entries that joined in it; the drain after the end is not drawn).</p>',
    ...figures,
    constant.length === 0 ? '' : `<p class="note">Not charted: ${escapeHtml(constant.join('; '))}.</p>`,
    '</section>',
  ].join('\n');
}
