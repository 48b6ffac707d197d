// The one writer of output files. A regular file (existing or not) is replaced atomically:
// the text goes to a temporary file beside it, renamed over it once complete, so an
// existing file is never truncated and a crash leaves nothing half-written. A device, FIFO
// or socket is written in place (renaming over /dev/null would replace the device), and
// the process's own standard output (`/dev/stdout`, even a socket) through the stream the
// command writes to anyway. A symlink is followed: the link stays a link, its target gets
// the output.
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../scenario/index.ts';
import { codeOf, EnvironmentError } from './environment-error.ts';
import type { CliIo } from './io.ts';
import { destinationOf, type Destination } from './output-destination.ts';
import { removeStaleTempFolders, tempFolderPrefix } from './temp-folders.ts';

/** The option an output path was given with, named in messages. */
export type OutputOption = '--out' | '--report';

/** An output being written: complete once committed. */
export interface Output {
  write(text: string): void;
  /** The text is complete: a file is renamed into place, a device closed. */
  commit(): void;
  /** Gives up (nothing after a commit): a temporary file is removed, a device closed. */
  discard(): void;
}

/** How the command writes to standard output (a FIFO or socket may not be opened twice). */
type StandardOutput = CliIo['stdout'];

/** An output path checked before any work: what it leads to, and how it is written. */
export class OutputPath {
  private constructor(
    /** The path as given, for messages. */
    readonly path: string,
    readonly option: OutputOption,
    private readonly destination: Destination,
    private readonly stdout: StandardOutput,
  ) {}

  /**
   * Checks, before any work, that `path` can be written: a file's directory exists and is
   * writable, a device can be opened for writing.
   * @throws InputError naming the option and the path
   */
  static check(path: string, option: OutputOption, stdout: StandardOutput): OutputPath {
    const output = new OutputPath(path, option, destinationOf(path), stdout);
    output.checkWritable();
    return output;
  }

  /** True for a device, FIFO, socket or standard output: written as it comes, nothing to rename. */
  get inPlace(): boolean {
    return this.destination.kind !== 'file';
  }

  /**
   * The partial file of `openPartial`: beside the file the output leads to.
   * @throws InputError when the output is not a file (a device has no partial output)
   */
  get partialPath(): string {
    if (this.destination.kind !== 'file') {
      throw new InputError(`${this.option} ${this.path}: not a regular file, so there is no partial output to resume`);
    }
    return `${this.destination.path}.partial`;
  }

  /** Writes all of `text`. */
  writeAll(text: string): void {
    const output = this.open();
    try {
      output.write(text);
      output.commit();
    } finally {
      output.discard();
    }
  }

  /** Opens the output to be written in pieces; a file appears only on commit. */
  open(): Output {
    if (this.destination.kind === 'standard-output') return { write: this.stdout, commit: () => {}, discard: () => {} };
    if (this.destination.kind === 'in-place') {
      return new FdOutput(this.openFd(this.destination.path, 'w'), { sync: false, commit: () => {}, discard: () => {} }, this.writeFailure());
    }
    const dir = this.checkWritable();
    let tempDir: string;
    try {
      removeStaleTempFolders(this.destination.path);
      tempDir = mkdtempSync(tempFolderPrefix(this.destination.path));
    } catch (error) {
      throw new InputError(`${this.option} ${this.path}: cannot write in ${dir} (${codeOf(error)})`);
    }
    const temp = join(tempDir, basename(this.destination.path));
    const target = this.destination.path;
    const discard = (): void => rmSync(tempDir, { recursive: true, force: true });
    try {
      return new FdOutput(this.openFd(temp, 'w'), { sync: false, commit: () => renameSync(temp, target), discard }, this.writeFailure());
    } catch (error) {
      discard();
      throw error;
    }
  }

  /**
   * Opens a file written over a long run and kept across interruptions: the text goes to
   * `partialPath` (each write synced to disk), renamed over the file by commit; discard
   * leaves it to resume from.
   * @param keep given the text already in the partial file (when resuming), how many of its
   *   bytes to keep; without it, the partial file starts empty
   * @throws InputError when the output is not a file (a device has nothing to resume)
   */
  openPartial(keep?: (text: string) => number): Output {
    const partial = this.partialPath;
    this.checkWritable();
    const kept = keep === undefined ? 0 : keptBytes(partial, keep);
    if (kept > 0) {
      try {
        truncateSync(partial, kept);
      } catch (error) {
        throw this.failure(error);
      }
    }
    const target = this.destination.path;
    const fd = this.openFd(partial, kept > 0 ? 'a' : 'w');
    const hint = `; the points written so far are kept in ${partial}: run again with --resume once the cause is fixed`;
    return new FdOutput(fd, { sync: true, commit: () => renameSync(partial, target), discard: () => {} }, this.writeFailure(hint));
  }

  private readonly failure = (error: unknown): InputError => new InputError(`${this.option} ${this.path}: cannot write (${codeOf(error)})`);

  /** A write that fails once the output is open (a full disk, an I/O error) is the machine's failure. */
  private writeFailure(then = ''): (error: unknown) => EnvironmentError {
    return (error) => new EnvironmentError(`${this.option} ${this.path}: cannot write (${codeOf(error)})${then}`);
  }

  private openFd(path: string, flags: 'w' | 'a'): number {
    try {
      return openSync(path, flags);
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** A file's directory exists and is writable (returns it); a device can be written. */
  private checkWritable(): string {
    const { kind, path } = this.destination;
    if (kind === 'standard-output') return dirname(path);
    if (kind === 'in-place') {
      try {
        accessSync(path, constants.W_OK);
      } catch (error) {
        throw new InputError(`${this.option} ${this.path}: cannot write to it (${codeOf(error)})`);
      }
      return dirname(path);
    }
    if (isDirectory(path)) throw new InputError(`${this.option} ${this.path}: is a directory, expected the path of a file`);
    const dir = dirname(path);
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      throw new InputError(`${this.option} ${this.path}: the directory ${dir} does not exist`);
    }
    if (!isDir) throw new InputError(`${this.option} ${this.path}: ${dir} is not a directory`);
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      throw new InputError(`${this.option} ${this.path}: no permission to write in ${dir}`);
    }
    return dir;
  }
}

/**
 * The path of an output option (`--out` or `--report`) checked before any work, or
 * undefined when the option is not given.
 * @throws InputError when the path cannot be written
 */
export function checkOutputOption(path: string | undefined, io: CliIo, option: OutputOption = '--out'): OutputPath | undefined {
  return path === undefined ? undefined : OutputPath.check(path, option, io.stdout);
}

/** How many bytes of an existing partial file to keep (0 when there is none). */
function keptBytes(partial: string, keep: (text: string) => number): number {
  let text: string;
  try {
    text = readFileSync(partial, 'utf8');
  } catch {
    return 0;
  }
  return keep(text);
}

/** What happens to a file descriptor's output when it is complete, or given up. */
interface Ending {
  /** Each write reaches the disk before the next (a partial file survives a crash). */
  readonly sync: boolean;
  readonly commit: () => void;
  readonly discard: () => void;
}

class FdOutput implements Output {
  private fd: number | undefined;

  constructor(
    fd: number,
    private readonly ending: Ending,
    private readonly failure: (error: unknown) => Error,
  ) {
    this.fd = fd;
  }

  write(text: string): void {
    try {
      // writeFileSync on a descriptor writes at its position until all is written (a FIFO
      // or a terminal may take part of the text at a time).
      writeFileSync(this.fd!, text);
      if (this.ending.sync) fsyncSync(this.fd!);
    } catch (error) {
      throw this.failure(error);
    }
  }

  commit(): void {
    try {
      this.close();
      this.ending.commit();
    } catch (error) {
      throw this.failure(error);
    }
  }

  discard(): void {
    this.close();
    this.ending.discard();
  }

  private close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
