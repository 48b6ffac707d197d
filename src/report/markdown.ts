// The run as GitHub-flavoured Markdown: a `##` title, a line on how to read the figures,
// optional assumptions as bullets, then the design-metrics table, the team table, one
// table per design of its figures per interval of the day (runs with `--interval`: means
// only, rows `09:00–09:30`, see interval-label.ts) and, on request, the per-intent table.
// Pastes cleanly into a wiki.
import type { MetricInfo } from '../metrics/metric-catalogue.ts';
import type { MetricTable, RunResult } from '../metrics/results.ts';
import type { Scenario } from '../scenario/model.ts';
import { scenarioAssumptions } from './assumptions.ts';
import { formatDifferenceEstimate, formatEstimate, formatMean } from './format-number.ts';
import { hasIntervals, resultClock, type IntervalClock } from './interval-label.ts';
import {
  DESIGN_METRICS,
  INTENT_METRICS,
  INTERVAL_METRICS,
  TEAM_METRICS,
  TEAM_REPORT_METRICS,
  comparisonLookup,
  designNames,
  groupNames,
  lookup,
  metricInfo,
  oneLine,
  orderedMetricNames,
  replicationsText,
} from './metric-order.ts';

export interface MarkdownOptions {
  /** Add a table of design metrics per intent (default false). */
  readonly byIntent?: boolean;
  /** Bullets shown above the tables (default: derived from `scenario`, if given). */
  readonly assumptions?: readonly string[];
  /** The scenario run, from which default assumptions are derived. */
  readonly scenario?: Scenario;
}

/** Text made safe for a table cell or a heading: inline markup and pipes escaped. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|#~]/g, (ch) => `\\${ch}`);
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: readonly string[], align: readonly ('left' | 'right')[], rows: readonly string[][]): string[] {
  return [
    row(header),
    row(align.map((side) => (side === 'left' ? ':---' : '---:'))),
    ...rows.map((cells) => row(cells)),
  ];
}

function designHeader(design: string, index: number, count: number): string {
  return escapeMarkdown(design) + (index === 0 && count > 1 ? ' (baseline)' : '');
}

function designTable(result: RunResult): string[] {
  const designs = designNames(result);
  const baseline = designs[0] ?? '';
  const diff = comparisonLookup(result, baseline);
  const infos = orderedMetricNames(
    designs.map((design) => lookup(result.designs, design)?.metrics),
    DESIGN_METRICS,
  ).map((name) => metricInfo(name, DESIGN_METRICS));
  const others = designs.slice(1);
  const header = [
    'Metric',
    ...designs.map((design, i) => designHeader(design, i, designs.length)),
    ...others.map((design) => `Δ ${escapeMarkdown(design)} vs ${escapeMarkdown(baseline)}`),
  ];
  const align = header.map((_, i): 'left' | 'right' => (i === 0 ? 'left' : 'right'));
  const rows = infos.map((info) => [
    escapeMarkdown(info.label),
    ...designs.map((design) => formatEstimate(lookup(lookup(result.designs, design)?.metrics, info.name), info.unit)),
    ...others.map((design) => escapeMarkdown(formatDifferenceEstimate(diff(design, info.name), info.unit))),
  ]);
  return table(header, align, rows);
}

function groupTable(
  result: RunResult,
  scope: 'byIntent' | 'byTeam',
  groupTitle: string,
  metricsOf: (tables: readonly (MetricTable | undefined)[]) => MetricInfo[],
): string[] | null {
  const designs = designNames(result);
  const rows: string[][] = [];
  for (const group of groupNames(result, scope)) {
    const tables = designs.map((design) => lookup<MetricTable>(lookup(result.designs, design)?.[scope], group));
    metricsOf(tables).forEach((info, i) => {
      rows.push([
        i === 0 ? escapeMarkdown(group) : '',
        escapeMarkdown(info.label),
        ...tables.map((metrics) => formatEstimate(lookup(metrics, info.name), info.unit)),
      ]);
    });
  }
  if (rows.length === 0) return null;
  const header = [groupTitle, 'Metric', ...designs.map((design, i) => designHeader(design, i, designs.length))];
  const align = header.map((_, i): 'left' | 'right' => (i < 2 ? 'left' : 'right'));
  return table(header, align, rows);
}

function teamTable(result: RunResult): string[] | null {
  return groupTable(result, 'byTeam', 'Team', (tables) => {
    const present = new Set(orderedMetricNames(tables, TEAM_METRICS));
    return TEAM_REPORT_METRICS.filter((name) => present.has(name)).map((name) => metricInfo(name, TEAM_METRICS));
  });
}

function intentTable(result: RunResult): string[] | null {
  return groupTable(result, 'byIntent', 'Intent', (tables) =>
    orderedMetricNames(tables, INTENT_METRICS).map((name) => metricInfo(name, INTENT_METRICS)),
  );
}

/** A `### Per interval — <design>` heading and table for each design with intervals. */
function intervalTables(result: RunResult, clock: IntervalClock): string[] {
  const lines: string[] = [];
  for (const design of designNames(result)) {
    const intervals = lookup(result.designs, design)?.byInterval ?? [];
    const infos = orderedMetricNames(
      intervals.map((interval) => interval.metrics),
      INTERVAL_METRICS,
    ).map((name) => metricInfo(name, INTERVAL_METRICS));
    if (intervals.length === 0 || infos.length === 0) continue;
    const header = ['Interval', ...infos.map((info) => escapeMarkdown(info.label))];
    const align = header.map((_, i): 'left' | 'right' => (i === 0 ? 'left' : 'right'));
    const rows = intervals.map((interval) => [
      clock.span(interval),
      ...infos.map((info) => formatMean(lookup(interval.metrics, info.name), info.unit)),
    ]);
    lines.push('', `### Per interval — ${escapeMarkdown(design)}`, '', ...table(header, align, rows));
  }
  return lines;
}

/** The whole run as GitHub-flavoured Markdown, ending in a newline. */
export function formatMarkdown(result: RunResult, options: MarkdownOptions = {}): string {
  const designs = designNames(result);
  const lines: string[] = [`## ${escapeMarkdown(result.scenario)}`, ''];
  let reading = `${replicationsText(result.replications)}, seed ${result.seed}. Figures are means over replications ± the half-width of their 95% confidence interval.`;
  if (designs.length > 1) {
    reading += ` Δ is the paired difference against the baseline, ${escapeMarkdown(designs[0] ?? '')}; \\* marks a difference whose 95% confidence interval excludes 0.`;
  }
  const intervals = hasIntervals(result);
  if (intervals) {
    reading += ' Per-interval tables show means only, at times counted from the start of the run at 00:00.';
  }
  lines.push(reading, '');
  const assumptions =
    options.assumptions ?? (options.scenario !== undefined ? scenarioAssumptions(options.scenario) : []);
  const bullets = assumptions.map(oneLine).filter((text) => text !== '');
  if (bullets.length > 0) lines.push(...bullets.map((text) => `- ${text}`), '');
  if (designs.length === 0) {
    lines.push('No designs.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('### Design metrics', '', ...designTable(result));
  const teams = teamTable(result);
  if (teams !== null) lines.push('', '### Teams', '', ...teams);
  if (intervals) lines.push(...intervalTables(result, resultClock(result)));
  if (options.byIntent) {
    const intents = intentTable(result);
    if (intents !== null) lines.push('', '### By intent', '', ...intents);
  }
  return `${lines.join('\n')}\n`;
}
