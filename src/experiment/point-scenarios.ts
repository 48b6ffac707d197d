// The scenario of each sweep point, built in the main thread from the file's data: swept
// values set, then command-line overrides (replications, seed, precision) applied.
import { scenarioWithValues, withOverrides, type Scenario, type ScenarioData, type SweepAssignment } from '../scenario/index.ts';
import { selectDesigns } from './select-designs.ts';

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

export class PointScenarios {
  constructor(
    private readonly data: ScenarioData,
    private readonly overrides: RunOverrides,
    private readonly designs: readonly string[] | undefined,
  ) {}

  /** The validated scenario of a point (throws ScenarioError for a bad swept value). */
  scenarioOf(assignments: readonly SweepAssignment[]): Scenario {
    return withRunOverrides(scenarioWithValues(this.data, assignments), this.overrides);
  }

  /** Names of the designs run, in order (checks --design names). */
  designNames(scenario: Scenario): string[] {
    return selectDesigns(scenario, this.designs).map((d) => d.name);
  }
}

/** The scenario with the overrides of its run settings (throws ScenarioError for a bad value). */
export function withRunOverrides(scenario: Scenario, overrides: RunOverrides): Scenario {
  return withPrecision(withOverrides(scenario, overrides), overrides.precision);
}

function withPrecision(scenario: Scenario, precision: PrecisionOverride | undefined): Scenario {
  if (precision === undefined) return scenario;
  const targets = precision.targets.length > 0 ? precision.targets : scenario.run.precision;
  const maxReplications = Math.max(precision.maxReplications ?? scenario.run.maxReplications, scenario.run.replications);
  return { ...scenario, run: { ...scenario.run, precision: targets, maxReplications } };
}
