// Sweeping a scenario from the library: every point of its parameter grid, as `spoc sweep`
// runs them, each point's result in the JSON contract's shape, in point order.
import { nodeFileSource } from '../cli/file-source.ts';
import { runSweep as runGrid, type RowFormat, type RowSink } from '../experiment/sweep-runner.ts';
import { parseSetOption, readScenarioData, type SweepAssignment } from '../scenario/index.ts';
import { resultJson, type RunResultJson } from './result-json.ts';
import { overridesOf, type CommonRunOptions } from './run.ts';

export interface SweepOptions extends CommonRunOptions {
  /**
   * Parameters as `spoc sweep --set` takes them, `PATH=VALUES` (`teams.billing.agents=8..16`,
   * `run.serviceLevel=20s,30s`): each replaces the file's sweep entry of the same path, else
   * comes after them (default: the file's sweep block alone).
   */
  readonly sets?: readonly string[];
  /** Told as each replication finishes: points done and planned, replications done and planned. */
  readonly onProgress?: (pointsDone: number, pointsPlanned: number, replicationsDone: number, replicationsPlanned: number) => void;
  /** Told as each point finishes, in point order, before the promise resolves. */
  readonly onPoint?: (point: SweepPointResult) => void;
}

export interface SweepPointResult {
  /** The point's place in the grid, from 0, in row-major order (the last parameter varies fastest). */
  readonly index: number;
  /** The value of each swept path at this point, in parameter order. */
  readonly assignments: readonly SweepAssignment[];
  readonly result: RunResultJson;
}

/** The runner writes rows to a sink; here the points are collected instead, so neither writes anything. */
const NO_ROWS: RowFormat = { header: () => '', rows: () => '', pointOf: () => -1, originReader: () => () => { throw new Error('no rows to read back'); } };
const NO_SINK: RowSink = { begin: () => new Set(), append: () => {}, end: () => {} };

/**
 * Runs every point of a scenario file's sweep (its `sweep` block and `sets`), every design
 * at each, as `spoc sweep` does.
 * @param file the path of a scenario file
 * @returns the points in order; a point's result is what `spoc run` gives for its values
 * @throws InputError (rejects) for a bad file, `sets` entry or option, a sweep too large;
 *   AbortError when `signal` aborts
 */
export async function runSweep(file: string, options: SweepOptions = {}): Promise<SweepPointResult[]> {
  const points: SweepPointResult[] = [];
  await runGrid({
    data: readScenarioData(file, nodeFileSource, options),
    sets: (options.sets ?? []).map(parseSetOption),
    overrides: overridesOf(options),
    designs: options.designs,
    workers: options.workers,
    format: NO_ROWS,
    sink: NO_SINK,
    warn: options.onWarning,
    onProgress: options.onProgress,
    onPoint: ({ index, assignments }, result) => {
      const point = { index, assignments, result: resultJson(result) };
      points.push(point);
      options.onPoint?.(point);
    },
    signal: options.signal,
  });
  return points;
}
