// Where the command line writes: injectable streams for tests, and atomic file output.
import { accessSync, constants, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../scenario/index.ts';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Checks, before any work, that `path` can be written: its directory exists. Returns the directory. */
export function checkOutputPath(path: string): string {
  const dir = dirname(path);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new InputError(`--out ${path}: the directory ${dir} does not exist`);
  }
  if (!isDir) throw new InputError(`--out ${path}: ${dir} is not a directory`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new InputError(`--out ${path}: no permission to write in ${dir}`);
  }
  return dir;
}

/**
 * Writes `text` to `path` atomically: into a temporary file beside it, then renamed over
 * it, so an existing file is never truncated and a crash leaves nothing half-written.
 */
export function writeFileAtomic(path: string, text: string): void {
  const dir = checkOutputPath(path);
  let tempDir: string;
  try {
    tempDir = mkdtempSync(join(dir, `.${basename(path)}.`));
  } catch (error) {
    throw new InputError(`--out ${path}: cannot write in ${dir} (${(error as NodeJS.ErrnoException).code})`);
  }
  const temp = join(tempDir, basename(path));
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    throw new InputError(`--out ${path}: cannot write (${(error as NodeJS.ErrnoException).code})`);
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}
