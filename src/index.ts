// The library entry of spoc-sim: load and validate scenarios, run and sweep them as the
// `spoc` command does, and the Erlang calculators.
import { tuneV8 } from './experiment/tune-v8.ts';

// Before any simulation code is compiled: the library runs as fast as the command.
tuneV8();

export { loadScenario, parseScenario, type LoadOptions, type ParseOptions } from './library/load.ts';
export { runScenario, type CommonRunOptions, type RunOptions } from './library/run.ts';
export { runSweep, type SweepOptions, type SweepPointResult } from './library/sweep.ts';
export type {
  ComparisonJson,
  DesignResultJson,
  EstimateJson,
  FlowJson,
  IntervalResultJson,
  MetricTableJson,
  PrecisionJson,
  ProvenanceJson,
  RunResultJson,
} from './library/result-json.ts';
export { InputError, ScenarioError, type Problem, type Scenario, type ScenarioFormat, type SweepAssignment } from './scenario/index.ts';
export { UnknownDesignError } from './experiment/run-experiment.ts';
export { RunTooLargeError } from './experiment/limits.ts';
export type { DesignMetric, IntentMetric, IntervalMetric, TeamMetric } from './metrics/metric-catalogue.ts';
export {
  agentsForAbandonRate,
  agentsForAsa,
  agentsForBlocking,
  agentsForServiceLevel,
  agentsForTargets,
  agentsForWait,
  erlangA,
  erlangB,
  erlangC,
  mmck,
  type ErlangAInput,
  type ErlangAResult,
  type ErlangCResult,
  type MmckInput,
  type MmckResult,
  type StaffingInput,
  type StaffingResult,
  type StaffingTargets,
} from './analytic/index.ts';
