// From parsed file data to the resolved Scenario: schema, empirical files and cross-checks,
// all problems collected, then the model the simulator reads.
import type { z } from 'zod';
import {
  empirical,
  erlang,
  exponential,
  fixed,
  gamma,
  lognormal,
  triangular,
  uniform,
  type Distribution,
} from '../engine/distributions.ts';
import { crossCheck, IVR } from './cross-checks.ts';
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
import { copyData, overlappingEarlier, resolvePath, samePath, setAt } from './sweep-paths.ts';
import type { Arrivals, Design, Intent, PhoneNumber, Recontact, Scenario, Staffing, Team } from './model.ts';
import {
  DEFAULT_MAX_REPLICATIONS_FACTOR,
  MAX_REPLICATIONS,
  scenarioSchema,
  type DesignInput,
  type DistributionSpec,
  type ScenarioInput,
  type TeamInput,
} from './schema.ts';

/** Where a path is in the file, when the parser knows. */
export type Locator = (path: PathSegments) => { line: number; column: number } | undefined;

interface PathProblem {
  readonly path: PathSegments;
  readonly message: string;
  /** Where to point in the file, when not at `path` (e.g. an unknown key itself). */
  readonly at?: PathSegments;
}

/** What validation may know besides the data: where paths are in the file, how to read the files it names. */
export interface ValidationContext {
  readonly locate?: Locator;
  /** The files of empirical distributions (default: none can be read). */
  readonly files?: EmpiricalFileReader;
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
  return resolve(parsed.data, file, files.values);
}

// ---------------------------------------------------------------------------------------
// Sweep paths.

/** Problems of the paths of the file's `sweep` block, at `sweep[<path>]`. */
function sweepBlockProblems(raw: Record<string, unknown>): PathProblem[] {
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

// ---------------------------------------------------------------------------------------
// Issues to problems.

interface FlatIssue extends PathProblem {
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
function flattenIssue(issue: z.core.$ZodIssue, prefix: PathSegments): FlatIssue[] {
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
function withoutUnknownKeys(raw: Record<string, unknown>, flat: readonly FlatIssue[]): ScenarioInput | undefined {
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

/** Messages for issues the schema gives no message of its own (a safety net). */
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
function findProtoKeys(value: unknown, path: PathSegments): PathProblem[] {
  if (path.length > 32 || typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, i): [number, unknown] => [i, item])
    : Object.entries(value);
  const own = Object.hasOwn(value, '__proto__')
    ? [{ path: [...path, '__proto__'], message: 'found the key "__proto__", expected another name' }]
    : [];
  return [...own, ...entries.flatMap(([key, item]) => findProtoKeys(item, [...path, key]))];
}

function valueAt(root: unknown, path: PathSegments): unknown {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value) && Object.hasOwn(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}

// ---------------------------------------------------------------------------------------
// Resolution into the model.

function resolve(input: ScenarioInput, file: string, files: ReadonlyMap<string, readonly number[]>): Scenario {
  const dist = (spec: DistributionSpec): Distribution => toDistribution(spec, files);
  const recontact = (block: { probability: number; after: DistributionSpec } | undefined): Recontact | null =>
    block === undefined ? null : { probability: block.probability, after: dist(block.after) };
  const intentNames = Object.keys(input.demand.intents);
  const demandPatience = input.demand.patience;
  const intents: Intent[] = Object.entries(input.demand.intents).map(([name, intent]) => {
    const patience = intent.patience ?? demandPatience ?? 'none';
    return {
      name,
      share: intent.share,
      handle: dist(intent.handle),
      wrapUp: dist(intent.wrapUp),
      resolve: intent.resolve,
      selfService: intent.selfService,
      patience: patience === 'none' ? null : dist(patience),
    };
  });

  return {
    name: input.name,
    description: input.description,
    file,
    run: {
      horizon: input.run.horizon,
      warmup: input.run.warmup,
      drain: input.run.drain,
      replications: input.run.replications,
      seed: input.run.seed,
      serviceLevel: input.run.serviceLevel,
      precision: Object.entries(input.run.precision ?? {}).map(([metric, target]) => ({ metric, ...target })),
      maxReplications:
        input.run.maxReplications ??
        Math.max(input.run.replications, Math.min(MAX_REPLICATIONS, DEFAULT_MAX_REPLICATIONS_FACTOR * input.run.replications)),
    },
    demand: {
      arrivals: resolveArrivals(input.demand.arrivals),
      intents,
      retry: recontact(input.demand.retry),
      callback: recontact(input.demand.callback),
    },
    designs: Object.entries(input.designs).map(([name, design]) =>
      resolveDesign(name, design, input.teams, intentNames, dist),
    ),
    sweep: Object.entries(input.sweep ?? {}).map(([path, values]) => ({ path, values })),
  };
}

function resolveArrivals(arrivals: ScenarioInput['demand']['arrivals']): Arrivals {
  if (arrivals.profile !== undefined) {
    return { kind: 'profile', every: arrivals.profile.every, ratesPerSecond: arrivals.profile.rates };
  }
  if (arrivals.rate === undefined) throw new Error('unreachable: arrivals without rate or profile');
  return { kind: 'poisson', ratePerSecond: arrivals.rate };
}

function resolveDesign(
  name: string,
  design: DesignInput,
  topTeams: Readonly<Record<string, TeamInput>> | undefined,
  intentNames: readonly string[],
  dist: (spec: DistributionSpec) => Distribution,
): Design {
  const teams = design.teams ?? topTeams;
  if (teams === undefined) throw new Error(`unreachable: design ${name} has no teams`);
  const { misroute, transfer } = design;
  return {
    name,
    teams: Object.entries(teams).map(([teamName, team]) => resolveTeam(teamName, team, dist)),
    numbers: design.numbers.map(
      (n): PhoneNumber => ({
        dial: n.dial,
        to: n.to === IVR ? { kind: 'ivr' } : { kind: 'team', team: n.to },
        for: n.for ?? intentNames,
      }),
    ),
    dialing: { right: design.dialing.right },
    ivr:
      design.ivr === undefined
        ? undefined
        : { menu: dist(design.ivr.menu), accuracy: design.ivr.accuracy, selfService: design.ivr.selfService },
    misroute: { identify: dist(misroute.identify), action: misroute.action },
    transfer: {
      delay: dist(transfer.delay),
      reexplain: dist(transfer.reexplain),
      drop: transfer.drop,
      priority: transfer.priority,
      accuracy: transfer.accuracy,
      mode: transfer.mode,
      maxHops: transfer.maxHops,
    },
    overflow: (design.overflow ?? []).map((rule) => ({ from: rule.from, to: rule.to, after: rule.after })),
    continuity: design.continuity,
    handleCap: design.handleCap,
  };
}

function resolveTeam(name: string, team: TeamInput, dist: (spec: DistributionSpec) => Distribution): Team {
  const staffing: Staffing =
    typeof team.agents === 'number'
      ? { kind: 'fixed', agents: team.agents }
      : { kind: 'schedule', every: team.agents.every, counts: team.agents.counts };
  return {
    name,
    staffing,
    skills: team.skills,
    wrapUp: team.wrapUp === undefined ? undefined : dist(team.wrapUp),
    queueCapacity: team.queueCapacity,
    costPerHour: team.costPerHour,
  };
}

/**
 * The engine's distribution for a validated specification (durations in seconds).
 * @param files the values of the empirical distributions' files, by name as written
 */
export function toDistribution(spec: DistributionSpec, files: ReadonlyMap<string, readonly number[]> = new Map()): Distribution {
  switch (spec.dist) {
    case 'fixed':
      return fixed(spec.value);
    case 'exponential':
      return exponential(spec.mean);
    case 'lognormal':
      return lognormal(spec.mean, spec.sd ?? spec.mean * (spec.cv ?? 0));
    case 'gamma':
      return gamma(spec.mean, spec.cv);
    case 'erlang':
      return erlang(spec.mean, spec.k);
    case 'uniform':
      return uniform(spec.min, spec.max);
    case 'triangular':
      return triangular(spec.min, spec.mode, spec.max);
    case 'empirical': {
      const values = spec.values ?? (spec.file === undefined ? undefined : files.get(spec.file));
      if (values === undefined) throw new Error(`unreachable: no values for the empirical file ${String(spec.file)}`);
      return empirical(values);
    }
  }
}
