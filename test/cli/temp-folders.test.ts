// Temporary folders of atomic writes: one left by a process killed mid-write is removed by
// the next write to the same path; a running process's, another host's, or one this writer
// did not make is kept.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { HOST_TAG, isRunning, removeStaleTempFolders, tempFolderPrefix } from '../../src/cli/temp-folders.ts';
import { spocProcess } from '../support/spoc-process.ts';

const RUN = ['run', 'test/fixtures/sweep/small.yaml', '-r', '1', '-f', 'csv', '--workers', '1', '--no-progress'];

/** The id of a process that has ended. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  return Number(pid);
}

/** A hidden folder as a write to `target` by `pid` on the host `host` leaves it, with a file inside. */
function tempFolder(dir: string, pid: number, host = HOST_TAG, random = 'aB3xY9'): string {
  const name = `.result.csv.spoc-${pid}-${host}-${random}`;
  mkdirSync(join(dir, name));
  writeFileSync(join(dir, name, 'result.csv'), 'half of a result');
  return name;
}

describe('a write to a path', () => {
  it('removes the folder a killed writer left, and keeps a running one\'s, another host\'s and foreign ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-temp-'));
    const stale = tempFolder(dir, deadPid());
    const running = tempFolder(dir, process.pid, HOST_TAG, 'Qw3rty');
    const otherHost = tempFolder(dir, deadPid(), HOST_TAG === '0123abcd' ? 'ffffffff' : '0123abcd', 'Zx9cvb');
    mkdirSync(join(dir, '.result.csv.Ab12Cd'));
    mkdirSync(join(dir, '.other.csv.spoc-1-00000000-abcdef'));
    const code = await runCli([...RUN, '--out', join(dir, 'result.csv')], { stdout: () => {}, stderr: () => {} });
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.other.csv.spoc-1-00000000-abcdef', '.result.csv.Ab12Cd', otherHost, running, 'result.csv'].sort());
    expect(readdirSync(dir)).not.toContain(stale);
  });

  it('a writer killed mid-write leaves its folder, which the next write removes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-temp-'));
    const out = join(dir, 'result.csv');
    // Killed as soon as its temporary folder exists: what kill -9 during a large write leaves.
    const killed = await spocProcess([...RUN, '--out', out], {
      imports: ['./test/support/kill-on-temp-folder.mjs'],
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(readdirSync(dir).filter((name) => name.startsWith('.result.csv.spoc-'))).toHaveLength(1);
    const again = await spocProcess([...RUN, '--out', out]);
    expect(again.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['result.csv']);
    expect(readFileSync(out, 'utf8')).toMatch(/^design,scope,name,metric/);
  }, 60_000);
});

describe('removeStaleTempFolders', () => {
  it('names folders after the target, the process and the host', () => {
    expect(tempFolderPrefix('/data/out.csv')).toBe(`/data/.out.csv.spoc-${process.pid}-${HOST_TAG}-`);
  });

  it('leaves a directory that cannot be read alone', () => {
    expect(() => removeStaleTempFolders('/no/such/dir/out.csv')).not.toThrow();
  });

  it('tells a running process from an ended one', () => {
    expect(isRunning(process.pid)).toBe(true);
    expect(isRunning(deadPid())).toBe(false);
  });
});
