// The scenario package: reading, validating and resolving scenario files.
export type * from './model.ts';
export { ScenarioError, formatProblem, type Problem } from './errors.ts';
export { loadScenario, parseScenario, withOverrides, MAX_YAML_ALIAS_COUNT, type ScenarioFormat } from './load.ts';
export { validateScenario } from './validate.ts';
export { scenarioJsonSchema, DEFAULT_MAX_HOPS, DEFAULT_REPLICATIONS, DEFAULT_SEED, DISTRIBUTION_KINDS } from './schema.ts';
export { parseDuration, parseRate, parseProbability, formatDuration, type Parsed } from './units.ts';
