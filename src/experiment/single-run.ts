// One run of a set-up scenario (a single point: every design over its replications) on an
// executor the caller makes: worker threads for the command line, the page's own Web Worker
// in a browser. Imports none of Node's modules, so a browser bundle can hold it.
import type { Scenario, ScenarioData } from '../scenario/index.ts';
import type { Executor } from './executor.ts';
import { scenarioWarnings } from './load-check.ts';
import { runPoints, type PointOutcome } from './point-scheduler.ts';
import type { RunOverrides } from './point-scenarios.ts';
import type { TaskContext } from './replication-task.ts';
import { setUpRun } from './run-setup.ts';
import { estimatedCalls } from './workload.ts';

export interface SingleRunOptions {
  /** Run only these designs, in this order (default: all, in file order). */
  readonly designs?: readonly string[];
  /** Add per-interval figures for intervals of this many seconds. */
  readonly interval?: number;
  /** Told about teams offered more work than their agents can do. */
  readonly warn?: (message: string) => void;
  /** Told as each replication finishes: replications done and planned so far. */
  readonly onReplication?: (done: number, target: number) => void;
  /** Stops the run between replications, ending its workers: it rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

export interface DataRunOptions extends SingleRunOptions {
  /** Run settings replacing the file's (replications, seed). */
  readonly overrides?: RunOverrides;
}

/** The scenario run (the file's, overrides applied) and what it gave. */
export type RunOutcome = { readonly scenario: Scenario; readonly outcome: PointOutcome };

/**
 * Makes the executor of a run.
 * @param calls the run's expected calls, all designs and replications together
 * @param tasks how many tasks (replications) it has
 */
export type ExecutorFactory = (context: TaskContext, calls: number, tasks: number) => Executor;

/**
 * Runs `designs` of a scenario that run-setup.ts has checked, warning first about the
 * designs run only (another design's overload is not this run's), and closes the executor.
 */
export async function runSetUpScenario(
  scenario: Scenario,
  designs: readonly string[],
  options: SingleRunOptions,
  executorOf: ExecutorFactory,
): Promise<PointOutcome> {
  const run = { ...scenario, designs: scenario.designs.filter((design) => designs.includes(design.name)) };
  for (const warning of scenarioWarnings(run)) options.warn?.(warning);
  const calls = estimatedCalls(scenario) * designs.length * scenario.run.replications;
  const executor = executorOf({ designs: options.designs, interval: options.interval }, calls, scenario.run.replications);
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

/**
 * Runs a scenario file, read and parsed as `data`, checked first as `spoc run` checks it
 * (adding replications where run.precision asks).
 * @throws InputError (rejects) for a bad file or override, an unknown design, a run too large
 */
export async function runScenarioData(data: ScenarioData, options: DataRunOptions, executorOf: ExecutorFactory): Promise<RunOutcome> {
  const { scenario, designs } = setUpRun(data, { overrides: options.overrides, designs: options.designs, interval: options.interval });
  return { scenario, outcome: await runSetUpScenario(scenario, designs, options, executorOf) };
}
