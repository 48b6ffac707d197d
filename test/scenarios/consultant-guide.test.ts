// The client file of docs/guide-consultants.md, saved as the guide tells the reader to: every
// console block that uses it is run as written (through bash, `spoc` being this checkout's
// bin/spoc.js, jq for the tables), and every line pasted under a command is a line of what it
// prints, in order (the guide's "…" leaves lines out). The blocks after the calibration run
// on the calibrated file: the draft with the three values the guide says to put in it.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const guide = readFileSync('docs/guide-consultants.md', 'utf8');
const draft = guide.slice(guide.indexOf('```yaml\n') + 8, guide.indexOf('```\n', guide.indexOf('```yaml\n')));
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

interface Command {
  readonly line: string;
  readonly pasted: readonly string[];
}
interface Block {
  readonly at: number;
  readonly commands: readonly Command[];
}

/** Whether a command goes on to the next line: a trailing backslash or an open single quote. */
const unfinished = (command: string): boolean => command.endsWith('\\') || command.split("'").length % 2 === 0;

/** The console blocks that use client.yaml, each command with the lines pasted under it. */
function clientBlocks(): Block[] {
  const blocks: Block[] = [];
  for (let at = guide.indexOf('```console\n'); at >= 0; at = guide.indexOf('```console\n', at + 1)) {
    const body = guide.slice(at + 11, guide.indexOf('```\n', at + 11));
    if (!body.includes('client.yaml')) continue;
    const commands: { line: string; pasted: string[] }[] = [];
    let continued = false;
    for (const text of body.split('\n').slice(0, -1)) {
      const last = commands[commands.length - 1];
      if (continued && last) last.line += `\n${text}`;
      else if (text.startsWith('$ ')) commands.push({ line: text.slice(2), pasted: [] });
      else last?.pasted.push(text);
      const current = commands[commands.length - 1];
      continued = current !== undefined && current.pasted.length === 0 && unfinished(current.line);
    }
    blocks.push({ at, commands });
  }
  return blocks;
}

/** Whether `lines` holds every line of `wanted`, in order. */
function missingFrom(lines: readonly string[], wanted: readonly string[]): string | undefined {
  let k = 0;
  for (const line of wanted) {
    while (k < lines.length && lines[k] !== line) k++;
    if (k === lines.length) return line;
    k++;
  }
  return undefined;
}

const root = mkdtempSync(join(tmpdir(), 'spoc-guide-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const bin = join(root, 'bin');
mkdirSync(bin);
writeFileSync(join(bin, 'spoc'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(resolve('bin/spoc.js'))} "$@"\n`);
chmodSync(join(bin, 'spoc'), 0o755);
const folderWith = (name: string, text: string): string => {
  const folder = join(root, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'client.yaml'), text);
  return folder;
};
const folders = { draft: folderWith('draft', draft), calibrated: folderWith('calibrated', calibrated) };
const hasJq = spawnSync('jq', ['--version']).status === 0;

describe("the consultant guide's client file", () => {
  const blocks = clientBlocks();

  it('is pasted in the blocks of validation, calibration, comparison, intervals and forecast uncertainty', () => {
    const commands = blocks.flatMap((b) => b.commands.map((c) => c.line.split(' ').slice(0, 3).join(' ')));
    expect(commands).toEqual(expect.arrayContaining(['spoc validate client.yaml', 'spoc sweep client.yaml', 'spoc run client.yaml']));
    expect(blocks.filter((b) => b.at > calibratedFrom).length).toBeGreaterThanOrEqual(4);
  });

  for (const { at, commands } of blocks) {
    const folder = at > calibratedFrom ? folders.calibrated : folders.draft;
    const needsJq = commands.some((c) => c.line.startsWith('jq '));
    it.skipIf(needsJq && !hasJq)(`prints what the guide pastes under "${commands[0]!.line.split('\n')[0]}"`, () => {
      for (const { line, pasted } of commands) {
        const run = spawnSync('bash', ['-c', line], { cwd: folder, encoding: 'utf8', env: { ...process.env, PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}` } });
        expect(run.status, `${line}\n${run.stderr}`).toBe(0);
        const shown = pasted.filter((l) => l !== '…');
        // spoc's warnings and notes go to standard error, the results to standard output.
        expect(missingFrom(run.stderr.split('\n'), shown.filter((l) => l.startsWith('spoc: '))), line).toBeUndefined();
        expect(missingFrom(run.stdout.split('\n'), shown.filter((l) => !l.startsWith('spoc: '))), line).toBeUndefined();
      }
    });
  }
});
