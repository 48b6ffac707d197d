// Same file and seed: byte-identical output. Another seed: different output.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';

async function jsonOf(...extra: string[]): Promise<string> {
  let out = '';
  const code = await runCli(['run', 'scenarios/utility-numbers.yaml', '--format', 'json', '-r', '3', ...extra], {
    stdout: (t) => (out += t),
    stderr: (t) => {
      throw new Error(t);
    },
  });
  expect(code).toBe(0);
  return out;
}

describe('determinism', () => {
  it('prints byte-identical JSON for the same file and seed', async () => {
    const first = await jsonOf();
    expect(await jsonOf()).toBe(first);
    expect(JSON.parse(first).replications).toBe(3);
  });

  it('prints different results for another seed', async () => {
    expect(await jsonOf('--seed', '99')).not.toBe(await jsonOf());
  });
});
