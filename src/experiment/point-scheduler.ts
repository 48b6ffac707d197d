// Runs sweep points (each: every design over its replications) on an executor, keeping the
// workers busy across points, adding replications where a precision target asks for them,
// and handing finished points back in index order with bounded memory.
import type { ReplicationMetrics } from '../metrics/replication-accumulator.ts';
import type { RunResult } from '../metrics/results.ts';
import { runIdentity } from './provenance.ts';
import { summariseRun, type DesignReplications } from '../metrics/summarise.ts';
import type { Scenario } from '../scenario/model.ts';
import { abortableRace, throwIfAborted } from './abort.ts';
import type { Executor } from './executor.ts';
import { precisionResults, replicationsNeeded } from './precision.ts';
import type { ReplicationTaskResult } from './replication-task.ts';
import type { SweepAssignment } from '../scenario/index.ts';

export interface PointSpec {
  readonly index: number;
  readonly assignments: readonly SweepAssignment[];
}

export interface PointOutcome {
  readonly point: PointSpec;
  readonly result: RunResult;
  /** Per design, every replication's values, in replication order. */
  readonly replications: readonly DesignReplications[];
  readonly calls: number;
  readonly events: number;
}

export interface SchedulerOptions {
  readonly executor: Executor;
  /** The points to run, in the order their outcomes are wanted. */
  readonly points: Iterable<PointSpec>;
  /** The scenario of a point (validated here before any of its tasks is sent). */
  readonly scenarioOf: (point: PointSpec) => Scenario;
  /** Design names, in order, of a point's scenario. */
  readonly designsOf: (scenario: Scenario) => readonly string[];
  /**
   * Called as each replication finishes (progress): the point, its replications done and
   * planned, and how many were just added to its plan by a precision target.
   */
  readonly onReplication?: (point: number, done: number, target: number, added: number) => void;
  /**
   * Stops the run: looked at between replications and raced against those in flight, it
   * rejects with an AbortError (the caller closes the executor, ending the workers' tasks).
   */
  readonly signal?: AbortSignal;
}

class PointState {
  readonly results: (ReplicationTaskResult | undefined)[] = [];
  scheduled = 0;
  completed = 0;
  finished = false;

  constructor(
    readonly spec: PointSpec,
    readonly scenario: Scenario,
    public target: number,
  ) {}
}

/** Yields each point's outcome in the order of `points`. */
export async function* runPoints(options: SchedulerOptions): AsyncGenerator<PointOutcome> {
  const { signal } = options;
  throwIfAborted(signal);
  const abortable = abortableRace(signal);
  try {
    yield* schedule(options, abortable.race);
  } finally {
    abortable.dispose();
  }
}

async function* schedule(
  options: SchedulerOptions,
  race: <T>(promises: Iterable<Promise<T>>) => Promise<T>,
): AsyncGenerator<PointOutcome> {
  const { executor } = options;
  const iterator = options.points[Symbol.iterator]();
  const active: PointState[] = [];
  const inFlight = new Map<number, Promise<{ key: number; state: PointState; result: ReplicationTaskResult }>>();
  const maxInFlight = executor.parallelism * 2;
  const maxActive = executor.parallelism * 2 + 1;
  let exhausted = false;
  let key = 0;

  const nextTask = (): PointState | undefined => {
    for (const state of active) if (state.scheduled < state.target) return state;
    if (exhausted || active.length >= maxActive) return undefined;
    const next = iterator.next();
    if (next.done === true) {
      exhausted = true;
      return undefined;
    }
    const scenario = options.scenarioOf(next.value);
    const state = new PointState(next.value, scenario, scenario.run.replications);
    active.push(state);
    return state;
  };

  for (;;) {
    while (inFlight.size < maxInFlight) {
      const state = nextTask();
      if (state === undefined) break;
      const replication = state.scheduled++;
      const k = key++;
      const owner = state;
      inFlight.set(
        k,
        executor
          .run({ point: state.spec.index, scenario: state.scenario, replication })
          .then((result) => ({ key: k, state: owner, result })),
      );
    }
    while (active.length > 0 && active[0]!.finished) yield outcome(active.shift()!, options);
    if (inFlight.size === 0) {
      if (active.length === 0 && exhausted) return;
      if (active.length === 0) continue;
      throw new Error('point scheduler stalled with unfinished points and no task running');
    }
    const { key: done, state, result } = await race(inFlight.values());
    inFlight.delete(done);
    state.results[result.replication] = result;
    state.completed++;
    let added = 0;
    if (state.completed === state.target) {
      added = replicationsNeeded(state.scenario, summarise(state, options));
      if (added > 0) state.target += added;
      else state.finished = true;
    }
    options.onReplication?.(state.spec.index, state.completed, state.target, added);
    throwIfAborted(options.signal);
  }
}

function collect(state: PointState, options: SchedulerOptions): DesignReplications[] {
  const names = options.designsOf(state.scenario);
  const results = state.results.slice(0, state.completed) as ReplicationTaskResult[];
  return names.map((design, d) => ({
    design,
    replications: results.map((r) => r.metrics[d]!) as ReplicationMetrics[],
  }));
}

function summarise(state: PointState, options: SchedulerOptions): RunResult {
  return summariseRun(runIdentity(state.scenario), collect(state, options));
}

function outcome(state: PointState, options: SchedulerOptions): PointOutcome {
  const replications = collect(state, options);
  let calls = 0;
  let events = 0;
  for (const r of state.results) {
    calls += r!.calls;
    events += r!.events;
  }
  const result = summariseRun(runIdentity(state.scenario), replications);
  const precision = precisionResults(state.scenario, result);
  return {
    point: state.spec,
    result: precision.length === 0 ? result : { ...result, precision },
    replications,
    calls,
    events,
  };
}
