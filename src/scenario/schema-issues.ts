// Zod's issues turned into the loader's problems: one per place, unknown keys with their
// "did you mean", the branch of a union that applies, keys named __proto__.
import type { z } from 'zod';
import { isRecord, type PathSegments } from './errors.ts';
import { scenarioSchema, type ScenarioInput } from './schema.ts';
import { copyData } from './sweep-paths.ts';

export interface PathProblem {
  readonly path: PathSegments;
  readonly message: string;
  /** Where to point in the file, when not at `path` (e.g. an unknown key itself). */
  readonly at?: PathSegments;
}

export interface FlatIssue extends PathProblem {
  /** The message already says what was found. */
  readonly complete: boolean;
  /** For an unknown key, the allowed key it is likely a misspelling of. */
  readonly suggested?: string;
  /** The issue is an unknown key (at `at`). */
  readonly unknownKey?: boolean;
}

/**
 * One issue per place. A failed union reports the branch that applies to the value found
 * (e.g. the distribution-object branch for a mapping), or its own message when none does.
 */
export function flattenIssue(issue: z.core.$ZodIssue, prefix: PathSegments): FlatIssue[] {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case 'invalid_union': {
      const branch = issue.errors.find((errors) => !errors.every(isMismatch));
      if (branch !== undefined) return branch.flatMap((inner) => flattenIssue(inner, path));
      return [{ path, message: issue.message, complete: false }];
    }
    case 'invalid_key':
    case 'invalid_element':
      return issue.issues.flatMap((inner) => flattenIssue(inner, path));
    case 'unrecognized_keys': {
      // The schema's message has one line per key, in the order of `keys`.
      const lines = issue.message.split('\n');
      return issue.keys.map((key, i) => {
        const message = lines[i] ?? `found unknown key ${JSON.stringify(key)}`;
        const suggested = /did you mean (".*")\?$/.exec(message)?.[1];
        return {
          path,
          message,
          complete: true,
          at: [...path, key],
          unknownKey: true,
          suggested: suggested === undefined ? undefined : (JSON.parse(suggested) as string),
        };
      });
    }
    default:
      // A message may say itself what was found (e.g. "found both rate and profile, ...").
      return [{ path, message: issue.message, complete: /^(found|missing)\b/.test(issue.message) }];
  }
}

/**
 * The file as the schema returns it once its unknown keys are left out, when they are all
 * that is wrong with its shapes; else undefined.
 */
export function withoutUnknownKeys(raw: Record<string, unknown>, flat: readonly FlatIssue[]): ScenarioInput | undefined {
  const unknown = flat.filter((f) => f.unknownKey);
  if (unknown.length === 0 || unknown.length < flat.length) return undefined;
  const copy = copyData(raw);
  for (const f of unknown) {
    const parent = valueAt(copy, f.path);
    const key = f.at?.[f.at.length - 1];
    if (isRecord(parent) && typeof key === 'string') Reflect.deleteProperty(parent, key);
  }
  const parsed = scenarioSchema.safeParse(copy, { error: fallbackMessage });
  return parsed.success ? parsed.data : undefined;
}

/** An issue saying only "this branch of a union is not for this kind of value". */
function isMismatch(issue: z.core.$ZodIssue): boolean {
  if (issue.path.length > 0) return false;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value') return true;
  return issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((b) => b.every(isMismatch));
}

export /** Messages for issues the schema gives no message of its own (a safety net). */
function fallbackMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${String(issue.expected)}`;
    case 'invalid_value':
      return `expected one of: ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}`;
    default:
      return 'expected a valid value';
  }
}

/**
 * Keys named `__proto__`: JavaScript objects cannot hold them as names (a team or an intent
 * of that name would silently vanish), so they are refused wherever they are.
 */
export function findProtoKeys(value: unknown, path: PathSegments): PathProblem[] {
  if (path.length > 32 || typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, i): [number, unknown] => [i, item])
    : Object.entries(value);
  const own = Object.hasOwn(value, '__proto__')
    ? [{ path: [...path, '__proto__'], message: 'found the key "__proto__", expected another name' }]
    : [];
  return [...own, ...entries.flatMap(([key, item]) => findProtoKeys(item, [...path, key]))];
}
/** The value at `path` in the parsed data; undefined where the path leads nowhere. */
export function valueAt(root: unknown, path: PathSegments): unknown {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value) && Object.hasOwn(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}
