// `spoc trace FILE --design NAME`: follow callers through one replication of one design —
// the story of a few sampled issues as text, or the full event log as CSV.
import type { Argv } from 'yargs';
import { simulate } from '../../callcenter/simulation.ts';
import { compileNamedRun } from '../../experiment/run-experiment.ts';
import { setUpRun } from '../../experiment/run-setup.ts';
import { createTrace, DEFAULT_TRACED_ISSUES, TRACE_FORMATS, type TraceFormat, type TraceSample } from '../../report/trace.ts';
import { InputError } from '../../scenario/index.ts';
import type { CliIo } from '../io.ts';
import { allowOutsideFilesOption } from '../run-options.ts';
import { TEXT_VALUE, wholeNumberOption } from '../option-values.ts';
import { setUpCommand } from '../run-setup.ts';

export interface TraceArgs {
  readonly file: string;
  readonly design: string | undefined;
  readonly issues: string | undefined;
  readonly replication: string | undefined;
  readonly format: TraceFormat;
  readonly out: string | undefined;
  readonly seed: string | undefined;
  readonly allowOutsideFiles: boolean;
}

export function traceOptions(yargs: Argv): Argv<TraceArgs> {
  return allowOutsideFilesOption(yargs)
    .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (.yaml, .yml or .json)' })
    .option('design', { alias: 'd', type: 'string', describe: 'the design to follow (needed when the scenario has several)' })
    .option('issues', {
      alias: 'n',
      ...TEXT_VALUE,
      describe: `text: follow the first N issues arriving after the warm-up (default ${DEFAULT_TRACED_ISSUES}), or "all" (every issue: memory-heavy on a long run)`,
    })
    .option('replication', { ...TEXT_VALUE, describe: 'which replication, 1 for the first (the same callers as in spoc run; default 1)' })
    .option('format', { alias: 'f', choices: TRACE_FORMATS, default: 'text' as TraceFormat, describe: 'text: stories of sampled issues; csv: every event of every issue' })
    .option('out', { alias: 'o', type: 'string', describe: 'write to this file (atomically) instead of standard output' })
    .option('seed', { alias: 's', ...TEXT_VALUE, describe: 'override run.seed' }) as unknown as Argv<TraceArgs>;
}

export function traceCommand(args: TraceArgs, io: CliIo): void {
  const replication = wholeNumberOption('--replication', args.replication, 1) ?? 1;
  if (args.format === 'csv' && args.issues !== undefined) {
    throw new InputError('--issues: the CSV format lists every event of every issue; --issues is for the text format');
  }
  const issues = args.issues === undefined ? DEFAULT_TRACED_ISSUES : parseIssues(args.issues);
  const named = args.design === undefined ? undefined : [args.design];
  const { data, out, overrides, designs } = setUpCommand(
    { file: args.file, out: args.out, seed: args.seed, design: named, allowOutsideFiles: args.allowOutsideFiles },
    io,
  );
  // One replication of one design: the size limits count that much.
  const { scenario, designs: selected } = setUpRun(data, { overrides, designs, work: { points: 1, replications: 1 } });
  const run = compileNamedRun(scenario, onlyDesign(selected));
  // The trace arrives in pieces as the replication runs: a file appears once it is complete.
  const output = out?.open();
  try {
    const write = output === undefined ? io.stdout : (text: string) => output.write(text);
    const trace = createTrace(scenario, run.design, { format: args.format, issues, write, replicationLabel: replication });
    // The same callers and events as that replication of `spoc run`.
    simulate(run, replication - 1, trace);
    output?.commit();
  } finally {
    output?.discard();
  }
}

function onlyDesign(names: readonly string[]): string {
  if (names.length === 1) return names[0]!;
  throw new InputError(`--design: the scenario defines ${names.length} designs (${names.join(', ')}); name the one to follow`);
}

function parseIssues(text: string): TraceSample {
  if (text === 'all') return 'all';
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new InputError(`--issues: found "${text}", expected a whole number of 1 or more, or "all"`);
  }
  return value;
}
