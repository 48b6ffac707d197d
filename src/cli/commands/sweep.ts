// `spoc sweep FILE`: a grid of scenario variants, every design at every point, one row per
// (point, design) as CSV or JSON Lines; shards for many machines, --resume after a stop.
import type { Argv } from 'yargs';
import { parseShard } from '../../experiment/sweep-plan.ts';
import { partialPath, runSweep } from '../../experiment/sweep-runner.ts';
import { sweepRowFormat, type SweepFormat } from '../../report/sweep-rows.ts';
import { parseSetOption, SweepOptionError } from '../../scenario/index.ts';
import { InputError } from '../input-error.ts';
import { checkOutputPath, type CliIo } from '../io.ts';
import { createProgress } from '../progress.ts';
import { parsePrecision, parseWorkers } from './run.ts';

export interface SweepArgs {
  readonly file: string;
  readonly set: readonly string[] | undefined;
  readonly format: SweepFormat;
  readonly out: string | undefined;
  readonly replications: number | undefined;
  readonly seed: number | undefined;
  readonly design: readonly string[] | undefined;
  readonly workers: number | undefined;
  readonly shard: string | undefined;
  readonly resume: boolean;
  readonly precision: readonly string[] | undefined;
  readonly maxReplications: number | undefined;
  readonly progress: boolean;
}

export function sweepOptions(yargs: Argv): Argv<SweepArgs> {
  return yargs
    .positional('file', { type: 'string', demandOption: true, describe: 'scenario file, with or without a sweep block' })
    .option('set', { type: 'string', array: true, describe: 'PATH=VALUES: a swept field, e.g. teams.billing.agents=8..16 or designs.ivr.ivr.accuracy=0.7,0.8,0.9' })
    .option('format', { alias: 'f', choices: ['csv', 'jsonl'] as const, default: 'csv' as SweepFormat, describe: 'row format' })
    .option('out', { alias: 'o', type: 'string', describe: 'output file (rows go to OUT.partial until the sweep ends)' })
    .option('replications', { alias: 'r', type: 'number', describe: 'override run.replications' })
    .option('seed', { alias: 's', type: 'number', describe: 'override run.seed' })
    .option('design', { alias: 'd', type: 'string', array: true, describe: 'run only these designs' })
    .option('workers', { alias: 'w', type: 'number', describe: 'worker threads (default: every core when the sweep is big enough)' })
    .option('shard', { type: 'string', describe: 'K/N: run only the K-th of N slices of the grid (then spoc merge)' })
    .option('resume', { type: 'boolean', default: false, describe: 'skip the points already in OUT.partial' })
    .option('precision', { type: 'string', array: true, describe: 'METRIC=HALF-WIDTH: add replications until met, e.g. waitMean=5s' })
    .option('max-replications', { type: 'number', describe: 'upper bound for --precision (default run.maxReplications)' })
    .option('progress', { type: 'boolean', default: true, describe: 'progress bar on a terminal' }) as unknown as Argv<SweepArgs>;
}

export async function sweepCommand(args: SweepArgs, io: CliIo): Promise<void> {
  const sets = (args.set ?? []).map((text) => parseSet(text));
  const shard = args.shard === undefined ? undefined : parseShardOption(args.shard);
  if (args.resume && args.out === undefined) throw new InputError('--resume needs --out: it reads the points already in OUT.partial');
  if (args.out !== undefined) checkOutputPath(args.out);
  const progress = createProgress(args.progress);
  try {
    const summary = await runSweep({
      file: args.file,
      sets,
      replications: args.replications,
      seed: args.seed,
      designs: args.design,
      workers: parseWorkers(args.workers),
      shard,
      format: sweepRowFormat(args.format),
      out: args.out,
      resume: args.resume,
      precision: parsePrecision(args.precision, args.maxReplications),
      write: io.stdout,
      onProgress: (pointsDone, points, done, planned) => progress.update(done, planned, pointsDone, points),
    });
    progress.stop();
    if (args.out !== undefined) {
      const resumed = summary.resumed > 0 ? ` (${summary.resumed} resumed from ${partialPath(args.out)})` : '';
      io.stderr(`spoc: ${summary.points} points written to ${args.out}${resumed}\n`);
    }
  } finally {
    progress.stop();
  }
}

/** Option errors already name the option (`--set: …`, `--shard: …`): bad input, exit code 2. */
function asInputError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SweepOptionError) throw new InputError(error.message);
    throw error;
  }
}

const parseSet = (text: string) => asInputError(() => parseSetOption(text));
const parseShardOption = (text: string) => asInputError(() => parseShard(text));
