// The messages between the page and the Web Worker that runs the simulation: plain,
// structured-cloneable data, one request per run, answered by progress, warnings and one end.
import type { RunResult } from '../metrics/results.ts';

/** Where the scenario text is said to come from, in messages (`scenario.yaml: path: …`). */
export const SCENARIO_FILE = 'scenario.yaml';

export interface RunRequest {
  readonly id: number;
  /** The scenario, YAML or JSON text, exactly as `spoc run` would read it from a file. */
  readonly text: string;
  /** `--replications`, `--seed` and `--interval` (seconds) of `spoc run`; absent: the file's. */
  readonly replications?: number;
  readonly seed?: number;
  readonly interval?: number;
}

export type WorkerReply =
  | { readonly kind: 'progress'; readonly id: number; readonly done: number; readonly planned: number }
  | { readonly kind: 'warning'; readonly id: number; readonly message: string }
  | {
      readonly kind: 'done';
      readonly id: number;
      /** The text of `spoc run -f json` and `-f csv`. */
      readonly json: string;
      readonly csv: string;
      readonly result: RunResult;
    }
  /** Bad input: the lines `spoc run` prints before exiting with code 2. */
  | { readonly kind: 'refused'; readonly id: number; readonly lines: readonly string[] }
  /** A bug: what `spoc run` prints as an internal error. */
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };
