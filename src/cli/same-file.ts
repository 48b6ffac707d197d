// Outputs that would destroy an input of the same command, or each other: `spoc run s.yaml
// --out s.yaml`, `--out x --report x`. Paths are compared as files, not as text, so a
// symlink or a hard link to the scenario is caught as well as the scenario itself.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../scenario/index.ts';
import { destinationOf } from './output-destination.ts';
import type { OutputPath } from './output-file.ts';

/** A file a command reads, and what it is to the command, for messages. */
export interface CommandInput {
  readonly path: string;
  /** E.g. "the scenario file", "a data file of the scenario". */
  readonly role: string;
}

/**
 * What makes two paths the same file: the device and inode of an existing file once links
 * are followed, or, for a file not there yet, the absolute path it would be created at.
 */
export function fileIdentity(path: string): string {
  try {
    const stats = statSync(path);
    return `inode ${stats.dev}:${stats.ino}`;
  } catch {
    // Not there (yet): a dangling link leads to the file it names.
  }
  const target = destinationOf(path).path;
  try {
    return `path ${join(realpathSync(dirname(target)), basename(target))}`;
  } catch {
    return `path ${resolve(target)}`;
  }
}

/**
 * Refuses, before any work, an output file that is one of the inputs or another output.
 * Outputs written in place (a device, standard output) replace nothing and are left alone.
 * @throws InputError naming the option, the path and what it would overwrite
 */
export function refuseOverwrittenInputs(outputs: readonly (OutputPath | undefined)[], inputs: readonly CommandInput[]): void {
  const files = outputs.filter((output): output is OutputPath => output !== undefined && !output.inPlace);
  if (files.length === 0) return;
  const inputIds = inputs.map((input) => ({ input, id: fileIdentity(input.path) }));
  const seen: { output: OutputPath; id: string }[] = [];
  for (const output of files) {
    const id = fileIdentity(output.path);
    const input = inputIds.find((candidate) => candidate.id === id)?.input;
    if (input !== undefined) {
      throw new InputError(`${output.option} ${output.path}: is the same file as ${input.role} ${input.path}, which this command reads; write the output to another file`);
    }
    const other = seen.find((candidate) => candidate.id === id)?.output;
    if (other !== undefined) {
      throw new InputError(`${output.option} ${output.path}: is the same file as ${other.option} ${other.path}; give each output a file of its own`);
    }
    seen.push({ output, id });
  }
}
