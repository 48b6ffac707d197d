// Empirical distributions read from files: `{dist: empirical, file: path.csv}`, a one-column
// CSV of seconds whose path is relative to the scenario file's directory. Files are read
// from the raw data, whatever else is wrong with it, so that their problems come with all
// the others.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { isRecord, readFailure, type PathSegments } from './errors.ts';
import type { Parsed } from './units.ts';

export interface EmpiricalFiles {
  /** The values of every file that could be read, by its name as written in the scenario. */
  readonly values: ReadonlyMap<string, readonly number[]>;
  /** One problem per field naming a file that cannot be used (at the `file` field). */
  readonly problems: readonly { readonly path: PathSegments; readonly message: string }[];
}

/**
 * Reads every file named by an empirical distribution of the raw data (each file once).
 * @param scenarioFile the scenario file as given; file names are relative to its directory
 */
export function readEmpiricalFiles(raw: unknown, scenarioFile: string): EmpiricalFiles {
  const results = new Map<string, Parsed<readonly number[]>>();
  const problems: { path: PathSegments; message: string }[] = [];
  for (const { path, name } of empiricalFileFields(raw, [])) {
    let result = results.get(name);
    if (result === undefined) {
      result = readSecondsFile(name, scenarioFile);
      results.set(name, result);
    }
    if (!result.ok) problems.push({ path, message: result.message });
  }
  const values = new Map<string, readonly number[]>();
  for (const [name, result] of results) if (result.ok) values.set(name, result.value);
  return { values, problems };
}

/**
 * `{dist: empirical, file: "..."}` anywhere in the data (distributions are never deep),
 * with the path of the `file` field. A file given together with values is left to the
 * schema, which refuses the pair.
 */
function empiricalFileFields(value: unknown, path: PathSegments): { path: PathSegments; name: string }[] {
  if (path.length > 32) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => empiricalFileFields(item, [...path, i]));
  if (!isRecord(value)) return [];
  const own =
    value.dist === 'empirical' && typeof value.file === 'string' && value.file !== '' && value.values === undefined
      ? [{ path: [...path, 'file'], name: value.file }]
      : [];
  return [...own, ...Object.entries(value).flatMap(([key, item]) => empiricalFileFields(item, [...path, key]))];
}

function readSecondsFile(name: string, scenarioFile: string): Parsed<readonly number[]> {
  let text: string;
  try {
    text = readFileSync(resolve(dirname(scenarioFile), name), 'utf8');
  } catch (error) {
    const relative = isAbsolute(name) ? '' : ' (relative to the scenario file)';
    return { ok: false, message: `cannot read ${JSON.stringify(name)}${relative}: ${readFailure(error)}` };
  }
  return parseSecondsCsv(text, name);
}

/** A plain decimal number, as a spreadsheet writes it (`12`, `3.5`, `.5`, `1e3`). */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The values of a one-column CSV of seconds: one number ≥ 0 per line, blank lines ignored,
 * an optional header (a first line that is not a number and has a letter, so that `60,70`
 * is a malformed line rather than a header); a value may be double-quoted.
 * @param name the file's name as written in the scenario, for messages
 */
export function parseSecondsCsv(text: string, name: string): Parsed<readonly number[]> {
  const values: number[] = [];
  let firstBad: { line: number; cell: string } | undefined;
  let bad = 0;
  let seenContent = false;
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const cell = unquote(line.trim());
    if (cell === '') return;
    const isNumber = NUMBER.test(cell);
    const first = !seenContent;
    seenContent = true;
    if (first && !isNumber && /\p{L}/u.test(cell)) return; // a header
    const value = isNumber ? Number(cell) : NaN;
    if (Number.isFinite(value) && value >= 0) {
      values.push(value);
    } else {
      bad++;
      firstBad ??= { line: i + 1, cell };
    }
  });
  if (firstBad !== undefined) {
    const more = bad - 1;
    const shown = NUMBER.test(firstBad.cell) ? firstBad.cell : JSON.stringify(firstBad.cell.slice(0, 40));
    return {
      ok: false,
      message:
        `${name} line ${firstBad.line}: found ${shown}, expected a number of seconds ≥ 0` +
        (more > 0 ? ` (and ${more} more such line${more > 1 ? 's' : ''})` : ''),
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

function unquote(cell: string): string {
  return cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).trim() : cell;
}
