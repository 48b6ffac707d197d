// The terminal table's layout: a section's columns sized, packed into blocks that fit the
// line width (each repeating the label column), and drawn with right-aligned cells, a rule
// line under bottom-aligned headers, and `(i/n)` after the title of a split section.
import { maxOf } from '../metrics/extremes.ts';
import { wrapHeader, wrapSegment } from './header-wrap.ts';
import { alignLeft, alignRight, displayWidth, truncate } from './text-width.ts';

/** Spaces between columns. */
const GAP = 2;
/** A header is never cut below this many columns (unless its cells are narrower). */
const MIN_HEADER = 6;
/** Lines a header segment may wrap onto before its column must widen instead. */
const MAX_SEGMENT_LINES = 3;
/** A header wider than this wraps (or is cut) even when the line has room. */
const MAX_COLUMN = 48;
/** The label column is never wider than this; longer labels are cut. */
export const MAX_LABEL = 36;
/** The label column shrinks down to this before a line would overflow. */
export const MIN_LABEL = 8;
const RULE = '─';

export interface TableColumn {
  /**
   * Header segments, each starting on a new line (a design name, then `(baseline)`); a
   * segment wider than the column wraps at spaces, then after hyphens.
   */
  readonly header: readonly string[];
  /** One cell per row of the section ('' on group rows). */
  readonly cells: readonly string[];
}

/** Columns that stay in the same block: a design's values and its difference column. */
export interface ColumnUnit {
  readonly lead: TableColumn;
  readonly tail?: TableColumn;
}

export type TableRow = { readonly kind: 'group'; readonly label: string } | { readonly kind: 'data'; readonly label: string };

export interface TableSection {
  /** A line of its own above the section, for a title too long for the label column. */
  readonly heading?: string;
  /** Top left of the header, in the label column. */
  readonly title: string;
  /** The label column is at least this wide (so that sibling sections line up). */
  readonly labelWidth?: number;
  readonly rows: readonly TableRow[];
  readonly units: readonly ColumnUnit[];
}

interface Sized {
  readonly column: TableColumn;
  /** A design's value column (its header is the design name itself). */
  readonly lead: boolean;
  /** Every header segment on one line. */
  readonly natural: number;
  /** Narrowest width whose header wraps without cutting, in few lines. */
  readonly compact: number;
  /** Narrowest width at all (headers cut with `…`). */
  readonly floor: number;
}

const sizes = new WeakMap<TableColumn, Omit<Sized, 'lead'>>();

function size(column: TableColumn, rows: readonly TableRow[], lead = false): Sized {
  let known = sizes.get(column);
  if (known === undefined) {
    known = measure(column, rows);
    sizes.set(column, known);
  }
  return { ...known, lead };
}

function measure(column: TableColumn, rows: readonly TableRow[]): Omit<Sized, 'lead'> {
  let cells = 0;
  column.cells.forEach((cell, i) => {
    if (rows[i]?.kind === 'data') cells = Math.max(cells, displayWidth(cell));
  });
  const natural = Math.max(cells, 1, Math.min(MAX_COLUMN, maxOf(column.header.map(displayWidth))));
  let compact = natural;
  for (let w = Math.max(cells, 1); w < natural; w++) {
    const fits = column.header.every((segment) => {
      const { lines, cut } = wrapSegment(segment, w);
      return !cut && lines.length <= MAX_SEGMENT_LINES;
    });
    if (fits) {
      compact = w;
      break;
    }
  }
  return { column, natural, compact, floor: Math.max(cells, Math.min(natural, MIN_HEADER)) };
}

/** Columns of a block: the units' lead columns, then their tail (difference) columns. */
function blockColumns(units: readonly ColumnUnit[]): TableColumn[] {
  return [...units.map((unit) => unit.lead), ...units.flatMap((unit) => (unit.tail ? [unit.tail] : []))];
}

function sizeBlock(units: readonly ColumnUnit[], rows: readonly TableRow[]): Sized[] {
  return blockColumns(units).map((column, i) => size(column, rows, i < units.length));
}

/** Greedy packing of units into blocks that fit `maxWidth` with headers wrapped, not cut. */
function pack(
  units: readonly ColumnUnit[],
  rows: readonly TableRow[],
  labelWidth: number,
  maxWidth: number,
): ColumnUnit[][] {
  const blocks: ColumnUnit[][] = [];
  let current: ColumnUnit[] = [];
  for (const unit of units) {
    const candidate = [...current, unit];
    const width = sizeBlock(candidate, rows).reduce((sum, column) => sum + GAP + column.compact, labelWidth);
    if (current.length > 0 && width > maxWidth) {
      blocks.push(current);
      current = [unit];
    } else {
      current = candidate;
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

const headerHeight = (column: TableColumn, width: number): number => wrapHeader(column.header, width).length;

/**
 * Widths for columns that do not fit at their natural widths within `room` columns
 * (gaps excluded): every column at its compact width; then design names get their whole
 * width where the room allows (difference headers repeat them and wrap first); then the
 * spare room goes, step by step, to the column with the tallest header, just enough to
 * save it a header line.
 */
function fitWidths(sized: readonly Sized[], room: number): number[] {
  const widths = sized.map((column) => column.compact);
  let spare = room - widths.reduce((sum, w) => sum + w, 0);
  sized.forEach((column, i) => {
    const extra = column.natural - (widths[i] ?? 0);
    if (column.lead && extra > 0 && extra <= spare) {
      widths[i] = column.natural;
      spare -= extra;
    }
  });
  for (;;) {
    let best: { index: number; width: number; height: number } | null = null;
    sized.forEach((column, i) => {
      const current = widths[i] ?? column.compact;
      const height = headerHeight(column.column, current);
      for (let w = current + 1; w <= column.natural && w - current <= spare; w++) {
        if (headerHeight(column.column, w) < height) {
          if (best === null || height > best.height) best = { index: i, width: w, height };
          break;
        }
      }
    });
    if (best === null) return widths;
    const { index, width } = best;
    spare -= width - (widths[index] ?? 0);
    widths[index] = width;
  }
}

function renderBlock(
  title: string,
  rows: readonly TableRow[],
  units: readonly ColumnUnit[],
  naturalLabel: number,
  maxWidth: number,
): string[] {
  const sized = sizeBlock(units, rows);
  let labelWidth = naturalLabel;
  const total = (ws: readonly number[]): number => ws.reduce((sum, w) => sum + GAP + w, labelWidth);
  let widths = sized.map((column) => column.natural);
  if (total(widths) > maxWidth) widths = fitWidths(sized, maxWidth - total(sized.map(() => 0)));
  // Still too wide (one design alone): cut headers, widest first, then narrow the labels.
  while (total(widths) > maxWidth) {
    let pick = -1;
    widths.forEach((w, i) => {
      const floor = sized[i]?.floor ?? w;
      if (w > floor && (pick === -1 || w >= (widths[pick] ?? 0))) pick = i;
    });
    if (pick !== -1) widths[pick] = (widths[pick] ?? 1) - 1;
    else if (labelWidth > MIN_LABEL) labelWidth -= 1;
    else break;
  }
  const width = Math.min(total(widths), maxWidth);

  const line = (label: string, cells: readonly string[]): string =>
    (
      alignLeft(label, labelWidth) +
      cells.map((cell, i) => ' '.repeat(GAP) + alignRight(cell, widths[i] ?? 0)).join('')
    ).trimEnd();

  // Header lines are bottom-aligned, so every column's last line sits on the rule.
  const headers = sized.map((column, i) => wrapHeader(column.column.header, widths[i] ?? 0));
  while (headers.every((lines) => lines.length > 0 && lines[lines.length - 1] === '')) {
    for (const lines of headers) lines.pop();
  }
  const height = maxOf(headers.map((lines) => lines.length), 1);
  const lines: string[] = [];
  for (let h = 0; h < height; h++) {
    const cells = headers.map((header) => header[h - (height - header.length)] ?? '');
    lines.push(line(h === 0 ? title : '', cells));
  }
  lines.push(RULE.repeat(width));
  rows.forEach((row, r) => {
    if (row.kind === 'group') lines.push(truncate(row.label, width));
    else lines.push(line(row.label, sized.map((column) => column.column.cells[r] ?? '')));
  });
  return lines;
}

export function renderSection(section: TableSection, maxWidth: number): string[] {
  const dataLabels = section.rows.filter((row) => row.kind === 'data').map((row) => displayWidth(row.label));
  const labelFor = (title: string): number =>
    Math.min(MAX_LABEL, Math.max(section.labelWidth ?? 0, maxOf(dataLabels), displayWidth(title)), maxWidth);
  // The block counter `(i/n)` may widen the label column, which may change n: settle it.
  let labelWidth = labelFor(section.title);
  let blocks = pack(section.units, section.rows, labelWidth, maxWidth);
  for (let attempt = 0; attempt < 3 && blocks.length > 1; attempt++) {
    labelWidth = labelFor(`${section.title} (${blocks.length}/${blocks.length})`);
    const again = pack(section.units, section.rows, labelWidth, maxWidth);
    if (again.length === blocks.length) break;
    blocks = again;
  }
  if (blocks.length <= 1) labelWidth = labelFor(section.title);

  const lines: string[] = [];
  if (section.heading !== undefined) lines.push(truncate(section.heading, maxWidth));
  blocks.forEach((units, i) => {
    if (i > 0) lines.push('');
    const title = blocks.length > 1 ? `${section.title} (${i + 1}/${blocks.length})` : section.title;
    for (const line of renderBlock(title, section.rows, units, labelWidth, maxWidth)) lines.push(line);
  });
  return lines;
}

/** Width of the section's lines with every column at its natural width. */
export function naturalWidth(section: TableSection, labelWidth: number): number {
  return sizeBlock(section.units, section.rows).reduce((sum, column) => sum + GAP + column.natural, labelWidth);
}
