// Sweep rows read back (sweep-rows.ts writes them): a row's point index, the records and
// fields of a CSV text, and the merge of shard outputs into exactly what the unsharded
// sweep writes.
import { csvFieldText } from './csv-field.ts';
import type { SweepFormat } from './sweep-rows.ts';

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

/**
 * The fields of one CSV record (RFC 4180 quoting; the record may span lines), each the text
 * csvField was given: a formula's guarding quote is removed.
 */
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
      fields.push(csvFieldText(value));
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
