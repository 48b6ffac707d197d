// The options that run and sweep share, from command-line text to values: --workers,
// --interval, --precision and --max-replications; and --allow-outside-files, which every
// command reading a scenario takes.
import type { Argv } from 'yargs';
import type { PrecisionOverride } from '../experiment/point-scenarios.ts';
import { DESIGN_METRICS } from '../metrics/metric-catalogue.ts';
import { InputError } from '../scenario/index.ts';
import { durationOption, durationText, numberOption, wholeNumberOption } from './option-values.ts';

/** --workers: a whole number from 1; undefined lets the run choose (every core when it pays). */
export function parseWorkers(text: string | undefined): number | undefined {
  return wholeNumberOption('--workers', text, 1);
}

/** Narrower than this, a table has no room for its labels beside one design and its Δ. */
export const MIN_TABLE_WIDTH = 40;

/** --width: the table's widest line, a whole number from 40; undefined when not given. */
export function parseWidth(text: string | undefined): number | undefined {
  return wholeNumberOption('--width', text, MIN_TABLE_WIDTH);
}

/**
 * The table's width: `--width` when given, else the terminal's when standard output is one
 * (never below the narrowest table), else undefined: the report's fixed default, so that
 * what is piped or written to a file does not depend on the terminal it was typed in.
 */
export function tableWidth(option: number | undefined, terminalColumns: number | undefined): number | undefined {
  if (option !== undefined) return option;
  return terminalColumns === undefined ? undefined : Math.max(MIN_TABLE_WIDTH, terminalColumns);
}

/** --allow-outside-files: the empirical files of a scenario may be anywhere, not only in its folder. */
export function allowOutsideFilesOption<T>(yargs: Argv<T>): Argv<T & { allowOutsideFiles: boolean }> {
  return yargs.option('allow-outside-files', {
    type: 'boolean',
    default: false,
    describe: "read empirical files (file: in a distribution) outside the scenario file's folder too",
  }) as unknown as Argv<T & { allowOutsideFiles: boolean }>;
}

/** --interval: a duration above 0, `30m` or `1800`. */
export function parseInterval(text: string): number {
  return durationOption('--interval', text);
}

/**
 * --precision METRIC=HALF-WIDTH (a duration for time metrics, a number otherwise) and
 * --max-replications; undefined when neither is given (the file's run.precision applies).
 */
export function parsePrecision(
  texts: readonly string[] | undefined,
  maxReplicationsText: string | undefined,
): PrecisionOverride | undefined {
  const maxReplications = numberOption('--max-replications', maxReplicationsText, 'a whole number of 2 or more');
  if (texts === undefined && maxReplications === undefined) return undefined;
  if (maxReplications !== undefined && !(Number.isSafeInteger(maxReplications) && maxReplications >= 2)) {
    throw new InputError(`--max-replications: found ${maxReplications}, expected a whole number of 2 or more`);
  }
  const targets = (texts ?? []).map((text) => {
    const match = /^([A-Za-z][A-Za-z0-9]*)=(.+)$/.exec(text);
    if (match === null) throw new InputError(`--precision: found "${text}", expected METRIC=HALF-WIDTH, e.g. waitMean=5s`);
    const [, metric, value] = match as unknown as [string, string, string];
    const info = DESIGN_METRICS.find((m) => m.name === metric);
    if (info === undefined) {
      throw new InputError(`--precision: unknown metric "${metric}"; expected a design metric such as waitMean, abandonRate, serviceLevel`);
    }
    const parsed = info.unit === 'seconds' ? durationText(value) : parseNumber(value, info.unit === 'share');
    if (!parsed.ok || !(parsed.value > 0)) {
      const example = info.unit === 'seconds' ? 'a duration such as 5s' : info.unit === 'share' ? 'a share such as 0.01 or 1%' : 'a number such as 0.05';
      throw new InputError(`--precision: found "${value}" for ${metric}, expected a half-width above 0 (${example})`);
    }
    return { metric, halfWidth: parsed.value };
  });
  return { targets, ...(maxReplications === undefined ? {} : { maxReplications }) };
}

/** A number; for a share also `1%` or `1pp` (percentage points), meaning 0.01. */
function parseNumber(text: string, share: boolean): { ok: true; value: number } | { ok: false } {
  const percent = share ? /^(.+?)\s*(%|pp)$/.exec(text.trim()) : null;
  const value = percent === null ? Number(text) : Number(percent[1]) / 100;
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}
