// YAML text to data, with every problem of the text in the loader's words: a line and a
// column, the field path where there is one (a duplicate key), what was found and what is
// allowed. Bombs are refused before they go off: lists or mappings nested thousands deep
// (which would overflow the stack) and aliases that expand to too much data.
import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, type CST, type Document, type Scalar, type YAMLError } from 'yaml';
import { formatPath, ScenarioError, type PathSegments, type Problem } from './errors.ts';
import { MAX_NESTING_DEPTH } from './file-text.ts';
import type { Locator } from './validate.ts';
import { rangeOf, yamlLocator } from './yaml-locator.ts';

/**
 * Most alias expansions a YAML file may make (the yaml library's own measure, which counts
 * the nodes an alias brings in). Plenty for sharing a few distributions or teams, far too
 * few for a "billion laughs" bomb.
 */
export const MAX_YAML_ALIAS_COUNT = 100;

const NESTING_MESSAGE = `found lists or mappings nested more than ${MAX_NESTING_DEPTH} levels deep, expected a scenario (nested a few levels deep)`;

/**
 * Parses YAML text (not empty) into plain data, with a locator of paths.
 * @throws ScenarioError listing the problems of the text
 */
export function parseYaml(text: string, file: string): { raw: unknown; locate: Locator } {
  const lines = new LineCounter();
  const at = (offset: number, message: string, path: PathSegments = []): Problem => {
    const { line, col: column } = lines.linePos(offset);
    const where = `line ${line}, column ${column}`;
    return path.length === 0
      ? { file, path: '', message: `YAML error at ${where}: ${message}`, line, column }
      : { file, path: formatPath(path), message: `${message} (${where})`, line, column };
  };

  let docs: Document.Parsed[];
  try {
    // The parser keeps its own stack; the composer recurses, so depth is checked in between.
    const tokens = [...new Parser(lines.addNewLine).parse(text)];
    const deep = firstTooDeep(tokens);
    if (deep !== undefined) throw new ScenarioError([at(deep, NESTING_MESSAGE)]);
    docs = [...new Composer({ uniqueKeys: true, merge: true, strict: true }).compose(tokens, true, text.length)];
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const message = error instanceof RangeError ? NESTING_MESSAGE : `YAML error: ${plain(error instanceof Error ? error.message : String(error))}`;
    throw new ScenarioError([{ file, path: '', message }]);
  }
  const doc = docs[0];
  if (doc === undefined) throw new Error('unreachable: the YAML composer gave no document');

  const keys = keyPaths(doc);
  const problems: Problem[] = [];
  const seenLines = new Set<number>();
  // A tag the parser only warns about is reported below, with its field path.
  const warnings = doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED');
  for (const e of [...doc.errors, ...warnings]) {
    const problem = yamlProblem(e, text, keys.mapAt, at);
    // One problem per line: the parser often adds a few more words about the same mistake.
    if (problem.line !== undefined && seenLines.has(problem.line)) continue;
    if (problem.line !== undefined) seenLines.add(problem.line);
    problems.push(problem);
  }
  const second = docs[1];
  if (second !== undefined) {
    problems.push(at(second.range[0], 'found a second YAML document (after a "---" line), expected one scenario per file'));
  }
  // Keys are checked in a document without errors (in a broken one they are the parser's guesses).
  if (doc.errors.length === 0) problems.push(...keys.problems.map((p) => at(p.offset, p.message, p.path)));
  if (problems.length > 0) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    throw new ScenarioError(problems);
  }
  if (doc.contents === null) {
    throw new ScenarioError([
      {
        file,
        path: '',
        message: 'the file is empty (it has only comments), expected a scenario with name, run, demand, teams and designs',
      },
    ]);
  }

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (error) {
    throw new ScenarioError([toJsProblem(error, text, file, lines)]);
  }
  return { raw, locate: yamlLocator(doc, lines) };
}

// ---------------------------------------------------------------------------------------
// Nesting.

type CstNode = { readonly type?: string; readonly offset?: number; readonly value?: unknown; readonly items?: readonly CstItem[] };
type CstItem = { readonly key?: unknown; readonly value?: unknown };

/** Offset of the first list or mapping nested more than MAX_NESTING_DEPTH deep, if any. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CstNode, number][] = tokens.map((t) => [t as CstNode, 0]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node.type === 'document') {
      if (isNode(node.value)) stack.push([node.value, 0]);
    } else if (node.type === 'block-map' || node.type === 'block-seq' || node.type === 'flow-collection') {
      if (depth >= MAX_NESTING_DEPTH) return node.offset ?? 0;
      for (const item of node.items ?? []) {
        if (isNode(item.key)) stack.push([item.key, depth + 1]);
        if (isNode(item.value)) stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

const isNode = (value: unknown): value is CstNode => typeof value === 'object' && value !== null;

// ---------------------------------------------------------------------------------------
// Keys.

interface KeyProblem {
  readonly path: PathSegments;
  readonly offset: number;
  readonly message: string;
}

/** Tags that change nothing in a scenario: YAML's core types. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** The message for a tag that makes a value something a scenario cannot hold (binary, a set, a date...), if any. */
function tagProblem(node: unknown): string | undefined {
  const tag = (node as { tag?: unknown } | null)?.tag;
  if (typeof tag !== 'string' || PLAIN_TAGS.has(tag)) return undefined;
  return `found the tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')}, expected plain values without tags`;
}

/**
 * The path of the mapping each key belongs to (by the key's offset), for duplicate keys;
 * keys that cannot be names (a list or a mapping as a key, an empty key); and tags that
 * make values a scenario cannot hold (binary data, sets, dates).
 */
function keyPaths(doc: Document.Parsed): { mapAt: ReadonlyMap<number, PathSegments>; problems: KeyProblem[] } {
  const mapAt = new Map<number, PathSegments>();
  const problems: KeyProblem[] = [];
  const walk = (node: unknown, path: PathSegments): void => {
    const tagged = tagProblem(node);
    if (tagged !== undefined) {
      problems.push({ path, offset: rangeOf(node) ?? 0, message: tagged });
      return;
    }
    if (isScalar(node)) keepExactInteger(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key: unknown = pair.key;
        const offset = rangeOf(key) ?? rangeOf(node) ?? 0;
        if (isScalar(key)) {
          mapAt.set(offset, path);
          if (key.value === null || key.value === '') {
            problems.push({ path, offset, message: 'found an empty key (nothing before ":"), expected a name' });
          } else {
            walk(pair.value, [...path, String(key.value)]);
          }
        } else if (isMap(key) || isSeq(key)) {
          problems.push({ path, offset, message: `found a ${isSeq(key) ? 'list' : 'mapping'} as a key, expected a name` });
        } else if (key === null) {
          problems.push({ path, offset, message: 'found an empty key (nothing before ":"), expected a name' });
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return { mapAt, problems };
}

/** An integer literal: decimal, or the hexadecimal and octal of YAML's core schema. */
const INTEGER_LITERAL = /^[-+]?(?:\d+|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/**
 * An integer written beyond 2^53 - 1, which a number cannot hold exactly
 * (9007199254740993 would read as ...992), becomes the BigInt of its digits: no field
 * takes one, and the refusal quotes it as written.
 */
function keepExactInteger(node: Scalar): void {
  const { value, source } = node;
  if (typeof value !== 'number' || !Number.isInteger(value) || Number.isSafeInteger(value)) return;
  if (node.type !== 'PLAIN' || source === undefined || !INTEGER_LITERAL.test(source)) return;
  const digits = BigInt(source.replace(/^[-+]/, ''));
  node.value = source.startsWith('-') ? -digits : digits;
}

// ---------------------------------------------------------------------------------------
// Messages.

/** CST token names as a reader knows them (they appear in some of the parser's messages). */
const TOKEN_NAMES: Readonly<Record<string, string>> = {
  'seq-item-ind': '"-"',
  'block-seq-ind': '"-"',
  'explicit-key-ind': '"?"',
  'map-value-ind': '":"',
  'flow-map-start': '"{"',
  'flow-map-end': '"}"',
  'flow-seq-start': '"["',
  'flow-seq-end': '"]"',
  'flow-error-end': 'end of a flow collection',
  comma: '","',
  'doc-start': '"---"',
  'doc-end': '"..."',
  'block-scalar-header': 'block scalar header ("|" or ">")',
  'directive-line': 'directive ("%")',
  'byte-order-mark': 'byte order mark',
};
const TOKEN_PATTERN = new RegExp(`(?<![\\w-])(${Object.keys(TOKEN_NAMES).join('|')})(?![\\w-])`, 'g');

function yamlProblem(
  e: YAMLError,
  text: string,
  mapAt: ReadonlyMap<number, PathSegments>,
  at: (offset: number, message: string, path?: PathSegments) => Problem,
): Problem {
  const offset = e.pos[0];
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return at(offset, `found the key ${keyText(text, e.pos)} twice in the same mapping, expected each key once`, mapAt.get(offset) ?? []);
    case 'TAG_RESOLVE_FAILED': {
      const tag = /Unresolved tag: (\S+)/.exec(e.message)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!');
      return at(offset, tag === undefined ? plain(e.message) : `found the tag ${tag}, expected plain values without tags`);
    }
    case 'RESOURCE_EXHAUSTION':
      return at(offset, NESTING_MESSAGE);
    case 'IMPOSSIBLE':
      // What the parser says of a flow list or mapping written as a key after the first one.
      if (/^[[{]/.test(text.slice(offset, offset + 1))) return at(offset, `found a ${text[offset] === '[' ? 'list' : 'mapping'} as a key, expected a name`);
      return at(offset, plain(e.message));
    case 'MULTILINE_IMPLICIT_KEY':
      return at(offset, 'found a key that does not end on its line, expected "key: value" (is a ":", or the space after it, missing?)');
    default:
      return at(offset, plain(e.message));
  }
}

/** A parser message on one line, with token names in plain words. */
function plain(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').replace(TOKEN_PATTERN, (name) => TOKEN_NAMES[name] ?? name);
}

/** The key a duplicate-key error points at, as written (quoted). */
function keyText(text: string, pos: readonly [number, number]): string {
  const rest = text.slice(pos[0], text.indexOf('\n', pos[0]) === -1 ? undefined : text.indexOf('\n', pos[0]));
  const key = /^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^:#{}[\],]+?)\s*:/.exec(rest)?.[1]?.trim();
  if (key === undefined || key === '' || key.length > 60) return 'a key';
  return /^["']/.test(key) ? key : JSON.stringify(key);
}

/** A failure of turning the document into data: aliases, merge keys, the stack. */
function toJsProblem(error: unknown, text: string, file: string, lines: LineCounter): Problem {
  const message = error instanceof Error ? error.message : String(error);
  if (/alias count/i.test(message)) {
    return {
      file,
      path: '',
      message: `found aliases that expand to too much data, expected at most ${MAX_YAML_ALIAS_COUNT} alias expansions (the file looks like a "billion laughs" attack)`,
    };
  }
  if (error instanceof RangeError) return { file, path: '', message: NESTING_MESSAGE };
  if (/merge/i.test(message)) {
    return { file, path: '', message: 'found a merge key "<<" whose value is not a mapping, expected "<<: *name" naming the anchor of a mapping' };
  }
  const alias = /unresolved alias.*: (\S+)$/i.exec(message)?.[1];
  const offset = alias === undefined ? -1 : text.search(new RegExp(`\\*${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`));
  if (alias !== undefined && offset >= 0) {
    const { line, col: column } = lines.linePos(offset);
    return {
      file,
      path: '',
      message: `YAML error at line ${line}, column ${column}: found the alias *${alias}, expected an anchor &${alias} defined before it`,
      line,
      column,
    };
  }
  return { file, path: '', message: `YAML error: ${plain(message)}` };
}
