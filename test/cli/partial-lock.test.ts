// One sweep at a time onto an output: a second `spoc sweep … --out same.csv` is refused
// while the first runs, and the first completes correctly; a lock left by a process killed
// with SIGKILL is recognised as stale and taken over.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lockPartialFile } from '../../src/cli/partial-lock.ts';
import { spocProcess } from '../support/spoc-process.ts';

const SWEEP = ['sweep', 'test/fixtures/sweep/small.yaml', '-r', '2', '--workers', '1', '--no-progress'];
/** Slows a sweep's writes to its partial file, so that the test acts while it runs. */
const SLOW_DISK = { imports: ['./test/support/slow-disk.mjs'], killAfterMs: 60_000 };
const tempOut = (): string => join(mkdtempSync(join(tmpdir(), 'spoc-lock-')), 'out.csv');
const uninterrupted = spocProcess(SWEEP);

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 30_000) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A sweep onto `out` sent `signal` once a few rows are in its partial file; the signal that ended it. */
async function stoppedMidway(out: string, signal: NodeJS.Signals): Promise<NodeJS.Signals | null> {
  let child: ChildProcess | undefined;
  const run = spocProcess([...SWEEP, '-o', out], { ...SLOW_DISK, started: (c) => (child = c) });
  await until(() => existsSync(`${out}.partial`) && readFileSync(`${out}.partial`, 'utf8').split('\n').length > 3);
  child!.kill(signal);
  return (await run).signal;
}

describe('two sweeps onto the same output at once', () => {
  it('the second is refused with exit code 2 and what to do; the first completes with every point once', async () => {
    const out = tempOut();
    // The first sweep's writes wait until the test lets them go: it holds the lock till then.
    const release = `${out}.go`;
    const first = spocProcess([...SWEEP, '-o', out], { ...SLOW_DISK, env: { SPOC_HOLD_WRITES_UNTIL: release } });
    await until(() => existsSync(`${out}.partial.lock`));
    const second = await spocProcess([...SWEEP, '-o', out]);
    expect(second.code).toBe(2);
    expect(second.err).toMatch(
      new RegExp(`^spoc: --out ${out}: another sweep \\(process \\d+ on ${hostname()}, since [0-9T:.Z-]+\\) is writing ${out}\\.partial; wait for it to end, or, if it no longer runs, remove ${out}\\.partial\\.lock\\n$`),
    );
    const resumed = await spocProcess([...SWEEP, '-o', out, '--resume']);
    expect(resumed.code).toBe(2);
    writeFileSync(release, '');
    const done = await first;
    expect(done.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe((await uninterrupted).out);
    expect(existsSync(`${out}.partial.lock`)).toBe(false);
  }, 120_000);
});

describe('a lock left by a killed sweep', () => {
  it('is stale once its process is gone: the next sweep takes it over and --resume completes the output', async () => {
    const out = tempOut();
    expect(await stoppedMidway(out, 'SIGKILL')).toBe('SIGKILL');
    expect(existsSync(`${out}.partial.lock`)).toBe(true);
    const resumed = await spocProcess([...SWEEP, '-o', out, '--resume']);
    expect(resumed.err).toMatch(/^spoc: 12 points written to .* \(\d+ resumed from /);
    expect(resumed.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe((await uninterrupted).out);
    expect(existsSync(`${out}.partial.lock`)).toBe(false);
  }, 120_000);

  it('a sweep stopped by SIGTERM (a scheduler preempting it) removes its lock and keeps its partial file', async () => {
    const out = tempOut();
    expect(await stoppedMidway(out, 'SIGTERM')).toBe('SIGTERM');
    expect(existsSync(`${out}.partial.lock`)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(true);
  }, 120_000);

  it('on another host, or unreadable, is not taken over: the message says what to remove', () => {
    const out = tempOut();
    writeFileSync(`${out}.partial.lock`, JSON.stringify({ pid: 1, host: 'elsewhere', since: '2026-01-01T00:00:00.000Z' }));
    expect(() => lockPartialFile(`${out}.partial`, `--out ${out}`)).toThrow(
      `--out ${out}: another sweep (process 1 on elsewhere, since 2026-01-01T00:00:00.000Z) is writing ${out}.partial; wait for it to end, or, if it no longer runs on elsewhere, remove ${out}.partial.lock`,
    );
    writeFileSync(`${out}.partial.lock`, '');
    expect(() => lockPartialFile(`${out}.partial`, `--out ${out}`)).toThrow(`--out ${out}: another sweep is writing ${out}.partial;`);
  });

  it('is released by its holder, so the next sweep may take it', () => {
    const out = tempOut();
    const lock = lockPartialFile(`${out}.partial`, `--out ${out}`);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    lockPartialFile(`${out}.partial`, `--out ${out}`).release();
  });
});
