// The hidden folders an atomic write prepares its file in, beside the target: named after
// the target, the writing process and its host, so that one left by a process killed
// mid-write (kill -9, a power cut) is recognised and removed by the next write to the same
// path, while one a running process still writes in is left alone.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** This machine in a file name: a short hash of its host name. */
export const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/** The start of a temporary folder's name for `target`, completed by mkdtemp's 6 characters. */
export function tempFolderPrefix(target: string): string {
  return join(dirname(target), `.${basename(target)}.spoc-${process.pid}-${HOST_TAG}-`);
}

/**
 * Removes the temporary folders of earlier writes to `target` whose process is gone: made
 * on this host by a process that no longer runs. Anything else (another host's, a running
 * process's, a folder this writer did not make) is kept; a folder that cannot be removed
 * is left for the next time.
 */
export function removeStaleTempFolders(target: string): void {
  const dir = dirname(target);
  const pattern = new RegExp(`^\\.${escaped(basename(target))}\\.spoc-(\\d+)-([0-9a-f]{8})-[A-Za-z0-9]{6}$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (match === null || match[2] !== HOST_TAG || isRunning(Number(match[1]))) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
    } catch {
      // Left for the next write.
    }
  }
}

/** Whether a process with this id runs here (one we may not signal runs too). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
