// The scenario package: reading, validating and resolving scenario files.
export type * from './model.ts';
export { ScenarioError, formatProblem, type Problem } from './errors.ts';
export {
  loadScenario,
  parseScenario,
  readScenarioData,
  withOverrides,
  MAX_YAML_ALIAS_COUNT,
  type ScenarioData,
  type ScenarioFormat,
} from './load.ts';
export { validateScenario } from './validate.ts';
export {
  scenarioJsonSchema,
  DEFAULT_MAX_HOPS,
  DEFAULT_MAX_REPLICATIONS_FACTOR,
  DEFAULT_REPLICATIONS,
  DEFAULT_SEED,
  DISTRIBUTION_KINDS,
  METRIC_NAME_PATTERN,
} from './schema.ts';
export { parseDuration, parseRate, parseProbability, formatDuration, type Parsed } from './units.ts';
export { mergeSweepParameters, resolveSweep, scenarioWithValues } from './sweep.ts';
export { MAX_RANGE_VALUES, parseRange, parseSetOption, SweepOptionError } from './sweep-values.ts';
