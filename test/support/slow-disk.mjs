// A slow disk, for child processes (`node --import`): every write to a file whose name ends
// with .partial takes SPOC_SLOW_DISK_MS (default 300 ms) longer or, with
// SPOC_HOLD_WRITES_UNTIL, waits until that file exists, so that a test can act while a
// sweep is still writing.
import fs, { existsSync, readlinkSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const delay = Number(process.env.SPOC_SLOW_DISK_MS ?? 300);
const until = process.env.SPOC_HOLD_WRITES_UNTIL;
const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms) => Atomics.wait(pause, 0, 0, ms);

for (const name of ['writeSync', 'writeFileSync']) {
  const original = fs[name];
  fs[name] = function (fd, ...rest) {
    if (typeof fd === 'number' && fd > 2 && readlinkSync(`/proc/self/fd/${fd}`).endsWith('.partial')) {
      if (until === undefined) sleep(delay);
      else while (!existsSync(until)) sleep(50);
    }
    return original.call(this, fd, ...rest);
  };
}
syncBuiltinESMExports();
