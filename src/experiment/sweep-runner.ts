// `spoc sweep`: every point of a parameter grid (or one shard of it), every design, rows
// handed to a sink as points finish, in point order; the sink (the command line's) decides
// where they go and which points an earlier run has already written (--resume).
import type { RunResult } from '../metrics/results.ts';
import { resolveSweep, type Scenario, type ScenarioData, type SweepAssignment, type SweepParameter } from '../scenario/index.ts';
import { SPOC_VERSION } from './provenance.ts';
import type { ExpectedRows, RowOrigin } from './sweep-resume.ts';
import { createExecutor } from './executor.ts';
import { runPoints } from './point-scheduler.ts';
import type { RunOverrides } from './point-scenarios.ts';
import { checkRunSize } from './limits.ts';
import { setUpRun } from './run-setup.ts';
import { estimatedCalls } from './workload.ts';
import { workersFor } from './worker-count.ts';
import { SweepPlan, type Shard, type SweepPoint } from './sweep-plan.ts';

/** How rows are written and read back; the output formats implement it. */
export interface RowFormat {
  /** Text before the first row ('' for none), given the swept parameters. */
  header(parameters: readonly SweepParameter[]): string;
  /** The rows of one finished point, each a whole line. */
  rows(point: SweepPoint, result: RunResult, grid: SweepPlan): string;
  /** The point index of a row read back (for --resume). */
  pointOf(line: string): number;
  /** The reader of the origin of rows read back under `header` (for --resume). */
  originReader(header: string): (line: string) => RowOrigin;
}

/** Where the rows go: given by the caller, so that the runner writes no files. */
export interface RowSink {
  /**
   * Starts the output, whose first text is `header`; returns the points it already holds
   * (from an interrupted run being resumed), which are not run again: rows that say what
   * `expected` says of their origin.
   */
  begin(header: string, expected: ExpectedRows): ReadonlySet<number>;
  /** The rows of one finished point, whole lines. */
  append(rows: string): void;
  /** Every point is written. */
  end(): void;
}

export interface SweepOptions {
  /** The scenario file, read. */
  readonly data: ScenarioData;
  /** `--set` parameters: replace the file's sweep entry of the same path, else come after. */
  readonly sets: readonly SweepParameter[];
  readonly overrides?: RunOverrides;
  readonly designs?: readonly string[];
  /** Worker threads (1: this thread); undefined: every core when the sweep is big enough. */
  readonly workers: number | undefined;
  readonly shard?: Shard;
  readonly format: RowFormat;
  readonly sink: RowSink;
  /** Told about sweep settings that are valid but probably not what was meant. */
  readonly warn?: (message: string) => void;
  readonly onProgress?: (pointsDone: number, pointsPlanned: number, replicationsDone: number, replicationsPlanned: number) => void;
  /** Told as each point run here finishes, after its rows are written (not for resumed points). */
  readonly onPoint?: (point: SweepPoint, result: RunResult) => void;
  /** Stops the sweep between replications, ending its workers: it rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

export interface SweepSummary {
  readonly points: number;
  /** Points found done in the partial results and skipped (--resume). */
  readonly resumed: number;
  readonly calls: number;
}

export async function runSweep(options: SweepOptions): Promise<SweepSummary> {
  const { data } = options;
  const { parameters } = resolveSweep(data, options.sets);
  for (const message of teamPathWarnings(data.raw, parameters)) options.warn?.(message);
  const plan = new SweepPlan(parameters);
  const indices = [...plan.indices(options.shard)];
  const { points, scenario: first, designs } = setUpRun(data, {
    overrides: options.overrides,
    designs: options.designs,
    firstPoint: plan.point(0).assignments,
    work: { points: indices.length },
  });
  const header = options.format.header(parameters);
  const { sink } = options;
  const done = sink.begin(header, expectedRows(plan, designs, (assignments) => points.scenarioOf(assignments)));
  const todo = indices.filter((i) => !done.has(i));
  const replicationsPerPoint = first.run.replications;
  const work = estimatedCalls(first) * designs.length * replicationsPerPoint * todo.length;
  const executor = createExecutor(
    { designs: options.designs },
    workersFor(options.workers, work, replicationsPerPoint * todo.length),
  );
  let pointsDone = indices.length - todo.length;
  let replicationsDone = 0;
  let calls = 0;
  // Planned replications grow when a precision target asks a point for more.
  let replicationsPlanned = todo.length * replicationsPerPoint;
  const report = (): void =>
    options.onProgress?.(pointsDone, indices.length, replicationsDone, replicationsPlanned);
  try {
    for await (const outcome of runPoints({
      executor,
      points: pointsOf(plan, todo),
      scenarioOf: (point) => checkedPoint(points.scenarioOf(point.assignments), point, designs),
      designsOf: () => designs,
      onReplication: (_point, _completed, _target, added) => {
        replicationsDone++;
        replicationsPlanned += added;
        report();
      },
      signal: options.signal,
    })) {
      const point = plan.point(outcome.point.index);
      sink.append(options.format.rows(point, outcome.result, plan));
      options.onPoint?.(point, outcome.result);
      calls += outcome.calls;
      pointsDone++;
      report();
    }
  } finally {
    await executor.close();
  }
  sink.end();
  return { points: indices.length, resumed: indices.length - todo.length, calls };
}

/** What this sweep's rows say of their origin, point by point, for the rows of a resumed output. */
function expectedRows(plan: SweepPlan, designs: readonly string[], scenarioOf: (assignments: readonly SweepAssignment[]) => Scenario): ExpectedRows {
  return {
    designs,
    origin(point) {
      const { run, sha256 } = scenarioOf(plan.point(point).assignments);
      return {
        provenance: { seed: String(run.seed), scenarioSha256: sha256 ?? '', gridSha256: plan.sha256, points: String(plan.size), spoc: SPOC_VERSION },
        replications: { min: run.replications, max: run.precision.length === 0 ? run.replications : run.maxReplications },
      };
    },
  };
}

/**
 * A point's scenario, refused before it runs when it is too large: the first point was
 * checked with the whole sweep before any work, a later one may grow past the limits (fewer
 * agents, a longer horizon) and would otherwise exhaust memory.
 */
function checkedPoint(scenario: Scenario, point: SweepPoint, designs: readonly string[]): Scenario {
  const values = point.assignments.map((a) => `${a.path}=${JSON.stringify(a.value)}`).join(', ');
  checkRunSize(scenario, designs, 1, scenario.run.replications, `${scenario.file ?? scenario.name}: sweep point ${point.index} (${values})`);
  return scenario;
}

/** The points to run, built one at a time as the scheduler asks for them. */
function* pointsOf(plan: SweepPlan, indices: readonly number[]): Generator<SweepPoint> {
  for (const index of indices) yield plan.point(index);
}

/**
 * A top-level `teams.…` path changes only the designs without a `teams` block of their own:
 * say so, since a sweep meant for every design would silently compare unequal staffing.
 */
function teamPathWarnings(raw: unknown, parameters: readonly SweepParameter[]): string[] {
  const designs = (raw as { designs?: Record<string, { teams?: unknown }> }).designs ?? {};
  const own = Object.entries(designs)
    .filter(([, design]) => design?.teams !== undefined)
    .map(([name]) => name);
  if (own.length === 0) return [];
  return parameters
    .filter((p) => p.path.startsWith('teams.') || p.path.startsWith('teams['))
    .map(
      (p) =>
        `${p.path} changes only the designs without teams of their own; ${own.join(', ')} ` +
        `${own.length === 1 ? 'has its' : 'have their'} own (sweep designs.NAME.teams.… for ${own.length === 1 ? 'it' : 'them'})`,
    );
}
