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
import { runPoints, type PointOutcome } from './point-scheduler.ts';
import { runReplication } from './replication-task.ts';
import type { RunOverrides } from './point-scenarios.ts';
import { setUpResolved, setUpRun } from './run-setup.ts';
import { estimatedCalls, workersFor } from './workload.ts';
import { scenarioWarnings } from './load-check.ts';
import { selectDesigns } from './select-designs.ts';

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

export interface FileRunOptions extends ExperimentOptions {
  readonly overrides?: RunOverrides;
  /** Worker threads (1: this thread); undefined: every core when the run is big enough. */
  readonly workers: number | undefined;
  /** Told about teams offered more work than their agents can do. */
  readonly warn?: (message: string) => void;
  /** Told as each replication finishes: replications done and planned so far. */
  readonly onReplication?: (done: number, target: number) => void;
  /** Stops the run between replications, ending its workers: it rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

export type RunOutcome = { readonly scenario: Scenario; readonly outcome: PointOutcome };

/**
 * Runs a scenario file, read as `data`, with its replications spread over worker threads
 * (adding some where run.precision asks). The result is the same whatever the number of
 * workers.
 */
export async function runScenarioFile(data: ScenarioData, options: FileRunOptions): Promise<RunOutcome> {
  const { scenario, designs } = setUpRun(data, { overrides: options.overrides, designs: options.designs, interval: options.interval });
  return { scenario, outcome: await runOnExecutor(scenario, designs, options) };
}

/**
 * Runs a scenario already resolved (built in code, or loaded and kept), as runScenarioFile
 * runs a file: overrides applied, the same checks, on worker threads.
 */
export async function runResolvedScenario(scenario: Scenario, options: FileRunOptions): Promise<RunOutcome> {
  const { scenario: run, designs } = setUpResolved(scenario, { overrides: options.overrides, designs: options.designs, interval: options.interval });
  return { scenario: run, outcome: await runOnExecutor(run, designs, options) };
}

async function runOnExecutor(scenario: Scenario, designs: readonly string[], options: FileRunOptions): Promise<PointOutcome> {
  // Warnings about the designs run only: another design's overload is not this run's.
  const run = { ...scenario, designs: scenario.designs.filter((design) => designs.includes(design.name)) };
  for (const warning of scenarioWarnings(run)) options.warn?.(warning);
  const work = estimatedCalls(scenario) * designs.length * scenario.run.replications;
  const executor = createExecutor(
    { designs: options.designs, interval: options.interval },
    workersFor(options.workers, work, scenario.run.replications),
  );
  try {
    for await (const outcome of runPoints({
      executor,
      points: [{ index: 0, assignments: [] }],
      scenarioOf: () => scenario,
      designsOf: () => designs,
      onReplication: (_point, done, target) => options.onReplication?.(done, target),
      signal: options.signal,
    })) {
      return outcome;
    }
  } finally {
    await executor.close();
  }
  throw new Error('a run produced no result');
}
