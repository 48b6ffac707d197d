import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runScenario, runSweep } from '../../src/index.ts';

const SMALL = 'test/fixtures/sweep/small.yaml';

describe('an AbortSignal given to a run', () => {
  it('rejects the run with an AbortError once aborted after the first replication, and no replication is reported after', async () => {
    const controller = new AbortController();
    let reported = 0;
    const run = runScenario(SMALL, {
      replications: 200,
      workers: 2,
      signal: controller.signal,
      onProgress: () => {
        reported++;
        controller.abort('enough');
      },
    });
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'AbortError', cause: 'enough' });
    await sleep(300);
    expect(reported).toBe(1);
  });

  it('rejects a run and a sweep aborted before they start without running a replication', async () => {
    const signal = AbortSignal.abort();
    let reported = 0;
    await expect(runScenario(SMALL, { signal, onProgress: () => reported++ })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(runSweep(SMALL, { signal, onProgress: () => reported++ })).rejects.toMatchObject({ name: 'AbortError' });
    expect(reported).toBe(0);
  });

  it('ends the worker threads: the process of an aborted long run exits by itself', () => {
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/library/abort-run.ts'], { encoding: 'utf8', timeout: 30_000 });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe('AbortError true\n');
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    // The whole run, 100,000 replications of each design, takes many minutes.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
