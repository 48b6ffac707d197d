// Provenance: the version every output names is the package's own, and each result names
// the scenario file's bytes (and a sweep row its grid), so results of other origins can be
// told apart.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPOC_VERSION } from '../../src/experiment/provenance.ts';
import { SweepPlan } from '../../src/experiment/sweep-plan.ts';
import { parseScenario, runScenario } from '../../src/index.ts';
import { csvFields } from '../../src/report/sweep-rows.ts';
import { spoc } from '../support/spoc-cli.ts';
import { spocProcess } from '../support/spoc-process.ts';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const FILE = 'scenarios/students/misrouting.yaml';
const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The provenance columns of a sweep's CSV rows, by column name, one map per row. */
function rowProvenance(csv: string): Record<string, string>[] {
  const [header, ...rows] = csv.trimEnd().split('\n').map(csvFields);
  const names = ['seed', 'scenarioSha256', 'gridSha256', 'points', 'spoc'];
  return rows.map((row) => Object.fromEntries(names.map((name) => [name, row[header!.indexOf(name)]!])));
}

describe('the package version', () => {
  it('is the one of package.json (npm version keeps them together)', () => {
    expect(SPOC_VERSION).toBe(version);
  });

  it('is what spoc --version prints, and nothing else', async () => {
    const { code, out, err } = await spocProcess(['--version']);
    expect({ code, out, err }).toEqual({ code: 0, out: `${version}\n`, err: '' });
  }, 30_000);
});

describe('the provenance of a run', () => {
  it('names the version, the SHA-256 of the file as sha256sum gives it, the seed and the replications', async () => {
    const { code, out } = await spoc('run', FILE, '-f', 'json', '-r', '3', '--seed', '11');
    expect(code).toBe(0);
    expect(JSON.parse(out).provenance).toEqual({ spoc: version, scenarioSha256: sha256(readFileSync(FILE)), seed: 11, replications: 3 });
  });

  it('counts the replications a precision target ran, not those asked for', async () => {
    const { out } = await spoc('run', FILE, '-f', 'json', '-r', '2', '--precision', 'waitMean=0.000001', '--max-replications', '4');
    const result = JSON.parse(out);
    expect(result.provenance.replications).toBe(4);
    expect(result.provenance.replications).toBe(result.replications);
  });

  it('is the last line of the Markdown and in the HTML report\'s footer', async () => {
    const made = `Made by spoc-sim ${version} from the scenario file of SHA-256 ${sha256(readFileSync(FILE))}.`;
    const { out } = await spoc('run', FILE, '-f', 'markdown', '-r', '2');
    expect(out.endsWith(`\n\n${made}\n`)).toBe(true);
    const folder = mkdtempSync(join(tmpdir(), 'spoc-provenance-'));
    try {
      const report = join(folder, 'report.html');
      expect((await spoc('run', FILE, '-r', '2', '--report', report)).code).toBe(0);
      expect(readFileSync(report, 'utf8')).toMatch(new RegExp(`<footer>[^<]*${made.replaceAll('.', '\\.')}</footer>`));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('names the text given to the library, which matches the file it was read from', async () => {
    const text = readFileSync(FILE, 'utf8');
    const result = await runScenario(parseScenario(text), { replications: 2 });
    expect(result.provenance.scenarioSha256).toBe(sha256(readFileSync(FILE)));
    const edited = await runScenario(parseScenario(`${text}\n# a comment\n`), { replications: 2 });
    expect(edited.provenance.scenarioSha256).not.toBe(result.provenance.scenarioSha256);
    expect(edited.designs).toEqual(result.designs);
  });
});

describe('the provenance of sweep rows', () => {
  const sweep = async (...args: string[]): Promise<string> => {
    const { code, out, err } = await spoc('sweep', FILE, '-r', '2', '--workers', '1', ...args);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    return out;
  };

  it('is the same on every row of every shard: the file, the seed, the grid and its whole size', async () => {
    const set = ['--set', 'teams.billing.agents=4,5,6'];
    const rows = [...rowProvenance(await sweep(...set, '--shard', '1/2')), ...rowProvenance(await sweep(...set, '--shard', '2/2'))];
    expect(rows.length).toBeGreaterThan(3);
    const grid = new SweepPlan([{ path: 'teams.billing.agents', values: [4, 5, 6] }]);
    for (const row of rows) {
      expect(row).toEqual({ seed: expect.any(String), scenarioSha256: sha256(readFileSync(FILE)), gridSha256: grid.sha256, points: '3', spoc: version });
    }
    expect(new Set(rows.map((row) => row.seed)).size).toBe(1);
  });

  it('tells another grid and another seed apart', async () => {
    const [a] = rowProvenance(await sweep('--set', 'teams.billing.agents=4,5'));
    const [b] = rowProvenance(await sweep('--set', 'teams.billing.agents=4,6'));
    const [c] = rowProvenance(await sweep('--set', 'teams.billing.agents=4,5', '--seed', '12'));
    expect(b!.gridSha256).not.toBe(a!.gridSha256);
    expect({ ...c, seed: a!.seed }).toEqual(a);
    expect(c!.seed).toBe('12');
  });
});
