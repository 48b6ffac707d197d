// What a command loads at start-up: the charting libraries, the HTML renderer and the sweep
// machinery only when the command needs them, so short commands start fast. `spoc` runs
// the compiled code of dist/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spocProcess } from '../support/spoc-process.ts';

const folder = mkdtempSync(join(tmpdir(), 'spoc-start-up-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const TINY = 'bench/models/one-minute.yaml';
/** Modules that only a report or a sweep needs. */
const HEAVY = [/\/node_modules\/vega\//, /\/node_modules\/vega-lite\//, /\/dist\/report\/html\//, /\/dist\/experiment\/sweep-/];

let runs = 0;
/** The URLs of the modules `spoc ARGS` loaded, and its exit code. */
async function modulesLoadedBy(args: readonly string[]): Promise<{ code: number | null; urls: readonly string[] }> {
  const log = join(folder, `modules-${++runs}.txt`);
  const { code } = await spocProcess(args, { imports: ['./test/support/module-log.mjs'], env: { SPOC_MODULE_LOG: log } });
  return { code, urls: readFileSync(log, 'utf8').split('\n').filter((url) => url !== '') };
}

function heavyIn(urls: readonly string[]): readonly string[] {
  return urls.filter((url) => HEAVY.some((pattern) => pattern.test(url)));
}

describe('start-up', () => {
  const light: Record<string, readonly string[]> = {
    '--version': ['--version'],
    '--help': ['--help'],
    schema: ['schema'],
    validate: ['validate', TINY],
    erlang: ['erlang', '--rate', '600/h', '--handle', '4m', '--agents', '45'],
    'run without --report': ['run', TINY, '--format', 'json'],
  };
  for (const [name, args] of Object.entries(light)) {
    it(`${name} loads neither the charting libraries, the HTML renderer nor the sweep machinery`, async () => {
      const { code, urls } = await modulesLoadedBy(args);
      expect(code).toBe(0);
      expect(urls.some((url) => url.endsWith('/dist/cli/cli.js'))).toBe(true);
      expect(heavyIn(urls)).toEqual([]);
    }, 30_000);
  }

  it('--version loads no command at all', async () => {
    const { urls } = await modulesLoadedBy(['--version']);
    expect(urls.filter((url) => url.includes('/dist/cli/commands/'))).toEqual([]);
  }, 30_000);

  it('run with --report loads the charting libraries', async () => {
    const { code, urls } = await modulesLoadedBy(['run', TINY, '--report', join(folder, 'report.html'), '--out', join(folder, 'out.json')]);
    expect(code).toBe(0);
    expect(urls.some((url) => /\/node_modules\/vega-lite\//.test(url))).toBe(true);
  }, 60_000);
});
