// Sweep rows read back as text (sweep-rows.ts writes them): a row's point index, the
// records and fields of a CSV text, the lines of a JSON Lines text.
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

export function shorten(text: string): string {
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

export function jsonLines(text: string): { records: string[]; rest: string } {
  const records: string[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    records.push(text.slice(start, end + 1));
    start = end + 1;
  }
  return { records, rest: text.slice(start) };
}
