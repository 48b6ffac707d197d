// `spoc run FILE`: simulate every design on the same demand and print the comparison.
import type { Argv } from 'yargs';
import { runScenarioFile } from '../../experiment/run-experiment.ts';
import { formatResult, type OutputFormat } from '../../report/index.ts';
import { unmetPrecisionNotes } from '../../report/precision-note.ts';
import type { CliIo } from '../io.ts';
import { createRunProgress } from '../progress.ts';
import { reportDate } from '../report-date.ts';
import { allowOutsideFilesOption, parseInterval, parseWidth, parseWorkers, tableWidth } from '../run-options.ts';
import { TEXT_VALUE } from '../option-values.ts';
import { setUpCommand } from '../run-setup.ts';

export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;

export interface RunArgs {
  readonly file: string;
  readonly format: OutputFormat;
  readonly out: string | undefined;
  readonly replications: string | undefined;
  readonly seed: string | undefined;
  readonly design: readonly string[] | undefined;
  readonly byIntent: boolean;
  readonly width: string | undefined;
  readonly allMetrics: boolean;
  readonly interval: string | undefined;
  readonly workers: string | undefined;
  readonly progress: boolean;
  readonly precision: readonly string[] | undefined;
  readonly maxReplications: string | undefined;
  readonly report: string | undefined;
  readonly allowOutsideFiles: boolean;
}

export function runOptions(yargs: Argv): Argv<RunArgs> {
  return allowOutsideFilesOption(yargs)
    .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (.yaml, .yml or .json)' })
    .option('format', { alias: 'f', choices: OUTPUT_FORMATS, default: 'table' as OutputFormat, describe: 'output format' })
    .option('out', { alias: 'o', type: 'string', describe: 'write to this file (atomically) instead of standard output' })
    .option('replications', { alias: 'r', ...TEXT_VALUE, describe: 'override run.replications' })
    .option('seed', { alias: 's', ...TEXT_VALUE, describe: 'override run.seed' })
    .option('design', { alias: 'd', type: 'string', array: true, describe: 'run only these designs (the first is the baseline)' })
    .option('by-intent', { type: 'boolean', default: false, describe: 'table/markdown/HTML report: add the per-intent figures' })
    .option('width', { ...TEXT_VALUE, describe: "table: widest line in columns, 40 or more (default: the terminal's width; 100 into a pipe or file)" })
    .option('all-metrics', { type: 'boolean', default: false, describe: 'table/markdown: also the rows that are 0 or without a figure for every design' })
    .option('interval', { ...TEXT_VALUE, describe: 'add figures per interval of the day, e.g. 30m' })
    .option('workers', { alias: 'w', ...TEXT_VALUE, describe: 'worker threads (default: every core when the run is big enough); output is the same for any number' })
    .option('precision', { type: 'string', array: true, describe: 'METRIC=HALF-WIDTH: add replications until every design meets it, e.g. waitMean=5s' })
    .option('max-replications', { ...TEXT_VALUE, describe: 'upper bound for --precision (default run.maxReplications)' })
    .option('report', { type: 'string', describe: 'also write a self-contained HTML report (tables, charts, call flows) to this file' })
    .option('progress', { type: 'boolean', default: true, describe: 'show a progress bar on a terminal (--no-progress to hide)' }) as unknown as Argv<RunArgs>;
}

export async function runCommand(args: RunArgs, io: CliIo): Promise<void> {
  const interval = args.interval === undefined ? undefined : parseInterval(args.interval);
  const workers = parseWorkers(args.workers);
  const width = parseWidth(args.width);
  const { data, out, report, overrides, designs, warn } = setUpCommand(args, io);
  const date = report === undefined ? undefined : reportDate();
  const progress = createRunProgress({ enabled: args.progress });
  try {
    const { scenario, outcome } = await runScenarioFile(data, {
      overrides,
      designs,
      interval,
      workers,
      warn,
      onReplication: (done, planned) => progress.update(done, planned),
    });
    const text = formatResult(outcome.result, args.format, {
      byIntent: args.byIntent,
      scenario,
      allMetrics: args.allMetrics,
      width: tableWidth(width, out === undefined ? io.terminalColumns?.() : undefined),
    });
    progress.stop();
    for (const note of unmetPrecisionNotes(outcome.result)) io.stderr(`spoc: ${note}\n`);
    if (out === undefined) io.stdout(text);
    else out.writeAll(text);
    if (report !== undefined) {
      // Loaded only when asked for: the chart renderer is large.
      const { renderRunReport } = await import('../../report/html/index.ts');
      report.writeAll(await renderRunReport(outcome.result, { scenario, byIntent: args.byIntent, date }));
    }
  } finally {
    progress.stop();
  }
}
