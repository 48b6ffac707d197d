// The scenario loader's files, read from the file system: what the command line (and a test
// or benchmark loading a scenario from a path) gives it. Only a regular file of a bounded
// size is read: a device (/dev/zero), a FIFO or a huge file is refused before reading, so a
// wrong path cannot hang the command or exhaust its memory.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import type { FileSource } from '../scenario/index.ts';

/** The largest file of each kind that is read, in bytes, and its name in messages. */
export interface SizeLimit {
  readonly bytes: number;
  readonly what: string;
}

/**
 * A scenario file: the bundled ones are under 10 kB, so 10 MB is a thousand times that;
 * parsed YAML takes some tens of times its text, which keeps parsing well under a gigabyte.
 */
export const SCENARIO_FILE_LIMIT: SizeLimit = { bytes: 10_000_000, what: 'a scenario file' };
/**
 * A data file of an empirical distribution: 100 MB is some ten million values, more than any
 * call log of a year, and its text and values together stay well under a gigabyte of memory.
 */
export const DATA_FILE_LIMIT: SizeLimit = { bytes: 100_000_000, what: 'a data file' };

/**
 * A sweep output read by `spoc merge`: 500 MB is some 150,000 rows of CSV, and about as
 * much text as one JavaScript string can hold (V8's limit is 2^29 characters).
 */
export const SWEEP_OUTPUT_LIMIT: SizeLimit = { bytes: 500_000_000, what: 'a sweep output' };

/** Files read from the file system, each kind within its limit. */
export const nodeFileSource: FileSource = {
  readScenario: (path) => readRegularFile(path, SCENARIO_FILE_LIMIT),
  readData: (path) => readRegularFile(path, DATA_FILE_LIMIT),
  realPath: (path) => realpathSync(path),
};

/**
 * The bytes of a regular file no larger than `limit`. The file is opened without waiting
 * (a FIFO with no writer would block), checked through the descriptor, then read from it,
 * so what is checked is what is read.
 * @throws an error with `code` (ENOENT, EACCES, EISDIR) or, for a file refused here, a
 *   message saying what it is ("it is a FIFO, not a regular file")
 */
export function readRegularFile(path: string, limit: SizeLimit): Buffer {
  return readWithin(path, limit, 'regular files only');
}

/**
 * The bytes of a file or a stream (a pipe such as `<(cat shard.csv)`, a FIFO) up to `limit`:
 * a stream is read until it ends, and refused once it passes the limit (`/dev/zero` never ends).
 * @throws as readRegularFile does, and for a stream longer than the limit
 */
export function readFileOrStream(path: string, limit: SizeLimit): Buffer {
  return readWithin(path, limit, 'streams too');
}

function readWithin(path: string, limit: SizeLimit, accept: 'regular files only' | 'streams too'): Buffer {
  const fd = openSync(path, accept === 'regular files only' ? constants.O_RDONLY | constants.O_NONBLOCK : constants.O_RDONLY);
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
    if (!stats.isFile() && accept === 'regular files only') throw new Error(`it is ${kindOf(stats)}, not a regular file`);
    if (stats.size > limit.bytes) throw tooLarge(stats.size, limit);
    return readAtMost(fd, stats.size, limit);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, refusing a file that grew past the limit since it was checked. */
function readAtMost(fd: number, size: number, limit: SizeLimit): Buffer {
  let buffer = Buffer.allocUnsafe(Math.max(size, 1024));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit.bytes) throw new Error(`it holds more than ${megabytes(limit.bytes)}, the limit for ${limit.what}`);
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit.bytes + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}

function tooLarge(size: number, limit: SizeLimit): Error {
  return new Error(`it is ${megabytes(size)}, over the limit of ${megabytes(limit.bytes)} for ${limit.what}`);
}

const megabytes = (bytes: number): string => `${Number((bytes / 1e6).toFixed(1))} MB`;

function kindOf(stats: Stats): string {
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}
