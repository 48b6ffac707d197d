// Before any test: dist/, which bin/spoc.js runs, compiled from the sources as they are now,
// so that a test of the command line never runs stale code; then the browser playground in
// dist/playground/ (the compile empties dist/ first), which its tests open.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { buildPlayground } from '../../build/playground.ts';

export default async function buildDist(): Promise<void> {
  rmSync('dist', { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  await buildPlayground();
}
