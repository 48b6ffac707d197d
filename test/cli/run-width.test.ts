// `spoc run`'s table at the terminal's width: the terminal's columns on a terminal, 100 into
// a pipe or a file, --width to force it (refused below 40 or when not a whole number), and
// --all-metrics for the rows that are 0 everywhere.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';

async function spoc(args: string[], terminalColumns?: number): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    ...(terminalColumns === undefined ? {} : { terminalColumns: () => terminalColumns }),
  });
  return { code, out, err };
}

const DEFAULT = 'scenarios/utility-numbers.yaml';
const RUN = ['run', DEFAULT, '-r', '2', '--no-progress'];
const widest = (text: string): number => Math.max(...text.split('\n').map((line) => [...line].length));

describe('spoc run: the table width', () => {
  it('is 100 columns into a pipe, as before', async () => {
    const { code, out } = await spoc(RUN);
    expect(code).toBe(0);
    expect(widest(out)).toBeGreaterThan(90);
    expect(widest(out)).toBeLessThanOrEqual(100);
  });

  it("follows the terminal's width on a terminal", async () => {
    const narrow = await spoc(RUN, 72);
    expect(widest(narrow.out)).toBeLessThanOrEqual(72);
    expect(narrow.out).toMatch(/^Design metrics \(1\/\d\)/m);
    const wide = await spoc(RUN, 200);
    expect(widest(wide.out)).toBeGreaterThan(100);
    expect(wide.out).not.toMatch(/^Design metrics \(/m);
  });

  it('is forced by --width, over the terminal', async () => {
    const { code, out } = await spoc([...RUN, '--width', '60'], 200);
    expect(code).toBe(0);
    expect(widest(out)).toBeLessThanOrEqual(60);
    expect(out).toMatch(/^Design metrics \(1\/3\)/m);
  });

  it("is 100 in a file written with --out, whatever the terminal's", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'spoc-width-')), 'table.txt');
    const { code } = await spoc([...RUN, '-o', path], 60);
    expect(code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe((await spoc(RUN)).out);
  });

  it.each([
    ['39', '--width: found 39, expected a whole number of 40 or more'],
    ['80.5', '--width: found 80.5, expected a whole number of 40 or more'],
    ['wide', '--width: found "wide", expected a whole number of 40 or more'],
  ])('refuses --width %s with exit code 2, before running', async (value, message) => {
    const { code, out, err } = await spoc([...RUN, '--width', value]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`spoc: ${message}\n`);
  });
});

describe('spoc run --all-metrics', () => {
  const FILE = 'scenarios/students/erlang-c.yaml';

  it('shows the rows at 0 for every design, which the table and the Markdown otherwise count', async () => {
    const args = ['run', FILE, '-r', '2', '--no-progress'];
    const plain = await spoc(args);
    expect(plain.out).not.toMatch(/^Busy signal /m);
    expect(plain.out.trimEnd().split('\n').at(-1)).toMatch(/^\d+ rows not shown, 0 or without a figure for every design; --all-metrics shows them\.$/);
    const all = await spoc([...args, '--all-metrics']);
    expect(all.out).toMatch(/^Busy signal +0\.0% ± 0\.0%$/m);
    expect(all.out).not.toContain('not shown');
    const markdown = await spoc([...args, '-f', 'markdown']);
    expect(markdown.out).not.toContain('| Busy signal |');
    expect((await spoc([...args, '-f', 'markdown', '--all-metrics'])).out).toContain('| Busy signal |');
  });

  it('changes nothing in JSON, which keeps every metric', async () => {
    const args = ['run', FILE, '-r', '2', '--no-progress', '-f', 'json'];
    expect((await spoc([...args, '--all-metrics'])).out).toBe((await spoc(args)).out);
  });
});
