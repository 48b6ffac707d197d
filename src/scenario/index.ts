// The scenario package: reading, validating and resolving scenario files.
export type * from './model.ts';
export { ScenarioError, formatProblem, type Problem } from './errors.ts';
export { InputError } from './input-error.ts';
export { NO_FILES, type FileSource } from './file-source.ts';
export { sha256Hex } from './digest.ts';
export {
  DAY_KEYS,
  SECONDS_PER_DAY,
  SECONDS_PER_WEEK,
  formatWeekTime,
  formatWeekSpan,
  endInStartDay,
  weekDayLabel,
  parseDays,
  parseHours,
  parseWeekTime,
  type DailyRange,
} from './week-time.ts';
export { ALWAYS_OPEN, parseOpenHours, type OpenHours, type OpenHoursProblem, type OpenHoursResult, type WeeklyRange } from './open-hours.ts';
export type { EmpiricalFileOptions } from './empirical-files.ts';
export {
  loadScenario,
  parseScenario,
  parseScenarioData,
  readScenarioData,
  withOverrides,
  type ParseOptions,
  MAX_YAML_ALIAS_COUNT,
  type ScenarioData,
  type ScenarioFormat,
} from './load.ts';
export { validateScenario } from './validate.ts';
export { scenarioJsonSchema, METRIC_NAME_PATTERN } from './schema.ts';
export { DISTRIBUTION_KINDS } from './schema-distributions.ts';
export {
  DEFAULT_MAX_HOPS,
  DEFAULT_MAX_REPLICATIONS_FACTOR,
  DEFAULT_REPLICATIONS,
  DEFAULT_SEED,
  MAX_AGENTS,
  MAX_COST_PER_HOUR,
  MAX_CV,
  MAX_ERLANG_K,
  MAX_HOPS,
  MAX_QUEUE_CAPACITY,
  MAX_REPLICATIONS,
  MAX_SEED,
} from './schema-limits.ts';
export {
  parseDuration,
  parseRate,
  parseProbability,
  formatDuration,
  MAX_DURATION,
  MAX_RATE_PER_SECOND,
  PLAIN_DECIMAL,
  type Parsed,
} from './units.ts';
export { mergeSweepParameters, resolveSweep, scenarioWithValues } from './sweep.ts';
export { MAX_RANGE_VALUES, parseRange, parseSetOption, SweepOptionError } from './sweep-values.ts';
