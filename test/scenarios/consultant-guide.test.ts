// The client file of docs/guide-consultants.md, saved as the guide tells the reader to: every
// console block that uses it is run as written (through bash, `spoc` being this checkout's
// bin/spoc.js, jq for the tables), and every line pasted under a command is a line of what it
// prints, in order (the guide's "…" leaves lines out). The blocks after the calibration run
// on the calibrated file: the draft with the three values the guide says to put in it. The
// guide's examples on the bundled scenarios are run the same way, from a folder holding them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleCommands, fencedBlocks, spocOnPath, unprinted, type ConsoleCommand } from '../support/doc-blocks.ts';

const guide = readFileSync('docs/guide-consultants.md', 'utf8');
const draft = fencedBlocks(guide).find((b) => b.lang === 'yaml')!.body;
const calibratedFrom = guide.indexOf('the rest of this guide uses the calibrated file');

/** The three values the calibration puts in the file, as the guide names them. */
const CALIBRATION: readonly (readonly [string, string])[] = [
  ['wrapUp: 1m30s, resolve: 0.60', 'wrapUp: 1m, resolve: 0.60'],
  ['patience: { dist: exponential, mean: 2m30s }', 'patience: { dist: exponential, mean: 2m }'],
  ['dialing: { right: 0.85 }', 'dialing: { right: 0.83 }'],
];
const calibrated = CALIBRATION.reduce((text, [from, to]) => {
  if (!text.includes(from)) throw new Error(`the guide's client file has no "${from}"`);
  return text.replace(from, to);
}, draft);

interface Block {
  readonly at: number;
  readonly commands: readonly ConsoleCommand[];
}

/** The console blocks that use client.yaml (or, `client` false, the others), each command with the lines pasted under it. */
function consoleBlocks(client: boolean): Block[] {
  return fencedBlocks(guide)
    .filter((b) => b.lang === 'console' && b.body.includes('client.yaml') === client)
    .map((b) => ({ at: b.at, commands: consoleCommands(b.body) }));
}

const root = mkdtempSync(join(tmpdir(), 'spoc-guide-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const env = spocOnPath(root);
const folderWith = (name: string, text: string): string => {
  const folder = join(root, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'client.yaml'), text);
  return folder;
};
const folders = { draft: folderWith('draft', draft), calibrated: folderWith('calibrated', calibrated) };
/** A folder where scenarios/ is the bundled one, for the guide's examples on it. */
const bundled = join(root, 'bundled');
mkdirSync(bundled);
symlinkSync(resolve('scenarios'), join(bundled, 'scenarios'));
const hasJq = spawnSync('jq', ['--version']).status === 0;

describe("the consultant guide's client file", () => {
  const blocks = consoleBlocks(true);

  it('is pasted in the blocks of validation, calibration, comparison, intervals and forecast uncertainty', () => {
    const commands = blocks.flatMap((b) => b.commands.map((c) => c.line.split(' ').slice(0, 3).join(' ')));
    expect(commands).toEqual(expect.arrayContaining(['spoc validate client.yaml', 'spoc sweep client.yaml', 'spoc run client.yaml']));
    expect(blocks.filter((b) => b.at > calibratedFrom).length).toBeGreaterThanOrEqual(4);
  });

  for (const { at, commands } of blocks) checkBlock(commands, at > calibratedFrom ? folders.calibrated : folders.draft);
});

describe("the consultant guide's examples on the bundled scenarios", () => {
  const blocks = consoleBlocks(false);
  it('are there', () => expect(blocks.length).toBeGreaterThanOrEqual(4));
  for (const { commands } of blocks) checkBlock(commands, bundled);
});

/** Runs a block's commands in `folder` as the reader types them; each pasted line must be printed, in order. */
function checkBlock(commands: readonly ConsoleCommand[], folder: string): void {
  const needsJq = commands.some((c) => c.line.startsWith('jq '));
  it.skipIf(needsJq && !hasJq)(`prints what the guide pastes under "${commands[0]!.line.split('\n')[0]}"`, () => {
    for (const { line, pasted } of commands) {
      const run = spawnSync('bash', ['-c', line], { cwd: folder, encoding: 'utf8', env });
      expect(run.status, `${line}\n${run.stderr}`).toBe(0);
      // spoc's warnings and notes go to standard error, the results to standard output.
      expect(unprinted(pasted, run.stdout, run.stderr), line).toBeUndefined();
    }
    // A staffing search simulates hundreds of candidates: tens of seconds on two cores.
  }, 300_000);
}
