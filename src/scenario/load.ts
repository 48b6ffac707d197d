// Reading scenario files: YAML or JSON text to a validated, resolved Scenario.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { describeValue, readFailure, ScenarioError, type PathSegments, type Problem } from './errors.ts';
import { checkJsonSyntax, lineColumn } from './json-syntax.ts';
import type { Scenario } from './model.ts';
import { validateScenario, type Locator } from './validate.ts';

export type ScenarioFormat = 'yaml' | 'json';

/**
 * Most alias expansions a YAML file may make (the yaml library's own measure, which counts
 * the nodes an alias brings in). Plenty for sharing a few distributions or teams, far too
 * few for a "billion laughs" bomb.
 */
export const MAX_YAML_ALIAS_COUNT = 100;

/**
 * Parses, validates and resolves scenario text.
 * @param file the file name, for messages; also gives the format when `format` is absent
 * @throws ScenarioError listing every problem found
 */
export function parseScenario(text: string, file: string, format?: ScenarioFormat): Scenario {
  const { raw, locate } = parseText(text, file, format);
  return validateScenario(raw, file, locate);
}

/**
 * Reads a scenario file (`.yaml`, `.yml` or `.json`) and resolves it.
 * @param file the path as the user gave it; messages and the Scenario carry it unchanged
 * @throws ScenarioError when the file cannot be read or is not a valid scenario
 */
export function loadScenario(file: string): Scenario {
  const { raw, locate } = parseText(readText(file), file);
  return validateScenario(raw, file, locate);
}

/** A scenario file's parsed data, not yet validated: plain, structured-cloneable data. */
export interface ScenarioData {
  /** What the YAML or JSON text parses to (aliases and merge keys expanded). */
  readonly raw: unknown;
  /** The file as given, for messages and for the files of empirical distributions. */
  readonly file: string;
}

/**
 * Reads and parses a scenario file without validating it: the first step of
 * `loadScenario`, for building many scenarios from one file (`scenarioWithValues`). Problems
 * found later carry field paths but no line numbers.
 * @throws ScenarioError when the file cannot be read or is not valid YAML or JSON
 */
export function readScenarioData(file: string): ScenarioData {
  return { raw: parseText(readText(file), file).raw, file };
}

function readText(file: string): string {
  formatOf(file); // an unknown extension is refused before reading
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioError([{ file, path: '', message: `cannot read the file: ${readFailure(error)}` }]);
  }
}

/** YAML or JSON text to data, with a locator of paths for YAML. */
function parseText(text: string, file: string, format?: ScenarioFormat): { raw: unknown; locate?: Locator } {
  const kind = format ?? formatOf(file);
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') {
    throw new ScenarioError([
      { file, path: '', message: 'the file is empty, expected a scenario with name, run, demand, teams and designs' },
    ]);
  }
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
  if (replications !== undefined && !(Number.isSafeInteger(replications) && replications >= 1)) {
    problems.push({
      file,
      path: 'run.replications',
      message: `found ${describeValue(replications)} (override), expected a whole number of replications, 1 or more`,
    });
  }
  if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0)) {
    problems.push({ file, path: 'run.seed', message: `found ${describeValue(seed)} (override), expected a whole number of 0 or more` });
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
  const syntax = checkJsonSyntax(text);
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
  return raw;
}

function parseYaml(text: string, file: string): { raw: unknown; locate: Locator } {
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true, strict: true });
  } catch (error) {
    throw new ScenarioError([{ file, path: '', message: `YAML error: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const syntaxProblems = [...doc.errors, ...doc.warnings].map((e): Problem => {
    const { line, col: column } = lines.linePos(e.pos[0]);
    const message =
      e.code === 'DUPLICATE_KEY'
        ? `found the key ${keyText(text, e.pos)} twice in the same mapping, expected unique keys`
        : e.message;
    return { file, path: '', message: `YAML error at line ${line}, column ${column}: ${message}`, line, column };
  });
  if (syntaxProblems.length > 0) throw new ScenarioError(syntaxProblems);

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias count/i.test(message)) {
      throw new ScenarioError([
        {
          file,
          path: '',
          message: `found aliases that expand to too much data, expected at most ${MAX_YAML_ALIAS_COUNT} alias expansions (the file looks like a "billion laughs" attack)`,
        },
      ]);
    }
    const alias = /unresolved alias.*: (\S+)$/i.exec(message)?.[1];
    const offset = alias === undefined ? -1 : text.search(new RegExp(`\\*${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`));
    if (alias !== undefined && offset >= 0) {
      const { line, col: column } = lines.linePos(offset);
      throw new ScenarioError([
        {
          file,
          path: '',
          message: `YAML error at line ${line}, column ${column}: found the alias *${alias}, expected an anchor &${alias} defined before it`,
          line,
          column,
        },
      ]);
    }
    throw new ScenarioError([{ file, path: '', message: `YAML error: ${message}` }]);
  }
  return { raw, locate: yamlLocator(doc, lines) };
}

/** The key a duplicate-key error points at, as written (quoted). */
function keyText(text: string, pos: readonly [number, number]): string {
  const rest = text.slice(pos[0], text.indexOf('\n', pos[0]) === -1 ? undefined : text.indexOf('\n', pos[0]));
  const key = /^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^:#{}[\],]+?)\s*:/.exec(rest)?.[1]?.trim();
  if (key === undefined || key === '' || key.length > 60) return 'a key';
  return /^["']/.test(key) ? key : JSON.stringify(key);
}

/**
 * Line and column of the entry at a path (the key of a mapping entry, the item of a list),
 * or of its nearest ancestor present in the file.
 */
function yamlLocator(doc: Document, lines: LineCounter): Locator {
  return (path: PathSegments) => {
    for (let n = path.length; n >= 0; n--) {
      const offset = rangeOf(entryAt(doc, path.slice(0, n)));
      if (offset !== undefined) {
        const { line, col } = lines.linePos(offset);
        return { line, column: col };
      }
    }
    return undefined;
  };
}

function rangeOf(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
}

/** The key node of a mapping entry or the node of a list item at a path. */
function entryAt(doc: Document, path: PathSegments): unknown {
  let node: unknown = doc.contents;
  let entry: unknown = node;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
      if (pair === undefined) return undefined;
      entry = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      entry = node;
    } else {
      return undefined;
    }
  }
  return entry;
}
