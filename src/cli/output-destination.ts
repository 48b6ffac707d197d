// Where an output path leads once symlinks are followed: a regular file (replaced
// atomically), something written in place (a device, FIFO or socket), or the process's own
// standard output.
import { fstatSync, lstatSync, readlinkSync, realpathSync, statSync, Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Where the bytes go once links are followed. */
export type Destination =
  /** A regular file, or none yet: replaced atomically. */
  | { readonly kind: 'file'; readonly path: string }
  /** A character or block device, a FIFO or a socket: written in place. */
  | { readonly kind: 'in-place'; readonly path: string }
  /** The process's standard output itself. */
  | { readonly kind: 'standard-output'; readonly path: string };

/**
 * What `path` leads to. The process's own standard output, whatever it is (a terminal, a
 * pipe, or a file the shell opened, perhaps to append), is written through the stream the
 * command writes to anyway: replacing that file would lose what the shell meant. A path
 * that exists and is not a regular file or a directory is written in place. A symlink to a regular file leads to its real path; one that leads
 * nowhere yet, to the file it names; one that cannot be followed (a loop) is left to fail
 * when opened, so that it is not replaced. A directory is left to fail when written.
 */
export function destinationOf(path: string): Destination {
  const target = statOf(path, statSync);
  if (target instanceof Stats && !target.isDirectory() && isStandardOutput(target)) return { kind: 'standard-output', path };
  if (target instanceof Stats && !target.isFile() && !target.isDirectory()) return { kind: 'in-place', path };
  const link = statOf(path, lstatSync);
  if (!(link instanceof Stats && link.isSymbolicLink())) return { kind: 'file', path };
  if (target instanceof Stats) return { kind: 'file', path: realpathSync(path) };
  if (target !== 'ENOENT') return { kind: 'in-place', path };
  // A dangling link: the file it names (each step resolves one link; loops fail with ELOOP).
  return destinationOf(resolve(dirname(path), readlinkSync(path)));
}

/** The file's status, or the code of why there is none. */
function statOf(path: string, stat: (path: string) => Stats): Stats | string {
  try {
    return stat(path);
  } catch (error) {
    return String((error as NodeJS.ErrnoException).code);
  }
}

/** The same file as this process's standard output (its device and inode). */
function isStandardOutput(stats: Stats): boolean {
  try {
    const stdout = fstatSync(1);
    return stdout.dev === stats.dev && stdout.ino === stats.ino;
  } catch {
    return false;
  }
}
