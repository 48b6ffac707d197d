// The run's comparison tables as HTML: the same content as the Markdown report (designs as
// columns, metrics as rows, `mean ± half-width`, and each design's paired difference from
// the baseline, bold where its 95% interval excludes 0), with the metric's meaning on hover.
import type { MetricInfo } from '../../metrics/metric-catalogue.ts';
import type { RunResult } from '../../metrics/results.ts';
import { formatDifferenceEstimate, formatEstimate, isSignificant } from '../format-number.ts';
import {
  DESIGN_METRICS,
  TEAM_METRICS,
  TEAM_REPORT_METRICS,
  comparisonLookup,
  designNames,
  groupNames,
  lookup,
  metricInfo,
  orderedMetricNames,
} from '../metric-order.ts';
import { escapeHtml } from './escape.ts';
import { designColour } from './render-chart.ts';

/** The metrics of the headline table, in this order (those the result has). */
export const HEADLINE_METRICS: readonly string[] = [
  'serviceLevel',
  'waitMean',
  'asa',
  'abandonRate',
  'transfersPerCall',
  'misroutedShare',
  'fcr',
  'resolvedShare',
  'contactsPerIssue',
  'costPerResolved',
  'agentHours',
];

function swatch(index: number): string {
  return `<span class="swatch" style="background:${designColour(index)}"></span>`;
}

function designHeaders(designs: readonly string[]): string {
  return designs
    .map(
      (design, i) =>
        `<th scope="col" class="num">${swatch(i)}${escapeHtml(design)}${i === 0 && designs.length > 1 ? '<br><span class="muted">baseline</span>' : ''}</th>`,
    )
    .join('');
}

/**
 * Designs side by side for `metrics` (all the result's design metrics when omitted), with a
 * Δ column per design after the baseline.
 */
export function designTable(result: RunResult, metrics?: readonly string[]): string {
  const designs = designNames(result);
  const baseline = designs[0] ?? '';
  const diff = comparisonLookup(result, baseline);
  const present = orderedMetricNames(
    designs.map((design) => lookup(result.designs, design)?.metrics),
    DESIGN_METRICS,
  );
  const names = metrics === undefined ? present : metrics.filter((name) => present.includes(name));
  const infos = names.map((name) => metricInfo(name, DESIGN_METRICS));
  const others = designs.slice(1);
  const head =
    `<tr><th scope="col">Metric</th>${designHeaders(designs)}` +
    others.map((design) => `<th scope="col" class="num diff">Δ ${escapeHtml(design)}</th>`).join('') +
    '</tr>';
  const rows = infos.map((info) => metricRow(result, designs, others, info, diff));
  return `<table class="figures"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function metricRow(
  result: RunResult,
  designs: readonly string[],
  others: readonly string[],
  info: MetricInfo,
  diff: ReturnType<typeof comparisonLookup>,
): string {
  const cells = designs
    .map((design) => `<td class="num">${escapeHtml(formatEstimate(lookup(lookup(result.designs, design)?.metrics, info.name), info.unit))}</td>`)
    .join('');
  const diffs = others
    .map((design) => {
      const estimate = diff(design, info.name);
      const text = formatDifferenceEstimate(estimate, info.unit);
      return `<td class="num diff${isSignificant(estimate) ? ' significant' : ''}">${escapeHtml(text)}</td>`;
    })
    .join('');
  return `<tr><th scope="row" title="${escapeHtml(info.description)}">${escapeHtml(info.label)}</th>${cells}${diffs}</tr>`;
}

/** Per team: occupancy, mean wait and abandonment of each design (null without teams). */
export function teamTable(result: RunResult): string | null {
  const designs = designNames(result);
  const rows: string[] = [];
  for (const team of groupNames(result, 'byTeam')) {
    const tables = designs.map((design) => lookup(lookup(result.designs, design)?.byTeam, team));
    const present = new Set(orderedMetricNames(tables, TEAM_METRICS));
    const infos = TEAM_REPORT_METRICS.filter((name) => present.has(name)).map((name) => metricInfo(name, TEAM_METRICS));
    infos.forEach((info, i) => {
      const groupCell = i === 0 ? `<th scope="rowgroup" rowspan="${infos.length}">${escapeHtml(team)}</th>` : '';
      const cells = tables.map((table) => `<td class="num">${escapeHtml(formatEstimate(lookup(table, info.name), info.unit))}</td>`).join('');
      rows.push(`<tr${i === 0 ? ' class="group-start"' : ''}>${groupCell}<th scope="row" title="${escapeHtml(info.description)}">${escapeHtml(info.label)}</th>${cells}</tr>`);
    });
  }
  if (rows.length === 0) return null;
  const head = `<tr><th scope="col">Team</th><th scope="col">Metric</th>${designHeaders(designs)}</tr>`;
  return `<table class="figures"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
