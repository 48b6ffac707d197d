// Failures of the machine while writing (a full disk): one line naming what could not be
// written, exit code 1, no stack trace, and a sweep's partial file kept for --resume.
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spocProcess } from '../support/spoc-process.ts';

const SMALL = 'test/fixtures/sweep/small.yaml';
const SWEEP = ['sweep', SMALL, '-r', '1', '--workers', '1', '--no-progress'];
/** Fills the disk for files ending with .partial after a few points' rows. */
const FULL_DISK = { imports: ['./test/support/full-disk.mjs'], env: { SPOC_FULL_DISK_AFTER: '12000' } };

describe('standard output that cannot be written', () => {
  it.skipIf(!existsSync('/dev/full'))('a full device as standard output: one line, exit code 1', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['schema'], ['run', SMALL, '-r', '1', '--workers', '1']]) {
        const { code, err } = await spocProcess(args, { stdout: full });
        expect(err).toBe('spoc: cannot write to standard output (ENOSPC)\n');
        expect(code).toBe(1);
      }
    } finally {
      closeSync(full);
    }
  }, 60_000);

  it('a reader that stops early is not an error', async () => {
    const child = spocProcess(['schema'], {
      started: (process) => process.stdout?.once('data', () => process.stdout?.destroy()),
    });
    const { code, err } = await child;
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});

describe('a run onto a full disk', () => {
  it('stops with one line, leaves the existing file as it was and no temporary folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-full-'));
    const out = join(dir, 'result.csv');
    writeFileSync(out, 'previous result\n');
    const full = { imports: FULL_DISK.imports, env: { SPOC_FULL_DISK_AFTER: '0', SPOC_FULL_DISK_SUFFIX: 'result.csv' } };
    const { code, err } = await spocProcess(['run', SMALL, '-r', '1', '--workers', '1', '-f', 'csv', '-o', out], full);
    expect(err).toBe(`spoc: --out ${out}: cannot write (ENOSPC)\n`);
    expect(code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous result\n');
    expect(readdirSync(dir)).toEqual(['result.csv']);
  }, 60_000);
});

describe('a sweep onto a full disk', () => {
  it('stops with one line saying what to do, keeps the partial file, and --resume completes it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'spoc-full-')), 'out.csv');
    const stopped = await spocProcess([...SWEEP, '-o', out], FULL_DISK);
    expect(stopped.err).toBe(
      `spoc: --out ${out}: cannot write (ENOSPC); the points written so far are kept in ${out}.partial: run again with --resume once the cause is fixed\n`,
    );
    expect(stopped.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(`${out}.partial`, 'utf8').length).toBeGreaterThan(0);

    const resumed = await spocProcess([...SWEEP, '-o', out, '--resume']);
    expect(resumed.code).toBe(0);
    const whole = await spocProcess(SWEEP);
    expect(readFileSync(out, 'utf8')).toBe(whole.out);
    expect(existsSync(`${out}.partial`)).toBe(false);
  }, 120_000);
});
