// docs/guide-students.md as a student types it: every console block runs command by command
// through bash, from a folder where scenarios/ is the bundled one (`spoc` being this
// checkout's bin/spoc.js, jq for the tables), and every line pasted under a command is a
// line of what it prints, in order ("…" leaves lines out). The `spoc erlang` examples are
// compared whole in test/cli/erlang.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleCommands, fencedBlocks, runShell, spocOnPath, unprinted } from '../support/doc-blocks.ts';

const GUIDE = 'docs/guide-students.md';
const guide = readFileSync(GUIDE, 'utf8');
const blocks = fencedBlocks(guide)
  .filter((b) => b.lang === 'console')
  .map((b) => consoleCommands(b.body))
  .filter((commands) => commands.some((c) => !c.line.startsWith('spoc erlang ')));

const root = mkdtempSync(join(tmpdir(), 'spoc-students-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const env = spocOnPath(root);
symlinkSync(resolve('scenarios'), join(root, 'scenarios'));
const hasJq = spawnSync('jq', ['--version']).status === 0;

describe(`the commands of ${GUIDE}`, () => {
  it('include runs, sweeps and traces of the teaching scenarios', () => {
    const verbs = new Set(blocks.flatMap((commands) => commands.map((c) => c.line.split(' ').slice(0, 2).join(' '))));
    expect([...verbs]).toEqual(expect.arrayContaining(['spoc run', 'spoc sweep', 'spoc trace']));
  });

  for (const commands of blocks) {
    const needsJq = commands.some((c) => /(^|\| )jq /.test(c.line));
    it.skipIf(needsJq && !hasJq)(`print what the guide pastes under "${commands[0]!.line.split('\n')[0]}"`, () => {
      for (const { line, pasted } of commands) {
        const run = runShell(line, root, env);
        expect(run.status, `${line}\n${run.stderr}`).toBe(0);
        expect(unprinted(pasted, run.stdout, run.stderr), line).toBeUndefined();
      }
    });
  }
});
