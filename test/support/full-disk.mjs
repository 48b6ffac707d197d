// A disk that fills up, for child processes (`node --import`): once SPOC_FULL_DISK_AFTER
// bytes have been written to files whose name ends with SPOC_FULL_DISK_SUFFIX, every further
// write to them fails with ENOSPC, as on a full file system.
import fs, { readlinkSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const limit = Number(process.env.SPOC_FULL_DISK_AFTER ?? 0);
const suffix = process.env.SPOC_FULL_DISK_SUFFIX ?? '.partial';
let written = 0;

const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
const onTheFullDisk = (fd) => typeof fd === 'number' && fd > 2 && readlinkSync(`/proc/self/fd/${fd}`).endsWith(suffix);

for (const name of ['writeSync', 'writeFileSync']) {
  const original = fs[name];
  fs[name] = function (fd, data, ...rest) {
    if (onTheFullDisk(fd)) {
      const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
      if (written + size > limit) throw full();
      written += size;
    }
    return original.call(this, fd, data, ...rest);
  };
}
syncBuiltinESMExports();
