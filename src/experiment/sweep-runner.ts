// `spoc sweep`: every point of a parameter grid (or one shard of it), every design, rows
// written as points finish, in point order, to a partial-results file that --resume picks
// up; the output file itself appears, complete, only at the end (renamed into place).
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, truncateSync, writeSync } from 'node:fs';
import type { RunResult } from '../metrics/results.ts';
import { readScenarioData, resolveSweep, type SweepParameter } from '../scenario/index.ts';
import { createExecutor } from './executor.ts';
import { runPoints } from './point-scheduler.ts';
import { checkPrecisionMetrics } from './precision.ts';
import { PointScenarios, type PrecisionOverride } from './point-scenarios.ts';
import { estimatedCalls, workersFor } from './workload.ts';
import { checkRunSize } from './limits.ts';
import { SweepPlan, type Shard, type SweepPoint } from './sweep-plan.ts';

/** How rows are written and read back; the output formats implement it. */
export interface RowFormat {
  /** Text before the first row ('' for none), given the swept parameters. */
  header(parameters: readonly SweepParameter[]): string;
  /** The rows of one finished point, each a whole line. */
  rows(point: SweepPoint, result: RunResult): string;
  /** The point index of a row read back (for --resume). */
  pointOf(line: string): number;
}

export interface SweepOptions {
  readonly file: string;
  /** `--set` parameters: replace the file's sweep entry of the same path, else come after. */
  readonly sets: readonly SweepParameter[];
  readonly replications?: number;
  readonly seed?: number;
  readonly precision?: PrecisionOverride;
  readonly designs?: readonly string[];
  /** Worker threads (1: this thread); undefined: every core when the sweep is big enough. */
  readonly workers: number | undefined;
  readonly shard?: Shard;
  readonly format: RowFormat;
  /** Output file; rows go to `write` when undefined. */
  readonly out?: string;
  readonly resume: boolean;
  readonly write: (text: string) => void;
  /** Told about sweep settings that are valid but probably not what was meant. */
  readonly warn?: (message: string) => void;
  readonly onProgress?: (pointsDone: number, pointsPlanned: number, replicationsDone: number, replicationsPlanned: number) => void;
  /** Told as each point run here finishes, after its rows are written (not for resumed points). */
  readonly onPoint?: (point: SweepPoint, result: RunResult) => void;
}

export interface SweepSummary {
  readonly points: number;
  /** Points found done in the partial results and skipped (--resume). */
  readonly resumed: number;
  readonly calls: number;
}

/** The partial-results file beside an output file. */
export const partialPath = (out: string): string => `${out}.partial`;

export async function runSweep(options: SweepOptions): Promise<SweepSummary> {
  const data = readScenarioData(options.file);
  const { parameters } = resolveSweep(data, options.sets);
  for (const message of teamPathWarnings(data.raw, parameters)) options.warn?.(message);
  const plan = new SweepPlan(parameters);
  const overrides = { replications: options.replications, seed: options.seed, precision: options.precision };
  const points = new PointScenarios(data.raw, options.file, overrides, options.designs);
  const first = points.scenarioOf(plan.point(0).assignments);
  checkPrecisionMetrics(first);
  const designs = points.designNames(first);
  const indices = [...plan.indices(options.shard)];
  checkRunSize(first, designs.length, indices.length);
  const header = options.format.header(parameters);
  const designCount = designs.length;
  const sink =
    options.out === undefined ? streamSink(options.write, header) : fileSink(options.out, header, designCount, options);
  const done = sink.donePoints;
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
      scenarioOf: (point) => points.scenarioOf(point.assignments),
      designsOf: () => designs,
      onReplication: (_point, _completed, _target, added) => {
        replicationsDone++;
        replicationsPlanned += added;
        report();
      },
    })) {
      const point = plan.point(outcome.point.index);
      sink.append(options.format.rows(point, outcome.result));
      options.onPoint?.(point, outcome.result);
      calls += outcome.calls;
      pointsDone++;
      report();
    }
  } finally {
    await executor.close();
  }
  sink.finish();
  return { points: indices.length, resumed: indices.length - todo.length, calls };
}

interface Sink {
  readonly donePoints: ReadonlySet<number>;
  append(rows: string): void;
  finish(): void;
}

function streamSink(write: (text: string) => void, header: string): Sink {
  if (header !== '') write(header);
  return { donePoints: new Set(), append: write, finish: () => {} };
}

/**
 * Rows go to `OUT.partial`, one point at a time and synced; the finished file is renamed to
 * OUT. With --resume, the complete points already in `OUT.partial` are kept (a point cut
 * short by a crash is dropped) and skipped.
 */
function fileSink(out: string, header: string, designCount: number, options: SweepOptions): Sink {
  const partial = partialPath(out);
  const donePoints = new Set<number>();
  if (options.resume && existsSync(partial)) {
    const keep = completePrefix(readFileSync(partial, 'utf8'), header, designCount, options.format);
    for (const point of keep.points) donePoints.add(point);
    truncateSync(partial, keep.bytes);
  } else {
    const fd = openSync(partial, 'w');
    writeSync(fd, header);
    closeSync(fd);
  }
  const fd = openSync(partial, 'a');
  return {
    donePoints,
    append(rows) {
      writeSync(fd, rows);
      fsyncSync(fd);
    },
    finish() {
      closeSync(fd);
      renameSync(partial, out);
    },
  };
}

/**
 * The longest prefix of a partial-results file made of whole points: its byte length and
 * the points in it. Rows are whole lines, written a point at a time, so only the last point
 * can be cut short: it counts only with one row per design.
 */
function completePrefix(
  text: string,
  header: string,
  designCount: number,
  format: RowFormat,
): { bytes: number; points: number[] } {
  if (!text.startsWith(header)) return { bytes: 0, points: [] };
  const lines = text.slice(header.length).split('\n');
  lines.pop(); // after the last newline: empty, or a line cut short
  const points: number[] = [];
  let bytes = Buffer.byteLength(header);
  let pointStart = bytes;
  let rowsOfPoint = 0;
  let current = -1;
  for (const line of lines) {
    const point = format.pointOf(line);
    if (point !== current) {
      current = point;
      pointStart = bytes;
      rowsOfPoint = 0;
    }
    bytes += Buffer.byteLength(line) + 1;
    if (++rowsOfPoint === designCount) points.push(point);
  }
  const lastComplete = current < 0 || rowsOfPoint === designCount;
  return { bytes: lastComplete ? bytes : pointStart, points };
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
