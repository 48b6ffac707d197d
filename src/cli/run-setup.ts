// What run, sweep and trace do first, in this order: output paths checked before any work,
// the command line's overrides parsed, the scenario file read (from the file system, here
// only). What follows, the scenario with its overrides, the designs and the checks, is the
// experiment's setUpRun, shared by the three too.
import type { RunOverrides } from '../experiment/point-scenarios.ts';
import { MAX_REPLICATIONS, readScenarioData, type FileSource, type ScenarioData } from '../scenario/index.ts';
import { nodeFileSource } from './file-source.ts';
import type { CliIo } from './io.ts';
import { checkOutputOption, type OutputPath } from './output-file.ts';
import { numberOption, seedOption } from './option-values.ts';
import { parsePrecision } from './run-options.ts';
import { refuseOverwrittenInputs, type CommandInput } from './same-file.ts';

/** The options of run, sweep and trace that this setup reads (a command may lack some). */
export interface SetupArgs {
  readonly file: string;
  readonly out?: string | undefined;
  readonly report?: string | undefined;
  readonly replications?: string | undefined;
  readonly seed?: string | undefined;
  readonly design?: readonly string[] | undefined;
  readonly precision?: readonly string[] | undefined;
  readonly maxReplications?: string | undefined;
  readonly allowOutsideFiles?: boolean | undefined;
}

export interface CommandSetup {
  readonly data: ScenarioData;
  readonly out: OutputPath | undefined;
  readonly report: OutputPath | undefined;
  readonly overrides: RunOverrides;
  /** The designs named with --design, in order (undefined: all). */
  readonly designs: readonly string[] | undefined;
  /** Tells the user, on standard error, of settings that are valid but probably not meant. */
  readonly warn: (message: string) => void;
}

/** A file source that notes every file read through it: the scenario, then its data files. */
function recordingSource(inner: FileSource): { source: FileSource; read: readonly CommandInput[] } {
  const read: CommandInput[] = [];
  const noted = <T>(path: string, role: string, value: T): T => {
    read.push({ path, role });
    return value;
  };
  return {
    source: {
      readScenario: (path) => noted(path, 'the scenario file', inner.readScenario(path)),
      readData: (path) => noted(path, 'a data file of the scenario', inner.readData(path)),
      realPath: (path) => inner.realPath(path),
    },
    read,
  };
}

/**
 * @throws InputError for an output path that cannot be written or that would overwrite an
 *   input or the other output, a bad option or file
 */
export function setUpCommand(args: SetupArgs, io: CliIo): CommandSetup {
  const out = checkOutputOption(args.out, io);
  const report = checkOutputOption(args.report, io, '--report');
  const overrides: RunOverrides = {
    replications: numberOption('--replications', args.replications, `a whole number of replications from 1 to ${MAX_REPLICATIONS}`),
    seed: seedOption(args.seed),
    precision: parsePrecision(args.precision, args.maxReplications),
  };
  const { source, read } = recordingSource(nodeFileSource);
  const data = readScenarioData(args.file, source, { allowOutsideFiles: args.allowOutsideFiles });
  // The files of empirical distributions are read now (once: the reader keeps them), so
  // that an output overwriting one is refused before any work.
  data.files(data.raw);
  refuseOverwrittenInputs([out, report], read);
  return {
    data,
    out,
    report,
    overrides,
    designs: args.design,
    warn: (message) => io.stderr(`spoc: warning: ${message}\n`),
  };
}
