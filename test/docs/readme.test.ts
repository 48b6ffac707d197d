// The README's examples as a reader runs them (`spoc` being this checkout's bin/spoc.js,
// from a folder where scenarios/ is the bundled one): the minimal scenario is valid, with
// the sweep block shown for it too; the trace prints exactly what is pasted; the sweep
// commands write what the text around them says. The Library example is run by
// test/library/readme-example.test.ts, the same-time table compared by
// test/callcenter/same-time-order.test.ts, the erlang examples by test/cli/erlang.test.ts.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleCommands, fencedBlocks, fileBlock, runShell, spocOnPath } from '../support/doc-blocks.ts';

const readme = readFileSync('README.md', 'utf8');
const blocks = fencedBlocks(readme);
const root = mkdtempSync(join(tmpdir(), 'spoc-readme-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const env = spocOnPath(root);
symlinkSync(resolve('scenarios'), join(root, 'scenarios'));

const sh = (text: string): { stdout: string; stderr: string } => {
  const run = runShell(text, root, env);
  expect(run.status, `${text}\n${run.stderr}`).toBe(0);
  return run;
};

describe("the README's examples", () => {
  it('give a minimal scenario that validates, also with the sweep block shown for it', () => {
    const scenario = fileBlock(readme, 'scenario.yaml').body;
    writeFileSync(join(root, 'scenario.yaml'), scenario);
    sh('spoc validate scenario.yaml');
    const sweep = blocks.find((b) => b.lang === 'yaml' && b.body.startsWith('sweep:\n'));
    expect(sweep?.body).toContain('designs.one-number.ivr.accuracy');
    writeFileSync(join(root, 'swept.yaml'), scenario + sweep!.body);
    sh('spoc validate swept.yaml');
  });

  it("give a callback offer that validates in the minimal scenario's one-number design", () => {
    const block = blocks.find((b) => b.lang === 'yaml' && b.body.includes('callbackOffer:'));
    const offer = block!.body.split('\n').find((line) => line.trimStart().startsWith('callbackOffer:'))!;
    const scenario = fileBlock(readme, 'scenario.yaml').body;
    expect(scenario).toContain('  one-number:\n');
    writeFileSync(join(root, 'offer.yaml'), scenario.replace('  one-number:\n', `  one-number:\n${offer}\n`));
    sh('spoc validate offer.yaml');
  });

  const consoles = blocks.filter((b) => b.lang === 'console').flatMap((b) => consoleCommands(b.body));
  it('paste the output of a trace', () => {
    expect(consoles.map((c) => c.line)).toContain('spoc trace scenarios/utility-numbers.yaml -d four-numbers --issues 1');
  });
  for (const { line, pasted } of consoles) {
    it(`print exactly what is pasted under "${line}"`, () => {
      expect(sh(line).stdout).toBe(pasted.map((l) => `${l}\n`).join(''));
    });
  }

  it('sweep the arrival rate to a CSV file and the IVR accuracy to JSON Lines, a row per point and design', () => {
    const sweeps = blocks.find((b) => b.attributes['checked'] === 'sweeps')!.body;
    const { stdout } = sh(sweeps);
    const csv = readFileSync(join(root, 'load.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(1 + 3 * 3);
    expect(csv.slice(1).map((row) => row.split(',')[1])).toEqual(['500/h', '500/h', '500/h', '600/h', '600/h', '600/h', '700/h', '700/h', '700/h']);
    const rows = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { params: Record<string, number>; design: string });
    expect(rows.map((r) => r.params['designs.one-number-ivr.ivr.accuracy'])).toEqual([0.7, 0.7, 0.7, 0.8, 0.8, 0.8, 0.9, 0.9, 0.9, 1, 1, 1]);
  });
});
