// `spoc sweep FILE`: a grid of scenario variants, every design at every point, one row per
// (point, design) as CSV or JSON Lines; shards for many machines, --resume after a stop.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Argv } from 'yargs';
import { parseShard } from '../../experiment/sweep-plan.ts';
import { runSweep } from '../../experiment/sweep-runner.ts';
import { sweepRowFormat, type SweepFormat } from '../../report/sweep-rows.ts';
import { InputError, parseSetOption, resolveSweep, type ScenarioData, type SweepParameter } from '../../scenario/index.ts';
import type { CliIo } from '../io.ts';
import { createSweepProgress } from '../progress.ts';
import { allowOutsideFilesOption, parseWorkers } from '../run-options.ts';
import { TEXT_VALUE } from '../option-values.ts';
import { lockPartialFile } from '../partial-lock.ts';
import { setUpCommand, type CommandSetup } from '../run-setup.ts';
import { rowsTo, streamedRows } from '../sweep-output.ts';

export interface SweepArgs {
  readonly file: string;
  readonly set: readonly string[] | undefined;
  readonly format: SweepFormat;
  readonly out: string | undefined;
  readonly replications: string | undefined;
  readonly seed: string | undefined;
  readonly design: readonly string[] | undefined;
  readonly workers: string | undefined;
  readonly shard: string | undefined;
  readonly resume: boolean;
  readonly precision: readonly string[] | undefined;
  readonly maxReplications: string | undefined;
  readonly progress: boolean;
  readonly report: string | undefined;
  readonly allowOutsideFiles: boolean;
}

export function sweepOptions(yargs: Argv): Argv<SweepArgs> {
  return allowOutsideFilesOption(yargs)
    .positional('file', { type: 'string', demandOption: true, describe: 'scenario file, with or without a sweep block' })
    .option('set', { type: 'string', array: true, describe: 'PATH=VALUES: a swept field, e.g. teams.billing.agents=8..16 or designs.ivr.ivr.accuracy=0.7,0.8,0.9' })
    .option('format', { alias: 'f', choices: ['csv', 'jsonl'] as const, default: 'csv' as SweepFormat, describe: 'row format' })
    .option('out', { alias: 'o', type: 'string', describe: 'output file (rows go to OUT.partial until the sweep ends)' })
    .option('replications', { alias: 'r', ...TEXT_VALUE, describe: 'override run.replications' })
    .option('seed', { alias: 's', ...TEXT_VALUE, describe: 'override run.seed' })
    .option('design', { alias: 'd', type: 'string', array: true, describe: 'run only these designs' })
    .option('workers', { alias: 'w', ...TEXT_VALUE, describe: 'worker threads (default: every core when the sweep is big enough)' })
    .option('shard', { ...TEXT_VALUE, describe: 'K/N: run only the K-th of N slices of the grid (then spoc merge)' })
    .option('resume', { type: 'boolean', default: false, describe: 'skip the points already in OUT.partial' })
    .option('precision', { type: 'string', array: true, describe: 'METRIC=HALF-WIDTH: add replications until met, e.g. waitMean=5s' })
    .option('max-replications', { ...TEXT_VALUE, describe: 'upper bound for --precision (default run.maxReplications)' })
    .option('report', { type: 'string', describe: 'also write a self-contained HTML report: charted metrics against the swept parameter' })
    .option('progress', { type: 'boolean', default: true, describe: 'progress bar on a terminal' }) as unknown as Argv<SweepArgs>;
}

export async function sweepCommand(args: SweepArgs, io: CliIo): Promise<void> {
  const sets = (args.set ?? []).map((text) => parseSetOption(text));
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  if (args.resume && args.out === undefined) throw new InputError('--resume needs --out: it reads the points already in OUT.partial');
  const workers = parseWorkers(args.workers);
  const { data, out, report: reportPath, overrides, designs, warn } = setUpCommand(args, io);
  if (args.resume && out?.inPlace === true) {
    throw new InputError(`--resume needs --out to be a file: ${out.path} is written in place, with no partial output to resume from`);
  }
  // One sweep at a time onto an output: a second would interleave its rows with ours.
  const lock = out === undefined || out.inPlace ? undefined : lockPartialFile(out.partialPath, `--out ${out.path}`);
  try {
    await sweepTo(args, io, { data, out, reportPath, overrides, designs, warn, sets, shard, workers });
  } finally {
    lock?.release();
  }
}

async function sweepTo(args: SweepArgs, io: CliIo, setup: SweepSetup): Promise<void> {
  const { data, out, reportPath, overrides, designs, warn, sets, shard, workers } = setup;
  const format = sweepRowFormat(args.format);
  const report = reportPath === undefined ? undefined : await sweepReport(data, sets);
  const progress = createSweepProgress({ enabled: args.progress });
  try {
    const summary = await runSweep({
      data,
      sets,
      overrides,
      designs,
      workers,
      shard,
      format,
      sink: out === undefined ? streamedRows(io.stdout) : rowsTo(out, format, args.resume),
      warn,
      onProgress: (pointsDone, points, done, planned) => progress.update(done, planned, pointsDone, points),
      onPoint: report === undefined ? undefined : (point, result) => report.collector.add(point, result),
    });
    progress.stop();
    if (report !== undefined && reportPath !== undefined) {
      const notes: string[] = [];
      if (summary.resumed > 0 && args.out !== undefined) {
        report.html.addOutputRows(report.collector, readFileSync(args.out, 'utf8'), args.format);
        notes.push(`${summary.resumed} ${summary.resumed === 1 ? 'point was' : 'points were'} resumed from an earlier run: ${summary.resumed === 1 ? 'its figures are' : 'their figures are'} read back from ${basename(args.out)}.`);
      }
      if (shard !== undefined) notes.push(`Shard ${shard.index}/${shard.count}: only this slice of the grid is shown.`);
      const html = await report.html.renderSweepReport(report.collector, { scenario: report.scenario, plannedPoints: summary.points, notes });
      reportPath.writeAll(html);
    }
    if (out !== undefined) {
      const resumed = summary.resumed > 0 ? ` (${summary.resumed} resumed from ${out.partialPath})` : '';
      io.stderr(`spoc: ${summary.points} points written to ${out.path}${resumed}\n`);
    }
  } finally {
    progress.stop();
  }
}

/** The sweep's inputs, checked and read: what sweepCommand hands to sweepTo. */
type SweepSetup = Omit<CommandSetup, 'report'> & {
  readonly reportPath: CommandSetup['report'];
  readonly sets: readonly SweepParameter[];
  readonly shard: ReturnType<typeof parseShard> | undefined;
  readonly workers: number | undefined;
};

/** What the sweep report needs before the sweep: the scenario, its parameters, a collector. */
async function sweepReport(data: ScenarioData, sets: readonly SweepParameter[]) {
  // Loaded only when asked for: the chart renderer is large.
  const html = await import('../../report/html/index.ts');
  const { scenario, parameters } = resolveSweep(data, sets);
  return { html, scenario, collector: new html.SweepReportCollector(parameters) };
}
