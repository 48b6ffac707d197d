// Sweep paths against the data of a file: where a path leads, what is wrong when it leads
// nowhere (with a "did you mean"), and setting a value there in a copy of the data.
import { describeValue, didYouMean, formatPath, isRecord, listNames, type PathSegments } from './errors.ts';
import type { Parsed } from './units.ts';
import { parsePath, pathKey, pathsOverlap } from './sweep-values.ts';

/** A path resolved in the file data: list indexes as numbers, keys as strings. */
export interface ResolvedPath {
  readonly segments: PathSegments;
  /** False when the last key is new (its parent mapping exists). */
  readonly exists: boolean;
}

/**
 * Where a dotted path leads in parsed file data. Every segment must exist, except that the
 * last may be a new key of an existing mapping (the schema then says whether the format
 * allows it). Paths into the `sweep` block are refused.
 * @returns the resolved path, or a message `found …, expected …` (with a "did you mean"
 *   on the segment that fails)
 */
export function resolvePath(root: unknown, path: string): Parsed<ResolvedPath> {
  const parsed = parsePath(path);
  if (!parsed.ok) return { ok: false, message: `found the path ${JSON.stringify(path)}, ${parsed.message}` };
  const written = parsed.value;
  if (written[0] === 'sweep') {
    return { ok: false, message: `found a path into the sweep block, expected a field of the scenario` };
  }
  const segments: (string | number)[] = [];
  let node = root;
  for (let i = 0; i < written.length; i++) {
    const segment = written[i]!;
    const last = i === written.length - 1;
    const where = segments.length === 0 ? 'the top level' : formatPath(segments);
    if (Array.isArray(node)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : undefined;
      if (index === undefined || index >= node.length) {
        const expected =
          node.length === 0
            ? `expected a path to a field written in the file (${where} is an empty list)`
            : `expected an item index from 0 to ${node.length - 1}, e.g. ${formatPath([...segments, 0])}`;
        return { ok: false, message: `found no item ${JSON.stringify(String(segment))} in ${where}, ${expected}` };
      }
      segments.push(index);
      node = node[index];
    } else if (isRecord(node)) {
      const key = String(segment);
      if (Object.hasOwn(node, key)) {
        segments.push(key);
        node = node[key];
      } else if (last) {
        segments.push(key);
        return { ok: true, value: { segments, exists: false } };
      } else {
        const keys = Object.keys(node);
        const hint = didYouMean(key, keys) || (keys.length === 0 ? '' : ` (${where} has ${listNames(keys)})`);
        return { ok: false, message: `found no ${JSON.stringify(key)} in ${where}, expected a path to a field written in the file${hint}` };
      }
    } else {
      return {
        ok: false,
        message: `found ${where} = ${describeValue(node)}, which has no field ${JSON.stringify(String(segment))}, expected a path that ends at ${where} or goes through mappings and lists`,
      };
    }
  }
  return { ok: true, value: { segments, exists: true } };
}

/**
 * A deep copy of parsed file data that shares nothing: a YAML alias (`*team`) parses to
 * the same object as its anchor, and setting a field through one must not change the other.
 * Keys such as `__proto__` stay own keys.
 */
export function copyData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyData);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) defineKey(out, key, copyData(item));
    return out;
  }
  return value;
}

/** Sets the value at a resolved path of data built by `copyData`. */
export function setAt(root: unknown, segments: PathSegments, value: unknown): void {
  let node = root;
  for (const segment of segments.slice(0, -1)) node = (node as Record<string | number, unknown>)[segment];
  const last = segments[segments.length - 1];
  if (last === undefined) throw new Error('setAt: an empty path');
  if (Array.isArray(node) && typeof last === 'number') node[last] = value;
  else if (isRecord(node)) defineKey(node, String(last), value);
  else throw new Error(`setAt: no mapping or list at ${formatPath(segments.slice(0, -1))}`);
}

function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The first of `paths` before `index` that is the same as, or overlaps, `paths[index]`. */
export function overlappingEarlier(paths: readonly string[], index: number): number | undefined {
  const b = parsePath(paths[index] ?? '');
  if (!b.ok) return undefined;
  for (let i = 0; i < index; i++) {
    const a = parsePath(paths[i]!);
    if (a.ok && pathsOverlap(a.value, b.value)) return i;
  }
  return undefined;
}

/** Whether two paths name the same field (`numbers[0].to` and `numbers.0.to` do). */
export function samePath(a: string, b: string): boolean {
  const pa = parsePath(a);
  const pb = parsePath(b);
  return pa.ok && pb.ok ? pathKey(pa.value) === pathKey(pb.value) : a === b;
}
