// What run, sweep and trace do first, in this order: output paths checked before any work,
// the command line's overrides parsed, the scenario file read (from the file system, here
// only). What follows, the scenario with its overrides, the designs and the checks, is the
// experiment's setUpRun, shared by the three too.
import type { RunOverrides } from '../experiment/point-scenarios.ts';
import { MAX_REPLICATIONS, readScenarioData, type ScenarioData } from '../scenario/index.ts';
import { nodeFileSource } from './file-source.ts';
import type { CliIo } from './io.ts';
import { checkOutputOption, type OutputPath } from './output-file.ts';
import { numberOption, seedOption } from './option-values.ts';
import { parsePrecision } from './run-options.ts';

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

/** @throws InputError for an output path that cannot be written, a bad option or file */
export function setUpCommand(args: SetupArgs, io: CliIo): CommandSetup {
  const out = checkOutputOption(args.out, io);
  const report = checkOutputOption(args.report, io, '--report');
  const overrides: RunOverrides = {
    replications: numberOption('--replications', args.replications, `a whole number of replications from 1 to ${MAX_REPLICATIONS}`),
    seed: seedOption(args.seed),
    precision: parsePrecision(args.precision, args.maxReplications),
  };
  return {
    data: readScenarioData(args.file, nodeFileSource),
    out,
    report,
    overrides,
    designs: args.design,
    warn: (message) => io.stderr(`spoc: warning: ${message}\n`),
  };
}
