// The command line as a user meets it: exit codes, one clear line per problem, no stack
// traces, atomic output files, help with examples.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';

async function spoc(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const BAD = 'test/fixtures/scenarios/bad';
const DEFAULT = 'scenarios/utility-numbers.yaml';

describe('spoc run', () => {
  it('prints the comparison table with every design and the paired differences', async () => {
    const { code, out, err } = await spoc('run', DEFAULT, '-r', '3');
    expect(code).toBe(0);
    expect(err).toBe('');
    for (const design of ['four-numbers', 'one-number-ivr', 'one-number-frontdesk']) expect(out).toContain(design);
    expect(out).toContain('Δ');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('runs only the designs named with --design, the first as baseline', async () => {
    const { code, out } = await spoc('run', DEFAULT, '-r', '2', '-f', 'json', '--design', 'one-number-ivr', 'four-numbers');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result.designs)).toEqual(['one-number-ivr', 'four-numbers']);
    expect(result.comparisons[0].baseline).toBe('one-number-ivr');
  });

  it('writes --out atomically and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-out-'));
    const path = join(dir, 'result.csv');
    writeFileSync(path, 'previous content');
    const { code, out } = await spoc('run', DEFAULT, '-r', '2', '-f', 'csv', '-o', path);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('design,scope,name,metric,mean,ci_low,ci_high');
    expect(readdirSync(dir)).toEqual(['result.csv']);
  });

  it('refuses an output path in a missing directory before running, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-out-'));
    const { code, err } = await spoc('run', DEFAULT, '-r', '1', '-o', join(dir, 'missing', 'x.json'));
    expect(code).toBe(2);
    expect(err).toMatch(/does not exist/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('refuses output paths in a missing directory for every command that writes, before working', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-out-'));
    const missing = join(dir, 'missing', 'x');
    for (const args of [
      ['run', DEFAULT, '-r', '1', '--report', `${missing}.html`],
      ['sweep', DEFAULT, '-r', '1', '--set', 'run.serviceLevel=20s', '-o', `${missing}.csv`],
      ['trace', DEFAULT, '-d', 'four-numbers', '-o', `${missing}.txt`],
    ]) {
      const { code, err } = await spoc(...args);
      expect(code).toBe(2);
      expect(err).toMatch(/does not exist/);
      expect(err).not.toMatch(/^\s+at /m);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('answers an unknown design, option or replication count with exit code 2', async () => {
    expect((await spoc('run', DEFAULT, '--design', 'nope')).err).toMatch(/unknown design "nope"/);
    expect((await spoc('run', DEFAULT, '--bogus')).code).toBe(2);
    const zero = await spoc('run', DEFAULT, '-r', '0');
    expect(zero.code).toBe(2);
    expect(zero.err).toMatch(/run\.replications: found 0/);
  });
});

describe('bad scenario files', () => {
  // Only the scenario files: bad/data/ holds CSV files the bad scenarios point to.
  const files = readdirSync(BAD, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  it('has a corpus to check', () => expect(files.length).toBeGreaterThanOrEqual(25));
  for (const file of files) {
    it(`${file}: exit code 2, lines naming the file, no stack trace`, async () => {
      const { code, out, err } = await spoc('validate', join(BAD, file));
      expect(code).toBe(2);
      expect(out).toBe('');
      const lines = err.trimEnd().split('\n');
      for (const line of lines) expect(line.startsWith(`${join(BAD, file)}: `)).toBe(true);
      expect(err).not.toMatch(/^\s+at /m);
    });
  }
});

describe('spoc sweep', () => {
  it('warns when a top-level teams path misses the designs with teams of their own', async () => {
    const { code, err } = await spoc('sweep', DEFAULT, '--set', 'teams.billing.agents=28', '-r', '1', '--workers', '1', '--no-progress');
    expect(code).toBe(0);
    expect(err).toMatch(/warning: teams\.billing\.agents changes only the designs without teams of their own; one-number-ivr, one-number-frontdesk/);
  });
});

describe('other commands', () => {
  it('validate describes a valid file', async () => {
    const { code, out } = await spoc('validate', DEFAULT);
    expect(code).toBe(0);
    expect(out).toMatch(/valid.*3 designs/);
  });

  it('validate notes designs that pay differently for a misroute', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-costs-'));
    const file = join(dir, 'costs.yaml');
    writeFileSync(
      file,
      readFileSync(join(BAD, 'transfer-drop-above-one.yaml'), 'utf8').replace('drop: 5', 'drop: 0.05'),
    );
    const { code, out } = await spoc('validate', file);
    expect(code).toBe(0);
    expect(out).toContain(
      '\n\nDesigns differ in what a misroute costs: two-numbers identify 45s, delay 20s, drop 0.05; one-number identify 0s, delay 0s, drop 0.\n',
    );
  });

  it('schema prints a JSON Schema', async () => {
    const schema = JSON.parse((await spoc('schema')).out);
    expect(schema.properties.designs).toBeDefined();
  });

  it('erlang gives the agents needed for the target', async () => {
    const { code, out } = await spoc('erlang', '--rate', '600/h', '--handle', '4m', '--target', '0.8');
    expect(code).toBe(0);
    expect(out).toMatch(/Agents needed for 80% answered within 20s: 46/);
    expect((await spoc('erlang', '--rate', 'fast', '--handle', '4m')).code).toBe(2);
  });

  it('help shows examples; no command is a usage error', async () => {
    expect((await spoc('--help')).out).toMatch(/Examples:/);
    expect((await spoc()).code).toBe(2);
  });
});
