// What run, sweep and trace do before simulating: the scenario of the file with the command
// line's overrides, the designs selected, and the checks that refuse bad input before any
// work (precision metrics, size limits).
import type { Scenario, ScenarioData, SweepAssignment } from '../scenario/index.ts';
import { checkRunSize } from './limits.ts';
import { PointScenarios, type RunOverrides } from './point-scenarios.ts';
import { checkPrecisionMetrics } from './precision.ts';

export interface RunRequest {
  readonly overrides?: RunOverrides;
  /** Designs named on the command line, in order (default: all of the scenario's). */
  readonly designs?: readonly string[];
  /** The values of the first point, for a sweep (none for a plain run). */
  readonly firstPoint?: readonly SweepAssignment[];
  /**
   * How much will be simulated, for the size limits: points, and replications of each
   * design at each point (default: the scenario's replications).
   */
  readonly work?: { readonly points: number; readonly replications?: number };
}

export interface RunSetup {
  /** The scenario of any point of the run. */
  readonly points: PointScenarios;
  /** The scenario of the first point: the file's own, overrides applied, for a plain run. */
  readonly scenario: Scenario;
  /** The names of the designs run, in order. */
  readonly designs: readonly string[];
}

/**
 * @throws InputError for a bad override, an unknown design or precision metric, or a run
 *   too large (ScenarioError, UnknownDesignError, UnknownMetricError, RunTooLargeError)
 */
export function setUpRun(data: ScenarioData, request: RunRequest = {}): RunSetup {
  const points = new PointScenarios(data, request.overrides ?? {}, request.designs);
  const scenario = points.scenarioOf(request.firstPoint ?? []);
  const designs = points.designNames(scenario);
  checkPrecisionMetrics(scenario);
  const { points: pointCount, replications } = request.work ?? { points: 1 };
  checkRunSize(scenario, designs.length, pointCount, replications);
  return { points, scenario, designs };
}
