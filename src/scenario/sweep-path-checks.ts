// Checks of sweep paths: the file's `sweep` block and paths given on the command line.
import { formatPath, isRecord, type PathSegments } from './errors.ts';
import { scenarioSchema } from './schema.ts';
import { fallbackMessage, flattenIssue, type PathProblem } from './schema-issues.ts';
import { copyData, overlappingEarlier, resolvePath, samePath, setAt } from './sweep-paths.ts';

/** Problems of the paths of the file's `sweep` block, at `sweep[<path>]`. */
export function sweepBlockProblems(raw: Record<string, unknown>): PathProblem[] {
  const block = Object.hasOwn(raw, 'sweep') ? raw.sweep : undefined;
  if (!isRecord(block)) return [];
  const keys = Object.keys(block);
  const found = sweepPathProblems(
    raw,
    keys.map((path) => ({ path, value: Array.isArray(block[path]) ? (block[path] as unknown[])[0] : undefined })),
  );
  return found.map(({ index, message }) => ({ path: ['sweep', keys[index]!], message }));
}

/**
 * What is wrong with sweep paths in a file's data: a path that leads nowhere (with a
 * "did you mean" on the segment that fails), a new last key the format does not allow
 * (tried with `value`), a path that is, or lies inside, an earlier one.
 * @returns one message per failing path, by its index in `paths`
 */
export function sweepPathProblems(
  raw: unknown,
  paths: readonly { readonly path: string; readonly value: unknown }[],
): { index: number; message: string }[] {
  const out: { index: number; message: string }[] = [];
  paths.forEach(({ path, value }, index) => {
    const resolved = resolvePath(raw, path);
    if (!resolved.ok) {
      out.push({ index, message: resolved.message });
      return;
    }
    if (!resolved.value.exists) {
      const unknown = unknownKeyMessage(raw, resolved.value.segments, value);
      if (unknown !== undefined) {
        out.push({ index, message: unknown });
        return;
      }
    }
    const earlier = overlappingEarlier(paths.map((p) => p.path), index);
    if (earlier !== undefined) {
      const other = paths[earlier]!.path;
      out.push({
        index,
        message: samePath(other, path)
          ? `found the field ${JSON.stringify(other)} a second time, expected each field swept once`
          : `found a field overlapping ${JSON.stringify(other)}, expected fields apart from each other (not one inside the other)`,
      });
    }
  });
  return out;
}

/** The schema's "unknown key" message for a new key at `segments`, if it refuses it. */
function unknownKeyMessage(raw: unknown, segments: PathSegments, value: unknown): string | undefined {
  const copy = copyData(raw);
  if (isRecord(copy)) Reflect.deleteProperty(copy, 'sweep');
  setAt(copy, segments, value ?? 0);
  const parsed = scenarioSchema.safeParse(copy, { error: fallbackMessage });
  if (parsed.success) return undefined;
  const target = formatPath(segments);
  const parent = segments.length === 1 ? 'the top level' : formatPath(segments.slice(0, -1));
  for (const issue of parsed.error.issues.flatMap((i) => flattenIssue(i, []))) {
    if (issue.at !== undefined && formatPath(issue.at) === target) {
      return issue.message.replace(/^found unknown key "(?:[^"\\]|\\.)*"/, (head) => `${head} in ${parent}`);
    }
  }
  return undefined;
}
