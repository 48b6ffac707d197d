// Runs every design of a scenario over its replications on the same demand (common
// random numbers) and summarises the results: in this thread for a scenario built in code,
// or on worker threads for a scenario file.
import { compileRun, type CompiledRun } from '../callcenter/compile-run.ts';
import type { ReplicationMetrics } from '../metrics/replication-accumulator.ts';
import type { RunResult } from '../metrics/results.ts';
import { runIdentity } from './provenance.ts';
import { summariseRun, type DesignReplications } from '../metrics/summarise.ts';
import type { Scenario, ScenarioData } from '../scenario/index.ts';
import { createExecutor } from './executor.ts';
import { runReplication } from './replication-task.ts';
import { setUpResolved } from './run-setup.ts';
import { runScenarioData, runSetUpScenario, type DataRunOptions, type ExecutorFactory, type RunOutcome } from './single-run.ts';
import { workersFor } from './worker-count.ts';
import { selectDesigns } from './select-designs.ts';

export type { RunOutcome };

export { UnknownDesignError } from './select-designs.ts';

export { runReplication, type ReplicationOutcome } from './replication-task.ts';

export interface ExperimentOptions {
  /** Run only these designs, in this order (default: all, in file order). */
  readonly designs?: readonly string[];
  /** Add per-interval figures for intervals of this many seconds. */
  readonly interval?: number;
}

/** Every replication of every selected design, unsummarised, in this thread. */
export function simulateDesigns(scenario: Scenario, options: ExperimentOptions = {}): DesignReplications[] {
  const runs = selectDesigns(scenario, options.designs).map((d) => compileRun(scenario, d));
  const replications = runs.map(() => [] as ReplicationMetrics[]);
  for (let r = 0; r < scenario.run.replications; r++) {
    runs.forEach((run, d) => replications[d]!.push(runReplication(run, r, options).metrics));
  }
  return runs.map((run, d) => ({ design: run.design.name, replications: replications[d]! }));
}

/**
 * The design named `name`, compiled for a run: what a trace follows.
 * @throws UnknownDesignError when the scenario has no such design
 */
export function compileNamedRun(scenario: Scenario, name: string): CompiledRun {
  return compileRun(scenario, selectDesigns(scenario, [name])[0]!);
}

/** Runs a scenario built in code, in this thread. */
export function runExperiment(scenario: Scenario, options: ExperimentOptions = {}): RunResult {
  return summariseRun(runIdentity(scenario), simulateDesigns(scenario, options));
}

export interface FileRunOptions extends DataRunOptions {
  /** Worker threads (1: this thread); undefined: every core when the run is big enough. */
  readonly workers: number | undefined;
}

/**
 * Runs a scenario file, read as `data`, with its replications spread over worker threads
 * (adding some where run.precision asks). The result is the same whatever the number of
 * workers.
 */
export function runScenarioFile(data: ScenarioData, options: FileRunOptions): Promise<RunOutcome> {
  return runScenarioData(data, options, threadsFor(options));
}

/**
 * Runs a scenario already resolved (built in code, or loaded and kept), as runScenarioFile
 * runs a file: overrides applied, the same checks, on worker threads.
 */
export async function runResolvedScenario(scenario: Scenario, options: FileRunOptions): Promise<RunOutcome> {
  const { scenario: run, designs } = setUpResolved(scenario, { overrides: options.overrides, designs: options.designs, interval: options.interval });
  return { scenario: run, outcome: await runSetUpScenario(run, designs, options, threadsFor(options)) };
}

/** Worker threads as many as asked for, or as the run's size makes worth their start-up. */
function threadsFor(options: FileRunOptions): ExecutorFactory {
  return (context, calls, tasks) => createExecutor(context, workersFor(options.workers, calls, tasks));
}
