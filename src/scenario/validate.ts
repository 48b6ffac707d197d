// From parsed file data to the resolved Scenario: schema, empirical files and cross-checks,
// all problems collected, then the model the simulator reads.
import { crossCheck } from './cross-checks.ts';
import {
  describeValue,
  formatPath,
  found,
  isRecord,
  ScenarioError,
  type PathSegments,
  type Problem,
} from './errors.ts';
import { empiricalFileReader, type EmpiricalFileReader } from './empirical-files.ts';
import { NO_FILES } from './file-source.ts';
import type { Scenario } from './model.ts';
import { resolveScenario } from './resolve.ts';
import { fallbackMessage, findProtoKeys, flattenIssue, valueAt, withoutUnknownKeys, type PathProblem } from './schema-issues.ts';
import { scenarioSchema } from './schema.ts';
import { sweepBlockProblems } from './sweep-path-checks.ts';
import { unsafeCharacterProblems } from './unsafe-characters.ts';

/** Where a path is in the file, when the parser knows. */
export type Locator = (path: PathSegments) => { line: number; column: number } | undefined;

/** What validation may know besides the data: where paths are in the file, how to read the files it names. */
export interface ValidationContext {
  readonly locate?: Locator;
  /** The files of empirical distributions (default: none can be read). */
  readonly files?: EmpiricalFileReader;
  /** SHA-256 of the file's bytes, which the Scenario carries (none: built in code). */
  readonly sha256?: string;
}

/**
 * Validates parsed file data and resolves it into a Scenario.
 * @param file the scenario file as given: messages name it, and the files of empirical
 *   distributions are relative to its directory
 * @throws ScenarioError listing every problem found
 */
export function validateScenario(raw: unknown, file: string, context: ValidationContext = {}): Scenario {
  const { locate, files: readFiles = empiricalFileReader(NO_FILES, file) } = context;
  if (raw === undefined) {
    throw new ScenarioError([
      { file, path: '', message: 'the file is empty, expected a scenario with name, run, demand, teams and designs' },
    ]);
  }
  if (!isRecord(raw)) {
    throw new ScenarioError([
      {
        file,
        path: '',
        message: `found ${Array.isArray(raw) ? 'a list' : describeValue(raw)} at the top level, expected a mapping with name, run, demand, teams and designs`,
      },
    ]);
  }

  const rawAt = (path: PathSegments): unknown => valueAt(raw, path);
  const parsed = scenarioSchema.safeParse(raw, { error: fallbackMessage });
  const files = readFiles(raw);
  const problems: PathProblem[] = [];
  let misspelt = new Set<string>();
  let checkable = parsed.success ? parsed.data : undefined;
  if (!parsed.success) {
    const flat = parsed.error.issues.flatMap((issue) => flattenIssue(issue, []));
    // A misspelt key explains why the key it stands for is missing: say it once.
    misspelt = new Set(flat.flatMap((f) => (f.suggested === undefined ? [] : [formatPath([...f.path, f.suggested])])));
    // One problem per field: zod may add a length issue after a type issue on the same value.
    const described = new Set<string>();
    for (const f of flat) {
      if (f.complete) {
        problems.push(f);
        continue;
      }
      const key = formatPath(f.path);
      if (described.has(key) || (rawAt(f.path) === undefined && misspelt.has(key))) continue;
      described.add(key);
      problems.push({ path: f.path, message: `${found(rawAt(f.path))}, ${f.message}` });
    }
    // When unknown keys are all that is wrong with the shapes, the checks across fields
    // still run on the rest: a misspelt optional key must not hide a share total.
    checkable = withoutUnknownKeys(raw, flat);
  }
  problems.push(...files.problems);
  const reported = new Set(problems.map((p) => formatPath(p.at ?? p.path)));
  problems.push(...findProtoKeys(raw, []).filter((p) => !reported.has(formatPath(p.path))));
  // A name with a control or bidirectional character is that name's problem, whatever else is said of it.
  const unsafe = unsafeCharacterProblems(raw);
  if (unsafe.length > 0) {
    const named = new Set(unsafe.map((p) => formatPath(p.path)));
    problems.splice(0, problems.length, ...problems.filter((p) => !named.has(formatPath(p.path)) && !named.has(formatPath(p.at ?? p.path))), ...unsafe);
  }
  if (checkable !== undefined) {
    // Nothing about a key that a misspelt one stands for: its problem is the misspelling.
    problems.push(...crossCheck(checkable, rawAt).filter((p) => !misspelt.has(formatPath(p.path))));
  }
  const sweep = sweepBlockProblems(raw);
  if (sweep.length > 0) {
    // A path that leads nowhere is the problem of its entry, whatever its values.
    const entries = sweep.map((p) => formatPath(p.path));
    const inEntry = (p: PathProblem): boolean => {
      const at = formatPath(p.at ?? p.path);
      return entries.some((e) => at === e || at.startsWith(`${e}[`) || at.startsWith(`${e}.`));
    };
    problems.splice(0, problems.length, ...problems.filter((p) => !inEntry(p)), ...sweep);
  }

  if (problems.length > 0) {
    const located = problems.map(
      (p): Problem => ({ file, path: formatPath(p.path), message: p.message, ...locate?.(p.at ?? p.path) }),
    );
    // In file order where positions are known (a stable sort keeps the rest as found).
    located.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? Infinity) - (b.column ?? Infinity));
    throw new ScenarioError(located);
  }
  if (!parsed.success) throw new Error('unreachable: schema failed without issues');
  return resolveScenario(parsed.data, file, files.values, context.sha256);
}
