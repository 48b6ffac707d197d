// One unit of work, the same in this thread or a worker: replication r of every design of
// one sweep point, given that point's resolved scenario. Depends only on the task, so
// results do not depend on where or in which order tasks run. Imports no loader code, so
// a worker thread starts with the simulator alone.
import { compileRun, type CompiledRun } from '../callcenter/compile-run.ts';
import { simulate, type SimulationStats } from '../callcenter/simulation.ts';
import {
  ReplicationAccumulator,
  type AccumulatorOptions,
  type ReplicationMetrics,
} from '../metrics/replication-accumulator.ts';
import type { Scenario } from '../scenario/model.ts';
import { selectDesigns } from './select-designs.ts';

export interface ReplicationOutcome {
  readonly metrics: ReplicationMetrics;
  readonly stats: SimulationStats;
}

/** Simulates replication `replication` (0-based) of one compiled design. */
export function runReplication(run: CompiledRun, replication: number, options: AccumulatorOptions = {}): ReplicationOutcome {
  const accumulator = new ReplicationAccumulator(run.design, run.settings, options);
  const stats = simulate(run, replication, accumulator);
  return { metrics: accumulator.result(), stats };
}

/** What every task of a run shares: plain, structured-cloneable data. */
export interface TaskContext {
  /** Designs to run, in order (all when undefined). */
  readonly designs?: readonly string[];
  /** Per-interval figures, interval length in seconds. */
  readonly interval?: number;
}

export interface ReplicationTask {
  /** The sweep point (0 for a plain run): tasks of one point share its scenario. */
  readonly point: number;
  readonly scenario: Scenario;
  readonly replication: number;
}

export interface ReplicationTaskResult {
  readonly point: number;
  readonly replication: number;
  /** One per design, in design order. */
  readonly metrics: readonly ReplicationMetrics[];
  readonly calls: number;
  readonly events: number;
}

/** Runs tasks, compiling each point's designs once. */
export class TaskRunner {
  private cachedPoint = -1;
  private runs: readonly CompiledRun[] = [];

  constructor(private readonly context: TaskContext) {}

  run(task: ReplicationTask): ReplicationTaskResult {
    const { scenario } = task;
    if (task.point !== this.cachedPoint) {
      this.runs = selectDesigns(scenario, this.context.designs).map((d) => compileRun(scenario, d));
      this.cachedPoint = task.point;
    }
    let calls = 0;
    let events = 0;
    const metrics = this.runs.map((run) => {
      const { metrics, stats } = runReplication(run, task.replication, { interval: this.context.interval });
      calls += stats.calls;
      events += stats.events;
      return metrics;
    });
    return { point: task.point, replication: task.replication, metrics, calls, events };
  }
}
