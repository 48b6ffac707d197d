// `spoc trace` end to end: stories and event logs on the default scenario, the same bytes
// every time, bad input answered with exit code 2.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { oneTeamFile } from '../support/one-team.ts';

async function spoc(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const DEFAULT = 'scenarios/utility-numbers.yaml';

const storyCount = (text: string): number => text.split('\n').filter((line) => /^issue \d+ \(/.test(line)).length;

describe('spoc trace', () => {
  it('tells the story of the first five issues after the warm-up by default', async () => {
    const { code, out, err } = await spoc('trace', DEFAULT, '--design', 'four-numbers');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.split('\n')[0]).toContain('design four-numbers · replication 1 · seed 2019');
    expect(storyCount(out)).toBe(5);
    expect(out).toMatch(/^ {2}00:3\d:\d\d {2}call 1 · dials 09 69 /m);
  });

  it('gives the same bytes twice, and another replication or seed gives other callers', async () => {
    const args = ['trace', DEFAULT, '-d', 'one-number-ivr', '--issues', '3', '--replication', '2'];
    const first = await spoc(...args);
    const second = await spoc(...args);
    expect(first.code).toBe(0);
    expect(storyCount(first.out)).toBe(3);
    expect(second.out).toBe(first.out);
    expect((await spoc('trace', DEFAULT, '-d', 'one-number-ivr', '--issues', '3')).out).not.toBe(first.out);
    expect((await spoc(...args, '--seed', '7')).out).not.toBe(first.out);
  });

  it('writes the full event log as CSV, the same bytes to a file as to standard output', async () => {
    const printed = await spoc('trace', DEFAULT, '-d', 'one-number-frontdesk', '-f', 'csv');
    expect(printed.code).toBe(0);
    const lines = printed.out.trimEnd().split('\n');
    expect(lines[0]).toBe('time,issue,call,event,team,detail');
    expect(lines[1]).toMatch(/^\d+\.\d{3},1,,arrive,,\w+$/);
    const dir = mkdtempSync(join(tmpdir(), 'spoc-trace-'));
    const path = join(dir, 'events.csv');
    writeFileSync(path, 'previous content');
    const written = await spoc('trace', DEFAULT, '-d', 'one-number-frontdesk', '-f', 'csv', '-o', path);
    expect(written.code).toBe(0);
    expect(written.out).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(printed.out);
    expect(readdirSync(dir)).toEqual(['events.csv']);
  });

  it('writes stories to --out atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-trace-'));
    const path = join(dir, 'stories.txt');
    const printed = await spoc('trace', DEFAULT, '-d', 'four-numbers', '-n', '2');
    const written = await spoc('trace', DEFAULT, '-d', 'four-numbers', '-n', '2', '-o', path);
    expect(written.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(printed.out);
    expect(readdirSync(dir)).toEqual(['stories.txt']);
  });

  it('needs --design only when the scenario has several designs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-trace-'));
    const single = join(dir, 'single.yaml');
    writeFileSync(
      single,
      [
        'name: One design',
        'run: { horizon: 1h, warmup: 10m, seed: 3 }',
        'demand:',
        '  arrivals: { rate: 60/h }',
        '  intents: { billing: { share: 1, handle: 3m, resolve: 0.8 } }',
        'teams: { billing: { agents: 4, skills: [billing] } }',
        'designs: { only: { numbers: [ { dial: "3000", to: billing, for: [billing] } ] } }',
        '',
      ].join('\n'),
    );
    const { code, out, err } = await spoc('trace', single, '--issues', '1');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('design only');
    expect(storyCount(out)).toBe(1);
    const several = await spoc('trace', DEFAULT);
    expect(several.code).toBe(2);
    expect(several.err).toMatch(/--design: the scenario defines 3 designs \(four-numbers, one-number-ivr, one-number-frontdesk\)/);
  });

  it('answers bad input with exit code 2 and one line', async () => {
    const unknown = await spoc('trace', DEFAULT, '--design', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown design "nope"/);
    expect(unknown.out).toBe('');
    for (const args of [
      ['--issues', '0'],
      ['--issues', 'some'],
      ['--replication', '0'],
      ['--replication', '1.5'],
      ['-f', 'csv', '--issues', '3'],
      ['-f', 'xml'],
      ['--seed', '-1'],
    ]) {
      const { code, err } = await spoc('trace', DEFAULT, '-d', 'four-numbers', ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(err).not.toMatch(/^\s+at /m);
    }
    expect((await spoc('trace', 'test/fixtures/scenarios/missing.yaml', '-d', 'x')).code).toBe(2);
  });

  it('refuses what run refuses before any work: unknown precision metrics, a replication too large', async () => {
    const precision = await spoc('trace', oneTeamFile('horizon: 8h, precision: { noSuchMetric: 1 }'));
    expect([precision.code, precision.err]).toEqual([2, expect.stringMatching(/^spoc: precision: unknown metric "noSuchMetric"/)]);
    const huge = await spoc('trace', oneTeamFile('horizon: 36500d', '1000/h'));
    expect([huge.code, huge.err]).toEqual([2, expect.stringMatching(/too large for this machine: about 8\.8e8 calls per replication/)]);
  });
});
