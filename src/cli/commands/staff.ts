// `spoc staff FILE`: the fewest agents (the lowest cost) each design needs to meet the
// targets, on the same random numbers, and what each design saves against the baseline.
import type { Argv } from 'yargs';
import { setUpRun } from '../../experiment/run-setup.ts';
import { designsWithHours, staffDesigns, type StaffingResult } from '../../experiment/staffing/staff-designs.ts';
import type { OutputFormat } from '../../report/index.ts';
import { formatStaffingCsv, formatStaffingJson } from '../../report/staffing-json.ts';
import { formatStaffingMarkdown, formatStaffingTable } from '../../report/staffing-text.ts';
import { InputError, type StaffingTargetInput } from '../../scenario/index.ts';
import { parseTargetOption } from '../../scenario/staffing-target.ts';
import type { CliIo } from '../io.ts';
import { durationOption, TEXT_VALUE } from '../option-values.ts';
import { createCandidateProgress } from '../progress.ts';
import { allowOutsideFilesOption, parseWorkers } from '../run-options.ts';
import { setUpCommand } from '../run-setup.ts';
import { OUTPUT_FORMATS } from './run.ts';

export interface StaffArgs {
  readonly file: string;
  readonly target: readonly string[] | undefined;
  readonly scope: 'team' | 'design' | undefined;
  readonly per: 'day' | 'interval' | undefined;
  readonly every: string | undefined;
  readonly format: OutputFormat;
  readonly out: string | undefined;
  readonly report: string | undefined;
  readonly replications: string | undefined;
  readonly seed: string | undefined;
  readonly design: readonly string[] | undefined;
  readonly workers: string | undefined;
  readonly progress: boolean;
  readonly allowOutsideFiles: boolean;
}

export function staffOptions(yargs: Argv): Argv<StaffArgs> {
  return allowOutsideFilesOption(yargs)
    .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (.yaml, .yml or .json)' })
    .option('target', { alias: 't', type: 'string', array: true, describe: 'METRIC>=X or METRIC<=X, e.g. serviceLevel>=0.8 abandonRate<=5% asa<=30s (replaces staffing.targets)' })
    .option('scope', { choices: ['team', 'design'] as const, describe: "team: every team meets the targets (default); design: the design's figures" })
    .option('per', { choices: ['day', 'interval'] as const, describe: 'day: one count per team (default); interval: a count per team and interval' })
    .option('every', { ...TEXT_VALUE, describe: "interval of --per interval, e.g. 30m (default: the schedules' or the profile's)" })
    .option('format', { alias: 'f', choices: OUTPUT_FORMATS, default: 'table' as OutputFormat, describe: 'output format' })
    .option('out', { alias: 'o', type: 'string', describe: 'write to this file (atomically) instead of standard output' })
    .option('report', { type: 'string', describe: 'also write a self-contained HTML report with a staffing section to this file' })
    .option('replications', { alias: 'r', ...TEXT_VALUE, describe: 'override run.replications (every candidate runs them all)' })
    .option('seed', { alias: 's', ...TEXT_VALUE, describe: 'override run.seed' })
    .option('design', { alias: 'd', type: 'string', array: true, describe: 'staff only these designs (the first is the baseline)' })
    .option('workers', { alias: 'w', ...TEXT_VALUE, describe: 'worker threads (default: every core); output is the same for any number' })
    .option('progress', { type: 'boolean', default: true, describe: 'show a progress bar on a terminal (--no-progress to hide)' }) as unknown as Argv<StaffArgs>;
}

export async function staffCommand(args: StaffArgs, io: CliIo): Promise<void> {
  const workers = parseWorkers(args.workers);
  const every = args.every === undefined ? undefined : durationOption('--every', args.every);
  const targets = args.target?.map(targetOption);
  const { data, out, report, overrides, designs, warn } = setUpCommand(args, io);
  const { scenario, designs: names } = setUpRun(data, { overrides, designs });
  const plan = scenario.staffing;
  if (targets === undefined && plan === undefined) {
    throw new InputError(`${args.file}: no staffing targets: give --target METRIC>=X (e.g. --target serviceLevel>=0.8) or a staffing block in the file`);
  }
  const per = args.per ?? plan?.per ?? 'day';
  if (every !== undefined && per !== 'interval') throw new InputError(`--every: found ${args.every} with --per ${per}, expected --per interval`);
  const shifts = per === 'interval' ? plan?.shifts : undefined;
  const withHours = per === 'day' ? designsWithHours(scenario, names) : [];
  if (withHours.length > 0) {
    warn(`per day gives each team one count for the whole run, closed and quiet hours included, but ${withHours.join(', ')} ${withHours.length > 1 ? 'have' : 'has'} schedules or opening hours: --per interval --scope design staffs each interval`);
  }
  const progress = createCandidateProgress({ enabled: args.progress });
  let result: StaffingResult;
  try {
    result = await staffDesigns(scenario, names, {
      targets: targets ?? plan!.targets,
      from: targets === undefined ? 'file' : 'command line',
      scope: args.scope ?? plan?.scope ?? 'team',
      per,
      ...(every ?? plan?.every) === undefined ? {} : { every: (every ?? plan?.every)! },
      ...(shifts === undefined ? {} : { shifts }),
      workers,
      onProgress: (candidates, replications) => progress.update(candidates, replications),
    });
  } finally {
    progress.stop();
  }
  if (result.shiftsNotPlanned) warn('staffing.shifts: whole shifts are not planned by this version; the counts per interval are the requirement');
  const text = formatStaffing(result, args.format);
  if (out === undefined) io.stdout(text);
  else out.writeAll(text);
  if (report !== undefined) {
    // Loaded only when asked for: the chart renderer is large.
    const { renderStaffingReport } = await import('../../report/html/staffing-report.ts');
    report.writeAll(await renderStaffingReport(result, { scenario }));
  }
}

function formatStaffing(result: StaffingResult, format: OutputFormat): string {
  switch (format) {
    case 'table':
      return formatStaffingTable(result);
    case 'markdown':
      return formatStaffingMarkdown(result);
    case 'json':
      return formatStaffingJson(result);
    case 'csv':
      return formatStaffingCsv(result);
  }
}

/** `serviceLevel>=0.8` to a target, or an InputError quoting the option as typed. */
function targetOption(text: string): StaffingTargetInput {
  const parsed = parseTargetOption(text);
  if (!parsed.ok) throw new InputError(`--target: found "${text}", ${parsed.message}`);
  return { key: parsed.value.key, ...parsed.value.bound };
}
