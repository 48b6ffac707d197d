// `spoc merge FILES...`: combine the outputs of sweep shards into exactly what the
// unsharded sweep writes.
import { extname } from 'node:path';
import type { Argv } from 'yargs';
import { mergeSweepOutputs, type SweepFormat } from '../../report/sweep-rows.ts';
import { InputError } from '../../scenario/index.ts';
import { codeOf } from '../environment-error.ts';
import { readFileOrStream, SWEEP_OUTPUT_LIMIT } from '../file-source.ts';
import type { CliIo } from '../io.ts';
import { checkOutputOption } from '../output-file.ts';
import { refuseOverwrittenInputs } from '../same-file.ts';

export interface MergeArgs {
  readonly files: readonly string[];
  readonly format: SweepFormat | undefined;
  readonly out: string | undefined;
}

export function mergeOptions(yargs: Argv): Argv<MergeArgs> {
  return yargs
    .positional('files', { type: 'string', array: true, demandOption: true, describe: 'shard outputs of one sweep' })
    .option('format', { alias: 'f', choices: ['csv', 'jsonl'] as const, describe: 'row format (default: from the file extension)' })
    .option('out', { alias: 'o', type: 'string', describe: 'write to this file (atomically) instead of standard output' }) as unknown as Argv<MergeArgs>;
}

export function mergeCommand(args: MergeArgs, io: CliIo): void {
  refuseMixedExtensions(args.files);
  const format = args.format ?? formatOf(args.files[0]!);
  const out = checkOutputOption(args.out, io);
  refuseOverwrittenInputs([out], args.files.map((path) => ({ path, role: 'the input file' })));
  const texts = args.files.map((file) => {
    try {
      return readFileOrStream(file, SWEEP_OUTPUT_LIMIT).toString('utf8');
    } catch (error) {
      throw new InputError(`${file}: cannot read the file (${codeOf(error)})`);
    }
  });
  let merged: string;
  try {
    merged = mergeSweepOutputs(texts, format, args.files);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  if (out === undefined) io.stdout(merged);
  else out.writeAll(merged);
}

function formatOf(file: string): SweepFormat {
  const format = extensionFormat(file);
  if (format === undefined) throw new InputError(`${file}: cannot tell the format from the extension; give --format csv or jsonl`);
  return format;
}

/** The format a file's extension names, if any (a stream such as /dev/fd/63 names none). */
function extensionFormat(file: string): SweepFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return undefined;
}

/** Shards of one sweep share a format: a .csv beside a .jsonl is refused before reading. */
function refuseMixedExtensions(files: readonly string[]): void {
  const named = files.flatMap((file) => {
    const format = extensionFormat(file);
    return format === undefined ? [] : [{ file, format }];
  });
  const other = named.find(({ format }) => format !== named[0]!.format);
  if (other !== undefined) {
    throw new InputError(
      `${other.file}: found a ${other.format === 'csv' ? 'CSV' : 'JSON Lines'} file beside ${named[0]!.file}, expected the outputs of shards of one sweep, all CSV or all JSON Lines`,
    );
  }
}
