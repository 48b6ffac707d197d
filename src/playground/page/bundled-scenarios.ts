// The scenarios shipped with spoc-sim, embedded in the page when it is built (see
// build/playground.ts): their path in the repository and their text, the default one first.

export interface BundledScenario {
  readonly file: string;
  readonly text: string;
}

declare const SPOC_BUNDLED_SCENARIOS: readonly BundledScenario[];

export const BUNDLED_SCENARIOS: readonly BundledScenario[] = SPOC_BUNDLED_SCENARIOS;
