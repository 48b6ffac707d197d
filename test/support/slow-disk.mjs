// A slow disk, for child processes (`node --import`): every write to a file whose name ends
// with SPOC_SLOW_DISK_SUFFIX (default .partial) takes SPOC_SLOW_DISK_MS (default 300 ms)
// longer, so that a test can act while a sweep is still writing.
import fs, { readlinkSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const delay = Number(process.env.SPOC_SLOW_DISK_MS ?? 300);
const suffix = process.env.SPOC_SLOW_DISK_SUFFIX ?? '.partial';
const pause = new Int32Array(new SharedArrayBuffer(4));

for (const name of ['writeSync', 'writeFileSync']) {
  const original = fs[name];
  fs[name] = function (fd, ...rest) {
    if (typeof fd === 'number' && fd > 2 && readlinkSync(`/proc/self/fd/${fd}`).endsWith(suffix)) Atomics.wait(pause, 0, 0, delay);
    return original.call(this, fd, ...rest);
  };
}
syncBuiltinESMExports();
