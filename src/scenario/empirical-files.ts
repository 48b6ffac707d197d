// Empirical distributions read from files: `{dist: empirical, file: path.csv}`, a one-column
// CSV of seconds (seconds-csv.ts) whose path is relative to the scenario file's directory,
// and in it or below it unless the caller allows more. Files are read
// from the raw data, whatever else is wrong with it, so that their problems come with all
// the others; a sweep validates its file at every point, but reads each file once.
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isRecord, readFailure, type PathSegments } from './errors.ts';
import type { FileSource } from './file-source.ts';
import { decodeText } from './file-text.ts';
import { parseSecondsCsv } from './seconds-csv.ts';
import type { Parsed } from './units.ts';

export interface EmpiricalFiles {
  /** The values of every file that could be read, by its name as written in the scenario. */
  readonly values: ReadonlyMap<string, readonly number[]>;
  /** One problem per field naming a file that cannot be used (at the `file` field). */
  readonly problems: readonly { readonly path: PathSegments; readonly message: string }[];
}

/** The files named by the empirical distributions of some raw data, read or remembered. */
export type EmpiricalFileReader = (raw: unknown) => EmpiricalFiles;

export interface EmpiricalFileOptions {
  /**
   * Files anywhere may be read; by default only those in the scenario file's folder or
   * below it, once links are followed.
   */
  readonly allowOutsideFiles?: boolean;
}

/**
 * A reader of the files named by empirical distributions, each read at most once however
 * often it is asked (the data of every sweep point names the same files).
 * @param scenarioFile the scenario file as given; file names are relative to its directory
 */
export function empiricalFileReader(source: FileSource, scenarioFile: string, options: EmpiricalFileOptions = {}): EmpiricalFileReader {
  const read = new Map<string, Parsed<readonly number[]>>();
  return (raw) => {
    const values = new Map<string, readonly number[]>();
    const problems: { path: PathSegments; message: string }[] = [];
    for (const { path, name } of empiricalFileFields(raw, [])) {
      let result = read.get(name);
      if (result === undefined) {
        result = readSecondsFile(source, name, scenarioFile, options.allowOutsideFiles === true);
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

function readSecondsFile(source: FileSource, name: string, scenarioFile: string, allowOutside: boolean): Parsed<readonly number[]> {
  const folder = dirname(scenarioFile);
  const path = isAbsolute(name) ? name : join(folder, name);
  if (!allowOutside) {
    const outside = outsideProblem(source, name, folder, path);
    if (outside !== undefined) return { ok: false, message: outside };
  }
  let bytes: Uint8Array;
  try {
    bytes = source.readData(path);
  } catch (error) {
    const relative = isAbsolute(name) ? '' : ' (relative to the scenario file)';
    return { ok: false, message: `cannot read ${JSON.stringify(name)}${relative}: ${readFailure(error)}` };
  }
  const decoded = decodeText(bytes, 'csv');
  if (!decoded.ok) return { ok: false, message: `${name}: ${decoded.message}` };
  return parseSecondsCsv(decoded.text, name);
}

/**
 * Why a file may not be read: it is not in the scenario file's folder or below it, once
 * links are followed (where the source can follow them). A file that cannot be found is
 * left to the reading, which says so.
 */
function outsideProblem(source: FileSource, name: string, folder: string, path: string): string | undefined {
  const real = (p: string): string => {
    try {
      return source.realPath(p);
    } catch {
      return resolve(p);
    }
  };
  const home = real(folder);
  const target = real(path);
  const way = relative(home, target);
  if (way !== '' && !way.startsWith(`..${sep}`) && way !== '..' && !isAbsolute(way)) return undefined;
  const through = target === resolve(path) ? '' : ` (it leads to ${target})`;
  return (
    `found ${JSON.stringify(name)}${through}, outside the folder of the scenario file, ` +
    'expected a file in that folder or below it (the command line\'s --allow-outside-files allows any file)'
  );
}
