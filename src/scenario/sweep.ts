// Sweeps at the scenario level: the parameters of a run (the file's `sweep` block and the
// command line's `--set`), and the validated scenario of one point of the grid.
import { describeValue, formatPath, isRecord, ScenarioError, type Problem } from './errors.ts';
import type { ScenarioData } from './load.ts';
import type { Scenario, SweepAssignment, SweepParameter } from './model.ts';
import { sweepPathProblems } from './sweep-path-checks.ts';
import { copyData, resolvePath, samePath, setAt } from './sweep-paths.ts';
import { SweepOptionError } from './sweep-values.ts';
import { validateScenario } from './validate.ts';

/**
 * The scenario of one sweep point: a copy of the file's parsed data with each path set to
 * its value and the `sweep` block removed, validated like a file. The data given is not
 * changed, and a field shared through a YAML alias is set only where the path leads.
 *
 * Each path must lead to a field of the data, except that its last key may be new when its
 * parent mapping exists (the schema then says whether the format allows it).
 * Problems carry field paths (no line numbers). A problem at a swept field says so —
 * `teams.billing.agents: found 0 (from sweep value 0), expected …` — and any other problem
 * names the point: `…; at the sweep point teams.billing.agents = 0, run.serviceLevel = "45s"`.
 * @param data the file's data as `readScenarioData` gives it (its empirical files are read
 *   once, whatever the number of points)
 * @throws ScenarioError listing every problem found
 */
export function scenarioWithValues(data: ScenarioData, assignments: readonly SweepAssignment[]): Scenario {
  const { raw, file, files, sha256 } = data;
  if (!isRecord(raw)) return validateScenario(raw, file, { files, sha256 });
  const point = copyData(raw) as Record<string, unknown>;
  Reflect.deleteProperty(point, 'sweep');
  const problems: Problem[] = [];
  const swept = new Map<string, unknown>();
  for (const { path, value } of assignments) {
    const resolved = resolvePath(point, path);
    if (!resolved.ok) {
      problems.push({ file, path, message: `${resolved.message} (setting the sweep value ${describeValue(value)})` });
      continue;
    }
    setAt(point, resolved.value.segments, value);
    swept.set(formatPath(resolved.value.segments), value);
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  try {
    return validateScenario(point, file, { files, sha256 });
  } catch (error) {
    if (!(error instanceof ScenarioError) || assignments.length === 0) throw error;
    const where = assignments.map(({ path, value }) => `${path} = ${describeValue(value)}`).join(', ');
    throw new ScenarioError(error.problems.map((problem) => withPoint(problem, swept, where)));
  }
}

function withPoint(problem: Problem, swept: ReadonlyMap<string, unknown>, point: string): Problem {
  if (swept.has(problem.path)) {
    const shown = describeValue(swept.get(problem.path));
    const head = `found ${shown}`;
    const note = `(from sweep value ${shown})`;
    const message =
      problem.message.startsWith(head) && /^[,;( ]|^$/.test(problem.message.slice(head.length))
        ? `${head} ${note}${problem.message.slice(head.length)}`
        : `${problem.message} ${note}`;
    return { ...problem, message };
  }
  return { ...problem, message: `${problem.message}; at the sweep point ${point}` };
}

/**
 * The parameters of a sweep: the file's, each replaced in place by a `--set` of the same
 * path (`numbers[0].to` and `numbers.0.to` are the same path), then the other `--set`
 * parameters in the order given.
 * @throws SweepOptionError when two `--set` options name the same path
 */
export function mergeSweepParameters(
  fromFile: readonly SweepParameter[],
  sets: readonly SweepParameter[],
): SweepParameter[] {
  sets.forEach((set, j) => {
    const i = sets.findIndex((other) => samePath(other.path, set.path));
    if (i < j) {
      throw new SweepOptionError('--set', `found the path ${set.path} twice (options ${i + 1} and ${j + 1}), expected each path once`);
    }
  });
  const merged = fromFile.map((parameter) => sets.find((set) => samePath(set.path, parameter.path)) ?? parameter);
  for (const set of sets) if (!fromFile.some((parameter) => samePath(parameter.path, set.path))) merged.push(set);
  return merged;
}

/**
 * Everything a sweep needs from its file, checked up front: the validated scenario (its
 * `sweep` block included: every path must lead to a field of the file) and the parameters
 * once `--set` options are merged in (`mergeSweepParameters`), each `--set` path checked
 * against the file the same way. Swept values themselves are checked point by point, by
 * `scenarioWithValues`, since whether one is allowed may depend on the others.
 * @throws ScenarioError for a file that is not a valid scenario or a path that leads nowhere
 *   (a `--set` problem's path is `--set <path>`)
 * @throws SweepOptionError when two `--set` options name the same path
 */
export function resolveSweep(
  data: ScenarioData,
  sets: readonly SweepParameter[] = [],
): { scenario: Scenario; parameters: SweepParameter[] } {
  const scenario = validateScenario(data.raw, data.file, { files: data.files, sha256: data.sha256 });
  const parameters = mergeSweepParameters(scenario.sweep, sets);
  const fromSet = new Set(sets);
  const problems = sweepPathProblems(
    data.raw,
    parameters.map((p) => ({ path: p.path, value: p.values[0] })),
  )
    .filter(({ index }) => fromSet.has(parameters[index]!))
    .map(({ index, message }): Problem => ({ file: data.file, path: `--set ${parameters[index]!.path}`, message }));
  if (problems.length > 0) throw new ScenarioError(problems);
  return { scenario, parameters };
}
