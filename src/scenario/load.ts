// Reading scenario files: YAML or JSON text to a validated, resolved Scenario. The files
// are read through a FileSource given by the caller.
import { extname } from 'node:path';
import { empiricalFileReader, type EmpiricalFileOptions, type EmpiricalFileReader } from './empirical-files.ts';
import { sha256Hex } from './digest.ts';
import { describeValue, readFailure, ScenarioError, type PathSegments, type Problem } from './errors.ts';
import { NO_FILES, type FileSource } from './file-source.ts';
import { binaryTextProblem, decodeText } from './file-text.ts';
import { checkJsonSyntax, lineColumn } from './json-syntax.ts';
import type { Scenario } from './model.ts';
import { MAX_REPLICATIONS, MAX_SEED } from './schema-limits.ts';
import { setAt } from './sweep-paths.ts';
import { validateScenario, type Locator } from './validate.ts';
import { MAX_YAML_ALIAS_COUNT, parseYaml } from './yaml-text.ts';

export { MAX_YAML_ALIAS_COUNT };

export type ScenarioFormat = 'yaml' | 'json';

export interface ParseOptions extends EmpiricalFileOptions {
  /** The format, when the file name does not give it. */
  readonly format?: ScenarioFormat;
  /** Where the files of empirical distributions are read (default: none can be). */
  readonly source?: FileSource;
}

/**
 * Parses, validates and resolves scenario text.
 * @param file the file name, for messages; also gives the format when `format` is absent,
 *   and the directory empirical files are relative to
 * @throws ScenarioError listing every problem found
 */
export function parseScenario(text: string, file: string, options: ParseOptions = {}): Scenario {
  const data = parseScenarioData(text, file, options);
  return validateScenario(data.raw, file, data);
}

/**
 * Parses scenario text without validating it, as readScenarioData reads a file: for text
 * that comes from no file (an editor's). Its SHA-256 is that of the text's UTF-8 bytes,
 * what `sha256sum` gives for the text saved as a file.
 * @throws ScenarioError when the text is not valid YAML or JSON
 */
export function parseScenarioData(text: string, file: string, options: ParseOptions = {}): ScenarioData {
  const { raw, locate } = parseText(text, file, options.format);
  return { raw, file, locate, files: empiricalFileReader(options.source ?? NO_FILES, file, options), sha256: sha256Hex(text) };
}

/**
 * Reads a scenario file (`.yaml`, `.yml` or `.json`) and resolves it.
 * @param file the path as the user gave it; messages and the Scenario carry it unchanged
 * @param source where it and the files it names are read
 * @throws ScenarioError when the file cannot be read or is not a valid scenario
 */
export function loadScenario(file: string, source: FileSource, options: EmpiricalFileOptions = {}): Scenario {
  const { raw, locate, files, sha256 } = readScenarioData(file, source, options);
  return validateScenario(raw, file, { locate, files, sha256 });
}

/** A scenario file read and parsed, not yet validated. */
export interface ScenarioData {
  /** What the YAML or JSON text parses to (aliases and merge keys expanded): plain data. */
  readonly raw: unknown;
  /** The file as given, for messages and for the files of empirical distributions. */
  readonly file: string;
  /** Where a path of `raw` is in the file (YAML only). */
  readonly locate?: Locator;
  /** The files of its empirical distributions, each read once however often it is validated. */
  readonly files: EmpiricalFileReader;
  /** SHA-256 of the file's bytes, hexadecimal (`sha256sum FILE`). */
  readonly sha256: string;
}

/**
 * Reads and parses a scenario file without validating it: the first step of
 * `loadScenario`, for building many scenarios from one file (`scenarioWithValues`).
 * @throws ScenarioError when the file cannot be read or is not valid YAML or JSON
 */
export function readScenarioData(file: string, source: FileSource, options: EmpiricalFileOptions = {}): ScenarioData {
  const { text, sha256 } = readText(file, source);
  const { raw, locate } = parseText(text, file);
  return { raw, file, locate, files: empiricalFileReader(source, file, options), sha256 };
}

function readText(file: string, source: FileSource): { text: string; sha256: string } {
  const kind = formatOf(file); // an unknown extension is refused before reading
  let bytes: Uint8Array;
  try {
    bytes = source.readScenario(file);
  } catch (error) {
    throw new ScenarioError([{ file, path: '', message: `cannot read the file: ${readFailure(error)}` }]);
  }
  const decoded = decodeText(bytes, kind);
  if (!decoded.ok) throw new ScenarioError([{ file, path: '', message: decoded.message }]);
  return { text: decoded.text, sha256: sha256Hex(bytes) };
}

/** YAML or JSON text to data, with a locator of paths for YAML. */
function parseText(text: string, file: string, format?: ScenarioFormat): { raw: unknown; locate?: Locator } {
  const kind = format ?? formatOf(file);
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') {
    const blank = source === '' ? '' : ' (only blank space)';
    throw new ScenarioError([
      { file, path: '', message: `the file is empty${blank}, expected a scenario with name, run, demand, teams and designs` },
    ]);
  }
  const binary = binaryTextProblem(source, kind);
  if (binary !== undefined) throw new ScenarioError([{ file, path: '', message: binary }]);
  return kind === 'json' ? { raw: parseJson(source, file) } : parseYaml(source, file);
}

/**
 * The scenario with run settings replaced, e.g. from the command line. Undefined values
 * leave the file's settings. `run.maxReplications` stays as it was, raised to the new
 * replications when below them (the override of replications wins).
 * @throws ScenarioError when a value is not allowed
 */
export function withOverrides(scenario: Scenario, overrides: { replications?: number; seed?: number }): Scenario {
  const file = scenario.file ?? '(scenario)';
  const problems: Problem[] = [];
  const { replications, seed } = overrides;
  if (replications !== undefined && !(Number.isSafeInteger(replications) && replications >= 1 && replications <= MAX_REPLICATIONS)) {
    problems.push({
      file,
      path: 'run.replications',
      message: `found ${describeValue(replications)} (override), expected a whole number of replications from 1 to ${MAX_REPLICATIONS}`,
    });
  }
  if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0)) {
    problems.push({
      file,
      path: 'run.seed',
      message: `found ${describeValue(seed)} (override), expected a whole number from 0 to ${MAX_SEED}`,
    });
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  const runs = replications ?? scenario.run.replications;
  return {
    ...scenario,
    run: {
      ...scenario.run,
      replications: runs,
      seed: seed ?? scenario.run.seed,
      maxReplications: Math.max(scenario.run.maxReplications ?? 0, runs),
    },
  };
}

function formatOf(file: string): ScenarioFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  if (extension === '.json') return 'json';
  throw new ScenarioError([
    {
      file,
      path: '',
      message: `found ${extension === '' ? 'no file extension' : `the extension "${extension}"`}, expected .yaml, .yml or .json`,
    },
  ]);
}

// ---------------------------------------------------------------------------------------

function parseJson(text: string, file: string): unknown {
  // Integers beyond 2^53 - 1 are kept as the BigInt of their digits, as in YAML (yaml-text.ts).
  const unsafe: { path: PathSegments; digits: string }[] = [];
  const syntax = checkJsonSyntax(text, (path, digits) => unsafe.push({ path, digits }));
  if (syntax !== undefined) {
    const { line, column } = lineColumn(text, syntax.offset);
    throw new ScenarioError([
      { file, path: '', message: `JSON error at line ${line}, column ${column}: ${syntax.message}`, line, column },
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // Not expected after the check above; keep JSON.parse's own words.
    throw new ScenarioError([{ file, path: '', message: `JSON error: ${(error as Error).message}` }]);
  }
  for (const { path, digits } of unsafe) {
    if (path.length === 0) return BigInt(digits);
    setAt(raw, path, BigInt(digits));
  }
  return raw;
}
