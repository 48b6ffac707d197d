// `spoc run FILE --report report.html`: the run as one self-contained HTML page for readers
// who were not there: the question, the key assumptions, the designs side by side, charts
// of the headline figures with their 95% intervals, the distribution of waits, team
// occupancy and where calls go in each design.
import { flowNodeLabel } from '../../metrics/flow-node.ts';
import type { Flow, RunResult } from '../../metrics/results.ts';
import type { Scenario } from '../../scenario/model.ts';
import { assumptionBullets } from '../assumptions.ts';
import { formatEstimate } from '../format-number.ts';
import { DESIGN_METRICS, groupNames, lookup, metricInfo, oneLine, replicationsText } from '../metric-order.ts';
import { runSections, sectionOf, type RunSections } from '../sections.ts';
import { metricBarSpec, occupancySpec, waitDistributionSpec } from './charts.ts';
import { escapeHtml } from './escape.ts';
import { flowDiagram } from './flow-diagram.ts';
import { page } from './page.ts';
import { designColour as colourOf, renderChart } from './render-chart.ts';
import { HEADLINE_METRICS, pickMetrics, sectionTable } from './tables.ts';
import type { DesignMetric } from '../../metrics/metric-catalogue.ts';

/** Metrics charted design against design, in this order (skipped when no design has a value). */
export const CHARTED_METRICS: readonly DesignMetric[] = [
  'serviceLevel',
  'waitMean',
  'asa',
  'abandonRate',
  'transfersPerCall',
  'fcr',
  'contactsPerIssue',
  'costPerResolved',
];

export interface RunReportOptions {
  /** The scenario run: its description and key assumptions head the report. */
  readonly scenario?: Scenario;
  /** Bullets of key assumptions (default: derived from `scenario`). */
  readonly assumptions?: readonly string[];
}

const figure = (svg: string, caption: string, wide = false): string =>
  `<figure class="chart-figure${wide ? ' wide' : ''}">${svg}<figcaption>${caption}</figcaption></figure>`;

/** The HTML report of a run: a complete document, ending with a newline. */
export async function renderRunReport(result: RunResult, options: RunReportOptions = {}): Promise<string> {
  const model = runSections(result);
  const designs = model.designs;
  const scenario = options.scenario;
  const name = oneLine(result.scenario) || 'Scenario';
  const parts: string[] = [];

  parts.push(coverHeader(name, scenario?.description, [
    ['designs', String(designs.length)],
    [result.replications === 1 ? 'replication' : 'replications', String(result.replications)],
    ['seed', String(result.seed)],
    ...(model.baseline !== null ? [['baseline', model.baseline] as [string, string]] : []),
  ]));

  const assumptions = assumptionBullets({ ...options, designs: Object.keys(result.designs) });
  parts.push(
    '<section id="assumptions"><h2>Key assumptions</h2>',
    assumptions.length > 0 ? `<ul class="assumptions">${assumptions.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>` : '',
    `<p class="note">${escapeHtml(readingNote(model))}</p></section>`,
  );

  const figures = sectionOf(model.sections, 'designs');
  if (figures === undefined) {
    parts.push('<p>No designs.</p>');
    return page({ title: name, body: parts.join('\n') });
  }

  parts.push(
    '<section id="comparison"><h2>The designs side by side</h2>',
    '<p class="note">Headline figures. Hover over a metric for its definition.</p>',
    `<div class="scroll">${sectionTable(pickMetrics(figures, HEADLINE_METRICS))}</div>`,
    `<details><summary>All metrics</summary><div class="scroll">${sectionTable(figures)}</div></details>`,
    '</section>',
  );

  const charts: string[] = [];
  for (const metric of CHARTED_METRICS) {
    const info = metricInfo(metric, DESIGN_METRICS);
    const spec = metricBarSpec(info, designs, (design) => lookup(lookup(result.designs, design)?.metrics, metric));
    if (spec === null) continue;
    charts.push(figure(await renderChart(spec, `metric-${metric}`), `${escapeHtml(capitalise(info.description))}. Bar: mean; whisker: 95% confidence interval.`));
  }
  if (charts.length > 0) {
    parts.push('<section id="charts"><h2>Key figures</h2>', `<div class="charts">${charts.join('')}</div></section>`);
  }

  const waits = waitDistributionSpec(designs, (design) => lookup(result.designs, design)?.waitDistribution);
  if (waits !== null) {
    parts.push(
      '<section id="waits"><h2>How long callers wait</h2>',
      '<p class="note">For each share of queue entries (vertical axis), the wait that share did not exceed: the further left and higher a line, the shorter the waits. Entries answered at once sit at 0 s. Bands: 95% confidence intervals, cut at the right edge of the chart.</p>',
      figure(await renderChart(waits, 'wait-distribution'), 'Quantiles of the time in queue per queue entry, 5% to 99%.', true),
      '</section>',
    );
  }

  const teams = groupNames(result, 'byTeam');
  const occupancy = occupancySpec(designs, teams, (design, team) =>
    lookup(lookup(lookup(result.designs, design)?.byTeam, team), 'occupancy'),
  );
  const teamFigures = sectionOf(model.sections, 'teams');
  if (occupancy !== null || teamFigures !== undefined) {
    parts.push('<section id="teams"><h2>Team occupancy</h2>');
    parts.push('<p class="note">Share of the staffed time agents spent busy, per team and design; a team a design does not have has no bar.</p>');
    if (occupancy !== null) {
      parts.push(figure(await renderChart(occupancy, 'occupancy'), 'Bars: mean occupancy; whiskers: 95% confidence interval.', true));
    }
    if (teamFigures !== undefined) parts.push(`<details><summary>Teams: occupancy, waits and abandonment</summary><div class="scroll">${sectionTable(teamFigures)}</div></details>`);
    parts.push('</section>');
  }

  const flows = designs.filter((design) => (lookup(result.designs, design)?.flows ?? []).length > 0);
  if (flows.length > 0) {
    parts.push(
      '<section id="flows"><h2>Where calls go</h2>',
      '<p class="note">Calls per replication (means), from the number dialled through the IVR and the teams to how each call ended; every link is as wide as its volume. Orange loops are transfers between teams, drawn from the sending team’s right side into the receiving team’s left side. A caller who calls again is counted once per call.</p>',
      flowLegend(),
    );
    flows.forEach((design, i) => {
      const value = lookup(result.designs, design)!;
      const index = designs.indexOf(design);
      parts.push(
        `<h3><span class="swatch" style="background:${colourOf(index)}"></span>${escapeHtml(design)}</h3>`,
        `<figure class="chart-figure flow-figure">${flowDiagram(design, value, `flow-${i}`)}</figure>`,
        flowTable(value.flows ?? []),
      );
    });
    parts.push('</section>');
  }

  parts.push(
    `<footer>Simulated with spoc-sim: ${escapeHtml(replicationsText(result.replications))} of every design on the same callers (common random numbers), seed ${result.seed}. Means ± half-widths of Student-t 95% confidence intervals over replications; the same file and seed give the same figures. ${escapeHtml(model.provenance)}</footer>`,
  );
  return page({ title: `${name} — simulation report`, body: parts.join('\n') });
}

/** The title block: kicker, scenario name, its question, and run facts. */
export function coverHeader(name: string, description: string | undefined, facts: readonly (readonly [string, string])[]): string {
  const lede = description === undefined || oneLine(description) === '' ? '' : `<p class="lede">${escapeHtml(oneLine(description))}</p>`;
  const meta = facts.map(([label, value]) => `<li>${escapeHtml(label)} <b>${escapeHtml(value)}</b></li>`).join('');
  return `<header class="cover"><p class="kicker">Contact-centre routing · simulation report</p><h1>${escapeHtml(name)}</h1>${lede}<ul class="meta">${meta}</ul></header>`;
}

/** `text` with its first letter in upper case (a metric's description as a caption). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function readingNote(model: RunSections): string {
  if (model.baseline === null) return model.reading;
  return `${model.reading} Δ is the paired difference against the baseline, ${model.baseline}; in bold with * where its 95% confidence interval excludes 0.`;
}

function flowLegend(): string {
  const item = (colour: string, text: string): string => `<li><span class="key" style="background:${colour}"></span>${escapeHtml(text)}</li>`;
  return `<ul class="legend">${[
    item('#5b7fa6', 'calls reaching the IVR or a team'),
    item('#d9822b', 'transfers between teams'),
    item('#2e8b57', 'resolved'),
    item('#d4a017', 'unresolved'),
    item('#c0392b', 'abandoned'),
  ].join('')}</ul>`;
}

function flowTable(flows: readonly Flow[]): string {
  const rows = flows
    .map(
      (flow) =>
        `<tr><td>${escapeHtml(flowNodeLabel(flow.from))}</td><td>${escapeHtml(flowNodeLabel(flow.to))}</td><td class="num">${escapeHtml(formatEstimate(flow.calls, 'count'))}</td></tr>`,
    )
    .join('');
  return `<details><summary>Calls along each link</summary><div class="scroll"><table class="figures"><thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col" class="num">Calls per replication</th></tr></thead><tbody>${rows}</tbody></table></div></details>`;
}
