// The terminal table: what a consultant puts on a slide. Aligned columns, right-aligned
// numbers, a rule line of `─` under each header, no box drawing and no colours. No line is
// ever wider than `width` (default 100) columns: designs that do not fit side by side are
// split into several blocks, each repeating the label column, and a header that cannot fit
// even alone is cut with `…`. Runs with per-interval figures get, after the team block, one
// block per design with a row per interval (`09:00–09:30`) and the means of the interval
// metrics (no half-widths, so that every metric fits side by side).
import type { MetricInfo } from '../metrics/metric-catalogue.ts';
import type { MetricTable, RunResult } from '../metrics/results.ts';
import type { Scenario } from '../scenario/model.ts';
import { scenarioNote } from './assumptions.ts';
import {
  SIGNIFICANT_MARK,
  formatDifferenceEstimate,
  formatEstimate,
  formatMean,
  isSignificant,
} from './format-number.ts';
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
import { alignLeft, alignRight, displayWidth, truncate } from './text-width.ts';

export interface TableOptions {
  /** Add a block of design metrics per intent (default false). */
  readonly byIntent?: boolean;
  /** Maximum width of a line in columns (default 100). */
  readonly width?: number;
  /** The scenario run: adds a line on the counting window and the service-level threshold. */
  readonly scenario?: Scenario;
}

export const DEFAULT_TABLE_WIDTH = 100;

/** Spaces between columns. */
const GAP = 2;
/** A header is never cut below this many columns (unless its cells are narrower). */
const MIN_HEADER = 6;
/** Lines a header segment may wrap onto before its column must widen instead. */
const MAX_SEGMENT_LINES = 3;
/** A header wider than this wraps (or is cut) even when the line has room. */
const MAX_COLUMN = 48;
/** The label column is never wider than this; longer labels are cut. */
const MAX_LABEL = 36;
/** The label column shrinks down to this before a line would overflow. */
const MIN_LABEL = 8;
const RULE = '─';
const INDENT = '  ';

interface Column {
  /**
   * Header segments, each starting on a new line (a design name, then `(baseline)`); a
   * segment wider than the column wraps at spaces, then after hyphens.
   */
  readonly header: readonly string[];
  /** One cell per row of the section ('' on group rows). */
  readonly cells: readonly string[];
}

/** Columns that stay in the same block: a design's values and its difference column. */
interface Unit {
  readonly lead: Column;
  readonly tail?: Column;
}

type Row = { readonly kind: 'group'; readonly label: string } | { readonly kind: 'data'; readonly label: string };

interface Section {
  /** A line of its own above the section, for a title too long for the label column. */
  readonly heading?: string;
  /** Top left of the header, in the label column. */
  readonly title: string;
  /** The label column is at least this wide (so that sibling sections line up). */
  readonly labelWidth?: number;
  readonly rows: readonly Row[];
  readonly units: readonly Unit[];
}

/** Greedy fill of `pieces` (joined by `joiner`) into lines of at most `width` columns. */
function fill(pieces: readonly string[], joiner: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const candidate = current === '' ? piece : current + joiner + piece;
    if (current !== '' && displayWidth(candidate) > width) {
      lines.push(current);
      current = piece;
    } else {
      current = candidate;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/**
 * A header segment wrapped to `width`: at spaces first; a line still too wide breaks after
 * its hyphens; a piece still too wide is cut with `…`. `cut` tells whether a cut happened.
 */
function wrapSegment(segment: string, width: number): { lines: string[]; cut: boolean } {
  const lines: string[] = [];
  let cut = false;
  for (const line of fill(segment.split(' ').filter((word) => word !== ''), ' ', width)) {
    if (displayWidth(line) <= width) {
      lines.push(line);
      continue;
    }
    for (const piece of fill(line.split(/(?<=-)/), '', width)) {
      if (displayWidth(piece) > width) cut = true;
      lines.push(truncate(piece, width));
    }
  }
  return { lines, cut };
}

/** Header lines of a column `width` wide (a no-break space keeps `Δ` with the name). */
function wrapHeader(header: readonly string[], width: number): string[] {
  return header
    .flatMap((segment) => (segment === '' ? [''] : wrapSegment(segment, width).lines))
    .map((line) => line.replace(/\u00a0/g, ' '));
}

interface Sized {
  readonly column: Column;
  /** A design's value column (its header is the design name itself). */
  readonly lead: boolean;
  /** Every header segment on one line. */
  readonly natural: number;
  /** Narrowest width whose header wraps without cutting, in few lines. */
  readonly compact: number;
  /** Narrowest width at all (headers cut with `…`). */
  readonly floor: number;
}

const sizes = new WeakMap<Column, Omit<Sized, 'lead'>>();

function size(column: Column, rows: readonly Row[], lead = false): Sized {
  let known = sizes.get(column);
  if (known === undefined) {
    known = measure(column, rows);
    sizes.set(column, known);
  }
  return { ...known, lead };
}

function measure(column: Column, rows: readonly Row[]): Omit<Sized, 'lead'> {
  let cells = 0;
  column.cells.forEach((cell, i) => {
    if (rows[i]?.kind === 'data') cells = Math.max(cells, displayWidth(cell));
  });
  const natural = Math.max(cells, 1, Math.min(MAX_COLUMN, Math.max(...column.header.map(displayWidth))));
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
function blockColumns(units: readonly Unit[]): Column[] {
  return [...units.map((unit) => unit.lead), ...units.flatMap((unit) => (unit.tail ? [unit.tail] : []))];
}

function sizeBlock(units: readonly Unit[], rows: readonly Row[]): Sized[] {
  return blockColumns(units).map((column, i) => size(column, rows, i < units.length));
}

/** Greedy packing of units into blocks that fit `maxWidth` with headers wrapped, not cut. */
function pack(
  units: readonly Unit[],
  rows: readonly Row[],
  labelWidth: number,
  maxWidth: number,
): Unit[][] {
  const blocks: Unit[][] = [];
  let current: Unit[] = [];
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

const headerHeight = (column: Column, width: number): number => wrapHeader(column.header, width).length;

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
  rows: readonly Row[],
  units: readonly Unit[],
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
  const height = Math.max(1, ...headers.map((lines) => lines.length));
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

function renderSection(section: Section, maxWidth: number): string[] {
  const dataLabels = section.rows.filter((row) => row.kind === 'data').map((row) => displayWidth(row.label));
  const labelFor = (title: string): number =>
    Math.min(MAX_LABEL, Math.max(section.labelWidth ?? 0, ...dataLabels, displayWidth(title)), maxWidth);
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
    lines.push(...renderBlock(title, section.rows, units, labelWidth, maxWidth));
  });
  return lines;
}

function designSection(result: RunResult): Section {
  const designs = designNames(result);
  const baseline = designs[0] ?? '';
  const diff = comparisonLookup(result, baseline);
  const names = orderedMetricNames(
    designs.map((design) => lookup(result.designs, design)?.metrics),
    DESIGN_METRICS,
  );
  const infos = names.map((name) => metricInfo(name, DESIGN_METRICS));
  const rows: Row[] = infos.map((info) => ({ kind: 'data', label: info.label }));
  const marked = designs.length > 1;
  const units: Unit[] = designs.map((design, d) => {
    const metrics = lookup(result.designs, design)?.metrics;
    const lead: Column = {
      header: d === 0 && marked ? [oneLine(design), '(baseline)'] : [oneLine(design)],
      cells: infos.map((info) => formatEstimate(lookup(metrics, info.name), info.unit)),
    };
    if (d === 0) return { lead };
    const tail: Column = {
      header: [`Δ\u00a0${oneLine(design)}`],
      cells: infos.map((info) => {
        const estimate = diff(design, info.name);
        const text = formatDifferenceEstimate(estimate, info.unit, { halfWidth: false, mark: false });
        return text + (isSignificant(estimate) ? ` ${SIGNIFICANT_MARK}` : '  ');
      }),
    };
    return { lead, tail };
  });
  return { title: 'Design metrics', rows, units };
}

/** A block of groups (teams or intents), each a heading row followed by its metric rows. */
function groupSection(
  result: RunResult,
  title: string,
  scope: 'byIntent' | 'byTeam',
  metricsOf: (tables: readonly (MetricTable | undefined)[]) => MetricInfo[],
): Section | null {
  const designs = designNames(result);
  const groups = groupNames(result, scope);
  if (groups.length === 0 || designs.length === 0) return null;
  const rows: Row[] = [];
  const entries: { group: string; info: MetricInfo | null }[] = [];
  for (const group of groups) {
    const tables = designs.map((design) => lookup<MetricTable>(lookup(result.designs, design)?.[scope], group));
    const infos = metricsOf(tables);
    if (infos.length === 0) continue;
    rows.push({ kind: 'group', label: oneLine(group) });
    entries.push({ group, info: null });
    for (const info of infos) {
      rows.push({ kind: 'data', label: INDENT + info.label });
      entries.push({ group, info });
    }
  }
  if (rows.length === 0) return null;
  const marked = designs.length > 1;
  const units: Unit[] = designs.map((design, d) => ({
    lead: {
      header: d === 0 && marked ? [oneLine(design), '(baseline)'] : [oneLine(design)],
      cells: entries.map(({ group, info }) => {
        if (info === null) return '';
        const table = lookup<MetricTable>(lookup(result.designs, design)?.[scope], group);
        return formatEstimate(lookup(table, info.name), info.unit);
      }),
    },
  }));
  return { title, rows, units };
}

function teamSection(result: RunResult): Section | null {
  return groupSection(result, 'Teams', 'byTeam', (tables) => {
    const present = new Set(
      orderedMetricNames(tables, TEAM_METRICS),
    );
    return TEAM_REPORT_METRICS.filter((name) => present.has(name)).map((name) => metricInfo(name, TEAM_METRICS));
  });
}

function intentSection(result: RunResult): Section | null {
  return groupSection(result, 'By intent', 'byIntent', (tables) =>
    orderedMetricNames(tables, INTENT_METRICS).map((name) =>
      metricInfo(name, INTENT_METRICS),
    ),
  );
}

/**
 * One section per design with intervals: a row per interval, a column per interval metric,
 * means only. Titled `Per interval — <design>` in the label column, like the other
 * sections, when every design's section fits that way on one line (with one label width
 * for all); otherwise (long names, narrow width) every one has its title on a line of its
 * own and `Interval` heads the label column, so that no design name is cut and the
 * figures keep their room.
 */
function intervalSections(result: RunResult, clock: IntervalClock, maxWidth: number): Section[] {
  const sections = designNames(result).flatMap((design): Section[] => {
    const intervals = lookup(result.designs, design)?.byInterval ?? [];
    const infos = orderedMetricNames(
      intervals.map((interval) => interval.metrics),
      INTERVAL_METRICS,
    ).map((name) => metricInfo(name, INTERVAL_METRICS));
    if (intervals.length === 0 || infos.length === 0) return [];
    const rows: Row[] = intervals.map((interval) => ({ kind: 'data', label: clock.span(interval) }));
    const units: Unit[] = infos.map((info) => ({
      lead: {
        header: [info.label],
        cells: intervals.map((interval) => formatMean(lookup(interval.metrics, info.name), info.unit)),
      },
    }));
    return [{ title: `Per interval — ${oneLine(design)}`, rows, units }];
  });
  // One label width for all, so that the designs' columns line up.
  const texts = sections.flatMap((section) => [section.title, ...section.rows.map((row) => row.label)]);
  const label = Math.max(0, ...texts.map(displayWidth));
  const inline =
    label <= MAX_LABEL &&
    sections.every(
      (section) =>
        sizeBlock(section.units, section.rows).reduce((sum, column) => sum + GAP + column.natural, label) <= maxWidth,
    );
  if (inline) return sections.map((section) => ({ ...section, labelWidth: label }));
  return sections.map((section) => ({ ...section, heading: section.title, title: 'Interval' }));
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
  const designs = designNames(result);
  const lines: string[] = [titleLine(result, maxWidth)];
  const legend =
    designs.length > 1
      ? `Mean ± 95% CI half-width. Δ: paired difference vs the baseline, ${SIGNIFICANT_MARK} = 95% CI excludes 0.`
      : 'Mean ± 95% CI half-width.';
  lines.push(truncate(legend, maxWidth));
  const intervals = hasIntervals(result);
  if (intervals) {
    lines.push(truncate('Per interval: means only; times from the start of the run at 00:00.', maxWidth));
  }
  if (options.scenario !== undefined) lines.push(truncate(scenarioNote(options.scenario), maxWidth));
  if (designs.length === 0) {
    lines.push('', 'No designs.');
    return `${lines.join('\n')}\n`;
  }
  const sections = [
    designSection(result),
    teamSection(result),
    ...(intervals ? intervalSections(result, resultClock(result), maxWidth) : []),
    options.byIntent ? intentSection(result) : null,
  ];
  for (const section of sections) {
    if (section === null) continue;
    lines.push('', ...renderSection(section, maxWidth));
  }
  return `${lines.map((text) => truncate(text, maxWidth)).join('\n')}\n`;
}
