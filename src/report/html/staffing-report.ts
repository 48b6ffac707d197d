// `spoc staff FILE --report report.html`: the staffing answer as one self-contained page:
// the targets, per design the agents per team (per interval for per-interval staffing) and
// the targets checked, bars of each design's agent-hours and staffed cost with their 95%
// intervals, and the comparison at equal service.
import type { StaffingResult } from '../../experiment/staffing/staff-designs.ts';
import { DESIGN_METRICS } from '../../metrics/metric-catalogue.ts';
import type { Scenario } from '../../scenario/model.ts';
import { metricInfo, oneLine } from '../metric-order.ts';
import { provenanceText } from '../sections.ts';
import { staffingSections, type StaffingTable } from '../staffing-sections.ts';
import { metricBarSpec } from './charts.ts';
import { escapeHtml } from './escape.ts';
import { page } from './page.ts';
import { renderChart } from './render-chart.ts';
import { capitalise, coverHeader } from './run-report.ts';

export interface StaffingReportOptions {
  /** The scenario staffed: its description heads the report. */
  readonly scenario?: Scenario;
}

/** The HTML report of a staffing search: a complete document, ending with a newline. */
export async function renderStaffingReport(result: StaffingResult, options: StaffingReportOptions = {}): Promise<string> {
  const name = oneLine(result.run.scenario) || 'Scenario';
  const designs = result.designs.map((d) => d.design);
  const parts: string[] = [
    coverHeader(name, options.scenario?.description, [
      ['designs', String(designs.length)],
      ['replications per candidate', String(result.run.replications)],
      ['seed', String(result.run.seed)],
      ['candidates simulated', String(result.candidates)],
    ]),
  ];
  const [intro, ...rest] = staffingSections(result);
  const equal = rest.pop()!;
  parts.push('<section id="staffing"><h2>Staffing for the targets</h2>', ...intro!.lines.map((line) => `<p class="note">${escapeHtml(line)}</p>`));
  for (const section of rest) {
    parts.push(`<h3>${escapeHtml(section.title)}</h3>`, ...section.lines.map((line) => `<p class="note">${escapeHtml(line)}</p>`));
    if (section.table !== undefined) parts.push(`<div class="scroll">${htmlTable(section.table)}</div>`);
  }
  parts.push('</section>');

  const charts: string[] = [];
  for (const metric of ['staffedCost', 'agentHours'] as const) {
    const info = metricInfo(metric, DESIGN_METRICS);
    const spec = metricBarSpec(info, designs, (design) => {
      const d = result.designs.find((s) => s.design === design);
      return metric === 'staffedCost' ? d?.staffedCost : d?.agentHours;
    });
    if (spec === null) continue;
    charts.push(
      `<figure class="chart-figure">${await renderChart(spec, `staffing-${metric}`)}<figcaption>${escapeHtml(capitalise(info.description))}, at each design's staffing for the targets. Bar: mean; whisker: 95% confidence interval.</figcaption></figure>`,
    );
  }
  if (charts.length > 0) parts.push('<section id="staffing-cost"><h2>What each design costs for the same service</h2>', `<div class="charts">${charts.join('')}</div></section>`);

  parts.push(
    `<section id="equal-service"><h2>${escapeHtml(equal.title)}</h2>`,
    ...equal.lines.map((line) => `<p class="note">${escapeHtml(line)}</p>`),
    equal.table === undefined ? '' : `<div class="scroll">${htmlTable(equal.table)}</div>`,
    '</section>',
    `<footer>Staffed with spoc-sim: every candidate simulated on the same ${result.run.replications} replications (common random numbers), seed ${result.run.seed}. ${escapeHtml(provenanceText(result.run))}</footer>`,
  );
  return page({ title: `${name} — staffing report`, body: parts.join('\n') });
}

function htmlTable(table: StaffingTable): string {
  const cls = (c: number): string => (table.align[c] === 'right' ? ' class="num"' : '');
  const head = `<tr>${table.header.map((h, c) => `<th scope="col"${cls(c)}>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const rows = table.rows.map((row) => `<tr>${row.map((cell, c) => (c === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${cls(c)}>${escapeHtml(cell)}</td>`)).join('')}</tr>`);
  return `<table class="figures"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
