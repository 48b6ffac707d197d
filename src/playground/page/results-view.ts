// A run's results in the page, laid out from the report's own pieces: the sections of every
// output format as HTML tables (designs side by side, intervals and Δ), the report's chart
// specifications (drawn here by vega-embed, so they are interactive), per-interval lines
// and the flow diagram of each design.
import type { TopLevelSpec } from 'vega-lite';
import type { RunResult } from '../../metrics/results.ts';
import { sweepMetricSpec, metricBarSpec, occupancySpec, waitDistributionSpec, type SweepSeriesRow, interval } from '../../report/html/charts.ts';
import { escapeHtml } from '../../report/html/escape.ts';
import { flowDiagram } from '../../report/html/flow-diagram.ts';
import { CHARTED_METRICS } from '../../report/html/run-report.ts';
import { HEADLINE_METRICS, pickMetrics, sectionTable } from '../../report/html/tables.ts';
import { DESIGN_METRICS, groupNames, INTERVAL_METRICS, INTERVAL_REPORT_METRICS, lookup, metricInfo } from '../../report/metric-order.ts';
import { runSections, sectionOf } from '../../report/sections.ts';

export interface ChartSlot {
  /** The id of the element the chart is drawn into. */
  readonly id: string;
  readonly spec: TopLevelSpec;
}

export interface ResultView {
  readonly html: string;
  readonly charts: readonly ChartSlot[];
}

/** The rows of one interval metric: x is the interval's start in hours from the start of the run. */
function intervalRows(result: RunResult, designs: readonly string[], metric: (typeof INTERVAL_REPORT_METRICS)[number]): SweepSeriesRow[] {
  const unit = metricInfo(metric, INTERVAL_METRICS).unit;
  return designs.flatMap((design) =>
    (lookup(result.designs, design)?.byInterval ?? []).flatMap((row) => {
      const iv = row.end === null ? null : interval(row.metrics[metric], unit);
      return iv === null ? [] : [{ x: row.start / 3600, design, panel: '', ...iv }];
    }),
  );
}

function figure(id: string, caption: string): string {
  return `<figure class="chart-figure"><div id="${id}"></div><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

export function resultView(result: RunResult): ResultView {
  const model = runSections(result);
  const designs = model.designs;
  const charts: ChartSlot[] = [];
  const parts: string[] = [];
  const chart = (id: string, spec: TopLevelSpec | null, caption: string): string => {
    if (spec === null) return '';
    charts.push({ id, spec });
    return figure(id, caption);
  };

  const figures = sectionOf(model.sections, 'designs');
  if (figures === undefined) return { html: '<p>No designs.</p>', charts };
  const baseline = model.baseline === null ? '' : ` Δ is the paired difference against the baseline, ${model.baseline}; in bold with * where its 95% confidence interval excludes 0.`;
  parts.push(
    '<section id="comparison"><h2>The designs side by side</h2>',
    `<p class="note">${escapeHtml(model.reading + baseline)}</p>`,
    `<div class="scroll">${sectionTable(pickMetrics(figures, HEADLINE_METRICS))}</div>`,
    `<details><summary>All metrics</summary><div class="scroll">${sectionTable(figures)}</div></details></section>`,
  );

  const bars = CHARTED_METRICS.map((metric) => {
    const info = metricInfo(metric, DESIGN_METRICS);
    const spec = metricBarSpec(info, designs, (design) => lookup(lookup(result.designs, design)?.metrics, metric));
    return chart(`chart-${metric}`, spec, `${info.description}. Bar: mean; whisker: 95% confidence interval.`);
  }).join('');
  if (bars !== '') parts.push(`<section id="charts"><h2>Key figures</h2><div class="charts">${bars}</div></section>`);

  const waits = waitDistributionSpec(designs, (design) => lookup(result.designs, design)?.waitDistribution);
  const teams = groupNames(result, 'byTeam');
  const occupancy = occupancySpec(designs, teams, (design, team) => lookup(lookup(lookup(result.designs, design)?.byTeam, team), 'occupancy'));
  const teamFigures = sectionOf(model.sections, 'teams');
  parts.push(
    '<section id="waits-and-teams"><h2>Waits and teams</h2><div class="charts">',
    chart('chart-waits', waits, 'Quantiles of the time in queue per queue entry, 5% to 99%; bands: 95% intervals.'),
    chart('chart-occupancy', occupancy, 'Team occupancy (busy / staffed time); whiskers: 95% intervals.'),
    '</div>',
    teamFigures === undefined ? '' : `<details><summary>Teams: occupancy, waits and abandonment</summary><div class="scroll">${sectionTable(teamFigures)}</div></details>`,
    '</section>',
  );

  const intervalFigures = sectionOf(model.sections, 'intervals');
  if (intervalFigures !== undefined) {
    const lines = INTERVAL_REPORT_METRICS.map((metric) => {
      const info = metricInfo(metric, INTERVAL_METRICS);
      const rows = intervalRows(result, designs, metric);
      return chart(`chart-interval-${metric}`, sweepMetricSpec(info, 'hours from the start of the run', true, designs, [], rows), `${info.description}, per interval; bands: 95% intervals.`);
    }).join('');
    parts.push(
      '<section id="intervals"><h2>Interval by interval</h2>',
      `<div class="charts">${lines}</div>`,
      `<details><summary>The figures of every interval</summary><div class="scroll">${sectionTable(intervalFigures)}</div></details></section>`,
    );
  }

  const flows = designs.filter((design) => (lookup(result.designs, design)?.flows ?? []).length > 0);
  if (flows.length > 0) {
    parts.push('<section id="flows"><h2>Where calls go</h2><p class="note">Calls per replication (means), from the number dialled through the IVR and the teams to how each call ended; every link is as wide as its volume.</p>');
    flows.forEach((design, i) => {
      parts.push(`<h3>${escapeHtml(design)}</h3><figure class="chart-figure flow-figure">${flowDiagram(design, lookup(result.designs, design)!, `flow-${i}`)}</figure>`);
    });
    parts.push('</section>');
  }
  parts.push(`<p class="note">${escapeHtml(model.provenance)}</p>`);
  return { html: parts.join('\n'), charts };
}
