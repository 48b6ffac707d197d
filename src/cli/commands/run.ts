// `spoc run FILE`: simulate every design on the same demand and print the comparison.
import type { Argv } from 'yargs';
import { runExperiment } from '../../experiment/run-experiment.ts';
import { formatResult, type OutputFormat } from '../../report/index.ts';
import { loadScenario, withOverrides } from '../../scenario/index.ts';
import { InputError } from '../input-error.ts';
import { writeFileAtomic, type CliIo } from '../io.ts';
import { parseDuration } from '../../scenario/units.ts';

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
    .option('interval', { type: 'string', describe: 'add figures per interval of the day, e.g. 30m' }) as unknown as Argv<RunArgs>;
}

export function runCommand(args: RunArgs, io: CliIo): void {
  const interval = args.interval === undefined ? undefined : parseInterval(args.interval);
  const scenario = withOverrides(loadScenario(args.file), { replications: args.replications, seed: args.seed });
  const result = runExperiment(scenario, { designs: args.design, interval });
  const text = formatResult(result, args.format, { byIntent: args.byIntent, scenario });
  if (args.out === undefined) io.stdout(text);
  else writeFileAtomic(args.out, text);
}

function parseInterval(text: string): number {
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new InputError(`--interval: found "${text}", ${parsed.message}`);
  if (!(parsed.value > 0)) throw new InputError(`--interval: found "${text}", expected a duration above 0`);
  return parsed.value;
}
