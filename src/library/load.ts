// Loading a scenario for the library: from a file (and the data files it names) or from text,
// validated and resolved; bad input is refused with the InputErrors the command line shows.
import { nodeFileSource } from '../cli/file-source.ts';
import {
  loadScenario as loadFrom,
  parseScenario as parseText,
  type Scenario,
  type ScenarioFormat,
} from '../scenario/index.ts';

export interface LoadOptions {
  /** Read empirical distributions' files outside the scenario file's folder too (default: refused). */
  readonly allowOutsideFiles?: boolean;
}

export interface ParseOptions extends LoadOptions {
  /** The text's format; default: from `file`'s extension, else YAML. */
  readonly format?: ScenarioFormat;
  /**
   * The file name used in messages, whose folder the files of empirical distributions are
   * read from (default: `scenario.yaml` or `scenario.json`, in the working directory).
   */
  readonly file?: string;
}

/**
 * Reads a scenario file (`.yaml`, `.yml` or `.json`), validates and resolves it.
 * @throws ScenarioError (an InputError) naming the file, the field path, what was found and
 *   what is allowed, for every problem found
 */
export function loadScenario(path: string, options: LoadOptions = {}): Scenario {
  return loadFrom(path, nodeFileSource, options);
}

/**
 * Validates and resolves scenario text (YAML or JSON).
 * @throws ScenarioError (an InputError), as loadScenario does
 */
export function parseScenario(text: string, options: ParseOptions = {}): Scenario {
  const file = options.file ?? `scenario.${options.format ?? 'yaml'}`;
  const format = options.format ?? (/\.json$/i.test(file) ? 'json' : 'yaml');
  return parseText(text, file, { format, source: nodeFileSource, allowOutsideFiles: options.allowOutsideFiles });
}
