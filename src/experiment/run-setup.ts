// What run, sweep, trace and validate do before simulating: the scenario of the file with
// the command line's overrides, the designs selected, and the checks that refuse bad input
// before any work (the file as a whole, precision metrics, size limits, intervals).
import { validateScenario, type Scenario, type ScenarioData, type SweepAssignment } from '../scenario/index.ts';
import { checkIntervals, checkRunSize } from './limits.ts';
import { PointScenarios, withRunOverrides, type RunOverrides } from './point-scenarios.ts';
import { selectDesigns } from './select-designs.ts';
import { checkPrecisionMetrics } from './precision.ts';

export interface RunRequest {
  readonly overrides?: RunOverrides;
  /** Designs named on the command line, in order (default: all of the scenario's). */
  readonly designs?: readonly string[];
  /**
   * The values of the first point, for a sweep (none for a plain run, whose file, its
   * `sweep` block included, is then checked as a whole: a sweep has checked it already).
   */
  readonly firstPoint?: readonly SweepAssignment[];
  /**
   * How much will be simulated, for the size limits: points, and replications of each
   * design at each point (default: the scenario's replications).
   */
  readonly work?: { readonly points: number; readonly replications?: number };
  /** Length of the intervals of per-interval figures, seconds (none: no such figures). */
  readonly interval?: number;
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
 * @throws InputError for a bad file or override, an unknown design or precision metric, a
 *   run too large or cut in too many intervals (ScenarioError, UnknownDesignError,
 *   UnknownMetricError, RunTooLargeError)
 */
export function setUpRun(data: ScenarioData, request: RunRequest = {}): RunSetup {
  if (request.firstPoint === undefined) validateScenario(data.raw, data.file, { locate: data.locate, files: data.files });
  const points = new PointScenarios(data, request.overrides ?? {}, request.designs);
  const scenario = points.scenarioOf(request.firstPoint ?? []);
  return { points, ...checked(scenario, points.designNames(scenario), request) };
}

/**
 * setUpRun for a scenario already resolved (its file, if any, was validated when it was
 * loaded): the overrides applied, the designs selected, the same checks.
 * @throws InputError as setUpRun does
 */
export function setUpResolved(scenario: Scenario, request: Omit<RunRequest, 'firstPoint'> = {}): Omit<RunSetup, 'points'> {
  const run = withRunOverrides(scenario, request.overrides ?? {});
  return checked(run, selectDesigns(run, request.designs).map((d) => d.name), request);
}

function checked(scenario: Scenario, designs: readonly string[], request: RunRequest): Omit<RunSetup, 'points'> {
  checkPrecisionMetrics(scenario);
  const { points: pointCount, replications } = request.work ?? { points: 1 };
  checkRunSize(scenario, designs, pointCount, replications);
  if (request.interval !== undefined) checkIntervals(scenario, request.interval);
  return { scenario, designs };
}
