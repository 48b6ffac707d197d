// Output files: a regular file is replaced atomically, a device or FIFO is written in place
// (never replaced by a regular file), a symlink is followed and stays a link.
import { execFileSync } from 'node:child_process';
import { constants, existsSync, lstatSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { OutputPath } from '../../src/cli/output-file.ts';
import { InputError } from '../../src/scenario/index.ts';
import { spocProcess } from '../support/spoc-process.ts';

const SMALL = 'test/fixtures/sweep/small.yaml';
const RUN = ['run', SMALL, '-r', '1', '-f', 'csv', '--workers', '1', '--no-progress'];

async function spoc(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const ignore = (): void => {};
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'spoc-output-'));
const expected = (await spoc(...RUN)).out;

/** A character device with the null device's numbers (1, 3), if this process may make one. */
const nullDevice = ((): string | undefined => {
  const path = join(tempDir(), 'null');
  try {
    execFileSync('mknod', [path, 'c', '1', '3'], { stdio: 'ignore' });
    return statSync(path).isCharacterDevice() ? path : undefined;
  } catch {
    return undefined;
  }
})();

describe('a regular file', () => {
  it('is replaced atomically, with no temporary file left', async () => {
    const dir = tempDir();
    const path = join(dir, 'result.csv');
    writeFileSync(path, 'previous content');
    expect((await spoc(...RUN, '-o', path)).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(expected);
    expect(readdirSync(dir)).toEqual(['result.csv']);
  });
});

describe('a path that is not a regular file', () => {
  it.skipIf(nullDevice === undefined)('a character device is written in place and stays a device (skipped where mknod is not permitted)', async () => {
    const device = nullDevice!;
    const before = statSync(device);
    const { code, err } = await spoc(...RUN, '-o', device);
    expect(err).toBe('');
    expect(code).toBe(0);
    const after = lstatSync(device);
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.rdev).toBe(before.rdev);
    expect(after.ino).toBe(before.ino);
  });

  it('a FIFO is written in place: a reader gets the bytes, the FIFO stays a FIFO', async () => {
    const fifo = join(tempDir(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    const reading = readFile(fifo, 'utf8');
    const run = spocProcess([...RUN, '-o', fifo]);
    const { code, err } = await run.then((result) => {
      // Should the writer fail before opening the FIFO, release the reader.
      if (result.code !== 0) closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      return result;
    });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(await reading).toBe(expected);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 60_000);

  it('a symlink to /dev/stdout sends the output to standard output and stays a link', async () => {
    const link = join(tempDir(), 'stdout');
    symlinkSync('/dev/stdout', link);
    const { code, out, err } = await spocProcess([...RUN, '-o', link]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(expected);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  }, 60_000);

  it('a symlink to /dev/stdout, with standard output a file opened to append: appended, the file not replaced', async () => {
    const dir = tempDir();
    const link = join(dir, 'stdout');
    symlinkSync('/dev/stdout', link);
    const file = join(dir, 'log.txt');
    writeFileSync(file, 'previous line\n');
    const before = statSync(file);
    const fd = openSync(file, 'a');
    try {
      const { code, err } = await spocProcess([...RUN, '-o', link], { stdout: fd });
      expect(err).toBe('');
      expect(code).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe(`previous line\n${expected}`);
    expect(statSync(file).ino).toBe(before.ino);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['log.txt', 'stdout']);
  }, 60_000);

  it('a sweep to a symlink to /dev/stdout, with standard output a file: the rows go to that file, no partial file beside it', async () => {
    const dir = tempDir();
    const link = join(dir, 'stdout');
    symlinkSync('/dev/stdout', link);
    const file = join(dir, 'rows.csv');
    const fd = openSync(file, 'w');
    const inode = statSync(file).ino;
    const sweep = ['sweep', SMALL, '-r', '1', '--workers', '1', '--no-progress'];
    try {
      expect((await spocProcess([...sweep, '-o', link], { stdout: fd })).code).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe((await spoc(...sweep)).out);
    expect(statSync(file).ino).toBe(inode);
    expect(readdirSync(dir).sort()).toEqual(['rows.csv', 'stdout']);
  }, 60_000);

  it('a sweep cannot resume into a device: refused before any work', async () => {
    const fifo = join(tempDir(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    const { code, err } = await spoc('sweep', SMALL, '-o', fifo, '--resume', '--no-progress');
    expect(code).toBe(2);
    expect(err).toBe(`spoc: --resume needs --out to be a file: ${fifo} is written in place, with no partial output to resume from\n`);
  });
});

describe('a symlink to a regular file', () => {
  it('writes the target and leaves the link a link, with no temporary file beside either', async () => {
    const dir = tempDir();
    const targetDir = tempDir();
    const target = join(targetDir, 'result.csv');
    writeFileSync(target, 'previous content');
    const link = join(dir, 'link.csv');
    symlinkSync(target, link);
    expect((await spoc(...RUN, '-o', link)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(expected);
    expect(readdirSync(dir)).toEqual(['link.csv']);
    expect(readdirSync(targetDir)).toEqual(['result.csv']);
  });

  it('that does not exist yet creates the file it names', async () => {
    const dir = tempDir();
    const link = join(dir, 'link.csv');
    symlinkSync('made.csv', link);
    expect((await spoc(...RUN, '-o', link)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'made.csv'), 'utf8')).toBe(expected);
  });
});

describe('a symlink that cannot be followed', () => {
  it('is refused before any work and left as it is', () => {
    const dir = tempDir();
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    expect(() => OutputPath.check(join(dir, 'a'), '--out', ignore)).toThrow(`--out ${join(dir, 'a')}: cannot write to it (ELOOP)`);
    expect(lstatSync(join(dir, 'a')).isSymbolicLink()).toBe(true);
  });
});

describe('OutputPath.check', () => {
  it('refuses a path in a missing directory, naming the option', () => {
    const missing = join(tempDir(), 'missing', 'x.html');
    expect(() => OutputPath.check(missing, '--report', ignore)).toThrow(`--report ${missing}: the directory`);
    expect(existsSync(join(missing, '..'))).toBe(false);
  });

  it('refuses a directory as bad input (exit 2), not as a failure of the machine, before any work', () => {
    const dir = tempDir();
    expect(() => OutputPath.check(dir, '--report', ignore)).toThrow(InputError);
    expect(() => OutputPath.check(dir, '--report', ignore)).toThrow(`--report ${dir}: is a directory, expected the path of a file`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('tells a file from what is written in place', () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(OutputPath.check(fifo, '--out', ignore).inPlace).toBe(true);
    expect(OutputPath.check(join(dir, 'new.csv'), '--out', ignore).inPlace).toBe(false);
  });
});
