// Runs every design of a scenario over its replications on the same demand (common
// random numbers) and summarises the results.
import { compileDesign, type CompiledDesign } from '../callcenter/compile.ts';
import { simulate, type SimulationStats } from '../callcenter/simulation.ts';
import {
  ReplicationAccumulator,
  type AccumulatorOptions,
  type ReplicationMetrics,
} from '../metrics/replication-accumulator.ts';
import type { RunResult } from '../metrics/results.ts';
import { summariseRun, type DesignReplications } from '../metrics/summarise.ts';
import type { Scenario } from '../scenario/model.ts';

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

export interface ExperimentOptions {
  /** Run only these designs, in this order (default: all, in file order). */
  readonly designs?: readonly string[];
  /** Add per-interval figures for intervals of this many seconds. */
  readonly interval?: number;
}

/** Every replication of every selected design, unsummarised (replication-major order). */
export function simulateDesigns(scenario: Scenario, options: ExperimentOptions = {}): DesignReplications[] {
  const compiled = selectDesigns(scenario, options.designs).map((d) => compileDesign(scenario, d));
  const replications = compiled.map(() => [] as ReplicationMetrics[]);
  for (let r = 0; r < scenario.run.replications; r++) {
    compiled.forEach((design, d) => replications[d]!.push(runReplication(scenario, design, r, { interval: options.interval }).metrics));
  }
  return compiled.map((design, d) => ({ design: design.name, replications: replications[d]! }));
}

export function runExperiment(scenario: Scenario, options: ExperimentOptions = {}): RunResult {
  return summariseRun(scenario.name, scenario.run.seed, simulateDesigns(scenario, options));
}

function selectDesigns(scenario: Scenario, names: readonly string[] | undefined): Scenario['designs'] {
  if (names === undefined || names.length === 0) return scenario.designs;
  return names.map((name) => {
    const design = scenario.designs.find((d) => d.name === name);
    if (design === undefined) throw new UnknownDesignError(name, scenario.designs.map((d) => d.name));
    return design;
  });
}

/** A `--design` name that the scenario does not define: bad input, not a crash. */
export class UnknownDesignError extends Error {
  constructor(
    readonly design: string,
    readonly known: readonly string[],
  ) {
    super(`unknown design "${design}"; the scenario defines: ${known.join(', ')}`);
  }
}
