// The run's sections as HTML tables, the same sections as the terminal and Markdown reports
// (designs as columns, metrics as rows, `mean ± half-width`, and each design's paired
// difference from the baseline, bold where its 95% interval excludes 0), a share's label
// saying what it is a share of, the metric's meaning on hover (and in the report's list of
// definitions, for paper), and a team's name spanning its rows.
import { labelHeaders, sectionGroups, type Cell, type Column, type FlatSection, type Row, type Section } from '../sections.ts';
import { escapeHtml } from './escape.ts';
import { metricTerm } from './metric-term.ts';
import { designBlocks } from './design-blocks.ts';
import { designColour } from './render-chart.ts';
import type { DesignMetric } from '../../metrics/metric-catalogue.ts';

/** The metrics of the headline table, in this order (those the result has). */
export const HEADLINE_METRICS: readonly DesignMetric[] = [
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

function header(column: Column): string {
  switch (column.kind) {
    case 'design':
      return `<th scope="col" class="num">${swatch(column.index)}${escapeHtml(column.design)}${column.baseline ? '<br><span class="muted">baseline</span>' : ''}</th>`;
    case 'difference':
      return `<th scope="col" class="num diff">Δ ${escapeHtml(column.design)}</th>`;
    case 'metric':
      return `<th scope="col" class="num">${metricTerm(column.metric)}</th>`;
  }
}

function cell(value: Cell): string {
  const classes = value.kind === 'value' ? 'num' : `num diff${value.significant ? ' significant' : ''}`;
  return `<td class="${classes}">${escapeHtml(value.text)}</td>`;
}

/** The row's label, with the metric's meaning on hover. */
function rowLabel(row: Row): string {
  const title = row.metric === null ? '' : ` title="${escapeHtml(row.metric.description)}"`;
  const label = row.metric !== null && row.metric.label === row.label ? metricTerm(row.metric) : escapeHtml(row.label);
  return `<th scope="row"${title}>${label}</th>${row.cells.map(cell).join('')}`;
}

/**
 * A section as a table, or as several blocks of designs when it has many (see
 * design-blocks.ts): a group's first row starts it, its name spans its rows.
 */
export function sectionTables(section: Section): string {
  const blocks = designBlocks(section);
  if (blocks.length === 1) return `<div class="scroll">${sectionTable(section)}</div>`;
  return blocks.map((block) => `<div class="scroll block"><p class="block-title">${escapeHtml(block.title)}</p>${sectionTable(block)}</div>`).join('');
}

/** A section as one table: a group's first row starts it, its name spans its rows. */
export function sectionTable(section: Section): string {
  const labels = labelHeaders(section);
  const head = `<tr>${labels.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('')}${section.columns.map(header).join('')}</tr>`;
  const rows = sectionGroups(section).flatMap(({ name, rows: members }) =>
    members.map((row, i) => {
      if (name === null) return `<tr>${rowLabel(row)}</tr>`;
      const group = i === 0 ? `<th scope="rowgroup" rowspan="${members.length}">${escapeHtml(name)}</th>` : '';
      return `<tr${i === 0 ? ' class="group-start"' : ''}>${group}${rowLabel(row)}</tr>`;
    }),
  );
  return `<table class="figures"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The design section with the rows of `metrics` only, in that order (those it has). */
export function pickMetrics(section: FlatSection<'designs'>, metrics: readonly string[]): FlatSection<'designs'> {
  return { ...section, rows: metrics.flatMap((name) => section.rows.filter((row) => row.metric?.name === name)) };
}
