// `spoc run FILE --report report.html`: the run as one self-contained HTML page for readers
// who were not there: the question, the verdict per key figure, what was simulated (demand,
// intents, teams, designs), the key assumptions, the designs side by side, charts of the
// figures that differ with their 95% intervals, the day interval by interval, the
// distribution of waits, team occupancy, figures by intent, where calls go in each design,
// what each figure means and where the figures come from. It prints on A4 in landscape
// with nothing folded away.
import { flowNodeLabel } from '../../metrics/flow-node.ts';
import type { Flow, RunResult } from '../../metrics/results.ts';
import type { Scenario } from '../../scenario/model.ts';
import { assumptionBullets } from '../assumptions.ts';
import { unmetPrecisionNotes } from '../precision-note.ts';
import { formatEstimate } from '../format-number.ts';
import { DESIGN_METRICS, groupNames, lookup, metricInfo, oneLine, replicationsText } from '../metric-order.ts';
import { runSections, sectionOf, type RunSections } from '../sections.ts';
import { metricBarSpec, occupancySpec, waitDistributionSpec } from './charts.ts';
import { varies } from './chart-worthy.ts';
import { escapeHtml } from './escape.ts';
import { flowDiagram } from './flow-diagram.ts';
import { glossarySection } from './glossary.ts';
import { headlineSection } from './headline-section.ts';
import { inputsSection } from './inputs-section.ts';
import { capitalise, metricTermText } from './metric-term.ts';
import { page } from './page.ts';
import { provenanceSection } from './provenance-section.ts';
import { designColour as colourOf, renderChart } from './render-chart.ts';
import { HEADLINE_METRICS, pickMetrics, sectionTables } from './tables.ts';
import { timeOfDaySection } from './time-of-day.ts';
import { transferMatrix } from './transfer-matrix.ts';
import type { DesignMetric } from '../../metrics/metric-catalogue.ts';

export { capitalise } from './metric-term.ts';

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
  /** Add the figures per intent (`--by-intent`; default false). */
  readonly byIntent?: boolean;
  /** The day of the report, shown in UTC (the command gives SOURCE_DATE_EPOCH's when set); none when absent. */
  readonly date?: Date;
}

const figure = (svg: string, caption: string, wide = false): string =>
  `<figure class="chart-figure${wide ? ' wide' : ''}">${svg}<figcaption>${caption}</figcaption></figure>`;

/** The HTML report of a run: a complete document, ending with a newline. */
export async function renderRunReport(result: RunResult, options: RunReportOptions = {}): Promise<string> {
  const model = runSections(result, { byIntent: options.byIntent === true });
  const designs = model.designs;
  const scenario = options.scenario;
  const name = oneLine(result.scenario) || 'Scenario';
  const parts: string[] = [];

  parts.push(coverHeader(name, scenario?.description, [
    ['designs', String(designs.length)],
    [result.replications === 1 ? 'replication' : 'replications', String(result.replications)],
    ['seed', String(result.seed)],
    ...(model.baseline !== null ? [['baseline', model.baseline] as [string, string]] : []),
    ...(options.date !== undefined ? [['date', options.date.toISOString().slice(0, 10)] as [string, string]] : []),
  ]));
  for (const note of unmetPrecisionNotes(result)) parts.push(`<p class="warning">${escapeHtml(note)}</p>`);
  parts.push(headlineSection(result));
  if (scenario !== undefined) parts.push(inputsSection(scenario, designs));

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
    '<p class="note">Headline figures; every metric is defined under “What the figures mean”. A share says what it is a share of: abandonment counts queue entries, as a caller transferred joins a second queue.</p>',
    sectionTables(pickMetrics(figures, HEADLINE_METRICS)),
    `<details><summary>All metrics</summary>${sectionTables(figures)}</details>`,
    '</section>',
  );

  const charts: string[] = [];
  const constant: string[] = [];
  for (const metric of CHARTED_METRICS) {
    const info = metricInfo(metric, DESIGN_METRICS);
    const estimateOf = (design: string) => lookup(lookup(result.designs, design)?.metrics, metric);
    const spec = metricBarSpec({ ...info, label: metricTermText(info) }, designs, estimateOf);
    if (spec === null) continue;
    if (!varies(designs.map(estimateOf))) {
      constant.push(info.label);
      continue;
    }
    charts.push(figure(await renderChart(spec, `metric-${metric}`), `${escapeHtml(capitalise(info.description))}. Bar: mean; whisker: 95% confidence interval.`));
  }
  if (charts.length > 0 || constant.length > 0) {
    parts.push(
      '<section id="charts"><h2>Key figures</h2>',
      charts.length > 0 ? `<div class="charts">${charts.join('')}</div>` : '',
      constant.length > 0 ? `<p class="note">Not charted, being the same for every design: ${escapeHtml(constant.join(', '))}.</p>` : '',
      '</section>',
    );
  }
  parts.push(await timeOfDaySection(result));

  const waitsOf = (design: string) => lookup(result.designs, design)?.waitDistribution;
  const waits = waitDistributionSpec(designs, waitsOf);
  if (waits !== null && varies(designs.flatMap((design) => (waitsOf(design) ?? []).map((q) => q.seconds)))) {
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
    if (teamFigures !== undefined) parts.push(`<details><summary>Teams: occupancy, waits and abandonment</summary>${sectionTables(teamFigures)}</details>`);
    parts.push('</section>');
  }

  const perInterval = model.sections.filter((section) => section.kind === 'intervals');
  if (perInterval.length > 0) {
    parts.push(
      '<section id="intervals"><h2>Per interval</h2>',
      `<p class="note">${escapeHtml('Each design interval by interval; the last row, after, holds what joined a queue while the run drained past its end.')}</p>`,
      ...perInterval.map((section) => `<details><summary>${escapeHtml(section.title)}</summary>${sectionTables(section)}</details>`),
      '</section>',
    );
  }

  const intents = sectionOf(model.sections, 'intents');
  if (intents !== undefined) {
    parts.push(
      '<section id="intents"><h2>By intent</h2>',
      '<p class="note">The design metrics of the issues of each intent and all their calls.</p>',
      sectionTables(intents),
      '</section>',
    );
  }

  const flows = designs.filter((design) => (lookup(result.designs, design)?.flows ?? []).length > 0);
  if (flows.length > 0) {
    parts.push(
      '<section id="flows"><h2>Where calls go</h2>',
      '<p class="note">Calls per replication (means), from the number dialled through the IVR and the teams to how each call ended; every link is as wide as its volume. Orange loops are transfers between teams, drawn from the sending team’s right side into the receiving team’s left side; with many teams, short orange arrows out of and into each team, and the table under the diagram gives the transfers team by team. A caller who calls again is counted once per call, so the percentages of how calls ended are shares of calls (the tables’ abandonment is a share of queue entries).</p>',
      flowLegend(),
    );
    flows.forEach((design, i) => {
      const value = lookup(result.designs, design)!;
      const index = designs.indexOf(design);
      parts.push(
        `<h3><span class="swatch" style="background:${colourOf(index)}"></span>${escapeHtml(design)}</h3>`,
        `<figure class="chart-figure flow-figure">${flowDiagram(design, value, `flow-${i}`)}</figure>`,
        transferMatrix(value),
        flowTable(value.flows ?? []),
      );
    });
    parts.push('</section>');
  }

  parts.push(glossarySection(model.sections), provenanceSection(result, scenario, options.date));
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
