// Problems found in a scenario file, and the error that carries all of them at once.
import { InputError, oneLine } from './input-error.ts';

/** One thing wrong with a scenario file. */
export interface Problem {
  /** The file as it was given (for text parsed in code, the name given with it). */
  readonly file: string;
  /**
   * Dotted field path, e.g. `designs.four-numbers.numbers[1].to`; empty for problems with
   * the file as a whole (unreadable, empty, YAML or JSON syntax).
   */
  readonly path: string;
  /** What was found and what is allowed, e.g. `found 1.2, expected a probability in [0, 1]`. */
  readonly message: string;
  /** 1-based line and column of the problem in the file, where known. */
  readonly line?: number;
  readonly column?: number;
}

/** A path as a list of keys and array indexes. */
export type PathSegments = readonly (string | number)[];

/** One line: `file: path: message`, or `file: message` without a path. */
export function formatProblem(problem: Problem): string {
  return problem.path === ''
    ? `${problem.file}: ${problem.message}`
    : `${problem.file}: ${problem.path}: ${problem.message}`;
}

/** A scenario file that cannot be used; `problems` lists everything found wrong with it. */
export class ScenarioError extends InputError {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    // One line per problem, whatever a message picked up on its way.
    const flat = problems.map((p) => ({ ...p, message: oneLine(p.message) }));
    super(flat.map(formatProblem));
    this.problems = flat;
  }
}

const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

/** `['designs', 'one', 'numbers', 1, 'to']` -> `designs.one.numbers[1].to`. */
export function formatPath(path: PathSegments): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * A short, one-line rendering of a value found in the file: numbers and booleans as they
 * are, strings quoted, small lists and mappings in flow style, larger ones by their kind.
 */
export function describeValue(value: unknown): string {
  const flow = renderFlow(value, 2);
  if (flow.length <= 60) return flow;
  if (Array.isArray(value)) return `a list of ${value.length} items`;
  if (typeof value === 'string') return `${JSON.stringify(value.slice(0, 40))}…`;
  if (isRecord(value)) {
    const keys = Object.keys(value);
    const shown = keys.slice(0, 4).map((k) => (PLAIN_KEY.test(k) && k.length <= 20 ? k : JSON.stringify(k.slice(0, 20))));
    return keys.length === 0 ? 'a mapping' : `a mapping with the keys ${shown.join(', ')}${keys.length > 4 ? ', …' : ''}`;
  }
  return `${flow.slice(0, 57)}...`;
}

function renderFlow(value: unknown, depth: number): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return depth < 2 && isPlain(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    if (depth === 0) return '[…]';
    return `[${value.map((v) => renderFlow(v, depth - 1)).join(', ')}]`;
  }
  if (isRecord(value)) {
    if (depth === 0) return '{…}';
    const entries = Object.entries(value).map(([k, v]) => `${PLAIN_KEY.test(k) ? k : JSON.stringify(k)}: ${renderFlow(v, depth - 1)}`);
    return `{${entries.join(', ')}}`;
  }
  return typeof value;
}

/**
 * A number as a scenario file writes it: `1e300` rather than JavaScript's `1e+300`, and the
 * YAML words `.inf`, `-.inf` and `.nan` for the values only YAML can give.
 */
function numberText(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return String(value).replace('e+', 'e');
}

/** A string that reads the same unquoted in a YAML flow collection (and is not a number). */
function isPlain(text: string): boolean {
  return /^[A-Za-z][\w./-]*$/.test(text) || (/^[\d.]+[a-z][\w./]*$/.test(text) && Number.isNaN(Number(text)));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What an integer written beyond 2^53 - 1 is: the loader keeps its digits as a BigInt to say so. */
export const UNSAFE_INTEGER = `a whole number beyond ${Number.MAX_SAFE_INTEGER} (2^53 - 1) that cannot be read exactly`;

/** The start of a problem message about a value: `found 1.2` or `missing`. */
export function found(value: unknown): string {
  if (typeof value === 'bigint') return `found ${value}, ${UNSAFE_INTEGER}`;
  return value === undefined ? 'missing' : `found ${describeValue(value)}`;
}

/**
 * The closest candidate to a misspelt word, if it is close enough to be a likely typo
 * (optimal string alignment distance, case-insensitive, at most about a third of the word).
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = w.length <= 3 ? 1 : w.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(w, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Levenshtein distance where swapping two adjacent letters also costs 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

/** `; did you mean "x"?` when a candidate is close, else nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const guess = suggest(word, candidates);
  return guess === undefined ? '' : `; did you mean ${JSON.stringify(guess)}?`;
}

/** Names for a message: `a, b, c` (the first dozen). */
export function listNames(names: readonly string[], limit = 12): string {
  return names.slice(0, limit).join(', ') + (names.length > limit ? ', …' : '');
}

/** Why a file could not be read, in a few words (`no such file`, `permission denied`, ...). */
export function readFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  }
}
