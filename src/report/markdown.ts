// The run as GitHub-flavoured Markdown: a `##` title, a line on how to read the figures,
// optional assumptions as bullets, then the design-metrics table, the team table, one
// table per design of its figures per interval of the day (runs with `--interval`: rows
// `09:00–09:30`, see interval-label.ts, then `after`), on request the per-intent table, and
// a line on the rows left out (0 or without a figure for every design, unless
// `allMetrics`) and a last line on provenance (the version, the scenario file's SHA-256).
// Pastes cleanly into a wiki.
import type { RunResult } from '../metrics/results.ts';
import type { Scenario } from '../scenario/model.ts';
import { assumptionBullets } from './assumptions.ts';
import { unmetPrecisionNotes } from './precision-note.ts';
import { intervalTimesNote } from './interval-label.ts';
import { oneLine } from './metric-order.ts';
import { labelHeaders, runSections, sectionGroups, type Column, type Section } from './sections.ts';
import { hiddenRowsNotes, shownSections } from './zero-rows.ts';

export interface MarkdownOptions {
  /** Add a table of design metrics per intent (default false). */
  readonly byIntent?: boolean;
  /** Bullets shown above the tables (default: derived from `scenario`, if given). */
  readonly assumptions?: readonly string[];
  /** The scenario run, from which default assumptions are derived. */
  readonly scenario?: Scenario;
  /** Keep the rows that are 0 or without a figure for every design (default false). */
  readonly allMetrics?: boolean;
}

/** Inline markup and pipes escaped (the text is already on one line). */
const escapeInline = (text: string): string => text.replace(/[\\`*_[\]<>|#~]/g, (ch) => `\\${ch}`);

/** Text made safe for a table cell or a heading: inline markup and pipes escaped. */
export function escapeMarkdown(text: string): string {
  return escapeInline(oneLine(text));
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function header(column: Column): string {
  switch (column.kind) {
    case 'design':
      return escapeMarkdown(column.design) + (column.baseline ? ' (baseline)' : '');
    case 'difference':
      return `Δ ${escapeMarkdown(column.design)} vs ${escapeMarkdown(column.baseline)}`;
    case 'metric':
      return escapeMarkdown(column.metric.label);
  }
}

/**
 * A section as a `###` heading and a table: label columns left-aligned (a group's name on
 * its first row only), figures right-aligned.
 */
function sectionTable(section: Section): string[] {
  const labels = labelHeaders(section);
  const head = [...labels, ...section.columns.map(header)];
  const rows = sectionGroups(section).flatMap(({ name, rows: members }) =>
    members.map((line, i) => [
      ...(name === null ? [] : [i === 0 ? escapeMarkdown(name) : '']),
      escapeMarkdown(line.label),
      ...line.cells.map((cell) => escapeMarkdown(cell.text)),
    ]),
  );
  return [
    `### ${escapeInline(section.title)}`,
    '',
    row(head),
    row(head.map((_, i) => (i < labels.length ? ':---' : '---:'))),
    ...rows.map(row),
  ];
}

/** The whole run as GitHub-flavoured Markdown, ending in a newline. */
export function formatMarkdown(result: RunResult, options: MarkdownOptions = {}): string {
  const model = runSections(result, { byIntent: options.byIntent === true });
  const lines: string[] = [`## ${escapeMarkdown(model.scenario)}`, ''];
  let reading = model.reading;
  if (model.baseline !== null) {
    reading += ` Δ is the paired difference against the baseline, ${escapeMarkdown(model.baseline)}; \\* marks a difference whose 95% confidence interval excludes 0.`;
  }
  if (model.intervals) {
    reading += ` Per-interval tables put each queue entry, and each call, in the interval where it joined the queue (a call that joined none: where it was dialled), \`after\` once the horizon passed (the drain), at ${intervalTimesNote(result)}.`;
  }
  lines.push(reading, '');
  for (const note of unmetPrecisionNotes(result)) lines.push(`**${escapeMarkdown(note)}**`, '');
  const bullets = assumptionBullets({ ...options, designs: Object.keys(result.designs) });
  if (bullets.length > 0) lines.push(...bullets.map((text) => `- ${text}`), '');
  if (model.designs.length === 0) {
    lines.push('No designs.');
    return `${lines.join('\n')}\n`;
  }
  const shown = shownSections(model.sections, options.allMetrics === true);
  shown.sections.forEach((section, i) => {
    if (i > 0) lines.push('');
    for (const line of sectionTable(section)) lines.push(line);
  });
  const [note] = hiddenRowsNotes(shown.hidden);
  if (note !== undefined) lines.push('', escapeInline(note));
  lines.push('', escapeMarkdown(model.provenance));
  return `${lines.join('\n')}\n`;
}
