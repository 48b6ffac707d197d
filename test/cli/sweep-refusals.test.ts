// Merge and resume refuse rows that do not belong to the sweep at hand: through the
// command line, exit code 2, a message naming the files and what differs, nothing written.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT_INVALID, runCli } from '../../src/cli/cli.ts';

const SMALL = 'test/fixtures/sweep/small.yaml';
const GRID = ['--set', 'teams.billing.agents=7,8,9', '--set', 'designs.one-number.ivr.accuracy=0.9'];

async function spoc(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const quiet = args[0] === 'sweep' ? ['--no-progress'] : [];
  const code = await runCli([...args, ...quiet], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

async function sweep(...args: string[]): Promise<string> {
  const { code, out, err } = await spoc('sweep', SMALL, ...GRID, ...args);
  if (code !== 0) throw new Error(`sweep exited ${code}: ${err}`);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'spoc-sweep-refusals-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Merge refused: exit 2, one line matching `says`, nothing on standard output or in --out. */
async function refusedMerge(files: readonly string[], says: RegExp): Promise<void> {
  const out = join(dir, `merged-${Math.random().toString(36).slice(2)}.csv`);
  const { code, out: stdout, err } = await spoc('merge', ...files, '--out', out);
  expect(code).toBe(EXIT_INVALID);
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err.trimEnd()).toMatch(says);
  expect(stdout).toBe('');
  expect(existsSync(out)).toBe(false);
}

describe('spoc merge', () => {
  let whole: string;
  const shards: Record<string, string> = {};
  beforeAll(async () => {
    whole = await sweep();
    for (const k of [1, 2, 3]) shards[`s${k}`] = file(`s${k}.csv`, await sweep('--shard', `${k}/3`));
    shards.seed = file('seed.csv', await sweep('--shard', '3/3', '--seed', '6'));
    shards.replications = file('replications.csv', await sweep('--shard', '3/3', '-r', '4'));
    shards.grid = file('grid.csv', (await spoc('sweep', SMALL, '--set', 'teams.billing.agents=7,8,10', '--set', 'designs.one-number.ivr.accuracy=0.9', '--shard', '3/3')).out);
    shards.jsonl = file('s3.jsonl', await sweep('--shard', '3/3', '-f', 'jsonl'));
    shards.jsonlNamedCsv = file('s3-jsonl.csv', await sweep('--shard', '3/3', '-f', 'jsonl'));
  }, 120_000);

  it('gives the unsharded bytes from every shard, in any order', async () => {
    const { code, out } = await spoc('merge', shards.s3!, shards.s1!, shards.s2!);
    expect(code).toBe(0);
    expect(out).toBe(whole);
  });

  it('refuses a missing shard, naming the files and the points', async () => {
    await refusedMerge([shards.s1!, shards.s3!], /^spoc: .*s1\.csv, .*s3\.csv: found no row for point 1, expected every point of the grid \(0 to 2\) with every design: merge the outputs of all the shards$/);
  });

  it('refuses a shard given twice', async () => {
    await refusedMerge([shards.s1!, shards.s2!, shards.s3!, shards.s2!], /^spoc: .*s2\.csv, row 1: found point 1 of design "two-numbers" again \(already in .*s2\.csv, row 1\)/);
  });

  it('refuses a shard of another seed, grid or replications', async () => {
    await refusedMerge([shards.s1!, shards.s2!, shards.seed!], /^spoc: .*seed\.csv, row 1: found seed 6, expected 5 as in .*s1\.csv, row 1; the shards of one sweep share seed, scenarioSha256, gridSha256, points, spoc$/);
    await refusedMerge([shards.s1!, shards.s2!, shards.grid!], /^spoc: .*grid\.csv, row 1: found gridSha256 [0-9a-f]{64}, expected [0-9a-f]{64} as in .*s1\.csv/);
    // Replications may differ between points (--precision), not between a point's designs.
    const mixed = readFileSync(shards.s3!, 'utf8').split('\n');
    const other = readFileSync(shards.replications!, 'utf8').split('\n');
    await refusedMerge([shards.s1!, shards.s2!, file('mixed.csv', [mixed[0], mixed[1], other[2], ''].join('\n'))], /^spoc: .*mixed\.csv, row 2: found 4 replications for point 2, expected 3 as design "two-numbers" at that point in .*mixed\.csv, row 1/);
  });

  it('refuses CSV with JSON Lines, naming both files, by extension or by content', async () => {
    await refusedMerge([shards.s1!, shards.s2!, shards.jsonl!], /^spoc: .*s3\.jsonl: found a JSON Lines file beside .*s1\.csv, expected the outputs of shards of one sweep, all CSV or all JSON Lines$/);
    await refusedMerge([shards.s1!, shards.s2!, shards.jsonlNamedCsv!], /^spoc: .*s3-jsonl\.csv: found JSON Lines rows, but .*s1\.csv holds CSV; expected/);
  });
});

describe('sweep --resume', () => {
  const args = (out: string, ...more: string[]) => ['sweep', SMALL, ...(more.includes('--set') ? [] : GRID), '-o', out, '--resume', ...more];

  /** Resume refused: exit 2, the message, the partial file untouched and no output. */
  async function refusedResume(partialText: string, more: readonly string[], says: RegExp): Promise<void> {
    const out = join(mkdtempSync(join(dir, 'resume-')), 'out.csv');
    writeFileSync(`${out}.partial`, partialText);
    const { code, err } = await spoc(...args(out, ...more));
    expect(code).toBe(EXIT_INVALID);
    expect(err.trimEnd()).toMatch(says);
    expect(err).toContain(`${out}.partial, row 1`);
    expect(readFileSync(`${out}.partial`, 'utf8')).toBe(partialText);
    expect(existsSync(out)).toBe(false);
  }

  let firstPoint: string;
  beforeAll(async () => {
    firstPoint = (await sweep()).split('\n').slice(0, 3).join('\n') + '\n';
  }, 60_000);

  it('carries on from a partial file of the same sweep', async () => {
    const out = join(mkdtempSync(join(dir, 'resume-')), 'out.csv');
    writeFileSync(`${out}.partial`, firstPoint);
    const { code, err } = await spoc(...args(out));
    expect(code).toBe(0);
    expect(err).toContain('(1 resumed from');
    expect(readFileSync(out, 'utf8')).toBe(await sweep());
  });

  it('refuses a partial file of another seed, replications, grid or designs, naming the first field that differs', async () => {
    const seeded = (await sweep('--seed', '6')).split('\n').slice(0, 3).join('\n') + '\n';
    await refusedResume(seeded, [], /: found seed 6, expected 5 as this sweep writes: the file holds another sweep's rows; remove it or run that sweep again$/);
    await refusedResume(firstPoint, ['-r', '4'], /: found replications 3, expected 4 as this sweep writes/);
    await refusedResume(firstPoint, ['--set', 'teams.billing.agents=7,8,10', '--set', 'designs.one-number.ivr.accuracy=0.9'], /: found gridSha256 [0-9a-f]{64}, expected [0-9a-f]{64} as this sweep writes/);
    await refusedResume(firstPoint, ['--design', 'one-number'], /: found design "two-numbers" at point 0, expected "one-number" as this sweep writes/);
    await refusedResume(firstPoint, ['--precision', 'waitMean=5s', '-r', '4'], /: found replications 3, expected 4 to 30 \(--precision\) as this sweep writes/);
  });

  it('refuses a partial file of another scenario or version', async () => {
    await refusedResume(firstPoint.replace(/,[0-9a-f]{64},/, `,${'0'.repeat(64)},`), [], /: found scenarioSha256 0{64}, expected [0-9a-f]{64} as this sweep writes/);
    await refusedResume(firstPoint.replace(/,(\d+\.\d+\.\d+),/, ',0.0.1-other,'), [], /: found spoc 0\.0\.1-other, expected \d+\.\d+\.\d+ as this sweep writes/);
  });

  it('refuses a partial file with another header', async () => {
    const out = join(mkdtempSync(join(dir, 'resume-')), 'out.csv');
    const text = firstPoint.replace(/^point,/, 'point,extra,');
    writeFileSync(`${out}.partial`, text);
    const { code, err } = await spoc(...args(out));
    expect(code).toBe(EXIT_INVALID);
    expect(err).toMatch(/out\.csv\.partial: found the header "point,extra,.*", expected this sweep's \("point,teams\.billing\.agents,/);
    expect(readFileSync(`${out}.partial`, 'utf8')).toBe(text);
  });
});
