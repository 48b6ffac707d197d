// The terminal table: what a consultant puts on a slide. Aligned columns, right-aligned
// numbers, a rule line of `─` under each header, no box drawing and no colours. No line is
// ever wider than `width` (default 100) columns: designs that do not fit side by side are
// split into several blocks, each repeating the label column, and a header that cannot fit
// even alone is cut with `…`. Runs with per-interval figures get, after the team block, one
// block per design with a row per interval (`09:00–09:30`), then `after` (the drain past
// the horizon), and the interval metrics as `mean ± half-width`. Rows that are 0 or without
// a figure for every design are left out unless `allMetrics`, a line under the table says
// how many.
import { maxOf } from '../metrics/extremes.ts';
import type { RunResult } from '../metrics/results.ts';
import type { Scenario } from '../scenario/model.ts';
import { routingCostNotes, scenarioNote } from './assumptions.ts';
import { unmetPrecisionNotes } from './precision-note.ts';
import { wrapSegment } from './header-wrap.ts';
import { SIGNIFICANT_MARK } from './format-number.ts';
import { intervalTimesNote } from './interval-label.ts';
import { oneLine, replicationsText } from './metric-order.ts';
import { runSections, sectionGroups, type Cell, type Column, type Section } from './sections.ts';
import {
  MAX_LABEL,
  MIN_LABEL,
  naturalWidth,
  renderSection,
  type ColumnUnit,
  type TableColumn,
  type TableRow,
  type TableSection,
} from './table-blocks.ts';
import { displayWidth, truncate } from './text-width.ts';
import { hiddenRowsNotes, shownSections } from './zero-rows.ts';

export interface TableOptions {
  /** Add a block of design metrics per intent (default false). */
  readonly byIntent?: boolean;
  /** Maximum width of a line in columns (default 100). */
  readonly width?: number;
  /** The scenario run: adds a line on the counting window and the service-level threshold. */
  readonly scenario?: Scenario;
  /** Keep the rows that are 0 or without a figure for every design (default false). */
  readonly allMetrics?: boolean;
}

export const DEFAULT_TABLE_WIDTH = 100;

/** Indent of a group's metric rows under the group's own row. */
const INDENT = '  ';

/**
 * Header segments of a column, each starting on a new line: a design name, then
 * `(baseline)`; a no-break space keeps `Δ` with the name it belongs to.
 */
function header(column: Column): string[] {
  switch (column.kind) {
    case 'design':
      return column.baseline ? [oneLine(column.design), '(baseline)'] : [oneLine(column.design)];
    case 'difference':
      return [`Δ\u00a0${oneLine(column.design)}`];
    case 'metric':
      return [column.metric.label];
  }
}

/**
 * A cell's text. A difference leaves out its half-width (so that designs fit side by side)
 * and keeps a place for its mark, so that the means line up whether marked or not.
 */
function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (cell.kind === 'value') return cell.text;
  return cell.meanText + (cell.significant ? ` ${SIGNIFICANT_MARK}` : '  ');
}

/** A section of the model as a block: groups as rows of their own, each design with its Δ. */
function tableSection(section: Section): TableSection {
  const groups = sectionGroups(section);
  const rows = groups.flatMap(({ name, rows: members }): TableRow[] => [
    ...(name === null ? [] : [{ kind: 'group' as const, label: oneLine(name) }]),
    ...members.map((row) => ({ kind: 'data' as const, label: name === null ? row.label : INDENT + row.label })),
  ]);
  const column = (index: number): TableColumn => ({
    header: header(section.columns[index]!),
    cells: groups.flatMap(({ name, rows: members }) => [
      ...(name === null ? [] : ['']),
      ...members.map((row) => cellText(row.cells[index])),
    ]),
  });
  const units = section.columns.flatMap((lead, i): ColumnUnit[] => {
    if (lead.kind === 'difference') return [];
    const tail = section.columns.findIndex(
      (other) => other.kind === 'difference' && lead.kind === 'design' && other.design === lead.design,
    );
    return [tail === -1 ? { lead: column(i) } : { lead: column(i), tail: column(tail) }];
  });
  return { title: section.title, rows, units };
}

/**
 * The per-interval sections, titled `Per interval — <design>` in the label column like the
 * other sections when every one fits that way on one line (with one label width for all,
 * so that the designs' columns line up); otherwise (long names, narrow width) every one has
 * its title on a line of its own and `Interval` heads the label column, so that no design
 * name is cut and the figures keep their room.
 */
function fitIntervals(sections: readonly Section[], maxWidth: number): Map<Section, TableSection> {
  const blocks = sections.map(tableSection);
  const texts = blocks.flatMap((block) => [block.title, ...block.rows.map((row) => row.label)]);
  const label = maxOf(texts.map(displayWidth), 0);
  const inline = label <= MAX_LABEL && blocks.every((block) => naturalWidth(block, label) <= maxWidth);
  return new Map(
    sections.map((section, i) => {
      const block = blocks[i]!;
      return [section, inline ? { ...block, labelWidth: label } : { ...block, heading: block.title, title: section.rowHeader }];
    }),
  );
}

/** Title line: scenario name (cut if needed), replications and seed. */
function titleLine(result: RunResult, maxWidth: number): string {
  const rest = ` · ${replicationsText(result.replications)} · seed ${result.seed}`;
  const room = Math.max(MIN_LABEL, maxWidth - displayWidth(rest));
  return truncate(truncate(oneLine(result.scenario), room) + rest, maxWidth);
}

/** The whole run as a plain-text table no wider than `options.width` (default 100). */
export function formatTable(result: RunResult, options: TableOptions = {}): string {
  const maxWidth = Math.max(20, Math.floor(options.width ?? DEFAULT_TABLE_WIDTH));
  const model = runSections(result, { byIntent: options.byIntent === true });
  const lines: string[] = [titleLine(result, maxWidth)];
  // Notes wrap at spaces on a narrow terminal rather than lose their end.
  const note = (text: string): void => {
    lines.push(...wrapSegment(text, maxWidth).lines);
  };
  note(
    model.baseline !== null
      ? `Mean ± 95% CI half-width. Δ: paired difference vs the baseline, ${SIGNIFICANT_MARK} = 95% CI excludes 0.`
      : 'Mean ± 95% CI half-width.',
  );
  if (model.intervals) {
    note('Per interval: calls and queue entries by when they joined a queue, after = past the horizon.');
    const times = result.weekStart === undefined ? 'from the start of the run at 00:00' : 'as days and clock times of the week';
    note(`Interval times ${times}.`);
  }
  if (options.scenario !== undefined) {
    note(scenarioNote(options.scenario));
    for (const text of routingCostNotes(options.scenario, Object.keys(result.designs))) note(text);
  }
  for (const text of unmetPrecisionNotes(result)) note(text);
  if (model.designs.length === 0) {
    lines.push('', 'No designs.');
    return `${lines.join('\n')}\n`;
  }
  const shown = shownSections(model.sections, options.allMetrics === true);
  const intervals = fitIntervals(
    shown.sections.filter((section) => section.kind === 'intervals'),
    maxWidth,
  );
  for (const section of shown.sections) {
    lines.push('');
    for (const line of renderSection(intervals.get(section) ?? tableSection(section), maxWidth)) lines.push(line);
  }
  const notes = hiddenRowsNotes(shown.hidden);
  if (notes.length > 0) lines.push('', notes.find((note) => displayWidth(note) <= maxWidth) ?? notes[notes.length - 1]!);
  return `${lines.map((text) => truncate(text, maxWidth)).join('\n')}\n`;
}
