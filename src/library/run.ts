// Running a scenario from the library: the same run as `spoc run`, on worker threads, with
// its result in the JSON contract's shape, progress reported and an AbortSignal obeyed.
import { nodeFileSource } from '../cli/file-source.ts';
import { runResolvedScenario, runScenarioFile, type FileRunOptions, type RunOutcome } from '../experiment/run-experiment.ts';
import { readScenarioData, type Scenario } from '../scenario/index.ts';
import type { LoadOptions } from './load.ts';
import { resultJson, type RunResultJson } from './result-json.ts';

/** What every run and sweep of the library takes. */
export interface CommonRunOptions extends LoadOptions {
  /** Replications of each design (default: the scenario's run.replications). */
  readonly replications?: number;
  /** The seed of the run (default: the scenario's run.seed). */
  readonly seed?: number;
  /** Run only these designs, in this order; the first is the baseline (default: all). */
  readonly designs?: readonly string[];
  /** Worker threads (1: this thread; default: every core when the run is big enough). The result is the same for any number. */
  readonly workers?: number;
  /** Aborting it stops the run between replications and ends its workers; the promise rejects with an AbortError. */
  readonly signal?: AbortSignal;
  /** Told of settings that are valid but probably not meant (a team offered more work than it can do). */
  readonly onWarning?: (message: string) => void;
}

export interface RunOptions extends CommonRunOptions {
  /** Told as each replication finishes: replications done and planned (more may be planned when run.precision asks). */
  readonly onProgress?: (done: number, planned: number) => void;
  /** Add figures per interval of the day of this many seconds (`byInterval`). */
  readonly interval?: number;
}

/**
 * Runs every design of a scenario on the same demand and compares them: what `spoc run`
 * does. `JSON.stringify(result, null, 2)` is the text of `spoc run -f json`.
 * @param scenario a Scenario from loadScenario or parseScenario, or the path of a scenario file
 * @throws InputError (rejects) for a bad file or option, an unknown design, a run too large;
 *   AbortError when `signal` aborts
 */
export async function runScenario(scenario: Scenario | string, options: RunOptions = {}): Promise<RunResultJson> {
  const run: FileRunOptions = {
    overrides: overridesOf(options),
    designs: options.designs,
    interval: options.interval,
    workers: options.workers,
    warn: options.onWarning,
    onReplication: options.onProgress,
    signal: options.signal,
  };
  const { outcome }: RunOutcome =
    typeof scenario === 'string'
      ? await runScenarioFile(readScenarioData(scenario, nodeFileSource, options), run)
      : await runResolvedScenario(scenario, run);
  return resultJson(outcome.result);
}

/** The run settings an option replaces. */
export function overridesOf(options: CommonRunOptions): { readonly replications?: number; readonly seed?: number } {
  return {
    ...(options.replications === undefined ? {} : { replications: options.replications }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
}
