// The text of a one-column CSV of seconds (an empirical distribution's file) to its values:
// plain decimal numbers from 0 to the longest duration a scenario takes, an optional header
// of words. A message quotes at most the value at fault, never a line of the file.
import { MAX_DURATION, PLAIN_DECIMAL, type Parsed } from './units.ts';

/** Something meant as a number, in whatever notation (`0x10`, `3m`, `1,5`, `NaN`, `-Infinity`). */
const NUMBER_LIKE = /^[+-]?(?:\.?\d|(?:nan|inf|infinity)$)/i;
/** A value short and plain enough to be quoted back without showing the file's content. */
const QUOTABLE = /^[\p{L}\p{N}_.+-]{1,20}$/u;
/** Separators of a CSV with more than one column. */
const SEPARATORS = /[,;\t]/;

const EXPECTED = `expected a number of seconds from 0 to ${MAX_DURATION} (100 years)`;

/**
 * The values of a one-column CSV of seconds: one number per line, blank lines ignored, an
 * optional header (a first line of words: `NaN`, `0x10` or `3m` are values in a notation
 * the file does not take, not a header); a value may be double-quoted.
 * @param name the file's name as written in the scenario, for messages
 */
export function parseSecondsCsv(text: string, name: string): Parsed<readonly number[]> {
  const values: number[] = [];
  let firstBad: { line: number; problem: string } | undefined;
  let bad = 0;
  let seenContent = false;
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const cell = unquote(line.trim());
    if (cell === '') return;
    const first = !seenContent;
    seenContent = true;
    if (first && isHeader(cell)) return;
    const value = PLAIN_DECIMAL.test(cell) ? Number(cell) : NaN;
    if (value >= 0 && value <= MAX_DURATION) {
      values.push(value);
    } else {
      bad++;
      firstBad ??= { line: i + 1, problem: cellProblem(cell) };
    }
  });
  if (firstBad !== undefined) {
    const more = bad - 1;
    return {
      ok: false,
      message: `${name} line ${firstBad.line}: ${firstBad.problem}` + (more > 0 ? ` (and ${more} more such line${more > 1 ? 's' : ''})` : ''),
    };
  }
  if (values.length === 0) {
    return {
      ok: false,
      message: `found no values in ${JSON.stringify(name)}, expected one number of seconds ≥ 0 per line (after an optional header line)`,
    };
  }
  return { ok: true, value: values };
}

/** A header names the column in words: it has a letter, one column, and reads as no number. */
const isHeader = (cell: string): boolean => /\p{L}/u.test(cell) && !SEPARATORS.test(cell) && !NUMBER_LIKE.test(cell);

/** What is wrong with a cell that is not a value, quoting it only when it is short and plain. */
function cellProblem(cell: string): string {
  if (PLAIN_DECIMAL.test(cell)) return `found ${cell}, ${EXPECTED}`;
  const separator = SEPARATORS.exec(cell)?.[0];
  if (separator !== undefined) {
    const fields = cell.split(separator).length;
    return `found ${fields} fields separated by ${separator === '\t' ? 'tabs' : `"${separator}"`}, expected one number of seconds per line (decimals written with a point)`;
  }
  const shown = QUOTABLE.test(cell) ? JSON.stringify(cell) : `a value of ${[...cell].length} characters`;
  if (NUMBER_LIKE.test(cell)) {
    return `found ${shown}, a notation the file does not take, expected a plain decimal number of seconds from 0 to ${MAX_DURATION} (100 years), such as 45 or 3.5`;
  }
  return `found ${shown}, ${EXPECTED}`;
}

function unquote(cell: string): string {
  return cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).trim() : cell;
}
