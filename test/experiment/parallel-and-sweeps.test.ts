// Worker threads, sweeps, shards, resume and precision: outputs that do not depend on how
// the work was spread, and that survive interruption.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';

const SMALL = 'test/fixtures/sweep/small.yaml';

async function spoc(...args: string[]): Promise<string> {
  let out = '';
  let err = '';
  const quiet = args[0] === 'run' || args[0] === 'sweep' ? ['--no-progress'] : [];
  const code = await runCli([...args, ...quiet], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  if (code !== 0) throw new Error(`spoc ${args.join(' ')} exited ${code}: ${err}`);
  return out;
}

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'spoc-sweep-'));

describe('worker threads', () => {
  it('give byte-identical run output for 1 and 2 workers', async () => {
    const one = await spoc('run', SMALL, '-f', 'json', '--workers', '1');
    const two = await spoc('run', SMALL, '-f', 'json', '--workers', '2');
    expect(two).toBe(one);
    expect(JSON.parse(one).replications).toBe(3);
  });
});

describe('sweeps', () => {
  it('write one row per point and design, the same for 1 and 2 workers', async () => {
    const one = await spoc('sweep', SMALL, '--workers', '1');
    const two = await spoc('sweep', SMALL, '--workers', '2');
    expect(two).toBe(one);
    const lines = one.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^point,teams\.billing\.agents,designs\.one-number\.ivr\.accuracy,design,replications,/);
    expect(lines).toHaveLength(1 + 4 * 3 * 2);
  });

  it('reuse the same random streams at every point: the same callers arrive everywhere', async () => {
    const rows = (await spoc('sweep', SMALL, '-f', 'jsonl', '--set', 'designs.one-number.ivr.accuracy=0.9')).trimEnd().split('\n').map((l) => JSON.parse(l));
    const issues = new Set(rows.map((r) => r.metrics.issues.mean));
    expect(issues.size).toBe(1);
    // More billing agents, shorter billing waits, point after point.
    const waits = rows.filter((r) => r.design === 'two-numbers').map((r) => r.metrics.waitMean.mean);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeLessThan(waits[i - 1]);
  });

  it("carry each design's paired difference from the baseline: that of spoc run at the same point", async () => {
    const rows = (await spoc('sweep', SMALL, '-f', 'jsonl', '--set', 'teams.billing.agents=7,9', '--set', 'designs.one-number.ivr.accuracy=0.9'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.design, r.baseline, r.diff === null])).toEqual([
      ['two-numbers', 'two-numbers', true],
      ['one-number', 'two-numbers', false],
      ['two-numbers', 'two-numbers', true],
      ['one-number', 'two-numbers', false],
    ]);
    const dir = tempDir();
    const file = join(dir, 'nine.yaml');
    writeFileSync(file, readFileSync(SMALL, 'utf8').replace('billing: { agents: 8,', 'billing: { agents: 9,').replace(/\nsweep:[^]*$/, '\n'));
    const run = JSON.parse(await spoc('run', file, '-f', 'json'));
    const compared = run.comparisons.filter((c: { design: string }) => c.design === 'one-number');
    expect(compared.length).toBeGreaterThan(10);
    for (const { metric, diff } of compared) expect(rows[3].diff[metric], metric).toEqual(diff);
    // Different at the other point: a difference per point, not one for the sweep.
    expect(rows[1].diff.waitMean).not.toEqual(rows[3].diff.waitMean);
  });

  it('split into shards that spoc merge combines into the unsharded output, byte for byte', async () => {
    const dir = tempDir();
    const whole = await spoc('sweep', SMALL, '-f', 'jsonl');
    for (const k of [1, 2, 3]) await spoc('sweep', SMALL, '-f', 'jsonl', '--shard', `${k}/3`, '-o', join(dir, `part${k}.jsonl`));
    const merged = await spoc('merge', join(dir, 'part3.jsonl'), join(dir, 'part1.jsonl'), join(dir, 'part2.jsonl'));
    expect(merged).toBe(whole);
  });

  it('resume after the process is killed part-way and end with the same bytes', async () => {
    const dir = tempDir();
    const out = join(dir, 'sweep.csv');
    const sweep = ['sweep', SMALL, '--set', 'teams.field.agents=4..9', '-r', '30'];
    const args = ['bin/spoc.js', ...sweep, '-o', out, '--workers', '1', '--no-progress'];
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    // Wait until some points are written, then kill the process without warning.
    const partial = `${out}.partial`;
    await waitFor(() => existsSync(partial) && readFileSync(partial, 'utf8').split('\n').length > 8, 60_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(existsSync(out)).toBe(false);
    const before = statSync(partial).size;
    await spoc(...sweep, '-o', out, '--resume', '--workers', '2');
    expect(existsSync(partial)).toBe(false);
    const resumed = readFileSync(out, 'utf8');
    expect(resumed).toBe(await spoc(...sweep));
    expect(before).toBeGreaterThan(0);
  }, 120_000);
});

describe('precision', () => {
  it('adds replications until the half-width target is met, and says how many it took', async () => {
    const result = JSON.parse(await spoc('run', SMALL, '-f', 'json', '-r', '2', '--precision', 'waitMean=3s', '--max-replications', '60'));
    expect(result.replications).toBeGreaterThan(2);
    expect(result.replications).toBeLessThanOrEqual(60);
    for (const design of Object.values(result.designs) as { metrics: { waitMean: { ci95: [number, number] } } }[]) {
      const [lo, hi] = design.metrics.waitMean.ci95;
      if (result.replications < 60) expect((hi - lo) / 2).toBeLessThanOrEqual(3);
    }
  });

  it('stops at --max-replications when the target cannot be met', async () => {
    const result = JSON.parse(await spoc('run', SMALL, '-f', 'json', '-r', '2', '--precision', 'waitMean=0.001s', '--max-replications', '5'));
    expect(result.replications).toBe(5);
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
