// Rows of a parameter sweep: one per (point, design), as CSV or JSON Lines, and the merge
// of shard outputs into exactly what the unsharded sweep writes.
//
// CSV: a header line
//   point,<param 1>,…,<param P>,design,replications,<metric>_mean,<metric>_lo,<metric>_hi,…
// with every design metric of the catalogue, in catalogue order (`_lo`/`_hi`: the 95%
// interval); then one line per row. Parameter columns are named by their paths and hold
// the values as written (numbers at full precision, strings as they are). Numbers are
// `String(n)`; a missing value (NaN, no interval, a metric the result lacks) is an empty
// field. Fields with commas, quotes or line breaks are quoted (RFC 4180). Lines end with `\n`.
//
// JSON Lines: no header; one object per line, keys in this order:
//   {"point":0,"params":{"teams.billing.agents":8},"design":"x","replications":10,
//    "metrics":{"issues":{"mean":…,"ci95":[…,…]},…}}
// params in parameter order, metrics: every design metric of the catalogue in catalogue
// order, a missing number null, a `ci95` with a missing bound null as a whole.
import { DESIGN_METRICS } from '../metrics/metric-catalogue.ts';
import type { DesignResult, Estimate, RunResult } from '../metrics/results.ts';
import type { SweepPoint } from '../experiment/sweep-plan.ts';
import { csvField } from './csv.ts';

export type SweepFormat = 'csv' | 'jsonl';

export const SWEEP_FORMATS: readonly SweepFormat[] = ['csv', 'jsonl'];

const METRIC_NAMES: readonly string[] = DESIGN_METRICS.map((info) => info.name);

/**
 * The CSV header line (with its newline) of a sweep over these parameters; '' for JSON
 * Lines, which has none.
 */
export function sweepHeader(parameters: readonly { readonly path: string }[], format: SweepFormat): string {
  if (format === 'jsonl') return '';
  const columns = [
    'point',
    ...parameters.map((p) => csvField(p.path)),
    'design',
    'replications',
    ...METRIC_NAMES.flatMap((name) => [`${name}_mean`, `${name}_lo`, `${name}_hi`].map(csvField)),
  ];
  return `${columns.join(',')}\n`;
}

/**
 * The row (one line with its newline) of one design at one point.
 * @param replications the replications the point's figures are over
 */
export function sweepRow(
  point: SweepPoint,
  design: string,
  result: DesignResult,
  replications: number,
  format: SweepFormat,
): string {
  return format === 'csv' ? csvRow(point, design, result, replications) : jsonRow(point, design, result, replications);
}

/** The rows of every design of a point's run, in the run's design order. */
export function sweepRows(point: SweepPoint, result: RunResult, format: SweepFormat): string {
  return Object.entries(result.designs)
    .map(([design, value]) => sweepRow(point, design, value, result.replications, format))
    .join('');
}

/** Header, rows and row reading of one format, together. */
export function sweepRowFormat(format: SweepFormat): {
  header(parameters: readonly { readonly path: string }[]): string;
  rows(point: SweepPoint, result: RunResult): string;
  pointOf(line: string): number;
} {
  return {
    header: (parameters) => sweepHeader(parameters, format),
    rows: (point, result) => sweepRows(point, result, format),
    pointOf: (line) => parseSweepRowPoint(line, format),
  };
}

// ---------------------------------------------------------------------------------------
// CSV.

const csvNumber = (value: number | null | undefined): string =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : '';

function csvValue(value: unknown): string {
  if (typeof value === 'number') return csvNumber(value);
  if (typeof value === 'string') return csvField(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  return csvField(JSON.stringify(value));
}

function csvRow(point: SweepPoint, design: string, result: DesignResult, replications: number): string {
  const fields = [
    String(point.index),
    ...point.assignments.map((a) => csvValue(a.value)),
    csvField(design),
    csvNumber(replications),
  ];
  for (const name of METRIC_NAMES) {
    const estimate = lookup(result.metrics, name);
    fields.push(csvNumber(estimate?.mean), csvNumber(estimate?.ci95?.[0]), csvNumber(estimate?.ci95?.[1]));
  }
  return `${fields.join(',')}\n`;
}

// ---------------------------------------------------------------------------------------
// JSON Lines.

const finite = (value: number | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function jsonEstimate(estimate: Estimate | undefined): { mean: number | null; ci95: [number, number] | null } {
  const low = finite(estimate?.ci95?.[0]);
  const high = finite(estimate?.ci95?.[1]);
  return { mean: finite(estimate?.mean), ci95: low === null || high === null ? null : [low, high] };
}

/** A plain object without prototype, so that any key (even `__proto__`) is an own key. */
function record<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

function jsonParam(value: unknown): unknown {
  return typeof value === 'number' ? finite(value) : value === undefined ? null : value;
}

function jsonRow(point: SweepPoint, design: string, result: DesignResult, replications: number): string {
  const row = {
    point: point.index,
    params: record(point.assignments.map((a) => [a.path, jsonParam(a.value)] as const)),
    design,
    replications: finite(replications),
    metrics: record(METRIC_NAMES.map((name) => [name, jsonEstimate(lookup(result.metrics, name))] as const)),
  };
  return `${JSON.stringify(row)}\n`;
}

function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

// ---------------------------------------------------------------------------------------
// Reading rows back.

/**
 * The point index of a row (a CSV record or a JSON line, with or without its newline).
 * @throws Error when the text is not a row of the format
 */
export function parseSweepRowPoint(line: string, format: SweepFormat): number {
  const text = line.endsWith('\n') ? line.slice(0, -1) : line;
  const match = format === 'csv' ? /^(\d+)(?:,|$)/.exec(text) : /^\{"point":(\d+)[,}]/.exec(text);
  const point = match === null ? Number.NaN : Number(match[1]);
  if (!Number.isSafeInteger(point)) {
    throw new Error(`found ${JSON.stringify(shorten(text))}, expected a ${format === 'csv' ? 'CSV' : 'JSON Lines'} sweep row starting with its point number`);
  }
  return point;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The fields of one CSV record (RFC 4180 quoting; the record may span lines). */
export function csvFields(record: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (record[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = record.indexOf('"', i);
        if (close < 0) throw new Error('unterminated quoted field');
        value += record.slice(i, close);
        if (record[close + 1] === '"') {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      fields.push(value);
    } else {
      const comma = record.indexOf(',', i);
      fields.push(record.slice(i, comma < 0 ? record.length : comma));
      i = comma < 0 ? record.length : comma;
    }
    if (i >= record.length) return fields;
    if (record[i] !== ',') throw new Error('text after a quoted field');
    i++;
  }
}

/**
 * The records of a CSV text, each with its newline: a newline inside quotes does not end a
 * record. `rest` is what follows the last newline (empty for a complete file).
 */
export function csvRecords(text: string): { records: string[]; rest: string } {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      records.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  return { records, rest: text.slice(start) };
}

function jsonLines(text: string): { records: string[]; rest: string } {
  const records: string[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    records.push(text.slice(start, end + 1));
    start = end + 1;
  }
  return { records, rest: text.slice(start) };
}

interface Row {
  readonly point: number;
  readonly text: string;
}

/**
 * Combines the outputs of the shards of one sweep into what the unsharded sweep writes:
 * the CSV header once, then every row sorted by point index; rows of one point keep their
 * order (the design order), across outputs in the order given.
 * @param names the outputs' file names, for messages (default `output 1`, `output 2`, …)
 * @throws Error when the outputs have different headers (CSV) or parameters and metrics
 *   (JSON Lines), when an output ends in the middle of a row or holds something other than
 *   rows, or when a (point, design) pair appears twice; the message names the output
 */
export function mergeSweepOutputs(texts: readonly string[], format: SweepFormat, names: readonly string[] = []): string {
  const nameOf = (i: number): string => names[i] ?? `output ${i + 1}`;
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  let header: { text: string; from: number } | undefined;
  let shape: { key: string; from: number } | undefined;

  texts.forEach((text, file) => {
    if (text === '') return; // a shard with nothing to write
    const { records, rest } = format === 'csv' ? csvRecords(text) : jsonLines(text);
    if (rest !== '') {
      throw new Error(`${nameOf(file)}: ends in the middle of a row (no final newline), expected the complete output of a shard`);
    }
    let body = records;
    let designColumn = -1;
    let columns = 0;
    if (format === 'csv') {
      const first = records[0]!;
      if (header === undefined) header = { text: first, from: file };
      else if (first !== header.text) {
        throw new Error(
          `${nameOf(file)}: found a header different from ${nameOf(header.from)}'s (${headerDifference(header.text, first)}), expected the outputs of shards of one sweep`,
        );
      }
      const fields = csvFields(first.slice(0, -1));
      columns = fields.length;
      designColumn = fields.indexOf('design', 1);
      if (fields[0] !== 'point' || designColumn < 0) {
        throw new Error(`${nameOf(file)}: found ${JSON.stringify(shorten(first.slice(0, -1)))} on line 1, expected a sweep header point,…,design,…`);
      }
      body = records.slice(1);
    }
    body.forEach((line, n) => {
      const where = `${nameOf(file)}, row ${n + 1}`;
      let point: number;
      let design: string;
      try {
        point = parseSweepRowPoint(line, format);
        if (format === 'csv') {
          const fields = csvFields(line.slice(0, -1));
          if (fields.length !== columns) throw new Error(`found ${fields.length} fields, expected ${columns} as in the header`);
          design = fields[designColumn]!;
        } else {
          const value = JSON.parse(line) as { params?: unknown; design?: unknown; metrics?: unknown };
          if (typeof value.design !== 'string' || typeof value.params !== 'object' || typeof value.metrics !== 'object') {
            throw new Error('expected a sweep row {point, params, design, replications, metrics}');
          }
          design = value.design;
          const key = JSON.stringify([Object.keys(value.params ?? {}), Object.keys(value.metrics ?? {})]);
          if (shape === undefined) shape = { key, from: file };
          else if (key !== shape.key) {
            throw new Error(`found other parameters or metrics than ${nameOf(shape.from)}'s rows, expected the outputs of shards of one sweep`);
          }
        }
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`);
      }
      const key = `${point}\u0000${design}`;
      const first = seen.get(key);
      if (first !== undefined) {
        throw new Error(
          `${where}: found point ${point} of design ${JSON.stringify(design)} again (already in ${nameOf(first)}), expected each (point, design) once`,
        );
      }
      seen.set(key, file);
      rows.push({ point, text: line });
    });
  });

  rows.sort((a, b) => a.point - b.point); // stable: design order within a point
  return (header?.text ?? '') + rows.map((row) => row.text).join('');
}

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
