// `spoc trace FILE --design NAME`: follow callers through one replication of one design —
// the story of a few sampled issues as text, or the full event log as CSV.
import { closeSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Argv } from 'yargs';
import { compileNamedDesign, traceReplication } from '../../experiment/run-experiment.ts';
import { createTrace, DEFAULT_TRACED_ISSUES, TRACE_FORMATS, type TraceFormat, type TraceSample } from '../../report/trace.ts';
import { loadScenario, withOverrides } from '../../scenario/index.ts';
import { InputError } from '../../scenario/index.ts';
import { checkOutputPath, writeFileAtomic, type CliIo } from '../io.ts';

export interface TraceArgs {
  readonly file: string;
  readonly design: string | undefined;
  readonly issues: string | undefined;
  readonly replication: number;
  readonly format: TraceFormat;
  readonly out: string | undefined;
  readonly seed: number | undefined;
}

export function traceOptions(yargs: Argv): Argv<TraceArgs> {
  return yargs
    .positional('file', { type: 'string', demandOption: true, describe: 'scenario file (.yaml, .yml or .json)' })
    .option('design', { alias: 'd', type: 'string', describe: 'the design to follow (needed when the scenario has several)' })
    .option('issues', {
      alias: 'n',
      type: 'string',
      describe: `text: follow the first N issues arriving after the warm-up (default ${DEFAULT_TRACED_ISSUES}), or "all" (every issue: memory-heavy on a long run)`,
    })
    .option('replication', { type: 'number', default: 1, describe: 'which replication, 1 for the first (the same callers as in spoc run)' })
    .option('format', { alias: 'f', choices: TRACE_FORMATS, default: 'text' as TraceFormat, describe: 'text: stories of sampled issues; csv: every event of every issue' })
    .option('out', { alias: 'o', type: 'string', describe: 'write to this file (atomically) instead of standard output' })
    .option('seed', { alias: 's', type: 'number', describe: 'override run.seed' }) as unknown as Argv<TraceArgs>;
}

export function traceCommand(args: TraceArgs, io: CliIo): void {
  const replication = parseReplication(args.replication);
  if (args.format === 'csv' && args.issues !== undefined) {
    throw new InputError('--issues: the CSV format lists every event of every issue; --issues is for the text format');
  }
  const issues = args.issues === undefined ? DEFAULT_TRACED_ISSUES : parseIssues(args.issues);
  if (args.out !== undefined) checkOutputPath(args.out);
  const scenario = withOverrides(loadScenario(args.file), { seed: args.seed });
  const design = compileNamedDesign(scenario, args.design ?? onlyDesign(scenario.designs.map((d) => d.name)));

  if (args.format === 'text' && args.out !== undefined) {
    // A few stories: gathered, then written in one go.
    let text = '';
    const trace = createTrace(scenario, design, { format: 'text', issues, write: (t) => (text += t), replicationLabel: replication });
    traceReplication(scenario, design, replication - 1, trace);
    writeFileAtomic(args.out, text);
    return;
  }
  const sink = args.out === undefined ? undefined : new AtomicFileSink(args.out);
  try {
    const write = sink === undefined ? io.stdout : (text: string) => sink.write(text);
    const trace = createTrace(scenario, design, { format: args.format, issues, write, replicationLabel: replication });
    traceReplication(scenario, design, replication - 1, trace);
    sink?.commit();
  } finally {
    sink?.discard();
  }
}

function onlyDesign(names: readonly string[]): string {
  if (names.length === 1) return names[0]!;
  throw new InputError(`--design: the scenario defines ${names.length} designs (${names.join(', ')}); name the one to follow`);
}

function parseReplication(value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new InputError(`--replication: found ${value}, expected a whole number of 1 or more (1 is the first replication)`);
  }
  return value;
}

function parseIssues(text: string): TraceSample {
  if (text === 'all') return 'all';
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new InputError(`--issues: found "${text}", expected a whole number of 1 or more, or "all"`);
  }
  return value;
}

/**
 * A file written as a stream yet replaced atomically, like writeFileAtomic: the text goes
 * to a temporary file beside `path`, renamed over it once complete.
 */
class AtomicFileSink {
  private readonly tempDir: string;
  private readonly temp: string;
  private fd: number | undefined;

  constructor(private readonly path: string) {
    const dir = checkOutputPath(path);
    try {
      this.tempDir = mkdtempSync(join(dir, `.${basename(path)}.`));
      this.temp = join(this.tempDir, basename(path));
      this.fd = openSync(this.temp, 'w');
    } catch (error) {
      throw new InputError(`--out ${path}: cannot write in ${dir} (${(error as NodeJS.ErrnoException).code})`);
    }
  }

  write(text: string): void {
    try {
      writeFileSync(this.fd!, text);
    } catch (error) {
      throw new InputError(`--out ${this.path}: cannot write (${(error as NodeJS.ErrnoException).code})`);
    }
  }

  commit(): void {
    try {
      closeSync(this.fd!);
      this.fd = undefined;
      renameSync(this.temp, this.path);
    } catch (error) {
      throw new InputError(`--out ${this.path}: cannot write (${(error as NodeJS.ErrnoException).code})`);
    }
  }

  /** Removes the temporary file (nothing left after a commit). */
  discard(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
    rmSync(this.tempDir, { recursive: true, force: true });
  }
}
