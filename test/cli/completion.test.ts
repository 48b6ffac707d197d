// `spoc completion`: a bash completion script, and the answers it asks spoc for.
import { describe, expect, it } from 'vitest';
import { spocProcess } from '../support/spoc-process.ts';

describe('spoc completion', () => {
  it('prints a bash completion script for the spoc command', async () => {
    const { code, out } = await spocProcess(['completion']);
    expect(code).toBe(0);
    expect(out).toContain('complete -o bashdefault -o default -F _spoc_yargs_completions spoc');
    expect(out).toContain('spoc --get-yargs-completions');
  }, 30_000);

  it('offers run when completing "spoc r"', async () => {
    const { code, out } = await spocProcess(['--get-yargs-completions', 'spoc', 'r']);
    expect(code).toBe(0);
    expect(out.split('\n')).toContain('run');
  }, 30_000);

  it("offers a command's options when completing after it", async () => {
    const { out } = await spocProcess(['--get-yargs-completions', 'spoc', 'run', '--']);
    expect(out.split('\n')).toEqual(expect.arrayContaining(['--replications', '--report']));
  }, 30_000);
});
