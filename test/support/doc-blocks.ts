// The fenced blocks of a Markdown guide, for the tests that run what the guides show: every
// block with its language, the words after it (```sh file=sweep.sbatch) and its place; a
// console block's commands (`$ ` lines, continued after a trailing backslash or an open
// quote) with the lines pasted under each; and `spoc` on the PATH as this checkout's
// bin/spoc.js, so a command runs as the reader types it.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export interface FencedBlock {
  /** The word after the opening fence: `sh`, `console`, `yaml`; '' for none. */
  readonly lang: string;
  /** The `key=value` words after the language (`file=sweep.sbatch`). */
  readonly attributes: Readonly<Record<string, string>>;
  /** The text between the fences, each line with its newline. */
  readonly body: string;
  /** Offset of the opening fence in the guide. */
  readonly at: number;
}

/** Every fenced block of a Markdown text, in order (fences of three backticks at a line start). */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const fence = /^```([^\n`]*)\n/gm;
  for (let open = fence.exec(markdown); open !== null; open = fence.exec(markdown)) {
    const start = open.index + open[0].length;
    const close = markdown.indexOf('\n```', start - 1);
    if (close < 0) throw new Error(`unclosed fence at offset ${open.index}`);
    const [lang = '', ...words] = open[1]!.trim().split(/\s+/);
    const attributes = Object.fromEntries(words.map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
    blocks.push({ lang, attributes, body: markdown.slice(start, close + 1), at: open.index });
    fence.lastIndex = markdown.indexOf('\n', close + 1) + 1;
  }
  return blocks;
}

/** The block that a guide gives as the file `name` (```sh file=NAME); throws when there is none or several. */
export function fileBlock(markdown: string, name: string): FencedBlock {
  const found = fencedBlocks(markdown).filter((b) => b.attributes['file'] === name);
  if (found.length !== 1) throw new Error(`expected one block marked file=${name}, found ${found.length}`);
  return found[0]!;
}

export interface ConsoleCommand {
  /** The command as typed, continuation lines included (joined by newlines). */
  readonly line: string;
  /** The lines shown under it, up to the next command. */
  readonly pasted: readonly string[];
}

/** Whether a command goes on to the next line: a trailing backslash or an open single quote. */
const unfinished = (command: string): boolean => command.endsWith('\\') || command.split("'").length % 2 === 0;

/** The commands of a console block, each with the lines pasted under it. */
export function consoleCommands(body: string): ConsoleCommand[] {
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
  return commands;
}

/** The first line of `wanted` not found in `lines` after the previous one (in order); undefined when all are. */
export function missingFrom(lines: readonly string[], wanted: readonly string[]): string | undefined {
  let k = 0;
  for (const line of wanted) {
    while (k < lines.length && lines[k] !== line) k++;
    if (k === lines.length) return line;
    k++;
  }
  return undefined;
}

/**
 * The first pasted line a command did not print, in order, or undefined: lines starting
 * `spoc: ` (warnings and notes) are looked for on standard error, the others on standard
 * output; a line `…` leaves lines out.
 */
export function unprinted(pasted: readonly string[], stdout: string, stderr: string): string | undefined {
  const shown = pasted.filter((l) => l !== '…');
  return (
    missingFrom(stderr.split('\n'), shown.filter((l) => l.startsWith('spoc: '))) ??
    missingFrom(stdout.split('\n'), shown.filter((l) => !l.startsWith('spoc: ')))
  );
}

/**
 * A folder `bin` under `root` holding `spoc`, this checkout's bin/spoc.js; returns the
 * environment with it first on the PATH.
 */
export function spocOnPath(root: string): NodeJS.ProcessEnv {
  const bin = join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'spoc'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(resolve('bin/spoc.js'))} "$@"\n`);
  chmodSync(join(bin, 'spoc'), 0o755);
  return { ...process.env, PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}` };
}

/** Runs a guide's shell text through bash, as the reader would paste it (`set -e`: the first failure stops it). */
export function runShell(text: string, cwd: string, env: NodeJS.ProcessEnv, timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync('bash', ['-e', '-c', text], { cwd, env, encoding: 'utf8', timeout });
}
