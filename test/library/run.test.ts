import { describe, expect, it } from 'vitest';
import { loadScenario, runScenario } from '../../src/index.ts';
import { spoc } from '../support/spoc-cli.ts';

const SMALL = 'test/fixtures/sweep/small.yaml';

async function cliJson(...args: string[]): Promise<string> {
  const { code, out, err } = await spoc('run', SMALL, '-f', 'json', '--no-progress', ...args);
  expect(err).toBe('');
  expect(code).toBe(0);
  return out;
}

const asJsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

describe('runScenario', () => {
  it('gives, for a file path, the object whose JSON is the text of spoc run -f json', async () => {
    const result = await runScenario(SMALL, { replications: 3, seed: 11, workers: 1 });
    expect(asJsonText(result)).toBe(await cliJson('-r', '3', '-s', '11', '-w', '1'));
    expect(result.replications).toBe(3);
    expect(result.designs['one-number']!.metrics.waitMean!.mean).toBeGreaterThan(0);
  });

  it('gives the same numbers for a loaded scenario on two worker threads, designs and intervals chosen', async () => {
    const result = await runScenario(loadScenario(SMALL), { replications: 4, seed: 2, workers: 2, designs: ['one-number', 'two-numbers'], interval: 1800 });
    expect(Object.keys(result.designs)).toEqual(['one-number', 'two-numbers']);
    // Two hours in half hours, then the drain after them.
    expect(result.designs['one-number']!.byInterval).toHaveLength(5);
    expect(asJsonText(result)).toBe(await cliJson('-r', '4', '-s', '2', '-w', '1', '-d', 'one-number', 'two-numbers', '--interval', '30m'));
  });

  it('reports progress one replication at a time up to the planned total', async () => {
    const calls: [number, number][] = [];
    await runScenario(SMALL, { replications: 5, workers: 2, onProgress: (done, planned) => calls.push([done, planned]) });
    expect(calls).toEqual([1, 2, 3, 4, 5].map((done) => [done, 5]));
  });

  it('rejects an unknown design with the InputError the command line shows', async () => {
    const { err } = await spoc('run', SMALL, '-d', 'no-such', '--no-progress');
    await expect(runScenario(SMALL, { designs: ['no-such'] })).rejects.toMatchObject({ name: 'UnknownDesignError' });
    const error = await runScenario(SMALL, { designs: ['no-such'] }).catch((e: Error) => e);
    expect(err).toContain((error as Error).message);
  });

  it('rejects an override out of range naming the field', async () => {
    await expect(runScenario(SMALL, { replications: 0 })).rejects.toThrow(/run\.replications: found 0 \(override\)/);
  });
});
