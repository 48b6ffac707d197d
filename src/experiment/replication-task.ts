// One unit of work, the same in this thread or a worker: replication r of every design of
// one sweep point. Depends only on (file data, point values, replication), so results do
// not depend on where or in which order tasks run.
import { compileDesign, type CompiledDesign } from '../callcenter/compile.ts';
import { simulate, type SimulationStats } from '../callcenter/simulation.ts';
import {
  ReplicationAccumulator,
  type AccumulatorOptions,
  type ReplicationMetrics,
} from '../metrics/replication-accumulator.ts';
import { scenarioWithValues, withOverrides, type Scenario } from '../scenario/index.ts';
import { selectDesigns } from './select-designs.ts';

export interface ReplicationOutcome {
  readonly metrics: ReplicationMetrics;
  readonly stats: SimulationStats;
}

/** Simulates replication `replication` (0-based) of one compiled design. */
export function runReplication(
  scenario: Scenario,
  design: CompiledDesign,
  replication: number,
  options: AccumulatorOptions = {},
): ReplicationOutcome {
  const accumulator = new ReplicationAccumulator(design, scenario.run, options);
  const stats = simulate(design, scenario.demand.arrivals, scenario.demand, scenario.run, replication, accumulator);
  return { metrics: accumulator.result(), stats };
}

/** Everything a worker needs to build any point's scenario: plain, structured-cloneable data. */
export interface TaskContext {
  /** The scenario file's parsed data, before validation. */
  readonly raw: unknown;
  readonly file: string;
  readonly overrides: RunOverrides;
  /** Designs to run, in order (all when undefined). */
  readonly designs?: readonly string[];
  /** Per-interval figures, interval length in seconds. */
  readonly interval?: number;
}

/** Command-line values that replace the file's run settings. */
export interface RunOverrides {
  readonly replications?: number;
  readonly seed?: number;
  readonly precision?: PrecisionOverride;
}

export interface PrecisionOverride {
  readonly targets: readonly { readonly metric: string; readonly halfWidth: number }[];
  readonly maxReplications?: number;
}

export interface Assignment {
  readonly path: string;
  readonly value: unknown;
}

export interface ReplicationTask {
  readonly point: number;
  readonly assignments: readonly Assignment[];
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

/** Builds point scenarios and compiled designs, keeping the last point's. */
export class TaskRunner {
  private cachedPoint = -1;
  private scenario: Scenario | undefined;
  private designs: readonly CompiledDesign[] = [];

  constructor(private readonly context: TaskContext) {}

  /** The scenario of a point (validated; throws ScenarioError for a bad swept value). */
  scenarioOf(point: number, assignments: readonly Assignment[]): Scenario {
    if (point !== this.cachedPoint || this.scenario === undefined) {
      const { raw, file, overrides } = this.context;
      const scenario = withPrecision(
        withOverrides(scenarioWithValues(raw, file, assignments), overrides),
        overrides.precision,
      );
      this.designs = selectDesigns(scenario, this.context.designs).map((d) => compileDesign(scenario, d));
      this.scenario = scenario;
      this.cachedPoint = point;
    }
    return this.scenario;
  }

  run(task: ReplicationTask): ReplicationTaskResult {
    const scenario = this.scenarioOf(task.point, task.assignments);
    let calls = 0;
    let events = 0;
    const metrics = this.designs.map((design) => {
      const { metrics, stats } = runReplication(scenario, design, task.replication, { interval: this.context.interval });
      calls += stats.calls;
      events += stats.events;
      return metrics;
    });
    return { point: task.point, replication: task.replication, metrics, calls, events };
  }

  /** Names of the designs run, in order. */
  designNames(): string[] {
    return this.designs.map((d) => d.name);
  }
}

function withPrecision(scenario: Scenario, precision: PrecisionOverride | undefined): Scenario {
  if (precision === undefined) return scenario;
  const targets = precision.targets.length > 0 ? precision.targets : scenario.run.precision;
  const maxReplications = Math.max(
    precision.maxReplications ?? scenario.run.maxReplications,
    scenario.run.replications,
  );
  return { ...scenario, run: { ...scenario.run, precision: targets, maxReplications } };
}
