// The definitions of every metric the report's tables show, written out: on screen they are
// also on hover, but paper has no hover.
import type { MetricInfo } from '../../metrics/metric-catalogue.ts';
import { sectionGroups, type Section } from '../sections.ts';
import { escapeHtml } from './escape.ts';
import { metricTerm } from './metric-term.ts';

const SCOPES: Readonly<Record<Section['kind'], string>> = {
  designs: 'Per design',
  teams: 'Per team',
  intervals: 'Per interval of the day',
  intents: 'Per intent',
};

function metricsOf(section: Section): MetricInfo[] {
  const fromColumns = section.columns.flatMap((column) => (column.kind === 'metric' ? [column.metric] : []));
  const fromRows = sectionGroups(section).flatMap((group) => group.rows.flatMap((row) => (row.metric === null ? [] : [row.metric])));
  return [...fromColumns, ...fromRows];
}

/** The section of definitions, a list per kind of table (each metric once), or '' for none. */
export function glossarySection(sections: readonly Section[]): string {
  const lists: string[] = [];
  const done = new Set<Section['kind']>();
  for (const section of sections) {
    if (done.has(section.kind)) continue;
    done.add(section.kind);
    const seen = new Set<string>();
    const metrics = sections.filter((s) => s.kind === section.kind).flatMap(metricsOf).filter((m) => !seen.has(m.name) && seen.add(m.name) !== undefined);
    if (metrics.length === 0) continue;
    const items = metrics.map((metric) => `<dt>${metricTerm(metric)}</dt><dd>${escapeHtml(metric.description)}</dd>`).join('');
    lists.push(`<h3>${SCOPES[section.kind]}</h3><dl class="glossary">${items}</dl>`);
  }
  if (lists.length === 0) return '';
  return ['<section id="definitions"><h2>What the figures mean</h2>', ...lists, '</section>'].join('\n');
}
