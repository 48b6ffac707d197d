// Empirical distributions read from files: `{dist: empirical, file: path.csv}`, a one-column
// CSV of seconds whose path is relative to the scenario file's directory. Files are read
// from the raw data, whatever else is wrong with it, so that their problems come with all
// the others; a sweep validates its file at every point, but reads each file once.
import { dirname, isAbsolute, join } from 'node:path';
import { isRecord, readFailure, type PathSegments } from './errors.ts';
import type { FileSource } from './file-source.ts';
import type { Parsed } from './units.ts';

export interface EmpiricalFiles {
  /** The values of every file that could be read, by its name as written in the scenario. */
  readonly values: ReadonlyMap<string, readonly number[]>;
  /** One problem per field naming a file that cannot be used (at the `file` field). */
  readonly problems: readonly { readonly path: PathSegments; readonly message: string }[];
}

/** The files named by the empirical distributions of some raw data, read or remembered. */
export type EmpiricalFileReader = (raw: unknown) => EmpiricalFiles;

/**
 * A reader of the files named by empirical distributions, each read at most once however
 * often it is asked (the data of every sweep point names the same files).
 * @param scenarioFile the scenario file as given; file names are relative to its directory
 */
export function empiricalFileReader(source: FileSource, scenarioFile: string): EmpiricalFileReader {
  const read = new Map<string, Parsed<readonly number[]>>();
  return (raw) => {
    const values = new Map<string, readonly number[]>();
    const problems: { path: PathSegments; message: string }[] = [];
    for (const { path, name } of empiricalFileFields(raw, [])) {
      let result = read.get(name);
      if (result === undefined) {
        result = readSecondsFile(source, name, scenarioFile);
        read.set(name, result);
      }
      if (result.ok) values.set(name, result.value);
      else problems.push({ path, message: result.message });
    }
    return { values, problems };
  };
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

function readSecondsFile(source: FileSource, name: string, scenarioFile: string): Parsed<readonly number[]> {
  let text: string;
  try {
    text = source.readText(isAbsolute(name) ? name : join(dirname(scenarioFile), name));
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
