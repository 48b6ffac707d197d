// `spoc` as a process of its own, for what only a real process shows: exit codes set by
// Node itself, signals, files left behind, two runs at once, faults injected with --import.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';

export interface SpocProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
}

export interface SpocProcessOptions {
  /** Modules loaded before spoc (`node --import`), e.g. a fault injected. */
  readonly imports?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Where standard output goes: a pipe read into `out` (default) or a file descriptor. */
  readonly stdout?: number;
  /** Killed (SIGKILL) if still running after this long: a test of a hang cannot hang. */
  readonly killAfterMs?: number;
  /** Told of the child once started (to kill it, say). */
  readonly started?: (child: ChildProcess) => void;
}

export function spocProcess(args: readonly string[], options: SpocProcessOptions = {}): Promise<SpocProcessResult> {
  const stdio: StdioOptions = ['ignore', options.stdout ?? 'pipe', 'pipe'];
  const imports = (options.imports ?? []).flatMap((module) => ['--import', module]);
  const child = spawn(process.execPath, [...imports, 'bin/spoc.js', ...args], { stdio, env: { ...process.env, ...options.env } });
  options.started?.(child);
  if (options.killAfterMs !== undefined) {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('exit', () => clearTimeout(timer));
  }
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
}
