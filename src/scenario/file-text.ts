// The bytes of a scenario file to text: a file that is not text (an image, an archive, a
// spreadsheet), or text not in UTF-8, is refused with one line saying so, before any parser
// sees it and answers with a puzzle.

/** Deepest nesting of lists and mappings a scenario file may have (a real one has under 10). */
export const MAX_NESTING_DEPTH = 64;

/** What a file is read as: a scenario in YAML or JSON, or the CSV of an empirical distribution. */
export type TextKind = 'yaml' | 'json' | 'csv';

/** What a file must be, for messages: `YAML text in UTF-8`. */
function textKind(kind: TextKind): string {
  return `${kind === 'json' ? 'JSON' : kind === 'csv' ? 'CSV' : 'YAML'} text in UTF-8`;
}

/**
 * The text of a file's bytes, or the message of why they are not a scenario's text.
 * A UTF-8 byte order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, kind: TextKind): { ok: true; text: string } | { ok: false; message: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: utf16Message('it starts with a UTF-16 byte order mark', kind) };
  }
  const zero = bytes.indexOf(0);
  if (zero >= 0 && looksLikeUtf16(bytes)) return { ok: false, message: utf16Message('every other byte is zero', kind) };
  if (zero >= 0) return { ok: false, message: binaryMessage(zero, kind) };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = bytePosition(bytes, bad);
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      message: `found a byte that is not valid UTF-8 (0x${byte} at line ${line}, column ${column}), expected ${textKind(kind)}: save the file as UTF-8`,
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes); // drops a byte order mark
  return { ok: true, text };
}

/**
 * The message for text given in code that holds a NUL character (text read from a file has
 * been through `decodeText` already), or undefined.
 */
export function binaryTextProblem(text: string, kind: TextKind): string | undefined {
  const zero = text.indexOf('\u0000');
  return zero < 0 ? undefined : binaryMessage(zero, kind);
}

function binaryMessage(offset: number, kind: TextKind): string {
  return `found binary data (a zero byte at offset ${offset}): this is not a text file, expected ${textKind(kind)}`;
}

function utf16Message(why: string, kind: TextKind): string {
  return `found UTF-16 text (${why}), expected ${textKind(kind)}: save the file as UTF-8`;
}

/**
 * UTF-16 without a byte order mark: mostly Latin text, so that the high byte of nearly every
 * character, at even offsets (big-endian) or odd ones (little-endian), is zero.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4_096) & ~1;
  if (n < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let k = 0; k < n; k += 2) {
    if (bytes[k] === 0) evenZeros++;
    if (bytes[k + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  return Math.max(evenZeros, oddZeros) >= 0.9 * pairs && Math.min(evenZeros, oddZeros) <= 0.1 * pairs;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points beyond U+10FFFF.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += length;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset; the bytes before it are valid UTF-8. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset; k++) {
    if (bytes[k] === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset))].length + 1 };
}
