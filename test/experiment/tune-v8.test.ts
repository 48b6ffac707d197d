import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('tuneV8', () => {
  it('sets a flag this Node accepts: V8 reports nothing', () => {
    // V8 prints "Error: unrecognized flag" for a flag it does not know, and carries on.
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', "const { tuneV8 } = await import('./src/experiment/tune-v8.ts'); tuneV8();"],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
