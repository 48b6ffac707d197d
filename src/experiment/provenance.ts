// Where a result comes from: the version of spoc-sim and the scenario's fingerprint.
import type { RunIdentity } from '../metrics/summarise.ts';
import type { Scenario } from '../scenario/index.ts';

/**
 * The package's version, as in package.json (`npm version` rewrites this line, and a test
 * checks the two agree). A constant rather than a read of package.json: the compiled
 * code, the library and a browser bundle all report it without touching a file.
 */
export const SPOC_VERSION = '0.1.0';

/** The identity under which a run of the scenario is summarised. */
export function runIdentity(scenario: Scenario): RunIdentity {
  const identity = { scenario: scenario.name, seed: scenario.run.seed, spoc: SPOC_VERSION, scenarioSha256: scenario.sha256 ?? null };
  return scenario.run.clock === 'week' ? { ...identity, weekStart: scenario.run.start } : identity;
}
