// For child processes (`node --import`): the process kills itself with SIGKILL as soon as it
// has made the temporary folder of an atomic write, as kill -9 mid-write would.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const original = fs.mkdtempSync;
fs.mkdtempSync = function (prefix, ...rest) {
  const made = original.call(this, prefix, ...rest);
  fs.writeFileSync(`${made}/partly-written`, 'some bytes');
  process.kill(process.pid, 'SIGKILL');
  return made;
};
syncBuiltinESMExports();
