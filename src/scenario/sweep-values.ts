// The words of a sweep: field paths (`teams.billing.agents`), ranges of values
// (`8..16`, `0.5..1:0.1`) and the command line's `--set PATH=VALUES`. Pure text to data;
// whether a path leads somewhere in a file is for `sweep-paths.ts` to say.
import { UNSAFE_INTEGER } from './errors.ts';
import { InputError } from './input-error.ts';
import type { Parsed } from './units.ts';
import type { SweepParameter } from './model.ts';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** Most values one range may give (a guard against `0..1e12`). */
export const MAX_RANGE_VALUES = 100_000;

/** Range values are rounded to this many significant digits (0.1 + 0.2 gives 0.3). */
export const RANGE_SIGNIFICANT_DIGITS = 12;

/** A range's end is included when it lies within this fraction of a step of a value. */
export const RANGE_END_TOLERANCE = 1e-9;

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
/** A number in a range: no dot at either end, so that `8...16` is not `8. .. 16`. */
const RANGE_NUMBER = String.raw`[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?`;
const RANGE = new RegExp(String.raw`^\s*(${RANGE_NUMBER})\s*\.\.\s*(${RANGE_NUMBER})\s*(?::\s*(${RANGE_NUMBER})\s*)?$`);

/** The range strings `parseRange` accepts, for editors. */
export const RANGE_PATTERN = RANGE.source;

export const RANGE_EXPECTED =
  'expected a range start..end or start..end:step of numbers, such as "8..16" or "0.5..1:0.1"';

export const PATH_EXPECTED = 'expected a dotted field path such as teams.billing.agents or designs.one-number.ivr.accuracy';

/**
 * Whether a text is meant as a range rather than a value: `..` between characters that
 * can only be numbers (so `../handle.csv` is a value, `8..1x` a malformed range).
 */
export function looksLikeRange(text: string): boolean {
  return /^[\s\d.eE+:-]*\d[\s\d.eE+:-]*$/.test(text) && text.includes('..');
}

/**
 * The values of a range: `start..end` (step 1) or `start..end:step`, numbers with
 * decimals allowed. Value i is `start + i * step` rounded to 12 significant digits; the end
 * is included when it is within 1e-9 of a step of a value. At least one value, at most
 * MAX_RANGE_VALUES.
 */
export function parseRange(text: string): Parsed<number[]> {
  const match = RANGE.exec(text);
  if (match === null) return fail(RANGE_EXPECTED);
  const start = Number(match[1]);
  const end = Number(match[2]);
  const step = match[3] === undefined ? 1 : Number(match[3]);
  if (![start, end, step].every(Number.isFinite)) return fail(RANGE_EXPECTED);
  const inexact = match.slice(1).find((n) => n !== undefined && isUnsafeInteger(n));
  if (inexact !== undefined) return fail(`expected numbers that can be read exactly: ${inexact} is ${UNSAFE_INTEGER}`);
  if (!(step > 0)) return fail('expected a step greater than 0 after ":", e.g. "8..16:2"');
  if (end < start) return fail(`expected an end at least the start, e.g. "${match[2]}..${match[1]}"`);
  const steps = (end - start) / step;
  if (!(steps < MAX_RANGE_VALUES)) {
    return fail(`expected a range of at most ${MAX_RANGE_VALUES} values (a larger step, or a shorter range)`);
  }
  const nearest = Math.round(steps);
  const last = Math.abs(steps - nearest) <= RANGE_END_TOLERANCE ? nearest : Math.floor(steps);
  const values: number[] = [];
  for (let i = 0; i <= last; i++) values.push(roundSignificant(start + i * step));
  return ok(values);
}

function roundSignificant(value: number): number {
  const rounded = Number(value.toPrecision(RANGE_SIGNIFICANT_DIGITS));
  return rounded === 0 ? 0 : rounded; // no -0
}

/**
 * The segments of a dotted path: `teams.billing.agents` -> ['teams', 'billing', 'agents'].
 * A list item is `.1` or `[1]` (`numbers[1].to`, `numbers.1.to`), a key with characters
 * of its own may be quoted as the loader's messages write it (`intents["meter readings"]`).
 * Numbers in brackets are numbers; everything else is a string.
 */
export function parsePath(path: string): Parsed<(string | number)[]> {
  const segments: (string | number)[] = [];
  let i = 0;
  const bad = fail(PATH_EXPECTED);
  if (path.trim() === '') return bad;
  while (i < path.length) {
    if (path[i] === '[') {
      if (segments.length === 0) return bad;
      const close = bracketEnd(path, i);
      if (close === undefined) return bad;
      const inside = path.slice(i + 1, close);
      if (/^\d+$/.test(inside)) segments.push(Number(inside));
      else if (inside.startsWith('"')) segments.push(JSON.parse(inside) as string);
      else return bad;
      i = close + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[' && path[j] !== ']') j++;
      const name = path.slice(i, j);
      if (name === '' || name.trim() !== name) return bad;
      segments.push(name);
      i = j;
    }
    if (i === path.length) break;
    if (path[i] === '.') {
      i++;
      if (i === path.length || path[i] === '.' || path[i] === '[') return bad;
    } else if (path[i] !== '[') {
      return bad;
    }
  }
  return ok(segments);
}

/** Index of the `]` closing the bracket at `open`, skipping a quoted key. */
function bracketEnd(path: string, open: number): number | undefined {
  if (path[open + 1] !== '"') {
    const close = path.indexOf(']', open);
    return close < 0 ? undefined : close;
  }
  for (let k = open + 2; k < path.length; k++) {
    if (path[k] === '\\') k++;
    else if (path[k] === '"') {
      if (path[k + 1] !== ']') return undefined;
      try {
        JSON.parse(path.slice(open + 1, k + 1));
      } catch {
        return undefined;
      }
      return k + 1;
    }
  }
  return undefined;
}

/** A key that tells whether two paths name the same place (`a[0]` and `a.0` do). */
export function pathKey(segments: readonly (string | number)[]): string {
  return JSON.stringify(segments.map(String));
}

/** Whether one path is the other or lies inside it. */
export function pathsOverlap(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
}

/** A command-line option of a sweep given wrongly: bad input (exit code 2), not a crash. */
export class SweepOptionError extends InputError {
  constructor(
    /** The option as typed, e.g. `--set`. */
    readonly option: string,
    /** What was found and what is allowed, e.g. `found "x", expected PATH=VALUES`. */
    readonly detail: string,
  ) {
    super(`${option}: ${detail}`);
  }
}

const SET_EXAMPLE = 'e.g. teams.billing.agents=8..16, run.serviceLevel=20s,30s or demand.arrivals.rate=500/h,600/h';
const PLAIN_NUMBER = new RegExp(`^${NUMBER}$`);

/**
 * The sweep parameter of a `--set PATH=VALUES` option. VALUES is a range `8..16` or
 * `8..16:2` (as in a file's sweep block), or a comma-separated list: items that read as
 * decimal numbers are numbers, `true` and `false` are booleans, anything else is kept as a
 * string (`500/h`, `45s`, `none`); items are trimmed and may not be empty or repeated.
 * Only the syntax is checked here; whether the path exists in the file is checked with it.
 * @throws SweepOptionError naming the option, what was found and what is expected
 */
export function parseSetOption(text: string): SweepParameter {
  const option = '--set';
  const equals = text.indexOf('=');
  if (equals < 0) {
    throw new SweepOptionError(option, `found ${JSON.stringify(text)}, expected PATH=VALUES, ${SET_EXAMPLE}`);
  }
  const path = text.slice(0, equals).trim();
  const valuesText = text.slice(equals + 1).trim();
  const segments = parsePath(path);
  if (!segments.ok) throw new SweepOptionError(option, `found the path ${JSON.stringify(path)} in ${JSON.stringify(text)}, ${segments.message}`);
  if (segments.value[0] === 'sweep') {
    throw new SweepOptionError(option, `found the path ${JSON.stringify(path)}, expected a field of the scenario, not of its sweep block`);
  }
  if (valuesText === '') {
    throw new SweepOptionError(option, `found no values after "=" in ${JSON.stringify(text)}, expected a range such as 8..16 or a list such as 0.7,0.8,0.9`);
  }
  if (looksLikeRange(valuesText)) {
    const range = parseRange(valuesText);
    if (!range.ok) throw new SweepOptionError(option, `${path}: found ${JSON.stringify(valuesText)}, ${range.message}`);
    return { path, values: range.value };
  }
  const items = valuesText.split(',').map((item) => item.trim());
  const values: unknown[] = [];
  items.forEach((item, i) => {
    if (item === '') {
      throw new SweepOptionError(option, `${path}: found an empty item in ${JSON.stringify(valuesText)}, expected values separated by single commas`);
    }
    if (looksLikeRange(item)) {
      throw new SweepOptionError(
        option,
        `${path}: found the range ${JSON.stringify(item)} in the list ${JSON.stringify(valuesText)}, expected either one range or a list of values`,
      );
    }
    if (isUnsafeInteger(item)) {
      throw new SweepOptionError(option, `${path}: found ${item}, ${UNSAFE_INTEGER}, expected a whole number of at most ${Number.MAX_SAFE_INTEGER}`);
    }
    const value = setValue(item);
    const first = values.indexOf(value);
    if (first >= 0) {
      throw new SweepOptionError(
        option,
        `${path}: found ${JSON.stringify(item)} twice (items ${first + 1} and ${i + 1}), expected each value once`,
      );
    }
    values.push(value);
  });
  return { path, values };
}

/** An integer written with more digits than a number holds exactly (beyond 2^53 - 1). */
const isUnsafeInteger = (text: string): boolean => /^[+-]?\d+$/.test(text) && !Number.isSafeInteger(Number(text));

function setValue(item: string): unknown {
  if (PLAIN_NUMBER.test(item) && Number.isFinite(Number(item))) return Number(item);
  if (item === 'true') return true;
  if (item === 'false') return false;
  return item;
}
