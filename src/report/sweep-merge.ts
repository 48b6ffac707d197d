// Sweep outputs read back and merged: the outputs of shards into exactly what the
// unsharded sweep writes, refusing rows that do not make one sweep.
import { ROW_PROVENANCE as PROVENANCE, type RowOrigin } from '../experiment/sweep-resume.ts';
import { csvFields, csvRecords, jsonLines, parseSweepRowPoint, shorten } from './sweep-records.ts';
import type { SweepFormat } from './sweep-rows.ts';

/** A row read back, with its text and, for messages, where it is (`a.csv, row 3`). */
interface Row extends RowOrigin {
  readonly text: string;
  readonly where: string;
  readonly file: number;
}

/** How the rows of one output are read: its header (CSV) gives the columns. */
type RowReader = (line: string) => RowOrigin;

/**
 * The reader of the origin of rows under a header (CSV; '' for JSON Lines).
 * @throws Error when a row is not a sweep row with its provenance
 */
export function rowOriginReader(format: SweepFormat, header: string): RowReader {
  return format === 'csv' ? csvReader(header, 'the header') : (line) => jsonRow(line, 0, {}, () => '');
}

/**
 * Combines the outputs of the shards of one sweep into what the unsharded sweep writes:
 * the CSV header once, then every row sorted by point index; rows of one point keep their
 * order (the design order), across outputs in the order given.
 * @param names the outputs' file names, for messages (default `output 1`, `output 2`, …)
 * @throws Error when the outputs are not all of the format, have different headers (CSV)
 *   or parameters and metrics (JSON Lines), when an output ends in the middle of a row or
 *   holds something other than rows, when rows differ in provenance (seed, scenarioSha256,
 *   gridSha256, points, spoc) or the designs of a point in replications, when a
 *   (point, design) pair appears twice or one of the grid is missing; the message names
 *   the outputs
 */
export function mergeSweepOutputs(texts: readonly string[], format: SweepFormat, names: readonly string[] = []): string {
  const nameOf = (i: number): string => names[i] ?? `output ${i + 1}`;
  refuseMixedFormats(texts, format, nameOf);
  const rows: Row[] = [];
  let header: { text: string; from: number } | undefined;
  const shape: { key?: string; from?: number } = {};

  texts.forEach((text, file) => {
    if (text === '') return; // a shard with nothing to write
    const { records, rest } = format === 'csv' ? csvRecords(text) : jsonLines(text);
    if (rest !== '') {
      throw new Error(`${nameOf(file)}: ends in the middle of a row (no final newline), expected the complete output of a shard`);
    }
    let body = records;
    let read: RowReader;
    if (format === 'csv') {
      const first = records[0]!;
      if (header === undefined) header = { text: first, from: file };
      else if (first !== header.text) {
        throw new Error(
          `${nameOf(file)}: found a header different from ${nameOf(header.from)}'s (${headerDifference(header.text, first)}), expected the outputs of shards of one sweep`,
        );
      }
      read = csvReader(first, nameOf(file));
      body = records.slice(1);
    } else {
      read = (line) => jsonRow(line, file, shape, nameOf);
    }
    body.forEach((line, n) => {
      const where = `${nameOf(file)}, row ${n + 1}`;
      try {
        rows.push({ ...read(line), text: line, where, file });
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
      }
    });
  });

  checkRows(rows, nameOf, texts.length);
  rows.sort((a, b) => a.point - b.point); // stable: design order within a point
  return (header?.text ?? '') + rows.map((row) => row.text).join('');
}

/** CSV and JSON Lines are not merged together: each output's content must be the format's. */
function refuseMixedFormats(texts: readonly string[], format: SweepFormat, nameOf: (i: number) => string): void {
  const kinds = texts.map((text) => (text === '' ? undefined : text.startsWith('{') ? 'jsonl' : 'csv'));
  const first = kinds.findIndex((kind) => kind !== undefined);
  const other = kinds.findIndex((kind) => kind !== undefined && kind !== kinds[first]);
  const label = (kind: SweepFormat | undefined): string => (kind === 'csv' ? 'CSV' : 'JSON Lines');
  if (other >= 0) {
    throw new Error(
      `${nameOf(other)}: found ${label(kinds[other])} rows, but ${nameOf(first)} holds ${label(kinds[first])}; expected the outputs of shards of one sweep, all CSV or all JSON Lines`,
    );
  }
  if (first >= 0 && kinds[first] !== format) {
    throw new Error(`${nameOf(first)}: found ${label(kinds[first])} rows, expected ${label(format)} (give --format ${kinds[first]} if the file is named wrongly)`);
  }
}

/** The reader of the CSV rows under this header. */
function csvReader(headerLine: string, name: string): RowReader {
  const columns = csvFields(headerLine.slice(0, -1));
  const index = (column: string): number => columns.indexOf(column, 1);
  const design = index('design');
  if (columns[0] !== 'point' || design < 0) {
    throw new Error(`${name}: found ${JSON.stringify(shorten(headerLine.slice(0, -1)))} on line 1, expected a sweep header point,…,design,…`);
  }
  const missing = ['replications', ...PROVENANCE].filter((column) => index(column) < 0);
  if (missing.length > 0) {
    throw new Error(`${name}: found no column ${missing.join(', ')} in the header, expected a sweep output that says its provenance (${PROVENANCE.join(', ')})`);
  }
  return (line) => {
    const point = parseSweepRowPoint(line, 'csv');
    const fields = csvFields(line.slice(0, -1));
    if (fields.length !== columns.length) throw new Error(`found ${fields.length} fields, expected ${columns.length} as in the header`);
    const provenance = Object.fromEntries(PROVENANCE.map((column) => [column, fields[index(column)]!])) as Row['provenance'];
    return { point, design: fields[design]!, replications: fields[index('replications')]!, provenance };
  };
}

/** A JSON Lines row; every row must have the parameters and metrics of the first (`shape`). */
function jsonRow(line: string, file: number, shape: { key?: string; from?: number }, nameOf: (i: number) => string): RowOrigin {
  const point = parseSweepRowPoint(line, 'jsonl');
  const value = JSON.parse(line) as Record<string, unknown>;
  if (typeof value.design !== 'string' || typeof value.params !== 'object' || typeof value.metrics !== 'object') {
    throw new Error('expected a sweep row {point, params, design, replications, metrics}');
  }
  const key = JSON.stringify([Object.keys(value.params ?? {}), Object.keys(value.metrics ?? {})]);
  if (shape.key === undefined) Object.assign(shape, { key, from: file });
  else if (key !== shape.key) {
    throw new Error(`found other parameters or metrics than ${nameOf(shape.from!)}'s rows, expected the outputs of shards of one sweep`);
  }
  const missing = ['replications', ...PROVENANCE].filter((column) => !(column in value));
  if (missing.length > 0) throw new Error(`found no ${missing.join(', ')}, expected a sweep row that says its provenance (${PROVENANCE.join(', ')})`);
  const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
  const provenance = Object.fromEntries(PROVENANCE.map((column) => [column, text(value[column])])) as Row['provenance'];
  return { point, design: value.design, replications: text(value.replications), provenance };
}

/**
 * The rows of all outputs are those of one sweep, whole: one provenance, the designs of a
 * point with the same replications (with --precision points may differ from each other,
 * not a point's designs), each (point, design) once, and every point of the grid there.
 */
function checkRows(rows: readonly Row[], nameOf: (i: number) => string, outputs: number): void {
  const [first] = rows;
  if (first === undefined) return;
  const shown = (v: string): string => (v === '' ? 'none' : v);
  const byPoint = new Map<number, Row[]>();
  for (const row of rows) {
    const column = PROVENANCE.find((c) => row.provenance[c] !== first.provenance[c]);
    if (column !== undefined) {
      throw new Error(
        `${row.where}: found ${column} ${shown(row.provenance[column])}, expected ${shown(first.provenance[column])} as in ${first.where}; ` +
          `the shards of one sweep share ${PROVENANCE.join(', ')}`,
      );
    }
    const same = byPoint.get(row.point) ?? [];
    const twin = same.find((other) => other.design === row.design);
    if (twin !== undefined) {
      throw new Error(
        `${row.where}: found point ${row.point} of design ${JSON.stringify(row.design)} again (already in ${twin.where}), expected each (point, design) once`,
      );
    }
    if (same.length > 0 && same[0]!.replications !== row.replications) {
      throw new Error(
        `${row.where}: found ${shown(row.replications)} replications for point ${row.point}, expected ${shown(same[0]!.replications)} as design ` +
          `${JSON.stringify(same[0]!.design)} at that point in ${same[0]!.where}; the designs of a point run the same replications`,
      );
    }
    same.push(row);
    byPoint.set(row.point, same);
  }
  const points = Number(first.provenance.points);
  if (!Number.isSafeInteger(points) || points < 1) {
    throw new Error(`${first.where}: found points ${shown(first.provenance.points)}, expected the grid's number of points, a whole number from 1`);
  }
  const outside = rows.find((row) => row.point >= points);
  if (outside !== undefined) {
    throw new Error(`${outside.where}: found point ${outside.point}, expected a point from 0 to ${points - 1} of a grid of ${points}`);
  }
  const missing = missingPoints(byPoint, points, [...new Set(rows.map((row) => row.design))]);
  if (missing.length > 0) {
    const files = Array.from({ length: outputs }, (_, i) => nameOf(i)).join(', ');
    const list = missing.length > MISSING_SHOWN ? `${missing.slice(0, MISSING_SHOWN).join(', ')}, …` : missing.join(', ');
    throw new Error(
      `${files}: found no row for point ${list}, expected every point of the grid (0 to ${points - 1}) with every design: merge the outputs of all the shards`,
    );
  }
}

/**
 * The points of the grid without rows, runs of them as ranges (`3–9`), and those lacking
 * a design (`4 (design "x")`); a few more than a message shows.
 */
function missingPoints(byPoint: ReadonlyMap<number, readonly Row[]>, points: number, designs: readonly string[]): string[] {
  const missing: string[] = [];
  let run: number | undefined; // first point of the run of missing points being read
  const endRun = (end: number): void => {
    if (run !== undefined) missing.push(end - 1 === run ? String(run) : `${run}–${end - 1}`);
    run = undefined;
  };
  for (let point = 0; point < points && missing.length <= MISSING_SHOWN; point++) {
    const have = byPoint.get(point);
    if (have === undefined) {
      run ??= point;
      continue;
    }
    endRun(point);
    for (const design of designs.filter((d) => !have.some((row) => row.design === d))) missing.push(`${point} (design ${JSON.stringify(design)})`);
  }
  endRun(points);
  return missing;
}

/** How many missing points a message lists before `…`. */
const MISSING_SHOWN = 10;

/** The first column where two CSV headers differ, in words. */
function headerDifference(a: string, b: string): string {
  const fa = csvFields(a.slice(0, -1));
  const fb = csvFields(b.slice(0, -1));
  for (let i = 0; i < Math.max(fa.length, fb.length); i++) {
    if (fa[i] !== fb[i]) {
      const show = (v: string | undefined): string => (v === undefined ? 'nothing' : JSON.stringify(v));
      return `column ${i + 1} is ${show(fb[i])} instead of ${show(fa[i])}`;
    }
  }
  return 'different line endings';
}
