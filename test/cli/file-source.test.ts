// Input files: a scenario or an empirical distribution's data file that is not a regular
// file (a device, a FIFO) or is over its documented size is refused before reading, naming
// the file and what it is; exit code 2. Run as processes with a deadline: a FIFO read by
// mistake would block for ever.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_LIMIT, nodeFileSource, readRegularFile, SCENARIO_FILE_LIMIT } from '../../src/cli/file-source.ts';
import { oneTeamYaml } from '../support/one-team.ts';
import { spocProcess } from '../support/spoc-process.ts';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'spoc-input-'));
const DEADLINE = { killAfterMs: 30_000 };

/** A scenario whose handle times are read from `data.csv` beside it. */
function withDataFile(dir: string): string {
  const file = join(dir, 'scenario.yaml');
  writeFileSync(file, oneTeamYaml('horizon: 8h').replace('handle: 3m', 'handle: { dist: empirical, file: data.csv }'));
  return file;
}

/** A character device made here with the numbers of /dev/zero (1, 5), where mknod is permitted. */
function zeroDevice(path: string): boolean {
  try {
    execFileSync('mknod', [path, 'c', '1', '5'], { stdio: 'ignore' });
    return statSync(path).isCharacterDevice();
  } catch {
    return false;
  }
}
const canMakeDevices = zeroDevice(join(tempDir(), 'zero'));

describe('a scenario file that is not a regular file', () => {
  it('a FIFO is refused before reading, without waiting for a writer', async () => {
    const fifo = join(tempDir(), 'scenario.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const command of ['run', 'validate', 'sweep', 'trace']) {
      const { code, err } = await spocProcess([command, fifo], DEADLINE);
      expect(err).toBe(`${fifo}: cannot read the file: it is a FIFO (named pipe), not a regular file\n`);
      expect(code).toBe(2);
    }
  }, 120_000);

  it.skipIf(!canMakeDevices)('a character device such as /dev/zero is refused (skipped where mknod is not permitted)', async () => {
    const device = join(tempDir(), 'scenario.yaml');
    zeroDevice(device);
    const { code, err } = await spocProcess(['validate', device], DEADLINE);
    expect(err).toBe(`${device}: cannot read the file: it is a character device, not a regular file\n`);
    expect(code).toBe(2);
  }, 60_000);

  it('a directory is still "a directory"', () => {
    const dir = join(tempDir(), 'scenario.yaml');
    mkdirSync(dir);
    expect(() => readRegularFile(dir, SCENARIO_FILE_LIMIT)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});

describe('a scenario file over 10 MB', () => {
  it('is refused with its size and the limit, before reading (a sparse file of 12.3 MB)', async () => {
    const big = join(tempDir(), 'scenario.yaml');
    writeFileSync(big, '');
    truncateSync(big, 12_300_000);
    const { code, err } = await spocProcess(['run', big], DEADLINE);
    expect(err).toBe(`${big}: cannot read the file: it is 12.3 MB, over the limit of 10 MB for a scenario file\n`);
    expect(code).toBe(2);
  }, 60_000);

  it('exactly at the limit is read', () => {
    const file = join(tempDir(), 'scenario.yaml');
    writeFileSync(file, '');
    truncateSync(file, SCENARIO_FILE_LIMIT.bytes);
    expect(nodeFileSource.readScenario(file).length).toBe(SCENARIO_FILE_LIMIT.bytes);
  });
});

describe('the data file of an empirical distribution', () => {
  it('a FIFO is refused at its field, naming the file', async () => {
    const dir = tempDir();
    const scenario = withDataFile(dir);
    execFileSync('mkfifo', [join(dir, 'data.csv')]);
    const { code, err } = await spocProcess(['validate', scenario], DEADLINE);
    expect(err).toContain(
      `${scenario}: demand.intents.any.handle.file: cannot read "data.csv" (relative to the scenario file): it is a FIFO (named pipe), not a regular file`,
    );
    expect(code).toBe(2);
  }, 60_000);

  it('over 100 MB is refused with its size and the limit', async () => {
    const dir = tempDir();
    const scenario = withDataFile(dir);
    writeFileSync(join(dir, 'data.csv'), '');
    truncateSync(join(dir, 'data.csv'), DATA_FILE_LIMIT.bytes + 50_000_000);
    const { code, err } = await spocProcess(['run', scenario], DEADLINE);
    expect(err).toContain('cannot read "data.csv" (relative to the scenario file): it is 150 MB, over the limit of 100 MB for a data file');
    expect(code).toBe(2);
  }, 60_000);

  it('a regular file is read as before', async () => {
    const dir = tempDir();
    const scenario = withDataFile(dir);
    writeFileSync(join(dir, 'data.csv'), 'seconds\n120\n180\n240\n');
    const { code, err } = await spocProcess(['validate', scenario], DEADLINE);
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});

describe('the inputs of spoc merge', () => {
  it('may be streams (a pipe of a shard), read to their end: the same rows as from the file', () => {
    const dir = tempDir();
    const scenario = join(dir, 'scenario.yaml');
    writeFileSync(scenario, oneTeamYaml('horizon: 1h, replications: 2'));
    const shard = join(dir, 'shard.csv');
    execFileSync(process.execPath, ['bin/spoc.js', 'sweep', scenario, '--set', 'teams.desk.agents=6,7', '--out', shard]);
    const fifo = join(dir, 'stream.csv');
    execFileSync('mkfifo', [fifo]);
    // The shell writes the FIFO while merge reads it.
    const merged = (input: string): string =>
      execFileSync('bash', ['-c', `cat ${shard} > ${fifo} & ${process.execPath} bin/spoc.js merge -f csv ${input}`], { encoding: 'utf8' });
    expect(merged(fifo)).toBe(readFileSync(shard, 'utf8'));
  });

  it('are refused once a stream passes the limit, with the limit: a device that never ends cannot exhaust memory', async () => {
    if (!canMakeDevices) return;
    const zero = join(tempDir(), 'zero.csv');
    zeroDevice(zero);
    const { code, err } = await spocProcess(['merge', zero], DEADLINE);
    expect(err).toBe(`spoc: ${zero}: cannot read the file (it holds more than 500 MB, the limit for a sweep output)\n`);
    expect(code).toBe(2);
  });
});
