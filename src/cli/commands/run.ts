// `spoc run FILE`: simulate every design on the same demand and print the comparison.
import type { Argv } from 'yargs';
import { runScenarioFile } from '../../experiment/run-experiment.ts';
import { formatResult, type OutputFormat } from '../../report/index.ts';
import { parseDuration } from '../../scenario/units.ts';
import { InputError } from '../../scenario/index.ts';
import type { CliIo } from '../io.ts';
import { checkOutputOption } from '../output-file.ts';
import { createProgress } from '../progress.ts';
import type { PrecisionOverride } from '../../experiment/point-scenarios.ts';
import { DESIGN_METRICS } from '../../metrics/metric-catalogue.ts';

export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;

export interface RunArgs {
  readonly file: string;
  readonly format: OutputFormat;
  readonly out: string | undefined;
  readonly replications: number | undefined;
  readonly seed: number | undefined;
  readonly design: readonly string[] | undefined;
  readonly byIntent: boolean;
  readonly interval: string | undefined;
  readonly workers: number | undefined;
  readonly progress: boolean;
  readonly precision: readonly string[] | undefined;
  readonly maxReplications: number | undefined;
  readonly report: string | undefined;
}

export function runOptions(yargs: Argv): Argv<RunArgs> {
  return yargs
    .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (.yaml, .yml or .json)' })
    .option('format', { alias: 'f', choices: OUTPUT_FORMATS, default: 'table' as OutputFormat, describe: 'output format' })
    .option('out', { alias: 'o', type: 'string', describe: 'write to this file (atomically) instead of standard output' })
    .option('replications', { alias: 'r', type: 'number', describe: 'override run.replications' })
    .option('seed', { alias: 's', type: 'number', describe: 'override run.seed' })
    .option('design', { alias: 'd', type: 'string', array: true, describe: 'run only these designs (the first is the baseline)' })
    .option('by-intent', { type: 'boolean', default: false, describe: 'table/markdown: add the per-intent figures' })
    .option('interval', { type: 'string', describe: 'add figures per interval of the day, e.g. 30m' })
    .option('workers', { alias: 'w', type: 'number', describe: 'worker threads (default: every core when the run is big enough); output is the same for any number' })
    .option('precision', { type: 'string', array: true, describe: 'METRIC=HALF-WIDTH: add replications until every design meets it, e.g. waitMean=5s' })
    .option('max-replications', { type: 'number', describe: 'upper bound for --precision (default run.maxReplications)' })
    .option('report', { type: 'string', describe: 'also write a self-contained HTML report (tables, charts, call flows) to this file' })
    .option('progress', { type: 'boolean', default: true, describe: 'show a progress bar on a terminal (--no-progress to hide)' }) as unknown as Argv<RunArgs>;
}

export async function runCommand(args: RunArgs, io: CliIo): Promise<void> {
  const interval = args.interval === undefined ? undefined : parseInterval(args.interval);
  const workers = parseWorkers(args.workers);
  const out = checkOutputOption(args.out, io);
  const report = checkOutputOption(args.report, io, '--report');
  const progress = createProgress(args.progress);
  try {
    const { scenario, outcome } = await runScenarioFile(args.file, {
      replications: args.replications,
      seed: args.seed,
      designs: args.design,
      interval,
      workers,
      precision: parsePrecision(args.precision, args.maxReplications),
      warn: (message) => io.stderr(`spoc: warning: ${message}\n`),
      onReplication: (done, planned) => progress.update(done, planned, 0, 1),
    });
    const text = formatResult(outcome.result, args.format, { byIntent: args.byIntent, scenario });
    progress.stop();
    if (out === undefined) io.stdout(text);
    else out.writeAll(text);
    if (report !== undefined) {
      // Loaded only when asked for: the chart renderer is large.
      const { renderRunReport } = await import('../../report/html/index.ts');
      report.writeAll(await renderRunReport(outcome.result, { scenario }));
    }
  } finally {
    progress.stop();
  }
}

/** --workers: a whole number from 1; undefined lets the run choose (every core when it pays). */
export function parseWorkers(workers: number | undefined): number | undefined {
  if (workers === undefined) return undefined;
  if (!Number.isSafeInteger(workers) || workers < 1) throw new InputError(`--workers: found ${workers}, expected a whole number of 1 or more`);
  return workers;
}

export function parseInterval(text: string): number {
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new InputError(`--interval: found "${text}", ${parsed.message}`);
  if (!(parsed.value > 0)) throw new InputError(`--interval: found "${text}", expected a duration above 0`);
  return parsed.value;
}

/**
 * --precision METRIC=HALF-WIDTH (a duration for time metrics, a number otherwise) and
 * --max-replications; undefined when neither is given (the file's run.precision applies).
 */
export function parsePrecision(
  texts: readonly string[] | undefined,
  maxReplications: number | undefined,
): PrecisionOverride | undefined {
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
    const parsed = info.unit === 'seconds' ? parseDuration(value) : parseNumber(value, info.unit === 'share');
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
