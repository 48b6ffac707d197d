// Before any test: dist/, which bin/spoc.js runs, compiled from the sources as they are now,
// so that a test of the command line never runs stale code.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

export default function buildDist(): void {
  rmSync('dist', { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
