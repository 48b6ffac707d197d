// Vega-Lite specifications of the report's charts, built from the run's figures. Data are
// inlined in each spec (values, not URLs); intervals are the 95% confidence intervals of
// the results, clipped to the metric's possible range (waits, shares and counts are never
// negative, shares never above 100%).
import type { TopLevelSpec } from 'vega-lite';
import { maxOf } from '../../metrics/extremes.ts';
import type { MetricInfo, MetricUnit } from '../../metrics/metric-catalogue.ts';
import type { Estimate } from '../../metrics/results.ts';
import { formatValue } from '../format-number.ts';
import { designColour } from './render-chart.ts';

/** The axis number format (d3-format) and unit words of a metric's unit. */
export function axisFormat(unit: MetricUnit): { format: string; suffix: string } {
  switch (unit) {
    case 'share':
      return { format: '.0%', suffix: '' };
    case 'seconds':
      return { format: ',.0f', suffix: ' (seconds)' };
    case 'money':
      return { format: ',.2~f', suffix: '' };
    case 'ratio':
      return { format: ',.2~f', suffix: '' };
    case 'count':
    case 'hours':
      return { format: ',.0f', suffix: '' };
  }
}

export interface Interval {
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

/** Mean and interval of an estimate, clipped to the unit's range; null without a finite mean. */
export function interval(estimate: Estimate | undefined, unit: MetricUnit): Interval | null {
  if (estimate === undefined || !Number.isFinite(estimate.mean)) return null;
  const ci = estimate.ci95;
  let lo = ci !== null && Number.isFinite(ci[0]) ? ci[0] : estimate.mean;
  let hi = ci !== null && Number.isFinite(ci[1]) ? ci[1] : estimate.mean;
  lo = Math.max(0, lo);
  hi = Math.max(0, hi);
  if (unit === 'share') hi = Math.min(1, hi);
  return { mean: estimate.mean, lo, hi };
}

/** Legend symbols drawn opaque, whatever the opacity of the bands that share the scale. */
const SOLID_LEGEND = { symbolOpacity: 1, symbolType: 'stroke', symbolStrokeWidth: 3 } as const;

/** A legend of designs: below the chart for a few, as a column on the right for more. */
function designLegend(designs: readonly string[], base: object = {}): object {
  return designs.length > 3 ? { ...base, orient: 'right', direction: 'vertical' } : base;
}

/** Designs' colours by their place in the run; `first`: the place of the first given. */
function colourScale(designs: readonly string[], first = 0) {
  return { domain: [...designs], range: designs.map((_, i) => designColour(first + i)) };
}

/**
 * Horizontal bars of one metric, a bar per design with its 95% interval as a whisker and
 * its value written beside it. Null when no design has a value.
 */
export function metricBarSpec(
  info: MetricInfo,
  designs: readonly string[],
  estimateOf: (design: string) => Estimate | undefined,
): TopLevelSpec | null {
  const rows = designs.flatMap((design) => {
    const iv = interval(estimateOf(design), info.unit);
    return iv === null ? [] : [{ design, ...iv, label: formatValue(iv.mean, info.unit) }];
  });
  if (rows.length === 0) return null;
  const { format, suffix } = axisFormat(info.unit);
  const x = {
    type: 'quantitative' as const,
    scale: { zero: true, nice: true },
    axis: { format, title: null, tickCount: 4, grid: true },
  };
  const y = { field: 'design', type: 'nominal' as const, sort: [...designs], axis: { title: null, labelLimit: 230 } };
  return {
    title: info.label + suffix,
    width: 280,
    height: { step: 26 },
    data: { values: rows },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.62 }, cornerRadiusEnd: 2 },
        encoding: {
          x: { ...x, field: 'mean' },
          color: { field: 'design', type: 'nominal', scale: colourScale(designs), legend: null },
        },
      },
      {
        mark: { type: 'rule', color: '#222', strokeWidth: 1.3 },
        encoding: { x: { ...x, field: 'lo' }, x2: { field: 'hi' } },
      },
      {
        mark: { type: 'tick', color: '#222', thickness: 1.3, size: 9, orient: 'vertical' },
        encoding: { x: { ...x, field: 'lo' } },
      },
      {
        mark: { type: 'tick', color: '#222', thickness: 1.3, size: 9, orient: 'vertical' },
        encoding: { x: { ...x, field: 'hi' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 5, fontSize: 11, color: '#222' },
        encoding: { x: { ...x, field: 'hi' }, text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
}

/**
 * The distribution of waits: for each quantile level q, the wait in seconds not exceeded by
 * that share of queue entries, one line per design with its interval as a band.
 */
export function waitDistributionSpec(
  designs: readonly string[],
  quantilesOf: (design: string) => readonly { readonly q: number; readonly seconds: Estimate }[] | undefined,
): TopLevelSpec | null {
  const rows = designs.flatMap((design) =>
    (quantilesOf(design) ?? []).flatMap(({ q, seconds }) => {
      const iv = interval(seconds, 'seconds');
      return iv === null ? [] : [{ design, q, ...iv }];
    }),
  );
  if (rows.length === 0) return null;
  const color = { field: 'design', type: 'nominal', scale: colourScale(designs), title: null, sort: [...designs], legend: designLegend(designs, SOLID_LEGEND) };
  // Intervals of the highest quantiles can be very wide with few replications: the axis
  // follows the means, and bands are clipped at its end.
  const top = maxOf(rows.map((row) => row.mean), 1) * 1.15;
  const xScale = { domain: [0, top], nice: true };
  const y = { field: 'q', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', title: 'share waiting at most x' } };
  return {
    width: 640,
    height: 280,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'area', orient: 'horizontal', opacity: 0.16, clip: true },
        encoding: {
          y,
          x: { field: 'lo', type: 'quantitative', title: 'wait in queue (seconds)', scale: xScale },
          x2: { field: 'hi' },
          color,
        },
      },
      {
        mark: { type: 'line', point: { size: 28, filled: true }, strokeWidth: 2, interpolate: 'monotone' },
        encoding: {
          y,
          x: { field: 'mean', type: 'quantitative', title: 'wait in queue (seconds)', scale: xScale },
          order: { field: 'q', type: 'quantitative' },
          color,
        },
      },
    ],
  } as TopLevelSpec;
}

/** Occupancy of every team, bars grouped by team, one per design, with their intervals. */
export function occupancySpec(
  designs: readonly string[],
  teams: readonly string[],
  estimateOf: (design: string, team: string) => Estimate | undefined,
): TopLevelSpec | null {
  const rows = teams.flatMap((team) =>
    designs.flatMap((design) => {
      const iv = interval(estimateOf(design, team), 'share');
      return iv === null ? [] : [{ team, design, ...iv }];
    }),
  );
  if (rows.length === 0) return null;
  const x = { field: 'team', type: 'nominal', sort: [...teams], axis: { title: null, labelAngle: 0, labelLimit: 120 } };
  const xOffset = { field: 'design', type: 'nominal', sort: [...designs] };
  const yAxis = { type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', title: 'occupancy (busy / staffed time)' } };
  return {
    width: Math.min(designs.length > 3 ? 640 : 800, Math.max(320, teams.length * (designs.length * 30 + 24))),
    height: 240,
    data: { values: rows },
    encoding: { x, xOffset },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          y: { ...yAxis, field: 'mean' },
          color: { field: 'design', type: 'nominal', scale: colourScale(designs), title: null, sort: [...designs], legend: designLegend(designs) },
        },
      },
      {
        mark: { type: 'rule', color: '#222', strokeWidth: 1.2 },
        encoding: { y: { ...yAxis, field: 'lo' }, y2: { field: 'hi' } },
      },
    ],
  } as TopLevelSpec;
}

export interface SweepSeriesRow {
  /** The swept parameter's value: a number, or a label for other values. */
  readonly x: number | string;
  readonly design: string;
  /** Small-multiple panel (values of the other parameters), '' for none. */
  readonly panel: string;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

/**
 * One metric against the swept parameter: a line per design with its 95% interval as a band;
 * small multiples when rows carry panels. With `difference`, the rows are the paired
 * differences of the other designs from that baseline (which keep their run colours), drawn
 * with a dashed line at 0.
 */
export function sweepMetricSpec(
  info: MetricInfo,
  parameter: string,
  numeric: boolean,
  designs: readonly string[],
  panels: readonly string[],
  rows: readonly SweepSeriesRow[],
  difference?: { readonly baseline: string },
): TopLevelSpec | null {
  if (rows.length === 0) return null;
  const { format, suffix } = axisFormat(info.unit);
  const x = numeric
    ? { field: 'x', type: 'quantitative', scale: { zero: false, nice: false }, axis: { title: parameter, tickMinStep: 1e-9 } }
    : { field: 'x', type: 'ordinal', axis: { title: parameter, labelAngle: 0 } };
  const y = { type: 'quantitative', scale: { zero: false }, axis: { format, title: null } };
  const color = {
    field: 'design',
    type: 'nominal',
    scale: colourScale(designs, difference === undefined ? 0 : 1),
    title: null,
    sort: [...designs],
    legend: SOLID_LEGEND,
  };
  // One rule per chart (or panel), not one per row: the rows are counted into one first.
  const zero = {
    transform: [{ aggregate: [{ op: 'count', as: 'rows' }] }],
    mark: { type: 'rule', strokeDash: [4, 3], color: '#666' },
    encoding: { y: { datum: 0 } },
  };
  const layer = [
    ...(difference === undefined ? [] : [zero]),
    {
      mark: { type: 'area', opacity: 0.15 },
      encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
    },
    {
      mark: { type: 'line', point: { size: 22, filled: true }, strokeWidth: 2 },
      encoding: { x, y: { ...y, field: 'mean' }, color },
    },
  ];
  const title = difference === undefined ? info.label + suffix : `Δ ${info.label} vs ${difference.baseline}${suffix}`;
  if (panels.length <= 1) {
    return { title, width: 360, height: 180, data: { values: [...rows] }, layer } as TopLevelSpec;
  }
  return {
    title,
    data: { values: [...rows] },
    facet: { field: 'panel', type: 'ordinal', sort: [...panels], header: { title: null, labelFontSize: 11 } },
    columns: Math.min(4, panels.length),
    spec: { width: 190, height: 130, layer },
    resolve: { scale: { y: 'shared' } },
  } as TopLevelSpec;
}
