// One sweep at a time per output: a lock beside the partial file (OUT.partial.lock), created
// exclusively and holding the host and process id of its owner. A second sweep onto the
// same output is refused. The lock goes when the sweep ends, fails or is stopped by a
// signal; one left by a process killed outright (kill -9, a crash) is taken over once that
// process is gone, which can only be told on the host that made it.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { InputError } from '../scenario/index.ts';
import { codeOf } from './environment-error.ts';
import { isRunning } from './temp-folders.ts';

/** A lock held by this process until released (at the latest when the process exits). */
export interface PartialLock {
  readonly path: string;
  release(): void;
}

/** Who holds a lock, as its file says. */
interface Owner {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/**
 * Takes the lock of `partial` for this process.
 * @param label the output as the user named it (`--out out.csv`), for messages
 * @throws InputError when another running process holds it (or may: one on another host),
 *   or when the lock cannot be created
 */
export function lockPartialFile(partial: string, label: string): PartialLock {
  const path = `${partial}.lock`;
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw new InputError(`${label}: cannot create the lock ${path} (${codeOf(error)})`);
      const owner = ownerOf(path);
      if (attempt === 0 && owner !== undefined && owner.host === hostname() && !isRunning(owner.pid)) {
        rmSync(path, { force: true }); // left by a process that is gone: taken over
        continue;
      }
      throw new InputError(heldMessage(label, partial, path, owner));
    }
    const owner: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    try {
      writeSync(fd, `${JSON.stringify(owner)}\n`);
    } finally {
      closeSync(fd);
    }
    return heldLock(path);
  }
}

/** The signals that stop a sweep (Ctrl-C, a scheduler's preemption, a closed terminal). */
const STOPPING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function heldLock(path: string): PartialLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    for (const signal of STOPPING_SIGNALS) process.off(signal, stopped);
    rmSync(path, { force: true });
  };
  // Stopped by a signal: the lock goes, then the signal does what it would have done (a
  // requeued shard, on whatever host, finds no lock in its way).
  const stopped = (signal: NodeJS.Signals): void => {
    release();
    process.kill(process.pid, signal);
  };
  // However the command ends (an error, a closed pipe's exit), the lock goes with it.
  process.on('exit', release);
  for (const signal of STOPPING_SIGNALS) process.on(signal, stopped);
  return { path, release };
}

/** The owner a lock file names, or undefined when it cannot be read (being written, or not a lock). */
function ownerOf(path: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<Owner>;
    if (Number.isSafeInteger(owner.pid) && typeof owner.host === 'string') {
      return { pid: owner.pid!, host: owner.host, since: typeof owner.since === 'string' ? owner.since : 'an unknown time' };
    }
  } catch {
    // Unreadable: treated as held.
  }
  return undefined;
}

function heldMessage(label: string, partial: string, path: string, owner: Owner | undefined): string {
  const who = owner === undefined ? 'another sweep' : `another sweep (process ${owner.pid} on ${owner.host}, since ${owner.since})`;
  const where = owner === undefined || owner.host === hostname() ? '' : ` on ${owner.host}`;
  return `${label}: ${who} is writing ${partial}; wait for it to end, or, if it no longer runs${where}, remove ${path}`;
}
